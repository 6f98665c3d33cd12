"""At the same moment: two reports never share a number; two coordinators never overwrite each other.

Real parallel transactions need PostgreSQL (SQLite has one writer at a time, so it cannot race).
"""

from __future__ import annotations

import pytest
from django.db import connection

from plus1.core.testing import in_parallel
from plus1.incidents import services
from plus1.incidents.exceptions import VersionConflict
from plus1.incidents.models import Incident

from .core_fixtures import actor_of, report

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs parallel transactions (PostgreSQL)"),
]


def test_reports_at_the_same_moment_get_different_numbers(gemeente_a, employee_a, colleague_a):
    results = in_parallel(*[lambda: report(tenant=gemeente_a, reporter=employee_a) for _ in range(6)])
    assert all(isinstance(result, Incident) for result in results), results
    numbers = sorted(result.number for result in results)
    assert len(set(numbers)) == 6
    assert numbers[-1].endswith("-000006")


def test_two_coordinators_at_once_one_wins_one_gets_the_conflict(
    gemeente_a, employee_a, coordinator_a, second_coordinator_a
):
    incident = report(tenant=gemeente_a, reporter=employee_a)

    def close(user, text):
        return lambda: services.close_incident(
            incident=incident, user=user, actor=actor_of(user), conclusion=text, expected_version=1
        )

    results = in_parallel(close(coordinator_a, "Eerste."), close(second_coordinator_a, "Tweede."))
    conflicts = [result for result in results if isinstance(result, VersionConflict)]
    assert len(conflicts) == 1, results
    incident.refresh_from_db()
    assert incident.version == 2
    assert incident.conclusion in ("Eerste.", "Tweede.")
