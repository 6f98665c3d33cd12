"""Besluittypen: the kinds of besluit in a catalogus; concept until published."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router

from plus1.catalog import services
from plus1.catalog.models import InformatieObjectType

from ..common.auth import actor_for
from ..common.http import created
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Page
from . import expanded, schemas, serializers
from .reading import (
    add_read_operations,
    besluittypen,
    date_param,
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
    resolve,
)

router = Router()

BESLUITTYPE_FIELDS = {
    "omschrijving": "omschrijving",
    "besluitcategorie": "category",
    "reactietermijn": "reactietermijn",
    "publicatieIndicatie": "publication_required",
    "toelichting": "toelichting",
    "omschrijvingGeneriek": "omschrijving_generiek",
    "publicatietekst": "publicatietekst",
    "publicatietermijn": "publicatietermijn",
    "beginGeldigheid": "valid_from",
    "eindeGeldigheid": "valid_until",
}


@router.get(
    "/besluittypen",
    response={200: Page[expanded.BesluitTypeExpanded], **LIST_ERRORS},
    by_alias=True,
    summary="Alle BESLUITTYPEn opvragen.",
)
def besluittype_list(
    request: HttpRequest,
    catalogus: str | None = None,
    zaaktypen: str | None = None,
    informatieobjecttypen: str | None = None,
    status: str | None = None,
    omschrijving: str | None = None,
    datumGeldigheid: str | None = None,
    page: int | None = None,
    expand: str | None = None,
) -> HttpResponse:
    def build():
        queryset = besluittypen(request).filter(
            status_q(request, "status"), valid_on_q(date_param(request, "datumGeldigheid"))
        )
        catalogus_uuid = url_param(request, "catalogus", "catalogussen")
        if catalogus_uuid:
            queryset = queryset.filter(catalogus__uuid=catalogus_uuid)
        zaaktype_uuid = url_param(request, "zaaktypen", "zaaktypen")
        if zaaktype_uuid:
            queryset = queryset.filter(zaaktypen__uuid=zaaktype_uuid)
        iot_uuid = url_param(request, "informatieobjecttypen", "informatieobjecttypen")
        if iot_uuid:
            queryset = queryset.filter(informatieobjecttypen__uuid=iot_uuid)
        if omschrijving:
            queryset = queryset.filter(omschrijving=omschrijving)
        return queryset

    return list_response(
        request,
        {"catalogus", "zaaktypen", "informatieobjecttypen", "status", "omschrijving", "datumGeldigheid"},
        build,
        serializers.besluittype_rows,
    )


add_read_operations(
    router,
    collection="besluittypen",
    name="besluittype",
    label="BESLUITTYPE",
    schema=expanded.BesluitTypeExpanded,
    queryset=besluittypen,
    rows=serializers.besluittype_rows,
)


def _besluittype_values(payload) -> dict:
    values = {name: getattr(payload, name) for name in payload.model_fields_set if name in BESLUITTYPE_FIELDS}
    if "reactietermijn" in values and values["reactietermijn"] is None:
        values["reactietermijn"] = ""
    for name in ("toelichting", "omschrijvingGeneriek", "publicatietekst", "publicatietermijn"):
        if name in values and values[name] is None:
            values[name] = ""
    return values


def _documents(request: HttpRequest, urls: list[str]) -> list[InformatieObjectType]:
    """The informatieobjecttypen a body names, of the application's own gemeente; 400 otherwise.

    The service checks they are of the besluittype's catalogus (ztc-013).
    """
    return [
        resolve(
            request,
            f"informatieobjecttypen.{index}",
            url,
            "informatieobjecttypen",
            InformatieObjectType.objects.for_tenant(request.tenant),
        )
        for index, url in enumerate(urls)
    ]


@router.post(
    "/besluittypen",
    response={201: schemas.BesluitTypePostResponse, **CREATE_ERRORS},
    summary="Maak een BESLUITTYPE aan.",
)
def besluittype_create(request: HttpRequest, payload: schemas.BesluitTypeIn) -> HttpResponse:
    access, _forced = require_write(request, WRITE)
    documents = _documents(request, payload.informatieobjecttypen)
    values = model_values(BESLUITTYPE_FIELDS, _besluittype_values(payload))
    values["category"] = values.get("category") or payload.omschrijving[:40]
    besluittype = api_names(
        BESLUITTYPE_FIELDS,
        services.create_besluittype,
        catalogus=own_catalogus(request, payload.catalogus),
        actor=actor_for(access),
        informatieobjecttypen=documents,
        **values,
    )
    data = row(besluittypen(request), besluittype.uuid, serializers.besluittype_rows)
    # The standard's create answer also spells this list in the singular.
    data["informatieobjecttypeOmschrijving"] = data["informatieobjecttypeOmschrijvingen"]
    return created(data)


@router.put(
    "/besluittypen/{uuid}",
    response={200: schemas.BesluitType, **WRITE_ERRORS},
    summary="Werk een BESLUITTYPE in zijn geheel bij.",
)
def besluittype_update(request: HttpRequest, uuid: str, payload: schemas.BesluitTypeIn) -> HttpResponse:
    values = _besluittype_values(payload)
    values["besluitcategorie"] = values.get("besluitcategorie") or payload.omschrijving[:40]
    return change_type(
        request,
        besluittypen(request),
        uuid,
        BESLUITTYPE_FIELDS,
        values,
        "update",
        serializers.besluittype_rows,
        informatieobjecttypen=_documents(request, payload.informatieobjecttypen),
    )


@router.patch(
    "/besluittypen/{uuid}",
    response={200: schemas.BesluitType, **WRITE_ERRORS},
    summary="Werk een BESLUITTYPE deels bij.",
)
def besluittype_partial_update(
    request: HttpRequest, uuid: str, payload: schemas.PatchedBesluitType
) -> HttpResponse:
    documents = payload.informatieobjecttypen if "informatieobjecttypen" in payload.model_fields_set else None
    return change_type(
        request,
        besluittypen(request),
        uuid,
        BESLUITTYPE_FIELDS,
        _besluittype_values(payload),
        "partial_update",
        serializers.besluittype_rows,
        **({} if documents is None else {"informatieobjecttypen": _documents(request, documents)}),
    )


@router.delete(
    "/besluittypen/{uuid}", response={204: None, **READ_ERRORS}, summary="Verwijder een BESLUITTYPE."
)
def besluittype_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    return delete_own(
        request,
        besluittypen(request),
        uuid,
        lambda besluittype, **kwargs: services.delete_besluittype(besluittype=besluittype, **kwargs),
    )


@router.post(
    "/besluittypen/{uuid}/publish",
    response={200: schemas.BesluitType, **WRITE_ERRORS},
    summary="Publiceer het concept BESLUITTYPE.",
)
def besluittype_publish(request: HttpRequest, uuid: str) -> HttpResponse:
    return publish_own(
        request,
        besluittypen(request),
        uuid,
        lambda besluittype, **kwargs: services.publish_besluittype(besluittype=besluittype, **kwargs),
        serializers.besluittype_rows,
    )
