"""Who leads whom, and who may see or change what in plus1.development. Views and services ask here only.

Issue 22:
- A leidinggevende of an employee is a user of the same gemeente with role LEIDINGGEVENDE or
  TEAMLEIDER who is a member of one of the employee's teams.
- An employee's assessments and plan are seen by themself, their leidinggevende and HR of the
  gemeente; nobody else. Every read by someone other than the employee is logged (``log.py``).
- HR runs the rolduiding, confirms role profiles, adds the gemeente's own competences and
  trainings, opens pulses and sees every team's view. A leidinggevende sees their own teams.
- Nobody sees an individual pulse answer; team results only from ``PULSE_MIN_RESPONSES`` on.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from plus1.accounts.constants import BACK_OFFICE_ROLES, Role
from plus1.accounts.models import Membership, Team
from plus1.accounts.selectors import has_role
from plus1.tenants.models import Organisation

User = AbstractBaseUser | AnonymousUser

# The roles that lead a team.
LEAD_ROLES = (Role.LEIDINGGEVENDE, Role.TEAMLEIDER)


def is_hr(user: User, tenant: Organisation) -> bool:
    """HR (P&O) of ``tenant``."""
    return user.is_authenticated and has_role(user, tenant=tenant, role=Role.HR)


def is_employee_of(user: User, tenant: Organisation) -> bool:
    """Works in the back office of ``tenant`` (any back-office role)."""
    if not user.is_authenticated:
        return False
    return Membership.objects.filter(user=user, tenant=tenant, role__in=BACK_OFFICE_ROLES).exists()


def is_leader(user: User, tenant: Organisation) -> bool:
    """Holds a role that leads a team in ``tenant`` (leidinggevende or teamleider)."""
    return user.is_authenticated and any(has_role(user, tenant=tenant, role=role) for role in LEAD_ROLES)


def led_teams(user: User, tenant: Organisation) -> QuerySet[Team]:
    """The teams of ``tenant`` that ``user`` leads: those they are a member of, with a lead role."""
    if not is_leader(user, tenant):
        return Team.objects.none()
    return Team.objects.for_tenant(tenant).filter(members=user).order_by("name")


def leads(manager: User, employee: AbstractBaseUser, tenant: Organisation) -> bool:
    """``manager`` is a leidinggevende of ``employee`` in ``tenant`` (never of themself)."""
    if not manager.is_authenticated or manager.pk == employee.pk:
        return False
    if not is_employee_of(employee, tenant):
        return False
    return led_teams(manager, tenant).filter(members=employee).exists()


def led_employee_ids(user: User, tenant: Organisation) -> set[int]:
    """The ids of every employee ``user`` leads in ``tenant`` (members of their teams, not themself)."""
    team_ids = list(led_teams(user, tenant).values_list("pk", flat=True))
    members = Team.members.through.objects.filter(team_id__in=team_ids).values_list("user_id", flat=True)
    ids = set(members) - {user.pk}
    employees = Membership.objects.filter(tenant=tenant, user_id__in=ids, role__in=BACK_OFFICE_ROLES)
    return set(employees.values_list("user_id", flat=True))


def may_see_development_of(viewer: User, employee: AbstractBaseUser, tenant: Organisation) -> bool:
    """Assessments and plan of ``employee``: themself, their leidinggevende and HR of the gemeente."""
    if not viewer.is_authenticated or not is_employee_of(employee, tenant):
        return False
    if viewer.pk == employee.pk:
        return is_employee_of(viewer, tenant)
    return is_hr(viewer, tenant) or leads(viewer, employee, tenant)


def may_manage_plan_of(user: User, employee: AbstractBaseUser, tenant: Organisation) -> bool:
    """Making and changing a plan: the employee's leidinggevende, HR, and the employee themself."""
    return may_see_development_of(user, employee, tenant)


def may_assess_as_manager(user: User, employee: AbstractBaseUser, tenant: Organisation) -> bool:
    """The leidinggevende's assessment: only a leidinggevende of the employee (not HR)."""
    return leads(user, employee, tenant)


def may_see_team(user: User, team: Team, tenant: Organisation) -> bool:
    """The team view: HR of the gemeente, or a leidinggevende of that team."""
    if team.tenant_id != tenant.pk:
        return False
    return is_hr(user, tenant) or led_teams(user, tenant).filter(pk=team.pk).exists()


def may_manage_offer(user: User, tenant: Organisation) -> bool:
    """Own competences, own trainings, pulses, rolduiding and role profiles: HR."""
    return is_hr(user, tenant)
