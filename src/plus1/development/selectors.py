"""Reads of plus1.development for the pages; each one scoped to the gemeente.

Reads of someone else's assessment or plan go through ``log.log_reads`` here, so a page
cannot forget it.
"""

from __future__ import annotations

import datetime
import uuid as uuidlib
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Q, QuerySet

from plus1.accounts.constants import BACK_OFFICE_ROLES
from plus1.tenants.models import Organisation

from . import log, policies
from .constants import AssessmentKind, ClarificationStatus, EnrolmentStatus, FrameworkStatus, PlanStatus
from .models import (
    Assessment,
    Competence,
    CompetenceFramework,
    DevelopmentPlan,
    EmployeeProfile,
    Enrolment,
    FrameworkAdoption,
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
        actual = self.manager_level if self.manager_level is not None else self.self_level
        if self.required_level is None or actual is None:
            return None
        return self.required_level - actual


@dataclass(frozen=True)
class Comparison:
    employee: AbstractBaseUser
    role_profile: RoleProfile | None
    self_assessment: Assessment | None
    manager_assessment: Assessment | None
    rows: list[ComparisonRow]


# --- framework and role profiles ------------------------------------------------------------


def published_frameworks() -> QuerySet[CompetenceFramework]:
    return CompetenceFramework.objects.filter(status=FrameworkStatus.PUBLISHED).order_by("-version")


def adopted_framework(tenant: Organisation) -> CompetenceFramework | None:
    adoption = FrameworkAdoption.objects.for_tenant(tenant).select_related("framework").first()
    return adoption.framework if adoption else None


def competences_qs(tenant: Organisation) -> QuerySet[Competence]:
    """The adopted framework's competences and the gemeente's own (unevaluated)."""
    adoption = FrameworkAdoption.objects.for_tenant(tenant).values("framework_id")
    return Competence.objects.filter(Q(framework_id__in=adoption) | Q(tenant=tenant)).order_by(
        "order", "name", "pk"
    )


def competences_for(tenant: Organisation) -> list[Competence]:
    """The adopted framework's competences and the gemeente's own, with their levels prefetched."""
    return list(competences_qs(tenant).prefetch_related("levels"))


def competence_for(tenant: Organisation, competence_id: int) -> Competence | None:
    try:
        return competences_qs(tenant).prefetch_related("levels").get(pk=int(competence_id))
    except (Competence.DoesNotExist, TypeError, ValueError):
        return None


def role_profiles(tenant: Organisation) -> QuerySet[RoleProfile]:
    return RoleProfile.objects.for_tenant(tenant).prefetch_related("items__competence")


def employee_profile(tenant: Organisation, user: AbstractBaseUser) -> EmployeeProfile | None:
    return EmployeeProfile.objects.for_tenant(tenant).filter(user=user).select_related("role_profile").first()


def employees(tenant: Organisation) -> QuerySet:
    """Every back-office employee of the gemeente (users), by name."""
    return (
        get_user_model()
        .objects.filter(memberships__tenant=tenant, memberships__role__in=BACK_OFFICE_ROLES)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def employee_for(tenant: Organisation, user_id: int) -> AbstractBaseUser | None:
    try:
        return employees(tenant).filter(pk=int(user_id)).first()
    except (TypeError, ValueError):
        return None


# --- assessments and plans (logged reads) ----------------------------------------------------


def latest_assessment(tenant: Organisation, employee: AbstractBaseUser, kind: str) -> Assessment | None:
    return (
        Assessment.objects.for_tenant(tenant)
        .filter(employee=employee, kind=kind)
        .prefetch_related("ratings")
        .order_by("-submitted_at", "-id")
        .first()
    )


def assessment_comparison(
    *, tenant: Organisation, employee: AbstractBaseUser, viewer: AbstractBaseUser
) -> Comparison:
    """The latest self and leidinggevende assessment against the role profile (logs the read).

    The caller checks ``policies.may_see_development_of`` first (the page answers 404 otherwise).
    """
    profile = employee_profile(tenant, employee)
    role_profile = profile.role_profile if profile else None
    required: dict[int, int] = {}
    if role_profile is not None:
        required = dict(role_profile.items.values_list("competence_id", "level"))
    own = latest_assessment(tenant, employee, AssessmentKind.SELF)
    manager = latest_assessment(tenant, employee, AssessmentKind.MANAGER)
    self_levels = {r.competence_id: r.level for r in own.ratings.all()} if own else {}
    manager_levels = {r.competence_id: r.level for r in manager.ratings.all()} if manager else {}
    competences = competences_for(tenant)
    if required:
        competences = [c for c in competences if c.pk in required]
    rows = [
        ComparisonRow(
            competence=competence,
            required_level=required.get(competence.pk),
            self_level=self_levels.get(competence.pk),
            manager_level=manager_levels.get(competence.pk),
        )
        for competence in competences
    ]
    shown = [a for a in (own, manager) if a is not None]
    log.log_reads(shown, viewer=viewer, employee=employee, tenant=tenant, operation="assessment_comparison")
    return Comparison(employee, role_profile, own, manager, rows)


def as_uuid(value: object) -> uuidlib.UUID | None:
    """``value`` as a UUID, None when it is not one (a page answers 404)."""
    try:
        return uuidlib.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        return None


def _plans(tenant: Organisation) -> QuerySet[DevelopmentPlan]:
    return (
        DevelopmentPlan.objects.for_tenant(tenant)
        .select_related("employee", "leidinggevende")
        .prefetch_related("goals__competence", "actions__training", "actions__goal")
    )


def active_plan(
    *, tenant: Organisation, employee: AbstractBaseUser, viewer: AbstractBaseUser
) -> DevelopmentPlan | None:
    """The employee's plan in progress with goals and actions (logs the read); the caller checks
    ``policies.may_see_development_of`` first."""
    plan = _plans(tenant).filter(employee=employee, status=PlanStatus.ACTIVE).first()
    if plan is not None:
        log.log_reads([plan], viewer=viewer, employee=employee, tenant=tenant, operation="plan")
    return plan


def plan_by_uuid(*, tenant: Organisation, uuid: str, viewer: AbstractBaseUser) -> DevelopmentPlan | None:
    """A plan the viewer may see (else None: the page answers 404); logs the read."""
    key = as_uuid(uuid)
    plan = _plans(tenant).filter(uuid=key).first() if key else None
    if plan is None or not policies.may_see_development_of(viewer, plan.employee, tenant):
        return None
    log.log_reads([plan], viewer=viewer, employee=plan.employee, tenant=tenant, operation="plan")
    return plan


# --- the learning offer ----------------------------------------------------------------------

TAKEN = ~Q(enrolments__status=EnrolmentStatus.CANCELLED)


def trainings_for(
    tenant: Organisation, *, competence: Competence | None = None, level: int | None = None
) -> QuerySet[Training]:
    """The offer for an employee of ``tenant``: collective and own, annotated ``taken`` (places in use)."""
    trainings = (
        Training.objects.for_tenant(tenant)
        .filter(is_published=True)
        .select_related("competence")
        .annotate(taken=Count("enrolments", filter=TAKEN))
        .order_by("starts_on", "title", "pk")
    )
    if competence is not None:
        trainings = trainings.filter(competence=competence)
    if level is not None:
        trainings = trainings.filter(level=level)
    return trainings


def training_for(tenant: Organisation, uuid: str) -> Training | None:
    key = as_uuid(uuid)
    return trainings_for(tenant).filter(uuid=key).first() if key else None


def places_left(training: Training) -> int:
    taken = getattr(training, "taken", None)
    if taken is None:
        taken = training.enrolments.exclude(status=EnrolmentStatus.CANCELLED).count()
    return max(0, training.places - taken)


def enrolments_of(*, tenant: Organisation, user: AbstractBaseUser) -> QuerySet[Enrolment]:
    return (
        Enrolment.objects.for_tenant(tenant)
        .filter(user=user)
        .select_related("training", "training__competence")
        .order_by("-enrolled_at")
    )


def training_enrolments(*, tenant: Organisation, training: Training) -> QuerySet[Enrolment]:
    """The gemeente's own employees enrolled in ``training`` (HR: attendance)."""
    return (
        Enrolment.objects.for_tenant(tenant)
        .filter(training=training)
        .exclude(status=EnrolmentStatus.CANCELLED)
        .select_related("user")
        .order_by("user__last_name", "user__username")
    )


# --- pulses and rolduiding ---------------------------------------------------------------------


def open_pulses_for(*, tenant: Organisation, user: AbstractBaseUser, today: datetime.date) -> list[Pulse]:
    """Pulses open today that ``user`` has not answered yet."""
    return list(
        Pulse.objects.for_tenant(tenant)
        .filter(opens_on__lte=today, closes_on__gte=today)
        .exclude(receipts__user=user)
        .order_by("closes_on")
    )


def pulses(tenant: Organisation) -> QuerySet[Pulse]:
    return Pulse.objects.for_tenant(tenant).annotate(answered=Count("receipts")).order_by("-opens_on")


def clarifications(tenant: Organisation) -> QuerySet[RoleClarification]:
    return (
        RoleClarification.objects.for_tenant(tenant)
        .select_related("role_profile")
        .annotate(answered=Count("responses", distinct=True), invited=Count("participants", distinct=True))
        .order_by("-created_at")
    )


def clarifications_to_answer(*, tenant: Organisation, user: AbstractBaseUser) -> list[RoleClarification]:
    """Open rolduidingen where ``user`` is a participant and has not answered yet."""
    return list(
        RoleClarification.objects.for_tenant(tenant)
        .filter(status=ClarificationStatus.OPEN, participants=user)
        .exclude(responses__participant=user)
        .order_by("closes_on")
    )
