"""A year of answers at once (the demo's klantwaardering): realistic, anonymous, summed right."""

import datetime
import statistics

import pytest

from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype
from plus1.feedback.bulk import REMARKS, load_answers
from plus1.feedback.constants import CALL_BACK_AT_OR_BELOW, Channel, InvitationMode
from plus1.feedback.models import Answer, CallBack, Invitation, InvitationPolicy, MonthlyScore
from plus1.feedback.rollups import rebuild_monthly_scores
from plus1.feedback.surveys import current_survey
from plus1.tenants.selectors import get_gemeente

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 7)
# Utrecht, Groningen, Zwolle, Amsterdam, Rotterdam, Den Haag.
CBS_CODES = ["GM0344", "GM0014", "GM0193", "GM0363", "GM0599", "GM0518"]


@pytest.fixture
def gemeenten():
    zaaktype = handling_zaaktype()
    result = []
    for code in CBS_CODES:
        gemeente = get_gemeente(cbs_code=code)
        adopt_with_team(gemeente=gemeente, zaaktype=zaaktype)
        result.append(gemeente)
    return result


def _sums():
    return sorted(
        MonthlyScore.objects.values_list(
            "tenant_id", "process_id", "month", "invited", "answered", "score_sum", "effort_count",
            "effort_sum", "lead_time_count", "within_norm_count",
        )
    )  # fmt: skip


def test_a_year_of_answers_looks_like_residents_wrote_it(gemeenten):
    result = load_answers(gemeenten=gemeenten, survey=current_survey(), answers=3000, today=TODAY)

    answers = list(Answer.objects.all())
    assert 2400 <= len(answers) == result.answers <= 3600
    scores = [a.score for a in answers]
    assert 6.9 <= statistics.mean(scores) <= 7.7
    assert {1, 10} <= set(scores) <= set(range(1, 11))
    # Easy service scores higher: "het was makkelijk" follows the rapportcijfer.
    unhappy = [a.effort for a in answers if a.score <= 5 and a.effort]
    happy = [a.effort for a in answers if a.score >= 8 and a.effort]
    assert statistics.mean(unhappy) + 1 < statistics.mean(happy)
    remarks = {remark for theme in REMARKS.values() for remark in theme}
    texts = [a.improvement for a in answers if a.improvement]
    assert 0.1 * len(answers) < len(texts) < 0.5 * len(answers)
    assert set(texts) <= remarks
    assert {a.channel for a in answers} >= {Channel.ONLINE, Channel.BALIE, Channel.TELEFOON}
    # A year, not a day: every month has answers, none in the future.
    assert len({a.answered_on.replace(day=1) for a in answers}) == 12
    assert max(a.answered_on for a in answers) < TODAY
    late = [a for a in answers if a.within_norm is False]
    assert late and all(a.lead_time_days > 0 for a in late)
    # Nothing that names a resident or a zaak.
    assert not any(a.zaak_id for a in answers)
    assert all(a.team_id for a in answers)


def test_the_gemeenten_differ_enough_for_a_benchmark(gemeenten):
    load_answers(gemeenten=gemeenten, survey=current_survey(), answers=3000, today=TODAY)

    averages = []
    for gemeente in gemeenten:
        scores = list(Answer.objects.for_tenant(gemeente).values_list("score", flat=True))
        assert len(scores) >= 10, gemeente
        averages.append(statistics.mean(scores))
        invited = sum(MonthlyScore.objects.for_tenant(gemeente).values_list("invited", flat=True))
        assert 0.15 <= len(scores) / invited <= 0.45, "response rate 20-40%"
    assert max(averages) - min(averages) > 0.3


def test_the_monthly_sums_are_what_a_rebuild_from_the_rows_gives(gemeenten):
    result = load_answers(gemeenten=gemeenten, survey=current_survey(), answers=1500, today=TODAY)
    loaded = _sums()

    rebuild_monthly_scores()

    assert _sums() == loaded
    assert result.monthly_scores == len(loaded)
    assert sum(row[4] for row in loaded) == Answer.objects.count()


def test_old_invitations_and_phone_numbers_are_gone_as_after_the_retention_period(gemeenten):
    load_answers(gemeenten=gemeenten, survey=current_survey(), answers=1500, today=TODAY)

    oldest_invitation = Invitation.objects.order_by("expires_at").first()
    assert oldest_invitation.created_at.date() > TODAY - datetime.timedelta(days=150)
    assert sum(MonthlyScore.objects.values_list("invited", flat=True)) > 2 * Invitation.objects.count()
    old = Answer.objects.filter(answered_on__lt=TODAY - datetime.timedelta(days=91))
    assert old.exists() and not old.exclude(call_phone="").exists()
    older = Answer.objects.filter(answered_on__lt=TODAY - datetime.timedelta(days=125))
    assert older.exists() and not older.filter(invitation__isnull=False).exists()
    linked = set(Answer.objects.exclude(invitation=None).values_list("invitation_id", flat=True))
    assert linked and linked <= set(Invitation.objects.values_list("id", flat=True))


def test_unhappy_residents_who_may_be_called_become_call_backs_the_recent_ones_still_open(gemeenten):
    load_answers(gemeenten=gemeenten, survey=current_survey(), answers=4000, today=TODAY)

    call_backs = CallBack.objects.select_related("answer")
    assert call_backs.exists()
    assert all(c.answer.may_call and c.answer.score <= CALL_BACK_AT_OR_BELOW for c in call_backs)
    assert all(c.team_id == c.answer.team_id for c in call_backs)
    two_weeks_ago = datetime.datetime.combine(
        TODAY - datetime.timedelta(days=14), datetime.time(), tzinfo=datetime.UTC
    )
    assert not call_backs.filter(handled_at__isnull=True, created_at__lt=two_weeks_ago).exists()
    assert not call_backs.filter(handled_at__isnull=False).exclude(outcome__gt="").exists()


def test_loading_twice_adds_nothing_and_a_process_set_to_never_gets_no_answers(gemeenten, actor):
    utrecht = gemeenten[0]
    process = utrecht.pk and MonthlyScore._meta.get_field("process").related_model.objects.get(
        adoptions__tenant=utrecht
    )
    InvitationPolicy.objects.create(tenant=utrecht, process=process, mode=InvitationMode.NEVER)
    load_answers(gemeenten=gemeenten, survey=current_survey(), answers=1000, today=TODAY)
    counts = (Invitation.objects.count(), Answer.objects.count(), _sums())

    again = load_answers(gemeenten=gemeenten, survey=current_survey(), answers=1000, today=TODAY)

    assert again.answers == 0
    assert (Invitation.objects.count(), Answer.objects.count(), _sums()) == counts
    assert not Answer.objects.for_tenant(utrecht).exists()
