"""Statustypen: the steps of a zaaktype; the highest volgnummer is its eindstatus."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router

from plus1.catalog import services
from plus1.catalog.models import Eigenschap, StatusType

from ..common.auth import actor_for
from ..common.http import created
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Page
from . import expanded, schemas, serializers
from .reading import PART_FILTERS, add_read_operations, list_response, part_filters, parts, row
from .writing import (
    CREATE_ERRORS,
    FORCED_WRITE,
    WRITE,
    api_names,
    change_part,
    delete_part,
    model_values,
    require_write,
    resolve_parts,
    sent,
    zaaktype_for_part,
)

router = Router()

STATUSTYPE_FIELDS = {
    "omschrijving": "omschrijving",
    "omschrijvingGeneriek": "generic_description",
    "statustekst": "statustekst",
    "volgnummer": "volgnummer",
    "informeren": "informs_initiator",
    "doorlooptijd": "doorlooptijd",
    "toelichting": "toelichting",
    "checklistitemStatustype": "checklistitems",
}


def statustypen(request: HttpRequest):
    return parts(request, StatusType).prefetch_related("required_eigenschappen")


def _values(body: dict) -> dict:
    """The body as catalog values: an empty doorlooptijd or toelichting is "", no checklist []."""
    values = dict(body)
    for name in ("doorlooptijd", "toelichting", "omschrijvingGeneriek", "statustekst"):
        if name in values and values[name] is None:
            values[name] = ""
    if "checklistitemStatustype" in values:
        values["checklistitemStatustype"] = [
            {key: item[key] for key in ("itemnaam", "toelichting", "vraagstelling", "verplicht")}
            for item in values["checklistitemStatustype"] or []
        ]
    return values


def _references(request: HttpRequest, body: dict) -> dict:
    if body.get("eigenschappen") is None:
        return {}
    return {
        "eigenschappen": resolve_parts(
            request, "eigenschappen", body["eigenschappen"], "eigenschappen", Eigenschap
        )
    }


def _change(part: StatusType, **values) -> StatusType:
    return services.change_statustype(statustype=part, **values)


@router.get(
    "/statustypen",
    response={200: Page[expanded.StatusTypeExpanded], **LIST_ERRORS},
    by_alias=True,
    summary="Alle STATUSTYPEn opvragen.",
)
def statustype_list(
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
        lambda: part_filters(request, statustypen(request)).order_by("zaaktype_id", "volgnummer"),
        serializers.statustype_rows,
    )


add_read_operations(
    router,
    collection="statustypen",
    name="statustype",
    label="STATUSTYPE",
    schema=expanded.StatusTypeExpanded,
    queryset=statustypen,
    rows=serializers.statustype_rows,
)


@router.post(
    "/statustypen", response={201: schemas.StatusType, **CREATE_ERRORS}, summary="Maak een STATUSTYPE aan."
)
def statustype_create(request: HttpRequest, payload: schemas.StatusTypeIn) -> HttpResponse:
    access, forced = require_write(request, WRITE, FORCED_WRITE)
    statustype = api_names(
        STATUSTYPE_FIELDS,
        services.create_statustype,
        zaaktype=zaaktype_for_part(request, payload.zaaktype),
        actor=actor_for(access),
        forced=forced,
        **model_values(STATUSTYPE_FIELDS, _values(payload.dict())),
        **_references(request, payload.dict()),
    )
    return created(row(statustypen(request), statustype.uuid, serializers.statustype_rows))


@router.put(
    "/statustypen/{uuid}",
    response={200: schemas.StatusType, **WRITE_ERRORS},
    summary="Werk een STATUSTYPE in zijn geheel bij.",
)
def statustype_update(request: HttpRequest, uuid: str, payload: schemas.StatusTypeIn) -> HttpResponse:
    body = payload.dict()
    return change_part(
        request,
        statustypen(request),
        uuid,
        STATUSTYPE_FIELDS,
        _values(body),
        serializers.statustype_rows,
        references=_references(request, body),
        change=_change,
    )


@router.patch(
    "/statustypen/{uuid}",
    response={200: schemas.StatusType, **WRITE_ERRORS},
    summary="Werk een STATUSTYPE deels bij.",
)
def statustype_partial_update(
    request: HttpRequest, uuid: str, payload: schemas.PatchedStatusType
) -> HttpResponse:
    body = sent(payload)
    if body.get("checklistitemStatustype") is not None:
        body["checklistitemStatustype"] = [item.dict() for item in payload.checklistitemStatustype]
    return change_part(
        request,
        statustypen(request),
        uuid,
        STATUSTYPE_FIELDS,
        _values(body),
        serializers.statustype_rows,
        references=_references(request, body),
        change=_change,
    )


@router.delete(
    "/statustypen/{uuid}", response={204: None, **READ_ERRORS}, summary="Verwijder een STATUSTYPE."
)
def statustype_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    return delete_part(request, StatusType, uuid)
