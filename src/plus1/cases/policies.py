"""Who may see and change which zaak. Views and the API ask here only.

- Employees (behandelaar, teamleider, beheerder) see the zaken of their own gemeente.
- Changing a zaak is for behandelaars and teamleiders in the zaak's team.
- Assigning a zaak to someone else is for the teamleider of its team; a behandelaar
  can only take (claim) a zaak for themselves.
- Sharing a zaak with a chain partner is for those who may change it. Partner employees
  hold no gemeente role: they reach a zaak only through a share in force.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from plus1.accounts.constants import BACK_OFFICE_ROLES, EMPLOYEE_ROLES, Role
from plus1.accounts.models import Membership
from plus1.tenants.models import Organisation

from .models import Zaak

HANDLING_ROLES = (Role.BEHANDELAAR, Role.TEAMLEIDER)

User = AbstractBaseUser | AnonymousUser


def _roles(user: User, tenant_id: int) -> set[str]:
    if not user.is_authenticated:
        return set()
    cache: dict = user.__dict__.setdefault("_plus1_case_roles", {})
    if tenant_id not in cache:
        cache[tenant_id] = set(
            Membership.objects.filter(user=user, tenant_id=tenant_id).values_list("role", flat=True)
        )
    return cache[tenant_id]


def _team_ids(user: User) -> set[int]:
    cache = user.__dict__
    if "_plus1_team_ids" not in cache:
        cache["_plus1_team_ids"] = set(user.teams.values_list("pk", flat=True))
    return cache["_plus1_team_ids"]


def is_employee_of(user: User, tenant: Organisation) -> bool:
    return bool(_roles(user, tenant.pk) & set(EMPLOYEE_ROLES))


def is_privacy_officer_of(user: User, tenant: Organisation) -> bool:
    return Role.PRIVACY_OFFICER in _roles(user, tenant.pk)


def is_team_lead_of(user: User, tenant: Organisation) -> bool:
    return Role.TEAMLEIDER in _roles(user, tenant.pk)


def employee_gemeente(user: User) -> Organisation | None:
    """The gemeente this employee (or privacy officer) works for; None for anyone else."""
    if not user.is_authenticated:
        return None
    membership = (
        Membership.objects.filter(user=user, role__in=BACK_OFFICE_ROLES, tenant__kind="gemeente")
        .select_related("tenant")
        .order_by("tenant__name")
        .first()
    )
    return membership.tenant if membership else None


def partner_organisation(user: User) -> Organisation | None:
    """The chain partner this person works for; None for anyone who is not a partner employee."""
    if not user.is_authenticated:
        return None
    membership = (
        Membership.objects.filter(user=user, role=Role.PARTNER_MEDEWERKER, tenant__kind="partner")
        .select_related("tenant")
        .order_by("tenant__name")
        .first()
    )
    return membership.tenant if membership else None


def can_view_zaak(user: User, zaak: Zaak) -> bool:
    return is_employee_of(user, zaak.tenant)


def can_change_zaak(user: User, zaak: Zaak) -> bool:
    if not (_roles(user, zaak.tenant_id) & set(HANDLING_ROLES)):
        return False
    return zaak.team_id is not None and zaak.team_id in _team_ids(user)


def can_assign(user: User, zaak: Zaak) -> bool:
    """Assign to anyone in the team: the team's teamleider only."""
    return can_change_zaak(user, zaak) and Role.TEAMLEIDER in _roles(user, zaak.tenant_id)


def can_share(user: User, zaak: Zaak) -> bool:
    """Share a zaak with a chain partner: a behandelaar or teamleider in the zaak's team."""
    return can_change_zaak(user, zaak)
