"""Zaaktypen: one version of a process, with its parts; concept until published (ztc-009, ztc-012)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Router

from plus1.catalog import services
from plus1.catalog.models import BesluitType, Catalogus, ZaakType
from plus1.catalog.reference import selectielijst_procestype_for_url
from plus1.core import zgw

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
    tenant_ids,
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


def _procestype(value: str | None):
    """ztc-001: a selectielijstProcestype, when given, is a procestype of the Selectielijst."""
    if not value:
        return None
    procestype = selectielijst_procestype_for_url(value)
    if procestype is None:
        raise invalid(
            "selectielijstProcestype", "bad-url", "Geef de URL van een procestype uit de selectielijst."
        )
    return procestype


def _besluittypen(request: HttpRequest, urls: list[str]) -> list[BesluitType]:
    return [
        resolve(
            request,
            f"besluittypen.{index}",
            url,
            "besluittypen",
            BesluitType.objects.for_tenant(request.tenant),
        )
        for index, url in enumerate(urls)
    ]


def _related(request: HttpRequest, relations: list[schemas.ZaakTypenRelatieIn]) -> list[dict]:
    """gerelateerdeZaaktypen as stored: any zaaktype URL (the standard allows another ZTC's).

    A URL of this Catalogi API must name a zaaktype the client may read (never another
    gemeente's); its identificatie is kept, so the answer can show it.
    """
    readable = ZaakType.objects.filter(tenant_id__in=tenant_ids(request)).select_related("process")
    stored = []
    for index, relation in enumerate(relations):
        name = f"gerelateerdeZaaktypen.{index}.zaaktype"
        parts = urlsplit(relation.zaaktype)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise invalid(name, "invalid", "Geef de URL van een zaaktype.")
        identificatie = ""
        found = zgw.uuid_from_url(relation.zaaktype, "catalogi", "zaaktypen")
        if found is not None:
            zaaktype = readable.filter(uuid=found).first()
            if zaaktype is None:
                raise invalid(name, "bad-url", "Deze URL wijst niet naar een bestaand zaaktype.")
            identificatie = zaaktype.process.identificatie
        stored.append(
            {
                "zaaktype": relation.zaaktype,
                "zaaktypeIdentificatie": identificatie,
                "aardRelatie": relation.aardRelatie,
                "toelichting": relation.toelichting or "",
            }
        )
    return stored


def _references(request: HttpRequest, values: dict, sent: set[str]) -> dict:
    """The model values of the body's references (only those ``sent``).

    productenOfDiensten is stored as sent: any URLs, or none (catalog.services.products links
    the UPL product among them, which the portal needs; the API does not).
    """
    references: dict = {}
    if "productenOfDiensten" in sent:
        references["producten_of_diensten"] = list(values.get("productenOfDiensten") or [])
    if "selectielijstProcestype" in sent:
        references["selectielijst_procestype"] = _procestype(values.get("selectielijstProcestype"))
    if "besluittypen" in sent:
        references["besluittypen"] = _besluittypen(request, values.get("besluittypen") or [])
    if "gerelateerdeZaaktypen" in sent:
        references["gerelateerde_zaaktypen"] = _related(request, values.get("gerelateerdeZaaktypen") or [])
    return references


REFERENCES = {"productenOfDiensten", "selectielijstProcestype", "besluittypen", "gerelateerdeZaaktypen"}


@router.post(
    "/zaaktypen", response={201: schemas.ZaakType, **CREATE_ERRORS}, summary="Maak een ZAAKTYPE aan."
)
def zaaktype_create(request: HttpRequest, payload: schemas.ZaakTypeCreate) -> HttpResponse:
    access, _forced = require_write(request, WRITE)
    catalogus = resolve(
        request, "catalogus", payload.catalogus, "catalogussen", Catalogus.objects.for_tenant(request.tenant)
    )
    references = _references(request, _body(payload), REFERENCES)
    values = model_values(ZAAKTYPE_FIELDS, payload.dict())
    values["description"] = values.get("description") or payload.omschrijving
    zaaktype = api_names(
        ZAAKTYPE_FIELDS,
        services.create_zaaktype,
        catalogus=catalogus,
        identificatie=payload.identificatie,
        actor=actor_for(access),
        lead_time_source="Niet opgegeven (Catalogi API)",
        **references,
        **values,
    )
    return _zaaktype_detail(request, zaaktype, status=201)


def _body(payload) -> dict:
    """The body's references as plain values (a relation stays its schema, for ``_related``)."""
    return {name: getattr(payload, name, None) for name in REFERENCES}


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
    references = _references(request, _body(payload), REFERENCES)
    values = payload.dict()
    values["toelichting"] = values.get("toelichting") or payload.omschrijving
    return _change_zaaktype(request, uuid, values, "update", **references)


@router.patch(
    "/zaaktypen/{uuid}",
    response={200: schemas.ZaakType, **WRITE_ERRORS},
    summary="Werk een ZAAKTYPE deels bij.",
)
def zaaktype_partial_update(
    request: HttpRequest, uuid: str, payload: schemas.PatchedZaakType
) -> HttpResponse:
    values = sent(payload)
    references = _references(request, _body(payload), set(values) & REFERENCES)
    return _change_zaaktype(request, uuid, values, "partial_update", **references)


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
