"""The verzendingen: to whom a document was sent, or from whom it was received (Documenten 1.7.0).

A client sees a verzending when it may see its document: the same gemeente, and an
autorisatie for the document's informatieobjecttype and confidentiality. Every change goes
through ``plus1.cases.services.verzendingen``.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Router

from plus1.cases.models import InformatieObject, Verzending
from plus1.cases.services import verzendingen as services
from plus1.cases.services.documents import document_url
from plus1.core import zgw

from ..common.auth import actor_for, require_for_object, require_scope
from ..common.errors import invalid, not_found
from ..common.http import created, detail_response, json_response, no_content
from ..common.pagination import paginate
from ..common.params import reject_unknown_params
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Page
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
from .schemas import AardRelatie as AardRelatieChoice
from .schemas import PatchedVerzendingRequest, VerzendingExpanded, VerzendingRequest
from .schemas import Verzending as VerzendingSchema
from .serializers import iso_date

router = Router()

COLLECTION = "verzendingen"
# A create names no existing object, so the standard lists no 404 for it.
CREATE_ERRORS = {code: schema for code, schema in WRITE_ERRORS.items() if code != 404}
LIST_PARAMS = {"aardRelatie", "informatieobject", "betrokkene", "expand", "page"}
# API name -> model field.
FIELDS = {
    "betrokkene": "betrokkene",
    "aardRelatie": "relation",
    "toelichting": "explanation",
    "ontvangstdatum": "received_on",
    "verzenddatum": "sent_on",
    "contactPersoon": "contact_person",
    "contactpersoonnaam": "contact_person_name",
    "binnenlandsCorrespondentieadres": "domestic_address",
    "buitenlandsCorrespondentieadres": "foreign_address",
    "correspondentiePostadres": "postal_address",
    "faxnummer": "fax_number",
    "emailadres": "email",
    "mijnOverheid": "is_via_mijn_overheid",
    "telefoonnummer": "phone_number",
}


def serialize_verzending(verzending: Verzending) -> dict:
    return {
        "url": services.verzending_url(verzending),
        "betrokkene": verzending.betrokkene,
        "informatieobject": document_url(verzending.informatieobject),
        "aardRelatie": verzending.relation,
        "toelichting": verzending.explanation,
        "ontvangstdatum": iso_date(verzending.received_on),
        "verzenddatum": iso_date(verzending.sent_on),
        "contactPersoon": verzending.contact_person,
        "contactpersoonnaam": verzending.contact_person_name,
        "binnenlandsCorrespondentieadres": verzending.domestic_address,
        "buitenlandsCorrespondentieadres": verzending.foreign_address,
        "correspondentiePostadres": verzending.postal_address,
        "faxnummer": verzending.fax_number,
        "emailadres": verzending.email,
        "mijnOverheid": verzending.is_via_mijn_overheid,
        "telefoonnummer": verzending.phone_number,
    }


def _serialize_rows(rows) -> list[dict]:
    return [serialize_verzending(verzending) for verzending in rows]


def _verzendingen(request: HttpRequest, documents: QuerySet[InformatieObject]) -> QuerySet[Verzending]:
    return (
        Verzending.objects.for_tenant(request.tenant)
        .filter(informatieobject__in=documents.values("pk"))
        .select_related("informatieobject")
    )


def _get(request: HttpRequest, uuid: str, scope: str) -> Verzending:
    """A verzending of the caller's gemeente: 404 if there is none, 403 without rights on its document."""
    verzending = (
        _verzendingen(request, tenant_documents(request))
        .select_related("informatieobject__informatieobjecttype")
        .filter(uuid=parse_uuid(uuid))
        .first()
    )
    if verzending is None:
        raise not_found()
    _require_for_document(request, scope, verzending.informatieobject)
    return verzending


def _require_for_document(request: HttpRequest, scope: str, document: InformatieObject) -> None:
    require_for_object(
        request,
        DRC,
        scope,
        type_id=document.informatieobjecttype_id,
        confidentiality=document.confidentiality or document.informatieobjecttype.confidentiality,
    )


def _document(request: HttpRequest, url: str, scope: str) -> InformatieObject:
    """The document a body points at: of the caller's gemeente (else 400) and one it may change."""
    document_uuid = zgw.uuid_from_url(url, "documenten", EIO)
    document = tenant_documents(request).filter(uuid=document_uuid).first() if document_uuid else None
    if document is None:
        raise invalid("informatieobject", "bad-url", "Dit informatieobject bestaat niet.")
    _require_for_document(request, scope, document)
    return document


