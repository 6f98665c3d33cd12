from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from plus1.tenants.selectors import gemeente_for_host

from .routing import HOST_URLCONF


class PortalHostMiddleware:
    """On a gemeente's own host name, serve that gemeente's portal at ``/`` (ARCHITECTURE 5).

    The tenant is fixed by the host before any view runs, and the host urlconf has no slug,
    so a request to loket.utrecht.nl can only ever reach Utrecht's pages.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        gemeente = gemeente_for_host(request.get_host())
        if gemeente is not None:
            request.tenant = gemeente
            request.urlconf = HOST_URLCONF
        return self.get_response(request)
