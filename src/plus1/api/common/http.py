"""Response helpers: JSON with ETag/If-None-Match/HEAD, Location on create, and the CRS headers."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse

from .errors import ApiError

CRS = "EPSG:4326"


# The last line of defence behind the expand limits (``expand.MAX_BYTES``) and the page size:
# no JSON answer of any API is sent above this, whatever a later change lets a request ask for.
MAX_ANSWER_BYTES = 20 * 1024 * 1024


def dumps(data: Any) -> bytes:
    """The JSON of an answer; an answer over ``MAX_ANSWER_BYTES`` becomes a 400 that says why."""
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":")).encode()
    if len(body) > MAX_ANSWER_BYTES:
        raise ApiError(
            400,
            "answer-too-large",
            "Het antwoord wordt te groot. Vraag minder tegelijk op: minder expand of een kleinere selectie.",
            invalid_params=[("nonFieldErrors", "answer-too-large", "Het antwoord wordt te groot.")],
        )
    return body


def json_response(data: Any, *, status: int = 200, headers: dict[str, str] | None = None) -> HttpResponse:
    response = HttpResponse(dumps(data), status=status, content_type="application/json")
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def created(data: dict, *, headers: dict[str, str] | None = None) -> HttpResponse:
    """201 with the object and a ``Location`` header pointing at it."""
    return json_response(data, status=201, headers={"Location": data["url"], **(headers or {})})


def no_content() -> HttpResponse:
    return HttpResponse(status=204)


def etag_of(body: bytes) -> str:
    return '"' + hashlib.md5(body, usedforsecurity=False).hexdigest() + '"'


def is_not_modified(request: HttpRequest, etag: str) -> bool:
    """Whether the request's ``If-None-Match`` names ``etag`` (or ``*``)."""
    wanted = request.headers.get("If-None-Match", "")
    return bool(wanted) and (
        wanted.strip() == "*" or etag in [tag.strip().removeprefix("W/") for tag in wanted.split(",")]
    )


def detail_response(
    request: HttpRequest, data: Any, *, headers: dict[str, str] | None = None
) -> HttpResponse:
    """200 with an ``ETag`` over the JSON; 304 when ``If-None-Match`` names it; no body on HEAD."""
    body = dumps(data)
    etag = etag_of(body)
    extra = {"ETag": etag, **(headers or {})}
    if is_not_modified(request, etag):
        response = HttpResponse(status=304)
    elif request.method == "HEAD":
        response = HttpResponse(status=200, content_type="application/json")
    else:
        response = HttpResponse(body, status=200, content_type="application/json")
    for name, value in extra.items():
        response[name] = value
    return response


def check_crs(request: HttpRequest, *, accept: bool = True, content: bool = False) -> None:
    """The Zaken API's CRS headers: missing gives 412, another CRS than EPSG:4326 gives 406."""
    for header, needed in (("Accept-Crs", accept), ("Content-Crs", content)):
        if not needed:
            continue
        value = request.headers.get(header)
        if value is None:
            raise ApiError(412, "precondition_failed", f"De header {header} ontbreekt (gebruik {CRS}).")
        if value.strip() != CRS:
            raise ApiError(406, "not_acceptable", f"Alleen {CRS} wordt ondersteund in {header}.")
