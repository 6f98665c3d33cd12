"""Catalogussen: the catalog of an organisation, with the types in it."""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from ninja import Router

from plus1.cases.services.organisations import INVALID_ORGANISATION, acting_for_refusal
from plus1.catalog import services
from plus1.catalog.models import Catalogus
from plus1.tenants.selectors import may_register_for

from ..common.auth import actor_for
from ..common.errors import invalid
from ..common.http import created, json_response
from ..common.schemas import LIST_ERRORS, WRITE_ERRORS, Page
from . import expanded, schemas, serializers
from .reading import add_read_operations, catalogussen, csv, get, list_response, row
from .writing import CREATE_ERRORS, FORCED_WRITE, WRITE, api_names, model_values, own, require_write, sent

router = Router()

CATALOGUS_FIELDS = {
    "domein": "domein",
    "naam": "naam",
    "contactpersoonBeheerNaam": "contactpersoon",
    "contactpersoonBeheerEmailadres": "contact_email",
}


@router.get(
    "/catalogussen",
    response={200: Page[expanded.CatalogusExpanded], **LIST_ERRORS},
    by_alias=True,
    summary="Alle CATALOGUSsen opvragen.",
)
def catalogus_list(
    request: HttpRequest,
    domein: str | None = None,
    domein__in: str | None = None,
    rsin: str | None = None,
    rsin__in: str | None = None,
    page: int | None = None,
    expand: str | None = None,
) -> HttpResponse:
    def build():
        queryset = catalogussen(request)
        if domein:
            queryset = queryset.filter(domein=domein)
        if domein__in:
            queryset = queryset.filter(domein__in=csv(request, "domein__in"))
        if rsin:
            queryset = queryset.filter(_with_rsin([rsin]))
        if rsin__in:
            queryset = queryset.filter(_with_rsin(csv(request, "rsin__in")))
        return queryset

    return list_response(
        request, {"domein", "domein__in", "rsin", "rsin__in"}, build, serializers.catalogus_rows
    )


def _with_rsin(values: list[str]) -> Q:
    """The catalogussen answered with one of these RSINs: their own, or else their organisation's."""
    return Q(rsin__in=values) | Q(rsin="", tenant__rsin__in=values)


add_read_operations(
    router,
    collection="catalogussen",
    name="catalogus",
    label="CATALOGUS",
    schema=expanded.CatalogusExpanded,
    queryset=catalogussen,
    rows=serializers.catalogus_rows,
)


def _catalogus_values(request: HttpRequest, values: dict) -> dict:
    # Isolation, with the same rule and words as zaken, documenten and besluiten: a catalogus is in
    # the name of the application's own organisation, or of one it holds a mandate for.
    if "rsin" in values and not may_register_for(request.tenant, values["rsin"]):
        raise invalid("rsin", INVALID_ORGANISATION, acting_for_refusal(request.tenant, what="catalogussen"))
    result = model_values(CATALOGUS_FIELDS, values)
    if "contact_email" in result and result["contact_email"] is None:
        result["contact_email"] = ""
    if "rsin" in values:
        # Blank is the own organisation's RSIN: the answer follows a later change of it.
        result["rsin"] = "" if values["rsin"] == request.tenant.rsin else values["rsin"]
    if "naam" in result and not result["naam"]:
        result["naam"] = values.get("domein") or ""
    return result


@router.post(
    "/catalogussen", response={201: schemas.Catalogus, **CREATE_ERRORS}, summary="Maak een CATALOGUS aan."
)
def catalogus_create(request: HttpRequest, payload: schemas.CatalogusIn) -> HttpResponse:
    access, _forced = require_write(request, WRITE)
    values = _catalogus_values(request, payload.dict())
    values.setdefault("naam", payload.domein)
    catalogus = api_names(
        CATALOGUS_FIELDS, services.create_catalogus, tenant=request.tenant, actor=actor_for(access), **values
    )
    return created(row(catalogussen(request), catalogus.uuid, serializers.catalogus_rows))


def _change_catalogus(request: HttpRequest, uuid: str, values: dict) -> HttpResponse:
    access, _forced = require_write(request, WRITE, FORCED_WRITE)
    catalogus: Catalogus = get(catalogussen(request), uuid)
    own(request, catalogus)
    catalogus = api_names(
        CATALOGUS_FIELDS,
        services.change_catalogus,
        catalogus=catalogus,
        actor=actor_for(access),
        **_catalogus_values(request, values),
    )
    return json_response(row(catalogussen(request), catalogus.uuid, serializers.catalogus_rows))


@router.put(
    "/catalogussen/{uuid}",
    response={200: schemas.Catalogus, **WRITE_ERRORS},
    summary="Werk een CATALOGUS in zijn geheel bij.",
)
def catalogus_update(request: HttpRequest, uuid: str, payload: schemas.CatalogusIn) -> HttpResponse:
    return _change_catalogus(request, uuid, payload.dict())


@router.patch(
    "/catalogussen/{uuid}",
    response={200: schemas.Catalogus, **WRITE_ERRORS},
    summary="Werk een CATALOGUS deels bij.",
)
def catalogus_partial_update(
    request: HttpRequest, uuid: str, payload: schemas.PatchedCatalogus
) -> HttpResponse:
    return _change_catalogus(request, uuid, sent(payload))
