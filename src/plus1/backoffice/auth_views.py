"""Employee log-in: user name and password, then a code from an authenticator app (TOTP).

The password step does not log the employee in yet: it only remembers who passed it, in
the session. The session becomes a logged-in one after the second factor, so a stolen
password alone opens nothing in the back office. django-axes counts failed passwords and
locks the user name after PLUS1_LOGIN_FAILURE_LIMIT attempts; django-otp slows down
repeated wrong codes.

The Django admin has no log-in of its own (``plus1.accounts.admin_site``): it sends staff here
with ``next`` pointing into the admin, and they come back there after the code.
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from plus1.accounts import services as account_services
from plus1.core.ratelimit import limit_per_ip

from .access import back_office_home, has_second_factor, may_enter
from .auth_forms import EmployeeLoginForm, TotpCodeForm
from .totp import qr_code_svg, readable_secret

PENDING_SESSION_KEY = "plus1_backoffice_pending"
# The second step must follow the first within this many seconds.
PENDING_SECONDS = 5 * 60


def _next_url(request: HttpRequest, user=None) -> str:
    """The page to go to after signing in; a chain partner's home is its shared zaken, not the inbox."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("backoffice:inbox")
    if user is not None and target == reverse("backoffice:inbox"):
        return back_office_home(user)
    return target


def _is_for_admin(target: str) -> bool:
    return urlsplit(target).path.startswith(reverse("admin:index"))


def _may_sign_in(user, target: str) -> bool:
    """The admin takes active staff, as Django's admin does; the back office its own people."""
    if _is_for_admin(target):
        return user.is_active and user.is_staff
    return may_enter(user)


def _pending_user(request: HttpRequest):
    pending = request.session.get(PENDING_SESSION_KEY)
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        return None, None
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    return user, pending["backend"]


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@limit_per_ip("backoffice-login", rate_setting="PLUS1_RATELIMIT_BACKOFFICE_LOGIN")
def login_view(request: HttpRequest) -> HttpResponse:
    target = _next_url(request)
    if request.user.is_authenticated and has_second_factor(request) and _may_sign_in(request.user, target):
        return redirect(_next_url(request, request.user))
    form = EmployeeLoginForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        if not _may_sign_in(user, target):
            refusal = (
                _("U heeft geen toegang tot het beheer. Vraag de functioneel beheerder om hulp.")
                if _is_for_admin(target)
                else _("U heeft geen toegang tot de backoffice. Vraag uw teamleider om een account.")
            )
            form.add_error(None, refusal)
        else:
            # A fresh session id: nothing from before the log-in carries over (session fixation).
            request.session.cycle_key()
            request.session[PENDING_SESSION_KEY] = {
                "user": user.pk,
                "backend": user.backend,
                "at": time.time(),
            }
            has_device = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
            step = "backoffice:login-code" if has_device else "backoffice:login-setup"
            return redirect(f"{reverse(step)}?{urlencode({'next': target})}")
    return render(
        request,
        "backoffice/login.html",
        {"form": form, "next": target, "oidc_enabled": settings.PLUS1_OIDC_ENABLED},
    )


def _finish_login(request: HttpRequest, user, backend: str, device: TOTPDevice) -> HttpResponse:
    request.session.pop(PENDING_SESSION_KEY, None)
    auth_login(request, user, backend=backend)
    otp_login(request, device)
    return redirect(_next_url(request, user))


@csrf_protect
@never_cache
@limit_per_ip("backoffice-code", rate_setting="PLUS1_RATELIMIT_BACKOFFICE_LOGIN")
def login_code_view(request: HttpRequest) -> HttpResponse:
    user, backend = _pending_user(request)
    if user is None:
        messages.info(request, _("Log opnieuw in met uw gebruikersnaam en wachtwoord."))
        return redirect("backoffice:login")
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return redirect(f"{reverse('backoffice:login-setup')}?{urlencode({'next': _next_url(request)})}")
    form = TotpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            return _finish_login(request, user, backend, device)
        form.add_error("code", _("Deze code klopt niet of is verlopen. Probeer de nieuwste code."))
    return render(request, "backoffice/login_code.html", {"form": form, "next": _next_url(request)})


@csrf_protect
@never_cache
@limit_per_ip("backoffice-code", rate_setting="PLUS1_RATELIMIT_BACKOFFICE_LOGIN")
def login_setup_view(request: HttpRequest) -> HttpResponse:
    user, backend = _pending_user(request)
    if user is None:
        messages.info(request, _("Log opnieuw in met uw gebruikersnaam en wachtwoord."))
        return redirect("backoffice:login")
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect(f"{reverse('backoffice:login-code')}?{urlencode({'next': _next_url(request)})}")
    device = account_services.start_totp_setup(user=user)
    form = TotpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if account_services.confirm_totp_device(device=device, token=form.cleaned_data["code"]):
            messages.success(request, _("Uw authenticator-app is ingesteld."))
            return _finish_login(request, user, backend, device)
        form.add_error("code", _("Deze code klopt niet. Kijk of u de QR-code goed hebt gescand."))
    return render(
        request,
        "backoffice/login_setup.html",
        {
            "form": form,
            "next": _next_url(request),
            "qr_code": qr_code_svg(device),
            "secret": readable_secret(device),
        },
    )


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    auth_logout(request)
    messages.success(request, _("U bent uitgelogd."))
    return redirect("backoffice:login")
