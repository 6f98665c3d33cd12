"""Every change of an appointment: book, move, cancel, mark attendance."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from plus1.audit.services import Actor
from plus1.tenants.models import Organisation

from .models import Appointment, AppointmentProduct, Location


@dataclass(frozen=True)
class Contact:
    """Who comes: name and at least an e-mail address or phone number; a BSN when logged in with DigiD."""

    name: str
    email: str = ""
    phone: str = ""
    bsn: str = ""


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
    raise NotImplementedError


def move(*, appointment: Appointment, start: datetime.datetime, actor: Actor) -> Appointment:
    raise NotImplementedError


def cancel(*, appointment: Appointment, actor: Actor) -> Appointment:
    raise NotImplementedError


def mark_attendance(*, appointment: Appointment, attended: bool, actor: Actor) -> Appointment:
    raise NotImplementedError
