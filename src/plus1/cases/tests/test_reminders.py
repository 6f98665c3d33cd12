"""Every working day, each case handler gets one e-mail with their (nearly) overdue zaken."""

import datetime

import pytest
from django.core import mail

from plus1.accounts.constants import Role
from plus1.accounts.services import add_team_member, create_employee, create_team, grant_role
from plus1.cases.tasks import send_deadline_reminders
from plus1.core.management.commands.worker import due_runs, enqueue_due

from .dated_zaken import SYSTEM, adopted, zaak_on

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = "2026-03-04"  # a Wednesday


def _handler(username, gemeente, team, email=None):
    user = create_employee(
        username=username, password="een-lang-wachtwoord", email=email or f"{username}@example.org"
    )
    grant_role(tenant=gemeente, user=user, role=Role.BEHANDELAAR, actor=SYSTEM)
    add_team_member(team=team, user=user, actor=SYSTEM)
    return user


@pytest.fixture
def team(gemeente_a):
    return create_team(tenant=gemeente_a, name="Vergunningen", actor=SYSTEM)


@pytest.fixture
def anna(gemeente_a, team):
    return _handler("anna", gemeente_a, team)


@pytest.fixture
def adoption(gemeente_a, team):
    return adopted(gemeente_a, team=team, lead_time="P2W")


def test_the_assignee_gets_one_mail_with_overdue_and_nearly_due_zaken(adoption, anna):
    late = zaak_on(adoption, D(2026, 2, 11), assignee=anna)  # due 25 Feb: 5 working days late
    soon = zaak_on(adoption, D(2026, 2, 23), assignee=anna)  # due 9 Mar: 3 working days left
    later = zaak_on(adoption, D(2026, 3, 2), assignee=anna)  # due 16 Mar: not yet
    zaak_on(adoption, D(2026, 2, 11))  # nobody's: no mail

    sent = send_deadline_reminders.enqueue(for_day=TODAY).return_value

    assert sent == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@example.org"]
    assert message.subject == "2 zaken vragen uw aandacht"
    assert f"- {late.identificatie} Parkeervergunning aanvragen: 5 werkdagen te laat" in message.body
    assert f"- {soon.identificatie} Parkeervergunning aanvragen: nog 3 werkdagen" in message.body
    assert later.identificatie not in message.body
    assert "Suzanne" not in message.body and "999993653" not in message.body, "no resident's data in mail"


def test_closed_suspended_and_other_peoples_zaken_are_left_out(gemeente_a, adoption, anna, team):
    bert = _handler("bert", gemeente_a, team)
    zaak_on(adoption, D(2026, 2, 11), assignee=anna, ended_on=D(2026, 2, 20))
    zaak_on(adoption, D(2026, 2, 11), assignee=anna, suspended_on=D(2026, 2, 20))
    mine = zaak_on(adoption, D(2026, 2, 11), assignee=bert)

    send_deadline_reminders.enqueue(for_day=TODAY)

    assert [m.to for m in mail.outbox] == [["bert@example.org"]]
    assert mine.identificatie in mail.outbox[0].body
    assert mail.outbox[0].subject == "1 zaak vraagt uw aandacht"


def test_reminders_go_out_once_per_day(adoption, anna):
    zaak_on(adoption, D(2026, 2, 11), assignee=anna)

    send_deadline_reminders.enqueue(for_day=TODAY)
    send_deadline_reminders.enqueue(for_day=TODAY)
    send_deadline_reminders.enqueue(for_day="2026-03-05")

    assert len(mail.outbox) == 2


def test_someone_who_left_the_gemeente_gets_no_mail_about_its_zaken(adoption, anna):
    zaak_on(adoption, D(2026, 2, 11), assignee=anna)
    anna.memberships.all().delete()

    send_deadline_reminders.enqueue(for_day=TODAY)

    assert mail.outbox == []


def test_the_worker_enqueues_the_reminders_on_working_days_after_seven(adoption, anna):
    zaak_on(adoption, D(2026, 2, 11), assignee=anna)
    schedule = [("plus1.cases.tasks.send_deadline_reminders", "07:00")]
    at = datetime.datetime.fromisoformat

    assert due_runs(at("2026-03-04T06:59+01:00"), schedule, set()) == []
    assert due_runs(at("2026-03-07T09:00+01:00"), schedule, set()) == [], "Saturday"
    done: set = set()
    # The worker's schedule has other daily tasks too (klantwaardering, incidents ...).
    assert (schedule[0][0], TODAY) in enqueue_due(at("2026-03-04T07:00+01:00"), done)
    assert (schedule[0][0], TODAY) not in enqueue_due(at("2026-03-04T07:01+01:00"), done)
    assert len(mail.outbox) == 1
