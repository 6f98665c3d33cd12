"""MonthlyTally: the dashboard read from the monthly counts shows what the answers themselves say."""

from __future__ import annotations

import datetime
import random

import pytest
import time_machine

from plus1.accounts.models import Team
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype
from plus1.core import clock
from plus1.feedback import rollups, selectors, services
from plus1.feedback.bulk import load_answers
from plus1.feedback.constants import Channel
from plus1.feedback.models import Answer, MonthlyTally
from plus1.feedback.selectors import Scope, Tally, period_of
from plus1.feedback.surveys import current_survey
from plus1.feedback.tallies import COUNT_FIELDS, rebuild_monthly_tallies
from plus1.tenants.selectors import get_gemeente

from .core_factories import adoption_for, closed_zaak
from .factories import AnswerFactory, base_process

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 17)


@pytest.fixture
def _today():
    with time_machine.travel(datetime.datetime(2026, 6, 17, 12, 0), tick=False):
        yield


@pytest.fixture
def random_answers(_today, gemeente_a, gemeente_b):
    """A few hundred answers over fourteen months: random process, team, channel, score and ease."""
    rng = random.Random(19)
    processes = [base_process("Paspoort aanvragen"), base_process("Parkeervergunning aanvragen"), None]
    teams = [Team.objects.create(tenant=gemeente_a, name="Publiekszaken"), None]
    channels = [Channel.ONLINE, Channel.BALIE, Channel.TELEFOON]
    for _ in range(300):
        AnswerFactory(
            tenant=gemeente_a,
            answered_on=TODAY - datetime.timedelta(days=rng.randint(0, 430)),
            score=rng.randint(1, 10),
            effort=rng.choice([None, 1, 2, 3, 4, 5]),
            channel=rng.choice(channels),
            process=rng.choice(processes),
            team=rng.choice(teams),
        )
    AnswerFactory.create_batch(5, tenant=gemeente_b, score=1, effort=1)
    return processes, teams


def _tally(answers) -> Tally:
    tally = Tally()
    for answer in answers:
        effort = answer.effort
        tally.add(
            {
                "answers": 1,
                "score_sum": answer.score,
                "effort_answers": 1 if effort is not None else 0,
                "effort_sum": effort or 0,
                "easy": 1 if effort is not None and effort >= selectors.EASY_FROM else 0,
                **{f"score_{s}": int(answer.score == s) for s in selectors.SCORES},
            }
        )
    return tally


def _grouped(answers, key) -> dict:
    groups: dict = {}
    for answer in answers:
        groups.setdefault(key(answer), []).append(answer)
    return {k: _tally(group).figures("", "") for k, group in groups.items()}


def _by_key(figures) -> dict:
    return {f.key: (f.answers, f.average, f.effort_answers, f.effort_average, f.easy_share) for f in figures}


def _plain(figures) -> tuple:
    return (
        figures.answers,
        figures.average,
        figures.effort_answers,
        figures.effort_average,
        figures.easy_share,
    )


def _assert_same_as_the_answers(scope: Scope) -> None:
    answers = list(selectors.answers_in(scope))
    board = selectors.dashboard(scope)

    total = _tally(answers)
    assert _plain(board.summary.totals) == _plain(total.figures(""))
    assert [count for _score, count, _share in board.summary.distribution] == total.scores
    per_month = _grouped(answers, lambda a: a.answered_on.replace(day=1))
    for point in board.months:
        expected = per_month.get(point.start, Tally().figures(""))
        assert _plain(point.figures) == _plain(expected), point.start
    per_week = _grouped(answers, lambda a: a.answered_on - datetime.timedelta(days=a.answered_on.weekday()))
    assert 0 < len(board.weeks) <= selectors.TREND_WEEKS
    for point in board.weeks:
        assert _plain(point.figures) == _plain(per_week.get(point.start, Tally().figures(""))), point.start
    if scope.process is None:
        expected = _grouped(answers, lambda a: str(a.process_id or ""))
        assert _by_key(board.processes) == {k: _plain(f) for k, f in expected.items()}
    if scope.team is None:
        expected = _grouped(answers, lambda a: str(a.team_id or ""))
        assert _by_key(board.teams) == {k: _plain(f) for k, f in expected.items()}
    if not scope.channel:
        expected = _grouped(answers, lambda a: a.channel)
        assert _by_key(board.channels) == {k: _plain(f) for k, f in expected.items()}
    # The separate figures agree with the dashboard's.
    assert _plain(selectors.summary(scope).totals) == _plain(board.summary.totals)
    assert [p.figures for p in selectors.trend_per_month(scope)] == [p.figures for p in board.months]
    assert [p.figures for p in selectors.trend_per_week(scope)] == [p.figures for p in board.weeks]


