"""The Zaken API's zaaknotities (new in 1.7.0): notes about a zaak, intern or extern.

``gerelateerdAan`` is the zaak's URL. The standard types its list filter as an integer (the
reference implementation's internal key); Plus1 filters on the zaak's URL instead, the
value a client has (docs/zgw-deviations.md).
"""

from __future__ import annotations

import datetime
from typing import Literal

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema
from pydantic import Field

from plus1.cases.models import ZaakNotitie
from plus1.cases.processing import Purpose, log_part_reads
from plus1.cases.services import contacts as services
from plus1.core import zgw

from ..common import audittrail
from ..common.auth import actor_for, client, require_scope
from ..common.errors import invalid
from ..common.http import created, detail_response, json_response, no_content
from ..common.pagination import PAGE_SIZE, paginate
from ..common.params import reject_unknown_params
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Page
from . import parts
from .parts import READ, UPDATE, ZRC, Url

router = Router()

COLLECTION = "zaaknotities"
MAX_PAGE_SIZE = 500

audittrail.register("cases.zaaknotitie", "zaken", COLLECTION, "zaaknotitie")

NotitieType = Literal["intern", "extern"]
NotitieStatus = Literal["concept", "definitief"]


class ZaakNotitieSchema(Schema):
    url: str = Field(json_schema_extra={"format": "uri"})
    onderwerp: str
    tekst: str
    aangemaaktDoor: str = ""
    notitieType: NotitieType = "intern"
    status: NotitieStatus = "concept"
    aanmaakdatum: datetime.datetime
    wijzigingsdatum: datetime.datetime
    gerelateerdAan: str = Field(json_schema_extra={"format": "uri"})


class ZaakNotitieRequest(Schema):
    onderwerp: str = Field(min_length=1, max_length=255)
    tekst: str = Field(min_length=1)
    aangemaaktDoor: str = Field("", max_length=255)
    notitieType: NotitieType | None = None
    status: NotitieStatus | None = None
    gerelateerdAan: Url


class PatchedZaakNotitieRequest(Schema):
    onderwerp: str | None = Field(None, min_length=1, max_length=255)
    tekst: str | None = Field(None, min_length=1)
    aangemaaktDoor: str | None = Field(None, max_length=255)
    notitieType: NotitieType | None = None
    status: NotitieStatus | None = None
    gerelateerdAan: Url | None = None


class ZaakNotitieFilter(Schema):
    aangemaaktDoor: str | None = None
    aangemaaktDoor__icontains: str | None = None
    aanmaakdatum: datetime.datetime | None = None
    aanmaakdatum__gt: datetime.datetime | None = None
    aanmaakdatum__gte: datetime.datetime | None = None
    aanmaakdatum__lt: datetime.datetime | None = None
    aanmaakdatum__lte: datetime.datetime | None = None
    gerelateerdAan: Url | None = None
    notitieType: NotitieType | None = None
    onderwerp: str | None = None
    onderwerp__icontains: str | None = None
    page: int | None = None
    pageSize: int | None = Field(None, ge=1)
    status: NotitieStatus | None = None
    tekst: str | None = None
    tekst__icontains: str | None = None
    wijzigingsdatum: datetime.datetime | None = None
    wijzigingsdatum__gt: datetime.datetime | None = None
    wijzigingsdatum__gte: datetime.datetime | None = None
    wijzigingsdatum__lt: datetime.datetime | None = None
    wijzigingsdatum__lte: datetime.datetime | None = None


# ZGW name -> column, for the exact and icontains text filters and the date-time ranges.
TEXT_COLUMNS = {"aangemaaktDoor": "author", "onderwerp": "subject", "tekst": "text"}
DATETIME_COLUMNS = {"aanmaakdatum": "created_at", "wijzigingsdatum": "updated_at"}
VALUES = {
    "onderwerp": "subject",
    "tekst": "text",
    "aangemaaktDoor": "author",
    "notitieType": "note_type",
    "status": "status",
}


def serialize(notitie: ZaakNotitie) -> dict:
    return {
        "url": zgw.url("zaken", COLLECTION, notitie.uuid),
        "onderwerp": notitie.subject,
        "tekst": notitie.text,
        "aangemaaktDoor": notitie.author,
        "notitieType": notitie.note_type,
        "status": notitie.status,
        "aanmaakdatum": parts.zulu(notitie.created_at),
        "wijzigingsdatum": parts.zulu(notitie.updated_at),
        "gerelateerdAan": zgw.url("zaken", "zaken", notitie.zaak.uuid),
    }


def _aware(value: datetime.datetime) -> datetime.datetime:
    return timezone.make_aware(value, datetime.UTC) if timezone.is_naive(value) else value


def _filtered(notities: QuerySet[ZaakNotitie], filters: ZaakNotitieFilter) -> QuerySet[ZaakNotitie]:
    values = filters.model_dump(exclude_none=True)
    notities = parts.for_zaak(notities, filters.gerelateerdAan)
    for name, column in TEXT_COLUMNS.items():
        if name in values:
            notities = notities.filter(**{column: values[name]})
        if f"{name}__icontains" in values:
            notities = notities.filter(**{f"{column}__icontains": values[f"{name}__icontains"]})
    for name, column in DATETIME_COLUMNS.items():
        for suffix, lookup in (
            ("", ""),
            ("__gt", "__gt"),
            ("__gte", "__gte"),
            ("__lt", "__lt"),
            ("__lte", "__lte"),
        ):
            if f"{name}{suffix}" in values:
                notities = notities.filter(**{f"{column}{lookup}": _aware(values[f"{name}{suffix}"])})
    if filters.notitieType is not None:
        notities = notities.filter(note_type=filters.notitieType)
    if filters.status is not None:
        notities = notities.filter(status=filters.status)
    return notities


