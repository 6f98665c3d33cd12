"""The enkelvoudiginformatieobjecten: the documents, their versions, content, lock and audittrail."""

from __future__ import annotations

import base64
import binascii
import datetime
import uuid as uuid_module
from collections.abc import Callable

from django.db.models import Exists, OuterRef, Prefetch
from django.http import FileResponse, HttpRequest, HttpResponse
from django.utils.dateparse import parse_datetime
from ninja import Router

from plus1.cases.models import BestandsDeel, InformatieObject, ObjectInformatieObject
from plus1.cases.services import documents as services
from plus1.catalog.models import InformatieObjectType
from plus1.core import zgw
from plus1.tenants.selectors import get_collective

from ..common import audittrail
from ..common.auth import actor_for, require_for_object, require_scope
from ..common.bounds import INT32_MAX
from ..common.errors import invalid, not_found
from ..common.http import created, detail_response, json_response, no_content
from ..common.pagination import paginate
from ..common.params import reject_unknown_params
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, AuditTrail, Page
from .access import (
    CREATE,
    DELETE,
    DRC,
    EIO,
    FORCE_UNLOCK,
    FORCE_UPDATE,
    LOCK,
    READ,
    UPDATE,
    get_document,
    object_from_url,
    parse_uuid,
    readable_documents,
)
from .expanding import with_expand
from .schemas import (
    EIOZoekRequest,
    EnkelvoudigInformatieObjectCreateLock,
    EnkelvoudigInformatieObjectCreateLockRequest,
    EnkelvoudigInformatieObjectExpanded,
    EnkelvoudigInformatieObjectWithLock,
    EnkelvoudigInformatieObjectWithLockRequest,
    LockEnkelvoudigInformatieObject,
    PatchedEnkelvoudigInformatieObjectWithLockRequest,
    UnlockEnkelvoudigInformatieObjectRequest,
)
from .serializers import serialize, serialize_rows

router = Router()

LIST_PARAMS = {
    "identificatie",
    "bronorganisatie",
    "objectinformatieobjecten_object",
    "objectinformatieobjecten_objectType",
    "trefwoorden",
    "expand",
    "page",
}


audittrail.register("cases.informatieobject", "documenten", EIO, "enkelvoudiginformatieobject")

# API name -> model field, for the metadata that maps one to one.
FIELDS = {
    "identificatie": "identificatie",
    "bronorganisatie": "bronorganisatie",
    "creatiedatum": "created_on",
    "titel": "titel",
    "vertrouwelijkheidaanduiding": "confidentiality",
    "isGereedVoorPublicatie": "is_ready_for_publication",
    "tonenAanInitiator": "is_shown_to_initiator",
    "auteur": "author",
    "status": "status",
    "inhoudIsVervallen": "is_content_expired",
    "formaat": "content_type",
    "taal": "language",
    "bestandsnaam": "filename",
    "link": "link",
    "beschrijving": "description",
    "ontvangstdatum": "received_on",
    "verzenddatum": "sent_on",
    "indicatieGebruiksrecht": "has_usage_rights",
    "verschijningsvorm": "appearance",
    "ondertekening": "signature",
    "integriteit": "integrity",
    "trefwoorden": "keywords",
}


@router.get(
    f"/{EIO}",
    response={200: Page[EnkelvoudigInformatieObjectExpanded], **LIST_ERRORS},
    by_alias=True,
    summary="Alle (ENKELVOUDIGe) INFORMATIEOBJECTen opvragen.",
)
def enkelvoudiginformatieobject_list(
    request: HttpRequest,
    identificatie: str | None = None,
    bronorganisatie: str | None = None,
    objectinformatieobjecten_object: str | None = None,
    objectinformatieobjecten_objectType: str | None = None,
    trefwoorden: str | None = None,
    expand: str | None = None,
    page: int | None = None,
) -> HttpResponse:
    reject_unknown_params(request, LIST_PARAMS)
    documents = readable_documents(request)
    if identificatie:
        documents = documents.filter(identificatie=identificatie)
    if bronorganisatie:
        documents = documents.filter(bronorganisatie=bronorganisatie)
    if objectinformatieobjecten_object or objectinformatieobjecten_objectType:
        relations = ObjectInformatieObject.objects.filter(
            tenant=request.tenant, informatieobject=OuterRef("pk")
        )
        if objectinformatieobjecten_object:
            found = object_from_url(objectinformatieobjecten_object)
            if found is None:
                documents = documents.none()
            else:
                relations = relations.filter(object_type=found[0], object_uuid=found[1])
        if objectinformatieobjecten_objectType:
            if objectinformatieobjecten_objectType not in ("besluit", "zaak", "verzoek"):
                raise invalid(
                    "objectinformatieobjecten_objectType", "invalid_choice", "Kies besluit, zaak of verzoek."
                )
            relations = relations.filter(object_type=objectinformatieobjecten_objectType)
        documents = documents.filter(Exists(relations))
    if trefwoorden:
        # Every keyword asked for must be among the document's trefwoorden (a JSON list).
        for word in (word.strip() for word in trefwoorden.split(",")):
            if word:
                documents = documents.filter(keywords__icontains=f'"{word}"')
    return json_response(paginate(request, documents.order_by("-pk"), _rows(request, expand)))