@pytest.mark.parametrize("months", [3, 12, 24])
def test_the_dashboard_from_the_tallies_equals_the_answers(random_answers, gemeente_a, months):
    processes, teams = random_answers
    period = period_of(months=months)
    _assert_same_as_the_answers(Scope(tenant=gemeente_a, period=period))
    _assert_same_as_the_answers(Scope(tenant=gemeente_a, period=period, process=processes[0]))
    _assert_same_as_the_answers(Scope(tenant=gemeente_a, period=period, team=teams[0]))
    _assert_same_as_the_answers(Scope(tenant=gemeente_a, period=period, channel=Channel.BALIE))


def test_a_period_ending_on_a_months_last_day_reads_only_tallies(random_answers, gemeente_a):
    period = selectors.Period(since=datetime.date(2025, 6, 1), until=datetime.date(2026, 5, 31), months=12)
    assert period.running_month is None and len(period.whole_months()) == 12
    _assert_same_as_the_answers(Scope(tenant=gemeente_a, period=period))


def test_the_ended_months_come_from_the_tallies(random_answers, gemeente_a):
    """Without tallies only the running month's answers count: the ended months are not re-read."""
    MonthlyTally.objects.all().delete()
    board = selectors.dashboard(Scope(tenant=gemeente_a, period=period_of()))
    in_this_month = Answer.objects.filter(tenant=gemeente_a, answered_on__gte=TODAY.replace(day=1)).count()
    assert board.summary.totals.answers == in_this_month


def _tallies() -> set[tuple]:
    return set(
        MonthlyTally.objects.values_list(
            "tenant_id", "month", "process_key", "team_key", "channel", *COUNT_FIELDS
        )
    )


def test_rebuilding_gives_the_same_tallies_as_counting_along(random_answers, gemeente_a):
    along = _tallies()
    MonthlyTally.objects.update(answered=999)
    assert rebuild_monthly_tallies(tenant=gemeente_a) > 0
    rollups.rebuild_monthly_scores()
    assert _tallies() == along


def test_submitting_an_answer_counts_it_in_the_tally(gemeente_a):
    adoption = adoption_for(gemeente_a)
    invitations = [services.invite_after_closing(zaak=closed_zaak(adoption=adoption)) for _ in range(2)]
    for invitation, score, effort in zip(invitations, (9, 3), (5, None), strict=True):
        services.submit_answer(
            invitation=invitation,
            score=score,
            effort=effort,
            improvement="",
            own_answers={},
            may_call=False,
            call_phone="",
        )

    tally = MonthlyTally.objects.get(tenant=gemeente_a)
    answer = Answer.objects.filter(tenant=gemeente_a).first()
    assert (tally.month, tally.process_key, tally.team_key, tally.channel) == (
        clock.today().replace(day=1),
        adoption.process_id,
        answer.team_id or 0,
        answer.channel,
    )
    assert (
        tally.answered,
        tally.score_9,
        tally.score_3,
        tally.effort_count,
        tally.effort_sum,
        tally.easy_count,
    ) == (
        2,
        1,
        1,
        1,
        5,
        1,
    )


def test_answers_of_a_deleted_team_show_under_no_team(_today, gemeente_a):
    team = Team.objects.create(tenant=gemeente_a, name="Opgeheven")
    AnswerFactory(tenant=gemeente_a, team=team, answered_on=datetime.date(2026, 3, 4), score=6)
    AnswerFactory(tenant=gemeente_a, team=None, answered_on=datetime.date(2026, 4, 4), score=8)
    team.delete()

    scope = Scope(tenant=gemeente_a, period=period_of())
    assert [(f.label, f.answers, f.average) for f in selectors.dashboard(scope).teams] == [
        ("Geen team", 2, 7.0)
    ]
    _assert_same_as_the_answers(scope)


def test_a_bulk_load_fills_the_tallies_as_a_rebuild_would():
    zaaktype = handling_zaaktype()
    gemeenten = [get_gemeente(cbs_code=code) for code in ("GM0344", "GM0014", "GM0193", "GM0363", "GM0599")]
    for gemeente in gemeenten:
        adopt_with_team(gemeente=gemeente, zaaktype=zaaktype)
    load_answers(gemeenten=gemeenten, survey=current_survey(), answers=1000, today=TODAY)
    loaded = _tallies()

    rebuild_monthly_tallies()

    assert loaded and _tallies() == loaded
    assert sum(row[5] for row in loaded) == Answer.objects.count()
