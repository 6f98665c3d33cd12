"""Unusual access to personal data, for the privacy officer (issue #6).

Three kinds of finding in the processing log of one gemeente, for a bounded period:

- an employee who read the data of more distinct persons in one day than the threshold;
- reads by employees outside office hours (Dutch time; weekends count as outside unless the
  gemeente says otherwise);
- reads by an employee of zaken of a team they are not a member of (a teamleider is a member
  of the teams they lead, so those count as their own).

A finding is a signal to look into, not a verdict: a behandelaar on late duty or a colleague
helping another team shows up too. The thresholds are the gemeente's
(``audit.AccessReviewSettings``). This lives in ``cases`` because the third kind needs zaken
and teams, which ``audit`` may not import. The counting happens in SQL; only the third kind
maps (employee, zaak) pairs to teams in Python, one query per 500 zaken.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import TruncDate

from plus1.accounts.models import Team
from plus1.audit.models import AccessReviewSettings, ActorType, ProcessingRecord
from plus1.audit.selectors import access_review_settings, local_day_bounds
from plus1.tenants.models import Organisation

from .models import Zaak

# A report covers at most this many days: it scans every employee record of the period.
MAX_REPORT_DAYS = 31
MAX_FINDINGS = 50  # per kind, the largest counts first
MAX_EXAMPLES = 5
ZAAK_OBJECT_TYPE = "cases.zaak"
_CHUNK = 500


class FindingKind:
    MANY_SUBJECTS = "many_subjects"
    OUTSIDE_OFFICE_HOURS = "outside_office_hours"
    OTHER_TEAM = "other_team"


@dataclass(frozen=True)
class Finding:
    """One employee who stands out: how often, on which day (many persons) and a few examples."""

    kind: str
    actor_id: str
    actor_label: str
    actor_unit: str
    count: int
    examples: list[ProcessingRecord]
    day: datetime.date | None = None
    teams: tuple[str, ...] = ()  # other team: the teams whose zaken were read


@dataclass(frozen=True)
class AccessReport:
    since: datetime.date
    until: datetime.date
    settings: AccessReviewSettings
    many_subjects: list[Finding] = field(default_factory=list)
    outside_office_hours: list[Finding] = field(default_factory=list)
    other_team: list[Finding] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.many_subjects) + len(self.outside_office_hours) + len(self.other_team)


def _employee_records(tenant: Organisation, since: datetime.date, until: datetime.date) -> QuerySet:
    if until < since or (until - since).days >= MAX_REPORT_DAYS:
        raise ValueError(f"A report covers 1 to {MAX_REPORT_DAYS} days.")
    start, end = local_day_bounds(since, until)
    return ProcessingRecord.objects.for_tenant(tenant).filter(
        started_at__gte=start, started_at__lt=end, actor_type=ActorType.EMPLOYEE
    )


def many_subjects(
    *, tenant: Organisation, since: datetime.date, until: datetime.date, threshold: int
) -> list[Finding]:
    """Employees who read the data of more than ``threshold`` distinct persons on one (Dutch) day."""
    records = _employee_records(tenant, since, until).exclude(subject_hash="")
    rows = (
        records.annotate(day=TruncDate("started_at"))
        .values("actor_id", "day")
        .annotate(
            persons=Count("subject_hash", distinct=True), label=Max("actor_label"), unit=Max("actor_unit")
        )
        .filter(persons__gt=threshold)
        .order_by("-persons", "day", "actor_id")[:MAX_FINDINGS]
    )
    findings = []
    for row in rows:
        start, end = local_day_bounds(row["day"], row["day"])
        examples = records.filter(actor_id=row["actor_id"], started_at__gte=start, started_at__lt=end)
        findings.append(
            Finding(
                kind=FindingKind.MANY_SUBJECTS,
                actor_id=row["actor_id"],
                actor_label=row["label"],
                actor_unit=row["unit"],
                count=row["persons"],
                day=row["day"],
                examples=list(examples.order_by("-started_at", "-id")[:MAX_EXAMPLES]),
            )
        )
    return findings


def outside_office_hours_q(settings: AccessReviewSettings) -> Q:
    """Records started before ``office_start`` or from ``office_end`` on, Dutch time; weekends too."""
    outside = Q(started_at__time__lt=settings.office_start) | Q(started_at__time__gte=settings.office_end)
    if settings.weekends_are_outside:
        outside |= Q(started_at__week_day__in=[1, 7])  # Sunday, Saturday
    return outside


def outside_office_hours(
    *, tenant: Organisation, since: datetime.date, until: datetime.date, settings: AccessReviewSettings
) -> list[Finding]:
    """Employees who processed personal data outside office hours, with how many records."""
    records = _employee_records(tenant, since, until).filter(outside_office_hours_q(settings))
    rows = (
        records.values("actor_id")
        .annotate(count=Count("id"), label=Max("actor_label"), unit=Max("actor_unit"))
        .order_by("-count", "actor_id")[:MAX_FINDINGS]
    )
    return [
        Finding(
            kind=FindingKind.OUTSIDE_OFFICE_HOURS,
            actor_id=row["actor_id"],
            actor_label=row["label"],
            actor_unit=row["unit"],
            count=row["count"],
            examples=list(
                records.filter(actor_id=row["actor_id"]).order_by("-started_at", "-id")[:MAX_EXAMPLES]
            ),
        )
        for row in rows
    ]


def _chunks(values: list, size: int = _CHUNK):
    for start in range(0, len(values), size):
        yield values[start : start + size]


def other_team(*, tenant: Organisation, since: datetime.date, until: datetime.date) -> list[Finding]:
    """Employees who opened zaken of a team they are not in, with how many records.

    A zaak without a team belongs to no one's team and is not counted.
    """
    records = _employee_records(tenant, since, until).filter(object_type=ZAAK_OBJECT_TYPE)
    pairs = list(
        records.values("actor_id", "object_id")
        .annotate(count=Count("id"), label=Max("actor_label"), unit=Max("actor_unit"))
        .order_by()
    )
    zaak_ids = sorted({int(p["object_id"]) for p in pairs if p["object_id"].isdigit()})
    actor_ids = sorted({int(p["actor_id"]) for p in pairs if p["actor_id"].isdigit()})
    team_of_zaak: dict[str, int] = {}
    for chunk in _chunks(zaak_ids):
        for pk, team_id in (
            Zaak.objects.for_tenant(tenant)
            .filter(pk__in=chunk, team__isnull=False)
            .values_list("pk", "team_id")
        ):
            team_of_zaak[str(pk)] = team_id
    own_teams: dict[str, set[int]] = defaultdict(set)
    for chunk in _chunks(actor_ids):
        memberships = Team.members.through.objects.filter(team__tenant=tenant, user_id__in=chunk)
        for user_id, team_id in memberships.values_list("user_id", "team_id"):
            own_teams[str(user_id)].add(team_id)

    per_actor: dict[str, dict] = {}
    for pair in pairs:
        team_id = team_of_zaak.get(pair["object_id"])
        if team_id is None or team_id in own_teams[pair["actor_id"]]:
            continue
        entry = per_actor.setdefault(
            pair["actor_id"],
            {"count": 0, "label": pair["label"], "unit": pair["unit"], "zaken": [], "teams": set()},
        )
        entry["count"] += pair["count"]
        entry["zaken"].append(pair["object_id"])
        entry["teams"].add(team_id)
    if not per_actor:
        return []
    team_names = dict(Team.objects.for_tenant(tenant).values_list("pk", "name"))
    ranked = sorted(per_actor.items(), key=lambda item: (-item[1]["count"], item[0]))[:MAX_FINDINGS]
    return [
        Finding(
            kind=FindingKind.OTHER_TEAM,
            actor_id=actor_id,
            actor_label=entry["label"],
            actor_unit=entry["unit"],
            count=entry["count"],
            teams=tuple(sorted(team_names.get(team_id, "?") for team_id in entry["teams"])),
            examples=list(
                records.filter(actor_id=actor_id, object_id__in=entry["zaken"][:_CHUNK]).order_by(
                    "-started_at", "-id"
                )[:MAX_EXAMPLES]
            ),
        )
        for actor_id, entry in ranked
    ]


def unusual_access(*, tenant: Organisation, since: datetime.date, until: datetime.date) -> AccessReport:
    """Report unusual access in a period of at most ``MAX_REPORT_DAYS``, with the gemeente's thresholds.

    The caller logs its own read (activity ``inzage-verwerkingslog``).
    """
    settings = access_review_settings(tenant=tenant)
    return AccessReport(
        since=since,
        until=until,
        settings=settings,
        many_subjects=many_subjects(
            tenant=tenant, since=since, until=until, threshold=settings.distinct_subjects_per_day
        ),
        outside_office_hours=outside_office_hours(tenant=tenant, since=since, until=until, settings=settings),
        other_team=other_team(tenant=tenant, since=since, until=until),
    )
