"""Call-backs: who sees which, handling one once, and every read of an answer with its zaak logged."""

from __future__ import annotations

import pytest

from plus1.accounts.constants import Role
from plus1.accounts.models import Team
from plus1.audit.models import AuditEntry, ProcessingRecord
from plus1.audit.selectors import records_for_subject
from plus1.audit.services import Actor
from plus1.cases.processing import Purpose
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak
from plus1.feedback import callbacks
from plus1.feedback.constants import MAX_TEXT_LENGTH
from plus1.feedback.models import CallBack

from .followup_factories import make_answer, make_employee

pytestmark = pytest.mark.django_db

BSN = "999993653"


@pytest.fixture
def zaak_a(gemeente_a):
    return new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype()), bsn=BSN)


@pytest.fixture
def call_back(gemeente_a, zaak_a):
    return make_answer(gemeente_a, zaak=zaak_a, score=3).call_back


@pytest.fixture
def behandelaar(gemeente_a, zaak_a, actor):
    return make_employee("behandelaar", gemeente=gemeente_a, team=zaak_a.team)


def test_only_a_low_score_with_permission_to_call_becomes_a_call_back(gemeente_a, zaak_a):
    assert make_answer(gemeente_a, zaak=None, score=5, may_call=True).call_back
    assert not CallBack.objects.filter(answer=make_answer(gemeente_a, score=6, may_call=True)).exists()
    assert not CallBack.objects.filter(answer=make_answer(gemeente_a, score=2, may_call=False)).exists()


def test_a_behandelaar_sees_the_open_call_backs_of_their_own_team_only(
    gemeente_a, gemeente_b, zaak_a, call_back, behandelaar
):
    other_team = Team.objects.create(tenant=gemeente_a, name="Burgerzaken")
    make_answer(gemeente_a, team=other_team, score=1)
    make_answer(gemeente_b, team=Team.objects.create(tenant=gemeente_b, name="Vergunningen"), score=1)

    team_ids = callbacks.visible_team_ids(behandelaar, gemeente_a)
    shown = callbacks.open_call_backs_for(tenant=gemeente_a, team_ids=team_ids)

    assert shown == [call_back]
    assert callbacks.count_open_call_backs(tenant=gemeente_a, team_ids=team_ids) == 1


def test_a_teamleider_of_the_gemeente_sees_every_team_and_call_backs_without_a_team(
    gemeente_a, gemeente_b, call_back, actor
):
    other_team = Team.objects.create(tenant=gemeente_a, name="Burgerzaken")
    elsewhere = make_answer(gemeente_a, team=other_team, score=1).call_back
    without_team = make_answer(gemeente_a, team=None, score=2).call_back
    make_answer(gemeente_b, score=1)
    teamleider = make_employee("leider", gemeente=gemeente_a, role=Role.TEAMLEIDER)

    team_ids = callbacks.visible_team_ids(teamleider, gemeente_a)
    shown = callbacks.open_call_backs_for(tenant=gemeente_a, team_ids=team_ids)

    assert team_ids is None
    assert set(shown) == {call_back, elsewhere, without_team}
    assert callbacks.can_handle_call_back(teamleider, without_team)


def test_roles_without_zaken_work_on_no_call_backs(gemeente_a, call_back, actor):
    for role in (Role.BEHEERDER, Role.PRIVACY_OFFICER, Role.KWALITEITSMEDEWERKER):
        person = make_employee(f"p-{role}", gemeente=gemeente_a, role=role, team=call_back.team)
        assert not callbacks.can_work_on_call_backs(person, gemeente_a)
        assert callbacks.open_count_for_employee(user=person, tenant=gemeente_a) is None
        assert not callbacks.can_handle_call_back(person, call_back)


def test_handling_a_call_back_records_the_outcome_who_and_when_with_an_audit_row(
    gemeente_a, call_back, behandelaar
):
    handled = callbacks.handle_call_back(
        call_back=call_back,
        outcome="  Gebeld: de inwoner was niet op de hoogte van de termijn. Excuses aangeboden.  ",
        user=behandelaar,
        actor=Actor.from_user(behandelaar),
    )

    call_back.refresh_from_db()
    assert call_back.handled_at is not None and call_back.handled_by == behandelaar
    assert call_back.outcome == "Gebeld: de inwoner was niet op de hoogte van de termijn. Excuses aangeboden."
    assert handled.pk == call_back.pk
    audit = AuditEntry.objects.get(action="handle_call_back", object_id=str(call_back.pk))
    assert audit.tenant == gemeente_a and audit.actor_label == "behandelaar"
    assert audit.before == {"handled_at": None} and audit.after["handled_by"] == "behandelaar"
    assert callbacks.open_call_backs_for(tenant=gemeente_a, team_ids=None) == []


