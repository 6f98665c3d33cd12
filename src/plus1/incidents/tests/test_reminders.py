"""Reminders: the coordinators hear of VPT tasks past or near their deadline, once per task."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.conf import settings
from django.core import mail

from plus1.core import clock
from plus1.incidents import services, tasks
from plus1.incidents.constants import TaskKind

from .core_fixtures import actor_of, report, resident_of

pytestmark = pytest.mark.django_db


def after(hours: float):
    return time_machine.travel(clock.now() + datetime.timedelta(hours=hours), tick=False)


def test_the_coordinator_is_reminded_of_aftercare_and_reaction_due_soon(
    gemeente_a, employee_a, coordinator_a, zaak_a
):
    incident = report(tenant=gemeente_a, reporter=employee_a, zaak=zaak_a, person=resident_of(zaak_a))
    with after(1):
        assert tasks.remind_incident_tasks.enqueue().return_value == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [coordinator_a.email]
    assert incident.number in message.body and "Nazorg voor de medewerker" in message.body
    # No names and no BSN in the mail: it leaves the system.
    assert "Suzanne" not in message.body and "999993653" not in message.body
    assert incident.tasks.get(kind=TaskKind.AFTERCARE).reminded_at is not None


def test_each_task_is_reminded_once(gemeente_a, employee_a, coordinator_a):
    report(tenant=gemeente_a, reporter=employee_a)
    with after(1):
        tasks.remind_incident_tasks.enqueue()
    with after(30):
        tasks.remind_incident_tasks.enqueue()  # the reaction (48 h) is now near: only that one
    with after(31):
        assert tasks.remind_incident_tasks.enqueue().return_value == 0
    bodies = [message.body for message in mail.outbox]
    assert len(bodies) == 2
    assert "Nazorg" in bodies[0] and "Reactie richting de dader" in bodies[1] and "Nazorg" not in bodies[1]


def test_done_tasks_and_closed_reports_are_not_reminded(gemeente_a, employee_a, coordinator_a):
    incident = report(tenant=gemeente_a, reporter=employee_a)
    services.complete_task(
        task=incident.tasks.get(kind=TaskKind.AFTERCARE),
        user=coordinator_a,
        actor=actor_of(coordinator_a),
        outcome="Gebeld.",
        expected_version=1,
    )
    with after(25):
        tasks.remind_incident_tasks.enqueue()
    assert "Reactie richting de dader" in mail.outbox[0].body
    assert "Nazorg" not in mail.outbox[0].body
    mail.outbox.clear()
    incident.refresh_from_db()
    services.close_incident(
        incident=incident,
        user=coordinator_a,
        actor=actor_of(coordinator_a),
        conclusion="Klaar.",
        expected_version=incident.version,
    )
    with after(24 * 20):
        assert tasks.remind_incident_tasks.enqueue().return_value == 0
    assert mail.outbox == []


def test_only_the_coordinators_of_that_gemeente_are_mailed(
    gemeente_a, employee_b, coordinator_a, coordinator_b, gemeente_b
):
    report(tenant=gemeente_b, reporter=employee_b)
    with after(1):
        tasks.remind_incident_tasks.enqueue()
    assert [message.to for message in mail.outbox] == [[coordinator_b.email]]


def test_the_reminders_run_every_working_day():
    assert ("plus1.incidents.tasks.remind_incident_tasks", "08:00") in settings.PLUS1_SCHEDULE
