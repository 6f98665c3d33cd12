"""Figures of the incident register: how many reports, of what kind, and how well they were followed up.

Issue 20: for the agressiecoördinator and management, incidents per month, per category,
channel, team and location; the share with aangifte; the share with nazorg within 24 hours and
a reaction within 48 hours (Veilige Publieke Taak). Only counts: no description, no names, no
person. A teamleider gets the same counts for their own team(s) only, without the locations
(a free-text location can be a resident's address, e.g. at a huisbezoek).

Definitions (docs/aro-export.md repeats them):
- A report counts in the month it happened (``occurred_at``, Dutch time).
- A report has several categories: the category counts add up to more than the total.
- "Met aangifte": the aangifte task is done (``IncidentTask`` kind aangifte, ``done_at`` set).
- "Nazorg binnen 24 uur" / "reactie binnen 48 uur": that task's ``done_at`` is at most 24 / 48
  hours after the report was made (``created_at``). Reports younger than that and not yet done
  are left out of the share: they can still make it.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from plus1.core import clock
from plus1.tenants.models import Organisation

from .constants import AFTERCARE_HOURS, REACTION_HOURS, Category, Channel, TaskKind
from .models import Incident, IncidentTask

# The locations shown by name; the rest together as "Overige locaties".
TOP_LOCATIONS = 10
DEFAULT_MONTHS = 12


@dataclass(frozen=True)
class Period:
    """From ``first`` up to and including ``last`` (dates in Dutch time)."""

    first: datetime.date
    last: datetime.date

    @classmethod
    def last_months(cls, months: int = DEFAULT_MONTHS, *, today: datetime.date | None = None) -> Period:
        """The current month and the ``months - 1`` before it."""
        today = today or clock.today()
        year, month = today.year, today.month - (months - 1)
        while month < 1:
            year, month = year - 1, month + 12
        return cls(datetime.date(year, month, 1), today)

    @property
    def start_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.first, datetime.time.min))

    @property
    def end_at(self) -> datetime.datetime:
        """The first moment after the period (exclusive)."""
        next_day = self.last + datetime.timedelta(days=1)
        return timezone.make_aware(datetime.datetime.combine(next_day, datetime.time.min))

    def months(self) -> list[datetime.date]:
        """The first day of every month in the period, oldest first."""
        found, current = [], self.first.replace(day=1)
        while current <= self.last:
            found.append(current)
            current = (current + datetime.timedelta(days=32)).replace(day=1)
        return found


@dataclass(frozen=True)
class Share:
    """``part`` of ``whole`` reports, as a percentage (None when there is nothing to count)."""

    part: int
    whole: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.part / self.whole) if self.whole else None


@dataclass(frozen=True)
class IncidentFigures:
    period: Period
    total: int
    # (first day of the month, reports), every month of the period, also those without any.
    per_month: list[tuple[datetime.date, int]]
    per_category: list[tuple[str, int]]
    per_channel: list[tuple[str, int]]
    per_team: list[tuple[str, int]]
    # Empty for a teamleider: free-text locations can point at a person.
    per_location: list[tuple[str, int]]
    with_police_report: Share
    aftercare_in_time: Share
    reaction_in_time: Share


def incidents_in_period(
    *, tenant: Organisation, period: Period, team_ids: list[int] | None = None
) -> QuerySet[Incident]:
    """The gemeente's reports that happened in ``period``; only these teams' when given."""
    incidents = Incident.objects.filter(
        tenant=tenant, occurred_at__gte=period.start_at, occurred_at__lt=period.end_at
    )
    if team_ids is not None:
        incidents = incidents.filter(team_id__in=team_ids)
    return incidents


def _task_done_within(kind: str, hours: int | None) -> Exists:
    done = IncidentTask.objects.filter(incident=OuterRef("pk"), kind=kind, done_at__isnull=False)
    if hours is not None:
        done = done.filter(done_at__lte=OuterRef("created_at") + datetime.timedelta(hours=hours))
    return Exists(done)


def _in_time_share(incidents: QuerySet[Incident], kind: str, hours: int, now: datetime.datetime) -> Share:
    """Reports whose ``kind`` task was done within ``hours``, of those whose time is up or that are done."""
    counts = incidents.annotate(
        in_time=_task_done_within(kind, hours), done=_task_done_within(kind, None)
    ).aggregate(
        part=Count("pk", filter=Q(in_time=True)),
        whole=Count("pk", filter=Q(done=True) | Q(created_at__lte=now - datetime.timedelta(hours=hours))),
    )
    return Share(counts["part"], counts["whole"])


def _month_of(value: datetime.datetime | datetime.date) -> datetime.date:
    # TruncMonth gives the month's first moment in Dutch time (aware) with USE_TZ.
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.date()
    return value


def _labelled(counts: Counter, choices) -> list[tuple[str, int]]:
    """(label, count) in the order of the choices, leaving out the ones never counted."""
    return [(label, counts[value]) for value, label in choices.choices if counts[value]]


def incident_figures(
    *, tenant: Organisation, period: Period, team_ids: list[int] | None = None
) -> IncidentFigures:
    """Count the reports of ``period`` for the figures page; ``team_ids`` limits them to these teams.

    A handful of aggregate queries, whatever the number of reports; categories are counted
    from one column (a report has a list of them).
    """
    incidents = incidents_in_period(tenant=tenant, period=period, team_ids=team_ids).order_by()
    total = incidents.count()
    by_month = {
        _month_of(row["month"]): row["n"]
        for row in incidents.annotate(month=TruncMonth("occurred_at")).values("month").annotate(n=Count("pk"))
    }
    categories: Counter = Counter()
    for chosen in incidents.values_list("categories", flat=True):
        categories.update(set(chosen or []))
    channels = Counter(dict(incidents.values_list("channel").annotate(n=Count("pk"))))
    teams = [
        (name or _("Geen team"), n)
        for name, n in incidents.values_list("team__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "team__name")
    ]
    locations: list[tuple[str, int]] = []
    if team_ids is None:
        rows = list(incidents.values_list("location").annotate(n=Count("pk")).order_by("-n", "location"))
        locations = [(location, n) for location, n in rows[:TOP_LOCATIONS]]
        rest = sum(n for _location, n in rows[TOP_LOCATIONS:])
        if rest:
            locations.append((_("Overige locaties"), rest))
    now = clock.now()
    reported = incidents.annotate(reported=_task_done_within(TaskKind.REPORT_TO_POLICE, None)).aggregate(
        n=Count("pk", filter=Q(reported=True))
    )
    return IncidentFigures(
        period=period,
        total=total,
        per_month=[(month, by_month.get(month, 0)) for month in period.months()],
        per_category=_labelled(categories, Category),
        per_channel=_labelled(channels, Channel),
        per_team=teams,
        per_location=locations,
        with_police_report=Share(reported["n"], total),
        aftercare_in_time=_in_time_share(incidents, TaskKind.AFTERCARE, AFTERCARE_HOURS, now),
        reaction_in_time=_in_time_share(incidents, TaskKind.REACTION, REACTION_HOURS, now),
    )
