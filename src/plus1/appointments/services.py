"""Every change of an appointment: book, move, cancel, mark attendance.

Each runs in one transaction: lock, check, change, audit, and the e-mail queued for after the
commit. Booking locks the active counter rows of the location (``select_for_update``), so two
residents who want the last free time are served one after the other: the second sees the
first one's appointment and gets ``SlotTaken`` with the next free times. On PostgreSQL an
exclusion constraint (migration 0002) backs this up in the database itself.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from plus1.audit.models import ProcessingAction
from plus1.audit.services import Actor, record_change
from plus1.core import clock
from plus1.tenants.models import Organisation

from . import mail, slots
from .constants import AppointmentStatus
from .exceptions import AppointmentNotChangeable, InvalidBooking, SlotTaken, TooManyBookings
from .log import log_appointment_change
from .models import Appointment, AppointmentProduct, Counter, Location
from .tokens import hash_token

# How many free times SlotTaken offers instead, and how far ahead it looks for them.
NEXT_SLOTS = 5
NEXT_SLOTS_DAYS = 14


@dataclass(frozen=True)
class Contact:
    """Who comes: name and at least an e-mail address or phone number; a BSN when logged in with DigiD."""

    name: str
    email: str = ""
    phone: str = ""
    bsn: str = ""


def snapshot(appointment: Appointment) -> dict:
    """What the audit trail keeps of an appointment: when, where and its state, no contact details."""
    return {
        "location": appointment.location_id,
        "counter": appointment.counter_id,
        "start": appointment.start.isoformat(),
        "end": appointment.end.isoformat(),
        "persons": appointment.persons,
        "status": appointment.status,
        "version": appointment.version,
    }


def client_key(tenant: Organisation, client_ip: str) -> str:
    """A keyed hash of the internet address: enough to count bookings, not to read the address back."""
    if not client_ip:
        return ""
    return salted_hmac("plus1.appointments.client", f"{tenant.pk}:{client_ip}").hexdigest()


def check_contact(contact: Contact) -> None:
    if not contact.name.strip():
        raise InvalidBooking(_("Vul uw naam in."))
    if not (contact.email.strip() or contact.phone.strip()):
        raise InvalidBooking(_("Vul een e-mailadres of telefoonnummer in, zodat wij u kunnen bereiken."))


def check_limits(*, tenant: Organisation, contact: Contact, key: str, booked_by) -> None:
    """Refuse when one person or one internet address holds too many bookings (not for employees)."""
    if booked_by is not None:
        return
    open_ones = Appointment.objects.for_tenant(tenant).booked().filter(start__gte=clock.now())
    for value, field in ((contact.email.strip(), "email__iexact"), (contact.bsn, "owner_bsn")):
        if (
            value
            and open_ones.filter(**{field: value}).count() >= settings.PLUS1_APPOINTMENT_MAX_OPEN_PER_PERSON
        ):
            raise TooManyBookings(
                _(
                    "U heeft al %(count)s afspraken staan. Annuleer eerst een afspraak die u niet meer "
                    "nodig heeft, of bel de gemeente."
                )
                % {"count": settings.PLUS1_APPOINTMENT_MAX_OPEN_PER_PERSON}
            )
    if key:
        since = clock.now() - datetime.timedelta(days=1)
        recent = Appointment.objects.for_tenant(tenant).filter(client_key=key, created_at__gte=since).count()
        if recent >= settings.PLUS1_APPOINTMENT_MAX_PER_ADDRESS_PER_DAY:
            raise TooManyBookings(
                _(
                    "Er zijn vandaag te veel afspraken gemaakt vanaf dit internetadres. "
                    "Probeer het morgen opnieuw."
                )
            )


def check_products(tenant: Organisation, location: Location, products: Sequence[AppointmentProduct]) -> None:
    if location.tenant_id != tenant.pk or not location.is_active:
        raise InvalidBooking(_("Deze locatie bestaat niet (meer). Kies een andere locatie."))
    if any(product.tenant_id != tenant.pk or not product.is_active for product in products):
        raise InvalidBooking(_("Voor dit product kunt u geen afspraak maken."))


def free_counter(
    *, location: Location, start: datetime.datetime, end: datetime.datetime, ignore: int | None = None
) -> Counter | None:
    """Lock the location's active counters and return the first one free for ``[start, end)``.

    The lock is held until the transaction ends, so no other booking at this location can slip
    in between this check and the insert.
    """
    counters = list(
        Counter.objects.select_for_update().filter(location=location, is_active=True).order_by("pk")
    )
    taken = set(
        Appointment.objects.booked()
        .filter(counter__in=counters, start__lt=end, end__gt=start)
        .exclude(pk=ignore)
        .values_list("counter_id", flat=True)
    )
    return next((counter for counter in counters if counter.pk not in taken), None)


def slot_taken(
    *,
    tenant: Organisation,
    location: Location,
    products: Sequence[AppointmentProduct],
    persons: int,
    start: datetime.datetime,
) -> SlotTaken:
    """The error for a time just taken, with the next free times from that moment on."""
    day = start.astimezone(slots.local_zone()).date()
    later = slots.free_slots(
        tenant=tenant,
        location=location,
        products=products,
        persons=persons,
        start_day=day,
        days=NEXT_SLOTS_DAYS,
    )
    return SlotTaken(next_slots=[slot for slot in later if slot.start > start][:NEXT_SLOTS])


def plan(
    *,
    tenant: Organisation,
    location: Location,
    products: Sequence[AppointmentProduct],
    persons: int,
    start: datetime.datetime,
) -> datetime.datetime:
    """Check the request and the time against the location's schedule; return the end time."""
    slots.check_reach(start)
    day = start.astimezone(slots.local_zone()).date()
    schedule = slots.load_schedule(
        tenant=tenant, location=location, products=products, first_day=day, last_day=day
    )
    length = slots.check_request(schedule=schedule, products=products, persons=persons)
    # In UTC: a wall-clock sum would be an hour off across the change to or from summer time.
    end = (start.astimezone(datetime.UTC) + length).astimezone(start.tzinfo)
    slots.check_time(schedule=schedule, start=start, end=end)
    return end


