"""The team view for leidinggevenden and HR, and the HR overview of a gemeente.

Competence coverage against the role profiles (heatmap rows with a text per cell, so colour
is never the only signal), plans in progress, trainings done, the engagement trend, and the
team's service results from plus1.cases (lead time against the norm, overdue zaken). The
klantwaardering scores are added by the back-office view (plus1.feedback is a sibling app).
"""

from __future__ import annotations

import datetime
import statistics as stats
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plus1.accounts.constants import BACK_OFFICE_ROLES
from plus1.accounts.models import Membership, Team
from plus1.cases import statistics
from plus1.cases.models import Zaak
from plus1.core import clock
from plus1.tenants.models import Organisation

from . import log, selectors
from .constants import PULSE_MIN_RESPONSES, AssessmentKind, EnrolmentStatus, PlanStatus
from .models import (
    Assessment,
    AssessmentRating,
    Competence,
    DevelopmentPlan,
    EmployeeProfile,
    Enrolment,
    Pulse,
    PulseResponse,
    RoleProfileItem,
    Training,
)
from .services.pulse import TrendPoint, engagement_trend

# Service results look back one year.
SERVICE_DAYS = 365
# Focus: suggest a competence when at least this share of the assessed is below the role.
FOCUS_MIN_SHARE = 1 / 3
FOCUS_MIN_ASSESSED = 2

# Heatmap cell states (the template maps each to a CSS class and shows the text too).
MET = "met"  # rating at or above the required level
BELOW = "below"  # one level below
FAR_BELOW = "far_below"  # two or more levels below
NOT_ASSESSED = "not_assessed"
NOT_REQUIRED = "not_required"


@dataclass(frozen=True)
class CoverageCell:
    competence: Competence
    required: int | None
    actual: int | None
    state: str
    text: str  # e.g. "2 van 3": what the colour means, in words


@dataclass(frozen=True)
class CoverageRow:
    employee: AbstractBaseUser
    role_profile: str
    cells: list[CoverageCell]


@dataclass(frozen=True)
class PlanSummary:
    plan: DevelopmentPlan
    employee: AbstractBaseUser
    goals: int
    actions_done: int
    actions_total: int
    check_in_on: datetime.date | None


@dataclass(frozen=True)
class LeadTimeVsNorm:
    """Closed zaken of one process in the last year against their legal term and service norm."""

    zaaktype: str
    closed: int
    median_days: float
    within_term: int  # ended on or before the legal end date
    within_norm: int | None  # ended on or before the service-norm date; None without a norm

    @property
    def within_term_pct(self) -> int:
        return round(100 * self.within_term / self.closed) if self.closed else 0

    @property
    def within_norm_pct(self) -> int | None:
        if self.within_norm is None or not self.closed:
            return None
        return round(100 * self.within_norm / self.closed)


@dataclass(frozen=True)
class ServiceResults:
    lead_times: list[LeadTimeVsNorm]
    overdue_now: int
    open_now: int


@dataclass(frozen=True)
class CompetenceGap:
    """Input of the focus suggestion: how one competence scores in the team."""

    competence_id: int
    name: str
    assessed: int  # team members with a rating and a required level
    below: int  # of whom below the required level
    trainings: int  # trainings available for it in the offer


@dataclass(frozen=True)
class Focus:
    competence_id: int
    message: str  # "Klantgerichtheid scoort laag; 3 trainingen beschikbaar"
    reasons: list[str] = field(default_factory=list)  # how the suggestion came about


@dataclass(frozen=True)
class TeamView:
    team: Team
    competences: list[Competence]
    coverage: list[CoverageRow]
    plans: list[PlanSummary]
    trainings_done: int
    trainings_done_hours: int
    engagement: list[TrendPoint]
    service: ServiceResults
    focus: Focus | None


@dataclass(frozen=True)
class TeamSummary:
    team: Team
    members: int
    plans_active: int
    coverage_pct: int | None  # share of rated required competences that are met
    trainings_done: int
    engagement: float | None  # latest pulse overall average, None when too few answers


@dataclass(frozen=True)
class HrOverview:
    employees: int
    with_role_profile: int
    self_assessed: int
    plans_active: int
    enrolments_open: int
    teams: list[TeamSummary]


