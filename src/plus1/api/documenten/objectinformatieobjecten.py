"""The objectinformatieobjecten: mirrors of the relations a zaak or besluit holds with a document."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Router

from plus1.cases.models import Besluit, ObjectInformatieObject, Zaak
from plus1.cases.services import documents as services
from plus1.core import zgw

from ..common.auth import require_for_object, require_scope
from ..common.errors import ApiError, invalid, not_found
from ..common.http import detail_response, json_response
from ..common.params import reject_unknown_params
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS
from .access import (
    CREATE,
    DELETE,
    DRC,
    EIO,
    object_from_url,
    parse_uuid,
    readable_documents,
    tenant_documents,
)
from .expanding import with_expand
from .schemas import ObjectInformatieObject as ObjectInformatieObjectSchema
from .schemas import (
    ObjectInformatieObjectExpanded,
    ObjectInformatieObjectRequest,
)

router = Router()

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
    visible = readable_documents(request)
    return (
        ObjectInformatieObject.objects.for_tenant(request.tenant)
        .filter(informatieobject__in=visible.values("pk"))
        .select_related("informatieobject")
    )


@router.get(
    "/objectinformatieobjecten",
    response={200: list[ObjectInformatieObjectExpanded], **LIST_ERRORS},
    by_alias=True,
    summary="Alle OBJECT-INFORMATIEOBJECT relaties opvragen.",
)
def objectinformatieobject_list(
    request: HttpRequest,
    object: str | None = None,
    informatieobject: str | None = None,
    expand: str | None = None,
) -> HttpResponse:
    reject_unknown_params(request, {"object", "informatieobject", "expand"})
    relations = _relations(request)
    if object:
        found = object_from_url(object)
        relations = (
            relations.filter(object_type=found[0], object_uuid=found[1]) if found else relations.none()
        )
    if informatieobject:
        document_uuid = zgw.uuid_from_url(informatieobject, "documenten", EIO)
        relations = (
            relations.filter(informatieobject__uuid=document_uuid) if document_uuid else relations.none()
        )
    data = [serialize_relation(relation) for relation in relations.order_by("pk")]
    return json_response(with_expand(request, "objectinformatieobject", data, expand))


@router.api_operation(
    ["HEAD"],
    "/objectinformatieobjecten/{uuid}",
    response={200: None},
    summary="De headers voor een specifiek(e) OBJECT-INFORMATIEOBJECT relatie opvragen.",
)
def objectinformatieobject_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    return objectinformatieobject_read(request, uuid)


@router.get(
    "/objectinformatieobjecten/{uuid}",
    response={200: ObjectInformatieObjectExpanded, **READ_ERRORS},
    by_alias=True,
    summary="Een specifieke OBJECT-INFORMATIEOBJECT relatie opvragen.",
)
def objectinformatieobject_read(request: HttpRequest, uuid: str, expand: str | None = None) -> HttpResponse:
    relation = _relations(request).filter(uuid=parse_uuid(uuid)).first()
    if relation is None:
        raise not_found()
    data = [serialize_relation(relation)]
    return detail_response(request, with_expand(request, "objectinformatieobject", data, expand)[0])


@router.post(
    "/objectinformatieobjecten",
    response={201: ObjectInformatieObjectSchema, **WRITE_ERRORS},
    summary="Maak een OBJECT-INFORMATIEOBJECT relatie aan.",
)
def objectinformatieobject_create(
    request: HttpRequest, payload: ObjectInformatieObjectRequest
) -> HttpResponse:
    """drc-002/003/004: the object must resolve, the relation must exist at its source (the
    zaakinformatieobject or besluitinformatieobject), and it occurs once. Plus1 is the source
    and mirrors every relation itself (zrc-004, brc-005), so registering it here is refused:
    without the source relation by drc-004, with it by drc-003 (as Open Zaak does when the
    Zaken or Besluiten API is its own)."""
    require_scope(request, DRC, CREATE)
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
    found = object_from_url(payload.object)
    if found is None or found[0] != payload.objectType:
        raise invalid("object", "bad-url", f"Dit object is geen {payload.objectType} van deze gemeente.")
    object_type, object_uuid = found
    # drc-002: the object resolves, to a zaak or besluit of this gemeente.
    source = Zaak if object_type == "zaak" else Besluit
    if not source.objects.for_tenant(request.tenant).filter(uuid=object_uuid).exists():
        raise invalid("object", "bad-url", f"Dit object is geen {object_type} van deze gemeente.")
    if (
        not ObjectInformatieObject.objects.for_tenant(request.tenant)
        .filter(informatieobject=document, object_type=object_type, object_uuid=object_uuid)
        .exists()
    ):
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
    # drc-003: the combination of object and informatieobject occurs once.
    raise ApiError(
        400,
        "invalid",
        "Deze relatie bestaat al.",
        invalid_params=[("nonFieldErrors", "unique", "Deze relatie bestaat al.")],
    )


@router.delete(
    "/objectinformatieobjecten/{uuid}",
    response={204: None, **READ_ERRORS},
    summary="Verwijder een OBJECT-INFORMATIEOBJECT relatie.",
)
def objectinformatieobject_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    """The mirror goes with its source: while the zaak or besluit holds the relation, 400."""
    require_scope(request, DRC, DELETE)
    relation = _relations(request).filter(uuid=parse_uuid(uuid)).first()
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
