"""Reads of appointments and what can be booked, always scoped to one gemeente."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.db.models import QuerySet

from plus1.tenants.models import Organisation

from .models import Appointment, AppointmentProduct, Location


def bookable_products(tenant: Organisation) -> QuerySet[AppointmentProduct]:
    raise NotImplementedError


def locations_for(*, tenant: Organisation, products: Sequence[AppointmentProduct]) -> QuerySet[Location]:
    raise NotImplementedError


def appointment_for_token(*, tenant: Organisation, token: str) -> Appointment | None:
    raise NotImplementedError


def appointments_for_resident(*, tenant: Organisation, bsn: str) -> QuerySet[Appointment]:
    raise NotImplementedError


def agenda(*, tenant: Organisation, location: Location, day: datetime.date) -> QuerySet[Appointment]:
    raise NotImplementedError
