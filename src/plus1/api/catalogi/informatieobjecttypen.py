"""Informatieobjecttypen: the kinds of document in a catalogus; concept until published."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router

from plus1.catalog import services

from ..common.auth import actor_for
from ..common.http import created
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Page
from . import expanded, schemas, serializers
from .reading import (
    add_read_operations,
    date_param,
    informatieobjecttypen,
    list_response,
    row,
    status_q,
    url_param,
    valid_on_q,
)
from .writing import (
    CREATE_ERRORS,
    WRITE,
    api_names,
    change_type,
    delete_own,
    model_values,
    own_catalogus,
    publish_own,
    require_write,
    sent,
)

router = Router()

IOT_FIELDS = {
    "omschrijving": "omschrijving",
    "vertrouwelijkheidaanduiding": "confidentiality",
    "beginGeldigheid": "valid_from",
    "eindeGeldigheid": "valid_until",
    "informatieobjectcategorie": "category",
    "trefwoord": "trefwoord",
    "omschrijvingGeneriek": "generic",
}


@router.get(
    "/informatieobjecttypen",
    response={200: Page[expanded.InformatieObjectTypeExpanded], **LIST_ERRORS},
    by_alias=True,
    summary="Alle INFORMATIEOBJECTTYPEn opvragen.",
)
def informatieobjecttype_list(
    request: HttpRequest,
    catalogus: str | None = None,
    status: str | None = None,
    datumGeldigheid: str | None = None,
    omschrijving: str | None = None,
    page: int | None = None,
    expand: str | None = None,
) -> HttpResponse:
    def build():
        queryset = informatieobjecttypen(request).filter(
            status_q(request, "status"), valid_on_q(date_param(request, "datumGeldigheid"))
        )
        catalogus_uuid = url_param(request, "catalogus", "catalogussen")
        if catalogus_uuid:
            queryset = queryset.filter(catalogus__uuid=catalogus_uuid)
        if omschrijving:
            queryset = queryset.filter(omschrijving=omschrijving)
        return queryset

    return list_response(
        request,
        {"catalogus", "status", "datumGeldigheid", "omschrijving"},
        build,
        serializers.informatieobjecttype_rows,
    )


add_read_operations(
    router,
    collection="informatieobjecttypen",
    name="informatieobjecttype",
    label="INFORMATIEOBJECTTYPE",
    schema=expanded.InformatieObjectTypeExpanded,
    queryset=informatieobjecttypen,
    rows=serializers.informatieobjecttype_rows,
)


@router.post(
    "/informatieobjecttypen",
    response={201: schemas.InformatieObjectType, **CREATE_ERRORS},
    summary="Maak een INFORMATIEOBJECTTYPE aan.",
)
def informatieobjecttype_create(
    request: HttpRequest, payload: schemas.InformatieObjectTypeIn
) -> HttpResponse:
    access, _forced = require_write(request, WRITE)
    iot = api_names(
        IOT_FIELDS,
        services.create_informatieobjecttype,
        catalogus=own_catalogus(request, payload.catalogus),
        actor=actor_for(access),
        **model_values(IOT_FIELDS, payload.dict(exclude={"catalogus"})),
    )
    # 201 as the reference implementations answer it; the OAS documents 200 here.
    return created(row(informatieobjecttypen(request), iot.uuid, serializers.informatieobjecttype_rows))


@router.put(
    "/informatieobjecttypen/{uuid}",
    response={200: schemas.InformatieObjectType, **WRITE_ERRORS},
    summary="Werk een INFORMATIEOBJECTTYPE in zijn geheel bij.",
)
def informatieobjecttype_update(
    request: HttpRequest, uuid: str, payload: schemas.InformatieObjectTypeIn
) -> HttpResponse:
    return change_type(
        request,
        informatieobjecttypen(request),
        uuid,
        IOT_FIELDS,
        payload.dict(exclude={"catalogus"}),
        "update",
        serializers.informatieobjecttype_rows,
    )


@router.patch(
    "/informatieobjecttypen/{uuid}",
    response={200: schemas.InformatieObjectType, **WRITE_ERRORS},
    summary="Werk een INFORMATIEOBJECTTYPE deels bij.",
)
def informatieobjecttype_partial_update(
    request: HttpRequest, uuid: str, payload: schemas.PatchedInformatieObjectType
) -> HttpResponse:
    return change_type(
        request,
        informatieobjecttypen(request),
        uuid,
        IOT_FIELDS,
        sent(payload),
        "partial_update",
        serializers.informatieobjecttype_rows,
    )


@router.delete(
    "/informatieobjecttypen/{uuid}",
    response={204: None, **READ_ERRORS},
    summary="Verwijder een INFORMATIEOBJECTTYPE.",
)
def informatieobjecttype_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    return delete_own(
        request,
        informatieobjecttypen(request),
        uuid,
        lambda iot, **kwargs: services.delete_informatieobjecttype(iot=iot, **kwargs),
    )


@router.post(
    "/informatieobjecttypen/{uuid}/publish",
    response={200: schemas.InformatieObjectType, **WRITE_ERRORS},
    summary="Publiceer het concept INFORMATIEOBJECTTYPE.",
)
def informatieobjecttype_publish(request: HttpRequest, uuid: str) -> HttpResponse:
    return publish_own(
        request,
        informatieobjecttypen(request),
        uuid,
        lambda iot, **kwargs: services.publish_informatieobjecttype(iot=iot, **kwargs),
        serializers.informatieobjecttype_rows,
    )
