"""Which gemeente a portal request is for, and links that work by path and on its own host.

By path (``/utrecht/producten/...``) the gemeente comes from the slug; on a gemeente's own host
name (``loket.utrecht.nl/producten/...``) ``PortalHostMiddleware`` has already put it on the
request. Views call ``gemeente_for_request``; links go through ``portal_reverse``, so the same
template serves both.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse

from plus1.tenants.models import Organisation

HOST_URLCONF = "plus1.host_urls"


def is_host_request(request: HttpRequest) -> bool:
    return getattr(request, "urlconf", None) == HOST_URLCONF


def gemeente_for_request(request: HttpRequest, slug: str | None) -> Organisation:
    """Return the request's gemeente and remember it as ``request.tenant``; unknown slug: 404."""
    if slug is None:
        # Only the host urlconf has no slug, and the middleware set the tenant before choosing it.
        return request.tenant
    gemeente = get_object_or_404(Organisation.objects.gemeenten(), slug=slug)
    request.tenant = gemeente
    return gemeente


def portal_reverse(request: HttpRequest, name: str, *args) -> str:
    """The path of a portal page of the request's gemeente, with the slug only when by path."""
    if is_host_request(request):
        return reverse(name, args=args)
    return reverse(name, args=[request.tenant.slug, *args])


def portal_redirect(request: HttpRequest, name: str, *args) -> HttpResponseRedirect:
    return HttpResponseRedirect(portal_reverse(request, name, *args))
