"""The appointment as an iCalendar file (RFC 5545) for the resident's agenda.

One VEVENT with a stable UID (the appointment's uuid) and SEQUENCE (its version), so an agenda
program replaces the entry when the appointment is moved and removes it when it is cancelled
(METHOD:CANCEL, STATUS:CANCELLED). Times are in UTC, which every agenda program reads.
"""

from __future__ import annotations

import datetime

from icalendar import Calendar, Event

from plus1.core import clock

from .constants import AppointmentStatus
from .links import manage_url
from .models import Appointment

PRODID = "-//Plus1//Afspraken aan de balie//NL"
CONTENT_TYPE = "text/calendar; charset=utf-8"
FILENAME = "afspraak.ics"


def ics_for(appointment: Appointment) -> bytes:
    """The .ics of ``appointment`` (for the e-mails and the download on the confirmation page)."""
    gemeente = appointment.tenant
    location = appointment.location
    is_cancelled = appointment.status == AppointmentStatus.CANCELLED
    products = ", ".join(product.name for product in appointment.products.all())
    address = ", ".join(line.strip() for line in location.address.splitlines() if line.strip())

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if is_cancelled else "PUBLISH")
    event = Event()
    event.add("uid", f"{appointment.uuid}@plus1")
    event.add("dtstamp", clock.now().astimezone(datetime.UTC))
    event.add("dtstart", appointment.start.astimezone(datetime.UTC))
    event.add("dtend", appointment.end.astimezone(datetime.UTC))
    event.add("sequence", appointment.version)
    event.add("status", "CANCELLED" if is_cancelled else "CONFIRMED")
    event.add("summary", f"Afspraak gemeente {gemeente.name}: {products}")
    event.add("location", f"{location.name}, {address}" if address else location.name)
    description = [f"{products} ({appointment.persons} pers.)"]
    if not is_cancelled:
        description.append(f"Verplaatsen of annuleren: {manage_url(gemeente, appointment.manage_token)}")
    event.add("description", "\n".join(description))
    if gemeente.contact_email:
        event.add(
            "organizer", f"mailto:{gemeente.contact_email}", parameters={"cn": f"Gemeente {gemeente.name}"}
        )
    calendar.add_component(event)
    return calendar.to_ical()
