"""The write side every Catalogi resource shares: scopes, ownership, references, field names.

An application changes only its own organisation's types; the collective's shared catalog is
visible to every gemeente but changed only by the collective's applications.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Schema

from plus1.catalog import services
from plus1.catalog.models import Catalogus, ZaakType
from plus1.core import zgw
from plus1.core.exceptions import FieldProblem

from ..common.auth import actor_for, require_scope
from ..common.errors import denied, invalid
from ..common.http import json_response, no_content
from ..common.schemas import WRITE_ERRORS
from .reading import ZTC, get, parts, row, tenant_ids

WRITE = "catalogi.schrijven"
FORCED_WRITE = "catalogi.geforceerd-schrijven"
FORCED_DELETE = "catalogi.geforceerd-verwijderen"
# A create on a collection has no 404 in the OAS.
CREATE_ERRORS = {status: schema for status, schema in WRITE_ERRORS.items() if status != 404}
# Optional durations are empty strings in the catalog, null in the API.
BLANK_WHEN_NULL = {
    "service_norm",
    "extension_period",
    "description",
    "omschrijving_generiek",
    "publicatietekst",
    "publicatietermijn",
}
# Optional lists are empty lists in the catalog when the API sends null.
EMPTY_WHEN_NULL = {"verantwoordingsrelatie", "trefwoord", "keywords"}


def api_names(fields: dict[str, str], call: Callable, **kwargs):
    """Call a service; a ``FieldProblem`` comes back with the API's attribute names."""
    to_api = {model: name for name, model in fields.items()} | {
        "selectielijst_procestype": "selectielijstProcestype",
        "product": "productenOfDiensten",
    }
    try:
        return call(**kwargs)
    except FieldProblem as exc:
        raise FieldProblem(
            [(to_api.get(name, name), code, reason) for name, code, reason in exc.problems]
        ) from exc


def require_write(request: HttpRequest, *scopes: str) -> tuple:
    """The scopes of the operation; returns the application and whether it may force (a correction)."""
    access = require_scope(request, ZTC, *scopes)
    forced_scope = FORCED_DELETE if FORCED_DELETE in scopes else FORCED_WRITE
    return access, access.has_scope(ZTC, forced_scope)


def own(request: HttpRequest, obj) -> None:
    if obj.tenant_id != request.tenant.pk:
        raise denied("Dit type hoort bij de gezamenlijke catalogus; alleen de beheerder daarvan wijzigt het.")


def resolve(request: HttpRequest, name: str, value: str, collection: str, queryset: QuerySet):
    """The object a URL in the body points at, or a 400 on ``name``."""
    found_uuid = zgw.uuid_from_url(value, "catalogi", collection)
    found = queryset.filter(uuid=found_uuid).first() if found_uuid else None
    if found is None:
        raise invalid(name, "bad-url", f"Deze URL wijst niet naar een bestaand object ({collection}).")
    return found


def own_catalogus(request: HttpRequest, url: str) -> Catalogus:
    return resolve(request, "catalogus", url, "catalogussen", Catalogus.objects.for_tenant(request.tenant))


def zaaktype_for_part(request: HttpRequest, url: str) -> ZaakType:
    """The zaaktype a new part belongs to: readable, and of the application's own organisation."""
    zaaktype = resolve(
        request, "zaaktype", url, "zaaktypen", ZaakType.objects.filter(tenant_id__in=tenant_ids(request))
    )
    own(request, zaaktype)
    return zaaktype


def model_values(fields: dict[str, str], values: dict) -> dict:
    """The body's attributes as catalog model fields (only those in ``fields``)."""
    result = {}
    for name, value in values.items():
        if name in fields:
            field = fields[name]
            if isinstance(value, Schema):
                value = value.dict()
            if value is None and field in BLANK_WHEN_NULL:
                value = ""
            elif value is None and field in EMPTY_WHEN_NULL:
                value = []
            result[field] = value
    return result