@transaction.atomic
def book(
    *,
    tenant: Organisation,
    location: Location,
    products: Sequence[AppointmentProduct],
    persons: int,
    start: datetime.datetime,
    contact: Contact,
    actor: Actor,
    booked_by=None,
    client_ip: str = "",
) -> Appointment:
    """Book the first free counter at ``start``, e-mail the confirmation with the .ics and manage link.

    Raises InvalidBooking (Dutch message) for a bad request and SlotTaken when every counter is
    taken at that time (with the next free times); nothing is stored then.
    """
    products = list(products)
    check_products(tenant, location, products)
    check_contact(contact)
    end = plan(tenant=tenant, location=location, products=products, persons=persons, start=start)
    key = client_key(tenant, client_ip)
    check_limits(tenant=tenant, contact=contact, key=key, booked_by=booked_by)
    counter = free_counter(location=location, start=start, end=end)
    if counter is None:
        raise slot_taken(tenant=tenant, location=location, products=products, persons=persons, start=start)
    appointment = Appointment(
        tenant=tenant,
        location=location,
        counter=counter,
        start=start,
        end=end,
        persons=persons,
        name=contact.name.strip()[:200],
        email=contact.email.strip(),
        phone=contact.phone.strip()[:20],
        owner_bsn=contact.bsn,
        client_key=key,
        booked_by=booked_by,
    )
    appointment.token_hash = hash_token(appointment.manage_token)
    try:
        with transaction.atomic():
            appointment.save()
    except IntegrityError:  # the PostgreSQL exclusion constraint: a booking this service did not see
        raise slot_taken(
            tenant=tenant, location=location, products=products, persons=persons, start=start
        ) from None
    appointment.products.set(products)
    record_change(
        tenant=tenant, actor=actor, action="book_appointment", obj=appointment, after=snapshot(appointment)
    )
    log_appointment_change(
        appointment=appointment, actor=actor, operation="book_appointment", action=ProcessingAction.CREATE
    )
    mail.send_after_commit(appointment, mail.BOOKED)
    return appointment


def lock(appointment: Appointment) -> Appointment:
    """The appointment again, locked, with its location (a second request waits for the first)."""
    return (
        Appointment.objects.select_for_update(of=("self",))
        .select_related("location", "tenant", "counter")
        .get(pk=appointment.pk, tenant_id=appointment.tenant_id)
    )