def suggest_focus(gaps: Sequence[CompetenceGap]) -> Focus | None:
    """Pure: the competence most often below the role, when at least a third of the assessed are below.

    Ties go to the competence with more trainings available (something can be done about it),
    then by name. The reasons say which numbers led to the suggestion, so a leidinggevende can
    judge it; no suggestion when nothing stands out.
    """
    candidates = [
        gap
        for gap in gaps
        if gap.assessed >= FOCUS_MIN_ASSESSED
        and gap.below > 0
        and gap.below / gap.assessed >= FOCUS_MIN_SHARE
    ]
    if not candidates:
        return None
    best = min(candidates, key=lambda g: (-g.below / g.assessed, -g.trainings, g.name))
    trainings = ngettext(
        "%(count)s training beschikbaar", "%(count)s trainingen beschikbaar", best.trainings
    ) % {"count": best.trainings}
    if best.trainings == 0:
        trainings = _("nog geen training in het aanbod")
    message = _("%(name)s scoort laag; %(trainings)s") % {"name": best.name, "trainings": trainings}
    reasons = [
        _("%(below)s van de %(assessed)s beoordeelde medewerkers zitten onder het niveau van hun rolprofiel.")
        % {"below": best.below, "assessed": best.assessed},
        _("Dat is het grootste aandeel van alle competenties (grens: een derde van de beoordeelden)."),
    ]
    others = [g for g in candidates if g is not best]
    if others:
        reasons.append(
            _("Ook onder het gevraagde niveau: %(names)s.") % {"names": ", ".join(g.name for g in others)}
        )
    reasons.append(
        _("Gebaseerd op de laatste beoordeling door de leidinggevende, anders de zelfbeoordeling.")
    )
    return Focus(competence_id=best.competence_id, message=message, reasons=reasons)


def team_members(tenant: Organisation, team: Team) -> list:
    """The back-office employees in ``team``, by name."""
    working = Membership.objects.for_tenant(tenant).filter(role__in=BACK_OFFICE_ROLES).values("user_id")
    return list(
        team.members.filter(pk__in=working).order_by("last_name", "first_name", "username").distinct()
    )


def latest_ratings(tenant: Organisation, member_ids: Iterable[int]) -> tuple[dict[int, dict[int, int]], list]:
    """Per employee: competence id -> level from their latest leidinggevende assessment, else self.

    Returns the ratings and the assessments used (for the processing log).
    """
    latest: dict[tuple[int, str], Assessment] = {}
    for assessment in (
        Assessment.objects.for_tenant(tenant)
        .filter(employee_id__in=list(member_ids))
        .only("pk", "uuid", "employee_id", "kind", "submitted_at", "tenant_id")
        .order_by("employee_id", "kind", "-submitted_at", "-id")
    ):
        latest.setdefault((assessment.employee_id, assessment.kind), assessment)
    ratings: dict[int, dict[int, int]] = defaultdict(dict)
    by_id = {a.pk: a for a in latest.values()}
    rows = AssessmentRating.objects.filter(assessment_id__in=list(by_id)).values_list(
        "assessment_id", "competence_id", "level"
    )
    per_assessment: dict[int, dict[int, int]] = defaultdict(dict)
    for assessment_id, competence_id, level in rows:
        per_assessment[assessment_id][competence_id] = level
    for (employee_id, kind), assessment in latest.items():
        if kind == AssessmentKind.SELF:
            for competence_id, level in per_assessment[assessment.pk].items():
                ratings[employee_id].setdefault(competence_id, level)
    for (employee_id, kind), assessment in latest.items():
        if kind == AssessmentKind.MANAGER:
            ratings[employee_id].update(per_assessment[assessment.pk])
    return ratings, list(latest.values())


def required_levels(
    tenant: Organisation, member_ids: Iterable[int]
) -> tuple[dict[int, dict[int, int]], dict]:
    """Per employee: competence id -> level their role profile asks; and the profile names."""
    profiles = dict(
        EmployeeProfile.objects.for_tenant(tenant)
        .filter(user_id__in=list(member_ids), role_profile__isnull=False)
        .values_list("user_id", "role_profile_id")
    )
    items: dict[int, dict[int, int]] = defaultdict(dict)
    names: dict[int, str] = {}
    for profile_id, name, competence_id, level in RoleProfileItem.objects.filter(
        profile_id__in=set(profiles.values())
    ).values_list("profile_id", "profile__name", "competence_id", "level"):
        items[profile_id][competence_id] = level
        names[profile_id] = name
    required = {user_id: items[profile_id] for user_id, profile_id in profiles.items()}
    return required, {user_id: names.get(profile_id, "") for user_id, profile_id in profiles.items()}


def cell(competence: Competence, required: int | None, actual: int | None) -> CoverageCell:
    """One heatmap cell with its state and the words that say the same as the colour."""
    if required is None:
        state = NOT_REQUIRED
        text = _("niveau %(level)s, niet gevraagd") % {"level": actual} if actual else _("niet gevraagd")
    elif actual is None:
        state, text = NOT_ASSESSED, _("nog niet beoordeeld (gevraagd: %(required)s)") % {"required": required}
    else:
        state = MET if actual >= required else (BELOW if required - actual == 1 else FAR_BELOW)
        text = _("%(actual)s van %(required)s") % {"actual": actual, "required": required}
    return CoverageCell(competence=competence, required=required, actual=actual, state=state, text=text)


