"""The competence framework in a gemeente: adopting the collective's version, adding own competences."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.models import AbstractBaseUser

from plus1.tenants.models import Organisation

from ..models import Competence, CompetenceFramework, FrameworkAdoption


def adopt_framework(
    *, tenant: Organisation, framework: CompetenceFramework, user: AbstractBaseUser
) -> FrameworkAdoption:
    """HR adopts a published framework version for the gemeente (replaces an older one)."""
    raise NotImplementedError


def add_own_competence(
    *,
    tenant: Organisation,
    user: AbstractBaseUser,
    name: str,
    description: str,
    levels: Sequence[tuple[str, str]],
) -> Competence:
    """HR adds a competence of the gemeente's own; ``levels``: (name, behaviour) for level 1, 2, ..."""
    raise NotImplementedError
