"""Retention: a closed report goes after the gemeente's retention period (default 5 years), by the worker."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.conf import settings

from plus1.audit.models import AuditEntry, ProcessingRecord
from plus1.core import clock
from plus1.incidents import services, tasks
from plus1.incidents.constants import ReactionKind, TaskKind
from plus1.incidents.models import Incident, IncidentTask, Measure

from .core_fixtures import actor_of, report, resident_of

pytestmark = pytest.mark.django_db


def closed(incident, coordinator):
    return services.close_incident(
        incident=incident,
        user=coordinator,
        actor=actor_of(coordinator),
        conclusion="Afgehandeld.",
        expected_version=incident.version,
    )


def later(years: float):
    return time_machine.travel(clock.now() + datetime.timedelta(days=365.25 * years), tick=False)


def test_the_worker_removes_a_report_closed_more_than_five_years_ago(gemeente_a, employee_a, coordinator_a):
    old = closed(report(tenant=gemeente_a, reporter=employee_a), coordinator_a)
    with later(5.01):
        assert tasks.purge_closed_incidents.enqueue().return_value == 1
    assert not Incident.objects.filter(pk=old.pk).exists()
    assert not IncidentTask.objects.exists()
    entry = AuditEntry.objects.get(action="purge_incident")
    assert entry.before["number"] == old.number
    assert ProcessingRecord.objects.filter(action="delete", object_type="incidents.incident").exists()


def test_a_report_within_its_retention_or_still_open_stays(gemeente_a, employee_a, coordinator_a):
    recent = closed(report(tenant=gemeente_a, reporter=employee_a), coordinator_a)
    still_open = report(tenant=gemeente_a, reporter=employee_a)
    with later(4.9):
        assert tasks.purge_closed_incidents.enqueue().return_value == 0
    with later(10):
        tasks.purge_closed_incidents.enqueue()
    assert Incident.objects.filter(pk=still_open.pk).exists()
    assert not Incident.objects.filter(pk=recent.pk).exists()


def test_each_gemeente_keeps_its_own_retention(
    gemeente_a, gemeente_b, employee_a, employee_b, coordinator_a, coordinator_b
):
    services.update_incident_settings(tenant=gemeente_a, actor=actor_of(coordinator_a), retention_years=2)
    in_a = closed(report(tenant=gemeente_a, reporter=employee_a), coordinator_a)
    in_b = closed(report(tenant=gemeente_b, reporter=employee_b), coordinator_b)
    with later(3):
        assert tasks.purge_closed_incidents.enqueue().return_value == 1
    assert not Incident.objects.filter(pk=in_a.pk).exists()
    assert Incident.objects.filter(pk=in_b.pk).exists()


def test_the_letter_and_the_measure_go_with_the_report(gemeente_a, employee_a, coordinator_a, zaak_a):
    incident = report(tenant=gemeente_a, reporter=employee_a, zaak=zaak_a, person=resident_of(zaak_a))
    letter_task = services.make_warning_letter(
        task=incident.tasks.get(kind=TaskKind.REACTION),
        user=coordinator_a,
        actor=actor_of(coordinator_a),
        expected_version=1,
    )
    path = letter_task.letter.path
    services.set_measure(
        incident=incident,
        user=coordinator_a,
        actor=actor_of(coordinator_a),
        kind="afspraak",
        starts_on=clock.today(),
        ends_on=clock.today() + datetime.timedelta(days=30),
        expected_version=2,
    )
    incident.refresh_from_db()
    services.complete_task(
        task=incident.tasks.get(kind=TaskKind.REACTION),
        user=coordinator_a,
        actor=actor_of(coordinator_a),
        outcome="Brief verstuurd.",
        reaction_kind=ReactionKind.WARNING_LETTER,
        expected_version=incident.version,
    )
    incident.refresh_from_db()
    closed(incident, coordinator_a)
    with later(6), pytest.MonkeyPatch.context() as patch:
        # on_commit runs at once in this test (no outer transaction to wait for).
        patch.setattr("django.db.transaction.on_commit", lambda function, *a, **k: function())
        tasks.purge_closed_incidents.enqueue()
    assert not Measure.objects.exists()
    import os

    assert not os.path.exists(path)


def test_the_purge_runs_every_night():
    assert ("plus1.incidents.tasks.purge_closed_incidents", "22:30") in settings.PLUS1_SCHEDULE