def service_results(*, tenant: Organisation, team_ids: list[int], today: datetime.date) -> ServiceResults:
    """The team's zaken: lead time against the legal term and the service norm, open and overdue now."""
    since = today - datetime.timedelta(days=SERVICE_DAYS)
    closed = Zaak.objects.for_tenant(tenant).filter(team_id__in=team_ids, ended_on__gte=since)
    per_process: dict[int, dict] = {}
    for process_id, version, name, registered, ended, planned, norm in closed.values_list(
        "zaaktype__process_id",
        "zaaktype__version",
        "zaaktype__omschrijving",
        "registered_on",
        "ended_on",
        "planned_end_on",
        "service_norm_on",
    ):
        row = per_process.setdefault(
            process_id, {"name": name, "version": version, "days": [], "term": 0, "norm": 0, "normed": 0}
        )
        if version > row["version"]:
            row["name"], row["version"] = name, version
        row["days"].append((ended - registered).days)
        row["term"] += ended <= planned
        if norm is not None:
            row["normed"] += 1
            row["norm"] += ended <= norm
    lead_times = sorted(
        (
            LeadTimeVsNorm(
                zaaktype=row["name"],
                closed=len(row["days"]),
                median_days=float(stats.median(row["days"])),
                within_term=row["term"],
                within_norm=row["norm"] if row["normed"] else None,
            )
            for row in per_process.values()
        ),
        key=lambda lead: lead.zaaktype,
    )
    open_now = Zaak.objects.for_tenant(tenant).filter(team_id__in=team_ids, ended_on__isnull=True).count()
    overdue = statistics.overdue_now(tenant=tenant, today=today, team_ids=team_ids)
    return ServiceResults(lead_times=lead_times, overdue_now=overdue, open_now=open_now)


def _trainings_per_competence(tenant: Organisation) -> dict[int, int]:
    today = clock.today()
    rows = (
        Training.objects.for_tenant(tenant)
        .filter(is_published=True, competence__isnull=False)
        .filter(Q(starts_on__isnull=True) | Q(starts_on__gte=today))
        .values("competence_id")
        .annotate(count=Count("pk"))
    )
    return {row["competence_id"]: row["count"] for row in rows}


def team_view(
    *, tenant: Organisation, team: Team, viewer: AbstractBaseUser, today: datetime.date | None = None
) -> TeamView:
    """Everything the team page shows. The caller checks ``policies.may_see_team`` first.

    The heatmap shows each member's ratings, and the plan list their plans: both are reads of
    someone else's assessment or plan, so each is written to the processing log.
    """
    today = today or clock.today()
    members = team_members(tenant, team)
    member_ids = [m.pk for m in members]
    competences = list(selectors.competences_qs(tenant))  # the levels are not shown here
    ratings, assessments = latest_ratings(tenant, member_ids)
    required, profile_names = required_levels(tenant, member_ids)
    asked = {cid for levels in required.values() for cid in levels}
    columns = [c for c in competences if c.pk in asked] or competences
    coverage = [
        CoverageRow(
            employee=member,
            role_profile=profile_names.get(member.pk, ""),
            cells=[
                cell(c, required.get(member.pk, {}).get(c.pk), ratings.get(member.pk, {}).get(c.pk))
                for c in columns
            ],
        )
        for member in members
    ]
    plans = list(
        DevelopmentPlan.objects.for_tenant(tenant)
        .filter(employee_id__in=member_ids, status=PlanStatus.ACTIVE)
        .select_related("employee")
        .annotate(
            goal_count=Count("goals", distinct=True),
            action_count=Count("actions", distinct=True),
            done_count=Count("actions", filter=Q(actions__done=True), distinct=True),
        )
        .order_by("check_in_on", "employee__last_name")
    )
    since = today - datetime.timedelta(days=SERVICE_DAYS)
    done = Enrolment.objects.for_tenant(tenant).filter(
        user_id__in=member_ids, status=EnrolmentStatus.ATTENDED, enrolled_at__date__gte=since
    )
    done_totals = done.aggregate(count=Count("pk"), hours=Sum("training__duration_hours"))
    per_competence = _trainings_per_competence(tenant)
    gaps = []
    for competence in columns:
        pairs = [
            (required[m][competence.pk], ratings.get(m, {}).get(competence.pk))
            for m in member_ids
            if competence.pk in required.get(m, {})
        ]
        assessed = [(r, a) for r, a in pairs if a is not None]
        gaps.append(
            CompetenceGap(
                competence_id=competence.pk,
                name=competence.name,
                assessed=len(assessed),
                below=sum(1 for r, a in assessed if a < r),
                trainings=per_competence.get(competence.pk, 0),
            )
        )
    by_id = {member.pk: member for member in members}
    shown = [(a, by_id[a.employee_id]) for a in assessments] + [(p, by_id[p.employee_id]) for p in plans]
    log.log_reads_of_many(shown, viewer=viewer, tenant=tenant, operation="team_view")
    return TeamView(
        team=team,
        competences=columns,
        coverage=coverage,
        plans=[
            PlanSummary(
                plan=plan,
                employee=plan.employee,
                goals=plan.goal_count,
                actions_done=plan.done_count,
                actions_total=plan.action_count,
                check_in_on=plan.check_in_on,
            )
            for plan in plans
        ],
        trainings_done=done_totals["count"] or 0,
        trainings_done_hours=done_totals["hours"] or 0,
        engagement=engagement_trend(tenant=tenant, team=team),
        service=service_results(tenant=tenant, team_ids=[team.pk], today=today),
        focus=suggest_focus(gaps),
    )


