"""Who may report an incident and who sees which report. Views ask here only.

Issue 20 (Veilige Publieke Taak):
- Every back-office employee of a gemeente reports for that gemeente; a chain partner's
  employee reports for their own organisation (the partner is their employer).
- The reporter and the employee it happened to see their own reports, without the
  coordinator's handling.
- The agressiecoördinator (``Role.AGRESSIECOORDINATOR``) sees and handles every report of the
  organisation. Nobody else sees anything.
- The reporter may change a report while it is still new; the coordinator always.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from plus1.accounts.constants import Role
from plus1.accounts.selectors import has_role
from plus1.cases.policies import employee_gemeente, partner_organisation
from plus1.tenants.models import Organisation

from .constants import IncidentStatus
from .models import Incident, IncidentTask

User = AbstractBaseUser | AnonymousUser


def reporting_organisation(user: User) -> Organisation | None:
    """The organisation ``user`` reports for: their gemeente, or the chain partner they work for."""
    if not user.is_authenticated:
        return None
    cache = user.__dict__
    if "_plus1_incident_org" not in cache:
        cache["_plus1_incident_org"] = employee_gemeente(user) or partner_organisation(user)
    return cache["_plus1_incident_org"]


def can_report(user: User) -> bool:
    """Every employee of a gemeente's back office, and every chain partner's employee."""
    return reporting_organisation(user) is not None


def is_coordinator(user: User, tenant: Organisation) -> bool:
    """The agressiecoördinator of ``tenant``: sees and handles all its reports."""
    return user.is_authenticated and has_role(user, tenant=tenant, role=Role.AGRESSIECOORDINATOR)


def is_own_incident(user: User, incident: Incident) -> bool:
    """``user`` reported it, or it happened to them."""
    return user.is_authenticated and user.pk in (incident.reported_by_id, incident.employee_id)


def can_view_incident(user: User, incident: Incident) -> bool:
    return is_coordinator(user, incident.tenant) or is_own_incident(user, incident)


def can_view_handling(user: User, incident: Incident) -> bool:
    """The tasks, measures, letters and conclusion: the coordinator only."""
    return is_coordinator(user, incident.tenant)


def can_edit_incident(user: User, incident: Incident) -> bool:
    """The coordinator always; the reporter only while the report is still new."""
    if is_coordinator(user, incident.tenant):
        return True
    return (
        user.is_authenticated
        and incident.reported_by_id == user.pk
        and incident.status == IncidentStatus.OPEN
    )


def can_handle_incident(user: User, incident: Incident) -> bool:
    """Complete tasks, write the letter, set or end a measure, close: the coordinator."""
    return is_coordinator(user, incident.tenant)


def can_view_incident_list(user: User, tenant: Organisation) -> bool:
    """The overview of every report of ``tenant``: the coordinator."""
    return is_coordinator(user, tenant)


def can_download_letter(user: User, task: IncidentTask) -> bool:
    return is_coordinator(user, task.incident.tenant)
