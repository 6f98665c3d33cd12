"""The request gate of the ZGW APIs: what every request must be before any view sees it.

One place refuses, for all six APIs, in the ZGW error shape:

- NUL or a lone surrogate in the path, a query parameter or any string of a JSON body: 400
  (``text``); ``NaN``/``Infinity`` and invalid UTF-8 in a JSON body: 400;
- a body larger than ``PLUS1_API_MAX_BODY_BYTES``: 413, before it is read;
- a body of POST, PUT or PATCH in another media type than the standard declares for that
  operation (``application/json``; the bestandsdelen take form data): 415;
- a chunked body (no ``Content-Length``) when the server cannot tell where it ends: 411.

The JSON body is read and parsed here once; ``ZgwParser`` hands that result to ninja.
"""

from __future__ import annotations

import functools
import io
import json
import math
import re

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.core.files.uploadhandler import load_handler
from django.http import HttpRequest, QueryDict
from django.http.multipartparser import MultiPartParser, MultiPartParserError
from ninja.parser import Parser
from ninja.types import DictStrAny

from .errors import ApiError
from .text import unstorable_reason, unstorable_strings

BODY_METHODS = {"POST", "PUT", "PATCH"}
JSON = "application/json"
# Where the parsed JSON body waits for ``ZgwParser``.
PARSED_BODY = "zgw_parsed_body"
_READ_CHUNK = 64 * 1024


def _refuse_constant(name: str) -> None:
    # Python's json reads NaN, Infinity and -Infinity; JSON (RFC 8259) has no such numbers.
    raise ValueError(f"{name} is geen JSON-getal")


def _finite_float(text: str) -> float:
    # 1e400 is valid JSON that Python reads as infinity: as unusable as Infinity itself.
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"{text} is geen JSON-getal dat wij kunnen lezen")
    return number


@functools.cache
def _declared_media_types() -> dict[str, list[tuple[str, re.Pattern, frozenset[str]]]]:
    """API name -> (METHOD, path pattern, request media types) where the standard declares
    other types than only ``application/json``. Every other operation takes JSON."""
    from plus1.api.registry import APIS, official_document

    found: dict[str, list[tuple[str, re.Pattern, frozenset[str]]]] = {}
    for name in APIS:
        document = official_document(name)
        for path, item in (document.get("paths") or {}).items():
            for method, operation in item.items():
                if not isinstance(operation, dict) or "requestBody" not in operation:
                    continue
                types = frozenset(operation["requestBody"].get("content", {}))
                if types and types != {JSON}:
                    pattern = re.compile(re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(path)) + "/?")
                    found.setdefault(name, []).append((method.upper(), pattern, types))
    return found


def media_types_for(method: str, path: str) -> frozenset[str]:
    """The request media types the standard declares for this operation."""
    parts = path.split("/", 4)  # "", name, "api", "v1", rest
    if len(parts) == 5:
        for declared_method, pattern, types in _declared_media_types().get(parts[1], ()):
            if declared_method == method and pattern.fullmatch("/" + parts[4]):
                return types
    return frozenset({JSON})


def _content_length(request: HttpRequest) -> int | None:
    value = request.META.get("CONTENT_LENGTH")
    if value in (None, ""):
        return None
    try:
        length = int(value)
    except ValueError:
        raise ApiError(400, "invalid", "De header Content-Length is geen getal.") from None
    if length < 0:
        raise ApiError(400, "invalid", "De header Content-Length is negatief.")
    return length


def _too_large(limit: int) -> ApiError:
    return ApiError(
        413,
        detail=f"De inhoud van het verzoek is groter dan {limit} bytes. Stuur een groot document "
        "in bestandsdelen.",
    )


def _read_chunked(request: HttpRequest, limit: int) -> bytes:
    """The whole body of a chunked request, from a server that ends the input at its end."""
    if not request.META.get("wsgi.input_terminated"):
        # The server passes the raw connection: reading on would wait for the next request.
        raise ApiError(411, detail="Stuur de header Content-Length mee.")
    stream = request.META["wsgi.input"]
    chunks, size = [], 0
    while chunk := stream.read(_READ_CHUNK):
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _use_body(request: HttpRequest, body: bytes) -> None:
    # Django reads the body lazily and caps it at DATA_UPLOAD_MAX_MEMORY_SIZE, the limit of the
    # portal's forms. The API's own limit has been applied here, so the body read here is the
    # one Django (and ninja's multipart parsing) uses from now on.
    request._body = body
    request.META["CONTENT_LENGTH"] = str(len(body))


