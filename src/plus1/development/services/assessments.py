"""Assessments: the employee rates themself, their leidinggevende rates too; role profiles per employee."""

from __future__ import annotations

from collections.abc import Mapping

from django.contrib.auth.models import AbstractBaseUser

from plus1.tenants.models import Organisation

from ..models import Assessment, EmployeeProfile, RoleProfile


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
    raise NotImplementedError


def assign_role_profile(
    *,
    tenant: Organisation,
    user: AbstractBaseUser,
    employee: AbstractBaseUser,
    role_profile: RoleProfile | None,
) -> EmployeeProfile:
    """HR or the employee's leidinggevende links the employee to a role profile."""
    raise NotImplementedError
