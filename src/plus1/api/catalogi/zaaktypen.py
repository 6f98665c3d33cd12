"""Zaaktypen: one version of a process, with its parts; concept until published (ztc-009, ztc-012)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Router

from plus1.catalog import services
from plus1.catalog.models import BesluitType, Catalogus, Product, ZaakType
from plus1.catalog.reference import selectielijst_procestype_for_url

from ..common.auth import actor_for
from ..common.errors import invalid
from ..common.http import created, json_response
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Page
from . import expanded, schemas, serializers
from .reading import (
    add_head_operation,
    csv,
    date_param,
    detail,
    get,
    list_response,
    row,
    status_q,
    url_param,
    valid_on_q,
    zaaktypen,
)
from .writing import (
    CREATE_ERRORS,
    FORCED_WRITE,
    WRITE,
    api_names,
    delete_own,
    model_values,
    own,
    publish_own,
    require_write,
    resolve,
    sent,
)

router = Router()

# ZGW attribute -> catalog model field, and back for the names in an error.
ZAAKTYPE_FIELDS = {
    "omschrijving": "omschrijving",
    "vertrouwelijkheidaanduiding": "confidentiality",
    "doel": "purpose",
    "aanleiding": "trigger",
    "toelichting": "description",
    "indicatieInternOfExtern": "direction",
    "handelingInitiator": "initiator_action",
    "onderwerp": "subject",
    "handelingBehandelaar": "handler_action",
    "doorlooptijd": "lead_time",
    "servicenorm": "service_norm",
    "opschortingEnAanhoudingMogelijk": "suspension_allowed",
    "verlengingMogelijk": "extension_allowed",
    "verlengingstermijn": "extension_period",
    "trefwoorden": "keywords",
    "verantwoordelijke": "responsible",
    "omschrijvingGeneriek": "omschrijving_generiek",
    "publicatietekst": "publicatietekst",
    "verantwoordingsrelatie": "verantwoordingsrelatie",
    "broncatalogus": "broncatalogus",
    "bronzaaktype": "bronzaaktype",
    "beginGeldigheid": "valid_from",
    "eindeGeldigheid": "valid_until",
}


def _trefwoorden_ids(queryset: QuerySet, wanted: list[str]) -> list[int]:
    # JSON "contains" is not portable to SQLite; the catalog is small, so match in Python.
    rows = queryset.values_list("pk", "keywords")
    return [pk for pk, keywords in rows if set(wanted) <= set(keywords or [])]


@router.get(
    "/zaaktypen",
    response={200: Page[expanded.ZaakTypeExpanded], **LIST_ERRORS},
    by_alias=True,
    summary="Alle ZAAKTYPEn opvragen.",
)
def zaaktype_list(
    request: HttpRequest,
    catalogus: str | None = None,
    identificatie: str | None = None,
    trefwoorden: str | None = None,
    status: str | None = None,
    datumGeldigheid: str | None = None,
    page: int | None = None,
    expand: str | None = None,
) -> HttpResponse:
    def build():
        queryset = zaaktypen(request).filter(
            status_q(request, "status"), valid_on_q(date_param(request, "datumGeldigheid"))
        )
        catalogus_uuid = url_param(request, "catalogus", "catalogussen")
        if catalogus_uuid:
            queryset = queryset.filter(process__catalogus__uuid=catalogus_uuid)
        if identificatie:
            queryset = queryset.filter(process__identificatie=identificatie)
        if trefwoorden:
            queryset = queryset.filter(pk__in=_trefwoorden_ids(queryset, csv(request, "trefwoorden")))
        return queryset

    return list_response(
        request,
        {"catalogus", "identificatie", "trefwoorden", "status", "datumGeldigheid"},
        build,
        serializers.zaaktype_rows,
    )


@router.get(
    "/zaaktypen/{uuid}",
    response={200: expanded.ZaakTypeExpanded, **READ_ERRORS},
    by_alias=True,
    summary="Een specifieke ZAAKTYPE opvragen.",
)
def zaaktype_read(
    request: HttpRequest, uuid: str, datumGeldigheid: str | None = None, expand: str | None = None
) -> HttpResponse:
    return detail(request, zaaktypen(request), uuid, serializers.zaaktype_rows)


add_head_operation(router, path="/zaaktypen/{uuid}", name="zaaktype", label="ZAAKTYPE", read=zaaktype_read)


def _zaaktype_detail(request: HttpRequest, zaaktype: ZaakType, *, status: int = 200) -> HttpResponse:
    data = row(zaaktypen(request), zaaktype.uuid, serializers.zaaktype_rows)
    return created(data) if status == 201 else json_response(data)


def _zaaktype_references(request: HttpRequest, payload: schemas.ZaakTypeCreate) -> tuple:
    """The product, selectielijst-procestype and besluittypen a zaaktype body points at."""
    products = [Product.objects.filter(upl_uri=uri).first() for uri in payload.productenOfDiensten]
    if not products or products[0] is None:
        raise invalid(
            "productenOfDiensten", "bad-url", "Geef de URI van een product uit de Uniforme Productnamenlijst."
        )
    procestype = (
        selectielijst_procestype_for_url(payload.selectielijstProcestype)
        if payload.selectielijstProcestype
        else None
    )
    if procestype is None:
        # ztc-001: the procestype must be one of the Selectielijst.
        raise invalid(
            "selectielijstProcestype", "bad-url", "Geef de URL van een procestype uit de selectielijst."
        )
    besluittypen = [
        resolve(
            request,
            f"besluittypen.{index}",
            url,
            "besluittypen",
            BesluitType.objects.for_tenant(request.tenant),
        )
        for index, url in enumerate(payload.besluittypen)
    ]
    return products[0], procestype, besluittypen


@router.post(
    "/zaaktypen", response={201: schemas.ZaakType, **CREATE_ERRORS}, summary="Maak een ZAAKTYPE aan."
)
def zaaktype_create(request: HttpRequest, payload: schemas.ZaakTypeCreate) -> HttpResponse:
    access, _forced = require_write(request, WRITE)
    catalogus = resolve(
        request, "catalogus", payload.catalogus, "catalogussen", Catalogus.objects.for_tenant(request.tenant)
    )
    product, procestype, besluittypen = _zaaktype_references(request, payload)
    values = model_values(ZAAKTYPE_FIELDS, payload.dict())
    values["description"] = values.get("description") or payload.omschrijving
    zaaktype = api_names(
        ZAAKTYPE_FIELDS,
        services.create_zaaktype,
        catalogus=catalogus,
        identificatie=payload.identificatie,
        actor=actor_for(access),
        besluittypen=besluittypen,
        product=product,
        selectielijst_procestype=procestype,
        lead_time_source="Niet opgegeven (Catalogi API)",
        **values,
    )
    return _zaaktype_detail(request, zaaktype, status=201)


def _change_zaaktype(request: HttpRequest, uuid: str, values: dict, actie: str, **references) -> HttpResponse:
    access, forced = require_write(request, WRITE, FORCED_WRITE)
    zaaktype = get(zaaktypen(request), uuid)
    own(request, zaaktype)
    api_names(
        ZAAKTYPE_FIELDS,
        services.change_zaaktype,
        zaaktype=zaaktype,
        actor=actor_for(access),
        actie=actie,
        forced=forced,
        **model_values(ZAAKTYPE_FIELDS, values),
        **references,
    )
    return _zaaktype_detail(request, zaaktype)


@router.put(
    "/zaaktypen/{uuid}",
    response={200: schemas.ZaakType, **WRITE_ERRORS},
    summary="Werk een ZAAKTYPE in zijn geheel bij.",
)
def zaaktype_update(request: HttpRequest, uuid: str, payload: schemas.ZaakTypeCreate) -> HttpResponse:
    current = get(zaaktypen(request), uuid)
    if payload.identificatie != current.process.identificatie:
        raise invalid("identificatie", "immutable", "De identificatie van een zaaktype verandert niet.")
    product, procestype, besluittypen = _zaaktype_references(request, payload)
    values = payload.dict()
    values["toelichting"] = values.get("toelichting") or payload.omschrijving
    return _change_zaaktype(
        request,
        uuid,
        values,
        "update",
        product=product,
        selectielijst_procestype=procestype,
        besluittypen=besluittypen,
    )


@router.patch(
    "/zaaktypen/{uuid}",
    response={200: schemas.ZaakType, **WRITE_ERRORS},
    summary="Werk een ZAAKTYPE deels bij.",
)
def zaaktype_partial_update(
    request: HttpRequest, uuid: str, payload: schemas.PatchedZaakType
) -> HttpResponse:
    return _change_zaaktype(request, uuid, sent(payload), "partial_update")


@router.delete("/zaaktypen/{uuid}", response={204: None, **READ_ERRORS}, summary="Verwijder een ZAAKTYPE.")
def zaaktype_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    return delete_own(
        request,
        zaaktypen(request),
        uuid,
        lambda zaaktype, **kwargs: services.delete_zaaktype(zaaktype=zaaktype, **kwargs),
    )


@router.post(
    "/zaaktypen/{uuid}/publish",
    response={200: schemas.ZaakType, **WRITE_ERRORS},
    summary="Publiceer het concept ZAAKTYPE.",
)
def zaaktype_publish(request: HttpRequest, uuid: str) -> HttpResponse:
    # ztc-012: only with all its besluittypen and informatieobjecttypen published.
    return publish_own(
        request,
        zaaktypen(request),
        uuid,
        lambda zaaktype, **kwargs: services.publish_zaaktype_via_api(zaaktype=zaaktype, **kwargs),
        serializers.zaaktype_rows,
    )
