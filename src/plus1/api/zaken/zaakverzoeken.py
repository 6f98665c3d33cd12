"""The Zaken API's zaakverzoeken: a zaak follows from a verzoek in the Klantinteracties API.

Plus1 does not host that API: the verzoek's URL is checked as a URL and stored as
given, not fetched, and not mirrored there (zrc-024 is the Klantinteracties API's part).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from pydantic import Field

from plus1.cases.models import ZaakVerzoek
from plus1.cases.services import contacts as services
from plus1.core import zgw

from ..common import audittrail
from ..common.auth import actor_for, require_scope
from ..common.http import created, detail_response, json_response, no_content
from ..common.params import reject_unknown_params
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS
from . import parts
from .parts import READ, UPDATE, ZRC, Url

router = Router()

COLLECTION = "zaakverzoeken"

audittrail.register("cases.zaakverzoek", "zaken", COLLECTION, "zaakverzoek")


class ZaakVerzoekSchema(Schema):
    url: str = Field(json_schema_extra={"format": "uri"})
    uuid: str = Field(json_schema_extra={"format": "uuid"})
    zaak: str = Field(json_schema_extra={"format": "uri"})
    verzoek: str = Field(json_schema_extra={"format": "uri"})


class ZaakVerzoekRequest(Schema):
    zaak: Url
    verzoek: Url


class ZaakVerzoekFilter(Schema):
    zaak: Url | None = None
    verzoek: Url | None = None


def serialize(link: ZaakVerzoek) -> dict:
    return {
        "url": zgw.url("zaken", COLLECTION, link.uuid),
        "uuid": str(link.uuid),
        "zaak": zgw.url("zaken", "zaken", link.zaak.uuid),
        "verzoek": link.verzoek,
    }


@router.get(
    f"/{COLLECTION}",
    response={200: list[ZaakVerzoekSchema], **LIST_ERRORS},
    operation_id="zaakverzoek_list",
    summary="Alle ZAAK-VERZOEKen opvragen.",
)
def zaakverzoek_list(request: HttpRequest, filters: Query[ZaakVerzoekFilter]) -> HttpResponse:
    require_scope(request, ZRC, READ)
    reject_unknown_params(request, set(ZaakVerzoekFilter.model_fields))
    links = parts.for_zaak(parts.visible(request, ZaakVerzoek), filters.zaak)
    if filters.verzoek is not None:
        links = links.filter(verzoek=filters.verzoek)
    return json_response([serialize(link) for link in links.order_by("id")])


@router.post(
    f"/{COLLECTION}",
    response={201: ZaakVerzoekSchema, **WRITE_ERRORS},
    operation_id="zaakverzoek_create",
    summary="Maak een ZAAK-VERZOEK aan.",
)
def zaakverzoek_create(request: HttpRequest, payload: ZaakVerzoekRequest) -> HttpResponse:
    require_scope(request, ZRC, UPDATE)
    zaak = parts.zaak_from_url(request, payload.zaak)
    access = parts.require_for_zaak(request, zaak, UPDATE)
    link = services.link_verzoek(
        zaak=zaak,
        verzoek=payload.verzoek,
        actor=actor_for(access),
        may_change_closed=parts.may_change_closed(access, zaak),
    )
    return created(serialize(link))


@router.get(
    f"/{COLLECTION}/{{uuid}}",
    response={200: ZaakVerzoekSchema, **READ_ERRORS},
    operation_id="zaakverzoek_retrieve",
    summary="Een specifieke ZAAK-VERZOEK opvragen.",
)
def zaakverzoek_retrieve(request: HttpRequest, uuid: str) -> HttpResponse:
    reject_unknown_params(request, set())
    return detail_response(request, serialize(parts.get_part(request, ZaakVerzoek, uuid, READ)))


@router.delete(
    f"/{COLLECTION}/{{uuid}}",
    response={204: None, **READ_ERRORS},
    operation_id="zaakverzoek_destroy",
    summary="Verwijder een ZAAK-VERZOEK.",
)
def zaakverzoek_destroy(request: HttpRequest, uuid: str) -> HttpResponse:
    access = require_scope(request, ZRC, UPDATE)
    link = parts.get_part(request, ZaakVerzoek, uuid, UPDATE)
    services.unlink_verzoek(
        link=link, actor=actor_for(access), may_change_closed=parts.may_change_closed(access, link.zaak)
    )
    return no_content()
