"""Hostile and careless input on the appointment pages: a clear page (4xx), never a 500, nothing booked.

The clock stands on Monday 26 April 2027, 8:00; Wednesday 28 April has free times from 9:00.
"""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from plus1.appointments.models import Appointment
from plus1.appointments.tests import factories

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
MONDAY = datetime.date(2027, 4, 26)


@pytest.fixture(autouse=True)
def clock():
    start = datetime.datetime.combine(MONDAY, datetime.time(8), tzinfo=AMSTERDAM)
    with time_machine.travel(start, tick=False) as traveller:
        yield traveller


@pytest.fixture
def stadskantoor(gemeente_a):
    return factories.location(gemeente_a)


@pytest.fixture
def paspoort(gemeente_a, stadskantoor):
    return factories.product(gemeente_a, minutes=15, per_person=10, max_persons=4, at=[stadskantoor])


def url(gemeente, name: str, *args) -> str:
    return reverse(f"portal:appointment-{name}", args=[gemeente.slug, *args])


CONTACT = {"naam": "Suzanne Moulin", "email": "suzanne@example.org", "telefoon": "06 12345678"}

TIMES = ["9999-12-31T23:45", "0001-01-01T00:00", "2027-03-28T02:30", "2027-10-31T02:30", "x" * 5000, "\x00"]


@pytest.mark.parametrize("tijd", TIMES)
def test_a_forged_or_odd_time_never_answers_500(gemeente_a, stadskantoor, paspoort, tijd):
    client = Client(raise_request_exception=False)
    params = {"product": str(paspoort.pk), "personen": "1", "locatie": stadskantoor.slug, "tijd": tijd}
    for response in (
        client.get(url(gemeente_a, "details"), params),
        client.post(url(gemeente_a, "details"), params | CONTACT),
        client.post(url(gemeente_a, "confirm"), params | CONTACT),
    ):
        assert response.status_code < 500, (tijd, response.status_code)
    assert Appointment.objects.count() == 0


@pytest.mark.parametrize(
    "extra",
    [
        {"personen": "0"},
        {"personen": "-1"},
        {"personen": "1000000000"},
        {"personen": "\x00"},
        {"product": "99999999999999999999"},
        {"product": "\x00"},
        {"product": "-1"},
        {"locatie": "\x00"},
        {"locatie": "y" * 10000},
        {"dag": "9999-12-31"},
        {"dag": "0001-01-01"},
        {"dag": "\x00"},
        {"vanaf": "9999-12-31"},
        {"vanaf": "0001-01-01"},
        {"vanaf": "2027-02-30"},
    ],
)
def test_odd_choices_in_the_steps_never_answer_500(gemeente_a, stadskantoor, paspoort, extra):
    client = Client(raise_request_exception=False)
    params = {"product": str(paspoort.pk), "personen": "1", "locatie": stadskantoor.slug} | extra
    for name in ("start", "location", "time", "details"):
        response = client.get(url(gemeente_a, name), params)
        assert response.status_code < 500, (name, extra, response.status_code)
    response = client.post(url(gemeente_a, "confirm"), params | {"tijd": "2027-04-28T09:00"} | CONTACT)
    assert response.status_code < 500


@pytest.mark.parametrize(
    "contact",
    [
        {"naam": "A\r\nBcc: x@evil.example"},
        {"naam": "A\x00B"},
        {"email": "a@example.org\r\nBcc: x@evil.example"},
        {"email": "a\x00@example.org"},
        {"telefoon": "\x00"},
        {"naam": "z" * 100000},
    ],
)
def test_newlines_and_nul_in_the_contact_details_are_refused_or_flattened(
    gemeente_a, stadskantoor, paspoort, contact
):
    client = Client(raise_request_exception=False)
    params = {
        "product": str(paspoort.pk),
        "personen": "1",
        "locatie": stadskantoor.slug,
        "tijd": "2027-04-28T09:00",
    }
    response = client.post(url(gemeente_a, "confirm"), params | CONTACT | contact)
    assert response.status_code < 500
    for appointment in Appointment.objects.all():
        assert "\n" not in appointment.name and "\x00" not in appointment.name
        assert "\n" not in appointment.email


@pytest.mark.parametrize("token", ["\x00" * 32, "a" * 32, "a" * 5000, "%00", "..", "A" * 31 + "\x00"])
def test_odd_manage_tokens_get_the_calm_404(gemeente_a, token):
    client = Client(raise_request_exception=False)
    for name in ("manage", "move", "cancel", "ics"):
        response = client.get(url(gemeente_a, name, token))
        assert response.status_code in (400, 404, 405)
        response = client.post(url(gemeente_a, name, token), {"tijd": "2027-04-28T09:00"})
        assert response.status_code in (400, 404, 405)


def test_a_forged_time_between_the_offered_ones_is_not_booked(gemeente_a, stadskantoor, paspoort):
    """9:07 is inside opening hours but not offered: booking it would block two times (9:00 and 9:15)."""
    client = Client()
    params = {"product": str(paspoort.pk), "personen": "1", "locatie": stadskantoor.slug}

    response = client.post(url(gemeente_a, "confirm"), params | {"tijd": "2027-04-28T09:07"} | CONTACT)

    assert response.status_code == 409
    assert "Kies een andere tijd" in response.text and "09:15" in response.text
    assert not Appointment.objects.exists()
