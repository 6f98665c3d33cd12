"""E-mails about an appointment: confirmation, moved, cancelled and the reminder the day before.

Each comes from the gemeente ("Gemeente Utrecht <noreply@...>"), carries the appointment as an
.ics file and the manage link to move or cancel it. Sent after the transaction commits, so a
refused or rolled-back change never mails anyone. A phone-only booking gets no e-mail.
"""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import formats, translation
from django.utils.translation import gettext as _

from plus1.cases.letters.mail import sender

from .ics import CONTENT_TYPE, FILENAME, ics_for
from .links import manage_url
from .models import Appointment
from .slots import local_zone

BOOKED = "booked"
MOVED = "moved"
CANCELLED = "cancelled"
REMINDER = "reminder"

SUBJECTS = {
    BOOKED: lambda: _("Uw afspraak op %(when)s"),
    MOVED: lambda: _("Uw afspraak is verplaatst naar %(when)s"),
    CANCELLED: lambda: _("Uw afspraak op %(when)s is geannuleerd"),
    REMINDER: lambda: _("Herinnering: uw afspraak morgen, %(when)s"),
}


def when(appointment: Appointment) -> str:
    """ "dinsdag 8 december 2026 om 10:15" in Dutch local time."""
    local = appointment.start.astimezone(local_zone())
    return f"{formats.date_format(local.date(), 'l j F Y')} om {local:%H:%M}"


def compose(appointment: Appointment, kind: str) -> EmailMessage:
    gemeente = appointment.tenant
    with translation.override("nl"):
        context = {
            "appointment": appointment,
            "gemeente": gemeente,
            "location": appointment.location,
            "address": ", ".join(
                line.strip() for line in appointment.location.address.splitlines() if line.strip()
            ),
            "products": [product.name for product in appointment.products.all()],
            "when": when(appointment),
            "end": f"{appointment.end.astimezone(local_zone()):%H:%M}",
            "manage_url": "" if kind == CANCELLED else manage_url(gemeente, appointment.manage_token),
            "kind": kind,
        }
        subject = SUBJECTS[kind]() % {"when": context["when"]}
        body = render_to_string(f"appointments/email/{kind}.txt", context)
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=sender(gemeente),
        to=[appointment.email],
        reply_to=[gemeente.contact_email] if gemeente.contact_email else None,
    )
    message.attach(FILENAME, ics_for(appointment), CONTENT_TYPE)
    return message


def send_after_commit(appointment: Appointment, kind: str) -> None:
    """Queue the e-mail of ``kind`` for after the commit (composed now, with the state as committed)."""
    if not appointment.email:
        return
    message = compose(appointment, kind)
    transaction.on_commit(message.send)
