"""Besluiten API 1.1.0 at ``/besluiten/api/v1/``.

The besluiten are the rows the back office decides with (``cases.Besluit``): one decided on
a zaak shows here, and one registered here with a zaak shows on the zaak in the back office
and in Mijn zaken. Rights are per besluittype (brc autorisaties have no confidentiality).
This API has no ETag/HEAD, so details are plain JSON.
"""

from __future__ import annotations

import datetime
from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

from plus1.apiclients.access import ClientAccess
from plus1.apiclients.constants import Component
from plus1.cases.constants import Vervalreden
from plus1.cases.models import Besluit, BesluitInformatieObject, InformatieObject, Zaak
from plus1.cases.processing import Purpose, log_zaak_reads
from plus1.cases.services import besluiten as services
from plus1.catalog.models import BesluitType
from plus1.core import zgw
from plus1.notifications.kanalen import describe
from plus1.tenants.selectors import get_collective

from ..common import audittrail
from ..common import expand as engine
from ..common.api import make_api
from ..common.auth import actor_for, client, require_for_object, require_scope
from ..common.errors import invalid, not_found
from ..common.expand import Kind, Relation
from ..common.http import created, json_response, no_content
from ..common.pagination import paginate
from ..common.params import reject_unknown_params
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, AuditTrail, Page
from .schemas import Besluit as BesluitSchema
from .schemas import (
    BesluitExpanded,
    BesluitIn,
    BesluitInformatieObjectExpanded,
    BesluitInformatieObjectIn,
    BesluitPatch,
)
from .schemas import BesluitInformatieObject as BesluitInformatieObjectSchema

api = make_api("besluiten", description=describe("besluiten"))

BRC = Component.BRC
READ, CREATE, UPDATE, DELETE = (
    "besluiten.lezen",
    "besluiten.aanmaken",
    "besluiten.bijwerken",
    "besluiten.verwijderen",
)
AUDIT = "audittrails.lezen"
# A create names no existing object, so the standard lists no 404 for it.
CREATE_ERRORS = {code: schema for code, schema in WRITE_ERRORS.items() if code != 404}

audittrail.register("cases.besluit", "besluiten", "besluiten", "besluit")
audittrail.register(
    "cases.besluitinformatieobject", "besluiten", "besluitinformatieobjecten", "besluitinformatieobject"
)

VERVALREDEN_LABELS = {value: str(label) for value, label in Vervalreden.choices}
# ZGW name -> model field, for the fields a client sends.
FIELDS = {zgw_name: field for field, zgw_name in services.FIELD_NAMES.items()}


# --- rendering ----------------------------------------------------------------------------


