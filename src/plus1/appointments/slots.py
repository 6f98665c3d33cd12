"""Free times: opening hours minus closed days minus national holidays minus what is booked.

A request for free times costs three small indexed queries, whatever the number of days: the
location's opening hours (with its number of active counters and how many of the chosen
products it offers, as subqueries), the closed days in the period, and the booked
appointments in the period. The rest is arithmetic on sorted lists in Python.

A time is free when at least one active counter of the location has nothing booked that
overlaps it. Times lie on a grid of ``SLOT_STEP_MINUTES`` from each opening time, start at
least ``PLUS1_APPOINTMENT_LEAD_MINUTES`` from now and end before closing time.
"""

from __future__ import annotations

import bisect
import datetime
import zoneinfo
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from plus1.cases.deadlines import public_holidays
from plus1.core import clock
from plus1.tenants.models import Organisation

from .constants import SLOT_STEP_MINUTES, AppointmentStatus
from .exceptions import InvalidBooking
from .models import Appointment, AppointmentProduct, ClosedDay, Counter, Location, OpeningHours

STEP = datetime.timedelta(minutes=SLOT_STEP_MINUTES)
# An appointment never lasts longer than this, so one looking back this far finds every overlap.
LONGEST = datetime.timedelta(hours=12)
# Free times exist at most this far from today (the portal pages half a year ahead). A forged
# date further away (year 1 or 9999 in a GET parameter) has none and is refused when booking,
# before any date arithmetic could overflow.
REACH = datetime.timedelta(days=2 * 366)


@dataclass(frozen=True, order=True)
class Slot:
    """A free time at a location: ``start`` and ``end`` are aware datetimes."""

    start: datetime.datetime
    end: datetime.datetime


@dataclass
class Schedule:
    """What decides the free times of one location over a period of days."""

    location: Location
    first_day: datetime.date
    last_day: datetime.date
    hours: dict[int, list[tuple[datetime.time, datetime.time]]] = field(default_factory=dict)
    counters: int = 0
    offered: int = 0
    closed: set[datetime.date] = field(default_factory=set)
    # counter id -> (starts, ends) of its booked appointments, sorted and not overlapping.
    busy: dict[int, tuple[list[datetime.datetime], list[datetime.datetime]]] = field(default_factory=dict)

    def is_closed_on(self, day: datetime.date) -> bool:
        return day in self.closed or day in public_holidays(day.year) or not self.hours.get(day.weekday())

    def is_free(self, start: datetime.datetime, end: datetime.datetime) -> bool:
        """At least one active counter has nothing booked that overlaps ``[start, end)``."""
        if self.counters > len(self.busy):
            return True
        for starts, ends in self.busy.values():
            before = bisect.bisect_left(starts, end)
            if before == 0 or ends[before - 1] <= start:
                return True
        return False


def local_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def minutes_needed(products: Sequence[AppointmentProduct], persons: int) -> int:
    """The counter's time for all chosen products together (each extra person adds time)."""
    return sum(product.minutes_for(persons) for product in products)


def earliest_start() -> datetime.datetime:
    """Booking closes this long before an appointment starts (the counter prepares)."""
    return clock.now() + datetime.timedelta(minutes=settings.PLUS1_APPOINTMENT_LEAD_MINUTES)


