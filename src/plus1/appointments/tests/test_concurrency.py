"""Two residents take the last free time at the same moment: one gets it, the other the next free times.

Real parallel transactions need PostgreSQL (SQLite has one writer at a time, so it cannot race).
"""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection

from plus1.appointments.exceptions import SlotTaken
from plus1.appointments.models import Appointment
from plus1.appointments.services import book
from plus1.core.testing import in_parallel

from . import factories
from .conftest import WEDNESDAY, at

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs parallel transactions (PostgreSQL)"),
]


def test_two_residents_take_the_last_free_time_one_wins_the_other_gets_the_next_times(
    clock, gemeente_a, paspoort, stadskantoor
):
    # Two counters; one is already taken at 10:00, so 10:00 has one free counter left.
    factories.Counter.objects.create(location=stadskantoor, name="Balie 2")
    early = factories.Contact(name="Eerste", email="eerste@example.org")
    book(
        tenant=gemeente_a,
        location=stadskantoor,
        products=[paspoort],
        persons=1,
        start=at(WEDNESDAY, "10:00"),
        contact=early,
        actor=factories.SYSTEM,
    )

    def take(name):
        contact = factories.Contact(name=name, email=f"{name.lower()}@example.org")
        return lambda: book(
            tenant=gemeente_a,
            location=stadskantoor,
            products=[paspoort],
            persons=1,
            start=at(WEDNESDAY, "10:00"),
            contact=contact,
            actor=factories.SYSTEM,
        )

    results = in_parallel(take("Anna"), take("Bram"))
    winners = [r for r in results if isinstance(r, Appointment)]
    losers = [r for r in results if isinstance(r, SlotTaken)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert losers[0].next_slots and losers[0].next_slots[0].start == at(WEDNESDAY, "10:15")
    assert Appointment.objects.filter(start=at(WEDNESDAY, "10:00")).count() == 2
    assert Appointment.objects.filter(start=at(WEDNESDAY, "10:00")).values("counter").distinct().count() == 2


def test_the_database_itself_refuses_an_overlap_on_one_counter(clock, gemeente_a, paspoort, stadskantoor):
    first = book(
        tenant=gemeente_a,
        location=stadskantoor,
        products=[paspoort],
        persons=1,
        start=at(WEDNESDAY, "10:00"),
        contact=factories.RESIDENT,
        actor=factories.SYSTEM,
    )
    with pytest.raises(IntegrityError):
        Appointment.objects.create(
            tenant=gemeente_a,
            location=stadskantoor,
            counter=first.counter,
            start=at(WEDNESDAY, "10:10"),
            end=at(WEDNESDAY, "10:40"),
            name="Buiten de service om",
            token_hash="x" * 64,
        )
