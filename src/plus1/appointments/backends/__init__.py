"""Which agenda books counter appointments: the built-in one, or a gemeente's external system.

Gemeenten with an appointment system of their own (Qmatic, JCC) keep it: Plus1 then shows its
products, locations and free times and books there. ``AppointmentBackend`` is what such a
connector implements; identifiers are the system's own, as strings. The installation picks
one with ``PLUS1_APPOINTMENT_BACKEND`` (a class path); the default is the built-in agenda
(``builtin.BuiltinBackend``). ``qmatic.QmaticBackend`` speaks the Qmatic Orchestra Calendar
Public API; JCC-Afspraken (SOAP, GenericGuidAppointment) is the next one to add.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from django.conf import settings
from django.utils.module_loading import import_string

from plus1.audit.services import Actor
from plus1.tenants.models import Organisation

from ..services import Contact
from ..slots import Slot


@dataclass(frozen=True)
class BackendProduct:
    id: str
    name: str
    duration_minutes: int | None = None


@dataclass(frozen=True)
class BackendLocation:
    id: str
    name: str
    address: str = ""


@runtime_checkable
class AppointmentBackend(Protocol):
    """What an agenda offers Plus1. Every method may raise ``BackendError`` (Dutch message)."""

    def products(self, tenant: Organisation) -> list[BackendProduct]: ...

    def locations(self, tenant: Organisation, product_ids: Sequence[str]) -> list[BackendLocation]: ...

    def free_slots(
        self,
        tenant: Organisation,
        location_id: str,
        product_ids: Sequence[str],
        persons: int,
        start_day: datetime.date,
        days: int = 14,
    ) -> list[Slot]: ...

    def book(
        self,
        tenant: Organisation,
        location_id: str,
        product_ids: Sequence[str],
        persons: int,
        start: datetime.datetime,
        contact: Contact,
        actor: Actor,
    ) -> str:
        """Book and return the system's identifier of the appointment."""
        ...

    def cancel(self, tenant: Organisation, appointment_id: str, actor: Actor) -> None: ...


def get_backend() -> AppointmentBackend:
    """The installation's agenda (``PLUS1_APPOINTMENT_BACKEND``)."""
    return import_string(settings.PLUS1_APPOINTMENT_BACKEND)()
