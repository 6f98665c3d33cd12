"""The counter agenda in the back office (issue 21): the day per location and counter, booking for
a caller, "verschenen" / "niet verschenen"; only the gemeente's own employees, only its own data.

The clock stands on Wednesday 28 April 2027, 8:00 (the day after Koningsdag).
"""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plus1.accounts.constants import Role
from plus1.appointments import services
from plus1.appointments.constants import AppointmentStatus
from plus1.appointments.models import Appointment
from plus1.appointments.tests import factories

from .conftest import log_in, make_employee

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
WEDNESDAY = datetime.date(2027, 4, 28)
THURSDAY = datetime.date(2027, 4, 29)
AGENDA = reverse("backoffice:appointment-agenda")
BOOK = reverse("backoffice:appointment-book")


def at(day: datetime.date, hhmm: str) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.fromisoformat(hhmm), tzinfo=AMSTERDAM)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(at(WEDNESDAY, "08:00"), tick=False) as traveller:
        yield traveller


@pytest.fixture
def stadskantoor(gemeente_a):
    return factories.location(gemeente_a, counters=2)


@pytest.fixture
def paspoort(gemeente_a, stadskantoor):
    return factories.product(gemeente_a, minutes=15, max_persons=4, at=[stadskantoor])


@pytest.fixture
def suzanne(gemeente_a, stadskantoor, paspoort):
    return services.book(
        tenant=gemeente_a,
        location=stadskantoor,
        products=[paspoort],
        persons=1,
        start=at(WEDNESDAY, "10:00"),
        contact=factories.RESIDENT,
        actor=factories.SYSTEM,
    )


@pytest.fixture
def employee(client, behandelaar_a):
    return log_in(client, behandelaar_a)


def test_the_agenda_shows_the_day_per_counter(employee, stadskantoor, suzanne):
    response = employee.get(AGENDA, {"datum": "2027-04-28", "locatie": stadskantoor.slug})

    assert response.status_code == 200
    assert "Balie 1" in response.text and "Balie 2" in response.text
    assert (
        "Suzanne Moulin" in response.text
        and "10:00" in response.text
        and "Paspoort aanvragen" in response.text
    )
    assert 'aria-current="page"' in response.text
    [first, second] = response.context["counters"]
    assert [a.pk for a in first.appointments] == [suzanne.pk] and second.appointments == []


def test_the_agenda_opens_on_today_at_the_first_location(employee, suzanne):
    response = employee.get(AGENDA)

    assert response.status_code == 200
    assert response.context["day"] == WEDNESDAY
    assert "Suzanne Moulin" in response.text


def test_a_bad_date_is_a_dutch_form_error_not_a_500(employee, stadskantoor):
    for value in ("gisteren", "9999-12-31", "0001-01-01"):
        response = employee.get(AGENDA, {"datum": value, "locatie": stadskantoor.slug})
        assert response.status_code == 400
        assert "Er gaat iets mis" in response.text


def test_the_employee_marks_verschenen_and_niet_verschenen(employee, stadskantoor, suzanne):
    url = reverse("backoffice:appointment-attendance", args=[suzanne.uuid])

    response = employee.post(url, {"verschenen": "ja"})

    assert response.status_code == 302 and response["Location"].startswith(AGENDA)
    suzanne.refresh_from_db()
    assert suzanne.status == AppointmentStatus.ATTENDED
    employee.post(url, {"verschenen": "nee"})
    suzanne.refresh_from_db()
    assert suzanne.status == AppointmentStatus.NO_SHOW
    assert "niet verschenen" in employee.get(response["Location"]).text


def test_a_later_day_cannot_be_marked_yet(employee, gemeente_a, stadskantoor, paspoort):
    tomorrow = services.book(
        tenant=gemeente_a,
        location=stadskantoor,
        products=[paspoort],
        persons=1,
        start=at(THURSDAY, "10:00"),
        contact=factories.RESIDENT,
        actor=factories.SYSTEM,
    )

    response = employee.post(
        reverse("backoffice:appointment-attendance", args=[tomorrow.uuid]), {"verschenen": "ja"}, follow=True
    )

    assert "nog niet begonnen" in response.text
    tomorrow.refresh_from_db()
    assert tomorrow.status == AppointmentStatus.BOOKED


def test_attendance_needs_a_post_with_the_csrf_token(behandelaar_a, suzanne):
    browser = log_in(Client(enforce_csrf_checks=True), behandelaar_a)
    url = reverse("backoffice:appointment-attendance", args=[suzanne.uuid])

    assert browser.get(url).status_code == 405
    assert browser.post(url, {"verschenen": "ja"}).status_code == 403
    suzanne.refresh_from_db()
    assert suzanne.status == AppointmentStatus.BOOKED


