"""Who may enter the back office, and for which gemeente: resolved once per request.

Every back-office view is wrapped in ``employee_view``: the employee has signed in with a
password and a second factor (a TOTP code, or the gemeente's own identity provider through
OpenID Connect), holds an employee role in a gemeente, and ``request.tenant`` is that gemeente.
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
from plus1.cases.policies import employee_gemeente, is_team_lead_of

# Set by the log-in views when the second factor was checked outside django-otp (OIDC).
SECOND_FACTOR_SESSION_KEY = "plus1_second_factor"


def has_second_factor(request: HttpRequest) -> bool:
    user = request.user
    if getattr(user, "is_verified", None) and user.is_verified():
        return True
    return bool(request.session.get(SECOND_FACTOR_SESSION_KEY))


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
                return render(request, "backoffice/forbidden.html", status=403)
            request.tenant = tenant
            request.is_team_lead = is_team_lead_of(request.user, tenant)
            request.actor = employee_actor(request.user, tenant=tenant)
            if not any(has_role(request.user, tenant=tenant, role=role) for role in allowed):
                return render(request, "backoffice/forbidden.html", status=403)
            return function(request, *args, **kwargs)

        return wrapped

    return decorate(view) if view is not None else decorate
