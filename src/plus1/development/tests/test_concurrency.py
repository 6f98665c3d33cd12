"""At the same moment: the last place goes once, a pulse counts once, plan changes never overwrite.

Real parallel transactions need PostgreSQL (SQLite has one writer at a time, so it cannot race).
"""

from __future__ import annotations

import datetime

import pytest
from django.db import connection

from plus1.core import clock
from plus1.core.testing import in_parallel
from plus1.development.exceptions import AlreadyAnswered, PlanConflict, TrainingFull
from plus1.development.models import Enrolment, PlanGoal, PulseResponse
from plus1.development.services import learning, plans, pulse

from . import factories as f

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs parallel transactions (PostgreSQL)"),
]


def test_the_last_place_goes_to_one_of_two_gemeenten(gemeente_a, gemeente_b, framework, emma, bea):
    training = f.training(places=1)
    results = in_parallel(
        lambda: learning.enrol(tenant=gemeente_a, training=training, user=emma),
        lambda: learning.enrol(tenant=gemeente_b, training=training, user=bea),
    )
    assert sum(isinstance(r, Enrolment) for r in results) == 1
    assert sum(isinstance(r, TrainingFull) for r in results) == 1
    assert Enrolment.objects.count() == 1


def test_a_pulse_sent_twice_at_once_counts_once(gemeente_a, hanna, emma):
    today = clock.today()
    opened = pulse.create_pulse(
        tenant=gemeente_a, user=hanna, title="P", opens_on=today, closes_on=today + datetime.timedelta(days=3)
    )
    results = in_parallel(
        *[
            lambda: pulse.answer_pulse(tenant=gemeente_a, pulse=opened, user=emma, answers=[3] * 5)
            for _ in range(2)
        ]
    )
    assert sum(isinstance(r, AlreadyAnswered) for r in results) == 1
    assert PulseResponse.objects.count() == 1


def test_two_changes_on_the_same_plan_version_one_wins(gemeente_a, framework, lead, emma):
    plan = plans.create_plan(tenant=gemeente_a, user=lead, employee=emma)
    results = in_parallel(
        lambda: plans.add_goal(plan=plan, user=lead, version=1, text="Van de leidinggevende"),
        lambda: plans.add_goal(plan=plan, user=emma, version=1, text="Van de medewerker"),
    )
    assert sum(isinstance(r, PlanConflict) for r in results) == 1
    assert PlanGoal.objects.count() == 1
