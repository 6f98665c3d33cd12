"""Statussen: the steps a zaak went through; the last one set is the zaak's status."""

from __future__ import annotations

from django.db.models import F, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router

from plus1.cases import services as case_services
from plus1.cases.models import Status
from plus1.catalog.models import StatusType
from plus1.feedback.services import invite_on_commit

from ..common import audittrail
from ..common.auth import actor_for, require_scope
from ..common.errors import invalid
from ..common.http import created, json_response
from ..common.pagination import paginate
from ..common.schemas import LIST_ERRORS, WRITE_ERRORS, Page
from . import schemas
from .expand import rendered as with_expand
from .reading import (
    ADD_STATUS,
    CREATE,
    FORCE,
    READ,
    REOPEN,
    ZRC,
    add_part_read_operations,
    filter_by_url,
    known_params,
    may,
    part_detail,
    require,
    subtype_from_url,
    visible,
    zaak_from_url,
)
from .serializers import serialize_status

router = Router()

audittrail.register("cases.status", "zaken", "statussen", "status")


class StatusFilter(schemas.Schema):
    zaak: str | None = None
    statustype: str | None = None
    indicatieLaatstGezetteStatus: bool | None = None
    page: int | None = None
    expand: str | None = None


def _statussen(request: HttpRequest) -> QuerySet[Status]:
    return Status.objects.filter(zaak__tenant=request.tenant).select_related("zaak", "statustype")


def _serialize_status(status: Status) -> dict:
    return serialize_status(status, is_last=status.zaak.current_status_id == status.pk)


@router.get(
    "/statussen",
    response={200: Page[schemas.StatusExpanded], **LIST_ERRORS},
    operation_id="status_list",
    summary="Alle STATUSsen van ZAAKen opvragen.",
    by_alias=True,
)
def status_list(request: HttpRequest, filters: Query[StatusFilter]) -> HttpResponse:
    require_scope(request, ZRC, READ)
    known_params(request, StatusFilter)
    statussen = _statussen(request).filter(visible(request, "zaak__"))
    statussen = filter_by_url(statussen, "zaak", filters.zaak, "zaken", "zaken", "zaak")
    statussen = filter_by_url(
        statussen, "statustype", filters.statustype, "catalogi", "statustypen", "statustype"
    )
    if filters.indicatieLaatstGezetteStatus is not None:
        latest = Q(zaak__current_status=F("pk"))
        statussen = statussen.filter(latest if filters.indicatieLaatstGezetteStatus else ~latest)
    page = paginate(request, statussen.order_by("id"), lambda rows: _rows(request, rows, filters.expand))
    return json_response(page)


@router.post(
    "/statussen",
    response={201: schemas.Status, **WRITE_ERRORS},
    operation_id="status_create",
    summary="Maak een STATUS aan voor een ZAAK.",
)
def status_create(request: HttpRequest, payload: schemas.StatusRequest) -> HttpResponse:
    require_scope(request, ZRC, CREATE, ADD_STATUS, REOPEN)
    zaak = zaak_from_url(request, payload.zaak)
    access = require(request, zaak, CREATE, ADD_STATUS, REOPEN)
    statustype = subtype_from_url(request, StatusType, "statustypen", payload.statustype, "statustype")
    if statustype.zaaktype_id != zaak.zaaktype_id:
        # zrc-016
        raise invalid(
            "statustype", "zaaktype-mismatch", "Dit statustype hoort niet bij het zaaktype van de zaak."
        )
    set_at = payload.datumStatusGezet
    if timezone.is_naive(set_at):
        set_at = timezone.make_aware(set_at)
    status = case_services.set_status(
        zaak=zaak,
        statustype=statustype,
        actor=actor_for(access),
        note=payload.statustoelichting,
        set_at=set_at,
        set_by=payload.gezetdoor,
        in_order=False,
        may_reopen=may(access, zaak, REOPEN),
        may_change_closed=may(access, zaak, FORCE),
        check_usage_rights=True,
    )
    invite_on_commit(zaak)  # klantwaardering, if this status ended the zaak
    return created(_serialize_status(_statussen(request).get(pk=status.pk)))


def _rows(request: HttpRequest, statussen: list[Status], expand: str | None) -> list[dict]:
    return with_expand(request, "status", [_serialize_status(status) for status in statussen], expand)


def _status_detail(request: HttpRequest, uuid: str, expand: str | None) -> HttpResponse:
    return part_detail(request, _statussen(request), uuid, lambda rows: _rows(request, rows, expand))


add_part_read_operations(
    router,
    collection="statussen",
    name="status",
    schema=schemas.StatusExpanded,
    summary="Een specifieke STATUS van een ZAAK opvragen.",
    label="STATUS",
    read=_status_detail,
)
