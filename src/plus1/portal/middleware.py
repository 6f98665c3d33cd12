from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

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


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Dutch unless the visitor chose another language with the switch (Django's language cookie).

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language: many Dutch
    residents use a browser in English and should still get the gemeente in Dutch (ARCHITECTURE 8).
    """

    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
