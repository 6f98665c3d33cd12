"""Zaakobjecten: the objects (an address, a building, a person ...) a zaak is about."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from plus1.cases.models import ZaakObject
from plus1.cases.services import registration

from ..common import audittrail
from ..common.auth import actor_for, require_scope
from ..common.errors import invalid, not_found
from ..common.http import created, json_response, no_content
from ..common.pagination import paginate
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Page
from . import schemas
from .expand import rendered as with_expand
from .reading import (
    CREATE,
    DELETE,
    FORCE,
    READ,
    UPDATE,
    ZRC,
    add_part_read_operations,
    filter_by_url,
    known_params,
    may,
    parse_uuid,
    part_detail,
    require,
    visible,
    zaak_from_url,
)
from .serializers import serialize_zaakobject

router = Router()

audittrail.register("cases.zaakobject", "zaken", "zaakobjecten", "zaakobject")


class ZaakObjectFilter(schemas.Schema):
    zaak: str | None = None
    object: str | None = None
    objectType: schemas.ObjectType | None = None
    page: int | None = None
    expand: str | None = None


def _zaakobjecten(request: HttpRequest) -> QuerySet[ZaakObject]:
    return ZaakObject.objects.filter(zaak__tenant=request.tenant).select_related("zaak__zaaktype")


def _get_zaakobject(request: HttpRequest, uuid: str) -> ZaakObject:
    item = _zaakobjecten(request).filter(uuid=parse_uuid(uuid)).first()
    if item is None:
        raise not_found()
    return item


def _zaakobject_values(data: dict[str, Any]) -> dict[str, Any]:
    columns = {
        "object": "object",
        "zaakobjecttype": "zaakobjecttype",
        "objectType": "object_type",
        "objectTypeOverige": "object_type_overige",
        "objectTypeOverigeDefinitie": "object_type_overige_definitie",
        "relatieomschrijving": "relatieomschrijving",
        "objectIdentificatie": "object_identification",
    }
    values = {column: data[name] for name, column in columns.items() if name in data}
    for column in ("object", "zaakobjecttype", "object_type_overige", "relatieomschrijving"):
        if column in values and values[column] is None:
            values[column] = ""
    definitie = values.get("object_type_overige_definitie")
    if definitie is not None and "schema_" in definitie:
        definitie["schema"] = definitie.pop("schema_")
    return values


@router.get(
    "/zaakobjecten",
    response={200: Page[schemas.ZaakObjectExpanded], **LIST_ERRORS},
    operation_id="zaakobject_list",
    summary="Alle ZAAKOBJECTen opvragen.",
    by_alias=True,
)
def zaakobject_list(request: HttpRequest, filters: Query[ZaakObjectFilter]) -> HttpResponse:
    require_scope(request, ZRC, READ)
    known_params(request, ZaakObjectFilter)
    items = _zaakobjecten(request).filter(visible(request, "zaak__"))
    items = filter_by_url(items, "zaak", filters.zaak, "zaken", "zaken", "zaak")
    if filters.object is not None:
        items = items.filter(object=filters.object)
    if filters.objectType is not None:
        items = items.filter(object_type=filters.objectType)
    return json_response(
        paginate(request, items.order_by("id"), lambda rows: _rows(request, rows, filters.expand))
    )


@router.post(
    "/zaakobjecten",
    response={201: schemas.ZaakObject, **WRITE_ERRORS},
    operation_id="zaakobject_create",
    summary="Maak een ZAAKOBJECT aan.",
)
def zaakobject_create(request: HttpRequest, payload: schemas.ZaakObjectRequest) -> HttpResponse:
    zaak = zaak_from_url(request, payload.zaak)
    access = require(request, zaak, CREATE, UPDATE, FORCE)
    item = registration.set_zaakobject(
        zaak=zaak,
        values=_zaakobject_values(payload.model_dump()),
        actor=actor_for(access),
        may_change_closed=may(access, zaak, FORCE),
    )
    return created(serialize_zaakobject(_get_zaakobject(request, str(item.uuid))))


def _rows(request: HttpRequest, items: list[ZaakObject], expand: str | None) -> list[dict]:
    return with_expand(request, "zaakobject", [serialize_zaakobject(item) for item in items], expand)


def _zaakobject_detail(request: HttpRequest, uuid: str, expand: str | None) -> HttpResponse:
    return part_detail(request, _zaakobjecten(request), uuid, lambda rows: _rows(request, rows, expand))


add_part_read_operations(
    router,
    collection="zaakobjecten",
    name="zaakobject",
    schema=schemas.ZaakObjectExpanded,
    summary="Een specifiek ZAAKOBJECT opvragen.",
    label="ZAAKOBJECT",
    read=_zaakobject_detail,
)


def _zaakobject_update(request: HttpRequest, uuid: str, data: dict[str, Any], actie: str) -> HttpResponse:
    item = _get_zaakobject(request, uuid)
    access = require(request, item.zaak, UPDATE, FORCE)
    if data.get("zaak") and zaak_from_url(request, data["zaak"]).pk != item.zaak_id:
        raise invalid("zaak", "wijzigen-niet-toegelaten", "De zaak van een zaakobject kan niet veranderen.")
    data.pop("zaak", None)
    registration.set_zaakobject(
        zaak=item.zaak,
        values=_zaakobject_values(data),
        actor=actor_for(access),
        may_change_closed=may(access, item.zaak, FORCE),
        zaakobject=item,
        zgw_actie=actie,
    )
    return json_response(serialize_zaakobject(_get_zaakobject(request, uuid)))


@router.put(
    "/zaakobjecten/{uuid}",
    response={200: schemas.ZaakObject, **WRITE_ERRORS},
    operation_id="zaakobject_update",
    summary="Werk een ZAAKOBJECT zijn geheel bij.",
)
def zaakobject_update(request: HttpRequest, uuid: str, payload: schemas.ZaakObjectRequest) -> HttpResponse:
    return _zaakobject_update(request, uuid, payload.model_dump(), "update")


@router.patch(
    "/zaakobjecten/{uuid}",
    response={200: schemas.ZaakObject, **WRITE_ERRORS},
    operation_id="zaakobject_partial_update",
    summary="Werk een ZAAKOBJECT deels bij.",
)
def zaakobject_partial_update(
    request: HttpRequest, uuid: str, payload: schemas.PatchedZaakObjectRequest
) -> HttpResponse:
    return _zaakobject_update(
        request, uuid, payload.model_dump(include=payload.model_fields_set), "partial_update"
    )


@router.delete(
    "/zaakobjecten/{uuid}",
    response={204: None, **READ_ERRORS},
    operation_id="zaakobject_destroy",
    summary="Verwijder een ZAAKOBJECT.",
)
def zaakobject_destroy(request: HttpRequest, uuid: str) -> HttpResponse:
    item = _get_zaakobject(request, uuid)
    access = require(request, item.zaak, UPDATE, FORCE, DELETE)
    registration.delete_zaakobject(
        zaakobject=item, actor=actor_for(access), may_change_closed=may(access, item.zaak, FORCE)
    )
    return no_content()
