"""Hostile and careless input to the booking rules: a clear refusal, never an error, nothing stored.

The week of Koningsdag 2027 (conftest): the clock stands on Monday 26 April, 8:00.
"""

from __future__ import annotations

import datetime

import pytest
import time_machine

from plus1.appointments import slots
from plus1.appointments.exceptions import InvalidBooking
from plus1.appointments.models import Appointment
from plus1.appointments.services import book

from . import factories
from .conftest import AMSTERDAM, WEDNESDAY

pytestmark = pytest.mark.django_db


def _book(gemeente, location, product, start):
    return book(
        tenant=gemeente,
        location=location,
        products=[product],
        persons=1,
        start=start,
        contact=factories.RESIDENT,
        actor=factories.SYSTEM,
    )


@pytest.mark.parametrize(
    "start",
    [
        datetime.datetime(9999, 12, 31, 23, 45, tzinfo=AMSTERDAM),
        datetime.datetime(1, 1, 1, 0, 0, tzinfo=AMSTERDAM),
    ],
    ids=["year-9999", "year-1"],
)
def test_a_time_at_the_end_of_the_calendar_is_refused_not_an_overflow(
    clock, gemeente_a, stadskantoor, paspoort, start
):
    with pytest.raises(InvalidBooking):
        _book(gemeente_a, stadskantoor, paspoort, start)

    assert not Appointment.objects.exists()


@pytest.mark.parametrize("day", [datetime.date(9999, 12, 31), datetime.date(1, 1, 1)])
def test_a_day_out_of_reach_has_no_free_times(clock, gemeente_a, stadskantoor, paspoort, day):
    found = slots.free_slots(
        tenant=gemeente_a, location=stadskantoor, products=[paspoort], persons=1, start_day=day, days=14
    )

    assert found == []


@pytest.mark.parametrize("persons", [0, -1, 10**9])
def test_an_impossible_number_of_persons_is_refused(clock, gemeente_a, stadskantoor, paspoort, persons):
    with pytest.raises(InvalidBooking):
        book(
            tenant=gemeente_a,
            location=stadskantoor,
            products=[paspoort],
            persons=persons,
            start=datetime.datetime.combine(WEDNESDAY, datetime.time(9), tzinfo=AMSTERDAM),
            contact=factories.RESIDENT,
            actor=factories.SYSTEM,
        )


def test_on_the_day_summer_time_starts_every_time_is_a_real_moment_once(gemeente_a):
    """Last Sunday of March 2027: 2:00 becomes 3:00; a (night) counter open 1:00-4:00 has 2 hours."""
    with time_machine.travel(datetime.datetime(2027, 3, 20, 8, tzinfo=AMSTERDAM), tick=False):
        night = factories.location(gemeente_a, name="Nachtloket", hours=[(6, "01:00", "04:00")])
        product = factories.product(gemeente_a, minutes=30, at=[night])
        found = slots.free_slots(
            tenant=gemeente_a,
            location=night,
            products=[product],
            persons=1,
            start_day=datetime.date(2027, 3, 28),
            days=1,
        )

    moments = [slot.start.astimezone(datetime.UTC) for slot in found]
    local = [f"{slot.start:%H:%M}" for slot in found]
    assert len(moments) == len(set(moments)), "no moment offered twice"
    assert not any(time.startswith("02:") for time in local), "2:00-2:59 does not exist that night"
    assert local[0] == "01:00" and local[-1] == "03:30"
    assert all(
        slot.end.astimezone(datetime.UTC) - slot.start.astimezone(datetime.UTC)
        == datetime.timedelta(minutes=30)
        for slot in found
    )


def test_an_appointment_across_the_end_of_summer_time_lasts_its_minutes(gemeente_a):
    """Last Sunday of October 2027: 3:00 becomes 2:00 again; 2:45 + 30 minutes ends at 2:15 (winter)."""
    with time_machine.travel(datetime.datetime(2027, 10, 20, 8, tzinfo=AMSTERDAM), tick=False):
        night = factories.location(gemeente_a, name="Nachtloket", hours=[(6, "01:00", "04:00")])
        product = factories.product(gemeente_a, minutes=30, at=[night])
        start = datetime.datetime(2027, 10, 31, 2, 45, tzinfo=AMSTERDAM)  # the first 2:45 (summer)
        appointment = _book(gemeente_a, night, product, start)

    appointment.refresh_from_db()
    lasts = appointment.end.astimezone(datetime.UTC) - appointment.start.astimezone(datetime.UTC)
    assert lasts == datetime.timedelta(minutes=30)
