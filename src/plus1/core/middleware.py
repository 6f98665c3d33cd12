"""Request middleware of the kernel."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.views.defaults import bad_request

from . import tracing

_SURROGATE = re.compile("[\ud800-\udfff]")


class TraceContextMiddleware:
    """Run every request in a W3C Trace Context span.

    A valid incoming ``traceparent`` is continued (a gateway or another Plus1 service started
    the trace), otherwise a new trace starts. The response echoes it in ``traceresponse``
    (Trace Context Level 2), so a support desk can find the request in the processing log.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with tracing.span(request.headers.get("traceparent"), name=request.path) as current:
            request.trace = current
            response = self.get_response(request)
        response["traceresponse"] = current.traceparent
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        # The operation name of the span, and so of the records without their own: the URL name.
        match = request.resolver_match
        if match is not None and match.view_name:
            tracing.name_current_span(match.view_name)


def _has_unstorable(values: Iterable[str]) -> bool:
    return any("\x00" in value or _SURROGATE.search(value) for value in values)


class RequestInputMiddleware:
    """Refuse input no page can take with a clear page instead of a 500.

    - NUL in the path, a query parameter or a form field: PostgreSQL refuses it in any text
      query, so a page that looks it up would fail (400). Django's form fields refuse it
      already; this covers the views that read a parameter or a path segment themselves. A
      lone surrogate cannot arrive this way (Django decodes forms and URLs with replacement),
      but is refused alike.
    - A form whose fields (not its files) exceed ``DATA_UPLOAD_MAX_MEMORY_SIZE``: a Dutch page
      with status 413, not Django's English "Bad Request".

    The ZGW APIs have their own request gate (``plus1.api.common.gate``) before this one.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            parameters = [request.path, *request.GET.keys(), *request.GET.values()]
        except SuspiciousOperation as exc:  # more parameters than Django allows
            return bad_request(request, exc)
        if _has_unstorable(parameters):
            return bad_request(request, SuspiciousOperation("NUL in the path or a query parameter"))
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        if request.method != "POST":
            return None
        # Read here, before the CSRF check reads it, where a failure can still become a page.
        try:
            fields = [text for key, values in request.POST.lists() for text in (key, *values)]
        except RequestDataTooBig:
            limit_mb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 1_000_000
            return render(request, "413.html", {"limit_mb": f"{limit_mb:.1f}".replace(".", ",")}, status=413)
        except (MultiPartParserError, SuspiciousOperation) as exc:
            return bad_request(request, exc)
        if _has_unstorable(fields):
            return bad_request(request, SuspiciousOperation("NUL in a form field"))
        return None
