"""The Zaken API's zaakinformatieobjecten: which documents belong to which zaak.

Built with the Documenten API (one engineer, one model): a zaakinformatieobject is a
``ZaakInformatieObject`` row, mirrored as an objectinformatieobject (zrc-004). Documents the
portal or back office added to a zaak have one too.
"""

from __future__ import annotations

import datetime
import uuid as uuid_module
from typing import Any, Literal

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema
from pydantic import Field

from plus1.cases.models import InformatieObject, Zaak, ZaakInformatieObject
from plus1.cases.services import documents as services
from plus1.core import zgw

from ..common.auth import actor_for, client, require_for_object, require_scope
from ..common.bounds import ArchiveDateTime
from ..common.errors import ApiError, invalid, not_found
from ..common.http import created, detail_response, json_response, no_content
from ..common.params import reject_unknown_params
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS
from .expand import rendered as with_expand
from .parts import may_change_closed
from .serializers import serialize_zaakinformatieobject as serialize

router = Router()

ZRC = "zrc"
READ = "zaken.lezen"
CREATE_SCOPES = ("zaken.aanmaken", "zaken.bijwerken", "zaken.geforceerd-bijwerken")
UPDATE_SCOPES = ("zaken.bijwerken", "zaken.geforceerd-bijwerken")
DELETE_SCOPES = ("zaken.bijwerken", "zaken.geforceerd-bijwerken", "zaken.verwijderen")
COLLECTION = "zaakinformatieobjecten"


class ZaakInformatieObjectSchema(Schema):
    url: str
    uuid: str
    informatieobject: str
    zaak: str
    aardRelatieWeergave: Literal[
        "Hoort bij, omgekeerd: kent", "Legt vast, omgekeerd: kan vastgelegd zijn als"
    ]
    titel: str
    beschrijving: str
    registratiedatum: datetime.datetime
    vernietigingsdatum: datetime.datetime | None
    status: str | None


class ZaakInformatieObjectExpanded(ZaakInformatieObjectSchema):
    expand: dict[str, Any] | None = Field(None, alias="_expand")


# Attributes a client cannot write (url, uuid, aardRelatieWeergave, registratiedatum) are
# ignored, as on every other resource: a client may send back what it read.
class ZaakInformatieObjectRequest(Schema):
    informatieobject: str = Field(max_length=1000)
    zaak: str = Field(min_length=1, max_length=1000)
    titel: str = Field("", max_length=200)
    beschrijving: str = ""
    vernietigingsdatum: ArchiveDateTime | None = None
    status: str | None = Field(None, max_length=1000)


class PatchedZaakInformatieObjectRequest(Schema):
    informatieobject: str | None = Field(None, max_length=1000)
    zaak: str | None = Field(None, min_length=1, max_length=1000)
    titel: str | None = Field(None, max_length=200)
    beschrijving: str | None = None
    vernietigingsdatum: ArchiveDateTime | None = None
    status: str | None = Field(None, max_length=1000)


def _links(request: HttpRequest, *scopes: str) -> QuerySet[ZaakInformatieObject]:
    access = require_scope(request, ZRC, *scopes)
    visible = Zaak.objects.for_tenant(request.tenant).filter(
        access.filter_q(ZRC, *scopes, type_field="zaaktype_id", confidentiality_field="confidentiality")
    )
    return (
        ZaakInformatieObject.objects.for_tenant(request.tenant)
        .filter(zaak__in=visible.values("pk"))
        .select_related("zaak", "informatieobject")
    )


def _get(request: HttpRequest, uuid: str, *scopes: str) -> ZaakInformatieObject:
    try:
        link_uuid = uuid_module.UUID(uuid)
    except ValueError:
        raise not_found() from None
    link = (
        ZaakInformatieObject.objects.for_tenant(request.tenant)
        .select_related("zaak__zaaktype", "informatieobject")
        .filter(uuid=link_uuid)
        .first()
    )
    if link is None:
        raise not_found()
    require_for_object(
        request, ZRC, *scopes, type_id=link.zaak.zaaktype_id, confidentiality=link.zaak.confidentiality
    )
    return link


@router.get(
    f"/{COLLECTION}",
    response={200: list[ZaakInformatieObjectExpanded], **LIST_ERRORS},
    summary="Alle ZAAK-INFORMATIEOBJECT relaties opvragen.",
    by_alias=True,
)
def zaakinformatieobject_list(
    request: HttpRequest,
    zaak: str | None = None,
    informatieobject: str | None = None,
    expand: str | None = None,
) -> HttpResponse:
    reject_unknown_params(request, {"zaak", "informatieobject", "expand"})
    links = _links(request, READ)
    if zaak:
        zaak_uuid = zgw.uuid_from_url(zaak, "zaken", "zaken")
        links = links.filter(zaak__uuid=zaak_uuid) if zaak_uuid else links.none()
    if informatieobject:
        document_uuid = zgw.uuid_from_url(informatieobject, "documenten", "enkelvoudiginformatieobjecten")
        links = links.filter(informatieobject__uuid=document_uuid) if document_uuid else links.none()
    data = [serialize(link) for link in links.order_by("pk")]
    return json_response(with_expand(request, "zaakinformatieobject", data, expand))


@router.api_operation(
    ["HEAD"],
    f"/{COLLECTION}/{{uuid}}",
    response={200: None},
    summary="De headers voor een specifiek(e) ZAAK-INFORMATIEOBJECT opvragen.",
)
def zaakinformatieobject_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    return detail_response(request, serialize(_get(request, uuid, READ)))


