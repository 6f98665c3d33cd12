"""The reminder the day before: once per appointment, also with two workers or a rerun."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.core import mail

from plus1.appointments.services import book, cancel, move
from plus1.appointments.tasks import reminder_window, send_appointment_reminders

from . import factories
from .conftest import WEDNESDAY, at

pytestmark = pytest.mark.django_db

THURSDAY = WEDNESDAY + datetime.timedelta(days=1)
FRIDAY = WEDNESDAY + datetime.timedelta(days=2)
NEXT_MONDAY = WEDNESDAY + datetime.timedelta(days=5)


def booked(gemeente, location, product, start, email="suzanne@example.org"):
    contact = factories.Contact(name="Suzanne Moulin", email=email)
    return book(
        tenant=gemeente,
        location=location,
        products=[product],
        persons=1,
        start=start,
        contact=contact,
        actor=factories.SYSTEM,
    )


def run():
    return send_appointment_reminders.call()


def test_the_day_before_each_appointment_gets_one_reminder(
    clock, gemeente_a, stadskantoor, paspoort, django_capture_on_commit_callbacks
):
    tomorrow = booked(gemeente_a, stadskantoor, paspoort, at(THURSDAY, "09:00"))
    booked(gemeente_a, stadskantoor, paspoort, at(FRIDAY, "09:00"), email="later@example.org")
    clock.move_to(at(WEDNESDAY, "17:00"))
    with django_capture_on_commit_callbacks(execute=True):
        assert run() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert run() == 0
    (message,) = mail.outbox
    assert message.to == ["suzanne@example.org"]
    assert message.subject == "Herinnering: uw afspraak morgen, donderdag 29 april 2027 om 09:00"
    assert f"/afspraak/{tomorrow.manage_token}/" in message.body
    tomorrow.refresh_from_db()
    assert tomorrow.reminder_sent_at == at(WEDNESDAY, "17:00")


def test_on_friday_the_appointments_of_monday_are_reminded(clock, gemeente_a, stadskantoor, paspoort):
    booked(gemeente_a, stadskantoor, paspoort, at(NEXT_MONDAY, "09:00"))
    start, end = reminder_window(FRIDAY)
    assert (start, end) == (
        at(FRIDAY + datetime.timedelta(days=1), "00:00"),
        at(NEXT_MONDAY, "00:00") + datetime.timedelta(days=1),
    )
    clock.move_to(at(FRIDAY, "17:00"))
    assert run() == 1


def test_a_moved_appointment_is_reminded_again_a_cancelled_one_not(clock, gemeente_a, stadskantoor, paspoort):
    first = booked(gemeente_a, stadskantoor, paspoort, at(THURSDAY, "09:00"))
    second = booked(gemeente_a, stadskantoor, paspoort, at(THURSDAY, "10:00"), email="b@example.org")
    cancel(appointment=second, actor=factories.SYSTEM)
    clock.move_to(at(WEDNESDAY, "17:00"))
    assert run() == 1
    move(appointment=first, start=at(FRIDAY, "09:00"), actor=factories.SYSTEM)
    clock.move_to(at(THURSDAY, "17:00"))
    assert run() == 1


def test_the_worker_runs_it_at_five_in_the_afternoon():
    assert ("plus1.appointments.tasks.send_appointment_reminders", "17:00") in settings.PLUS1_SCHEDULE
