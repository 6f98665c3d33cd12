"""Who may enter the back office, and for which gemeente: resolved once per request.

Every back-office view is wrapped in ``employee_view``: the employee has signed in with a
password and a second factor (a TOTP code, or the gemeente's own identity provider through
OpenID Connect), holds an employee role in a gemeente, and ``request.tenant`` is that gemeente.

Employees of a chain partner sign in the same way but pass only ``partner_view``: their
``request.tenant`` is the partner organisation, and they see nothing but the zaken shared
with it. A gemeente page answers them "geen toegang".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from plus1.accounts.constants import EMPLOYEE_ROLES, Role
from plus1.accounts.selectors import employee_actor, has_role
from plus1.accounts.sessions import has_second_factor
from plus1.cases.policies import (
    employee_gemeente,
    is_employee_of,
    is_privacy_officer_of,
    is_team_lead_of,
    partner_organisation,
)
from plus1.routing.policies import can_view_search_insights


def employee_view(view: Callable | None = None, *, roles: Iterable[Role] = EMPLOYEE_ROLES) -> Callable:
    """Let only signed-in employees with one of ``roles`` in. Sets ``request.tenant``."""
    allowed = tuple(roles)

    def decorate(function: Callable) -> Callable:
        @wraps(function)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated or not has_second_factor(request):
                return redirect_to_login(request.get_full_path(), reverse("backoffice:login"))
            tenant = employee_gemeente(request.user)
            if tenant is None:
                # A chain partner's employee: no gemeente page, only a way to their shared zaken.
                is_partner = partner_organisation(request.user) is not None
                return render(request, "backoffice/forbidden.html", {"partner_home": is_partner}, status=403)
            request.tenant = tenant
            request.is_team_lead = is_team_lead_of(request.user, tenant)
            request.has_inbox = is_employee_of(request.user, tenant)
            request.is_privacy_officer = is_privacy_officer_of(request.user, tenant)
            request.actor = employee_actor(request.user, tenant=tenant)
            # Klantwaardering (issue 19): the nav shows it to teamleiders and quality staff.
            request.can_see_feedback = request.is_team_lead or has_role(
                request.user, tenant=tenant, role=Role.KWALITEITSMEDEWERKER
            )
            # The incident register (issue 20): the nav shows it to the agressiecoördinator.
            request.is_aggression_coordinator = has_role(
                request.user, tenant=tenant, role=Role.AGRESSIECOORDINATOR
            )
            # Medewerkers (issue 22): HR and leidinggevenden; a teamleider leads their teams too.
            request.is_hr = has_role(request.user, tenant=tenant, role=Role.HR)
            request.is_leidinggevende = request.is_team_lead or has_role(
                request.user, tenant=tenant, role=Role.LEIDINGGEVENDE
            )
            if not any(has_role(request.user, tenant=tenant, role=role) for role in allowed):
                return render(request, "backoffice/forbidden.html", status=403)
            return function(request, *args, **kwargs)

        return wrapped

    return decorate(view) if view is not None else decorate


def back_office_home(user) -> str:
    """Where someone lands after signing in: the inbox, the shared zaken for a partner, the
    failing search questions for the collective's staff, or, for someone without an employee
    role, the page of their own role: processing log, incident register or klantwaardering."""
    gemeente = employee_gemeente(user)
    if gemeente is None and partner_organisation(user) is not None:
        return reverse("backoffice:shared-zaken")
    if gemeente is None and can_view_search_insights(user):
        return reverse("backoffice:search-insights")
    if gemeente is not None and not is_employee_of(user, gemeente):
        for role, page in (
            (Role.PRIVACY_OFFICER, "backoffice:processing-log"),
            (Role.AGRESSIECOORDINATOR, "backoffice:incident-list"),
            (Role.KWALITEITSMEDEWERKER, "backoffice:feedback-dashboard"),
            (Role.HR, "backoffice:development-home"),
            (Role.LEIDINGGEVENDE, "backoffice:development-home"),
        ):
            if has_role(user, tenant=gemeente, role=role):
                return reverse(page)
    return reverse("backoffice:inbox")


def may_enter(user) -> bool:
    """Whether this person works in the back office at all: for a gemeente, a chain partner or
    the collective (its page of failing search questions)."""
    return (
        employee_gemeente(user) is not None
        or partner_organisation(user) is not None
        or can_view_search_insights(user)
    )


def partner_view(function: Callable) -> Callable:
    """Let only signed-in employees of a chain partner in. Sets ``request.tenant`` to the partner."""

    @wraps(function)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated or not has_second_factor(request):
            return redirect_to_login(request.get_full_path(), reverse("backoffice:login"))
        partner = partner_organisation(request.user)
        if partner is None:
            return render(request, "backoffice/forbidden.html", status=403)
        request.tenant = partner
        request.is_partner = True
        request.is_team_lead = False
        return function(request, *args, **kwargs)

    return wrapped