def _logged(request: HttpRequest, notities: list[ZaakNotitie], operation: str) -> list[ZaakNotitie]:
    # A notitie's text is free text about the zaak and may name the resident: its read is logged.
    log_part_reads(notities, Purpose.handling(actor_for(client(request)), operation=operation))
    return notities


@router.get(
    f"/{COLLECTION}",
    response={200: Page[ZaakNotitieSchema], **LIST_ERRORS},
    operation_id="zaaknotitie_list",
    summary="Alle ZAAKNOTITIEs opvragen.",
)
def zaaknotitie_list(request: HttpRequest, filters: Query[ZaakNotitieFilter]) -> HttpResponse:
    require_scope(request, ZRC, READ)
    reject_unknown_params(request, set(ZaakNotitieFilter.model_fields))
    notities = _filtered(parts.visible(request, ZaakNotitie), filters)
    page_size = min(filters.pageSize or PAGE_SIZE, MAX_PAGE_SIZE)
    page = paginate(
        request,
        notities.order_by("id"),
        lambda rows: [serialize(row) for row in _logged(request, rows, "zaaknotitie_list")],
        page_size=page_size,
    )
    return json_response(page)


def _values(data: dict) -> dict:
    return {column: data[name] for name, column in VALUES.items() if name in data}


@router.post(
    f"/{COLLECTION}",
    response={201: ZaakNotitieSchema, **WRITE_ERRORS},
    operation_id="zaaknotitie_create",
    summary="Maak een ZAAKNOTITIE aan.",
)
def zaaknotitie_create(request: HttpRequest, payload: ZaakNotitieRequest) -> HttpResponse:
    require_scope(request, ZRC, UPDATE)
    zaak = parts.zaak_from_url(request, payload.gerelateerdAan, "gerelateerdAan")
    access = parts.require_for_zaak(request, zaak, UPDATE)
    notitie = services.add_zaaknotitie(
        zaak=zaak,
        values=_values(payload.model_dump()),
        actor=actor_for(access),
        may_change_closed=parts.may_change_closed(access, zaak),
    )
    return created(serialize(notitie))


@router.get(
    f"/{COLLECTION}/{{uuid}}",
    response={200: ZaakNotitieSchema, **READ_ERRORS},
    operation_id="zaaknotitie_read",
    summary="Een specifieke ZAAKNOTITIE opvragen.",
)
def zaaknotitie_read(request: HttpRequest, uuid: str) -> HttpResponse:
    reject_unknown_params(request, set())
    notitie = parts.get_part(request, ZaakNotitie, uuid, READ)
    _logged(request, [notitie], "zaaknotitie_read")
    return detail_response(request, serialize(notitie))


def _update(request: HttpRequest, uuid: str, data: dict, actie: str) -> HttpResponse:
    access = require_scope(request, ZRC, UPDATE)
    notitie = parts.get_part(request, ZaakNotitie, uuid, UPDATE)
    target = data.get("gerelateerdAan")
    if target is not None and parts.zaak_from_url(request, target, "gerelateerdAan").pk != notitie.zaak_id:
        raise invalid(
            "gerelateerdAan", "wijzigen-niet-toegelaten", "De zaak van een notitie kan niet veranderen."
        )
    notitie = services.update_zaaknotitie(
        notitie=notitie,
        values=_values(data),
        actor=actor_for(access),
        may_change_closed=parts.may_change_closed(access, notitie.zaak),
        zgw_actie=actie,
    )
    return json_response(serialize(parts.get_part(request, ZaakNotitie, uuid, UPDATE)))


@router.put(
    f"/{COLLECTION}/{{uuid}}",
    response={200: ZaakNotitieSchema, **WRITE_ERRORS},
    operation_id="zaaknotitie_update",
    summary="Werk een ZAAKNOTITIE in zijn geheel bij.",
)
def zaaknotitie_update(request: HttpRequest, uuid: str, payload: ZaakNotitieRequest) -> HttpResponse:
    return _update(request, uuid, payload.model_dump(), "update")


@router.patch(
    f"/{COLLECTION}/{{uuid}}",
    response={200: ZaakNotitieSchema, **WRITE_ERRORS},
    operation_id="zaaknotitie_partial_update",
    summary="Werk een ZAAKNOTITIE deels bij.",
)
def zaaknotitie_partial_update(
    request: HttpRequest, uuid: str, payload: PatchedZaakNotitieRequest
) -> HttpResponse:
    return _update(request, uuid, payload.model_dump(include=payload.model_fields_set), "partial_update")


@router.delete(
    f"/{COLLECTION}/{{uuid}}",
    response={204: None, **READ_ERRORS},
    operation_id="zaaknotitie_delete",
    summary="Verwijder een ZAAKNOTITIE.",
)
def zaaknotitie_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    access = require_scope(request, ZRC, UPDATE)
    notitie = parts.get_part(request, ZaakNotitie, uuid, UPDATE)
    services.delete_zaaknotitie(
        notitie=notitie,
        actor=actor_for(access),
        may_change_closed=parts.may_change_closed(access, notitie.zaak),
    )
    return no_content()
