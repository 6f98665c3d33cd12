"""Roltypen: the parts people and organisations play in a zaak of a zaaktype."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router

from plus1.catalog import services
from plus1.catalog.models import Catalogus, RolType

from ..common.auth import actor_for
from ..common.http import created
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Page
from . import expanded, schemas, serializers
from .reading import PART_FILTERS, add_read_operations, list_response, part_filters, parts, row, tenant_ids
from .writing import (
    CREATE_ERRORS,
    FORCED_WRITE,
    WRITE,
    api_names,
    change_part,
    delete_part,
    model_values,
    require_write,
    resolve,
    sent,
    zaaktype_for_part,
)

router = Router()

ROLTYPE_FIELDS = {"omschrijving": "omschrijving", "omschrijvingGeneriek": "generic"}


def roltypen(request: HttpRequest):
    return parts(request, RolType)


@router.get(
    "/roltypen",
    response={200: Page[expanded.RolTypeExpanded], **LIST_ERRORS},
    by_alias=True,
    summary="Alle ROLTYPEn opvragen.",
)
def roltype_list(
    request: HttpRequest,
    zaaktype: str | None = None,
    zaaktypeIdentificatie: str | None = None,
    omschrijvingGeneriek: str | None = None,
    status: str | None = None,
    datumGeldigheid: str | None = None,
    page: int | None = None,
    expand: str | None = None,
) -> HttpResponse:
    def build():
        queryset = part_filters(request, roltypen(request))
        if omschrijvingGeneriek:
            queryset = queryset.filter(generic=omschrijvingGeneriek)
        return queryset

    return list_response(request, PART_FILTERS | {"omschrijvingGeneriek"}, build, serializers.roltype_rows)


add_read_operations(
    router,
    collection="roltypen",
    name="roltype",
    label="ROLTYPE",
    schema=expanded.RolTypeExpanded,
    queryset=roltypen,
    rows=serializers.roltype_rows,
)


def _catalogus(request: HttpRequest, body: dict) -> dict:
    """The catalogus a body names (deprecated in Catalogi 1.3, checked against the zaaktype's)."""
    if body.get("catalogus") is None:
        return {}
    readable = Catalogus.objects.filter(tenant_id__in=tenant_ids(request))
    return {"catalogus": resolve(request, "catalogus", body["catalogus"], "catalogussen", readable)}


def _change(part: RolType, **values) -> RolType:
    return services.change_roltype(roltype=part, **values)


@router.post("/roltypen", response={201: schemas.RolType, **CREATE_ERRORS}, summary="Maak een ROLTYPE aan.")
def roltype_create(request: HttpRequest, payload: schemas.RolTypeIn) -> HttpResponse:
    access, forced = require_write(request, WRITE, FORCED_WRITE)
    roltype = api_names(
        ROLTYPE_FIELDS,
        services.create_roltype,
        zaaktype=zaaktype_for_part(request, payload.zaaktype),
        actor=actor_for(access),
        forced=forced,
        **model_values(ROLTYPE_FIELDS, payload.dict()),
        **_catalogus(request, payload.dict()),
    )
    return created(row(roltypen(request), roltype.uuid, serializers.roltype_rows))


@router.put(
    "/roltypen/{uuid}",
    response={200: schemas.RolType, **WRITE_ERRORS},
    summary="Werk een ROLTYPE in zijn geheel bij.",
)
def roltype_update(request: HttpRequest, uuid: str, payload: schemas.RolTypeIn) -> HttpResponse:
    body = payload.dict()
    return change_part(
        request,
        roltypen(request),
        uuid,
        ROLTYPE_FIELDS,
        body,
        serializers.roltype_rows,
        references=_catalogus(request, body),
        change=_change,
    )


@router.patch(
    "/roltypen/{uuid}",
    response={200: schemas.RolType, **WRITE_ERRORS},
    summary="Werk een ROLTYPE deels bij.",
)
def roltype_partial_update(request: HttpRequest, uuid: str, payload: schemas.PatchedRolType) -> HttpResponse:
    body = sent(payload)
    return change_part(
        request,
        roltypen(request),
        uuid,
        ROLTYPE_FIELDS,
        body,
        serializers.roltype_rows,
        references=_catalogus(request, body),
        change=_change,
    )


@router.delete("/roltypen/{uuid}", response={204: None, **READ_ERRORS}, summary="Verwijder een ROLTYPE.")
def roltype_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    return delete_part(request, RolType, uuid)
