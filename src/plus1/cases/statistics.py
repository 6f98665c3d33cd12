"""Figures for the team lead's dashboard: workload, lead times and overdue zaken of a gemeente.

Every function takes the gemeente and, optionally, the teams to look at, and runs one query;
percentiles are computed in Python from the values, so SQLite and PostgreSQL give the same
answer.
"""

from __future__ import annotations

import datetime
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from plus1.tenants.models import Organisation

from .models import Zaak


@dataclass(frozen=True)
class LeadTime:
    """How long closed zaken of one process took, in calendar days (registered to ended)."""

    zaaktype: str
    closed: int
    median_days: float
    p90_days: int


@dataclass(frozen=True)
class WeekPoint:
    """The number of open zaken past their legal end date at the end of one week."""

    week_end: datetime.date
    overdue: int

    @property
    def label(self) -> str:
        return _("week %(week)s") % {"week": self.week_end.isocalendar().week}


def _zaken(tenant: Organisation, team_ids: Iterable[int] | None) -> QuerySet[Zaak]:
    zaken = Zaak.objects.for_tenant(tenant)
    if team_ids is not None:
        zaken = zaken.filter(team_id__in=list(team_ids))
    return zaken


def open_per_assignee(
    *, tenant: Organisation, team_ids: Iterable[int] | None = None
) -> list[tuple[str, int]]:
    """Open zaken per employee, most first; zaken nobody picked up yet as "Niet toegewezen"."""
    rows = (
        _zaken(tenant, team_ids)
        .filter(ended_on__isnull=True)
        .values("assignee_id", "assignee__first_name", "assignee__last_name", "assignee__username")
        .annotate(count=Count("pk"))
    )
    result = []
    for row in rows:
        if row["assignee_id"] is None:
            label = _("Niet toegewezen")
        else:
            full_name = f"{row['assignee__first_name']} {row['assignee__last_name']}".strip()
            label = full_name or row["assignee__username"]
        result.append((label, row["count"]))
    return sorted(result, key=lambda item: (-item[1], item[0]))


def open_per_status(*, tenant: Organisation, team_ids: Iterable[int] | None = None) -> list[tuple[str, int]]:
    """Open zaken per current status (statustype description), most first."""
    rows = (
        _zaken(tenant, team_ids)
        .filter(ended_on__isnull=True)
        .values("current_status__statustype__omschrijving")
        .annotate(count=Count("pk"))
    )
    result = [
        (row["current_status__statustype__omschrijving"] or _("Zonder status"), row["count"]) for row in rows
    ]
    return sorted(result, key=lambda item: (-item[1], item[0]))


def percentile(values: list[int], fraction: float) -> int:
    """The nearest-rank percentile: the smallest value with at least ``fraction`` of values at or below it."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def lead_times(
    *,
    tenant: Organisation,
    team_ids: Iterable[int] | None = None,
    closed_since: datetime.date | None = None,
) -> list[LeadTime]:
    """Median and 90th percentile of ``ended_on - registered_on`` per process, for closed zaken.

    All versions of a zaaktype count together (they are one process for the gemeente); the
    newest description names it.
    """
    zaken = _zaken(tenant, team_ids).filter(ended_on__isnull=False)
    if closed_since is not None:
        zaken = zaken.filter(ended_on__gte=closed_since)
    days: dict[int, list[int]] = defaultdict(list)
    names: dict[int, tuple[int, str]] = {}
    for process_id, version, name, registered_on, ended_on in zaken.values_list(
        "zaaktype__process_id", "zaaktype__version", "zaaktype__omschrijving", "registered_on", "ended_on"
    ):
        days[process_id].append((ended_on - registered_on).days)
        if process_id not in names or version > names[process_id][0]:
            names[process_id] = (version, name)
    result = [
        LeadTime(
            zaaktype=names[process_id][1],
            closed=len(values),
            median_days=float(statistics.median(values)),
            p90_days=percentile(values, 0.9),
        )
        for process_id, values in days.items()
    ]
    return sorted(result, key=lambda lead: lead.zaaktype)


def overdue_now(*, tenant: Organisation, today: datetime.date, team_ids: Iterable[int] | None = None) -> int:
    """Open zaken past their legal end date today; a suspended zaak is waiting, not late."""
    return (
        _zaken(tenant, team_ids)
        .filter(ended_on__isnull=True, suspended_on__isnull=True, planned_end_on__lt=today)
        .count()
    )


def week_ends(*, today: datetime.date, weeks: int) -> list[datetime.date]:
    """The Sundays that close the last ``weeks`` weeks, oldest first; this week ends today."""
    this_sunday = today + datetime.timedelta(days=6 - today.weekday())
    ends = [this_sunday - datetime.timedelta(weeks=k) for k in range(weeks - 1, -1, -1)]
    return [min(end, today) for end in ends]


def overdue_trend(
    *, tenant: Organisation, today: datetime.date, weeks: int = 12, team_ids: Iterable[int] | None = None
) -> list[WeekPoint]:
    """For each of the last ``weeks`` weeks: zaken open at its end and past their legal end date.

    Derived from registered_on, ended_on and planned_end_on, in one query. A zaak counts at
    the end of day D when it was registered on or before D, not ended by D, and its legal end
    date lies before D. The legal end date is today's (after any extension or suspension), so
    the history shows today's knowledge of each zaak's deadline.
    """
    ends = week_ends(today=today, weeks=weeks)
    # Only a zaak still open at the first week's end can count in any week: the bound keeps the
    # query to recent work instead of the team's whole history (flat as the archive grows).
    recent = _zaken(tenant, team_ids).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=ends[0]))
    counts = recent.aggregate(
        **{
            f"w{index}": Count(
                "pk",
                filter=Q(registered_on__lte=end, planned_end_on__lt=end)
                & (Q(ended_on__isnull=True) | Q(ended_on__gt=end)),
            )
            for index, end in enumerate(ends)
        }
    )
    return [WeekPoint(week_end=end, overdue=counts[f"w{index}"]) for index, end in enumerate(ends)]
