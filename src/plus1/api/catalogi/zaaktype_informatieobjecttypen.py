"""Zaaktype-informatieobjecttypen: which kinds of document a zaaktype uses, in which direction."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router

from plus1.catalog import services
from plus1.catalog.models import InformatieObjectType, StatusType, ZaakType, ZaakTypeInformatieObjectType

from ..common.auth import actor_for
from ..common.errors import invalid
from ..common.http import created
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Page
from . import expanded, schemas, serializers
from .reading import add_read_operations, get, list_response, parts, row, status_q, url_param
from .writing import (
    CREATE_ERRORS,
    FORCED_WRITE,
    WRITE,
    api_names,
    change_part,
    delete_part,
    own,
    require_write,
    resolve_parts,
    sent,
    zaaktype_for_part,
)

router = Router()

ZIOT_CHANGE_FIELDS = {
    "volgnummer": "volgnummer",
    "richting": "direction",
    "informatieobjecttype": "informatieobjecttype",
    "statustype": "statustype",
}


def links(request: HttpRequest):
    return parts(request, ZaakTypeInformatieObjectType, "informatieobjecttype", "statustype")


def _iot(request: HttpRequest, zaaktype: ZaakType, omschrijving: str) -> InformatieObjectType:
    """The newest version with this omschrijving in the zaaktype's catalogus (ztc-013)."""
    iot = (
        InformatieObjectType.objects.for_tenant(request.tenant)
        .filter(catalogus_id=zaaktype.process.catalogus_id, omschrijving=omschrijving)
        .order_by("-valid_from")
        .first()
    )
    if iot is None:
        raise invalid(
            "informatieobjecttype",
            "relations-incorrect-catalogus",
            "Er is geen informatieobjecttype met deze omschrijving in de catalogus van het zaaktype.",
        )
    return iot


def _statustype(request: HttpRequest, body: dict) -> dict:
    if "statustype" not in body:
        return {}
    url = body["statustype"]
    return {
        "statustype": resolve_parts(request, "statustype", [url], "statustypen", StatusType)[0]
        if url
        else None
    }


def _change(request: HttpRequest, uuid: str, body: dict) -> HttpResponse:
    link = get(links(request), uuid)
    own(request, link.zaaktype)
    references = _statustype(request, body)
    if body.get("informatieobjecttype") is not None:
        references["informatieobjecttype"] = _iot(request, link.zaaktype, body["informatieobjecttype"])
    values = {name: value for name, value in body.items() if name in {"zaaktype", "volgnummer", "richting"}}
    return change_part(
        request,
        links(request),
        uuid,
        ZIOT_CHANGE_FIELDS,
        values,
        serializers.zaaktype_informatieobjecttype_rows,
        references=references,
        change=lambda part, **kwargs: services.change_informatieobjecttype_link(link=part, **kwargs),
    )


@router.get(
    "/zaaktype-informatieobjecttypen",
    response={200: Page[expanded.ZaakTypeInformatieObjectTypeExpanded], **LIST_ERRORS},
    by_alias=True,
    summary="Alle ZAAKTYPE-INFORMATIEOBJECTTYPE relaties opvragen.",
)
def zaaktype_informatieobjecttype_list(
    request: HttpRequest,
    zaaktype: str | None = None,
    informatieobjecttype: str | None = None,
    richting: str | None = None,
    status: str | None = None,
    page: int | None = None,
    expand: str | None = None,
) -> HttpResponse:
    def build():
        queryset = links(request)
        zaaktype_uuid = url_param(request, "zaaktype", "zaaktypen")
        if zaaktype_uuid:
            queryset = queryset.filter(zaaktype__uuid=zaaktype_uuid)
        iot_uuid = url_param(request, "informatieobjecttype", "informatieobjecttypen")
        if iot_uuid:
            queryset = queryset.filter(informatieobjecttype__uuid=iot_uuid)
        if richting:
            queryset = queryset.filter(direction=richting)
        # "status" is about both ends: definitief when both are published, concept when either is not.
        both = status_q(request, "zaaktype__status") & status_q(request, "informatieobjecttype__status")
        if request.GET.get("status") == "concept":
            both = status_q(request, "zaaktype__status") | status_q(request, "informatieobjecttype__status")
        return queryset.filter(both).order_by("zaaktype_id", "volgnummer")

    return list_response(
        request,
        {"zaaktype", "informatieobjecttype", "richting", "status"},
        build,
        serializers.zaaktype_informatieobjecttype_rows,
    )


add_read_operations(
    router,
    collection="zaaktype-informatieobjecttypen",
    name="zaaktype_informatieobjecttype",
    label="ZAAKTYPE-INFORMATIEOBJECTTYPE relatie",
    schema=expanded.ZaakTypeInformatieObjectTypeExpanded,
    queryset=links,
    rows=serializers.zaaktype_informatieobjecttype_rows,
)


@router.post(
    "/zaaktype-informatieobjecttypen",
    response={201: schemas.ZaakTypeInformatieObjectType, **CREATE_ERRORS},
    summary="Maak een ZAAKTYPE-INFORMATIEOBJECTTYPE relatie aan.",
)
def zaaktype_informatieobjecttype_create(
    request: HttpRequest, payload: schemas.ZaakTypeInformatieObjectTypeIn
) -> HttpResponse:
    access, forced = require_write(request, WRITE, FORCED_WRITE)
    zaaktype = zaaktype_for_part(request, payload.zaaktype)
    iot = _iot(request, zaaktype, payload.informatieobjecttype)
    link = api_names(
        ZIOT_CHANGE_FIELDS,
        services.link_informatieobjecttype,
        zaaktype=zaaktype,
        informatieobjecttype=iot,
        actor=actor_for(access),
        forced=forced,
        volgnummer=payload.volgnummer,
        direction=payload.richting,
        **_statustype(request, payload.dict()),
    )
    return created(row(links(request), link.uuid, serializers.zaaktype_informatieobjecttype_rows))


@router.patch(
    "/zaaktype-informatieobjecttypen/{uuid}",
    response={200: schemas.ZaakTypeInformatieObjectType, **WRITE_ERRORS},
    summary="Werk een ZAAKTYPE-INFORMATIEOBJECTTYPE relatie deels bij.",
)
def zaaktype_informatieobjecttype_partial_update(
    request: HttpRequest, uuid: str, payload: schemas.PatchedZaakTypeInformatieObjectType
) -> HttpResponse:
    return _change(request, uuid, sent(payload))


@router.put(
    "/zaaktype-informatieobjecttypen/{uuid}",
    response={200: schemas.ZaakTypeInformatieObjectType, **WRITE_ERRORS},
    summary="Werk een ZAAKTYPE-INFORMATIEOBJECTTYPE relatie in zijn geheel bij.",
)
def zaaktype_informatieobjecttype_update(
    request: HttpRequest, uuid: str, payload: schemas.ZaakTypeInformatieObjectTypeIn
) -> HttpResponse:
    return _change(request, uuid, payload.dict())


@router.delete(
    "/zaaktype-informatieobjecttypen/{uuid}",
    response={204: None, **READ_ERRORS},
    summary="Verwijder een ZAAKTYPE-INFORMATIEOBJECTTYPE relatie.",
)
def zaaktype_informatieobjecttype_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    return delete_part(request, ZaakTypeInformatieObjectType, uuid)
