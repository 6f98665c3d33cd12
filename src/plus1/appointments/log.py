"""The processing log (Logboek dataverwerkingen) of counter appointments.

An appointment holds a name, contact details and, after DigiD, a BSN. Every change (booked,
moved, cancelled, attendance) is written in the service's transaction, and every agenda an
employee opens writes one read per appointment shown; the subject is the BSN as a keyed hash
when the resident logged in.
"""

from __future__ import annotations

from collections.abc import Iterable

from plus1.audit import services as audit
from plus1.audit.models import Channel, ProcessingAction
from plus1.audit.services import Activity, Actor, ObjectRef, build_record, is_enabled, subject_for

from .models import Appointment

ACTIVITY = Activity(
    code="afspraken-balie",
    name="Afspraken aan de balie",
    purpose="Een afspraak aan de balie plannen, de inwoner eraan herinneren en hem aan de balie helpen",
    legal_ground="AVG art. 6 lid 1 sub e: taak van algemeen belang (dienstverlening van de gemeente)",
    retention_days=2 * 366,
)
CHANNEL_OF_ACTOR = {"employee": Channel.BACKOFFICE, "system": Channel.TASK}


def _channel(actor: Actor) -> str:
    return CHANNEL_OF_ACTOR.get(actor.type, Channel.PORTAL)


def _ref(appointment: Appointment) -> ObjectRef:
    return ObjectRef("appointments.appointment", str(appointment.pk), f"{appointment.start:%Y-%m-%d %H:%M}")


def log_appointment_change(*, appointment: Appointment, actor: Actor, operation: str, action: str) -> None:
    """A change, inside the service's transaction (rolls back with it)."""
    if not is_enabled():
        return
    audit.record_processing(
        tenant=appointment.tenant_id,
        actor=actor,
        activity=ACTIVITY,
        action=action,
        channel=_channel(actor),
        obj=_ref(appointment),
        subject=subject_for(bsn=appointment.owner_bsn),
        operation=operation,
    )


def log_appointment_reads(appointments: Iterable[Appointment], *, actor: Actor, operation: str = "") -> None:
    """One read record per appointment shown with its person (the agenda, a detail page)."""
    if not is_enabled():
        return
    audit.record_reads(
        build_record(
            tenant=appointment.tenant_id,
            actor=actor,
            activity=ACTIVITY,
            action=ProcessingAction.READ,
            channel=_channel(actor),
            obj=_ref(appointment),
            subject=subject_for(bsn=appointment.owner_bsn),
            operation=operation,
        )
        for appointment in appointments
    )
