"""The built-in agenda as an AppointmentBackend: Plus1's own locations, counters and appointments."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from plus1.audit.services import Actor
from plus1.tenants.models import Organisation

from .. import selectors, services, slots
from ..exceptions import InvalidBooking
from ..models import Appointment, AppointmentProduct, Location
from ..services import Contact
from . import BackendLocation, BackendProduct


def _pks(ids: Sequence[str]) -> list[int]:
    try:
        return [int(value) for value in ids]
    except ValueError:
        raise InvalidBooking("Onbekend product of onbekende locatie.") from None


class BuiltinBackend:
    def _products(self, tenant: Organisation, ids: Sequence[str]) -> list[AppointmentProduct]:
        wanted = set(_pks(ids))
        found = list(selectors.bookable_products(tenant).filter(pk__in=wanted))
        if len(found) != len(wanted):
            raise InvalidBooking("Voor dit product kunt u geen afspraak maken.")
        return found

    def _location(self, tenant: Organisation, location_id: str) -> Location:
        location = (
            Location.objects.for_tenant(tenant).filter(pk__in=_pks([location_id]), is_active=True).first()
        )
        if location is None:
            raise InvalidBooking("Deze locatie bestaat niet (meer). Kies een andere locatie.")
        return location

    def products(self, tenant: Organisation) -> list[BackendProduct]:
        return [
            BackendProduct(id=str(p.pk), name=p.name, duration_minutes=p.duration_minutes)
            for p in selectors.bookable_products(tenant)
        ]

    def locations(self, tenant: Organisation, product_ids: Sequence[str]) -> list[BackendLocation]:
        products = self._products(tenant, product_ids)
        return [
            BackendLocation(id=str(loc.pk), name=loc.name, address=loc.address)
            for loc in selectors.locations_for(tenant=tenant, products=products)
        ]

    def free_slots(
        self,
        tenant: Organisation,
        location_id: str,
        product_ids: Sequence[str],
        persons: int,
        start_day: datetime.date,
        days: int = 14,
    ) -> list[slots.Slot]:
        return slots.free_slots(
            tenant=tenant,
            location=self._location(tenant, location_id),
            products=self._products(tenant, product_ids),
            persons=persons,
            start_day=start_day,
            days=days,
        )

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
        appointment = services.book(
            tenant=tenant,
            location=self._location(tenant, location_id),
            products=self._products(tenant, product_ids),
            persons=persons,
            start=start,
            contact=contact,
            actor=actor,
        )
        return str(appointment.uuid)

    def cancel(self, tenant: Organisation, appointment_id: str, actor: Actor) -> None:
        appointment = Appointment.objects.for_tenant(tenant).filter(uuid=appointment_id).first()
        if appointment is None:
            raise InvalidBooking("Deze afspraak bestaat niet.")
        services.cancel(appointment=appointment, actor=actor)
