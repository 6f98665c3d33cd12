"""The gebruiksrechten: the conditions under which a document may be used (drc-006)."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Router

from plus1.cases.models import Gebruiksrecht
from plus1.cases.services import documents as services
from plus1.core import zgw

from ..common.auth import actor_for, require_for_object, require_scope
from ..common.errors import invalid, not_found
from ..common.http import created, detail_response, json_response, no_content
from ..common.params import reject_unknown_params
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS
from .access import (
    CREATE,
    DELETE,
    DRC,
    EIO,
    READ,
    UPDATE,
    parse_uuid,
    readable_documents,
    tenant_documents,
)
from .expanding import with_expand
from .schemas import (
    Gebruiksrechten,
    GebruiksrechtenExpanded,
    GebruiksrechtenRequest,
    PatchedGebruiksrechtenRequest,
)
from .serializers import zulu

router = Router()

# --- gebruiksrechten --------------------------------------------------------------------------


def serialize_right(right: Gebruiksrecht) -> dict:
    return {
        "url": zgw.url("documenten", "gebruiksrechten", right.uuid),
        "informatieobject": services.document_url(right.informatieobject),
        "startdatum": zulu(right.starts_at),
        "einddatum": zulu(right.ends_at),
        "omschrijvingVoorwaarden": right.conditions,
    }


def _rights(request: HttpRequest, scope: str = READ) -> QuerySet[Gebruiksrecht]:
    visible = readable_documents(request, scope)
    return (
        Gebruiksrecht.objects.for_tenant(request.tenant)
        .filter(informatieobject__in=visible.values("pk"))
        .select_related("informatieobject")
    )


def _get_right(request: HttpRequest, uuid: str, scope: str) -> Gebruiksrecht:
    right = (
        Gebruiksrecht.objects.for_tenant(request.tenant)
        .select_related("informatieobject__informatieobjecttype")
        .filter(uuid=parse_uuid(uuid))
        .first()
    )
    if right is None:
        raise not_found()
    document = right.informatieobject
    require_for_object(
        request,
        DRC,
        scope,
        type_id=document.informatieobjecttype_id,
        confidentiality=document.confidentiality,
    )
    return right


RIGHTS_PARAMS = {
    "informatieobject",
    *(f"{field}__{op}" for field in ("startdatum", "einddatum") for op in ("lt", "lte", "gt", "gte")),
    "expand",
}


@router.get(
    "/gebruiksrechten",
    response={200: list[GebruiksrechtenExpanded], **LIST_ERRORS},
    by_alias=True,
    summary="Alle GEBRUIKSRECHTen opvragen.",
)
def gebruiksrechten_list(
    request: HttpRequest,
    informatieobject: str | None = None,
    startdatum__lt: datetime.datetime | None = None,
    startdatum__lte: datetime.datetime | None = None,
    startdatum__gt: datetime.datetime | None = None,
    startdatum__gte: datetime.datetime | None = None,
    einddatum__lt: datetime.datetime | None = None,
    einddatum__lte: datetime.datetime | None = None,
    einddatum__gt: datetime.datetime | None = None,
    einddatum__gte: datetime.datetime | None = None,
    expand: str | None = None,
) -> HttpResponse:
    reject_unknown_params(request, RIGHTS_PARAMS)
    rights = _rights(request)
    if informatieobject:
        document_uuid = zgw.uuid_from_url(informatieobject, "documenten", EIO)
        rights = rights.filter(informatieobject__uuid=document_uuid) if document_uuid else rights.none()
    bounds = {
        "startdatum__lt": ("starts_at__lt", startdatum__lt),
        "startdatum__lte": ("starts_at__lte", startdatum__lte),
        "startdatum__gt": ("starts_at__gt", startdatum__gt),
        "startdatum__gte": ("starts_at__gte", startdatum__gte),
        "einddatum__lt": ("ends_at__lt", einddatum__lt),
        "einddatum__lte": ("ends_at__lte", einddatum__lte),
        "einddatum__gt": ("ends_at__gt", einddatum__gt),
        "einddatum__gte": ("ends_at__gte", einddatum__gte),
    }
    for lookup, value in bounds.values():
        if value is not None:
            # In UTC: PostgreSQL refuses offsets beyond ±15:59, which ISO 8601 allows.
            aware = value if timezone.is_aware(value) else timezone.make_aware(value, datetime.UTC)
            rights = rights.filter(**{lookup: aware.astimezone(datetime.UTC)})
    data = [serialize_right(right) for right in rights.order_by("pk")]
    return json_response(with_expand(request, "gebruiksrecht", data, expand))


@router.api_operation(
    ["HEAD"],
    "/gebruiksrechten/{uuid}",
    response={200: None},
    summary="De headers voor een specifiek(e) GEBRUIKSRECHT INFORMATIEOBJECT opvragen.",
)
def gebruiksrechten_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    require_scope(request, DRC, READ)
    return detail_response(request, serialize_right(_get_right(request, uuid, READ)))


@router.get(
    "/gebruiksrechten/{uuid}",
    response={200: GebruiksrechtenExpanded, **READ_ERRORS},
    by_alias=True,
    summary="Een specifieke GEBRUIKSRECHT opvragen.",
)
def gebruiksrechten_read(request: HttpRequest, uuid: str, expand: str | None = None) -> HttpResponse:
    require_scope(request, DRC, READ)
    data = [serialize_right(_get_right(request, uuid, READ))]
    return detail_response(request, with_expand(request, "gebruiksrecht", data, expand)[0])


@router.post(
    "/gebruiksrechten",
    response={201: Gebruiksrechten, **WRITE_ERRORS},
    summary="Maak een GEBRUIKSRECHT aan.",
)
def gebruiksrechten_create(request: HttpRequest, payload: GebruiksrechtenRequest) -> HttpResponse:
    access = require_scope(request, DRC, CREATE)
    document_uuid = zgw.uuid_from_url(payload.informatieobject, "documenten", EIO)
    document = tenant_documents(request).filter(uuid=document_uuid).first() if document_uuid else None
    if document is None:
        raise invalid("informatieobject", "bad-url", "Dit informatieobject bestaat niet.")
    require_for_object(
        request,
        DRC,
        CREATE,
        type_id=document.informatieobjecttype_id,
        confidentiality=document.confidentiality,
    )
    right = services.add_gebruiksrecht(
        document=document,
        actor=actor_for(access),
        starts_at=payload.startdatum,
        ends_at=payload.einddatum,
        conditions=payload.omschrijvingVoorwaarden,
    )
    return created(serialize_right(right))


def _update_right(request: HttpRequest, uuid: str, data: dict) -> HttpResponse:
    access = require_scope(request, DRC, UPDATE)
    right = _get_right(request, uuid, UPDATE)
    given = data.get("informatieobject")
    if given and zgw.uuid_from_url(given, "documenten", EIO) != right.informatieobject.uuid:
        raise invalid(
            "informatieobject", "wijzigen-niet-toegelaten", "Het informatieobject kan niet veranderen."
        )
    names = {"startdatum": "starts_at", "einddatum": "ends_at", "omschrijvingVoorwaarden": "conditions"}
    right = services.update_gebruiksrecht(
        right=right, actor=actor_for(access), values={names[k]: v for k, v in data.items() if k in names}
    )
    return json_response(serialize_right(right))


@router.put(
    "/gebruiksrechten/{uuid}",
    response={200: Gebruiksrechten, **WRITE_ERRORS},
    summary="Werk een GEBRUIKSRECHT in zijn geheel bij.",
)
def gebruiksrechten_update(request: HttpRequest, uuid: str, payload: GebruiksrechtenRequest) -> HttpResponse:
    return _update_right(request, uuid, payload.model_dump())


@router.patch(
    "/gebruiksrechten/{uuid}",
    response={200: Gebruiksrechten, **WRITE_ERRORS},
    summary="Werk een GEBRUIKSRECHT relatie deels bij.",
)
def gebruiksrechten_partial_update(
    request: HttpRequest, uuid: str, payload: PatchedGebruiksrechtenRequest
) -> HttpResponse:
    return _update_right(request, uuid, payload.model_dump(include=payload.model_fields_set))


@router.delete(
    "/gebruiksrechten/{uuid}",
    response={204: None, **READ_ERRORS},
    summary="Verwijder een GEBRUIKSRECHT.",
)
def gebruiksrechten_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    access = require_scope(request, DRC, DELETE)
    right = _get_right(request, uuid, DELETE)
    services.delete_gebruiksrecht(right=right, actor=actor_for(access))
    return no_content()
