"""The Zaken API's klantcontacten: contacts with the resident about a zaak.

Deprecated in the standard (the Klantinteracties API takes over) but still part of Zaken
1.7.0: list, create and read, no change or delete.
"""

from __future__ import annotations

import datetime

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema
from pydantic import Field

from plus1.cases.models import KlantContact
from plus1.cases.processing import Purpose, log_part_reads
from plus1.cases.services import contacts as services
from plus1.core import zgw

from ..common import audittrail
from ..common.auth import actor_for, client, require_scope
from ..common.bounds import BoundedDateTime
from ..common.http import created, detail_response, json_response
from ..common.pagination import paginate
from ..common.params import reject_unknown_params
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Page
from . import parts
from .parts import FORCE, READ, UPDATE, ZRC, Url

router = Router()

COLLECTION = "klantcontacten"
CREATE_SCOPES = (UPDATE, FORCE)

audittrail.register("cases.klantcontact", "zaken", COLLECTION, "klantcontact")


class KlantContactSchema(Schema):
    url: str = Field(json_schema_extra={"format": "uri"})
    uuid: str = Field(json_schema_extra={"format": "uuid"})
    zaak: str = Field(json_schema_extra={"format": "uri"})
    identificatie: str = ""
    datumtijd: datetime.datetime
    kanaal: str = ""
    onderwerp: str = ""
    toelichting: str = ""


class KlantContactRequest(Schema):
    zaak: Url
    identificatie: str = Field("", max_length=14)
    datumtijd: BoundedDateTime
    kanaal: str = Field("", max_length=20)
    onderwerp: str = Field("", max_length=200)
    toelichting: str = Field("", max_length=1000)


class KlantContactFilter(Schema):
    zaak: Url | None = None
    page: int | None = None


def serialize(contact: KlantContact) -> dict:
    return {
        "url": zgw.url("zaken", COLLECTION, contact.uuid),
        "uuid": str(contact.uuid),
        "zaak": zgw.url("zaken", "zaken", contact.zaak.uuid),
        "identificatie": contact.identificatie,
        "datumtijd": parts.zulu(contact.contacted_at),
        "kanaal": contact.channel,
        "onderwerp": contact.subject,
        "toelichting": contact.toelichting,
    }


def _logged(request: HttpRequest, contacts: list[KlantContact], operation: str) -> list[KlantContact]:
    # A toelichting is free text about the contact with the resident: its read is logged.
    log_part_reads(contacts, Purpose.handling(actor_for(client(request)), operation=operation))
    return contacts


@router.get(
    f"/{COLLECTION}",
    response={200: Page[KlantContactSchema], **LIST_ERRORS},
    operation_id="klantcontact_list",
    summary="Alle KLANTCONTACTen opvragen.",
    deprecated=True,
)
def klantcontact_list(request: HttpRequest, filters: Query[KlantContactFilter]) -> HttpResponse:
    require_scope(request, ZRC, READ)
    reject_unknown_params(request, set(KlantContactFilter.model_fields))
    contacts = parts.for_zaak(parts.visible(request, KlantContact), filters.zaak)
    page = paginate(
        request,
        contacts.order_by("id"),
        lambda rows: [serialize(row) for row in _logged(request, rows, "klantcontact_list")],
    )
    return json_response(page)


@router.post(
    f"/{COLLECTION}",
    response={201: KlantContactSchema, **WRITE_ERRORS},
    operation_id="klantcontact_create",
    summary="Maak een KLANTCONTACT bij een ZAAK aan.",
    deprecated=True,
)
def klantcontact_create(request: HttpRequest, payload: KlantContactRequest) -> HttpResponse:
    require_scope(request, ZRC, *CREATE_SCOPES)
    zaak = parts.zaak_from_url(request, payload.zaak)
    access = parts.require_for_zaak(request, zaak, *CREATE_SCOPES)
    contacted_at = payload.datumtijd
    if timezone.is_naive(contacted_at):
        contacted_at = timezone.make_aware(contacted_at, datetime.UTC)
    contact = services.add_klantcontact(
        zaak=zaak,
        contacted_at=contacted_at,
        identificatie=payload.identificatie,
        channel=payload.kanaal,
        subject=payload.onderwerp,
        toelichting=payload.toelichting,
        actor=actor_for(access),
        may_change_closed=parts.may_change_closed(access, zaak),
    )
    return created(serialize(parts.get_part(request, KlantContact, str(contact.uuid), *CREATE_SCOPES)))


@router.get(
    f"/{COLLECTION}/{{uuid}}",
    response={200: KlantContactSchema, **READ_ERRORS},
    operation_id="klantcontact_retrieve",
    summary="Een specifieke KLANTCONTACT opvragen.",
    deprecated=True,
)
def klantcontact_retrieve(request: HttpRequest, uuid: str) -> HttpResponse:
    reject_unknown_params(request, set())
    contact = parts.get_part(request, KlantContact, uuid, READ)
    _logged(request, [contact], "klantcontact_retrieve")
    return detail_response(request, serialize(contact))
