"""People, teams and the adopted framework for the development tests (dev-pages may reuse them).

Gemeente A has two teams: "Team Wmo" (leidinggevende ``lead``, employees ``emma`` and ``bram``)
and "Team Burgerzaken" (teamleider ``tara``, employee ``otto``); HR ``hanna`` is in no team.
Gemeente B has ``bea`` (employee) and HR ``hugo``.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser

from plus1.accounts.constants import Role
from plus1.accounts.services import add_team_member, create_employee, create_team, grant_role
from plus1.audit.services import Actor
from plus1.tenants.models import Organisation

from ..models import (
    Competence,
    CompetenceFramework,
    FrameworkAdoption,
    RoleProfile,
    RoleProfileItem,
    Training,
)

ACTOR = Actor.system("test")


def person(
    username: str, *, gemeente: Organisation, roles=(Role.BEHANDELAAR,), team=None
) -> AbstractBaseUser:
    user = create_employee(
        username=username,
        password="een-lang-wachtwoord",
        email=f"{username}@example.org",
        first_name=username.capitalize(),
    )
    for role in roles:
        grant_role(tenant=gemeente, user=user, role=role, actor=ACTOR)
    if team is not None:
        add_team_member(team=team, user=user, actor=ACTOR)
    return user


def team(gemeente: Organisation, name: str):
    return create_team(tenant=gemeente, name=name, actor=ACTOR)


def adopt_v1(gemeente: Organisation) -> CompetenceFramework:
    framework = CompetenceFramework.objects.get(version=1)
    FrameworkAdoption.objects.get_or_create(tenant=gemeente, defaults={"framework": framework})
    return framework


def competence(code: str) -> Competence:
    return Competence.objects.get(framework__version=1, code=code)


def role_profile(gemeente: Organisation, name: str, levels: dict[str, int]) -> RoleProfile:
    profile = RoleProfile.objects.create(tenant=gemeente, name=name)
    for code, level in levels.items():
        RoleProfileItem.objects.create(profile=profile, competence=competence(code), level=level)
    return profile


def training(
    *, tenant: Organisation | None = None, places: int = 10, code: str = "klantgerichtheid", **extra
):
    values = {
        "title": f"Training {code}",
        "form": "classroom",
        "duration_hours": 8,
        "provider": "Academie",
        "places": places,
        "competence": competence(code),
        "level": 2,
    }
    values.update(extra)
    return Training.objects.create(tenant=tenant, **values)
