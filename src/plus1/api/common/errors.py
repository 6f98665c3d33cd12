"""ZGW error bodies (``Fout``, ``ValidatieFout``) as ``application/problem+json``.

Every error of every API leaves here in the shape of the standard, in plain Dutch, with the
codes the reference implementations use, so a client can act on ``code`` alone.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import DatabaseError, DataError, InterfaceError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from plus1.core import dbfailure
from plus1.core.exceptions import FieldProblem, NotAllowed

logger = logging.getLogger(__name__)

TITLES = {
    400: "Ongeldige invoer.",
    401: "Niet ingelogd.",
    403: "U heeft geen toestemming voor deze actie.",
    404: "Niet gevonden.",
    405: "Methode niet toegestaan.",
    406: "Dit antwoordformaat kunnen wij niet leveren.",
    409: "Conflict.",
    410: "Dit object bestaat niet meer.",
    411: "De lengte van de inhoud ontbreekt.",
    412: "Niet voldaan aan de voorwaarde.",
    413: "De inhoud van het verzoek is te groot.",
    415: "Dit formaat van de invoer kunnen wij niet lezen.",
    429: "Te veel verzoeken. Probeer het later opnieuw.",
    500: "Er ging iets mis aan onze kant.",
}
CODES = {
    400: "invalid",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    410: "gone",
    411: "length_required",
    412: "precondition_failed",
    413: "content_too_large",
    415: "unsupported_media_type",
    429: "throttled",
    500: "error",
}


class ApiError(Exception):
    """An error answer: status, ZGW ``code``, and optionally ``invalidParams``."""

    def __init__(
        self,
        status: int,
        code: str | None = None,
        detail: str = "",
        *,
        invalid_params: Sequence[tuple[str, str, str]] = (),
        title: str | None = None,
    ):
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.detail = detail or TITLES.get(status, "")
        self.title = title or TITLES.get(status, "")
        self.invalid_params = list(invalid_params)
        super().__init__(self.detail)


def invalid(name: str, code: str, reason: str) -> ApiError:
    """A 400 about one field."""
    return ApiError(400, "invalid", reason, invalid_params=[(name, code, reason)])


def not_found(detail: str = "Niet gevonden.") -> ApiError:
    return ApiError(404, "not_found", detail)


def denied(detail: str = "U heeft geen toestemming voor deze actie.") -> ApiError:
    return ApiError(403, "permission_denied", detail)


def problem_response(request: HttpRequest, error: ApiError) -> HttpResponse:
    body: dict = {
        "type": f"https://plus1.nl/zgw/fouten/{error.code}",
        "code": error.code,
        "title": error.title,
        "status": error.status,
        "detail": error.detail,
        "instance": f"urn:uuid:{getattr(getattr(request, 'trace', None), 'trace_id', '') or '0'}",
    }
    if error.status == 400:
        body["invalidParams"] = [
            {"name": name, "code": code, "reason": reason} for name, code, reason in error.invalid_params
        ]
    return HttpResponse(
        json.dumps(body, ensure_ascii=False), status=error.status, content_type="application/problem+json"
    )


# snake_case to camelCase, leaving the standard's double underscores (``uuid__in``) alone.
_CAMEL = re.compile(r"(?<![_])_([a-z])")

PYDANTIC_CODES = {
    "missing": "required",
    "enum": "invalid_choice",
    "literal_error": "invalid_choice",
    "string_too_long": "max_length",
    "string_too_short": "min_length",
    "url_parsing": "invalid",
    "url_type": "invalid",
    "int_parsing": "invalid",
    "date_from_datetime_parsing": "invalid",
    "date_parsing": "invalid",
    "datetime_parsing": "invalid",
    "uuid_parsing": "invalid",
    "json_invalid": "parse_error",
    "extra_forbidden": "unknown-parameters",
}

# Reasons in plain Dutch for the validation failures that clients meet most.
PYDANTIC_REASONS = {
    "missing": "Dit veld is verplicht.",
    "enum": "Deze waarde is geen geldige keuze.",
    "literal_error": "Deze waarde is geen geldige keuze.",
    "string_too_long": "Deze waarde is te lang.",
    "string_too_short": "Deze waarde is te kort.",
    "url_parsing": "Dit is geen geldige URL.",
    "int_parsing": "Dit is geen geldig getal.",
    "date_parsing": "Dit is geen geldige datum (JJJJ-MM-DD).",
    "date_from_datetime_parsing": "Dit is geen geldige datum (JJJJ-MM-DD).",
    "datetime_parsing": "Dit is geen geldig tijdstip (ISO 8601).",
    "uuid_parsing": "Dit is geen geldige UUID.",
    "json_invalid": "De invoer is geen geldige JSON.",
    "extra_forbidden": "Deze parameter kennen wij niet.",
    "bool_parsing": "Dit is geen geldige waarde voor ja/nee (true/false).",
}

# The names ninja gives the parameters of our operations; they never reach a client.
_PARAM_NAMES = {"payload", "filters", "query", "data", "body"}


def _field_name(loc: Sequence) -> str:
    parts = list(loc)
    if parts and parts[0] in ("body", "query", "path", "header", "form", "file"):
        parts = parts[1:]
    if parts and parts[0] in _PARAM_NAMES:
        parts = parts[1:]
    name = ".".join(str(part) for part in parts) or "nonFieldErrors"
    return (
        _CAMEL.sub(lambda m: m.group(1).upper(), name) if "_" in name and name != "nonFieldErrors" else name
    )


def from_validation_error(exc: ValidationError) -> ApiError:
    params = []
    for error in exc.errors:
        kind = error.get("type", "invalid")
        message = str(error.get("msg", ""))
        # Our own validators raise ValueError("<Dutch reason>"): pydantic prefixes "Value error, ".
        reason = (
            message.removeprefix("Value error, ") if kind == "value_error" else PYDANTIC_REASONS.get(kind)
        )
        params.append(
            (_field_name(error.get("loc", ())), PYDANTIC_CODES.get(kind, "invalid"), reason or message)
        )
    return ApiError(400, "invalid", "Niet alle gegevens zijn geldig.", invalid_params=params)


def install(api: NinjaAPI) -> None:
    """Let ``api`` answer every error in the ZGW shape."""

    @api.exception_handler(ApiError)
    def on_api_error(request, exc: ApiError):
        return problem_response(request, exc)

    @api.exception_handler(ValidationError)
    def on_validation_error(request, exc: ValidationError):
        return problem_response(request, from_validation_error(exc))

    @api.exception_handler(FieldProblem)
    def on_field_problem(request, exc: FieldProblem):
        return problem_response(
            request, ApiError(400, "invalid", "Niet alle gegevens zijn geldig.", invalid_params=exc.problems)
        )

    @api.exception_handler(AuthenticationError)
    def on_authentication_error(request, exc):
        return problem_response(
            request, ApiError(403, "not_authenticated", "Stuur een geldig JWT mee (Authorization: Bearer).")
        )

    @api.exception_handler(NotAllowed)
    def on_not_allowed(request, exc):
        return problem_response(request, ApiError(403, "permission_denied", str(exc) or TITLES[403]))

    @api.exception_handler(PermissionDenied)
    def on_permission_denied(request, exc):
        return problem_response(request, ApiError(403, "permission_denied", TITLES[403]))

    @api.exception_handler(Http404)
    def on_404(request, exc):
        return problem_response(request, not_found())

    @api.exception_handler(ObjectDoesNotExist)
    def on_does_not_exist(request, exc):
        return problem_response(request, not_found())

    @api.exception_handler(HttpError)
    def on_http_error(request, exc: HttpError):
        return problem_response(request, ApiError(exc.status_code, detail=str(exc)))

    @api.exception_handler(DataError)
    def on_data_error(request, exc):
        # The database refused a value the schema let through (an out-of-range offset or
        # number): bad input, not our failure. The request's transaction is rolled back.
        logger.info("Database refused a value in %s %s: %s", request.method, request.path, exc)
        return problem_response(
            request,
            ApiError(
                400,
                "invalid",
                "Een van de waarden kan niet worden opgeslagen of gezocht.",
                invalid_params=[("nonFieldErrors", "invalid", "Een van de waarden valt buiten het bereik.")],
            ),
        )

    @api.exception_handler(DatabaseError)
    @api.exception_handler(InterfaceError)
    def on_database_error(request, exc):
        # Unreachable, failing over, or a leader turned replica: 503 with Retry-After (the
        # transaction was rolled back); any other database error is ours, a 500.
        if dbfailure.is_database_unavailable(exc):
            logger.warning("Database unavailable in %s %s: %s", request.method, request.path, exc)
            return dbfailure.unavailable_response(request)
        return on_unexpected(request, exc)

    @api.exception_handler(Exception)
    def on_unexpected(request, exc):
        logger.exception("Unexpected error in %s %s", request.method, request.path)
        return problem_response(request, ApiError(500))
