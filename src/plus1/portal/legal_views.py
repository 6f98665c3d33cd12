"""The statements in every portal footer: privacy, accessibility, cookies and colofon."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from plus1.legal.selectors import get_statement

from .routing import gemeente_for_request


@require_GET
def statement(request: HttpRequest, kind: str, gemeente_slug: str | None = None) -> HttpResponse:
    """The gemeente's own text for ``kind``, else the collective's default (plus1.legal)."""
    gemeente = gemeente_for_request(request, gemeente_slug)
    context = {"gemeente": gemeente, "statement": get_statement(gemeente=gemeente, kind=kind)}
    return render(request, "portal/legal_page.html", context)