def test_a_second_handling_is_refused_and_changes_nothing(gemeente_a, call_back, behandelaar, actor):
    colleague = make_employee(
        "collega", gemeente=gemeente_a, team=call_back.team, first_name="Kees", last_name="Bos"
    )
    stale_copy = CallBack.objects.get(pk=call_back.pk)
    callbacks.handle_call_back(
        call_back=call_back, outcome="Gebeld.", user=colleague, actor=Actor.from_user(colleague)
    )

    with pytest.raises(callbacks.CallBackError, match="al afgehandeld door Kees Bos"):
        callbacks.handle_call_back(
            call_back=stale_copy, outcome="Ook gebeld.", user=behandelaar, actor=Actor.from_user(behandelaar)
        )

    call_back.refresh_from_db()
    assert call_back.outcome == "Gebeld." and call_back.handled_by == colleague
    assert AuditEntry.objects.filter(action="handle_call_back").count() == 1


@pytest.mark.parametrize(
    ("outcome", "message"),
    [
        ("", "Schrijf op hoe het gesprek ging"),
        ("   \x00 ", "Schrijf op"),
        ("x" * (MAX_TEXT_LENGTH + 1), "te lang"),
    ],
    ids=["empty", "blank", "too-long"],
)
def test_an_empty_or_too_long_outcome_is_refused(call_back, behandelaar, outcome, message):
    with pytest.raises(callbacks.CallBackError, match=message):
        callbacks.handle_call_back(
            call_back=call_back, outcome=outcome, user=behandelaar, actor=Actor.from_user(behandelaar)
        )
    call_back.refresh_from_db()
    assert call_back.handled_at is None and call_back.outcome == ""


def test_a_behandelaar_of_another_team_cannot_handle_it(gemeente_a, call_back, actor):
    other = make_employee(
        "ander-team",
        gemeente=gemeente_a,
        team=Team.objects.create(tenant=gemeente_a, name="Wmo"),
    )
    assert not callbacks.can_handle_call_back(other, call_back)
    with pytest.raises(callbacks.CallBackError, match="eigen team"):
        callbacks.handle_call_back(
            call_back=call_back, outcome="Gebeld.", user=other, actor=Actor.from_user(other)
        )
    call_back.refresh_from_db()
    assert call_back.handled_at is None


def test_another_gemeente_cannot_fetch_the_call_back(gemeente_b, call_back):
    with pytest.raises(CallBack.DoesNotExist):
        callbacks.get_call_back(tenant=gemeente_b, call_back_id=call_back.pk)


def test_showing_an_answer_with_its_zaak_is_logged_as_a_read_about_the_resident(
    gemeente_a, zaak_a, call_back, behandelaar
):
    before = records_for_subject(tenant=gemeente_a, identifier=BSN).count()
    purpose = Purpose.handling(Actor.from_user(behandelaar), operation="test")

    callbacks.open_call_backs_for(tenant=gemeente_a, team_ids=[zaak_a.team_id], purpose=purpose)

    records = records_for_subject(tenant=gemeente_a, identifier=BSN)
    assert records.count() == before + 1
    record = records.first()
    assert (record.object_type, record.object_id, record.action) == ("cases.zaak", str(zaak_a.pk), "read")
    assert record.actor_label == "behandelaar"


def test_an_answer_without_a_zaak_is_logged_against_the_call_back(gemeente_a, behandelaar):
    call_back = make_answer(gemeente_a, team=behandelaar.teams.first(), score=2).call_back
    purpose = Purpose.handling(Actor.from_user(behandelaar))

    callbacks.log_call_back_reads([call_back], purpose)

    record = ProcessingRecord.objects.get(object_type="feedback.callback")
    assert record.object_id == str(call_back.pk) and record.action == "read"


def test_a_count_is_not_a_read_of_anyones_data(gemeente_a, call_back):
    before = ProcessingRecord.objects.count()
    assert callbacks.count_open_call_backs(tenant=gemeente_a, team_ids=None) == 1
    assert ProcessingRecord.objects.count() == before
