"""The read side every Catalogi resource shares: scopes, querysets, filters, list and detail.

An application reads its own gemeente's types and the collective's shared catalog; another
gemeente's types are a 404. Lists show published types unless ``status`` asks otherwise (the
standard's default, ``definitief``).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from uuid import UUID

from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Router

from plus1.catalog import selectors
from plus1.catalog.constants import PublicationStatus
from plus1.catalog.models import BesluitType, Catalogus, InformatieObjectType, ZaakType
from plus1.core import zgw

from ..common.auth import client
from ..common.errors import denied, invalid, not_found
from ..common.http import detail_response, json_response
from ..common.pagination import paginate
from ..common.params import reject_unknown_params
from ..common.schemas import READ_ERRORS
from .expanding import with_expand

ZTC = "ztc"
READ = "catalogi.lezen"

ZAAKTYPE_RELATED = ("process__catalogus", "product", "selectielijst_procestype")
ZAAKTYPE_PREFETCH = (
    "statustypen",
    "resultaattypen__generic",
    "roltypen",
    "eigenschappen",
    "besluittypen",
    "document_types__informatieobjecttype",
    "zaakobjecttypen",
)
PART_RELATED = ("zaaktype__process__catalogus",)
PART_FILTERS = {"zaaktype", "zaaktypeIdentificatie", "status", "datumGeldigheid"}


def require_read(request: HttpRequest) -> None:
    """``catalogi.lezen``; ``zaken.lezen``/``documenten.lezen`` of a ZRC or DRC count as it (ztc-014)."""
    access = client(request)
    if not (
        access.has_scope(ZTC, READ)
        or access.has_scope("zrc", "zaken.lezen")
        or access.has_scope("drc", "documenten.lezen")
    ):
        raise denied(f"Hiervoor is de scope {READ} nodig.")


def tenant_ids(request: HttpRequest) -> list[int]:
    # Read once per request: a list with expand asks for it at every attribute and level.
    if getattr(request, "_catalog_tenant_ids", None) is None:
        request._catalog_tenant_ids = selectors.catalog_tenant_ids(request.tenant)  # type: ignore[attr-defined]
    return request._catalog_tenant_ids  # type: ignore[attr-defined]


def _uuid(value: str) -> UUID:
    try:
        return UUID(value)
    except ValueError:
        raise not_found() from None


def get(queryset: QuerySet, uuid: str):
    """The object with this uuid in ``queryset``, or a 404."""
    found = queryset.filter(uuid=_uuid(uuid)).first()
    if found is None:
        raise not_found()
    return found


def row(queryset: QuerySet, uuid, rows: Callable[[list], list[dict]]) -> dict:
    """The API body of one object, read again as a list would read it."""
    return rows([get(queryset, str(uuid))])[0]


def status_q(request: HttpRequest, field: str) -> Q:
    """The ``status`` filter: ``definitief`` (default), ``concept`` or ``alles``."""
    value = request.GET.get("status") or "definitief"
    if value == "alles":
        return Q()
    if value == "concept":
        return ~Q(**{field: PublicationStatus.PUBLISHED})
    if value == "definitief":
        return Q(**{field: PublicationStatus.PUBLISHED})
    raise invalid("status", "invalid_choice", "Kies alles, concept of definitief.")


def date_param(request: HttpRequest, name: str) -> datetime.date | None:
    raw = request.GET.get(name)
    if not raw:
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise invalid(name, "invalid", "Dit is geen geldige datum (JJJJ-MM-DD).") from None


def valid_on_q(day: datetime.date | None, prefix: str = "") -> Q:
    if day is None:
        return Q()
    return Q(**{f"{prefix}valid_from__lte": day}) & (
        Q(**{f"{prefix}valid_until__isnull": True}) | Q(**{f"{prefix}valid_until__gte": day})
    )


class NoMatch(Exception):
    """A filter that can match nothing: answer an empty page."""


def url_param(request: HttpRequest, name: str, collection: str) -> UUID | None:
    """The uuid in a URL filter; a URL that is not one of ours matches nothing."""
    raw = request.GET.get(name)
    if not raw:
        return None
    found = zgw.uuid_from_url(raw, "catalogi", collection)
    if found is None:
        raise NoMatch
    return found


def csv(request: HttpRequest, name: str) -> list[str]:
    return [value for value in request.GET.get(name, "").split(",") if value]


def list_response(
    request: HttpRequest,
    allowed: set[str],
    build: Callable[[], QuerySet],
    serialize: Callable[[list], list[dict]],
) -> HttpResponse:
    """A page of ``build()``, after the scope and the query parameters are checked."""
    require_read(request)
    reject_unknown_params(request, allowed | {"page", "expand"})
    serialize = with_expand(request, serialize)
    try:
        queryset = build()
    except NoMatch:
        return json_response({"count": 0, "next": None, "previous": None, "results": []})
    return json_response(paginate(request, queryset, serialize))


def detail(request: HttpRequest, queryset: QuerySet, uuid: str, serialize) -> HttpResponse:
    """One object with the ``_expand`` its ``expand`` asks for; writes answer without it."""
    require_read(request)
    serialize = with_expand(request, serialize)
    return detail_response(request, serialize([get(queryset, uuid)])[0])


def _named(view: Callable, name: str) -> Callable:
    # The operation id and URL name come from the view's name: one per resource.
    view.__name__ = view.__qualname__ = name
    return view


def add_head_operation(router: Router, *, path: str, name: str, label: str, read: Callable) -> None:
    """``HEAD <path>``: the headers of the read, without its body."""

    def headers(request: HttpRequest, uuid: str) -> HttpResponse:
        return read(request, uuid)

    router.api_operation(
        ["HEAD"],
        path,
        response={200: None},
        summary=f"De headers voor een specifiek(e) {label} opvragen.",
    )(_named(headers, f"{name}_headers"))


def add_read_operations(
    router: Router,
    *,
    collection: str,
    name: str,
    label: str,
    schema: type,
    queryset: Callable[[HttpRequest], QuerySet],
    rows: Callable[[list], list[dict]],
) -> None:
    """``GET`` and ``HEAD /<collection>/{uuid}``: one object the application may read."""
    path = f"/{collection}/{{uuid}}"

    def read(request: HttpRequest, uuid: str, expand: str | None = None) -> HttpResponse:
        return detail(request, queryset(request), uuid, rows)

    router.get(
        path,
        response={200: schema, **READ_ERRORS},
        by_alias=True,
        summary=f"Een specifieke {label} opvragen.",
    )(_named(read, f"{name}_read"))
    add_head_operation(router, path=path, name=name, label=label, read=read)


# Querysets: tenant first (the tenant-leading indexes), everything a page renders loaded at once.


def catalogussen(request: HttpRequest) -> QuerySet[Catalogus]:
    return (
        Catalogus.objects.filter(tenant_id__in=tenant_ids(request))
        .select_related("tenant")
        .prefetch_related("processes__versions", "informatieobjecttypen", "besluittypen")
        .order_by("id")
    )


def zaaktypen(request: HttpRequest) -> QuerySet[ZaakType]:
    return (
        ZaakType.objects.filter(tenant_id__in=tenant_ids(request))
        .select_related(*ZAAKTYPE_RELATED)
        .prefetch_related(*ZAAKTYPE_PREFETCH)
        .order_by("id")
    )


def informatieobjecttypen(request: HttpRequest) -> QuerySet[InformatieObjectType]:
    return (
        InformatieObjectType.objects.filter(tenant_id__in=tenant_ids(request))
        .select_related("catalogus")
        .prefetch_related("besluittypen")
        .order_by("id")
    )


def besluittypen(request: HttpRequest) -> QuerySet[BesluitType]:
    return (
        BesluitType.objects.filter(tenant_id__in=tenant_ids(request))
        .select_related("catalogus")
        .prefetch_related("zaaktypen__process", "resultaattypen", "informatieobjecttypen")
        .order_by("id")
    )


def parts(request: HttpRequest, model, *related: str) -> QuerySet:
    """Statustypen, roltypen ... of the zaaktypen the application may read."""
    return (
        model.objects.filter(zaaktype__tenant_id__in=tenant_ids(request))
        .select_related(*PART_RELATED, *related)
        .order_by("zaaktype_id", "id")
    )


def part_filters(
    request: HttpRequest,
    queryset: QuerySet,
    *,
    identificatie_names: tuple[str, ...] = ("zaaktypeIdentificatie",),
) -> QuerySet:
    """The filters every part of a zaaktype has: zaaktype, its identificatie, status, datumGeldigheid."""
    zaaktype = url_param(request, "zaaktype", "zaaktypen")
    if zaaktype:
        queryset = queryset.filter(zaaktype__uuid=zaaktype)
    for name in identificatie_names:
        if request.GET.get(name):
            queryset = queryset.filter(zaaktype__process__identificatie=request.GET[name])
    day = None
    for name in ("datumGeldigheid", "datum_geldigheid"):
        day = day or date_param(request, name)
    return queryset.filter(status_q(request, "zaaktype__status"), valid_on_q(day, "zaaktype__"))
