"""Request middleware of the kernel."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from . import tracing


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
