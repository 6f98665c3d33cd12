"""The Zaken API's zaakcontactmomenten: a zaak is about a contactmoment in the Klantinteracties API.

Plus1 does not host that API: the contactmoment's URL is checked as a URL and stored as
given, not fetched, and not mirrored there (zrc-025 is the Klantinteracties API's part).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from pydantic import Field

from plus1.cases.models import ZaakContactMoment
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

COLLECTION = "zaakcontactmomenten"

audittrail.register("cases.zaakcontactmoment", "zaken", COLLECTION, "zaakcontactmoment")


class ZaakContactMomentSchema(Schema):
    url: str = Field(json_schema_extra={"format": "uri"})
    uuid: str = Field(json_schema_extra={"format": "uuid"})
    zaak: str = Field(json_schema_extra={"format": "uri"})
    contactmoment: str = Field(json_schema_extra={"format": "uri"})


class ZaakContactMomentRequest(Schema):
    zaak: Url
    contactmoment: Url


class ZaakContactMomentFilter(Schema):
    zaak: Url | None = None
    contactmoment: Url | None = None


def serialize(link: ZaakContactMoment) -> dict:
    return {
        "url": zgw.url("zaken", COLLECTION, link.uuid),
        "uuid": str(link.uuid),
        "zaak": zgw.url("zaken", "zaken", link.zaak.uuid),
        "contactmoment": link.contactmoment,
    }


@router.get(
    f"/{COLLECTION}",
    response={200: list[ZaakContactMomentSchema], **LIST_ERRORS},
    operation_id="zaakcontactmoment_list",
    summary="Alle ZAAKCONTACTMOMENTen opvragen.",
)
def zaakcontactmoment_list(request: HttpRequest, filters: Query[ZaakContactMomentFilter]) -> HttpResponse:
    require_scope(request, ZRC, READ)
    reject_unknown_params(request, set(ZaakContactMomentFilter.model_fields))
    links = parts.for_zaak(parts.visible(request, ZaakContactMoment), filters.zaak)
    if filters.contactmoment is not None:
        links = links.filter(contactmoment=filters.contactmoment)
    return json_response([serialize(link) for link in links.order_by("id")])


@router.post(
    f"/{COLLECTION}",
    response={201: ZaakContactMomentSchema, **WRITE_ERRORS},
    operation_id="zaakcontactmoment_create",
    summary="Maak een ZAAKCONTACTMOMENT aan.",
)
def zaakcontactmoment_create(request: HttpRequest, payload: ZaakContactMomentRequest) -> HttpResponse:
    require_scope(request, ZRC, UPDATE)
    zaak = parts.zaak_from_url(request, payload.zaak)
    access = parts.require_for_zaak(request, zaak, UPDATE)
    link = services.link_contactmoment(
        zaak=zaak,
        contactmoment=payload.contactmoment,
        actor=actor_for(access),
        may_change_closed=parts.may_change_closed(access, zaak),
    )
    return created(serialize(link))


@router.get(
    f"/{COLLECTION}/{{uuid}}",
    response={200: ZaakContactMomentSchema, **READ_ERRORS},
    operation_id="zaakcontactmoment_retrieve",
    summary="Een specifiek ZAAKCONTACTMOMENT opvragen.",
)
def zaakcontactmoment_retrieve(request: HttpRequest, uuid: str) -> HttpResponse:
    reject_unknown_params(request, set())
    return detail_response(request, serialize(parts.get_part(request, ZaakContactMoment, uuid, READ)))


@router.delete(
    f"/{COLLECTION}/{{uuid}}",
    response={204: None, **READ_ERRORS},
    operation_id="zaakcontactmoment_destroy",
    summary="Verwijder een ZAAKCONTACTMOMENT.",
)
def zaakcontactmoment_destroy(request: HttpRequest, uuid: str) -> HttpResponse:
    access = require_scope(request, ZRC, UPDATE)
    link = parts.get_part(request, ZaakContactMoment, uuid, UPDATE)
    services.unlink_contactmoment(
        link=link, actor=actor_for(access), may_change_closed=parts.may_change_closed(access, link.zaak)
    )
    return no_content()
