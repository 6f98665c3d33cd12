"""Zaakeigenschappen: the values of a zaaktype's eigenschappen for one zaak, nested under it."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Router

from plus1.cases.models import Zaak, ZaakEigenschap
from plus1.cases.services import registration
from plus1.catalog.models import Eigenschap

from ..common.auth import actor_for
from ..common.errors import invalid, not_found
from ..common.http import created, detail_response, json_response, no_content
from ..common.params import reject_unknown_params
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS
from . import schemas
from .reading import (
    FORCE,
    READ,
    UPDATE,
    get_zaak,
    log_parts_read,
    may,
    parse_uuid,
    require,
    subtype_from_url,
    zaak_from_url,
)
from .serializers import serialize_zaakeigenschap

router = Router()


def _zaakeigenschappen(zaak: Zaak) -> QuerySet[ZaakEigenschap]:
    return (
        ZaakEigenschap.objects.filter(zaak=zaak).select_related("zaak__zaaktype", "eigenschap").order_by("id")
    )


def _get_zaakeigenschap(request: HttpRequest, zaak_uuid: str, uuid: str, *scopes: str):
    zaak = get_zaak(request, zaak_uuid)
    access = require(request, zaak, *scopes)
    item = _zaakeigenschappen(zaak).filter(uuid=parse_uuid(uuid)).first()
    if item is None:
        raise not_found()
    return zaak, item, access


@router.get(
    "/zaken/{zaak_uuid}/zaakeigenschappen",
    response={200: list[schemas.ZaakEigenschap], **LIST_ERRORS},
    operation_id="zaakeigenschap_list",
    summary="Alle ZAAKEIGENSCHAPpen opvragen.",
)
def zaakeigenschap_list(request: HttpRequest, zaak_uuid: str) -> HttpResponse:
    reject_unknown_params(request, set())
    zaak = get_zaak(request, zaak_uuid)
    require(request, zaak, READ)
    items = list(_zaakeigenschappen(zaak))
    log_parts_read(request, items, operation="zaakeigenschap_list")
    return json_response([serialize_zaakeigenschap(item) for item in items])


@router.post(
    "/zaken/{zaak_uuid}/zaakeigenschappen",
    response={201: schemas.ZaakEigenschap, **WRITE_ERRORS},
    operation_id="zaakeigenschap_create",
    summary="Maak een ZAAKEIGENSCHAP aan.",
)
def zaakeigenschap_create(
    request: HttpRequest, zaak_uuid: str, payload: schemas.ZaakEigenschapRequest
) -> HttpResponse:
    zaak = get_zaak(request, zaak_uuid)
    access = require(request, zaak, UPDATE, FORCE)
    if zaak_from_url(request, payload.zaak).pk != zaak.pk:
        raise invalid("zaak", "invalid", "Deze zaak is niet de zaak in het pad.")
    eigenschap = subtype_from_url(request, Eigenschap, "eigenschappen", payload.eigenschap, "eigenschap")
    item = registration.set_zaakeigenschap(
        zaak=zaak,
        eigenschap=eigenschap,
        value=payload.waarde,
        actor=actor_for(access),
        may_change_closed=may(access, zaak, FORCE),
    )
    return created(serialize_zaakeigenschap(_zaakeigenschappen(zaak).get(pk=item.pk)))


def _zaakeigenschap_detail(request: HttpRequest, zaak_uuid: str, uuid: str) -> HttpResponse:
    _zaak, item, _access = _get_zaakeigenschap(request, zaak_uuid, uuid, READ)
    log_parts_read(request, [item], operation="zaakeigenschap_read")
    return detail_response(request, serialize_zaakeigenschap(item))


@router.get(
    "/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}",
    response={200: schemas.ZaakEigenschap, **READ_ERRORS},
    operation_id="zaakeigenschap_retrieve",
    summary="Een specifieke ZAAKEIGENSCHAP opvragen.",
)
def zaakeigenschap_retrieve(request: HttpRequest, zaak_uuid: str, uuid: str) -> HttpResponse:
    return _zaakeigenschap_detail(request, zaak_uuid, uuid)


@router.api_operation(
    ["HEAD"],
    "/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}",
    response={200: None},
    operation_id="zaakeigenschap_headers",
    summary="De headers voor een specifiek(e) ZAAKEIGENSCHAP opvragen",
)
def zaakeigenschap_headers(request: HttpRequest, zaak_uuid: str, uuid: str) -> HttpResponse:
    return _zaakeigenschap_detail(request, zaak_uuid, uuid)


def _zaakeigenschap_update(
    request: HttpRequest, zaak_uuid: str, uuid: str, data: dict[str, Any], actie: str
) -> HttpResponse:
    zaak, item, access = _get_zaakeigenschap(request, zaak_uuid, uuid, UPDATE, FORCE)
    if data.get("zaak") and zaak_from_url(request, data["zaak"]).pk != zaak.pk:
        raise invalid(
            "zaak", "wijzigen-niet-toegelaten", "De zaak van een zaakeigenschap kan niet veranderen."
        )
    eigenschap = (
        subtype_from_url(request, Eigenschap, "eigenschappen", data["eigenschap"], "eigenschap")
        if data.get("eigenschap")
        else item.eigenschap
    )
    registration.set_zaakeigenschap(
        zaak=zaak,
        eigenschap=eigenschap,
        value=data["waarde"] if data.get("waarde") is not None else item.value,
        actor=actor_for(access),
        may_change_closed=may(access, zaak, FORCE),
        zaakeigenschap=item,
        zgw_actie=actie,
    )
    return json_response(serialize_zaakeigenschap(_zaakeigenschappen(zaak).get(pk=item.pk)))


@router.put(
    "/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}",
    response={200: schemas.ZaakEigenschap, **WRITE_ERRORS},
    operation_id="zaakeigenschap_update",
    summary="Werk een ZAAKEIGENSCHAP in zijn geheel bij.",
)
def zaakeigenschap_update(
    request: HttpRequest, zaak_uuid: str, uuid: str, payload: schemas.ZaakEigenschapRequest
) -> HttpResponse:
    return _zaakeigenschap_update(request, zaak_uuid, uuid, payload.model_dump(), "update")


@router.patch(
    "/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}",
    response={200: schemas.ZaakEigenschap, **WRITE_ERRORS},
    operation_id="zaakeigenschap_partial_update",
    summary="Werk een ZAAKEIGENSCHAP deels bij.",
)
def zaakeigenschap_partial_update(
    request: HttpRequest, zaak_uuid: str, uuid: str, payload: schemas.PatchedZaakEigenschapRequest
) -> HttpResponse:
    return _zaakeigenschap_update(
        request, zaak_uuid, uuid, payload.model_dump(include=payload.model_fields_set), "partial_update"
    )


@router.delete(
    "/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}",
    response={204: None, **READ_ERRORS},
    operation_id="zaakeigenschap_destroy",
    summary="Verwijder een ZAAKEIGENSCHAP.",
)
def zaakeigenschap_destroy(request: HttpRequest, zaak_uuid: str, uuid: str) -> HttpResponse:
    zaak, item, access = _get_zaakeigenschap(request, zaak_uuid, uuid, UPDATE, FORCE)
    registration.delete_zaakeigenschap(
        zaakeigenschap=item, actor=actor_for(access), may_change_closed=may(access, zaak, FORCE)
    )
    return no_content()
