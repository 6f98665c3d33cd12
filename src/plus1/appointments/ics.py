"""The appointment as an iCalendar file (RFC 5545) for the resident's agenda."""

from __future__ import annotations

from .models import Appointment


def ics_for(appointment: Appointment) -> bytes:
    raise NotImplementedError
