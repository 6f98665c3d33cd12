"""Resultaattypen: how a zaak of a zaaktype can end, and what that means for its archive."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router

from plus1.catalog import services
from plus1.catalog.models import BesluitType, Catalogus, InformatieObjectType, ResultaatType
from plus1.catalog.reference import resultaattypeomschrijving_for_url, selectielijst_resultaat_for_url

from ..common.auth import actor_for
from ..common.errors import invalid
from ..common.http import created, json_response
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Page
from . import expanded, schemas, serializers
from .reading import (
    PART_FILTERS,
    add_read_operations,
    get,
    list_response,
    part_filters,
    parts,
    row,
    tenant_ids,
)
from .writing import (
    CREATE_ERRORS,
    FORCED_WRITE,
    WRITE,
    api_names,
    delete_part,
    keep_zaaktype,
    own,
    require_write,
    resolve,
    sent,
    zaaktype_for_part,
)

router = Router()

# API attribute -> catalog field, for the values a body sets and the errors that name them.
RESULTAATTYPE_FIELDS = {
    "omschrijving": "omschrijving",
    "toelichting": "toelichting",
    "archiefnominatie": "archiefnominatie",
    "archiefactietermijn": "archiefactietermijn",
    "resultaattypeomschrijving": "generic",
    "selectielijstklasse": "selectielijstklasse",
    "procesobjectaard": "procesobjectaard",
    "indicatieSpecifiek": "indicatie_specifiek",
    "procestermijn": "procestermijn",
    "brondatumArchiefprocedure.afleidingswijze": "brondatum_afleidingswijze",
    "brondatumArchiefprocedure.datumkenmerk": "brondatum_datumkenmerk",
    "brondatumArchiefprocedure.einddatumBekend": "brondatum_einddatum_bekend",
    "brondatumArchiefprocedure.objecttype": "brondatum_objecttype",
    "brondatumArchiefprocedure.registratie": "brondatum_registratie",
    "brondatumArchiefprocedure.procestermijn": "brondatum_procestermijn",
}
# Plain attributes; an empty optional value is stored as "" (indicatieSpecifiek stays null).
PLAIN = (
    "omschrijving",
    "toelichting",
    "archiefnominatie",
    "archiefactietermijn",
    "procesobjectaard",
    "procestermijn",
)


def resultaattypen(request: HttpRequest):
    return parts(request, ResultaatType, "generic", "selectielijstklasse").prefetch_related(
        "besluittypen", "informatieobjecttypen"
    )


@router.get(
    "/resultaattypen",
    response={200: Page[expanded.ResultaatTypeExpanded], **LIST_ERRORS},
    by_alias=True,
    summary="Alle RESULTAATTYPEn opvragen.",
)
def resultaattype_list(
    request: HttpRequest,
    zaaktype: str | None = None,
    zaaktype_identificatie: str | None = None,
    zaaktypeIdentificatie: str | None = None,
    status: str | None = None,
    datum_geldigheid: str | None = None,
    datumGeldigheid: str | None = None,
    page: int | None = None,
    expand: str | None = None,
) -> HttpResponse:
    # This list takes both spellings of two parameters: the OAS lists both.
    return list_response(
        request,
        PART_FILTERS | {"zaaktype_identificatie", "datum_geldigheid"},
        lambda: part_filters(
            request,
            resultaattypen(request),
            identificatie_names=("zaaktypeIdentificatie", "zaaktype_identificatie"),
        ),
        serializers.resultaattype_rows,
    )


add_read_operations(
    router,
    collection="resultaattypen",
    name="resultaattype",
    label="RESULTAATTYPE",
    schema=expanded.ResultaatTypeExpanded,
    queryset=resultaattypen,
    rows=serializers.resultaattype_rows,
)


def _values(body: dict) -> dict:
    """The catalog values of the attributes a body sent, its references resolved later."""
    values = {
        RESULTAATTYPE_FIELDS[name]: ("" if body[name] is None else body[name])
        for name in PLAIN
        if name in body
    }
    if "indicatieSpecifiek" in body:
        values["indicatie_specifiek"] = body["indicatieSpecifiek"]
    brondatum = body.get("brondatumArchiefprocedure")
    if brondatum is not None:
        values |= {
            "brondatum_afleidingswijze": brondatum["afleidingswijze"],
            "brondatum_datumkenmerk": brondatum["datumkenmerk"] or "",
            "brondatum_einddatum_bekend": bool(brondatum["einddatumBekend"]),
            "brondatum_objecttype": brondatum["objecttype"] or "",
            "brondatum_registratie": brondatum["registratie"] or "",
            "brondatum_procestermijn": brondatum["procestermijn"] or "",
        }
    return values


def _references(request: HttpRequest, body: dict) -> dict:
    """The reference-list rows and types the body's URLs point at (only those it sent)."""
    references = {}
    if body.get("resultaattypeomschrijving") is not None:
        generic = resultaattypeomschrijving_for_url(body["resultaattypeomschrijving"])
        if generic is None:
            raise invalid(
                "resultaattypeomschrijving",
                "bad-url",
                "Geef de URL van een resultaattypeomschrijving (Referentielijsten).",
            )
        references["generic"] = generic
    if body.get("selectielijstklasse") is not None:
        # ztc-002: a resultaat of the Selectielijst, here served by our Referentielijsten API.
        klasse = selectielijst_resultaat_for_url(body["selectielijstklasse"])
        if klasse is None:
            raise invalid(
                "selectielijstklasse", "bad-url", "Geef de URL van een resultaat uit de selectielijst."
            )
        references["selectielijstklasse"] = klasse
    if body.get("catalogus") is not None:
        references["catalogus"] = resolve(
            request,
            "catalogus",
            body["catalogus"],
            "catalogussen",
            Catalogus.objects.filter(tenant_id__in=tenant_ids(request)),
        )
    readable = tenant_ids(request)
    for name, model in (("besluittypen", BesluitType), ("informatieobjecttypen", InformatieObjectType)):
        if body.get(name) is not None:
            queryset = model.objects.filter(tenant_id__in=readable)
            references[name] = [
                resolve(request, f"{name}.{index}", url, name, queryset)
                for index, url in enumerate(body[name])
            ]
    return references


