"""Rolduiding: HR asks a cross-section of staff which competences a role needs, and at which level."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser

from plus1.tenants.models import Organisation

from ..models import ClarificationResponse, Competence, RoleClarification, RoleProfile


@dataclass(frozen=True)
class CompetenceResult:
    """The answers about one competence, with their spread."""

    competence: Competence
    answered: int
    importance_counts: dict[int, int]  # Importance value -> how many chose it
    level_counts: dict[int, int]  # level -> how many chose it (only those who found it needed)
    median_importance: float | None
    suggested_level: int | None  # median of the chosen levels, rounded up; None when not needed
    in_profile: bool  # median importance at least PROFILE_MIN_IMPORTANCE


def start_clarification(
    *,
    tenant: Organisation,
    user: AbstractBaseUser,
    role_name: str,
    participants: Iterable[AbstractBaseUser],
    closes_on: datetime.date,
    description: str = "",
) -> RoleClarification:
    """HR starts a rolduiding for a role with employees of the gemeente across teams and roles."""
    raise NotImplementedError


def answer_clarification(
    *,
    clarification: RoleClarification,
    user: AbstractBaseUser,
    answers: Mapping[int, tuple[int, int | None]],
) -> ClarificationResponse:
    """A participant answers once: competence id -> (importance, level or None when not needed)."""
    raise NotImplementedError


def close_clarification(*, clarification: RoleClarification, user: AbstractBaseUser) -> RoleClarification:
    """HR closes the questionnaire (no more answers)."""
    raise NotImplementedError


def clarification_results(clarification: RoleClarification) -> list[CompetenceResult]:
    """Per competence of the gemeente: the spread of importance and level, and the suggestion."""
    raise NotImplementedError


def confirm_clarification(
    *,
    clarification: RoleClarification,
    user: AbstractBaseUser,
    levels: Mapping[int, int],
    profile_name: str = "",
) -> RoleProfile:
    """HR confirms: competence id -> level becomes the role profile's items (created or replaced)."""
    raise NotImplementedError
