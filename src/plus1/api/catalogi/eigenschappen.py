"""Eigenschappen: the typed questions of a zaaktype's request form, as ZGW specificaties."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router

from plus1.catalog import services
from plus1.catalog.models import Eigenschap, StatusType

from ..common.auth import actor_for
from ..common.bounds import INT32_MAX
from ..common.errors import invalid
from ..common.http import created
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Page
from . import expanded, schemas, serializers
from .reading import PART_FILTERS, add_read_operations, list_response, part_filters, parts, row
from .writing import (
    CREATE_ERRORS,
    FORCED_WRITE,
    WRITE,
    api_names,
    blank_nulls,
    change_part,
    delete_part,
    require_write,
    resolve_parts,
    sent,
    zaaktype_for_part,
)

router = Router()

EIGENSCHAP_FIELDS = {
    "naam": "name",
    "definitie": "label",
    "toelichting": "help_text",
    "specificatie.groep": "step",
    "specificatie.waardenverzameling": "choices",
    "specificatie.lengte": "max_length",
    "statustype": "statustype",
}
EIGENSCHAP_CHANGE_FIELDS = {"naam": "name", "definitie": "label", "toelichting": "help_text"}


def eigenschappen(request: HttpRequest):
    return parts(request, Eigenschap, "statustype")


def _references(request: HttpRequest, body: dict) -> dict:
    """The statustype and the form field behind the specificatie, for what the body sent."""
    references = {}
    if "statustype" in body:
        url = body["statustype"]
        references["statustype"] = (
            resolve_parts(request, "statustype", [url], "statustypen", StatusType)[0] if url else None
        )
    if body.get("specificatie") is not None:
        specificatie = schemas.EigenschapSpecificatie(**body["specificatie"])
        # What another formaat leaves unused is emptied, so no old rule lingers.
        references |= {"choices": [], "max_length": None, **_eigenschap_values(specificatie)}
    return references


def _change(part: Eigenschap, **values) -> Eigenschap:
    return services.change_eigenschap(eigenschap=part, **values)


@router.get(
    "/eigenschappen",
    response={200: Page[expanded.EigenschapExpanded], **LIST_ERRORS},
    by_alias=True,
    summary="Alle EIGENSCHAPpen opvragen.",
)
def eigenschap_list(
    request: HttpRequest,
    zaaktype: str | None = None,
    zaaktypeIdentificatie: str | None = None,
    status: str | None = None,
    datumGeldigheid: str | None = None,
    page: int | None = None,
    expand: str | None = None,
) -> HttpResponse:
    return list_response(
        request,
        PART_FILTERS,
        lambda: part_filters(request, eigenschappen(request)).order_by("zaaktype_id", "order"),
        serializers.eigenschap_rows,
    )


add_read_operations(
    router,
    collection="eigenschappen",
    name="eigenschap",
    label="EIGENSCHAP",
    schema=expanded.EigenschapExpanded,
    queryset=eigenschappen,
    rows=serializers.eigenschap_rows,
)


def _eigenschap_values(specificatie: schemas.EigenschapSpecificatie) -> dict:
    """The form field behind a ZGW specificatie (ztc-015: datum is JJJJMMDD, lengte 8; datum_tijd
    JJJJMMDDuummss, lengte 14)."""
    values: dict = {"step": specificatie.groep or "Gegevens"}
    if specificatie.formaat == "datum_tijd":
        if specificatie.lengte != "14":
            raise invalid(
                "specificatie.lengte", "invalid-length", "Datum met tijd (JJJJMMDDuummss) heeft lengte 14."
            )
        values["data_type"] = "datetime"
    elif specificatie.formaat == "datum":
        if specificatie.lengte != "8":
            raise invalid("specificatie.lengte", "invalid-length", "Een datum (JJJJMMDD) heeft lengte 8.")
        values["data_type"] = "date"
    elif specificatie.formaat == "getal":
        values["data_type"] = "number"
    elif specificatie.waardenverzameling:
        values["data_type"] = "choice"
        values["choices"] = list(specificatie.waardenverzameling)
    else:
        # ASCII digits only ("²" is a digit to Python but no number), within the integer column.
        lengte = specificatie.lengte
        if not (lengte.isascii() and lengte.isdigit()) or not 1 <= int(lengte) <= INT32_MAX:
            raise invalid(
                "specificatie.lengte",
                "invalid",
                f"De lengte van tekst is een positief geheel getal tot en met {INT32_MAX}.",
            )
        values["data_type"] = "text"
        values["max_length"] = int(specificatie.lengte)
    return values


@router.post(
    "/eigenschappen", response={201: schemas.Eigenschap, **CREATE_ERRORS}, summary="Maak een EIGENSCHAP aan."
)
def eigenschap_create(request: HttpRequest, payload: schemas.EigenschapIn) -> HttpResponse:
    access, forced = require_write(request, WRITE, FORCED_WRITE)
    zaaktype = zaaktype_for_part(request, payload.zaaktype)
    eigenschap = api_names(
        EIGENSCHAP_FIELDS,
        services.create_eigenschap,
        zaaktype=zaaktype,
        actor=actor_for(access),
        forced=forced,
        name=payload.naam,
        label=payload.definitie,
        help_text=payload.toelichting or "",
        **_references(request, payload.dict()),
    )
    return created(row(eigenschappen(request), eigenschap.uuid, serializers.eigenschap_rows))


@router.patch(
    "/eigenschappen/{uuid}",
    response={200: schemas.Eigenschap, **WRITE_ERRORS},
    summary="Werk een EIGENSCHAP deels bij.",
)
def eigenschap_partial_update(
    request: HttpRequest, uuid: str, payload: schemas.PatchedEigenschap
) -> HttpResponse:
    body = sent(payload)
    if body.get("specificatie") is not None:
        body["specificatie"] = payload.specificatie.dict()
    return change_part(
        request,
        eigenschappen(request),
        uuid,
        EIGENSCHAP_FIELDS,
        blank_nulls(
            {name: value for name, value in body.items() if name in {"zaaktype", *EIGENSCHAP_CHANGE_FIELDS}}
        ),
        serializers.eigenschap_rows,
        references=_references(request, body),
        change=_change,
    )


@router.put(
    "/eigenschappen/{uuid}",
    response={200: schemas.Eigenschap, **WRITE_ERRORS},
    summary="Werk een EIGENSCHAP in zijn geheel bij.",
)
def eigenschap_update(request: HttpRequest, uuid: str, payload: schemas.EigenschapIn) -> HttpResponse:
    body = payload.dict()
    values = {"zaaktype": payload.zaaktype, "naam": payload.naam, "definitie": payload.definitie}
    values["toelichting"] = payload.toelichting or ""
    return change_part(
        request,
        eigenschappen(request),
        uuid,
        EIGENSCHAP_FIELDS,
        values,
        serializers.eigenschap_rows,
        references=_references(request, body),
        change=_change,
    )


@router.delete(
    "/eigenschappen/{uuid}", response={204: None, **READ_ERRORS}, summary="Verwijder een EIGENSCHAP."
)
def eigenschap_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    return delete_part(request, Eigenschap, uuid)
