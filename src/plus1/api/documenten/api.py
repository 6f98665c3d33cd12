"""Documenten API 1.7.0 at ``/documenten/api/v1/``.

An enkelvoudiginformatieobject is the same ``InformatieObject`` row the portal and the back
office use: a resident's upload shows here, and a document registered here shows on its zaak
once a zaakinformatieobject links them. Every change goes through
``plus1.cases.services.documents``.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import uuid as uuid_module

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from ninja import File, Form, UploadedFile

from plus1.cases.models import BestandsDeel, Gebruiksrecht, InformatieObject, ObjectInformatieObject, Zaak
from plus1.cases.services import documents as services
from plus1.catalog.models import InformatieObjectType
from plus1.core import zgw
from plus1.tenants.selectors import get_collective

from ..common import audittrail
from ..common.api import make_api
from ..common.auth import actor_for, client, require_for_object, require_scope
from ..common.errors import ApiError, invalid, not_found
from ..common.http import created, detail_response, json_response, no_content
from ..common.pagination import paginate
from ..common.params import reject_unknown_params
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Page
from .schemas import (
    BestandsDeelResponse,
    EIOZoekRequest,
    EnkelvoudigInformatieObject,
    EnkelvoudigInformatieObjectCreateLock,
    EnkelvoudigInformatieObjectCreateLockRequest,
    EnkelvoudigInformatieObjectWithLock,
    EnkelvoudigInformatieObjectWithLockRequest,
    Gebruiksrechten,
    GebruiksrechtenRequest,
    LockEnkelvoudigInformatieObject,
    ObjectInformatieObjectRequest,
    PatchedEnkelvoudigInformatieObjectWithLockRequest,
    PatchedGebruiksrechtenRequest,
    UnlockEnkelvoudigInformatieObjectRequest,
)
from .schemas import ObjectInformatieObject as ObjectInformatieObjectSchema

api = make_api("documenten")

DRC = "drc"
READ, CREATE, UPDATE, FORCE_UPDATE = (
    "documenten.lezen",
    "documenten.aanmaken",
    "documenten.bijwerken",
    "documenten.geforceerd-bijwerken",
)
DELETE, LOCK, FORCE_UNLOCK = "documenten.verwijderen", "documenten.lock", "documenten.geforceerd-unlock"
EIO = "enkelvoudiginformatieobjecten"

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


# --- rendering --------------------------------------------------------------------------------


def _zulu(value: datetime.datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


def _date(value) -> str | None:
    return value.isoformat() if value else None


def serialize(document: InformatieObject) -> dict:
    """The enkelvoudiginformatieobject of a document row (its related rows already loaded)."""
    url = services.document_url(document)
    iot = document.informatieobjecttype
    has_content = bool(document.file)
    return {
        "url": url,
        "identificatie": document.identificatie,
        "bronorganisatie": document.bronorganisatie,
        "creatiedatum": _date(document.created_on or document.uploaded_at.date()),
        "titel": document.titel or document.filename,
        "vertrouwelijkheidaanduiding": document.confidentiality or iot.confidentiality,
        "isGereedVoorPublicatie": document.is_ready_for_publication,
        "tonenAanInitiator": document.is_shown_to_initiator,
        "auteur": document.author or document.added_by,
        "status": document.status,
        "inhoudIsVervallen": document.is_content_expired,
        "formaat": document.content_type,
        "taal": document.language,
        "versie": document.version,
        "beginRegistratie": _zulu(document.registered_at or document.uploaded_at),
        "bestandsnaam": document.filename,
        "inhoud": f"{url}/download?versie={document.version}" if has_content else None,
        "bestandsomvang": document.size,
        "link": document.link,
        "beschrijving": document.description,
        "ontvangstdatum": _date(document.received_on),
        "verzenddatum": _date(document.sent_on),
        "indicatieGebruiksrecht": document.has_usage_rights,
        "verschijningsvorm": document.appearance,
        "ondertekening": document.signature or {"soort": "", "datum": None},
        "integriteit": document.integrity or {"algoritme": "", "waarde": "", "datum": None},
        "informatieobjecttype": zgw.url("catalogi", "informatieobjecttypen", iot.uuid),
        "locked": document.is_locked,
        "bestandsdelen": [
            {
                "url": zgw.url("documenten", "bestandsdelen", part.uuid),
                "volgnummer": part.volgnummer,
                "omvang": part.size,
                "voltooid": part.is_complete,
                "lock": document.lock,
            }
            for part in document.bestandsdelen.all()
        ],
        "trefwoorden": document.keywords or [],
    }


def serialize_rows(rows) -> list[dict]:
    return [serialize(document) for document in rows]


# --- reading ----------------------------------------------------------------------------------


def _documents(request: HttpRequest) -> QuerySet[InformatieObject]:
    """The documents of the calling gemeente; only the ready ones for a publication application."""
    queryset = (
        InformatieObject.objects.for_tenant(request.tenant)
        .select_related("informatieobjecttype")
        .prefetch_related(Prefetch("bestandsdelen", queryset=BestandsDeel.objects.order_by("volgnummer")))
    )
    if client(request).application.only_published_documents:
        queryset = queryset.filter(is_ready_for_publication=True)
    return queryset


def _visible(request: HttpRequest, scope: str = READ) -> QuerySet[InformatieObject]:
    access = require_scope(request, DRC, scope)
    return _documents(request).filter(
        access.filter_q(
            DRC, scope, type_field="informatieobjecttype_id", confidentiality_field="confidentiality"
        )
    )


def _parse_uuid(value: str) -> uuid_module.UUID:
    try:
        return uuid_module.UUID(str(value))
    except ValueError:
        raise not_found() from None


def _get(request: HttpRequest, uuid: str, *scopes: str) -> InformatieObject:
    document = _documents(request).filter(uuid=_parse_uuid(uuid)).first()
    if document is None:
        raise not_found()
    require_for_object(
        request,
        DRC,
        *scopes,
        type_id=document.informatieobjecttype_id,
        confidentiality=document.confidentiality or document.informatieobjecttype.confidentiality,
    )
    return document


def _object_uuid(value: str) -> tuple[str, uuid_module.UUID] | None:
    for object_type, api_name, collection in (
        ("zaak", "zaken", "zaken"),
        ("besluit", "besluiten", "besluiten"),
    ):
        found = zgw.uuid_from_url(value, api_name, collection)
        if found:
            return object_type, found
    return None


LIST_PARAMS = {
    "identificatie",
    "bronorganisatie",
    "objectinformatieobjecten_object",
    "objectinformatieobjecten_objectType",
    "trefwoorden",
    "expand",
    "page",
}


def _no_expand(expand: str | None) -> None:
    if expand:
        raise invalid("expand", "not-supported", "Plus1 ondersteunt expand nog niet in de Documenten API.")


@api.get(
    f"/{EIO}",
    response={200: Page[EnkelvoudigInformatieObject], **LIST_ERRORS},
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
    _no_expand(expand)
    documents = _visible(request)
    if identificatie:
        documents = documents.filter(identificatie=identificatie)
    if bronorganisatie:
        documents = documents.filter(bronorganisatie=bronorganisatie)
    if objectinformatieobjecten_object or objectinformatieobjecten_objectType:
        relations = ObjectInformatieObject.objects.filter(
            tenant=request.tenant, informatieobject=OuterRef("pk")
        )
        if objectinformatieobjecten_object:
            found = _object_uuid(objectinformatieobjecten_object)
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
    return json_response(paginate(request, documents.order_by("-pk"), serialize_rows))


@api.post(
    f"/{EIO}/_zoek",
    response={200: Page[EnkelvoudigInformatieObject], **LIST_ERRORS},
    summary="Voer een zoekopdracht uit op (ENKELVOUDIGe) INFORMATIEOBJECTen.",
)
def enkelvoudiginformatieobject__zoek(
    request: HttpRequest, payload: EIOZoekRequest, page: int | None = None
) -> HttpResponse:
    reject_unknown_params(request, {"page"})
    _no_expand(payload.expand)
    uuids = []
    for index, value in enumerate(payload.uuid__in):
        try:
            uuids.append(uuid_module.UUID(value))
        except ValueError:
            raise invalid(f"uuid__in.{index}", "invalid", "Dit is geen geldige UUID.") from None
    documents = _visible(request).filter(uuid__in=uuids)
    if payload.identificatie:
        documents = documents.filter(identificatie=payload.identificatie)
    if payload.bronorganisatie:
        documents = documents.filter(bronorganisatie=payload.bronorganisatie)
    return json_response(paginate(request, documents.order_by("-pk"), serialize_rows))


def _version_of(request: HttpRequest, document: InformatieObject, versie, registratieOp):
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


@api.api_operation(
    ["HEAD"],
    f"/{EIO}/{{uuid}}",
    response={200: None},
    summary="De headers voor een specifiek(e) ENKELVOUDIG INFORMATIEOBJECT opvragen.",
)
def enkelvoudiginformatieobject_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    return detail_response(request, serialize(_get(request, uuid, READ)))


@api.get(
    f"/{EIO}/{{uuid}}",
    response={200: EnkelvoudigInformatieObject, **READ_ERRORS},
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
    _no_expand(expand)
    document = _get(request, uuid, READ)
    shown, _file = _version_of(request, document, versie, registratieOp)
    return detail_response(request, serialize(shown))


@api.get(
    f"/{EIO}/{{uuid}}/download",
    response={200: bytes, **READ_ERRORS},
    summary="Download de binaire data van het (ENKELVOUDIG) INFORMATIEOBJECT.",
)
def enkelvoudiginformatieobject_download(
    request: HttpRequest, uuid: str, versie: int | None = None, registratieOp: str | None = None
) -> HttpResponse:
    reject_unknown_params(request, {"versie", "registratieOp"})
    document = _get(request, uuid, READ)
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
            values[field] = value
    return values


def _check_type_scope(
    request: HttpRequest, scope: str, iot: InformatieObjectType, confidentiality: str
) -> None:
    require_for_object(
        request, DRC, scope, type_id=iot.pk, confidentiality=confidentiality or iot.confidentiality
    )


@api.post(
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
    document = _get(request, uuid, UPDATE, FORCE_UPDATE)
    iot = None
    if data.get("informatieobjecttype"):
        iot = _resolve_type(request, data["informatieobjecttype"])
        _check_type_scope(
            request, UPDATE, iot, data.get("vertrouwelijkheidaanduiding") or document.confidentiality
        )
    if not data.get("lock"):
        # drc-009: a change needs the lock of whoever locked the document.
        raise invalid("lock", "required", "Stuur de lock van het document mee.")
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


@api.put(
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


@api.patch(
    f"/{EIO}/{{uuid}}",
    response={200: EnkelvoudigInformatieObjectWithLock, **WRITE_ERRORS},
    summary="Werk een (ENKELVOUDIG) INFORMATIEOBJECT deels bij.",
)
def enkelvoudiginformatieobject_partial_update(
    request: HttpRequest, uuid: str, payload: PatchedEnkelvoudigInformatieObjectWithLockRequest
) -> HttpResponse:
    data = payload.model_dump(include=payload.model_fields_set)
    return _update(request, uuid, data, partial=True)


@api.delete(
    f"/{EIO}/{{uuid}}",
    response={204: None, **WRITE_ERRORS},
    summary="Verwijder een (ENKELVOUDIG) INFORMATIEOBJECT.",
)
def enkelvoudiginformatieobject_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    access = require_scope(request, DRC, DELETE)
    document = _get(request, uuid, DELETE)
    services.delete_document(document=document, actor=actor_for(access))
    return no_content()


@api.post(
    f"/{EIO}/{{uuid}}/lock",
    response={200: LockEnkelvoudigInformatieObject, **WRITE_ERRORS},
    summary="Vergrendel een (ENKELVOUDIG) INFORMATIEOBJECT.",
)
def enkelvoudiginformatieobject_lock(request: HttpRequest, uuid: str) -> HttpResponse:
    access = require_scope(request, DRC, LOCK)
    document = _get(request, uuid, LOCK)
    lock = services.lock_document(document=document, actor=actor_for(access))
    return json_response({"lock": lock})


@api.post(
    f"/{EIO}/{{uuid}}/unlock",
    response={204: None, **WRITE_ERRORS},
    summary="Ontgrendel een (ENKELVOUDIG) INFORMATIEOBJECT.",
)
def enkelvoudiginformatieobject_unlock(
    request: HttpRequest, uuid: str, payload: UnlockEnkelvoudigInformatieObjectRequest
) -> HttpResponse:
    access = require_scope(request, DRC, LOCK, FORCE_UNLOCK)
    document = _get(request, uuid, LOCK, FORCE_UNLOCK)
    force = access.allows(
        DRC,
        FORCE_UNLOCK,
        type_id=document.informatieobjecttype_id,
        confidentiality=document.confidentiality or None,
    )
    services.unlock_document(document=document, actor=actor_for(access), lock=payload.lock, force=force)
    return no_content()


@api.put(
    "/bestandsdelen/{uuid}",
    response={200: BestandsDeelResponse, **WRITE_ERRORS},
    summary="Werk een BESTANDSDEEL in zijn geheel bij.",
)
def bestandsdeel_update(
    request: HttpRequest, uuid: str, lock: Form[str], inhoud: File[UploadedFile] = None
) -> HttpResponse:
    access = require_scope(request, DRC, UPDATE)
    part = (
        BestandsDeel.objects.for_tenant(request.tenant)
        .select_related("informatieobject__informatieobjecttype")
        .filter(uuid=_parse_uuid(uuid))
        .first()
    )
    if part is None:
        raise not_found()
    document = part.informatieobject
    require_for_object(
        request,
        DRC,
        UPDATE,
        type_id=document.informatieobjecttype_id,
        confidentiality=document.confidentiality,
    )
    if inhoud is None:
        raise invalid("inhoud", "required", "Stuur de inhoud van dit bestandsdeel mee.")
    part = services.upload_part(part=part, actor=actor_for(access), lock=lock, upload=inhoud)
    url = zgw.url("documenten", "bestandsdelen", part.uuid)
    return json_response(
        {
            "url": url,
            "lock": lock,
            "omvang": part.size,
            "inhoud": url,
            "voltooid": part.is_complete,
            "volgnummer": part.volgnummer,
        }
    )


# --- audittrail -------------------------------------------------------------------------------


@api.get(
    f"/{EIO}/{{enkelvoudiginformatieobject_uuid}}/audittrail",
    response={200: list[dict], **READ_ERRORS},
    summary="Alle audit trail regels behorend bij het INFORMATIEOBJECT.",
)
def audittrail_list(request: HttpRequest, enkelvoudiginformatieobject_uuid: str) -> HttpResponse:
    require_scope(request, DRC, "audittrails.lezen")
    document = _documents(request).filter(uuid=_parse_uuid(enkelvoudiginformatieobject_uuid)).first()
    if document is None:
        raise not_found()
    return json_response(
        audittrail.audittrail(document, hoofd_object_url=services.document_url(document), bron=DRC)
    )


@api.get(
    f"/{EIO}/{{enkelvoudiginformatieobject_uuid}}/audittrail/{{uuid}}",
    response={200: dict, **READ_ERRORS},
    summary="Een specifieke audit trail regel opvragen.",
)
def audittrail_read(request: HttpRequest, enkelvoudiginformatieobject_uuid: str, uuid: str) -> HttpResponse:
    require_scope(request, DRC, "audittrails.lezen")
    document = _documents(request).filter(uuid=_parse_uuid(enkelvoudiginformatieobject_uuid)).first()
    if document is None:
        raise not_found()
    entry = audittrail.audittrail_entry(
        document, _parse_uuid(uuid), hoofd_object_url=services.document_url(document), bron=DRC
    )
    return detail_response(request, entry)


# --- objectinformatieobjecten -----------------------------------------------------------------

OBJECT_APIS = {
    "zaak": ("zaken", "zaken"),
    "besluit": ("besluiten", "besluiten"),
    "verzoek": ("zaken", "verzoeken"),
}


def serialize_relation(relation: ObjectInformatieObject) -> dict:
    api_name, collection = OBJECT_APIS[relation.object_type]
    return {
        "url": zgw.url("documenten", "objectinformatieobjecten", relation.uuid),
        "informatieobject": services.document_url(relation.informatieobject),
        "object": zgw.url(api_name, collection, relation.object_uuid),
        "objectType": relation.object_type,
    }


def _relations(request: HttpRequest) -> QuerySet[ObjectInformatieObject]:
    access = require_scope(request, DRC, READ)
    visible = _documents(request).filter(
        access.filter_q(
            DRC, READ, type_field="informatieobjecttype_id", confidentiality_field="confidentiality"
        )
    )
    return (
        ObjectInformatieObject.objects.for_tenant(request.tenant)
        .filter(informatieobject__in=visible.values("pk"))
        .select_related("informatieobject")
    )


@api.get(
    "/objectinformatieobjecten",
    response={200: list[ObjectInformatieObjectSchema], **LIST_ERRORS},
    summary="Alle OBJECT-INFORMATIEOBJECT relaties opvragen.",
)
def objectinformatieobject_list(
    request: HttpRequest,
    object: str | None = None,
    informatieobject: str | None = None,
    expand: str | None = None,
) -> HttpResponse:
    reject_unknown_params(request, {"object", "informatieobject", "expand"})
    _no_expand(expand)
    relations = _relations(request)
    if object:
        found = _object_uuid(object)
        relations = (
            relations.filter(object_type=found[0], object_uuid=found[1]) if found else relations.none()
        )
    if informatieobject:
        document_uuid = zgw.uuid_from_url(informatieobject, "documenten", EIO)
        relations = (
            relations.filter(informatieobject__uuid=document_uuid) if document_uuid else relations.none()
        )
    return json_response([serialize_relation(relation) for relation in relations.order_by("pk")])


@api.api_operation(
    ["HEAD"],
    "/objectinformatieobjecten/{uuid}",
    response={200: None},
    summary="De headers voor een specifiek(e) OBJECT-INFORMATIEOBJECT relatie opvragen.",
)
def objectinformatieobject_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    return objectinformatieobject_read(request, uuid)


@api.get(
    "/objectinformatieobjecten/{uuid}",
    response={200: ObjectInformatieObjectSchema, **READ_ERRORS},
    summary="Een specifieke OBJECT-INFORMATIEOBJECT relatie opvragen.",
)
def objectinformatieobject_read(request: HttpRequest, uuid: str, expand: str | None = None) -> HttpResponse:
    _no_expand(expand)
    relation = _relations(request).filter(uuid=_parse_uuid(uuid)).first()
    if relation is None:
        raise not_found()
    return detail_response(request, serialize_relation(relation))


@api.post(
    "/objectinformatieobjecten",
    response={201: ObjectInformatieObjectSchema, **WRITE_ERRORS},
    summary="Maak een OBJECT-INFORMATIEOBJECT relatie aan.",
)
def objectinformatieobject_create(
    request: HttpRequest, payload: ObjectInformatieObjectRequest
) -> HttpResponse:
    """drc-002/003/004: the relation exists at its source (the zaakinformatieobject or
    besluitinformatieobject made it); registering it here again answers with that relation."""
    require_scope(request, DRC, CREATE)
    document_uuid = zgw.uuid_from_url(payload.informatieobject, "documenten", EIO)
    document = _documents(request).filter(uuid=document_uuid).first() if document_uuid else None
    if document is None:
        raise invalid("informatieobject", "bad-url", "Dit informatieobject bestaat niet.")
    require_for_object(
        request,
        DRC,
        CREATE,
        type_id=document.informatieobjecttype_id,
        confidentiality=document.confidentiality,
    )
    found = _object_uuid(payload.object)
    if found is None or found[0] != payload.objectType:
        raise invalid("object", "bad-url", f"Dit object is geen {payload.objectType} van deze gemeente.")
    object_type, object_uuid = found
    if (
        object_type == "zaak"
        and not Zaak.objects.for_tenant(request.tenant).filter(uuid=object_uuid).exists()
    ):
        raise invalid("object", "bad-url", "Deze zaak bestaat niet.")
    relation = (
        ObjectInformatieObject.objects.for_tenant(request.tenant)
        .filter(informatieobject=document, object_type=object_type, object_uuid=object_uuid)
        .select_related("informatieobject")
        .first()
    )
    if relation is None:
        # drc-004: the zaak or besluit must hold the relation first.
        raise ApiError(
            400,
            "invalid",
            "Leg de relatie eerst vast bij de zaak of het besluit.",
            invalid_params=[
                (
                    "nonFieldErrors",
                    "inconsistent-relation",
                    "Leg de relatie eerst vast bij de zaak of het besluit.",
                )
            ],
        )
    return created(serialize_relation(relation))


@api.delete(
    "/objectinformatieobjecten/{uuid}",
    response={204: None, **READ_ERRORS},
    summary="Verwijder een OBJECT-INFORMATIEOBJECT relatie.",
)
def objectinformatieobject_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    """The mirror goes with its source: while the zaak or besluit holds the relation, 400."""
    require_scope(request, DRC, DELETE)
    relation = _relations(request).filter(uuid=_parse_uuid(uuid)).first()
    if relation is None:
        raise not_found()
    raise ApiError(
        400,
        "invalid",
        "Verwijder de relatie bij de zaak of het besluit; dan verdwijnt deze vanzelf.",
        invalid_params=[
            (
                "nonFieldErrors",
                "inconsistent-relation",
                "Verwijder de relatie bij de zaak of het besluit; dan verdwijnt deze vanzelf.",
            )
        ],
    )


# --- gebruiksrechten --------------------------------------------------------------------------


def serialize_right(right: Gebruiksrecht) -> dict:
    return {
        "url": zgw.url("documenten", "gebruiksrechten", right.uuid),
        "informatieobject": services.document_url(right.informatieobject),
        "startdatum": _zulu(right.starts_at),
        "einddatum": _zulu(right.ends_at),
        "omschrijvingVoorwaarden": right.conditions,
    }


def _rights(request: HttpRequest, scope: str = READ) -> QuerySet[Gebruiksrecht]:
    visible = _visible(request, scope)
    return (
        Gebruiksrecht.objects.for_tenant(request.tenant)
        .filter(informatieobject__in=visible.values("pk"))
        .select_related("informatieobject")
    )


def _get_right(request: HttpRequest, uuid: str, scope: str) -> Gebruiksrecht:
    right = (
        Gebruiksrecht.objects.for_tenant(request.tenant)
        .select_related("informatieobject__informatieobjecttype")
        .filter(uuid=_parse_uuid(uuid))
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


@api.get(
    "/gebruiksrechten",
    response={200: list[Gebruiksrechten], **LIST_ERRORS},
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
    _no_expand(expand)
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
    return json_response([serialize_right(right) for right in rights.order_by("pk")])


@api.api_operation(
    ["HEAD"],
    "/gebruiksrechten/{uuid}",
    response={200: None},
    summary="De headers voor een specifiek(e) GEBRUIKSRECHT INFORMATIEOBJECT opvragen.",
)
def gebruiksrechten_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    require_scope(request, DRC, READ)
    return detail_response(request, serialize_right(_get_right(request, uuid, READ)))


@api.get(
    "/gebruiksrechten/{uuid}",
    response={200: Gebruiksrechten, **READ_ERRORS},
    summary="Een specifieke GEBRUIKSRECHT opvragen.",
)
def gebruiksrechten_read(request: HttpRequest, uuid: str, expand: str | None = None) -> HttpResponse:
    require_scope(request, DRC, READ)
    _no_expand(expand)
    return detail_response(request, serialize_right(_get_right(request, uuid, READ)))


@api.post(
    "/gebruiksrechten",
    response={201: Gebruiksrechten, **WRITE_ERRORS},
    summary="Maak een GEBRUIKSRECHT aan.",
)
def gebruiksrechten_create(request: HttpRequest, payload: GebruiksrechtenRequest) -> HttpResponse:
    access = require_scope(request, DRC, CREATE)
    document_uuid = zgw.uuid_from_url(payload.informatieobject, "documenten", EIO)
    document = _documents(request).filter(uuid=document_uuid).first() if document_uuid else None
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


@api.put(
    "/gebruiksrechten/{uuid}",
    response={200: Gebruiksrechten, **WRITE_ERRORS},
    summary="Werk een GEBRUIKSRECHT in zijn geheel bij.",
)
def gebruiksrechten_update(request: HttpRequest, uuid: str, payload: GebruiksrechtenRequest) -> HttpResponse:
    return _update_right(request, uuid, payload.model_dump())


@api.patch(
    "/gebruiksrechten/{uuid}",
    response={200: Gebruiksrechten, **WRITE_ERRORS},
    summary="Werk een GEBRUIKSRECHT relatie deels bij.",
)
def gebruiksrechten_partial_update(
    request: HttpRequest, uuid: str, payload: PatchedGebruiksrechtenRequest
) -> HttpResponse:
    return _update_right(request, uuid, payload.model_dump(include=payload.model_fields_set))


@api.delete(
    "/gebruiksrechten/{uuid}",
    response={204: None, **READ_ERRORS},
    summary="Verwijder een GEBRUIKSRECHT.",
)
def gebruiksrechten_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    access = require_scope(request, DRC, DELETE)
    right = _get_right(request, uuid, DELETE)
    services.delete_gebruiksrecht(right=right, actor=actor_for(access))
    return no_content()