def load_schedule(
    *,
    tenant: Organisation,
    location: Location,
    products: Sequence[AppointmentProduct],
    first_day: datetime.date,
    last_day: datetime.date,
) -> Schedule:
    """Read hours, counters, closed days and bookings of ``location`` from ``first_day`` to ``last_day``."""
    schedule = Schedule(location=location, first_day=first_day, last_day=last_day)
    active_counters = (
        Counter.objects.filter(location=OuterRef("location"), is_active=True)
        .values("location")
        .annotate(n=Count("pk"))
        .values("n")
    )
    offering = (
        AppointmentProduct.locations.through.objects.filter(
            location=OuterRef("location"), appointmentproduct__in=[p.pk for p in products]
        )
        .values("location")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rows = (
        OpeningHours.objects.filter(location=location, location__tenant=tenant)
        .annotate(
            counters=Coalesce(Subquery(active_counters, output_field=IntegerField()), 0),
            offered=Coalesce(Subquery(offering, output_field=IntegerField()), 0),
        )
        .values_list("weekday", "opens", "closes", "counters", "offered")
        .order_by("weekday", "opens")
    )
    for weekday, opens, closes, counters, offered in rows:
        schedule.hours.setdefault(weekday, []).append((opens, closes))
        schedule.counters, schedule.offered = counters, offered
    if not schedule.hours:
        schedule.offered = location.products.filter(pk__in=[p.pk for p in products]).count()
        return schedule
    schedule.closed = set(
        ClosedDay.objects.filter(tenant=tenant, closed_on__range=(first_day, last_day))
        .filter(Q(location__isnull=True) | Q(location=location))
        .values_list("closed_on", flat=True)
    )
    zone = local_zone()
    period_start = datetime.datetime.combine(first_day, datetime.time.min, tzinfo=zone)
    period_end = datetime.datetime.combine(
        last_day + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    booked = (
        Appointment.objects.filter(
            tenant=tenant,
            location=location,
            status=AppointmentStatus.BOOKED,
            start__gte=period_start - LONGEST,
            start__lt=period_end,
            counter__is_active=True,
        )
        .order_by("start")
        .values_list("counter_id", "start", "end")
    )
    per_counter: dict[int, tuple[list, list]] = defaultdict(lambda: ([], []))
    for counter_id, start, end in booked:
        if end > period_start:
            starts, ends = per_counter[counter_id]
            starts.append(start)
            ends.append(end)
    schedule.busy = dict(per_counter)
    return schedule


def check_request(
    *, schedule: Schedule, products: Sequence[AppointmentProduct], persons: int
) -> datetime.timedelta:
    """Refuse products the location does not offer and too many persons; return the time needed."""
    if not products:
        raise InvalidBooking(_("Kies minstens één product."))
    if schedule.offered < len({p.pk for p in products}):
        raise InvalidBooking(
            _("Op locatie %(location)s kunt u hiervoor geen afspraak maken. Kies een andere locatie.")
            % {"location": schedule.location.name}
        )
    most = min(product.max_persons for product in products)
    if persons < 1 or persons > most:
        raise InvalidBooking(
            _("U kunt een afspraak maken voor 1 tot en met %(most)s personen.") % {"most": most}
        )
    return datetime.timedelta(minutes=minutes_needed(products, persons))


def within_reach(day: datetime.date) -> bool:
    """``day`` is no further than ``REACH`` from today, in either direction."""
    today = clock.today()
    return today - REACH <= day <= today + REACH


def check_reach(start: datetime.datetime) -> None:
    """Refuse a time far in the past or the future (before ``load_schedule`` reads its day)."""
    day = start.date()  # its own wall-clock date: no time zone conversion that could overflow
    if within_reach(day):
        return
    if day < clock.today():
        raise InvalidBooking(_("Dit tijdstip is al voorbij. Kies een tijd in de toekomst."))
    raise InvalidBooking(_("Zo ver vooruit kunt u nog geen afspraak maken. Kies een eerdere dag."))


def check_time(*, schedule: Schedule, start: datetime.datetime, end: datetime.datetime) -> None:
    """Refuse a time in the past, too soon, on a closed day or outside opening hours."""
    if start <= clock.now():
        raise InvalidBooking(_("Dit tijdstip is al voorbij. Kies een tijd in de toekomst."))
    if start < earliest_start():
        raise InvalidBooking(
            _("U kunt tot %(minutes)s minuten van tevoren een afspraak maken. Kies een latere tijd.")
            % {"minutes": settings.PLUS1_APPOINTMENT_LEAD_MINUTES}
        )
    local_start, local_end = start.astimezone(local_zone()), end.astimezone(local_zone())
    day = local_start.date()
    if schedule.is_closed_on(day):
        raise InvalidBooking(
            _("%(location)s is gesloten op %(day)s. Kies een andere dag.")
            % {"location": schedule.location.name, "day": date_format(day, "l j F Y")}
        )
    inside = any(
        opens <= local_start.time() and local_end.date() == day and local_end.time() <= closes
        for opens, closes in schedule.hours[day.weekday()]
    )
    if not inside:
        raise InvalidBooking(
            _("%(location)s is op dat moment niet open. Kies een tijd binnen de openingstijden.")
            % {"location": schedule.location.name}
        )


def slots_in(schedule: Schedule, length: datetime.timedelta, *, after: datetime.datetime) -> list[Slot]:
    """Every free time of ``length`` in the schedule's period starting at or after ``after``."""
    zone = local_zone()
    found: dict[datetime.datetime, Slot] = {}  # by start: overlapping opening rows give no doubles
    day = schedule.first_day
    while day <= schedule.last_day:
        if not schedule.is_closed_on(day):
            for opens, closes in schedule.hours[day.weekday()]:
                # Stepped in UTC, so on the day daylight saving time starts or ends every time is a
                # real moment once (no 2:30 that does not exist, no moment offered twice).
                start = datetime.datetime.combine(day, opens, tzinfo=zone).astimezone(datetime.UTC)
                closing = datetime.datetime.combine(day, closes, tzinfo=zone).astimezone(datetime.UTC)
                while start + length <= closing:
                    if start >= after and start not in found and schedule.is_free(start, start + length):
                        found[start] = Slot(start.astimezone(zone), (start + length).astimezone(zone))
                    start += STEP
        day += datetime.timedelta(days=1)
    return sorted(found.values())


def free_slots(
    *,
    tenant: Organisation,
    location: Location,
    products: Sequence[AppointmentProduct],
    persons: int,
    start_day: datetime.date,
    days: int = 14,
) -> list[Slot]:
    """The free times at ``location`` for ``products`` and ``persons`` on ``days`` days from ``start_day``.

    Raises InvalidBooking when the location does not offer a product or for too many persons.
    A ``start_day`` out of reach (``within_reach``) has no free times.
    """
    if not within_reach(start_day):
        return []
    days = min(max(1, days), REACH.days)
    last_day = min(start_day + datetime.timedelta(days=days - 1), clock.today() + REACH)
    schedule = load_schedule(
        tenant=tenant, location=location, products=products, first_day=start_day, last_day=last_day
    )
    length = check_request(schedule=schedule, products=products, persons=persons)
    return slots_in(schedule, length, after=earliest_start())
