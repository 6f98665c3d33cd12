"""Resultaten: the outcome of a zaak, at most one per zaak."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from plus1.cases.models import Resultaat
from plus1.cases.services import registration
from plus1.catalog.models import ResultaatType

from ..common import audittrail
from ..common.auth import actor_for, require_scope
from ..common.errors import invalid, not_found
from ..common.http import created, json_response, no_content
from ..common.pagination import paginate
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Page
from . import schemas
from .expand import rendered as with_expand
from .reading import (
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
    subtype_from_url,
    visible,
    zaak_from_url,
)
from .serializers import serialize_resultaat

router = Router()

audittrail.register("cases.resultaat", "zaken", "resultaten", "resultaat")


class ResultaatFilter(schemas.Schema):
    zaak: str | None = None
    resultaattype: str | None = None
    page: int | None = None
    expand: str | None = None


def _resultaten(request: HttpRequest) -> QuerySet[Resultaat]:
    return Resultaat.objects.filter(zaak__tenant=request.tenant).select_related(
        "zaak__zaaktype", "resultaattype"
    )


def _get_resultaat(request: HttpRequest, uuid: str) -> Resultaat:
    resultaat = _resultaten(request).filter(uuid=parse_uuid(uuid)).first()
    if resultaat is None:
        raise not_found()
    return resultaat


@router.get(
    "/resultaten",
    response={200: Page[schemas.ResultaatExpanded], **LIST_ERRORS},
    operation_id="resultaat_list",
    summary="Alle RESULTAATen van ZAAKen opvragen.",
    by_alias=True,
)
def resultaat_list(request: HttpRequest, filters: Query[ResultaatFilter]) -> HttpResponse:
    require_scope(request, ZRC, READ)
    known_params(request, ResultaatFilter)
    resultaten = _resultaten(request).filter(visible(request, "zaak__"))
    resultaten = filter_by_url(resultaten, "zaak", filters.zaak, "zaken", "zaken", "zaak")
    resultaten = filter_by_url(
        resultaten, "resultaattype", filters.resultaattype, "catalogi", "resultaattypen", "resultaattype"
    )
    return json_response(
        paginate(request, resultaten.order_by("id"), lambda rows: _rows(request, rows, filters.expand))
    )


@router.post(
    "/resultaten",
    response={201: schemas.Resultaat, **WRITE_ERRORS},
    operation_id="resultaat_create",
    summary="Maak een RESULTAAT bij een ZAAK aan.",
)
def resultaat_create(request: HttpRequest, payload: schemas.ResultaatRequest) -> HttpResponse:
    zaak = zaak_from_url(request, payload.zaak)
    access = require(request, zaak, UPDATE, FORCE)
    resultaattype = subtype_from_url(
        request, ResultaatType, "resultaattypen", payload.resultaattype, "resultaattype"
    )
    resultaat = registration.set_resultaat(
        zaak=zaak,
        resultaattype=resultaattype,
        toelichting=payload.toelichting,
        actor=actor_for(access),
        may_change_closed=may(access, zaak, FORCE),
    )
    return created(serialize_resultaat(_get_resultaat(request, str(resultaat.uuid))))


def _rows(request: HttpRequest, resultaten: list[Resultaat], expand: str | None) -> list[dict]:
    return with_expand(request, "resultaat", [serialize_resultaat(item) for item in resultaten], expand)


def _resultaat_detail(request: HttpRequest, uuid: str, expand: str | None) -> HttpResponse:
    return part_detail(request, _resultaten(request), uuid, lambda rows: _rows(request, rows, expand))


add_part_read_operations(
    router,
    collection="resultaten",
    name="resultaat",
    schema=schemas.ResultaatExpanded,
    summary="Een specifieke RESULTAAT opvragen.",
    label="RESULTAAT",
    read=_resultaat_detail,
)


def _resultaat_update(request: HttpRequest, uuid: str, data: dict[str, Any], actie: str) -> HttpResponse:
    resultaat = _get_resultaat(request, uuid)
    zaak = resultaat.zaak
    access = require(request, zaak, UPDATE, FORCE)
    if data.get("zaak") and zaak_from_url(request, data["zaak"]).pk != zaak.pk:
        raise invalid("zaak", "wijzigen-niet-toegelaten", "De zaak van een resultaat kan niet veranderen.")
    resultaattype = (
        subtype_from_url(request, ResultaatType, "resultaattypen", data["resultaattype"], "resultaattype")
        if data.get("resultaattype")
        else resultaat.resultaattype
    )
    registration.set_resultaat(
        zaak=zaak,
        resultaattype=resultaattype,
        toelichting=data.get("toelichting") if data.get("toelichting") is not None else resultaat.toelichting,
        actor=actor_for(access),
        may_change_closed=may(access, zaak, FORCE),
        resultaat=resultaat,
        zgw_actie=actie,
    )
    return json_response(serialize_resultaat(_get_resultaat(request, uuid)))


@router.put(
    "/resultaten/{uuid}",
    response={200: schemas.Resultaat, **WRITE_ERRORS},
    operation_id="resultaat_update",
    summary="Werk een RESULTAAT in zijn geheel bij.",
)
def resultaat_update(request: HttpRequest, uuid: str, payload: schemas.ResultaatRequest) -> HttpResponse:
    return _resultaat_update(request, uuid, payload.model_dump(), "update")


@router.patch(
    "/resultaten/{uuid}",
    response={200: schemas.Resultaat, **WRITE_ERRORS},
    operation_id="resultaat_partial_update",
    summary="Werk een RESULTAAT deels bij.",
)
def resultaat_partial_update(
    request: HttpRequest, uuid: str, payload: schemas.PatchedResultaatRequest
) -> HttpResponse:
    return _resultaat_update(
        request, uuid, payload.model_dump(include=payload.model_fields_set), "partial_update"
    )


@router.delete(
    "/resultaten/{uuid}",
    response={204: None, **READ_ERRORS},
    operation_id="resultaat_destroy",
    summary="Verwijder een RESULTAAT van een ZAAK.",
)
def resultaat_destroy(request: HttpRequest, uuid: str) -> HttpResponse:
    resultaat = _get_resultaat(request, uuid)
    access = require(request, resultaat.zaak, UPDATE, FORCE)
    registration.delete_resultaat(
        resultaat=resultaat, actor=actor_for(access), may_change_closed=may(access, resultaat.zaak, FORCE)
    )
    return no_content()
