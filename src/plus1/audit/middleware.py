"""Collect a request's read records and write them when the response is done (also on errors)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .services import processing_scope


class ProcessingLogMiddleware:
    """Write the read records of one request in one insert after the view ran.

    Placed after ``core.middleware.TraceContextMiddleware`` so every record carries the
    request's trace id. Django turns a view's exception into a 4xx/5xx response inside this
    middleware, and the ``finally`` of ``processing_scope`` writes the reads in any case.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with processing_scope():
            return self.get_response(request)
