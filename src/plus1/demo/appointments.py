"""Counter appointments in the demo: locations, opening hours, counters and bookable products
for every demo gemeente, and a few booked appointments.

Products are found by their UPL name (paspoort, identiteitskaart, rijbewijs have no process of
their own) and, where the gemeente runs one, by the process identificatie (brp-uittreksel,
huwelijk). Appointments are booked through ``appointments.services.book`` on the first free
times from tomorrow, so the agenda is filled whenever the demo is loaded: Suzanne Moulin
(BRP test person) has a paspoort and a rijbewijs appointment in Utrecht (she gets the
confirmation e-mails), and fictitious callers with a phone number only (no e-mail) fill the
back-office agenda of the next days. Loading the demo twice adds nothing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from plus1.appointments import services as appointment_services
from plus1.appointments import slots
from plus1.appointments.models import AppointmentProduct, ClosedDay, Counter, Location, OpeningHours
from plus1.audit.services import Actor
from plus1.catalog.models import Adoption, Product
from plus1.core import clock
from plus1.tenants.models import Organisation

if TYPE_CHECKING:
    from .loader import DemoSummary

ACTOR = Actor.system("plus1 demo")
SUZANNE = appointment_services.Contact(
    name="Suzanne Moulin", email="suzanne.moulin@example.org", phone="0612345678", bsn="999993653"
)
# Fictitious callers booked by phone: no e-mail, so loading the demo sends them nothing.
CALLERS = [
    "J. de Vries",
    "A. Yilmaz",
    "M. Jansen",
    "R. Bakker",
    "S. El Amrani",
    "P. Visser",
    "K. Smit",
    "L. Mulder",
]


@dataclass(frozen=True)
class DemoProduct:
    upl_name: str
    process: str  # the process identificatie when the gemeente runs one, else ""
    minutes: int
    per_person: int
    max_persons: int
    main_only: bool = False  # only at the main location


PRODUCTS = [
    DemoProduct("paspoort", "", 15, 10, 4),
    DemoProduct("identiteitskaart", "", 15, 10, 4),
    DemoProduct("rijbewijs", "", 10, 5, 2),
    DemoProduct("brp-uittreksel", "brp-uittreksel", 10, 0, 1),
    DemoProduct("huwelijk", "huwelijk", 30, 0, 2, main_only=True),
]

WEEKDAYS = range(5)
# (name, slug, counters, opening periods per weekday: (weekdays, opens, closes))
MAIN = (
    "Stadskantoor",
    "stadskantoor",
    4,
    [(WEEKDAYS, "09:00", "12:30"), (WEEKDAYS, "13:30", "17:00"), ((3,), "18:00", "20:00")],
)
BRANCH = ("Wijkbureau", "wijkbureau", 1, [((1, 3), "09:00", "12:30")])


def load_appointments(summary: DemoSummary) -> None:
    for gemeente in summary.gemeenten:
        if Location.objects.for_tenant(gemeente).exists():
            continue
        main = _location(gemeente, *MAIN)
        branch = _location(gemeente, f"{BRANCH[0]} {_district(gemeente)}", *BRANCH[1:])
        _products(gemeente, main=main, branch=branch)
        year = clock.today().year
        ClosedDay.objects.create(
            tenant=gemeente, closed_on=datetime.date(year, 12, 31), reason="Oudejaarsdag"
        )
        _book(gemeente, main, branch, with_suzanne=gemeente is summary.gemeenten[0])


def _district(gemeente: Organisation) -> str:
    return {"utrecht": "Overvecht", "groningen": "Oost", "zwolle": "Stadshagen"}.get(gemeente.slug, "Noord")


def _location(gemeente: Organisation, name: str, slug: str, counters: int, periods) -> Location:
    address = gemeente.visiting_address or f"{name}\n{gemeente.name}"
    location = Location.objects.create(tenant=gemeente, name=name, slug=slug, address=address)
    OpeningHours.objects.bulk_create(
        OpeningHours(
            location=location,
            weekday=weekday,
            opens=datetime.time.fromisoformat(opens),
            closes=datetime.time.fromisoformat(closes),
        )
        for weekdays, opens, closes in periods
        for weekday in weekdays
    )
    Counter.objects.bulk_create(Counter(location=location, name=f"Balie {n}") for n in range(1, counters + 1))
    return location


def _products(gemeente: Organisation, *, main: Location, branch: Location) -> None:
    for spec in PRODUCTS:
        product = Product.objects.filter(upl_name=spec.upl_name).first()
        if product is None:
            continue
        adoption = (
            Adoption.objects.for_tenant(gemeente).filter(process__identificatie=spec.process).first()
            if spec.process
            else None
        )
        bookable = AppointmentProduct.objects.create(
            tenant=gemeente,
            product=product,
            adoption=adoption,
            duration_minutes=spec.minutes,
            extra_minutes_per_person=spec.per_person,
            max_persons=spec.max_persons,
        )
        bookable.locations.set([main] if spec.main_only else [main, branch])


def _first_free(gemeente, location, products, *, from_day: datetime.date, skip: int = 0):
    free = slots.free_slots(
        tenant=gemeente, location=location, products=products, persons=1, start_day=from_day, days=21
    )
    return free[min(skip, len(free) - 1)].start if free else None


def _book(gemeente: Organisation, main: Location, branch: Location, *, with_suzanne: bool) -> None:
    products = {
        p.product.upl_name: p
        for p in AppointmentProduct.objects.for_tenant(gemeente).select_related("product")
    }
    tomorrow = clock.today() + datetime.timedelta(days=1)
    if with_suzanne:
        for location, upl, skip, after in ((main, "paspoort", 4, 3), (branch, "rijbewijs", 0, 7)):
            start = _first_free(
                gemeente,
                location,
                [products[upl]],
                from_day=tomorrow + datetime.timedelta(days=after),
                skip=skip,
            )
            if start is not None:
                appointment_services.book(
                    tenant=gemeente,
                    location=location,
                    products=[products[upl]],
                    persons=1,
                    start=start,
                    contact=SUZANNE,
                    actor=ACTOR,
                )
    order = ["paspoort", "identiteitskaart", "rijbewijs", "brp-uittreksel"]
    for number, name in enumerate(CALLERS):
        product = products[order[number % len(order)]]
        start = _first_free(gemeente, main, [product], from_day=tomorrow, skip=number)
        if start is None:
            continue
        phone = f"06{40000000 + number * 1234567:08d}"[:10]
        appointment_services.book(
            tenant=gemeente,
            location=main,
            products=[product],
            persons=min(product.max_persons, 1 + number % 2),
            start=start,
            contact=appointment_services.Contact(name=name, phone=phone),
            actor=ACTOR,
        )