def _check_text(request: HttpRequest) -> None:
    if unstorable_reason(request.path):
        raise ApiError(
            400,
            "invalid",
            "Het pad bevat een teken dat wij niet kunnen lezen.",
            invalid_params=[("nonFieldErrors", "invalid", unstorable_reason(request.path) or "")],
        )
    try:
        parameters = list(request.GET.lists())
    except SuspiciousOperation:
        # More parameters than DATA_UPLOAD_MAX_NUMBER_FIELDS.
        raise ApiError(400, "invalid", "Het verzoek heeft te veel parameters.") from None
    problems = []
    for key, values in parameters:
        reason = unstorable_reason(key) or next(filter(None, map(unstorable_reason, values)), None)
        if reason:
            # A bad key cannot be named back to the client: it would not encode either.
            problems.append((key if not unstorable_reason(key) else "nonFieldErrors", "invalid", reason))
    if problems:
        raise ApiError(400, "invalid", "Niet alle parameters zijn geldig.", invalid_params=problems)


def _parse_json(body: bytes) -> object:
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ApiError(
            400,
            "parse_error",
            "De invoer is geen geldige JSON.",
            invalid_params=[("nonFieldErrors", "parse_error", "De invoer is geen geldige UTF-8.")],
        ) from None
    try:
        data = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except (ValueError, RecursionError) as exc:
        reason = str(exc) if isinstance(exc, ValueError) and "JSON-getal" in str(exc) else ""
        raise ApiError(
            400,
            "parse_error",
            "De invoer is geen geldige JSON.",
            invalid_params=[("nonFieldErrors", "parse_error", reason or "De invoer is geen geldige JSON.")],
        ) from None
    problems = [(name, "invalid", reason) for name, reason in unstorable_strings(data)]
    if problems:
        raise ApiError(400, "invalid", "Niet alle gegevens zijn geldig.", invalid_params=problems)
    return data


def check_request(request: HttpRequest) -> None:
    """Raise ``ApiError`` for a request no operation of ours may see; read its body."""
    _check_text(request)
    limit = settings.PLUS1_API_MAX_BODY_BYTES
    length = _content_length(request)
    if length is not None and length > limit:
        raise _too_large(limit)
    chunked = length is None and "chunked" in request.headers.get("Transfer-Encoding", "").lower()
    if not (length or chunked) or request.method not in BODY_METHODS:
        # No body, or one no operation of ours reads (a GET or DELETE never has one).
        return
    allowed = media_types_for(request.method, request.path)
    if request.content_type not in allowed:
        raise ApiError(415, detail=f"Stuur de inhoud als {' of '.join(sorted(allowed))}.")
    charset = request.content_params.get("charset", "utf-8").lower()
    if request.content_type == JSON and charset not in ("utf-8", "utf8"):
        raise ApiError(415, detail="Stuur JSON in UTF-8 (charset=utf-8).")
    body = _read_chunked(request, limit) if chunked else request.read()
    _use_body(request, body)
    if request.content_type == JSON:
        setattr(request, PARSED_BODY, _parse_json(body))
    else:
        _check_form(request, body)


def _check_form(request: HttpRequest, body: bytes) -> None:
    """Read a form body (the bestandsdelen) once here, where a malformed one can be refused.

    Django parses it again for the operation (ninja's ``fix_request_files_middleware``, from
    the body kept in memory); a failure there would be a 500 or an HTML page, not a ZGW body.
    """
    try:
        if request.content_type == "multipart/form-data":
            handlers = [load_handler(path, request) for path in settings.FILE_UPLOAD_HANDLERS]
            _fields, files = MultiPartParser(request.META, io.BytesIO(body), handlers).parse()
            for uploaded in files.values():
                uploaded.close()
        else:
            QueryDict(body, encoding=request.encoding)
    except RequestDataTooBig:
        raise ApiError(413, detail="De velden naast het bestand zijn samen te groot.") from None
    except (MultiPartParserError, SuspiciousOperation, ValueError):
        raise ApiError(400, "invalid", "Het formulier in het verzoek is niet te lezen.") from None


class ZgwParser(Parser):
    """Ninja's JSON parser, handing over the body the gate has parsed and checked."""

    def parse_body(self, request: HttpRequest) -> DictStrAny:
        if not hasattr(request, PARSED_BODY):
            # Not through the gate (a direct call in a test): the same rules here.
            setattr(request, PARSED_BODY, _parse_json(request.body))
        return getattr(request, PARSED_BODY)
