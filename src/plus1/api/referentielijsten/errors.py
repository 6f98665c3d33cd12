"""ZGW error bodies (``Fout``, ``ValidatieFout``) as ``application/problem+json``.

Kept in this package until the shared ``plus1.api.common`` error body exists; then it moves there.
The shape is that of the ZGW standard (``#/components/schemas/Fout``): ``type``, ``code``,
``title``, ``status``, ``detail``, ``instance`` and, for a 400, ``invalidParams``.
"""

import json
import uuid

from django.http import HttpRequest, HttpResponse
from ninja import Schema

PROBLEM_JSON = "application/problem+json"


class FieldValidationError(Schema):
    name: str
    code: str
    reason: str


class Fout(Schema):
    type: str
    code: str
    title: str
    status: int
    detail: str
    instance: str


class ValidatieFout(Fout):
    invalidParams: list[FieldValidationError]


class InvalidQuery(Exception):
    """A query parameter has a value the operation cannot use; answers 400 with ``invalidParams``."""

    def __init__(self, *invalid_params: FieldValidationError) -> None:
        super().__init__(", ".join(param.name for param in invalid_params))
        self.invalid_params = list(invalid_params)


def invalid_params_of(errors: list[dict]) -> list[FieldValidationError]:
    """The ``invalidParams`` of django-ninja's (pydantic's) validation errors."""
    return [
        FieldValidationError(
            name=str(error["loc"][-1]) if error.get("loc") else "nonFieldErrors",
            code="invalid",
            reason=str(error.get("msg", "")),
        )
        for error in errors
    ]


def problem(
    request: HttpRequest,
    *,
    status: int,
    code: str,
    title: str,
    detail: str = "",
    invalid_params: list[FieldValidationError] | None = None,
) -> HttpResponse:
    # As in the reference implementations: the type names the error kind, the instance this answer.
    kind = "".join(word.capitalize() for word in code.split("_"))
    body: dict = {
        "type": request.build_absolute_uri(f"/ref/fouten/{kind}/"),
        "code": code,
        "title": title,
        "status": status,
        "detail": detail or title,
        "instance": f"urn:uuid:{uuid.uuid4()}",
    }
    if invalid_params is not None:
        body["invalidParams"] = [param.model_dump() for param in invalid_params]
    return HttpResponse(json.dumps(body), status=status, content_type=PROBLEM_JSON)


def not_found(request: HttpRequest, detail: str = "") -> HttpResponse:
    return problem(request, status=404, code="not_found", title="Niet gevonden.", detail=detail)


def invalid(request: HttpRequest, invalid_params: list[FieldValidationError]) -> HttpResponse:
    return problem(
        request,
        status=400,
        code="invalid",
        title="Invalid input.",
        detail="Een of meer parameters hebben een ongeldige waarde.",
        invalid_params=invalid_params,
    )
