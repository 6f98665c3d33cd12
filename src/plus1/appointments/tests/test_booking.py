"""Booking a counter appointment: what is stored, what is mailed, and every request that is refused."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from django.core import mail
from django.test import override_settings

from plus1.appointments.constants import AppointmentStatus
from plus1.appointments.exceptions import InvalidBooking, SlotTaken, TooManyBookings
from plus1.appointments.models import Appointment
from plus1.appointments.services import book
from plus1.appointments.tokens import hash_token
from plus1.audit.models import AuditEntry

from . import factories
from .conftest import KONINGSDAG, MONDAY, WEDNESDAY, at

pytestmark = pytest.mark.django_db


def book_at(gemeente, location, products, start, *, persons=1, contact=factories.RESIDENT, **kwargs):
    return book(
        tenant=gemeente,
        location=location,
        products=products,
        persons=persons,
        start=start,
        contact=contact,
        actor=factories.SYSTEM,
        **kwargs,
    )


def test_a_booking_takes_a_counter_mails_the_ics_and_keeps_only_the_tokens_hash(
    clock, gemeente_a, stadskantoor, paspoort, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        appointment = book_at(gemeente_a, stadskantoor, [paspoort], at(WEDNESDAY, "10:00"), persons=2)

    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.BOOKED
    assert appointment.end == at(WEDNESDAY, "10:25")
    assert appointment.counter.location == stadskantoor
    assert list(appointment.products.all()) == [paspoort]
    assert appointment.owner_bsn == "999993653"
    token = appointment.manage_token
    assert appointment.token_hash == hash_token(token) and token not in appointment.token_hash
    assert AuditEntry.objects.filter(action="book_appointment", object_id=str(appointment.pk)).exists()

    (message,) = mail.outbox
    assert message.to == ["suzanne@example.org"]
    assert message.subject == "Uw afspraak op woensdag 28 april 2027 om 10:00"
    assert "Gemeente Utrecht" in message.from_email
    assert f"/utrecht/afspraak/{token}/" in message.body
    assert "Stadskantoor, Stadsplateau 1, 3521 AZ Utrecht" in message.body
    ((filename, content, mimetype),) = message.attachments
    assert filename == "afspraak.ics" and mimetype.startswith("text/calendar")
    assert "BEGIN:VEVENT" in (content if isinstance(content, str) else content.decode())


def test_a_phone_only_booking_gets_no_email(
    clock, gemeente_a, stadskantoor, paspoort, django_capture_on_commit_callbacks
):
    caller = factories.Contact(name="Jan Jansen", phone="0301234567")
    with django_capture_on_commit_callbacks(execute=True):
        book_at(gemeente_a, stadskantoor, [paspoort], at(WEDNESDAY, "10:00"), contact=caller)
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("start", "message"),
    [
        (at(MONDAY, "07:45"), "al voorbij"),
        (at(MONDAY, "08:30"), "minuten van tevoren"),
        (at(WEDNESDAY, "08:45"), "niet open"),
        (at(WEDNESDAY, "11:50"), "niet open"),  # would end after 12:00
        (at(WEDNESDAY, "12:15"), "niet open"),  # lunch break
        (at(WEDNESDAY, "17:00"), "niet open"),
        (at(KONINGSDAG, "10:00"), "gesloten op dinsdag 27 april 2027"),
        (at(datetime.date(2027, 5, 1), "10:00"), "gesloten op zaterdag 1 mei 2027"),
    ],
)
def test_a_time_in_the_past_too_soon_outside_hours_or_on_a_holiday_is_refused(
    clock, gemeente_a, stadskantoor, paspoort, start, message
):
    with pytest.raises(InvalidBooking, match=message):
        book_at(gemeente_a, stadskantoor, [paspoort], start)
    assert not Appointment.objects.exists()


def test_a_closed_day_is_refused(clock, gemeente_a, stadskantoor, paspoort):
    factories.closed(gemeente_a, WEDNESDAY, at=stadskantoor)
    with pytest.raises(InvalidBooking, match="gesloten op woensdag 28 april 2027"):
        book_at(gemeente_a, stadskantoor, [paspoort], at(WEDNESDAY, "10:00"))


def test_a_product_the_location_does_not_offer_is_refused(clock, gemeente_a, stadskantoor, paspoort):
    wijkbureau = factories.location(gemeente_a, name="Wijkbureau")
    with pytest.raises(InvalidBooking, match="Wijkbureau kunt u hiervoor geen afspraak maken"):
        book_at(gemeente_a, wijkbureau, [paspoort], at(WEDNESDAY, "10:00"))
    assert not Appointment.objects.exists()


def test_another_gemeentes_location_or_product_is_refused(
    clock, gemeente_a, gemeente_b, stadskantoor, paspoort
):
    elsewhere = factories.location(gemeente_b, name="Stadhuis")
    with pytest.raises(InvalidBooking):
        book_at(gemeente_a, elsewhere, [paspoort], at(WEDNESDAY, "10:00"))
    with pytest.raises(InvalidBooking):
        book_at(gemeente_b, stadskantoor, [paspoort], at(WEDNESDAY, "10:00"))
    assert not Appointment.objects.exists()


def test_too_many_persons_no_product_or_no_way_to_reach_the_resident_is_refused(
    clock, gemeente_a, stadskantoor, paspoort
):
    with pytest.raises(InvalidBooking, match="1 tot en met 4 personen"):
        book_at(gemeente_a, stadskantoor, [paspoort], at(WEDNESDAY, "10:00"), persons=5)
    with pytest.raises(InvalidBooking, match="minstens één product"):
        book_at(gemeente_a, stadskantoor, [], at(WEDNESDAY, "10:00"))
    with pytest.raises(InvalidBooking, match="e-mailadres of telefoonnummer"):
        book_at(
            gemeente_a, stadskantoor, [paspoort], at(WEDNESDAY, "10:00"), contact=factories.Contact(name="X")
        )
    with pytest.raises(InvalidBooking, match="naam"):
        book_at(
            gemeente_a,
            stadskantoor,
            [paspoort],
            at(WEDNESDAY, "10:00"),
            contact=factories.Contact(name=" ", email="a@b.nl"),
        )


def test_the_last_free_time_taken_gives_slot_taken_with_the_next_free_times(
    clock, gemeente_a, stadskantoor, paspoort
):
    book_at(gemeente_a, stadskantoor, [paspoort], at(WEDNESDAY, "10:00"))
    other = factories.Contact(name="Piet Pieters", email="piet@example.org")
    with pytest.raises(SlotTaken) as taken:
        book_at(gemeente_a, stadskantoor, [paspoort], at(WEDNESDAY, "10:00"), contact=other)
    assert "net door iemand anders" in taken.value.message
    assert [slot.start for slot in taken.value.next_slots][:2] == [
        at(WEDNESDAY, "10:15"),
        at(WEDNESDAY, "10:30"),
    ]
    assert Appointment.objects.count() == 1


@override_settings(PLUS1_APPOINTMENT_MAX_OPEN_PER_PERSON=2)
def test_too_many_open_bookings_for_one_email_or_bsn_are_refused(clock, gemeente_a, stadskantoor, paspoort):
    book_at(gemeente_a, stadskantoor, [paspoort], at(WEDNESDAY, "09:00"))
    book_at(gemeente_a, stadskantoor, [paspoort], at(WEDNESDAY, "09:15"))
    with pytest.raises(TooManyBookings, match="al 2 afspraken"):
        book_at(gemeente_a, stadskantoor, [paspoort], at(WEDNESDAY, "09:30"))
    same_email = dataclasses.replace(factories.RESIDENT, email="SUZANNE@example.org", bsn="")
    with pytest.raises(TooManyBookings):
        book_at(gemeente_a, stadskantoor, [paspoort], at(WEDNESDAY, "09:30"), contact=same_email)
    same_bsn = dataclasses.replace(factories.RESIDENT, email="ander@example.org")
    with pytest.raises(TooManyBookings):
        book_at(gemeente_a, stadskantoor, [paspoort], at(WEDNESDAY, "09:30"), contact=same_bsn)
    assert Appointment.objects.count() == 2


@override_settings(PLUS1_APPOINTMENT_MAX_PER_ADDRESS_PER_DAY=2)
def test_too_many_bookings_from_one_internet_address_are_refused(clock, gemeente_a, stadskantoor, paspoort):
    for number, hhmm in enumerate(["09:00", "09:15"]):
        person = factories.Contact(name=f"Persoon {number}", email=f"p{number}@example.org")
        book_at(
            gemeente_a, stadskantoor, [paspoort], at(WEDNESDAY, hhmm), contact=person, client_ip="203.0.113.9"
        )
    stranger = factories.Contact(name="Nog iemand", email="nog@example.org")
    with pytest.raises(TooManyBookings, match="internetadres"):
        book_at(
            gemeente_a,
            stadskantoor,
            [paspoort],
            at(WEDNESDAY, "09:30"),
            contact=stranger,
            client_ip="203.0.113.9",
        )
    appointment = book_at(
        gemeente_a,
        stadskantoor,
        [paspoort],
        at(WEDNESDAY, "09:30"),
        contact=stranger,
        client_ip="198.51.100.1",
    )
    assert "203.0.113.9" not in appointment.client_key


@override_settings(PLUS1_APPOINTMENT_MAX_OPEN_PER_PERSON=1)
def test_an_employee_booking_for_a_caller_is_not_limited(
    clock, gemeente_a, stadskantoor, paspoort, admin_user
):
    book_at(gemeente_a, stadskantoor, [paspoort], at(WEDNESDAY, "09:00"))
    second = book_at(gemeente_a, stadskantoor, [paspoort], at(WEDNESDAY, "09:15"), booked_by=admin_user)
    assert second.booked_by == admin_user
