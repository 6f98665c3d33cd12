"""Reads of plus1.development for the pages; each one scoped to the gemeente.

Reads of someone else's assessment or plan go through ``log.log_reads`` here, so a page
cannot forget it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from plus1.tenants.models import Organisation

from .models import (
    Assessment,
    Competence,
    CompetenceFramework,
    DevelopmentPlan,
    EmployeeProfile,
    Enrolment,
    Pulse,
    RoleClarification,
    RoleProfile,
    Training,
)


@dataclass(frozen=True)
class ComparisonRow:
    """One competence side by side: what the role asks, the self rating, the leidinggevende's rating."""

    competence: Competence
    required_level: int | None
    self_level: int | None
    manager_level: int | None

    @property
    def gap(self) -> int | None:
        """Required minus the leidinggevende's (else the self) rating; positive: below the role."""
        raise NotImplementedError


@dataclass(frozen=True)
class Comparison:
    employee: AbstractBaseUser
    role_profile: RoleProfile | None
    self_assessment: Assessment | None
    manager_assessment: Assessment | None
    rows: list[ComparisonRow]


def published_frameworks() -> QuerySet[CompetenceFramework]:
    raise NotImplementedError


def adopted_framework(tenant: Organisation) -> CompetenceFramework | None:
    raise NotImplementedError


def competences_for(tenant: Organisation) -> list[Competence]:
    """The adopted framework's competences and the gemeente's own, with their levels prefetched."""
    raise NotImplementedError


def competence_for(tenant: Organisation, competence_id: int) -> Competence | None:
    raise NotImplementedError


def role_profiles(tenant: Organisation) -> QuerySet[RoleProfile]:
    raise NotImplementedError


def employee_profile(tenant: Organisation, user: AbstractBaseUser) -> EmployeeProfile | None:
    raise NotImplementedError


def employees(tenant: Organisation) -> QuerySet:
    """Every back-office employee of the gemeente (users), by name."""
    raise NotImplementedError


def employee_for(tenant: Organisation, user_id: int) -> AbstractBaseUser | None:
    raise NotImplementedError


def assessment_comparison(
    *, tenant: Organisation, employee: AbstractBaseUser, viewer: AbstractBaseUser
) -> Comparison:
    """The latest self and leidinggevende assessment against the role profile (logs the read)."""
    raise NotImplementedError


def active_plan(
    *, tenant: Organisation, employee: AbstractBaseUser, viewer: AbstractBaseUser
) -> DevelopmentPlan | None:
    """The employee's plan in progress with goals and actions (logs the read)."""
    raise NotImplementedError


def plan_by_uuid(*, tenant: Organisation, uuid: str, viewer: AbstractBaseUser) -> DevelopmentPlan | None:
    """A plan the viewer may see (else None: the page answers 404); logs the read."""
    raise NotImplementedError


def trainings_for(
    tenant: Organisation, *, competence: Competence | None = None, level: int | None = None
) -> QuerySet[Training]:
    """The offer for an employee of ``tenant``: collective and own, annotated ``taken`` (places in use)."""
    raise NotImplementedError


def training_for(tenant: Organisation, uuid: str) -> Training | None:
    raise NotImplementedError


def places_left(training: Training) -> int:
    raise NotImplementedError


def enrolments_of(*, tenant: Organisation, user: AbstractBaseUser) -> QuerySet[Enrolment]:
    raise NotImplementedError


def training_enrolments(*, tenant: Organisation, training: Training) -> QuerySet[Enrolment]:
    """The gemeente's own employees enrolled in ``training`` (HR: attendance)."""
    raise NotImplementedError


def open_pulses_for(*, tenant: Organisation, user: AbstractBaseUser, today: datetime.date) -> list[Pulse]:
    """Pulses open today that ``user`` has not answered yet."""
    raise NotImplementedError


def pulses(tenant: Organisation) -> QuerySet[Pulse]:
    raise NotImplementedError


def clarifications(tenant: Organisation) -> QuerySet[RoleClarification]:
    raise NotImplementedError


def clarifications_to_answer(*, tenant: Organisation, user: AbstractBaseUser) -> list[RoleClarification]:
    """Open rolduidingen where ``user`` is a participant and has not answered yet."""
    raise NotImplementedError
