"""The .ics file: one event an agenda program reads, updates on a move and removes on a cancel."""

from __future__ import annotations

import datetime

import pytest
from icalendar import Calendar

from plus1.appointments.ics import ics_for
from plus1.appointments.services import book, cancel, move

from . import factories
from .conftest import WEDNESDAY, at

pytestmark = pytest.mark.django_db


def event_of(appointment):
    calendar = Calendar.from_ical(ics_for(appointment))
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def test_the_ics_holds_time_place_products_and_the_manage_link(clock, gemeente_a, stadskantoor, paspoort):
    gemeente_a.contact_email = "info@utrecht.example"
    gemeente_a.save()
    appointment = book(
        tenant=gemeente_a,
        location=stadskantoor,
        products=[paspoort],
        persons=2,
        start=at(WEDNESDAY, "10:00"),
        contact=factories.RESIDENT,
        actor=factories.SYSTEM,
    )
    calendar, event = event_of(appointment)
    assert calendar["VERSION"] == "2.0" and calendar["METHOD"] == "PUBLISH"
    assert str(event["UID"]) == f"{appointment.uuid}@plus1"
    assert event.decoded("DTSTART") == at(WEDNESDAY, "10:00").astimezone(datetime.UTC)
    assert event.decoded("DTEND") == at(WEDNESDAY, "10:25").astimezone(datetime.UTC)
    assert str(event["SUMMARY"]) == "Afspraak gemeente Utrecht: Paspoort aanvragen"
    assert str(event["LOCATION"]) == "Stadskantoor, Stadsplateau 1, 3521 AZ Utrecht"
    assert f"/utrecht/afspraak/{appointment.manage_token}/" in str(event["DESCRIPTION"])
    assert "(2 pers.)" in str(event["DESCRIPTION"])
    assert str(event["ORGANIZER"]) == "mailto:info@utrecht.example"
    assert event["SEQUENCE"] == 1 and str(event["STATUS"]) == "CONFIRMED"

    moved = move(appointment=appointment, start=at(WEDNESDAY, "14:00"), actor=factories.SYSTEM)
    _calendar, event = event_of(moved)
    assert event["SEQUENCE"] == 2 and str(event["UID"]) == f"{appointment.uuid}@plus1"

    cancelled = cancel(appointment=moved, actor=factories.SYSTEM)
    calendar, event = event_of(cancelled)
    assert calendar["METHOD"] == "CANCEL" and str(event["STATUS"]) == "CANCELLED"
    assert "afspraak/" not in str(event["DESCRIPTION"])
