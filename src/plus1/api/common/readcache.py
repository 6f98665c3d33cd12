"""Answers of the busiest reads, kept until something the caller could read changes.

A list page of 100 zaken costs a count over every zaak the application may see plus the page
itself; the same page is asked again and again by portals and dashboards. An answer is kept
under a key of everything it depends on:

- the gemeente's change stamp (``notifications.services.change_stamp``), which moves with
  every notification, and every change a client can read publishes one in its own
  transaction. The stamp is read before the data, so an answer is never older than its key;
- the application and its autorisaties exactly as loaded for this request, so a changed grant
  gives other keys at once;
- the host the API is called on (the URLs in the answer), the path, the query and the day.

Only 200 answers are kept, only for GET and never with ``expand`` (that reads rollen, which
are logged per read). Scope, header and per-object checks run before the cache is asked.
``PLUS1_API_READ_CACHE_SECONDS`` bounds how long a kept answer lives (0 switches it off),
as a backstop for a change made outside the services (a data repair in SQL).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

from plus1.core import clock

from .auth import change_stamp_of, client
from .http import is_not_modified

CACHE = "zgw"
KEPT_HEADERS = ("Content-Type", "ETag", "Content-Crs")


def _fingerprint(request: HttpRequest) -> str:
    access = client(request)
    cached = getattr(access, "_fingerprint", None)
    if cached is None:
        grants = sorted(
            (
                a.component,
                tuple(sorted(a.scopes)),
                a.zaaktype_id,
                a.informatieobjecttype_id,
                a.besluittype_id,
                a.max_confidentiality,
            )
            for a in access.autorisaties
        )
        cached = access._fingerprint = repr((access.application.pk, access.has_all, grants))
    return cached


def _stamp(request: HttpRequest) -> int:
    # Read once per request (by the authentication): the answer and its count share it.
    return change_stamp_of(request)


def _key(request: HttpRequest) -> str:
    parts = (
        str(request.tenant.pk),
        str(_stamp(request)),
        _fingerprint(request),
        request.scheme,
        request.get_host(),
        request.path,
        "&".join(sorted(request.GET.urlencode().split("&"))),
        clock.today().isoformat(),
    )
    return "zgw-read:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def count(request: HttpRequest, queryset: QuerySet) -> int:
    """``queryset.count()``, kept under the gemeente's change stamp and the query itself.

    Every page of one list shares its count, the most expensive part of a page on a large
    register. Only for querysets of the calling gemeente's own data (its stamp moves with
    them); the query's SQL carries the autorisatie filter.
    """
    seconds = settings.PLUS1_API_READ_CACHE_SECONDS
    if not seconds:
        return queryset.count()
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        # A filter that can match nothing (a client without grants, ``pk__in=[]``) runs no SQL.
        return 0
    raw = "\x1f".join((str(request.tenant.pk), str(_stamp(request)), sql, repr(params)))
    key = "zgw-count:" + hashlib.sha256(raw.encode()).hexdigest()
    store = caches[CACHE]
    found = store.get(key)
    if found is None:
        found = queryset.count()
        store.set(key, found, seconds)
    return found


def cached(request: HttpRequest, build: Callable[[], HttpResponse]) -> HttpResponse:
    """``build()``'s answer, or the same answer kept from an earlier identical request."""
    seconds = settings.PLUS1_API_READ_CACHE_SECONDS
    if not seconds or request.method != "GET" or "expand" in request.GET:
        return build()
    key = _key(request)
    store = caches[CACHE]
    kept = store.get(key)
    if kept is None:
        response = build()
        if response.status_code == 200:
            store.set(
                key,
                (response.content, {name: response[name] for name in KEPT_HEADERS if name in response}),
                seconds,
            )
        return response
    body, headers = kept
    etag = headers.get("ETag")
    response = HttpResponse(status=304) if etag and is_not_modified(request, etag) else HttpResponse(body)
    for name, value in headers.items():
        response[name] = value
    return response