@router.post(
    f"/{EIO}/_zoek",
    response={200: Page[EnkelvoudigInformatieObjectExpanded], **LIST_ERRORS},
    by_alias=True,
    summary="Voer een zoekopdracht uit op (ENKELVOUDIGe) INFORMATIEOBJECTen.",
)
def enkelvoudiginformatieobject__zoek(
    request: HttpRequest, payload: EIOZoekRequest, page: int | None = None
) -> HttpResponse:
    reject_unknown_params(request, {"page"})
    uuids = []
    for index, value in enumerate(payload.uuid__in):
        try:
            uuids.append(uuid_module.UUID(value))
        except ValueError:
            raise invalid(f"uuid__in.{index}", "invalid", "Dit is geen geldige UUID.") from None
    documents = readable_documents(request).filter(uuid__in=uuids)
    if payload.identificatie:
        documents = documents.filter(identificatie=payload.identificatie)
    if payload.bronorganisatie:
        documents = documents.filter(bronorganisatie=payload.bronorganisatie)
    return json_response(paginate(request, documents.order_by("-pk"), _rows(request, payload.expand)))


def _rows(request: HttpRequest, expand: str | None) -> Callable[[list[InformatieObject]], list[dict]]:
    return lambda documents: with_expand(request, "informatieobject", serialize_rows(documents), expand)


def _version_of(request: HttpRequest, document: InformatieObject, versie, registratieOp):
    if versie is not None and not 1 <= versie <= INT32_MAX:
        # Beyond the column: no such version, rather than an overflow in the query.
        raise not_found("Deze versie bestaat niet.")
    moment = None
    if registratieOp:
        moment = parse_datetime(registratieOp)
        if moment is None:
            raise invalid("registratieOp", "invalid", "Dit is geen geldig tijdstip (ISO 8601).")
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=datetime.UTC)
    try:
        return services.document_at(document, version=versie, registered_on_or_before=moment)
    except InformatieObject.DoesNotExist:
        raise not_found("Deze versie bestaat niet.") from None


@router.api_operation(
    ["HEAD"],
    f"/{EIO}/{{uuid}}",
    response={200: None},
    summary="De headers voor een specifiek(e) ENKELVOUDIG INFORMATIEOBJECT opvragen.",
)
def enkelvoudiginformatieobject_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    return detail_response(request, serialize(get_document(request, uuid, READ)))


@router.get(
    f"/{EIO}/{{uuid}}",
    response={200: EnkelvoudigInformatieObjectExpanded, **READ_ERRORS},
    by_alias=True,
    summary="Een specifiek (ENKELVOUDIG) INFORMATIEOBJECT opvragen.",
)
def enkelvoudiginformatieobject_read(
    request: HttpRequest,
    uuid: str,
    versie: int | None = None,
    registratieOp: str | None = None,
    expand: str | None = None,
) -> HttpResponse:
    reject_unknown_params(request, {"versie", "registratieOp", "expand"})
    document = get_document(request, uuid, READ)
    shown, _file = _version_of(request, document, versie, registratieOp)
    return detail_response(request, _rows(request, expand)([shown])[0])