def hr_overview(*, tenant: Organisation, today: datetime.date | None = None) -> HrOverview:
    """The gemeente in one page for HR: counts and one summary row per team.

    Only figures per team (no person's rating is shown), so nothing here is a read of someone
    else's assessment in the sense of the processing log.
    """
    today = today or clock.today()
    employee_ids = set(
        Membership.objects.for_tenant(tenant)
        .filter(role__in=BACK_OFFICE_ROLES)
        .values_list("user_id", flat=True)
    )
    teams = list(Team.objects.for_tenant(tenant).order_by("name"))
    team_members_map: dict[int, set[int]] = defaultdict(set)
    for team_id, user_id in Team.members.through.objects.filter(team__tenant=tenant).values_list(
        "team_id", "user_id"
    ):
        if user_id in employee_ids:
            team_members_map[team_id].add(user_id)
    ratings, _assessments = latest_ratings(tenant, employee_ids)
    required, _names = required_levels(tenant, employee_ids)
    active_plans = set(
        DevelopmentPlan.objects.for_tenant(tenant)
        .filter(status=PlanStatus.ACTIVE)
        .values_list("employee_id", flat=True)
    )
    since = today - datetime.timedelta(days=SERVICE_DAYS)
    attended: dict[int, int] = defaultdict(int)
    for user_id, count in (
        Enrolment.objects.for_tenant(tenant)
        .filter(status=EnrolmentStatus.ATTENDED, enrolled_at__date__gte=since)
        .values("user_id")
        .annotate(count=Count("pk"))
        .values_list("user_id", "count")
    ):
        attended[user_id] = count
    engagement = _latest_engagement(tenant, today)
    summaries = []
    for team in teams:
        ids = team_members_map[team.pk]
        met = rated = 0
        for user_id in ids:
            for competence_id, level in required.get(user_id, {}).items():
                actual = ratings.get(user_id, {}).get(competence_id)
                if actual is not None:
                    rated += 1
                    met += actual >= level
        summaries.append(
            TeamSummary(
                team=team,
                members=len(ids),
                plans_active=len(ids & active_plans),
                coverage_pct=round(100 * met / rated) if rated else None,
                trainings_done=sum(attended[user_id] for user_id in ids),
                engagement=engagement.get(team.pk),
            )
        )
    self_assessed = (
        Assessment.objects.for_tenant(tenant)
        .filter(kind=AssessmentKind.SELF, employee_id__in=employee_ids)
        .values("employee_id")
        .distinct()
        .count()
    )
    return HrOverview(
        employees=len(employee_ids),
        with_role_profile=len(set(required) & employee_ids),
        self_assessed=self_assessed,
        plans_active=len(active_plans & employee_ids),
        enrolments_open=Enrolment.objects.for_tenant(tenant).filter(status=EnrolmentStatus.ENROLLED).count(),
        teams=summaries,
    )


def _latest_engagement(tenant: Organisation, today: datetime.date) -> dict[int, float]:
    """Per team: the overall average of the latest opened pulse, only with enough answers."""
    pulse = Pulse.objects.for_tenant(tenant).filter(opens_on__lte=today).order_by("-opens_on").first()
    if pulse is None:
        return {}
    per_team: dict[int, list[int]] = defaultdict(list)
    count: dict[int, int] = defaultdict(int)
    for team_id, answers in PulseResponse.objects.filter(tenant=tenant, pulse=pulse).values_list(
        "team_id", "answers"
    ):
        if team_id is not None:
            per_team[team_id].extend(answers)
            count[team_id] += 1
    return {
        team_id: round(stats.fmean(values), 1)
        for team_id, values in per_team.items()
        if count[team_id] >= PULSE_MIN_RESPONSES
    }
