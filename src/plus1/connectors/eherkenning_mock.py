"""A local eHerkenning simulator for the demo and tests: type a KvK number, you are that business.

django-digid-eherkenning 0.24 ships a mock for DigiD only, so this stands in for its
eHerkenning SAML flow (``digid_eherkenning.eherkenning_urls``) with the same URL names
(``eherkenning:login``) and the ``next``/``cancel`` parameters of the DigiD mock. Only mounted
when ``PLUS1_DIGID_MOCK`` is on; production uses the library's SAML views.
"""

from __future__ import annotations

import logging

from django import forms
from django.contrib import auth
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.validators import RegexValidator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from plus1.core.ratelimit import limit_per_ip

logger = logging.getLogger(__name__)

kvk_number_validator = RegexValidator(r"^\d{8}$", _("Een KvK-nummer heeft 8 cijfers, bijvoorbeeld 69599084."))


class EherkenningMockBackend(ModelBackend):
    """Authenticate the business whose KvK number the simulator was given (8 digits)."""

    def authenticate(self, request, kvk_number: str | None = None, **kwargs):
        if kvk_number is None:
            return None
        try:
            kvk_number_validator(kvk_number)
        except forms.ValidationError:
            logger.info("eHerkenning mock: refused a KvK number that is not 8 digits")
            return None
        manager = get_user_model().eherkenning_objects
        try:
            return manager.get_by_rsin(kvk_number)
        except get_user_model().DoesNotExist:
            return manager.eherkenning_create(kvk_number)


class KvkNumberForm(forms.Form):
    kvk_number = forms.CharField(
        label=_("KvK-nummer"), max_length=8, min_length=8, validators=[kvk_number_validator]
    )


def _safe(request: HttpRequest, url: str) -> str:
    allowed = url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()})
    return url if url and allowed else ""


@require_http_methods(["GET", "POST"])
@limit_per_ip("eherkenning-mock", rate_setting="PLUS1_RATELIMIT_PORTAL_LOGIN")
def login(request: HttpRequest) -> HttpResponse:
    next_url = _safe(request, request.GET.get("next", ""))
    cancel_url = _safe(request, request.GET.get("cancel", "")) or "/"
    if not next_url:
        return HttpResponseBadRequest("bad 'next' redirect parameter")
    form = KvkNumberForm(data=request.POST if request.method == "POST" else None)
    if form.is_valid():
        user = auth.authenticate(request, kvk_number=form.cleaned_data["kvk_number"])
        if user is not None:
            auth.login(request, user, backend="plus1.connectors.eherkenning_mock.EherkenningMockBackend")
            return HttpResponseRedirect(next_url)
        form.add_error("kvk_number", _("Inloggen is niet gelukt. Probeer het opnieuw."))
    return render(
        request,
        "connectors/eherkenning_mock_login.html",
        {"form": form, "cancel_url": cancel_url},
        status=400 if form.is_bound else 200,
    )