def test_the_employee_books_for_a_caller(employee, behandelaar_a, stadskantoor, paspoort):
    query = {"product": paspoort.pk, "personen": "2", "locatie": stadskantoor.slug}
    days = employee.get(BOOK, query)
    assert days.status_code == 200 and "dag=2027-04-28" in days.text
    times = employee.get(BOOK, query | {"dag": "2027-04-28"})
    assert 'value="2027-04-28T09:00"' in times.text

    response = employee.post(
        f"{BOOK}?product={paspoort.pk}&personen=2&locatie={stadskantoor.slug}&dag=2027-04-28",
        {"tijd": "2027-04-28T09:00", "naam": "Jan Jansen", "telefoon": "030 123 45 67"},
    )

    assert response.status_code == 302
    appointment = Appointment.objects.get(name="Jan Jansen")
    assert appointment.booked_by == behandelaar_a and appointment.persons == 2 and appointment.email == ""
    assert "Jan Jansen" in employee.get(response["Location"]).text


def test_booking_for_a_caller_needs_a_phone_number_or_e_mail(employee, stadskantoor, paspoort):
    response = employee.post(
        f"{BOOK}?product={paspoort.pk}&personen=1&locatie={stadskantoor.slug}&dag=2027-04-28",
        {"tijd": "2027-04-28T09:00", "naam": "Jan Jansen"},
    )

    assert response.status_code == 400
    assert "Vul een e-mailadres of een telefoonnummer in." in response.text
    assert not Appointment.objects.exists()


def test_a_time_taken_at_every_counter_is_refused_with_the_free_times_left(
    employee, gemeente_a, stadskantoor, paspoort
):
    for name in ("Eerste", "Tweede"):  # both counters
        services.book(
            tenant=gemeente_a,
            location=stadskantoor,
            products=[paspoort],
            persons=1,
            start=at(WEDNESDAY, "09:00"),
            contact=services.Contact(name=name, phone="0612345678"),
            actor=factories.SYSTEM,
        )

    response = employee.post(
        f"{BOOK}?product={paspoort.pk}&personen=1&locatie={stadskantoor.slug}&dag=2027-04-28",
        {"tijd": "2027-04-28T09:00", "naam": "Jan Jansen", "telefoon": "0301234567"},
    )

    assert response.status_code == 400
    assert "Deze tijd is niet (meer) vrij. Kies een andere tijd." in response.text
    assert 'value="2027-04-28T09:15"' in response.text
    assert not Appointment.objects.filter(name="Jan Jansen").exists()


def test_a_location_that_does_not_offer_the_product_is_refused(employee, gemeente_a, paspoort):
    wijkbureau = factories.location(gemeente_a, name="Wijkbureau")

    response = employee.get(BOOK, {"product": paspoort.pk, "personen": "1", "locatie": wijkbureau.slug})

    assert response.status_code == 400
    assert "biedt Paspoort aanvragen niet aan" in response.text


def test_another_gemeentes_agenda_and_appointments_are_out_of_reach(
    client, behandelaar_b, gemeente_b, stadskantoor, paspoort, suzanne
):
    other = log_in(client, behandelaar_b)

    agenda = other.get(AGENDA, {"datum": "2027-04-28", "locatie": stadskantoor.slug})
    assert agenda.status_code == 400 and "Suzanne Moulin" not in agenda.text
    assert "Suzanne Moulin" not in other.get(AGENDA).text
    url = reverse("backoffice:appointment-attendance", args=[suzanne.uuid])
    assert other.post(url, {"verschenen": "nee"}).status_code == 404
    booking = other.get(BOOK, {"product": paspoort.pk, "personen": "1", "locatie": stadskantoor.slug})
    assert booking.status_code == 400
    suzanne.refresh_from_db()
    assert suzanne.status == AppointmentStatus.BOOKED


@pytest.mark.parametrize("role", [Role.PRIVACY_OFFICER, Role.KWALITEITSMEDEWERKER, Role.HR])
def test_only_employees_at_the_counter_may_see_the_agenda(client, gemeente_a, actor, role, suzanne):
    user = make_employee(f"user-{role}", gemeente=gemeente_a, role=role, actor=actor)
    browser = log_in(client, user)

    assert browser.get(AGENDA).status_code == 403
    assert browser.get(BOOK).status_code == 403
    url = reverse("backoffice:appointment-attendance", args=[suzanne.uuid])
    assert browser.post(url, {"verschenen": "ja"}).status_code == 403


def test_the_agenda_asks_to_log_in(client):
    response = client.get(AGENDA)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("backoffice:login"))


def test_the_agenda_costs_the_same_queries_for_one_or_twelve_appointments(
    employee, gemeente_a, stadskantoor, paspoort
):
    def agenda_queries() -> int:
        with CaptureQueriesContext(connection) as context:
            response = employee.get(AGENDA, {"datum": "2027-04-28", "locatie": stadskantoor.slug})
        assert response.status_code == 200
        return len(context.captured_queries)

    def book_at(minute: int) -> None:
        services.book(
            tenant=gemeente_a,
            location=stadskantoor,
            products=[paspoort],
            persons=1,
            start=at(WEDNESDAY, "09:00") + datetime.timedelta(minutes=minute),
            contact=services.Contact(name=f"Inwoner {minute}", phone="0612345678"),
            actor=factories.SYSTEM,
        )

    book_at(0)
    agenda_queries()  # warm: the first request of a session reads a little more
    one = agenda_queries()
    for minute in range(15, 60 * 3, 15):
        book_at(minute)

    assert agenda_queries() == one
