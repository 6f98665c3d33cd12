"""Moving, cancelling and marking attendance; the manage link works only in its own gemeente."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail

from plus1.appointments import selectors
from plus1.appointments.constants import AppointmentStatus
from plus1.appointments.exceptions import AppointmentNotChangeable, InvalidBooking, SlotTaken
from plus1.appointments.services import book, cancel, mark_attendance, move
from plus1.appointments.slots import free_slots
from plus1.audit.models import AuditEntry

from . import factories
from .conftest import KONINGSDAG, MONDAY, WEDNESDAY, at

pytestmark = pytest.mark.django_db


@pytest.fixture
def appointment(clock, gemeente_a, stadskantoor, paspoort):
    return book(
        tenant=gemeente_a,
        location=stadskantoor,
        products=[paspoort],
        persons=1,
        start=at(WEDNESDAY, "10:00"),
        contact=factories.RESIDENT,
        actor=factories.SYSTEM,
    )


def test_moving_takes_the_new_time_frees_the_old_and_mails_the_same_link(
    appointment, gemeente_a, stadskantoor, paspoort, django_capture_on_commit_callbacks
):
    appointment.reminder_sent_at = at(MONDAY, "08:00")
    appointment.save()
    token = appointment.manage_token
    with django_capture_on_commit_callbacks(execute=True):
        moved = move(appointment=appointment, start=at(WEDNESDAY, "14:00"), actor=factories.SYSTEM)
    assert (moved.start, moved.end) == (at(WEDNESDAY, "14:00"), at(WEDNESDAY, "14:15"))
    assert moved.version == 2 and moved.reminder_sent_at is None
    assert moved.manage_token == token
    (message,) = mail.outbox
    assert message.subject == "Uw afspraak is verplaatst naar woensdag 28 april 2027 om 14:00"
    assert f"/afspraak/{token}/" in message.body
    assert "SEQUENCE:2" in message.attachments[0][1]
    times = [
        slot.start
        for slot in free_slots(
            tenant=gemeente_a,
            location=stadskantoor,
            products=[paspoort],
            persons=1,
            start_day=WEDNESDAY,
            days=1,
        )
    ]
    assert at(WEDNESDAY, "10:00") in times and at(WEDNESDAY, "14:00") not in times
    assert AuditEntry.objects.filter(action="move_appointment").count() == 1


def test_moving_to_a_taken_time_or_a_holiday_changes_nothing(appointment, gemeente_a, stadskantoor, paspoort):
    other = factories.Contact(name="Piet", email="piet@example.org")
    book(
        tenant=gemeente_a,
        location=stadskantoor,
        products=[paspoort],
        persons=1,
        start=at(WEDNESDAY, "11:00"),
        contact=other,
        actor=factories.SYSTEM,
    )
    with pytest.raises(SlotTaken) as taken:
        move(appointment=appointment, start=at(WEDNESDAY, "11:00"), actor=factories.SYSTEM)
    assert taken.value.next_slots[0].start == at(WEDNESDAY, "11:15")
    with pytest.raises(InvalidBooking, match="gesloten"):
        move(appointment=appointment, start=at(KONINGSDAG, "11:00"), actor=factories.SYSTEM)
    appointment.refresh_from_db()
    assert appointment.start == at(WEDNESDAY, "10:00") and appointment.version == 1


def test_moving_within_its_own_time_is_allowed(appointment):
    moved = move(appointment=appointment, start=at(WEDNESDAY, "10:05"), actor=factories.SYSTEM)
    assert moved.start == at(WEDNESDAY, "10:05")


def test_cancelling_frees_the_time_and_mails_a_cancelling_ics(
    appointment, gemeente_a, stadskantoor, paspoort, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = cancel(appointment=appointment, actor=factories.SYSTEM)
    assert cancelled.status == AppointmentStatus.CANCELLED
    (message,) = mail.outbox
    assert "geannuleerd" in message.subject
    assert "/afspraak/" not in message.body
    ics = message.attachments[0][1]
    assert "METHOD:CANCEL" in ics and "STATUS:CANCELLED" in ics
    again = book(
        tenant=gemeente_a,
        location=stadskantoor,
        products=[paspoort],
        persons=1,
        start=at(WEDNESDAY, "10:00"),
        contact=factories.RESIDENT,
        actor=factories.SYSTEM,
    )
    assert again.pk != appointment.pk


def test_a_cancelled_or_past_appointment_cannot_be_moved_or_cancelled(appointment, clock):
    cancel(appointment=appointment, actor=factories.SYSTEM)
    with pytest.raises(AppointmentNotChangeable):
        cancel(appointment=appointment, actor=factories.SYSTEM)
    with pytest.raises(AppointmentNotChangeable):
        move(appointment=appointment, start=at(WEDNESDAY, "14:00"), actor=factories.SYSTEM)


def test_a_started_appointment_cannot_be_cancelled(appointment, clock):
    clock.move_to(at(WEDNESDAY, "10:01"))
    with pytest.raises(AppointmentNotChangeable, match="al begonnen"):
        cancel(appointment=appointment, actor=factories.SYSTEM)


def test_attendance_is_marked_from_the_day_itself(appointment, clock):
    with pytest.raises(AppointmentNotChangeable, match="nog niet begonnen"):
        mark_attendance(appointment=appointment, attended=True, actor=factories.SYSTEM)
    clock.move_to(at(WEDNESDAY, "10:20"))
    assert (
        mark_attendance(appointment=appointment, attended=True, actor=factories.SYSTEM).status == "attended"
    )
    assert (
        mark_attendance(appointment=appointment, attended=False, actor=factories.SYSTEM).status == "no_show"
    )
    assert AuditEntry.objects.filter(action="mark_appointment_attendance").count() == 2


def test_a_cancelled_appointment_cannot_be_marked(appointment, clock):
    cancel(appointment=appointment, actor=factories.SYSTEM)
    clock.move_to(at(WEDNESDAY, "10:20"))
    with pytest.raises(AppointmentNotChangeable):
        mark_attendance(appointment=appointment, attended=False, actor=factories.SYSTEM)


def test_the_manage_link_finds_the_appointment_only_in_its_own_gemeente(appointment, gemeente_a, gemeente_b):
    token = appointment.manage_token
    assert selectors.appointment_for_token(tenant=gemeente_a, token=token) == appointment
    assert selectors.appointment_for_token(tenant=gemeente_b, token=token) is None
    assert selectors.appointment_for_token(tenant=gemeente_a, token=token[:-1] + "x") is None
    assert selectors.appointment_for_token(tenant=gemeente_a, token="") is None


def test_resident_agenda_and_location_selectors(appointment, gemeente_a, gemeente_b, stadskantoor, paspoort):
    assert list(selectors.appointments_for_resident(tenant=gemeente_a, bsn="999993653")) == [appointment]
    assert list(selectors.appointments_for_resident(tenant=gemeente_b, bsn="999993653")) == []
    assert list(selectors.appointments_for_resident(tenant=gemeente_a, bsn="")) == []
    assert list(selectors.agenda(tenant=gemeente_a, location=stadskantoor, day=WEDNESDAY)) == [appointment]
    assert (
        list(
            selectors.agenda(tenant=gemeente_a, location=stadskantoor, day=WEDNESDAY + datetime.timedelta(1))
        )
        == []
    )
    wijkbureau = factories.location(gemeente_a, name="Wijkbureau")
    rijbewijs = factories.product(gemeente_a, name="Rijbewijs", at=[stadskantoor, wijkbureau])
    assert list(selectors.locations_for(tenant=gemeente_a, products=[rijbewijs])) == [
        stadskantoor,
        wijkbureau,
    ]
    assert list(selectors.locations_for(tenant=gemeente_a, products=[paspoort, rijbewijs])) == [stadskantoor]
    assert set(selectors.bookable_products(gemeente_a)) == {paspoort, rijbewijs}
    assert list(selectors.bookable_products(gemeente_b)) == []
    assert selectors.product_for_adoption(paspoort.adoption) == paspoort
    assert selectors.product_for(tenant=gemeente_a, product=paspoort.product) == paspoort
    assert selectors.product_for(tenant=gemeente_b, product=paspoort.product) is None


def test_a_product_without_a_process_is_named_and_booked_by_its_upl_product(clock, gemeente_a, stadskantoor):
    idkaart = factories.product(
        gemeente_a, name="x", upl="identiteitskaart", with_process=False, at=[stadskantoor]
    )
    assert idkaart.adoption is None and idkaart.name == "Identiteitskaart"
    assert selectors.product_for(tenant=gemeente_a, product=idkaart.product) == idkaart
    appointment = book(
        tenant=gemeente_a,
        location=stadskantoor,
        products=[idkaart],
        persons=1,
        start=at(WEDNESDAY, "09:00"),
        contact=factories.RESIDENT,
        actor=factories.SYSTEM,
    )
    assert [p.name for p in appointment.products.all()] == ["Identiteitskaart"]


def test_changes_and_the_employees_agenda_are_in_the_processing_log(appointment, gemeente_a, stadskantoor):
    from plus1.audit.models import ProcessingRecord
    from plus1.audit.services import Actor, hash_subject

    cancel(appointment=appointment, actor=factories.SYSTEM)
    employee = Actor(type="employee", id="7", label="balie")
    shown = selectors.agenda(tenant=gemeente_a, location=stadskantoor, day=WEDNESDAY, actor=employee)
    assert shown == [appointment]
    records = ProcessingRecord.objects.filter(activity_code="afspraken-balie", object_id=str(appointment.pk))
    assert sorted(records.values_list("action", flat=True)) == ["create", "read", "update"]
    assert set(records.values_list("subject_hash", flat=True)) == {hash_subject("999993653")}
