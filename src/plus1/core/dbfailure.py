"""A database that cannot be reached answers 503 with Retry-After, never a 500.

Down, failing over, a leader that became a replica ("cannot execute INSERT in a read-only
transaction"), a pooler refusing connections: the request could not be served now but can be
in a moment. The API gets a ZGW problem body (``code: database-unavailable``), a page gets the
Dutch ``503.html``. The request's transaction was rolled back by ``atomic``, so nothing is half
written; the page says so truthfully: a form without a confirmation was not saved.

Django turns an exception in a view or in a middleware into a 500 response where it happens;
the ``got_request_exception`` signal comes first, so the signal marks the request and
``DatabaseUnavailableMiddleware`` (early in MIDDLEWARE) swaps the 500 for the 503.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Callable

from django.core.signals import got_request_exception
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
CODE = "database-unavailable"
TITLE = "De database is even niet bereikbaar. Probeer het over een paar seconden opnieuw."
# SQLSTATE 25006 read_only_sql_transaction: a write reached a server that is (now) a replica.
READ_ONLY_SQLSTATE = "25006"
# The ZGW APIs (and the reference lists) live at /<name>/api/v<n>/.
_API_PATH = re.compile(r"^/[a-z-]+/api/v\d+/")


def is_database_unavailable(exc: BaseException | None) -> bool:
    """Whether ``exc`` means the database cannot serve now (not that our query is wrong)."""
    if isinstance(exc, (OperationalError, InterfaceError)):
        return True
    if isinstance(exc, DatabaseError):
        cause = exc.__cause__
        return getattr(cause, "sqlstate", None) == READ_ONLY_SQLSTATE or getattr(cause, "pgcode", None) == (
            READ_ONLY_SQLSTATE
        )
    return False


def problem_body(instance: str = "urn:uuid:0") -> dict:
    """The ZGW ``Fout`` body of a 503."""
    return {
        "type": f"https://plus1.nl/zgw/fouten/{CODE}",
        "code": CODE,
        "title": TITLE,
        "status": 503,
        "detail": TITLE,
        "instance": instance,
    }


def unavailable_response(request: HttpRequest) -> HttpResponse:
    """503 with Retry-After: a ZGW problem body for the APIs, the Dutch page for the rest."""
    if _API_PATH.match(request.path):
        trace_id = getattr(getattr(request, "trace", None), "trace_id", "") or "0"
        response = HttpResponse(
            json.dumps(problem_body(f"urn:uuid:{trace_id}"), ensure_ascii=False),
            status=503,
            content_type="application/problem+json",
        )
    else:
        # Rendered without the request: its context processors would ask the database again.
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


_MARK = "plus1_database_unavailable"


def _mark_request(sender, request: HttpRequest | None = None, **kwargs) -> None:
    if request is not None and is_database_unavailable(sys.exc_info()[1]):
        setattr(request, _MARK, True)


got_request_exception.connect(_mark_request, dispatch_uid="plus1.core.dbfailure")


class DatabaseUnavailableMiddleware:
    """Turns the 500 of a request that met an unreachable database into a 503."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, _MARK, False):
            logger.warning("Database unavailable in %s %s: answered 503", request.method, request.path)
            return unavailable_response(request)
        return response
