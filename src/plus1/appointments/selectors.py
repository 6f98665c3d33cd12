"""Reads of appointments and what can be booked, always scoped to one gemeente."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.db.models import Count, Q, QuerySet

from plus1.audit.services import Actor
from plus1.catalog.models import Adoption, Product
from plus1.core import clock
from plus1.tenants.models import Organisation

from .constants import AppointmentStatus
from .log import log_appointment_reads
from .models import Appointment, AppointmentProduct, Location
from .slots import local_zone
from .tokens import TOKEN_LENGTH, hash_token


def bookable_products(tenant: Organisation) -> QuerySet[AppointmentProduct]:
    """The gemeente's products residents can book online, by name."""
    return (
        AppointmentProduct.objects.for_tenant(tenant)
        .filter(is_active=True, locations__is_active=True)
        .distinct()
        .select_related("product", "adoption__zaaktype", "adoption__process")
        .order_by("product__upl_name")
    )


def product_for_adoption(adoption: Adoption) -> AppointmentProduct | None:
    """The bookable appointment product of a process, if the gemeente offers one."""
    return bookable_products(adoption.tenant).filter(adoption=adoption).first()


def product_for(*, tenant: Organisation, product: Product) -> AppointmentProduct | None:
    """The bookable appointment product of a product page (UPL product), with or without a process.

    Also one saved with its process only (the product column is filled by the admin's form, not
    by the model), found through the process's product.
    """
    return (
        bookable_products(tenant)
        .filter(Q(product=product) | Q(product__isnull=True, adoption__zaaktype__product=product))
        .first()
    )


def locations_for(*, tenant: Organisation, products: Sequence[AppointmentProduct]) -> QuerySet[Location]:
    """The gemeente's active locations that offer every one of ``products``."""
    ids = {product.pk for product in products}
    return (
        Location.objects.for_tenant(tenant)
        .filter(is_active=True)
        .annotate(offered=Count("products", filter=Q(products__in=ids), distinct=True))
        .filter(offered=len(ids))
        .order_by("name")
    )


def appointment_for_token(*, tenant: Organisation, token: str) -> Appointment | None:
    """The appointment of a manage link, or None for an unknown, mistyped or other gemeente's link."""
    if not token or len(token) != TOKEN_LENGTH:
        return None
    return (
        Appointment.objects.for_tenant(tenant)
        .select_related("location", "counter", "tenant")
        .prefetch_related("products__adoption__zaaktype", "products__product")
        .filter(token_hash=hash_token(token))
        .first()
    )


def appointments_for_resident(*, tenant: Organisation, bsn: str) -> QuerySet[Appointment]:
    """A DigiD-logged-in resident's booked appointments from today on (for Mijn zaken)."""
    if not bsn:
        return Appointment.objects.none()
    today_start = datetime.datetime.combine(clock.today(), datetime.time.min, tzinfo=local_zone())
    return (
        Appointment.objects.for_tenant(tenant)
        .booked()
        .filter(owner_bsn=bsn, start__gte=today_start)
        .select_related("location")
        .prefetch_related("products__adoption__zaaktype", "products__product")
        .order_by("start")
    )


def agenda(
    *, tenant: Organisation, location: Location, day: datetime.date, actor: Actor | None = None
) -> list[Appointment] | QuerySet[Appointment]:
    """Every appointment of ``location`` on ``day`` (all statuses), by time and counter.

    With ``actor`` (the employee who opens the agenda) each appointment shown is logged as a
    read in the processing log, and a list is returned.
    """
    zone = local_zone()
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
    rows = (
        Appointment.objects.for_tenant(tenant)
        .filter(location=location, start__gte=start, start__lt=end)
        .select_related("counter", "booked_by")
        .prefetch_related("products__adoption__zaaktype", "products__product")
        .order_by("start", "counter__name")
    )
    if actor is None:
        return rows
    shown = list(rows)
    log_appointment_reads(shown, actor=actor, operation="agenda")
    return shown


def open_count(*, tenant: Organisation, location: Location, day: datetime.date) -> int:
    """How many appointments of ``day`` still wait (booked), for the agenda's heading."""
    return agenda(tenant=tenant, location=location, day=day).filter(status=AppointmentStatus.BOOKED).count()