def sent(payload) -> dict:
    """The attributes a (PATCH) body sent."""
    return {name: getattr(payload, name) for name in payload.model_fields_set}


def blank_nulls(values: dict) -> dict:
    return {name: "" if value is None else value for name, value in values.items()}


def delete_own(
    request: HttpRequest, queryset: QuerySet, uuid: str, remove: Callable, *, owner=lambda obj: obj
) -> HttpResponse:
    """DELETE: ``remove(obj, actor=..., forced=...)`` on an object of the application's organisation."""
    access, forced = require_write(request, WRITE, FORCED_DELETE)
    obj = get(queryset, uuid)
    own(request, owner(obj))
    remove(obj, actor=actor_for(access), forced=forced)
    return no_content()


def delete_part(request: HttpRequest, model, uuid: str) -> HttpResponse:
    """DELETE of a part of a concept zaaktype (ztc-010)."""
    return delete_own(
        request,
        parts(request, model),
        uuid,
        lambda part, **kwargs: services.delete_zaaktype_part(part=part, **kwargs),
        owner=lambda part: part.zaaktype,
    )


def publish_own(
    request: HttpRequest, queryset: QuerySet, uuid: str, publish: Callable, rows: Callable
) -> HttpResponse:
    """POST ``/{uuid}/publish``: ``publish(obj, actor=...)``, then the published object."""
    access, _forced = require_write(request, WRITE)
    obj = get(queryset, uuid)
    own(request, obj)
    publish(obj, actor=actor_for(access))
    return json_response(row(queryset, uuid, rows))


def change_type(
    request: HttpRequest,
    queryset: QuerySet,
    uuid: str,
    fields: dict,
    values: dict,
    actie: str,
    rows,
    **references,
) -> HttpResponse:
    """PUT/PATCH of an informatieobjecttype or besluittype (ztc-009 in the service).

    ``references`` are model values already resolved from the body's URLs.
    """
    access, forced = require_write(request, WRITE, FORCED_WRITE)
    obj = get(queryset, uuid)
    own(request, obj)
    api_names(
        fields,
        services.change_type,
        obj=obj,
        actor=actor_for(access),
        actie=actie,
        forced=forced,
        **model_values(fields, values),
        **references,
    )
    return json_response(row(queryset, uuid, rows))


def keep_zaaktype(values: dict, part) -> None:
    """Take ``zaaktype`` out of a change's values: it may only name the part's own zaaktype."""
    if "zaaktype" in values and zgw.uuid_from_url(values.pop("zaaktype") or "", "catalogi", "zaaktypen") != (
        part.zaaktype.uuid
    ):
        raise invalid("zaaktype", "immutable", "Het zaaktype van een onderdeel kan niet veranderen.")


def change_part(
    request: HttpRequest,
    queryset: QuerySet,
    uuid: str,
    fields: dict,
    values: dict,
    rows,
    *,
    references: dict | None = None,
    change: Callable | None = None,
) -> HttpResponse:
    """PUT/PATCH of a part of a concept zaaktype (ztc-010); its zaaktype never changes.

    ``references`` are model values already resolved from the body's URLs; ``change(part=...,
    **values)`` is the service, ``services.change_zaaktype_part`` unless the part has its own.
    """
    access, forced = require_write(request, WRITE, FORCED_WRITE)
    part = get(queryset, uuid)
    own(request, part.zaaktype)
    keep_zaaktype(values, part)
    api_names(
        fields,
        change or services.change_zaaktype_part,
        part=part,
        actor=actor_for(access),
        forced=forced,
        **model_values(fields, values),
        **(references or {}),
    )
    return json_response(row(queryset, uuid, rows))


def resolve_parts(request: HttpRequest, name: str, urls: list[str], collection: str, model) -> list:
    """The parts (of readable zaaktypen) a list of URLs in the body points at."""
    return [
        resolve(request, f"{name}.{index}", url, collection, parts(request, model))
        for index, url in enumerate(urls)
    ]