def _day(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def besluittype_url(besluittype_uuid) -> str:
    return zgw.url("catalogi", "besluittypen", besluittype_uuid)


def serialize(besluit: Besluit) -> dict[str, Any]:
    return {
        "url": services.besluit_url(besluit),
        "identificatie": besluit.identificatie,
        "verantwoordelijkeOrganisatie": besluit.verantwoordelijke_organisatie,
        "besluittype": besluittype_url(besluit.besluittype.uuid),
        "zaak": zgw.url("zaken", "zaken", besluit.zaak.uuid) if besluit.zaak_id else "",
        "datum": _day(besluit.decided_on),
        "toelichting": besluit.toelichting,
        "bestuursorgaan": besluit.bestuursorgaan,
        "ingangsdatum": _day(besluit.effective_on),
        "vervaldatum": _day(besluit.expires_on),
        "vervalreden": besluit.expiry_reason,
        "vervalredenWeergave": VERVALREDEN_LABELS.get(besluit.expiry_reason, ""),
        "publicatiedatum": _day(besluit.published_on),
        "verzenddatum": _day(besluit.sent_on),
        "uiterlijkeReactiedatum": _day(besluit.respond_by),
    }


def serialize_link(link: BesluitInformatieObject) -> dict[str, Any]:
    return {
        "url": services.link_url(link),
        "informatieobject": zgw.url(
            "documenten", "enkelvoudiginformatieobjecten", link.informatieobject.uuid
        ),
        "besluit": services.besluit_url(link.besluit),
    }


# --- expand -------------------------------------------------------------------------------

# What can be expanded: a besluit's besluittype (as the Catalogi API shows it, and on from
# there) and zaak (as the Zaken API shows it, and on), a link's besluit and informatieobject.
# The kinds are the Zaken API's (which expands besluiten too); an object the client may not
# read, or an attribute that is empty, expands to an empty object (the standard's EmptyObject).
LINK = engine.top_level(
    "besluitinformatieobject",
    "besluiten",
    "besluitinformatieobjecten",
    {"besluit": Relation("besluit"), "informatieobject": Relation("informatieobject")},
)


def _kinds() -> dict[str, Kind]:
    # Imported here: the Zaken API's expand renders besluiten with this module's ``serialize``.
    from ..zaken.expand import ZAKEN_KINDS

    return {**ZAKEN_KINDS, "besluitinformatieobject": LINK}


def _tree(request: HttpRequest, kind: str) -> engine.Tree:
    """The expansions asked for; 404 for an attribute the resource does not have."""
    kinds = _kinds()
    return engine.parse(request.GET.get("expand"), kinds[kind], kinds)


def _empty_objects(items: list[dict[str, Any]]) -> None:
    for item in items:
        for name, value in (item.get("_expand") or {}).items():
            if value is None:
                item["_expand"][name] = {}
            elif isinstance(value, dict):
                _empty_objects([value])
            elif isinstance(value, list):
                _empty_objects(value)


def _expanded(
    request: HttpRequest, kind: str, data: list[dict[str, Any]], tree: engine.Tree
) -> list[dict[str, Any]]:
    if tree:
        kinds = _kinds()
        engine.apply(request, kinds[kind], data, tree, kinds)
        _empty_objects(data)
    return data


# --- reading ------------------------------------------------------------------------------


def _besluiten(request: HttpRequest) -> QuerySet[Besluit]:
    return (
        Besluit.objects.for_tenant(request.tenant)
        .select_related("besluittype", "zaak__zaaktype")
        .order_by("id")
    )


def _log_reads(access: ClientAccess, rows: list[Besluit], operation: str) -> None:
    # A besluit is about the people of its zaak: its read is logged as a read of that zaak.
    zaken = list({besluit.zaak_id: besluit.zaak for besluit in rows if besluit.zaak_id}.values())
    log_zaak_reads(zaken, Purpose.handling(actor_for(access), operation=operation))


def _uuid(value: str) -> UUID:
    try:
        return UUID(value)
    except ValueError:
        raise not_found() from None


def _get(request: HttpRequest, uuid: str) -> Besluit:
    besluit = _besluiten(request).filter(uuid=_uuid(uuid)).first()
    if besluit is None:
        raise not_found()
    return besluit


def _url_filter(value: str, name: str, api_name: str, collection: str) -> UUID | None:
    """The uuid behind a URL filter; None when it is a URL that cannot match (an empty list)."""
    if not value.startswith(("http://", "https://")):
        raise invalid(name, "invalid", "Voer een geldige URL in.")
    return zgw.uuid_from_url(value, api_name, collection)


@api.get(
    "/besluiten",
    response={200: Page[BesluitExpanded], **LIST_ERRORS},
    summary="Alle BESLUITen opvragen.",
    operation_id="besluit_list",
    by_alias=True,
)
def besluit_list(
    request: HttpRequest,
    identificatie: str | None = None,
    verantwoordelijkeOrganisatie: str | None = None,
    besluittype: str | None = None,
    zaak: str | None = None,
    page: int | None = None,
    expand: str | None = None,
) -> HttpResponse:
    access = require_scope(request, BRC, READ)
    reject_unknown_params(
        request, {"identificatie", "verantwoordelijkeOrganisatie", "besluittype", "zaak", "page", "expand"}
    )
    tree = _tree(request, "besluit")
    rows = _besluiten(request).filter(client(request).filter_q(BRC, READ, type_field="besluittype_id"))
    if identificatie:
        rows = rows.filter(identificatie=identificatie)
    if verantwoordelijkeOrganisatie:
        rows = rows.filter(verantwoordelijke_organisatie=verantwoordelijkeOrganisatie)
    if besluittype:
        found = _url_filter(besluittype, "besluittype", "catalogi", "besluittypen")
        rows = rows.filter(besluittype__uuid=found) if found else rows.none()
    if zaak:
        found = _url_filter(zaak, "zaak", "zaken", "zaken")
        rows = rows.filter(zaak__uuid=found) if found else rows.none()

    def render(page_rows: list[Besluit]) -> list[dict[str, Any]]:
        _log_reads(access, page_rows, "besluit_list")
        return _expanded(request, "besluit", [serialize(besluit) for besluit in page_rows], tree)

    return json_response(paginate(request, rows, render))


@api.get(
    "/besluiten/{uuid}",
    response={200: BesluitExpanded, **READ_ERRORS},
    summary="Een specifiek BESLUIT opvragen.",
    operation_id="besluit_read",
    by_alias=True,
)
def besluit_read(request: HttpRequest, uuid: str, expand: str | None = None) -> HttpResponse:
    require_scope(request, BRC, READ)
    reject_unknown_params(request, {"expand"})
    tree = _tree(request, "besluit")
    besluit = _get(request, uuid)
    access = require_for_object(request, BRC, READ, type_id=besluit.besluittype_id)
    _log_reads(access, [besluit], "besluit_read")
    return json_response(_expanded(request, "besluit", [serialize(besluit)], tree)[0])


# --- writing ------------------------------------------------------------------------------


def _resolve_besluittype(request: HttpRequest, value: str) -> BesluitType:
    found_uuid = zgw.uuid_from_url(value, "catalogi", "besluittypen")
    found = (
        BesluitType.objects.filter(
            uuid=found_uuid, tenant__in=[request.tenant.pk, get_collective().pk]
        ).first()
        if found_uuid
        else None
    )
    if found is None:
        raise invalid("besluittype", "bad-url", "Dit besluittype bestaat niet in de Catalogi API.")
    return found


def _resolve_zaak(request: HttpRequest, value: str) -> Zaak | None:
    if not value:
        return None
    found_uuid = zgw.uuid_from_url(value, "zaken", "zaken")
    # A zaak of another gemeente does not exist for this caller (same answer as a wrong URL).
    found = (
        Zaak.objects.for_tenant(request.tenant).select_related("zaaktype").filter(uuid=found_uuid).first()
        if found_uuid
        else None
    )
    if found is None:
        raise invalid("zaak", "bad-url", "Deze zaak bestaat niet in de Zaken API.")
    return found


def _changes(request: HttpRequest, values: dict[str, Any], current: Besluit | None) -> dict[str, Any]:
    """Model field -> value for the ZGW fields sent; references resolved to rows."""
    changes: dict[str, Any] = {}
    for name, value in values.items():
        field = FIELDS[name]
        if name == "besluittype":
            # Sending the besluittype it already has is no change (brc-001 forbids a change).
            if current is not None and value == besluittype_url(current.besluittype.uuid):
                value = current.besluittype
            else:
                value = _resolve_besluittype(request, value)
        elif name == "zaak":
            value = _resolve_zaak(request, value or "")
        elif value is None and name in ("identificatie", "toelichting", "bestuursorgaan", "vervalreden"):
            value = ""
        changes[field] = value
    return changes


@api.post(
    "/besluiten",
    response={201: BesluitSchema, **CREATE_ERRORS},
    summary="Maak een BESLUIT aan.",
    operation_id="besluit_create",
    by_alias=True,
)
def besluit_create(request: HttpRequest, payload: BesluitIn) -> HttpResponse:
    require_scope(request, BRC, CREATE)
    changes = _changes(request, payload.model_dump(), None)
    access = require_for_object(request, BRC, CREATE, type_id=changes["besluittype"].pk)
    besluit = services.create_besluit(tenant=request.tenant, actor=actor_for(access), **changes)
    return created(serialize(_get(request, str(besluit.uuid))))


def _update(request: HttpRequest, uuid: str, values: dict[str, Any]) -> HttpResponse:
    require_scope(request, BRC, UPDATE)
    besluit = _get(request, uuid)
    access = require_for_object(request, BRC, UPDATE, type_id=besluit.besluittype_id)
    services.update_besluit(
        besluit=besluit, actor=actor_for(access), changes=_changes(request, values, besluit)
    )
    return json_response(serialize(_get(request, uuid)))


@api.put(
    "/besluiten/{uuid}",
    response={200: BesluitSchema, **WRITE_ERRORS},
    summary="Werk een BESLUIT in zijn geheel bij.",
    operation_id="besluit_update",
    by_alias=True,
)
def besluit_update(request: HttpRequest, uuid: str, payload: BesluitIn) -> HttpResponse:
    values = payload.model_dump()
    if "identificatie" not in payload.model_fields_set or not payload.identificatie:
        # PUT without identificatie keeps the generated one (it cannot change, brc-002).
        values.pop("identificatie")
    return _update(request, uuid, values)


@api.patch(
    "/besluiten/{uuid}",
    response={200: BesluitSchema, **WRITE_ERRORS},
    summary="Werk een BESLUIT deels bij.",
    operation_id="besluit_partial_update",
    by_alias=True,
)
def besluit_partial_update(request: HttpRequest, uuid: str, payload: BesluitPatch) -> HttpResponse:
    values = {name: getattr(payload, name) for name in payload.model_fields_set}
    for name in ("verantwoordelijkeOrganisatie", "besluittype", "datum", "ingangsdatum"):
        if name in values and values[name] is None:
            raise invalid(name, "null", "Dit veld mag niet leeg zijn.")
    return _update(request, uuid, values)


@api.delete(
    "/besluiten/{uuid}",
    response={204: None, **READ_ERRORS},
    summary="Verwijder een BESLUIT.",
    operation_id="besluit_delete",
    by_alias=True,
)
def besluit_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    require_scope(request, BRC, DELETE)
    besluit = _get(request, uuid)
    access = require_for_object(request, BRC, DELETE, type_id=besluit.besluittype_id)
    services.delete_besluit(besluit=besluit, actor=actor_for(access))
    return no_content()


# --- besluitinformatieobjecten ------------------------------------------------------------


def _links(request: HttpRequest) -> QuerySet[BesluitInformatieObject]:
    return (
        BesluitInformatieObject.objects.for_tenant(request.tenant)
        .select_related("besluit__besluittype", "besluit__zaak", "informatieobject")
        .order_by("id")
    )


def _get_link(request: HttpRequest, uuid: str) -> BesluitInformatieObject:
    link = _links(request).filter(uuid=_uuid(uuid)).first()
    if link is None:
        raise not_found()
    return link


@api.get(
    "/besluitinformatieobjecten",
    response={200: list[BesluitInformatieObjectExpanded], **LIST_ERRORS},
    summary="Alle BESLUIT-INFORMATIEOBJECT relaties opvragen.",
    operation_id="besluitinformatieobject_list",
    by_alias=True,
)
def besluitinformatieobject_list(
    request: HttpRequest,
    besluit: str | None = None,
    informatieobject: str | None = None,
    expand: str | None = None,
) -> HttpResponse:
    require_scope(request, BRC, READ)
    reject_unknown_params(request, {"besluit", "informatieobject", "expand"})
    tree = _tree(request, "besluitinformatieobject")
    rows = _links(request).filter(client(request).filter_q(BRC, READ, type_field="besluit__besluittype_id"))
    if besluit:
        found = _url_filter(besluit, "besluit", "besluiten", "besluiten")
        rows = rows.filter(besluit__uuid=found) if found else rows.none()
    if informatieobject:
        found = _url_filter(
            informatieobject, "informatieobject", "documenten", "enkelvoudiginformatieobjecten"
        )
        rows = rows.filter(informatieobject__uuid=found) if found else rows.none()
    return json_response(
        _expanded(request, "besluitinformatieobject", [serialize_link(link) for link in rows], tree)
    )


@api.get(
    "/besluitinformatieobjecten/{uuid}",
    response={200: BesluitInformatieObjectExpanded, **READ_ERRORS},
    summary="Een specifieke BESLUIT-INFORMATIEOBJECT relatie opvragen.",
    operation_id="besluitinformatieobject_read",
    by_alias=True,
)
def besluitinformatieobject_read(request: HttpRequest, uuid: str, expand: str | None = None) -> HttpResponse:
    require_scope(request, BRC, READ)
    reject_unknown_params(request, {"expand"})
    tree = _tree(request, "besluitinformatieobject")
    link = _get_link(request, uuid)
    require_for_object(request, BRC, READ, type_id=link.besluit.besluittype_id)
    return json_response(_expanded(request, "besluitinformatieobject", [serialize_link(link)], tree)[0])


@api.post(
    "/besluitinformatieobjecten",
    response={201: BesluitInformatieObjectSchema, **CREATE_ERRORS},
    summary="Maak een BESLUIT-INFORMATIEOBJECT relatie aan.",
    operation_id="besluitinformatieobject_create",
    by_alias=True,
)
def besluitinformatieobject_create(request: HttpRequest, payload: BesluitInformatieObjectIn) -> HttpResponse:
    require_scope(request, BRC, CREATE)
    besluit_uuid = zgw.uuid_from_url(payload.besluit, "besluiten", "besluiten")
    besluit = _besluiten(request).filter(uuid=besluit_uuid).first() if besluit_uuid else None
    if besluit is None:
        raise invalid("besluit", "bad-url", "Dit besluit bestaat niet.")
    access = require_for_object(request, BRC, CREATE, type_id=besluit.besluittype_id)
    document_uuid = zgw.uuid_from_url(payload.informatieobject, "documenten", "enkelvoudiginformatieobjecten")
    # brc-003: only a document of this gemeente resolves.
    document = (
        InformatieObject.objects.for_tenant(request.tenant).filter(uuid=document_uuid).first()
        if document_uuid
        else None
    )
    if document is None:
        raise invalid(
            "informatieobject", "bad-url", "Dit informatieobject bestaat niet in de Documenten API."
        )
    link = services.create_besluit_informatieobject(
        besluit=besluit, informatieobject=document, actor=actor_for(access)
    )
    return created(serialize_link(_get_link(request, str(link.uuid))))


@api.delete(
    "/besluitinformatieobjecten/{uuid}",
    response={204: None, **READ_ERRORS},
    summary="Verwijder een BESLUIT-INFORMATIEOBJECT relatie.",
    operation_id="besluitinformatieobject_delete",
    by_alias=True,
)
def besluitinformatieobject_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    require_scope(request, BRC, DELETE)
    link = _get_link(request, uuid)
    access = require_for_object(request, BRC, DELETE, type_id=link.besluit.besluittype_id)
    services.delete_besluit_informatieobject(link=link, actor=actor_for(access))
    return no_content()


# --- audittrail ---------------------------------------------------------------------------


def _audited(request: HttpRequest, besluit_uuid: str) -> Besluit:
    require_scope(request, BRC, AUDIT)
    besluit = _get(request, besluit_uuid)
    require_for_object(request, BRC, AUDIT, type_id=besluit.besluittype_id)
    return besluit


@api.get(
    "/besluiten/{besluit_uuid}/audittrail",
    response={200: list[AuditTrail], **{k: v for k, v in READ_ERRORS.items() if k != 404}},
    summary="Alle audit trail regels behorend bij het BESLUIT.",
    operation_id="audittrail_list",
    by_alias=True,
)
def audittrail_list(request: HttpRequest, besluit_uuid: str) -> HttpResponse:
    besluit = _audited(request, besluit_uuid)
    return json_response(
        audittrail.audittrail(besluit, hoofd_object_url=services.besluit_url(besluit), bron="brc")
    )


@api.get(
    "/besluiten/{besluit_uuid}/audittrail/{uuid}",
    response={200: AuditTrail, **READ_ERRORS},
    summary="Een specifieke audit trail regel opvragen.",
    operation_id="audittrail_read",
    by_alias=True,
)
def audittrail_read(request: HttpRequest, besluit_uuid: str, uuid: str) -> HttpResponse:
    besluit = _audited(request, besluit_uuid)
    return json_response(
        audittrail.audittrail_entry(
            besluit, _uuid(uuid), hoofd_object_url=services.besluit_url(besluit), bron="brc"
        )
    )