@router.get(
    f"/{EIO}/{{uuid}}/download",
    response={200: None, **READ_ERRORS},
    # The answer is the file itself, not JSON.
    openapi_extra={
        "responses": {
            "200": {
                "description": "OK",
                "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
    summary="Download de binaire data van het (ENKELVOUDIG) INFORMATIEOBJECT.",
)
def enkelvoudiginformatieobject_download(
    request: HttpRequest, uuid: str, versie: int | None = None, registratieOp: str | None = None
) -> HttpResponse:
    reject_unknown_params(request, {"versie", "registratieOp"})
    document = get_document(request, uuid, READ)
    shown, file = _version_of(request, document, versie, registratieOp)
    if not file:
        raise not_found("Dit document heeft (nog) geen inhoud.")
    response = FileResponse(
        file.open("rb"), as_attachment=True, filename=shown.filename or f"{shown.uuid}.bin"
    )
    response["Content-Type"] = "application/octet-stream"
    return response


# --- writing ----------------------------------------------------------------------------------


def _collective_ids() -> list[int]:
    collective = get_collective()
    return [collective.pk] if collective else []


def _resolve_type(request: HttpRequest, value: str) -> InformatieObjectType:
    type_uuid = zgw.uuid_from_url(value, "catalogi", "informatieobjecttypen")
    found = (
        InformatieObjectType.objects.filter(
            uuid=type_uuid, tenant__in=[request.tenant.pk, *_collective_ids()]
        ).first()
        if type_uuid
        else None
    )
    if found is None:
        raise invalid(
            "informatieobjecttype", "bad-url", "Dit informatieobjecttype bestaat niet in de Catalogi API."
        )
    return found


def _content(value: str | None) -> bytes | None:
    if value is None:
        return None
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise invalid("inhoud", "invalid", "De inhoud moet in base64 zijn gecodeerd.") from None


def _values(data: dict) -> dict:
    values = {}
    for name, field in FIELDS.items():
        if name in data:
            value = data[name]
            if name in ("ondertekening", "integriteit") and value is not None:
                value = {
                    key: (item.isoformat() if isinstance(item, datetime.date) else item)
                    for key, item in value.items()
                }
            if value is None and not InformatieObject._meta.get_field(field).null:
                # A PATCH may send null; the column cannot hold it (a 500 before).
                raise invalid(name, "null", "Dit veld mag niet null zijn.")
            values[field] = value
    return values


def _check_type_scope(
    request: HttpRequest, scope: str, iot: InformatieObjectType, confidentiality: str
) -> None:
    require_for_object(
        request, DRC, scope, type_id=iot.pk, confidentiality=confidentiality or iot.confidentiality
    )


@router.post(
    f"/{EIO}",
    response={201: EnkelvoudigInformatieObjectCreateLock, **WRITE_ERRORS},
    summary="Maak een (ENKELVOUDIG) INFORMATIEOBJECT aan.",
)
def enkelvoudiginformatieobject_create(
    request: HttpRequest, payload: EnkelvoudigInformatieObjectCreateLockRequest
) -> HttpResponse:
    access = require_scope(request, DRC, CREATE)
    iot = _resolve_type(request, payload.informatieobjecttype)
    _check_type_scope(request, CREATE, iot, payload.vertrouwelijkheidaanduiding)
    content = _content(payload.inhoud)
    document = services.create_document(
        tenant=request.tenant,
        actor=actor_for(access),
        informatieobjecttype=iot,
        values=_values(payload.model_dump()),
        content=content,
        size=payload.bestandsomvang,
    )
    return created({**serialize(_reload(document)), "lock": document.lock})


def _reload(document: InformatieObject) -> InformatieObject:
    """The document as stored now, with its parts (also for an application that sees only ready ones)."""
    return (
        InformatieObject.objects.select_related("informatieobjecttype")
        .prefetch_related(Prefetch("bestandsdelen", queryset=BestandsDeel.objects.order_by("volgnummer")))
        .get(pk=document.pk)
    )


def _update(request: HttpRequest, uuid: str, data: dict, *, partial: bool) -> HttpResponse:
    access = require_scope(request, DRC, UPDATE, FORCE_UPDATE)
    document = get_document(request, uuid, UPDATE, FORCE_UPDATE)
    iot = None
    if data.get("informatieobjecttype"):
        iot = _resolve_type(request, data["informatieobjecttype"])
        _check_type_scope(
            request, UPDATE, iot, data.get("vertrouwelijkheidaanduiding") or document.confidentiality
        )
    if not data.get("lock"):
        # drc-009: a change needs the lock of whoever locked the document.
        raise invalid("lock", "required", "Stuur de lock van het document mee.")
    inhoud = data.get("inhoud")
    if isinstance(inhoud, str) and inhoud.startswith(f"{services.document_url(document)}/download"):
        # The answer's own download link sent back (read, change, PUT): the content stays as it
        # is, and so does its size, rather than a 400 for a link that is no base64.
        data.pop("inhoud")
        data.pop("bestandsomvang", None)
    kwargs = {}
    if "inhoud" in data or "bestandsomvang" in data:
        kwargs = {"content": _content(data.get("inhoud")), "size": data.get("bestandsomvang")}
    services.update_document(
        document=document,
        actor=actor_for(access),
        lock=data["lock"],
        values=_values(data),
        informatieobjecttype=iot,
        partial=partial,
        **kwargs,
    )
    return json_response(serialize(_reload(document)))


@router.put(
    f"/{EIO}/{{uuid}}",
    response={200: EnkelvoudigInformatieObjectWithLock, **WRITE_ERRORS},
    summary="Werk een (ENKELVOUDIG) INFORMATIEOBJECT in zijn geheel bij.",
)
def enkelvoudiginformatieobject_update(
    request: HttpRequest, uuid: str, payload: EnkelvoudigInformatieObjectWithLockRequest
) -> HttpResponse:
    data = payload.model_dump()
    if "inhoud" not in payload.model_fields_set and "bestandsomvang" not in payload.model_fields_set:
        data.pop("inhoud")
        data.pop("bestandsomvang")
    return _update(request, uuid, data, partial=False)


@router.patch(
    f"/{EIO}/{{uuid}}",
    response={200: EnkelvoudigInformatieObjectWithLock, **WRITE_ERRORS},
    summary="Werk een (ENKELVOUDIG) INFORMATIEOBJECT deels bij.",
)
def enkelvoudiginformatieobject_partial_update(
    request: HttpRequest, uuid: str, payload: PatchedEnkelvoudigInformatieObjectWithLockRequest
) -> HttpResponse:
    data = payload.model_dump(include=payload.model_fields_set)
    return _update(request, uuid, data, partial=True)


@router.delete(
    f"/{EIO}/{{uuid}}",
    response={204: None, **WRITE_ERRORS},
    summary="Verwijder een (ENKELVOUDIG) INFORMATIEOBJECT.",
)
def enkelvoudiginformatieobject_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    access = require_scope(request, DRC, DELETE)
    document = get_document(request, uuid, DELETE)
    services.delete_document(document=document, actor=actor_for(access))
    return no_content()


@router.post(
    f"/{EIO}/{{uuid}}/lock",
    response={200: LockEnkelvoudigInformatieObject, **WRITE_ERRORS},
    summary="Vergrendel een (ENKELVOUDIG) INFORMATIEOBJECT.",
)
def enkelvoudiginformatieobject_lock(request: HttpRequest, uuid: str) -> HttpResponse:
    access = require_scope(request, DRC, LOCK)
    document = get_document(request, uuid, LOCK)
    lock = services.lock_document(document=document, actor=actor_for(access))
    return json_response({"lock": lock})


@router.post(
    f"/{EIO}/{{uuid}}/unlock",
    response={204: None, **WRITE_ERRORS},
    summary="Ontgrendel een (ENKELVOUDIG) INFORMATIEOBJECT.",
)
def enkelvoudiginformatieobject_unlock(
    request: HttpRequest, uuid: str, payload: UnlockEnkelvoudigInformatieObjectRequest
) -> HttpResponse:
    access = require_scope(request, DRC, LOCK, FORCE_UNLOCK)
    document = get_document(request, uuid, LOCK, FORCE_UNLOCK)
    force = access.allows(
        DRC,
        FORCE_UNLOCK,
        type_id=document.informatieobjecttype_id,
        confidentiality=document.confidentiality or None,
    )
    services.unlock_document(document=document, actor=actor_for(access), lock=payload.lock, force=force)
    return no_content()


# --- audittrail -------------------------------------------------------------------------------

# Granted per informatieobjecttype and up to a vertrouwelijkheidaanduiding, as the zaak's and the
# besluit's audittrail: 404 for another gemeente's document, 403 for a type the client may not read.
AUDIT = "audittrails.lezen"


@router.get(
    f"/{EIO}/{{enkelvoudiginformatieobject_uuid}}/audittrail",
    response={200: list[AuditTrail], **READ_ERRORS},
    summary="Alle audit trail regels behorend bij het INFORMATIEOBJECT.",
)
def audittrail_list(request: HttpRequest, enkelvoudiginformatieobject_uuid: str) -> HttpResponse:
    document = get_document(request, enkelvoudiginformatieobject_uuid, AUDIT)
    return json_response(
        audittrail.audittrail(document, hoofd_object_url=services.document_url(document), bron=DRC)
    )


@router.get(
    f"/{EIO}/{{enkelvoudiginformatieobject_uuid}}/audittrail/{{uuid}}",
    response={200: AuditTrail, **READ_ERRORS},
    summary="Een specifieke audit trail regel opvragen.",
)
def audittrail_read(request: HttpRequest, enkelvoudiginformatieobject_uuid: str, uuid: str) -> HttpResponse:
    document = get_document(request, enkelvoudiginformatieobject_uuid, AUDIT)
    entry = audittrail.audittrail_entry(
        document, parse_uuid(uuid), hoofd_object_url=services.document_url(document), bron=DRC
    )
    return detail_response(request, entry)