@router.get(
    f"/{COLLECTION}/{{uuid}}",
    response={200: ZaakInformatieObjectExpanded, **READ_ERRORS},
    summary="Een specifieke ZAAK-INFORMATIEOBJECT relatie opvragen.",
    by_alias=True,
)
def zaakinformatieobject_read(request: HttpRequest, uuid: str, expand: str | None = None) -> HttpResponse:
    data = [serialize(_get(request, uuid, READ))]
    return detail_response(request, with_expand(request, "zaakinformatieobject", data, expand)[0])


def _guard_closed(request: HttpRequest, zaak: Zaak) -> None:
    # zrc-007: the documents of a closed zaak change only with zaken.geforceerd-bijwerken.
    if not zaak.is_open and not may_change_closed(client(request), zaak):
        raise ApiError(
            403,
            "permission_denied",
            "Deze zaak is afgesloten. Hiervoor is de scope zaken.geforceerd-bijwerken nodig.",
        )


def _resolve_zaak(request: HttpRequest, value: str) -> Zaak:
    zaak_uuid = zgw.uuid_from_url(value, "zaken", "zaken")
    zaak = (
        Zaak.objects.for_tenant(request.tenant).select_related("zaaktype").filter(uuid=zaak_uuid).first()
        if zaak_uuid
        else None
    )
    if zaak is None:
        raise invalid("zaak", "bad-url", "Deze zaak bestaat niet.")
    return zaak


def _resolve_document(request: HttpRequest, value: str) -> InformatieObject:
    """zrc-003: the informatieobject must be a document of this gemeente in the Documenten API."""
    document_uuid = zgw.uuid_from_url(value, "documenten", "enkelvoudiginformatieobjecten")
    document = (
        InformatieObject.objects.for_tenant(request.tenant).filter(uuid=document_uuid).first()
        if document_uuid
        else None
    )
    if document is None:
        raise invalid(
            "informatieobject", "bad-url", "Dit informatieobject bestaat niet in de Documenten API."
        )
    return document


@router.post(
    f"/{COLLECTION}",
    response={201: ZaakInformatieObjectSchema, **WRITE_ERRORS},
    summary="Maak een ZAAK-INFORMATIEOBJECT relatie aan.",
)
def zaakinformatieobject_create(request: HttpRequest, payload: ZaakInformatieObjectRequest) -> HttpResponse:
    access = require_scope(request, ZRC, *CREATE_SCOPES)
    zaak = _resolve_zaak(request, payload.zaak)
    require_for_object(
        request, ZRC, *CREATE_SCOPES, type_id=zaak.zaaktype_id, confidentiality=zaak.confidentiality
    )
    _guard_closed(request, zaak)
    document = _resolve_document(request, payload.informatieobject)
    link = services.link_zaak_document(
        zaak=zaak,
        document=document,
        actor=actor_for(access),
        titel=payload.titel,
        beschrijving=payload.beschrijving,
    )
    return created(serialize(link))


def _update(request: HttpRequest, uuid: str, values: dict, *, partial: bool) -> HttpResponse:
    access = client(request)
    require_scope(request, ZRC, *UPDATE_SCOPES)
    link = _get(request, uuid, *UPDATE_SCOPES)
    _guard_closed(request, link.zaak)
    # zrc-005: zaak and informatieobject are fixed once the relation exists.
    for name, current in (
        ("zaak", zgw.url("zaken", "zaken", link.zaak.uuid)),
        (
            "informatieobject",
            zgw.url("documenten", "enkelvoudiginformatieobjecten", link.informatieobject.uuid),
        ),
    ):
        if values.get(name) is not None:
            api_name, collection = (
                ("zaken", "zaken") if name == "zaak" else ("documenten", "enkelvoudiginformatieobjecten")
            )
            if zgw.uuid_from_url(values[name], api_name, collection) != zgw.uuid_from_url(
                current, api_name, collection
            ):
                raise invalid(name, "wijzigen-niet-toegelaten", "Dit veld kan niet meer veranderen.")
    link = services.update_zaak_link(link=link, actor=actor_for(access), values=values, partial=partial)
    return json_response(serialize(_get(request, uuid, *UPDATE_SCOPES)))


@router.put(
    f"/{COLLECTION}/{{uuid}}",
    response={200: ZaakInformatieObjectSchema, **WRITE_ERRORS},
    summary="Werk een ZAAK-INFORMATIEOBJECT relatie in zijn geheel bij.",
)
def zaakinformatieobject_update(
    request: HttpRequest, uuid: str, payload: ZaakInformatieObjectRequest
) -> HttpResponse:
    return _update(request, uuid, payload.model_dump(), partial=False)


@router.patch(
    f"/{COLLECTION}/{{uuid}}",
    response={200: ZaakInformatieObjectSchema, **WRITE_ERRORS},
    summary="Werk een ZAAK-INFORMATIEOBJECT relatie deels bij.",
)
def zaakinformatieobject_partial_update(
    request: HttpRequest, uuid: str, payload: PatchedZaakInformatieObjectRequest
) -> HttpResponse:
    return _update(request, uuid, payload.model_dump(include=payload.model_fields_set), partial=True)


@router.delete(
    f"/{COLLECTION}/{{uuid}}",
    response={204: None, **READ_ERRORS},
    summary="Verwijder een ZAAK-INFORMATIEOBJECT relatie.",
)
def zaakinformatieobject_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    access = require_scope(request, ZRC, *DELETE_SCOPES)
    link = _get(request, uuid, *DELETE_SCOPES)
    _guard_closed(request, link.zaak)
    services.unlink_zaak_document(link=link, actor=actor_for(access))
    return no_content()
