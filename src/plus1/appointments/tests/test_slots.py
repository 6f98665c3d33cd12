"""Free times: opening hours minus closed days minus national holidays minus what is booked."""

from __future__ import annotations

import datetime

import pytest

from plus1.appointments.exceptions import InvalidBooking
from plus1.appointments.slots import free_slots

from . import factories
from .conftest import KONINGSDAG, MONDAY, WEDNESDAY, at

pytestmark = pytest.mark.django_db


def starts(slots, day: datetime.date | None = None) -> list[str]:
    return [
        f"{s.start.astimezone(at(MONDAY, '00:00').tzinfo):%H:%M}"
        for s in slots
        if day is None or s.start.date() == day
    ]


def slots_on(gemeente, location, products, day, persons=1):
    return free_slots(
        tenant=gemeente, location=location, products=products, persons=persons, start_day=day, days=1
    )


def test_a_day_is_its_opening_hours_in_quarters_with_the_lunch_break_left_out(
    clock, gemeente_a, stadskantoor, paspoort
):
    times = starts(slots_on(gemeente_a, stadskantoor, [paspoort], WEDNESDAY))
    assert times[:3] == ["09:00", "09:15", "09:30"]
    assert "11:45" in times and "12:00" not in times and "12:45" not in times
    assert times[-1] == "16:45"
    assert len(times) == 12 + 16


def test_koningsdag_and_weekends_have_no_free_times(clock, gemeente_a, stadskantoor, paspoort):
    week = free_slots(
        tenant=gemeente_a, location=stadskantoor, products=[paspoort], persons=1, start_day=MONDAY, days=7
    )
    days = {slot.start.date() for slot in week}
    assert KONINGSDAG not in days
    assert days == {
        MONDAY,
        WEDNESDAY,
        WEDNESDAY + datetime.timedelta(days=1),
        WEDNESDAY + datetime.timedelta(days=2),
    }


def test_bevrijdingsdag_and_second_christmas_day_are_closed_too(gemeente_a, stadskantoor, paspoort):
    import time_machine

    with time_machine.travel(at(datetime.date(2027, 5, 3), "08:00"), tick=False):
        assert slots_on(gemeente_a, stadskantoor, [paspoort], datetime.date(2027, 5, 5)) == []
    with time_machine.travel(at(datetime.date(2026, 12, 21), "08:00"), tick=False):
        assert slots_on(gemeente_a, stadskantoor, [paspoort], datetime.date(2026, 12, 25)) == []
        assert slots_on(gemeente_a, stadskantoor, [paspoort], datetime.date(2026, 12, 24)) != []


def test_a_closed_day_of_the_location_or_of_all_locations_has_no_free_times(
    clock, gemeente_a, stadskantoor, paspoort
):
    thursday = WEDNESDAY + datetime.timedelta(days=1)
    factories.closed(gemeente_a, WEDNESDAY, at=stadskantoor)
    factories.closed(gemeente_a, thursday)
    assert slots_on(gemeente_a, stadskantoor, [paspoort], WEDNESDAY) == []
    assert slots_on(gemeente_a, stadskantoor, [paspoort], thursday) == []


def test_another_locations_or_gemeentes_closed_day_changes_nothing(
    clock, gemeente_a, gemeente_b, stadskantoor, paspoort
):
    wijkbureau = factories.location(gemeente_a, name="Wijkbureau")
    factories.closed(gemeente_a, WEDNESDAY, at=wijkbureau)
    factories.closed(gemeente_b, WEDNESDAY)
    assert len(slots_on(gemeente_a, stadskantoor, [paspoort], WEDNESDAY)) == 28


def test_a_longer_product_ends_before_closing_time(clock, gemeente_a, stadskantoor):
    huwelijk = factories.product(gemeente_a, name="Huwelijk", minutes=45, at=[stadskantoor])
    times = starts(slots_on(gemeente_a, stadskantoor, [huwelijk], WEDNESDAY))
    assert "11:15" in times and "11:30" not in times
    assert times[-1] == "16:15"


def test_more_persons_and_more_products_take_longer(clock, gemeente_a, stadskantoor, paspoort):
    rijbewijs = factories.product(gemeente_a, name="Rijbewijs", minutes=15, max_persons=3, at=[stadskantoor])
    # paspoort: 15 + 10 per extra person; rijbewijs 15: three persons take 35 + 15 = 50 minutes.
    slots = slots_on(gemeente_a, stadskantoor, [paspoort, rijbewijs], WEDNESDAY, persons=3)
    assert all(slot.end - slot.start == datetime.timedelta(minutes=50) for slot in slots)
    assert starts(slots)[-1] == "16:00"


def test_a_booked_time_is_taken_only_when_every_counter_is(clock, gemeente_a, paspoort, stadskantoor):
    from plus1.appointments.services import book

    book(
        tenant=gemeente_a,
        location=stadskantoor,
        products=[paspoort],
        persons=2,
        start=at(WEDNESDAY, "09:00"),
        contact=factories.RESIDENT,
        actor=factories.SYSTEM,
    )
    times = starts(slots_on(gemeente_a, stadskantoor, [paspoort], WEDNESDAY))
    assert times[:2] == ["09:30", "09:45"]  # 09:00-09:25 is taken; 09:15 would overlap

    second = factories.Counter.objects.create(location=stadskantoor, name="Balie 2")
    assert second.pk
    assert starts(slots_on(gemeente_a, stadskantoor, [paspoort], WEDNESDAY))[0] == "09:00"


def test_no_times_sooner_than_the_lead_time(gemeente_a, stadskantoor, paspoort):
    import time_machine

    with time_machine.travel(at(WEDNESDAY, "10:10"), tick=False):
        assert starts(slots_on(gemeente_a, stadskantoor, [paspoort], WEDNESDAY))[0] == "11:15"


def test_a_product_the_location_does_not_offer_is_refused(clock, gemeente_a, stadskantoor, paspoort):
    wijkbureau = factories.location(gemeente_a, name="Wijkbureau")
    with pytest.raises(InvalidBooking, match="Wijkbureau kunt u hiervoor geen afspraak maken"):
        slots_on(gemeente_a, wijkbureau, [paspoort], WEDNESDAY)


def test_more_persons_than_the_product_allows_is_refused(clock, gemeente_a, stadskantoor, paspoort):
    with pytest.raises(InvalidBooking, match="1 tot en met 4 personen"):
        slots_on(gemeente_a, stadskantoor, [paspoort], WEDNESDAY, persons=5)


def test_two_weeks_of_free_times_cost_three_queries(
    clock, gemeente_a, stadskantoor, paspoort, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        slots = free_slots(
            tenant=gemeente_a,
            location=stadskantoor,
            products=[paspoort],
            persons=1,
            start_day=MONDAY,
            days=14,
        )
    assert len(slots) == 7 * 28  # not Koningsdag, Bevrijdingsdag (5 May) or Hemelvaartsdag (6 May)


def test_overlapping_opening_rows_give_each_time_once(clock, gemeente_a, paspoort):
    place = factories.location(
        gemeente_a, name="Wijkbureau", hours=[(2, "09:00", "10:00"), (2, "09:30", "10:30")]
    )
    paspoort.locations.add(place)
    times = starts(slots_on(gemeente_a, place, [paspoort], WEDNESDAY))
    assert times == ["09:00", "09:15", "09:30", "09:45", "10:00", "10:15"]
