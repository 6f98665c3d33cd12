"""Lookups the routers of a zaak's related resources share: the zaak of a URL, what a client
may see (zrc-006), one object by uuid, and URLs to other APIs that are checked but not fetched."""

from __future__ import annotations

import uuid as uuid_module
from typing import Annotated, TypeVar
from urllib.parse import urlsplit

from django.db.models import Model, QuerySet
from django.http import HttpRequest
from pydantic import AfterValidator, Field

from plus1.apiclients.access import ClientAccess
from plus1.cases.models import Zaak
from plus1.core import zgw

from ..common.auth import client, require_for_object
from ..common.errors import invalid, not_found

ZRC = "zrc"
READ = "zaken.lezen"
UPDATE = "zaken.bijwerken"
FORCE = "zaken.geforceerd-bijwerken"

M = TypeVar("M", bound=Model)


def _check_url(value: str) -> str:
    """An absolute http(s) URL with a host. Hosts without a dot count too: between the systems
    of a gemeente, ``http://klantinteracties:8000/...`` is a real address (Django's
    ``URLValidator`` would refuse it)."""
    try:
        parts = urlsplit(value)
        _port = parts.port  # raises ValueError on a port that is not a number
        valid = parts.scheme in ("http", "https") and bool(parts.hostname)
        valid = valid and not any(char.isspace() for char in value)
    except ValueError:
        valid = False
    if not valid:
        raise ValueError("Dit is geen geldige URL.")
    return value


# A reference by URL (format uri), kept as the client sent it.
Url = Annotated[
    str, Field(min_length=1, max_length=1000, json_schema_extra={"format": "uri"}), AfterValidator(_check_url)
]


def visible(request: HttpRequest, model: type[M]) -> QuerySet[M]:
    """The rows of this gemeente on zaken the client may read (zrc-006), filtered in the query."""
    access = client(request)
    return (
        model.objects.filter(tenant=request.tenant)  # type: ignore[attr-defined]
        .filter(
            access.filter_q(
                ZRC, READ, type_field="zaak__zaaktype_id", confidentiality_field="zaak__confidentiality"
            )
        )
        .select_related("zaak__zaaktype")
    )


def get_part(request: HttpRequest, model: type[M], uuid: str, *scopes: str) -> M:
    """One row of this gemeente by uuid (404 otherwise), if the client holds a scope for its zaak."""
    try:
        found = uuid_module.UUID(uuid)
    except ValueError:
        raise not_found() from None
    obj = (
        model.objects.filter(tenant=request.tenant)  # type: ignore[attr-defined]
        .select_related("zaak__zaaktype")
        .filter(uuid=found)
        .first()
    )
    if obj is None:
        raise not_found()
    require_for_object(
        request, ZRC, *scopes, type_id=obj.zaak.zaaktype_id, confidentiality=obj.zaak.confidentiality
    )
    return obj


def zaak_from_url(request: HttpRequest, value: str, name: str = "zaak") -> Zaak:
    """The zaak of this gemeente a URL points at; 400 on ``name`` otherwise."""
    found = zgw.uuid_from_url(value, "zaken", "zaken")
    zaak = (
        Zaak.objects.for_tenant(request.tenant).select_related("zaaktype").filter(uuid=found).first()
        if found
        else None
    )
    if zaak is None:
        raise invalid(name, "bad-url", "Deze zaak bestaat niet (of hoort bij een andere gemeente).")
    return zaak


def for_zaak(queryset: QuerySet[M], value: str | None) -> QuerySet[M]:
    """Filter on the zaak's URL; a URL that is not one of our zaken matches nothing."""
    if value is None:
        return queryset
    found = zgw.uuid_from_url(value, "zaken", "zaken")
    return queryset.filter(zaak__uuid=found) if found else queryset.none()


def require_for_zaak(request: HttpRequest, zaak: Zaak, *scopes: str) -> ClientAccess:
    return require_for_object(
        request, ZRC, *scopes, type_id=zaak.zaaktype_id, confidentiality=zaak.confidentiality
    )


def may_change_closed(access: ClientAccess, zaak: Zaak) -> bool:
    """zrc-007: a closed zaak changes only with zaken.geforceerd-bijwerken for its zaaktype."""
    return access.allows(ZRC, FORCE, type_id=zaak.zaaktype_id, confidentiality=zaak.confidentiality)


def zulu(value) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None