def _values(data: dict) -> dict:
    return {FIELDS[name]: value for name, value in data.items() if name in FIELDS}


@router.get(
    f"/{COLLECTION}",
    response={200: Page[VerzendingExpanded], **LIST_ERRORS},
    by_alias=True,
    summary="Alle VERZENDINGen opvragen.",
)
def verzending_list(
    request: HttpRequest,
    aardRelatie: AardRelatieChoice | None = None,
    informatieobject: str | None = None,
    betrokkene: str | None = None,
    expand: str | None = None,
    page: int | None = None,
) -> HttpResponse:
    reject_unknown_params(request, LIST_PARAMS)
    verzendingen = _verzendingen(request, readable_documents(request))
    if aardRelatie:
        verzendingen = verzendingen.filter(relation=aardRelatie)
    if informatieobject:
        document_uuid = zgw.uuid_from_url(informatieobject, "documenten", EIO)
        verzendingen = verzendingen.filter(informatieobject__uuid=document_uuid or None)
    if betrokkene:
        verzendingen = verzendingen.filter(betrokkene=betrokkene)
    return json_response(
        paginate(
            request,
            verzendingen.order_by("pk"),
            lambda rows: with_expand(request, "verzending", _serialize_rows(rows), expand),
        )
    )


@router.api_operation(
    ["HEAD"],
    f"/{COLLECTION}/{{uuid}}",
    response={200: None},
    summary="De headers voor een specifiek(e) VERZENDING opvragen.",
)
def verzending_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    require_scope(request, DRC, READ)
    return detail_response(request, serialize_verzending(_get(request, uuid, READ)))


@router.get(
    f"/{COLLECTION}/{{uuid}}",
    response={200: VerzendingExpanded, **READ_ERRORS},
    by_alias=True,
    summary="Een specifieke VERZENDING opvragen.",
)
def verzending_read(request: HttpRequest, uuid: str, expand: str | None = None) -> HttpResponse:
    reject_unknown_params(request, {"expand"})
    require_scope(request, DRC, READ)
    data = [serialize_verzending(_get(request, uuid, READ))]
    return detail_response(request, with_expand(request, "verzending", data, expand)[0])


@router.post(
    f"/{COLLECTION}",
    response={201: VerzendingSchema, **CREATE_ERRORS},
    summary="Maak een VERZENDING aan.",
)
def verzending_create(request: HttpRequest, payload: VerzendingRequest) -> HttpResponse:
    access = require_scope(request, DRC, CREATE)
    document = _document(request, payload.informatieobject, CREATE)
    verzending = services.create_verzending(
        document=document, actor=actor_for(access), values=_values(payload.model_dump())
    )
    return created(serialize_verzending(verzending))


def _update(request: HttpRequest, uuid: str, data: dict, *, partial: bool) -> HttpResponse:
    access = require_scope(request, DRC, UPDATE)
    verzending = _get(request, uuid, UPDATE)
    document = None
    given = data.get("informatieobject")
    if given and zgw.uuid_from_url(given, "documenten", EIO) != verzending.informatieobject.uuid:
        document = _document(request, given, UPDATE)
    verzending = services.update_verzending(
        verzending=verzending,
        actor=actor_for(access),
        values=_values(data),
        document=document,
        partial=partial,
    )
    return json_response(serialize_verzending(verzending))


@router.put(
    f"/{COLLECTION}/{{uuid}}",
    response={200: VerzendingSchema, **WRITE_ERRORS},
    summary="Werk een VERZENDING in zijn geheel bij.",
)
def verzending_update(request: HttpRequest, uuid: str, payload: VerzendingRequest) -> HttpResponse:
    return _update(request, uuid, payload.model_dump(), partial=False)


@router.patch(
    f"/{COLLECTION}/{{uuid}}",
    response={200: VerzendingSchema, **WRITE_ERRORS},
    summary="Werk een VERZENDING relatie deels bij.",
)
def verzending_partial_update(
    request: HttpRequest, uuid: str, payload: PatchedVerzendingRequest
) -> HttpResponse:
    return _update(request, uuid, payload.model_dump(include=payload.model_fields_set), partial=True)


@router.delete(
    f"/{COLLECTION}/{{uuid}}",
    response={204: None, **READ_ERRORS},
    summary="Verwijder een VERZENDING.",
)
def verzending_destroy(request: HttpRequest, uuid: str) -> HttpResponse:
    access = require_scope(request, DRC, DELETE)
    verzending = _get(request, uuid, DELETE)
    services.delete_verzending(verzending=verzending, actor=actor_for(access))
    return no_content()
