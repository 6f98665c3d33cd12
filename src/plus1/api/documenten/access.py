"""The scopes of the Documenten API and the documents a client may see (its gemeente, its autorisaties)."""

from __future__ import annotations

import uuid as uuid_module

from django.db.models import F, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf
from django.http import HttpRequest

from plus1.cases.models import BestandsDeel, InformatieObject
from plus1.core import zgw

from ..common.auth import client, require_for_object, require_scope
from ..common.errors import not_found

DRC = "drc"
READ, CREATE, UPDATE, FORCE_UPDATE = (
    "documenten.lezen",
    "documenten.aanmaken",
    "documenten.bijwerken",
    "documenten.geforceerd-bijwerken",
)
DELETE, LOCK, FORCE_UNLOCK = "documenten.verwijderen", "documenten.lock", "documenten.geforceerd-unlock"
EIO = "enkelvoudiginformatieobjecten"


# --- reading ----------------------------------------------------------------------------------


def tenant_documents(request: HttpRequest) -> QuerySet[InformatieObject]:
    """The documents of the calling gemeente; only the ready ones for a publication application."""
    queryset = (
        InformatieObject.objects.for_tenant(request.tenant)
        .select_related("informatieobjecttype")
        .prefetch_related(Prefetch("bestandsdelen", queryset=BestandsDeel.objects.order_by("volgnummer")))
    )
    if client(request).application.only_published_documents:
        queryset = queryset.filter(is_ready_for_publication=True)
    return queryset


def _within_grants(queryset: QuerySet[InformatieObject], grants: Q) -> QuerySet[InformatieObject]:
    # A document without its own vertrouwelijkheidaanduiding has its type's (drc-007), as a
    # detail read shows it: the list filter must judge it by that same level.
    return queryset.alias(
        effective_confidentiality=Coalesce(
            NullIf(F("confidentiality"), Value("")), F("informatieobjecttype__confidentiality")
        )
    ).filter(grants)


def _grants(access, scope: str) -> Q:
    return access.filter_q(
        DRC, scope, type_field="informatieobjecttype_id", confidentiality_field="effective_confidentiality"
    )


def readable_documents(request: HttpRequest, scope: str = READ) -> QuerySet[InformatieObject]:
    access = require_scope(request, DRC, scope)
    return _within_grants(tenant_documents(request), _grants(access, scope))


def parse_uuid(value: str) -> uuid_module.UUID:
    try:
        return uuid_module.UUID(str(value))
    except ValueError:
        raise not_found() from None


def get_document(request: HttpRequest, uuid: str, *scopes: str) -> InformatieObject:
    document = tenant_documents(request).filter(uuid=parse_uuid(uuid)).first()
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


def object_from_url(value: str) -> tuple[str, uuid_module.UUID] | None:
    for object_type, api_name, collection in (
        ("zaak", "zaken", "zaken"),
        ("besluit", "besluiten", "besluiten"),
    ):
        found = zgw.uuid_from_url(value, api_name, collection)
        if found:
            return object_type, found
    return None


def visible_documents(request: HttpRequest) -> QuerySet[InformatieObject]:
    """The documents this client may read, without requiring the scope: for ``expand`` from other APIs.

    A client without ``documenten.lezen`` sees none of them (an object it may not read is not expanded).
    """
    return _within_grants(tenant_documents(request), _grants(client(request), READ))
