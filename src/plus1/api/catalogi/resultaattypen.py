"""Resultaattypen: how a zaak of a zaaktype can end, and what that means for its archive."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router

from plus1.catalog import services
from plus1.catalog.models import ResultaatType
from plus1.catalog.reference import resultaattypeomschrijving_for_url, selectielijst_resultaat_for_url

from ..common.auth import actor_for
from ..common.errors import invalid
from ..common.http import created
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Page
from . import schemas, serializers
from .reading import PART_FILTERS, add_read_operations, get, list_response, part_filters, parts, row
from .writing import (
    CREATE_ERRORS,
    FORCED_WRITE,
    WRITE,
    api_names,
    blank_nulls,
    change_part,
    delete_part,
    require_write,
    sent,
    zaaktype_for_part,
)

router = Router()

RESULTAATTYPE_FIELDS = {
    "omschrijving": "omschrijving",
    "toelichting": "toelichting",
    "archiefnominatie": "archiefnominatie",
    "archiefactietermijn": "archiefactietermijn",
    "resultaattypeomschrijving": "generic",
    "selectielijstklasse": "selectielijstklasse",
    "brondatumArchiefprocedure.afleidingswijze": "brondatum_afleidingswijze",
}
# Changes: the plain attributes. A new reference (selectielijstklasse ...) is a new resultaattype.
RESULTAATTYPE_CHANGE_FIELDS = {
    "omschrijving": "omschrijving",
    "toelichting": "toelichting",
    "archiefnominatie": "archiefnominatie",
    "archiefactietermijn": "archiefactietermijn",
}


def resultaattypen(request: HttpRequest):
    return parts(request, ResultaatType, "generic", "selectielijstklasse")


@router.get(
    "/resultaattypen",
    response={200: Page[schemas.ResultaatType], **LIST_ERRORS},
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
    schema=schemas.ResultaatType,
    queryset=resultaattypen,
    rows=serializers.resultaattype_rows,
)


@router.post(
    "/resultaattypen",
    response={201: schemas.ResultaatType, **CREATE_ERRORS},
    summary="Maak een RESULTAATTYPE aan.",
)
def resultaattype_create(request: HttpRequest, payload: schemas.ResultaatTypeCreate) -> HttpResponse:
    access, forced = require_write(request, WRITE, FORCED_WRITE)
    zaaktype = zaaktype_for_part(request, payload.zaaktype)
    generic = resultaattypeomschrijving_for_url(payload.resultaattypeomschrijving)
    if generic is None:
        raise invalid(
            "resultaattypeomschrijving",
            "bad-url",
            "Geef de URL van een resultaattypeomschrijving (Referentielijsten).",
        )
    klasse = selectielijst_resultaat_for_url(payload.selectielijstklasse)
    if klasse is None:
        raise invalid("selectielijstklasse", "bad-url", "Geef de URL van een resultaat uit de selectielijst.")
    resultaattype = api_names(
        RESULTAATTYPE_FIELDS,
        services.create_resultaattype,
        zaaktype=zaaktype,
        actor=actor_for(access),
        forced=forced,
        selectielijstklasse=klasse,
        generic=generic,
        omschrijving=payload.omschrijving,
        toelichting=payload.toelichting or "",
        archiefnominatie=payload.archiefnominatie or "",
        archiefactietermijn=payload.archiefactietermijn or "",
        brondatum_afleidingswijze=payload.brondatumArchiefprocedure.afleidingswijze,
    )
    return created(row(resultaattypen(request), resultaattype.uuid, serializers.resultaattype_rows))


@router.patch(
    "/resultaattypen/{uuid}",
    response={200: schemas.ResultaatType, **WRITE_ERRORS},
    summary="Werk een RESULTAATTYPE deels bij.",
)
def resultaattype_partial_update(
    request: HttpRequest, uuid: str, payload: schemas.PatchedResultaatType
) -> HttpResponse:
    return change_part(
        request,
        resultaattypen(request),
        uuid,
        RESULTAATTYPE_CHANGE_FIELDS,
        blank_nulls(sent(payload)),
        serializers.resultaattype_rows,
    )


@router.put(
    "/resultaattypen/{uuid}",
    response={200: schemas.ResultaatType, **WRITE_ERRORS},
    summary="Werk een RESULTAATTYPE in zijn geheel bij.",
)
def resultaattype_update(
    request: HttpRequest, uuid: str, payload: schemas.ResultaatTypeCreate
) -> HttpResponse:
    current = get(resultaattypen(request), uuid)
    if (
        selectielijst_resultaat_for_url(payload.selectielijstklasse) != current.selectielijstklasse
        or resultaattypeomschrijving_for_url(payload.resultaattypeomschrijving) != current.generic
        or payload.brondatumArchiefprocedure.afleidingswijze != current.brondatum_afleidingswijze
    ):
        raise invalid(
            "selectielijstklasse",
            "immutable",
            "Selectielijstklasse, resultaattypeomschrijving en afleidingswijze veranderen niet; "
            "maak een nieuw resultaattype.",
        )
    values = {name: getattr(payload, name) for name in ("zaaktype", *RESULTAATTYPE_CHANGE_FIELDS)}
    # As on create (ztc-002): what is left out follows the selectielijstklasse.
    values["archiefnominatie"] = payload.archiefnominatie or current.selectielijstklasse.waardering
    values["archiefactietermijn"] = payload.archiefactietermijn or current.selectielijstklasse.bewaartermijn
    return change_part(
        request,
        resultaattypen(request),
        uuid,
        RESULTAATTYPE_CHANGE_FIELDS,
        {**blank_nulls(values), "zaaktype": payload.zaaktype},
        serializers.resultaattype_rows,
    )


@router.delete(
    "/resultaattypen/{uuid}", response={204: None, **READ_ERRORS}, summary="Verwijder een RESULTAATTYPE."
)
def resultaattype_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    return delete_part(request, ResultaatType, uuid)