def check_changeable(appointment: Appointment) -> None:
    if appointment.status != AppointmentStatus.BOOKED:
        raise AppointmentNotChangeable(_("Deze afspraak is geannuleerd of heeft al plaatsgevonden."))
    if appointment.start <= clock.now():
        raise AppointmentNotChangeable(
            _("Deze afspraak is al begonnen of voorbij. Bel de gemeente als u vragen heeft.")
        )


@transaction.atomic
def move(*, appointment: Appointment, start: datetime.datetime, actor: Actor) -> Appointment:
    """Move a booked appointment to another free time at the same location (same products and persons).

    The manage link stays the same; the resident gets an e-mail with the updated .ics (a higher
    SEQUENCE, so agenda programs replace the old entry) and a new reminder the day before.
    """
    locked = lock(appointment)
    check_changeable(locked)
    tenant, location = locked.tenant, locked.location
    products = list(locked.products.select_related("adoption__zaaktype"))
    end = plan(tenant=tenant, location=location, products=products, persons=locked.persons, start=start)
    counter = free_counter(location=location, start=start, end=end, ignore=locked.pk)
    if counter is None:
        raise slot_taken(
            tenant=tenant, location=location, products=products, persons=locked.persons, start=start
        )
    before = snapshot(locked)
    locked.start, locked.end, locked.counter = start, end, counter
    locked.reminder_sent_at = None
    locked.version += 1
    try:
        with transaction.atomic():
            locked.save(
                update_fields=["start", "end", "counter", "reminder_sent_at", "version", "updated_at"]
            )
    except IntegrityError:
        raise slot_taken(
            tenant=tenant, location=location, products=products, persons=locked.persons, start=start
        ) from None
    record_change(
        tenant=tenant,
        actor=actor,
        action="move_appointment",
        obj=locked,
        before=before,
        after=snapshot(locked),
    )
    log_appointment_change(
        appointment=locked, actor=actor, operation="move_appointment", action=ProcessingAction.UPDATE
    )
    mail.send_after_commit(locked, mail.MOVED)
    return locked


@transaction.atomic
def cancel(*, appointment: Appointment, actor: Actor) -> Appointment:
    """Cancel a booked appointment that has not started; the time is free again at once."""
    locked = lock(appointment)
    check_changeable(locked)
    before = snapshot(locked)
    locked.status = AppointmentStatus.CANCELLED
    locked.version += 1
    locked.save(update_fields=["status", "version", "updated_at"])
    record_change(
        tenant=locked.tenant,
        actor=actor,
        action="cancel_appointment",
        obj=locked,
        before=before,
        after=snapshot(locked),
    )
    log_appointment_change(
        appointment=locked, actor=actor, operation="cancel_appointment", action=ProcessingAction.UPDATE
    )
    mail.send_after_commit(locked, mail.CANCELLED)
    return locked


@transaction.atomic
def mark_attendance(*, appointment: Appointment, attended: bool, actor: Actor) -> Appointment:
    """The counter employee records "verschenen" or "niet verschenen" (from the appointment's day on).

    Either may be corrected later the same way; a cancelled appointment cannot be marked.
    """
    locked = lock(appointment)
    if locked.status == AppointmentStatus.CANCELLED:
        raise AppointmentNotChangeable(_("Deze afspraak is geannuleerd."))
    if locked.start.astimezone(slots.local_zone()).date() > clock.today():
        raise AppointmentNotChangeable(_("Deze afspraak is nog niet begonnen."))
    before = snapshot(locked)
    locked.status = AppointmentStatus.ATTENDED if attended else AppointmentStatus.NO_SHOW
    locked.version += 1
    locked.save(update_fields=["status", "version", "updated_at"])
    record_change(
        tenant=locked.tenant,
        actor=actor,
        action="mark_appointment_attendance",
        obj=locked,
        before=before,
        after=snapshot(locked),
    )
    log_appointment_change(
        appointment=locked,
        actor=actor,
        operation="mark_appointment_attendance",
        action=ProcessingAction.UPDATE,
    )
    return locked
