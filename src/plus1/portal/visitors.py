"""Who is visiting the portal: the resident's BSN or business's KvK number, log-in gates, actor.

Shared by the portal's view modules (products, requests, payments, Mijn zaken).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from plus1.accounts.sessions import is_recently_authenticated
from plus1.audit.services import Actor
from plus1.catalog.models import ZaakType

from .routing import portal_reverse


def resident_bsn(request: HttpRequest) -> str:
    user = request.user
    return getattr(user, "bsn", "") if user.is_authenticated else ""


def business_kvk(request: HttpRequest) -> str:
    user = request.user
    return getattr(user, "kvk_number", "") if user.is_authenticated else ""


def login_redirect(request: HttpRequest, name: str, next_url: str) -> HttpResponse:
    return redirect(f"{portal_reverse(request, name)}?{urlencode({'next': next_url})}")


def require_login(request: HttpRequest, zaaktype: ZaakType | None = None) -> HttpResponse | None:
    """None when someone this page is for is logged in; else off to DigiD or eHerkenning.

    Mijn zaken is for residents (DigiD) and businesses (eHerkenning) alike; a request is for
    whom its zaaktype serves, so a business-only product asks for eHerkenning.
    """
    bsn, kvk_number = resident_bsn(request), business_kvk(request)
    if zaaktype is None:
        if bsn or kvk_number:
            return None
        return login_redirect(request, "portal:login", request.get_full_path())
    for_businesses = zaaktype.is_for_businesses
    for_residents = zaaktype.is_for_residents or not for_businesses
    if (bsn and for_residents) or (kvk_number and for_businesses):
        return None
    name = "portal:login" if for_residents else "portal:login-eherkenning"
    return login_redirect(request, name, request.get_full_path())


def require_fresh_login(request: HttpRequest, next_url: str) -> HttpResponse | None:
    """None when the log-in is recent enough for a sensitive step; else log in again first.

    The person comes back to ``next_url``; drafts live in the database, so nothing is lost.
    """
    if is_recently_authenticated(request):
        return None
    messages.info(request, _("U bent al even ingelogd. Log voor uw veiligheid opnieuw in."))
    name = "portal:login-eherkenning" if business_kvk(request) else "portal:login"
    return login_redirect(request, name, next_url)


def resident_actor(request: HttpRequest) -> Actor:
    # Never the BSN or KvK number: the label lands in the audit trail and the timeline.
    if resident_bsn(request):
        return Actor(type="resident", id=request.user.username, label="Inwoner (DigiD)")
    return Actor(type="business", id=request.user.username, label="Ondernemer (eHerkenning)")
