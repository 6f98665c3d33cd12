"""Assessments: the employee rates themself, their leidinggevende rates too; role profiles per employee.

Each rating must be one of the competence's own levels (3 or 4 of them) and the competence must
be in use in the gemeente; anything else is refused with the competence named, and nothing is
stored. Only a leidinggevende of the employee (a lead role in one of their teams) rates as
leidinggevende; HR does not rate.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from plus1.audit.models import ProcessingAction
from plus1.tenants.models import Organisation

from .. import log, policies
from ..constants import AssessmentKind
from ..exceptions import DevelopmentError, DevelopmentNotAllowed, InvalidRating
from ..models import Assessment, AssessmentRating, EmployeeProfile, RoleProfile
from ..selectors import competences_for
from .common import audit, clean_text, level_numbers, whole_number


def clean_ratings(tenant: Organisation, ratings: Mapping) -> dict[int, int]:
    """Competence id -> level, each checked against the competence's levels; InvalidRating otherwise."""
    by_id = {c.pk: c for c in competences_for(tenant)}
    cleaned: dict[int, int] = {}
    for key, value in ratings.items():
        competence_id = whole_number(key, field="ratings", message=_("Deze competentie bestaat niet."))
        competence = by_id.get(competence_id)
        if competence is None:
            raise InvalidRating(_("Deze competentie hoort niet bij uw gemeente."), field="ratings")
        if value in (None, ""):
            continue  # not rated
        allowed = sorted(level_numbers(competence))
        message = _("Kies bij %(name)s een niveau van %(low)s tot en met %(high)s.") % {
            "name": competence.name,
            "low": allowed[0],
            "high": allowed[-1],
        }
        level = whole_number(value, field=f"competence_{competence_id}", message=message, error=InvalidRating)
        if level not in allowed:
            raise InvalidRating(message, field=f"competence_{competence_id}")
        cleaned[competence_id] = level
    if not cleaned:
        raise InvalidRating(_("Kies bij minstens één competentie een niveau."), field="ratings")
    return cleaned


@transaction.atomic
def submit_assessment(
    *,
    tenant: Organisation,
    employee: AbstractBaseUser,
    assessor: AbstractBaseUser,
    ratings: Mapping[int, int],
    note: str = "",
) -> Assessment:
    """Self (assessor is the employee) or leidinggevende; ratings: competence id -> level.

    Raises InvalidRating (level not one of the competence's levels, competence not in use) and
    DevelopmentNotAllowed (assessor does not lead the employee).
    """
    if not policies.is_employee_of(employee, tenant):
        raise DevelopmentNotAllowed(_("Deze medewerker werkt niet bij uw gemeente."))
    if assessor.pk == employee.pk:
        kind = AssessmentKind.SELF
    elif policies.may_assess_as_manager(assessor, employee, tenant):
        kind = AssessmentKind.MANAGER
    else:
        raise DevelopmentNotAllowed(_("U kunt alleen medewerkers van uw eigen team beoordelen."))
    cleaned = clean_ratings(tenant, ratings)
    note = clean_text(note, field="note", max_length=4000, required=False)
    assessment = Assessment.objects.create(
        tenant=tenant, employee=employee, assessor=assessor, kind=kind, note=note
    )
    AssessmentRating.objects.bulk_create(
        AssessmentRating(assessment=assessment, competence_id=cid, level=level)
        for cid, level in cleaned.items()
    )
    audit(
        tenant=tenant,
        user=assessor,
        action=f"assessment_{kind}",
        obj=assessment,
        after={"ratings": len(cleaned)},
    )
    log.log_change(
        obj=assessment,
        actor_user=assessor,
        employee=employee,
        tenant=tenant,
        operation="submit_assessment",
        action=ProcessingAction.CREATE,
    )
    return assessment


@transaction.atomic
def assign_role_profile(
    *,
    tenant: Organisation,
    user: AbstractBaseUser,
    employee: AbstractBaseUser,
    role_profile: RoleProfile | None,
) -> EmployeeProfile:
    """HR or the employee's leidinggevende links the employee to a role profile."""
    if not policies.is_employee_of(employee, tenant):
        raise DevelopmentNotAllowed(_("Deze medewerker werkt niet bij uw gemeente."))
    if not (policies.is_hr(user, tenant) or policies.leads(user, employee, tenant)):
        raise DevelopmentNotAllowed(_("Alleen HR of de leidinggevende kan het rolprofiel kiezen."))
    if role_profile is not None and role_profile.tenant_id != tenant.pk:
        raise DevelopmentError(_("Kies een rolprofiel van uw eigen gemeente."), field="role_profile")
    profile, _created = EmployeeProfile.objects.select_for_update().get_or_create(
        tenant=tenant, user=employee
    )
    before = {"role_profile": profile.role_profile.name if profile.role_profile else None}
    profile.role_profile = role_profile
    profile.save(update_fields=["role_profile"])
    audit(
        tenant=tenant,
        user=user,
        action="assign_role_profile",
        obj=profile,
        before=before,
        after={"role_profile": role_profile.name if role_profile else None},
    )
    return profile
