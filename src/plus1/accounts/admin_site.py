"""The Django admin behind the employees' second factor (docs/backoffice-login.md).

``admin_app.Plus1AdminConfig`` makes ``Plus1AdminSite`` the default ``admin.site``, so every
``@admin.register`` in the apps lands on it.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from plus1.core.ratelimit import limit_per_ip

from .sessions import has_second_factor

# The employees' one log-in: password, then a code from the authenticator app (set up on the
# first log-in). It sends the employee back to the admin page they asked for.
EMPLOYEE_LOGIN_URL = "backoffice:login"


@limit_per_ip("backoffice-login", rate_setting="PLUS1_RATELIMIT_BACKOFFICE_LOGIN")
def send_to_employee_login(request: HttpRequest, *, index_url: str) -> HttpResponse:
    """Send whoever asks for the admin's log-in to the employees' two-step log-in.

    A POST is counted with the employee log-in's own rate limit, although it checks nothing:
    a script that keeps posting passwords here gets the 429 page like anywhere else.
    """
    next_url = request.GET.get(REDIRECT_FIELD_NAME) or index_url
    return redirect_to_login(next_url, reverse(EMPLOYEE_LOGIN_URL))


class Plus1AdminSite(admin.AdminSite):
    """Open only to active staff whose session passed the second factor.

    As django-otp's ``OTPAdminSite`` (which admits ``user.is_verified()`` only), but a session
    whose second factor the gemeente's identity provider checked (OIDC) counts too, exactly as
    in the back office. The admin has no log-in form of its own: one log-in for employees means
    one lock-out (django-axes per user name), one rate limit and one set-up of the app.
    """

    site_header = "Plus1 beheer"
    site_title = "Plus1"
    index_title = "Catalogus en organisaties"

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and has_second_factor(request)

    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        return send_to_employee_login(request, index_url=reverse("admin:index", current_app=self.name))
