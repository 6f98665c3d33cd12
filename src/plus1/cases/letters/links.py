"""Absolute links to a gemeente's portal for letters and e-mails, which have no request to go by.

On its own host name (``loket.utrecht.nl``) a gemeente's portal has no slug in its paths; on the
shared host it lives under ``/<slug>/`` (plus1.portal.routing does the same for a request).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse

from plus1.tenants.models import Organisation

# The urlconf of a gemeente's own host name (plus1.portal.routing.HOST_URLCONF), named rather
# than imported: the portal sits above this layer.
HOST_URLCONF = "plus1.host_urls"


def portal_url(gemeente: Organisation, name: str, *args: str) -> str:
    """The full address of portal page ``name`` (e.g. ``portal:my-zaak-detail``) of ``gemeente``."""
    base = urlsplit(settings.PLUS1_BASE_URL)
    if gemeente.portal_host:
        path = reverse(name, args=args, urlconf=HOST_URLCONF)
        port = f":{base.port}" if base.port else ""
        return f"{base.scheme}://{gemeente.portal_host}{port}{path}"
    return settings.PLUS1_BASE_URL.rstrip("/") + reverse(name, args=[gemeente.slug, *args])


def my_zaak_url(gemeente: Organisation, identificatie: str) -> str:
    """Where the resident finds this zaak in Mijn zaken (after logging in)."""
    return portal_url(gemeente, "portal:my-zaak-detail", identificatie)
