"""ZGW pagination: ``?page=N`` and ``{count, next, previous, results}`` with absolute URLs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.http import HttpRequest

from .errors import invalid, not_found

T = TypeVar("T")

PAGE_SIZE = 100


def page_number(request: HttpRequest) -> int:
    raw = request.GET.get("page", "1")
    try:
        page = int(raw)
    except ValueError:
        raise invalid("page", "invalid", "Het paginanummer moet een geheel getal zijn.") from None
    if page < 1:
        raise invalid("page", "invalid", "Het paginanummer begint bij 1.")
    return page


def _page_url(request: HttpRequest, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def paginate(
    request: HttpRequest,
    queryset: QuerySet,
    serialize: Callable[[Sequence[Any]], list[dict]],
    *,
    page_size: int = PAGE_SIZE,
    prepare: Callable[[QuerySet], QuerySet] | None = None,
    count_with: Callable[[QuerySet], int] | None = None,
    locate: Callable[[QuerySet, int, int], tuple[int, QuerySet, int]] | None = None,
) -> dict[str, Any]:
    """One page of ``queryset``; ``serialize`` turns the page's rows into dicts in one go.

    ``prepare`` adds what only the page's rows need (joins, annotations), so the count runs
    on the filter alone; ``count_with`` replaces ``queryset.count()`` (a kept count). A page past
    the end is a 404, as the reference implementations answer it.

    ``locate(queryset, offset, page_size)`` replaces both the count and the OFFSET over every
    row above the page: it answers ``(count, rows, skip)``, the page being
    ``rows[skip:skip + page_size]`` (``cases.counts`` finds it from kept counts).
    """
    page = page_number(request)
    offset = (page - 1) * page_size
    if locate is not None:
        count, queryset, skip = locate(queryset, offset, page_size)
    else:
        count = count_with(queryset) if count_with else queryset.count()
        skip = offset
    if offset and offset >= count:
        raise not_found("Deze pagina bestaat niet.")
    rows = list((prepare(queryset) if prepare else queryset)[skip : skip + page_size])
    return {
        "count": count,
        "next": _page_url(request, page + 1) if offset + page_size < count else None,
        "previous": _page_url(request, page - 1) if page > 1 else None,
        "results": serialize(rows),
    }
