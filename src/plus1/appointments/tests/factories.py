"""A gemeente's counters as the tests need them, built the way a functional admin would."""

from __future__ import annotations

import datetime

from plus1.audit.services import Actor
from plus1.catalog import services as catalog_services
from plus1.catalog.models import Product
from plus1.catalog.tests.factories import ZaakTypeFactory
from plus1.tenants.models import Organisation

from ..models import AppointmentProduct, ClosedDay, Counter, Location, OpeningHours
from ..services import Contact

SYSTEM = Actor.system("test")
RESIDENT = Contact(name="Suzanne Moulin", email="suzanne@example.org", phone="0612345678", bsn="999993653")
# Monday to Friday 9:00-12:00 and 13:00-17:00 (lunch break), closed at weekends.
OFFICE_HOURS = [(day, "09:00", "12:00") for day in range(5)] + [(day, "13:00", "17:00") for day in range(5)]


def location(
    gemeente: Organisation,
    *,
    name: str = "Stadskantoor",
    counters: int = 1,
    hours: list[tuple[int, str, str]] | None = None,
) -> Location:
    place = Location.objects.create(
        tenant=gemeente,
        name=name,
        slug=name.lower().replace(" ", "-"),
        address="Stadsplateau 1\n3521 AZ Utrecht",
    )
    for weekday, opens, closes in OFFICE_HOURS if hours is None else hours:
        OpeningHours.objects.create(
            location=place,
            weekday=weekday,
            opens=datetime.time.fromisoformat(opens),
            closes=datetime.time.fromisoformat(closes),
        )
    for number in range(1, counters + 1):
        Counter.objects.create(location=place, name=f"Balie {number}")
    return place


def product(
    gemeente: Organisation,
    *,
    name: str = "Paspoort aanvragen",
    upl: str | None = None,
    with_process: bool = True,
    minutes: int = 15,
    per_person: int = 0,
    max_persons: int = 1,
    at: list[Location] | tuple[Location, ...] = (),
) -> AppointmentProduct:
    """A bookable product; ``upl`` (default: the name's first word) is its UPL name.

    With ``with_process`` the gemeente runs a process for it named ``name`` (as for huwelijk),
    without it the product page's UPL product alone (as for paspoort) is the product.
    """
    upl_product = Product.objects.get(upl_name=upl or name.split()[0].lower())
    adoption = None
    if with_process:
        zaaktype = ZaakTypeFactory(published=True, omschrijving=name, product=upl_product)
        adoption = catalog_services.adopt_process(gemeente=gemeente, zaaktype=zaaktype, actor=SYSTEM)
    bookable = AppointmentProduct.objects.create(
        tenant=gemeente,
        product=upl_product,
        adoption=adoption,
        duration_minutes=minutes,
        extra_minutes_per_person=per_person,
        max_persons=max_persons,
    )
    bookable.locations.set(at)
    return bookable


def closed(gemeente: Organisation, day: datetime.date, *, at: Location | None = None) -> ClosedDay:
    return ClosedDay.objects.create(tenant=gemeente, location=at, closed_on=day, reason="Personeelsuitje")
