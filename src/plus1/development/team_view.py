"""The team view for leidinggevenden and HR, and the HR overview of a gemeente.

Competence coverage against the role profiles (heatmap rows with a text per cell, so colour
is never the only signal), plans in progress, trainings done, the engagement trend, and the
team's service results from plus1.cases (lead time against the norm, overdue zaken). The
klantwaardering scores are added by the back-office view (plus1.feedback is a sibling app).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser

from plus1.accounts.models import Team
from plus1.tenants.models import Organisation

from .models import Competence, DevelopmentPlan
from .services.pulse import TrendPoint

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
        raise NotImplementedError


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
    """Pure: the competence most often below the role, when at least a third of the assessed are below."""
    raise NotImplementedError


def team_view(
    *, tenant: Organisation, team: Team, viewer: AbstractBaseUser, today: datetime.date | None = None
) -> TeamView:
    """Everything the team page shows. The caller checks ``policies.may_see_team`` first."""
    raise NotImplementedError


def hr_overview(*, tenant: Organisation, today: datetime.date | None = None) -> HrOverview:
    """The gemeente in one page for HR: counts and one summary row per team."""
    raise NotImplementedError
