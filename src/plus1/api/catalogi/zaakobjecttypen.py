"""Zaakobjecttypen: the kinds of object (a tree, a building) a zaak of a zaaktype is about.

A part of its zaaktype like a statustype: changed only while the zaaktype is a concept
(ztc-010), in the zaaktype's own catalogus (ztc-013), with the zaaktype's validity.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router

from plus1.catalog import services
from plus1.catalog.models import Catalogus, ZaakObjectType

from ..common.auth import actor_for
from ..common.errors import invalid
from ..common.http import created, json_response
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Page
from . import expanded, schemas, serializers
from .reading import add_read_operations, date_param, get, list_response, parts, row, url_param, valid_on_q
from .writing import (
    CREATE_ERRORS,
    FORCED_WRITE,
    WRITE,
    api_names,
    delete_part,
    keep_zaaktype,
    model_values,
    own,
    require_write,
    resolve,
    sent,
    zaaktype_for_part,
)

router = Router()

ZAAKOBJECTTYPE_FIELDS = {
    "anderObjecttype": "is_other_objecttype",
    "objecttype": "objecttype",
    "relatieOmschrijving": "relatie_omschrijving",
}
LIST_FILTERS = {
    "anderObjecttype",
    "catalogus",
    "datumBeginGeldigheid",
    "datumEindeGeldigheid",
    "datumGeldigheid",
    "objecttype",
    "relatieOmschrijving",
    "zaaktype",
    "zaaktypeIdentificatie",
}
BOOLEANS = {"true": True, "True": True, "1": True, "false": False, "False": False, "0": False}


def zaakobjecttypen(request: HttpRequest):
    return parts(request, ZaakObjectType)


@router.get(
    "/zaakobjecttypen",
    response={200: Page[expanded.ZaakObjectTypeExpanded], **LIST_ERRORS},
    by_alias=True,
    summary="Alle ZAAKOBJECTTYPEn opvragen.",
)
def zaakobjecttype_list(
    request: HttpRequest,
    anderObjecttype: str | None = None,
    catalogus: str | None = None,
    datumBeginGeldigheid: str | None = None,
    datumEindeGeldigheid: str | None = None,
    datumGeldigheid: str | None = None,
    objecttype: str | None = None,
    relatieOmschrijving: str | None = None,
    zaaktype: str | None = None,
    zaaktypeIdentificatie: str | None = None,
    page: int | None = None,
    expand: str | None = None,
) -> HttpResponse:
    # No ``status`` filter here (the standard has none): concept and published zaaktypen alike.
    def build():
        queryset = zaakobjecttypen(request).filter(
            valid_on_q(date_param(request, "datumGeldigheid"), "zaaktype__")
        )
        if anderObjecttype:
            if anderObjecttype not in BOOLEANS:
                raise invalid("anderObjecttype", "invalid", "Kies true of false.")
            queryset = queryset.filter(is_other_objecttype=BOOLEANS[anderObjecttype])
        catalogus_uuid = url_param(request, "catalogus", "catalogussen")
        if catalogus_uuid:
            queryset = queryset.filter(zaaktype__process__catalogus__uuid=catalogus_uuid)
        zaaktype_uuid = url_param(request, "zaaktype", "zaaktypen")
        if zaaktype_uuid:
            queryset = queryset.filter(zaaktype__uuid=zaaktype_uuid)
        if zaaktypeIdentificatie:
            queryset = queryset.filter(zaaktype__process__identificatie=zaaktypeIdentificatie)
        begin = date_param(request, "datumBeginGeldigheid")
        if begin:
            queryset = queryset.filter(zaaktype__valid_from=begin)
        end = date_param(request, "datumEindeGeldigheid")
        if end:
            queryset = queryset.filter(zaaktype__valid_until=end)
        if objecttype:
            queryset = queryset.filter(objecttype=objecttype)
        if relatieOmschrijving:
            queryset = queryset.filter(relatie_omschrijving=relatieOmschrijving)
        return queryset

    return list_response(request, LIST_FILTERS, build, serializers.zaakobjecttype_rows)


add_read_operations(
    router,
    collection="zaakobjecttypen",
    name="zaakobjecttype",
    label="ZAAKOBJECTTYPE",
    schema=expanded.ZaakObjectTypeExpanded,
    queryset=zaakobjecttypen,
    rows=serializers.zaakobjecttype_rows,
)


def _catalogus(request: HttpRequest, url: str) -> Catalogus:
    return resolve(request, "catalogus", url, "catalogussen", Catalogus.objects.for_tenant(request.tenant))


@router.post(
    "/zaakobjecttypen",
    response={201: schemas.ZaakObjectType, **CREATE_ERRORS},
    summary="Maak een ZAAKOBJECTTYPE aan.",
)
def zaakobjecttype_create(request: HttpRequest, payload: schemas.ZaakObjectTypeIn) -> HttpResponse:
    access, forced = require_write(request, WRITE, FORCED_WRITE)
    zaakobjecttype = api_names(
        ZAAKOBJECTTYPE_FIELDS,
        services.create_zaakobjecttype,
        zaaktype=zaaktype_for_part(request, payload.zaaktype),
        catalogus=_catalogus(request, payload.catalogus),
        actor=actor_for(access),
        forced=forced,
        **model_values(ZAAKOBJECTTYPE_FIELDS, payload.dict()),
    )
    return created(row(zaakobjecttypen(request), zaakobjecttype.uuid, serializers.zaakobjecttype_rows))


def _change(request: HttpRequest, uuid: str, values: dict) -> HttpResponse:
    access, forced = require_write(request, WRITE, FORCED_WRITE)
    zaakobjecttype = get(zaakobjecttypen(request), uuid)
    own(request, zaakobjecttype.zaaktype)
    keep_zaaktype(values, zaakobjecttype)
    catalogus_url = values.pop("catalogus", None)
    api_names(
        ZAAKOBJECTTYPE_FIELDS,
        services.change_zaakobjecttype,
        zaakobjecttype=zaakobjecttype,
        catalogus=_catalogus(request, catalogus_url) if catalogus_url is not None else None,
        actor=actor_for(access),
        forced=forced,
        **model_values(ZAAKOBJECTTYPE_FIELDS, values),
    )
    return json_response(row(zaakobjecttypen(request), uuid, serializers.zaakobjecttype_rows))


@router.put(
    "/zaakobjecttypen/{uuid}",
    response={200: schemas.ZaakObjectType, **WRITE_ERRORS},
    summary="Werk een ZAAKOBJECTTYPE in zijn geheel bij.",
)
def zaakobjecttype_update(request: HttpRequest, uuid: str, payload: schemas.ZaakObjectTypeIn) -> HttpResponse:
    return _change(request, uuid, payload.dict())


@router.patch(
    "/zaakobjecttypen/{uuid}",
    response={200: schemas.ZaakObjectType, **WRITE_ERRORS},
    summary="Werk een ZAAKOBJECTTYPE deels bij.",
)
def zaakobjecttype_partial_update(
    request: HttpRequest, uuid: str, payload: schemas.PatchedZaakObjectType
) -> HttpResponse:
    return _change(request, uuid, sent(payload))


@router.delete(
    "/zaakobjecttypen/{uuid}", response={204: None, **READ_ERRORS}, summary="Verwijder een ZAAKOBJECTTYPE."
)
def zaakobjecttype_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    return delete_part(request, ZaakObjectType, uuid)
