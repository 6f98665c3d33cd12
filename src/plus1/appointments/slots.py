"""Free times: opening hours minus closed days minus national holidays minus what is booked."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from plus1.tenants.models import Organisation

from .models import AppointmentProduct, Location


@dataclass(frozen=True, order=True)
class Slot:
    """A free time at a location: ``start`` and ``end`` are aware datetimes."""

    start: datetime.datetime
    end: datetime.datetime


def free_slots(
    *,
    tenant: Organisation,
    location: Location,
    products: Sequence[AppointmentProduct],
    persons: int,
    start_day: datetime.date,
    days: int = 14,
) -> list[Slot]:
    raise NotImplementedError
