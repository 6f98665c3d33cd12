"""Per-request plumbing of the ZGW APIs: the request gate, the ``API-version`` header and the
base of our URLs."""

from __future__ import annotations

import contextvars
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from plus1.core import zgw

from .errors import ApiError, problem_response
from .gate import check_request

# The implemented version of each standard API, sent on every response (also errors).
VERSIONS = {
    "/catalogi/api/v1/": "1.3.3",
    "/zaken/api/v1/": "1.7.0",
    "/documenten/api/v1/": "1.7.0",
    "/besluiten/api/v1/": "1.1.0",
    "/autorisaties/api/v1/": "1.1.0",
    "/notificaties/api/v1/": "1.0.1",
}


class ZgwApiMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        version = next((v for prefix, v in VERSIONS.items() if request.path.startswith(prefix)), None)
        if version is None and not request.path.startswith("/referentielijsten/"):
            return self.get_response(request)
        # A context of its own: what the request sets (the calling application, for the
        # audit rows) ends with it, also in a thread that serves the next request.
        context = contextvars.copy_context()
        response = context.run(self._respond, request)
        if version:
            response["API-version"] = version
        return response

    def _respond(self, request: HttpRequest) -> HttpResponse:
        try:
            check_request(request)
        except ApiError as error:
            return problem_response(request, error)
        with zgw.using_base_url(request.build_absolute_uri("/")):
            return self.get_response(request)