@router.post(
    "/resultaattypen",
    response={201: schemas.ResultaatType, **CREATE_ERRORS},
    summary="Maak een RESULTAATTYPE aan.",
)
def resultaattype_create(request: HttpRequest, payload: schemas.ResultaatTypeCreate) -> HttpResponse:
    access, forced = require_write(request, WRITE, FORCED_WRITE)
    zaaktype = zaaktype_for_part(request, payload.zaaktype)
    body = payload.dict()
    resultaattype = api_names(
        RESULTAATTYPE_FIELDS,
        services.create_resultaattype,
        zaaktype=zaaktype,
        actor=actor_for(access),
        forced=forced,
        **_values(body),
        **_references(request, body),
    )
    return created(row(resultaattypen(request), resultaattype.uuid, serializers.resultaattype_rows))


def _change(request: HttpRequest, uuid: str, body: dict, *, whole: bool) -> HttpResponse:
    access, forced = require_write(request, WRITE, FORCED_WRITE)
    part = get(resultaattypen(request), uuid)
    own(request, part.zaaktype)
    keep_zaaktype(body, part)
    values = _values(body) | _references(request, body)
    if whole:
        # As on create (ztc-002): what a PUT leaves out follows the selectielijstklasse.
        klasse = values["selectielijstklasse"]
        values["archiefnominatie"] = values["archiefnominatie"] or klasse.waardering
        values["archiefactietermijn"] = values["archiefactietermijn"] or klasse.bewaartermijn
    api_names(
        RESULTAATTYPE_FIELDS,
        services.change_resultaattype,
        resultaattype=part,
        actor=actor_for(access),
        forced=forced,
        **values,
    )
    return json_response(row(resultaattypen(request), uuid, serializers.resultaattype_rows))


@router.patch(
    "/resultaattypen/{uuid}",
    response={200: schemas.ResultaatType, **WRITE_ERRORS},
    summary="Werk een RESULTAATTYPE deels bij.",
)
def resultaattype_partial_update(
    request: HttpRequest, uuid: str, payload: schemas.PatchedResultaatType
) -> HttpResponse:
    body = sent(payload)
    if "brondatumArchiefprocedure" in body and body["brondatumArchiefprocedure"] is not None:
        body["brondatumArchiefprocedure"] = payload.brondatumArchiefprocedure.dict()
    return _change(request, uuid, body, whole=False)


@router.put(
    "/resultaattypen/{uuid}",
    response={200: schemas.ResultaatType, **WRITE_ERRORS},
    summary="Werk een RESULTAATTYPE in zijn geheel bij.",
)
def resultaattype_update(
    request: HttpRequest, uuid: str, payload: schemas.ResultaatTypeCreate
) -> HttpResponse:
    return _change(request, uuid, payload.dict(), whole=True)


@router.delete(
    "/resultaattypen/{uuid}", response={204: None, **READ_ERRORS}, summary="Verwijder een RESULTAATTYPE."
)
def resultaattype_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    return delete_part(request, ResultaatType, uuid)
