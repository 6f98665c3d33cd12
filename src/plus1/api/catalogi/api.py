"""Catalogi API 1.3.3 at ``/catalogi/api/v1/``, over the catalog the portal and back office use.

An application reads its own gemeente's types and the collective's shared catalog; it
changes only its own organisation's types. Another gemeente's types are a 404. Lists show
published types unless ``status`` asks otherwise (the standard's default, ``definitief``).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from uuid import UUID

from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse

from plus1.catalog import selectors, services
from plus1.catalog.constants import PublicationStatus
from plus1.catalog.models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    InformatieObjectType,
    Product,
    ResultaatType,
    RolType,
    StatusType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from plus1.catalog.reference import (
    resultaattypeomschrijving_for_url,
    selectielijst_procestype_for_url,
    selectielijst_resultaat_for_url,
)
from plus1.core import zgw
from plus1.core.exceptions import FieldProblem

from ..common.api import make_api
from ..common.auth import actor_for, client, require_scope
from ..common.errors import denied, invalid, not_found
from ..common.http import created, detail_response, json_response, no_content
from ..common.pagination import paginate
from ..common.params import reject_unknown_params
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Page
from . import schemas, serializers

api = make_api("catalogi")

ZTC = "ztc"
READ = "catalogi.lezen"
WRITE = "catalogi.schrijven"
FORCED_WRITE = "catalogi.geforceerd-schrijven"
FORCED_DELETE = "catalogi.geforceerd-verwijderen"

ZAAKTYPE_RELATED = ("process__catalogus", "product", "selectielijst_procestype")
ZAAKTYPE_PREFETCH = (
    "statustypen",
    "resultaattypen__generic",
    "roltypen",
    "eigenschappen",
    "besluittypen",
    "document_types__informatieobjecttype",
)
PART_RELATED = ("zaaktype__process__catalogus",)
# A create on a collection has no 404 in the OAS.
CREATE_ERRORS = {status: schema for status, schema in WRITE_ERRORS.items() if status != 404}


def require_read(request: HttpRequest) -> None:
    """``catalogi.lezen``; ``zaken.lezen``/``documenten.lezen`` of a ZRC or DRC count as it (ztc-014)."""
    access = client(request)
    if not (
        access.has_scope(ZTC, READ)
        or access.has_scope("zrc", "zaken.lezen")
        or access.has_scope("drc", "documenten.lezen")
    ):
        raise denied(f"Hiervoor is de scope {READ} nodig.")


def _tenants(request: HttpRequest) -> list[int]:
    return selectors.catalog_tenant_ids(request.tenant)


def _uuid(value: str) -> UUID:
    try:
        return UUID(value)
    except ValueError:
        raise not_found() from None


def _get(queryset: QuerySet, uuid: str):
    found = queryset.filter(uuid=_uuid(uuid)).first()
    if found is None:
        raise not_found()
    return found


def _status_q(request: HttpRequest, field: str) -> Q:
    """The ``status`` filter: ``definitief`` (default), ``concept`` or ``alles``."""
    value = request.GET.get("status") or "definitief"
    if value == "alles":
        return Q()
    if value == "concept":
        return ~Q(**{field: PublicationStatus.PUBLISHED})
    if value == "definitief":
        return Q(**{field: PublicationStatus.PUBLISHED})
    raise invalid("status", "invalid_choice", "Kies alles, concept of definitief.")


def _date_param(request: HttpRequest, name: str) -> datetime.date | None:
    raw = request.GET.get(name)
    if not raw:
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise invalid(name, "invalid", "Dit is geen geldige datum (JJJJ-MM-DD).") from None


def _valid_on_q(day: datetime.date | None, prefix: str = "") -> Q:
    if day is None:
        return Q()
    return Q(**{f"{prefix}valid_from__lte": day}) & (
        Q(**{f"{prefix}valid_until__isnull": True}) | Q(**{f"{prefix}valid_until__gte": day})
    )


def _url_param(request: HttpRequest, name: str, collection: str) -> UUID | None:
    """The uuid in a URL filter; a URL that is not one of ours matches nothing."""
    raw = request.GET.get(name)
    if not raw:
        return None
    found = zgw.uuid_from_url(raw, "catalogi", collection)
    if found is None:
        raise _NoMatch
    return found


class _NoMatch(Exception):
    """A filter that can match nothing: answer an empty page."""


def _list(
    request: HttpRequest,
    allowed: set[str],
    build: Callable[[], QuerySet],
    serialize: Callable[[list], list[dict]],
) -> HttpResponse:
    require_read(request)
    reject_unknown_params(request, allowed | {"page", "expand"})
    try:
        queryset = build()
    except _NoMatch:
        queryset = None
    if queryset is None:
        return json_response({"count": 0, "next": None, "previous": None, "results": []})
    return json_response(paginate(request, queryset, serialize))


def _detail(request: HttpRequest, queryset: QuerySet, uuid: str, serialize) -> HttpResponse:
    require_read(request)
    return detail_response(request, serialize([_get(queryset, uuid)])[0])


# Querysets: tenant first (the tenant-leading indexes), everything a page renders loaded at once.


def catalogussen(request: HttpRequest) -> QuerySet[Catalogus]:
    return (
        Catalogus.objects.filter(tenant_id__in=_tenants(request))
        .select_related("tenant")
        .prefetch_related("processes__versions", "informatieobjecttypen", "besluittypen")
        .order_by("id")
    )


def zaaktypen(request: HttpRequest) -> QuerySet[ZaakType]:
    return (
        ZaakType.objects.filter(tenant_id__in=_tenants(request))
        .select_related(*ZAAKTYPE_RELATED)
        .prefetch_related(*ZAAKTYPE_PREFETCH)
        .order_by("id")
    )


def informatieobjecttypen(request: HttpRequest) -> QuerySet[InformatieObjectType]:
    return (
        InformatieObjectType.objects.filter(tenant_id__in=_tenants(request))
        .select_related("catalogus")
        .order_by("id")
    )


def besluittypen(request: HttpRequest) -> QuerySet[BesluitType]:
    return (
        BesluitType.objects.filter(tenant_id__in=_tenants(request))
        .select_related("catalogus")
        .prefetch_related("zaaktypen__process")
        .order_by("id")
    )


def parts(request: HttpRequest, model, *related: str) -> QuerySet:
    """Statustypen, roltypen ... of the zaaktypen the application may read."""
    return (
        model.objects.filter(zaaktype__tenant_id__in=_tenants(request))
        .select_related(*PART_RELATED, *related)
        .order_by("zaaktype_id", "id")
    )


def _part_filters(
    request: HttpRequest,
    queryset: QuerySet,
    *,
    identificatie_names: tuple[str, ...] = ("zaaktypeIdentificatie",),
) -> QuerySet:
    """The filters every part of a zaaktype has: zaaktype, its identificatie, status, datumGeldigheid."""
    zaaktype = _url_param(request, "zaaktype", "zaaktypen")
    if zaaktype:
        queryset = queryset.filter(zaaktype__uuid=zaaktype)
    for name in identificatie_names:
        if request.GET.get(name):
            queryset = queryset.filter(zaaktype__process__identificatie=request.GET[name])
    day = None
    for name in ("datumGeldigheid", "datum_geldigheid"):
        day = day or _date_param(request, name)
    return queryset.filter(_status_q(request, "zaaktype__status"), _valid_on_q(day, "zaaktype__"))


def _csv(request: HttpRequest, name: str) -> list[str]:
    return [value for value in request.GET.get(name, "").split(",") if value]


# Catalogussen


@api.get(
    "/catalogussen",
    response={200: Page[schemas.Catalogus], **LIST_ERRORS},
    summary="Alle CATALOGUSsen opvragen.",
)
def catalogus_list(
    request: HttpRequest,
    domein: str | None = None,
    domein__in: str | None = None,
    rsin: str | None = None,
    rsin__in: str | None = None,
    page: int | None = None,
    expand: str | None = None,
) -> HttpResponse:
    def build():
        queryset = catalogussen(request)
        if domein:
            queryset = queryset.filter(domein=domein)
        if domein__in:
            queryset = queryset.filter(domein__in=_csv(request, "domein__in"))
        if rsin:
            queryset = queryset.filter(tenant__rsin=rsin)
        if rsin__in:
            queryset = queryset.filter(tenant__rsin__in=_csv(request, "rsin__in"))
        return queryset

    return _list(request, {"domein", "domein__in", "rsin", "rsin__in"}, build, serializers.catalogus_rows)


@api.get(
    "/catalogussen/{uuid}",
    response={200: schemas.Catalogus, **READ_ERRORS},
    summary="Een specifieke CATALOGUS opvragen.",
)
def catalogus_read(request: HttpRequest, uuid: str, expand: str | None = None) -> HttpResponse:
    return _detail(request, catalogussen(request), uuid, serializers.catalogus_rows)


@api.api_operation(
    ["HEAD"],
    "/catalogussen/{uuid}",
    response={200: None},
    summary="De headers voor een specifiek(e) CATALOGUS opvragen.",
)
def catalogus_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    return catalogus_read(request, uuid)


# Zaaktypen


def _trefwoorden_ids(queryset: QuerySet, wanted: list[str]) -> list[int]:
    # JSON "contains" is not portable to SQLite; the catalog is small, so match in Python.
    rows = queryset.values_list("pk", "keywords")
    return [pk for pk, keywords in rows if set(wanted) <= set(keywords or [])]


@api.get(
    "/zaaktypen",
    response={200: Page[schemas.ZaakType], **LIST_ERRORS},
    summary="Alle ZAAKTYPEn opvragen.",
)
def zaaktype_list(
    request: HttpRequest,
    catalogus: str | None = None,
    identificatie: str | None = None,
    trefwoorden: str | None = None,
    status: str | None = None,
    datumGeldigheid: str | None = None,
    page: int | None = None,
    expand: str | None = None,
) -> HttpResponse:
    def build():
        queryset = zaaktypen(request).filter(
            _status_q(request, "status"), _valid_on_q(_date_param(request, "datumGeldigheid"))
        )
        catalogus_uuid = _url_param(request, "catalogus", "catalogussen")
        if catalogus_uuid:
            queryset = queryset.filter(process__catalogus__uuid=catalogus_uuid)
        if identificatie:
            queryset = queryset.filter(process__identificatie=identificatie)
        if trefwoorden:
            queryset = queryset.filter(pk__in=_trefwoorden_ids(queryset, _csv(request, "trefwoorden")))
        return queryset

    return _list(
        request,
        {"catalogus", "identificatie", "trefwoorden", "status", "datumGeldigheid"},
        build,
        serializers.zaaktype_rows,
    )


@api.get(
    "/zaaktypen/{uuid}",
    response={200: schemas.ZaakType, **READ_ERRORS},
    summary="Een specifieke ZAAKTYPE opvragen.",
)
def zaaktype_read(
    request: HttpRequest, uuid: str, datumGeldigheid: str | None = None, expand: str | None = None
) -> HttpResponse:
    return _detail(request, zaaktypen(request), uuid, serializers.zaaktype_rows)


@api.api_operation(
    ["HEAD"],
    "/zaaktypen/{uuid}",
    response={200: None},
    summary="De headers voor een specifiek(e) ZAAKTYPE opvragen.",
)
def zaaktype_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    return zaaktype_read(request, uuid)


# Informatieobjecttypen


@api.get(
    "/informatieobjecttypen",
    response={200: Page[schemas.InformatieObjectType], **LIST_ERRORS},
    summary="Alle INFORMATIEOBJECTTYPEn opvragen.",
)
def informatieobjecttype_list(
    request: HttpRequest,
    catalogus: str | None = None,
    status: str | None = None,
    datumGeldigheid: str | None = None,
    omschrijving: str | None = None,
    page: int | None = None,
    expand: str | None = None,
) -> HttpResponse:
    def build():
        queryset = informatieobjecttypen(request).filter(
            _status_q(request, "status"), _valid_on_q(_date_param(request, "datumGeldigheid"))
        )
        catalogus_uuid = _url_param(request, "catalogus", "catalogussen")
        if catalogus_uuid:
            queryset = queryset.filter(catalogus__uuid=catalogus_uuid)
        if omschrijving:
            queryset = queryset.filter(omschrijving=omschrijving)
        return queryset

    return _list(
        request,
        {"catalogus", "status", "datumGeldigheid", "omschrijving"},
        build,
        serializers.informatieobjecttype_rows,
    )


@api.get(
    "/informatieobjecttypen/{uuid}",
    response={200: schemas.InformatieObjectType, **READ_ERRORS},
    summary="Een specifieke INFORMATIEOBJECTTYPE opvragen.",
)
def informatieobjecttype_read(request: HttpRequest, uuid: str, expand: str | None = None) -> HttpResponse:
    return _detail(request, informatieobjecttypen(request), uuid, serializers.informatieobjecttype_rows)


@api.api_operation(
    ["HEAD"],
    "/informatieobjecttypen/{uuid}",
    response={200: None},
    summary="De headers voor een specifiek(e) INFORMATIEOBJECTTYPE opvragen.",
)
def informatieobjecttype_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    return informatieobjecttype_read(request, uuid)


# Besluittypen


@api.get(
    "/besluittypen",
    response={200: Page[schemas.BesluitType], **LIST_ERRORS},
    summary="Alle BESLUITTYPEn opvragen.",
)
def besluittype_list(
    request: HttpRequest,
    catalogus: str | None = None,
    zaaktypen: str | None = None,
    informatieobjecttypen: str | None = None,
    status: str | None = None,
    omschrijving: str | None = None,
    datumGeldigheid: str | None = None,
    page: int | None = None,
    expand: str | None = None,
) -> HttpResponse:
    def build():
        queryset = besluittypen(request).filter(
            _status_q(request, "status"), _valid_on_q(_date_param(request, "datumGeldigheid"))
        )
        catalogus_uuid = _url_param(request, "catalogus", "catalogussen")
        if catalogus_uuid:
            queryset = queryset.filter(catalogus__uuid=catalogus_uuid)
        zaaktype_uuid = _url_param(request, "zaaktypen", "zaaktypen")
        if zaaktype_uuid:
            queryset = queryset.filter(zaaktypen__uuid=zaaktype_uuid)
        if _url_param(request, "informatieobjecttypen", "informatieobjecttypen"):
            # Plus1 does not relate besluittypen to informatieobjecttypen (yet): nothing matches.
            raise _NoMatch
        if omschrijving:
            queryset = queryset.filter(omschrijving=omschrijving)
        return queryset

    return _list(
        request,
        {"catalogus", "zaaktypen", "informatieobjecttypen", "status", "omschrijving", "datumGeldigheid"},
        build,
        serializers.besluittype_rows,
    )


@api.get(
    "/besluittypen/{uuid}",
    response={200: schemas.BesluitType, **READ_ERRORS},
    summary="Een specifieke BESLUITTYPE opvragen.",
)
def besluittype_read(request: HttpRequest, uuid: str, expand: str | None = None) -> HttpResponse:
    return _detail(request, besluittypen(request), uuid, serializers.besluittype_rows)


@api.api_operation(
    ["HEAD"],
    "/besluittypen/{uuid}",
    response={200: None},
    summary="De headers voor een specifiek(e) BESLUITTYPE opvragen.",
)
def besluittype_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    return besluittype_read(request, uuid)


# Parts of a zaaktype

PART_FILTERS = {"zaaktype", "zaaktypeIdentificatie", "status", "datumGeldigheid"}


@api.get(
    "/statustypen",
    response={200: Page[schemas.StatusType], **LIST_ERRORS},
    summary="Alle STATUSTYPEn opvragen.",
)
def statustype_list(
    request: HttpRequest,
    zaaktype: str | None = None,
    zaaktypeIdentificatie: str | None = None,
    status: str | None = None,
    datumGeldigheid: str | None = None,
    page: int | None = None,
    expand: str | None = None,
) -> HttpResponse:
    return _list(
        request,
        PART_FILTERS,
        lambda: _part_filters(request, parts(request, StatusType)).order_by("zaaktype_id", "volgnummer"),
        serializers.statustype_rows,
    )


@api.get(
    "/statustypen/{uuid}",
    response={200: schemas.StatusType, **READ_ERRORS},
    summary="Een specifieke STATUSTYPE opvragen.",
)
def statustype_read(request: HttpRequest, uuid: str, expand: str | None = None) -> HttpResponse:
    return _detail(request, parts(request, StatusType), uuid, serializers.statustype_rows)


@api.api_operation(
    ["HEAD"],
    "/statustypen/{uuid}",
    response={200: None},
    summary="De headers voor een specifiek(e) STATUSTYPE opvragen.",
)
def statustype_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    return statustype_read(request, uuid)


@api.get(
    "/roltypen",
    response={200: Page[schemas.RolType], **LIST_ERRORS},
    summary="Alle ROLTYPEn opvragen.",
)
def roltype_list(
    request: HttpRequest,
    zaaktype: str | None = None,
    zaaktypeIdentificatie: str | None = None,
    omschrijvingGeneriek: str | None = None,
    status: str | None = None,
    datumGeldigheid: str | None = None,
    page: int | None = None,
    expand: str | None = None,
) -> HttpResponse:
    def build():
        queryset = _part_filters(request, parts(request, RolType))
        if omschrijvingGeneriek:
            queryset = queryset.filter(generic=omschrijvingGeneriek)
        return queryset

    return _list(request, PART_FILTERS | {"omschrijvingGeneriek"}, build, serializers.roltype_rows)


@api.get(
    "/roltypen/{uuid}",
    response={200: schemas.RolType, **READ_ERRORS},
    summary="Een specifieke ROLTYPE opvragen.",
)
def roltype_read(request: HttpRequest, uuid: str, expand: str | None = None) -> HttpResponse:
    return _detail(request, parts(request, RolType), uuid, serializers.roltype_rows)


@api.api_operation(
    ["HEAD"],
    "/roltypen/{uuid}",
    response={200: None},
    summary="De headers voor een specifiek(e) ROLTYPE opvragen.",
)
def roltype_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    return roltype_read(request, uuid)


@api.get(
    "/resultaattypen",
    response={200: Page[schemas.ResultaatType], **LIST_ERRORS},
    summary="Alle RESULTAATTYPEn opvragen.",
)
def resultaattype_list(
    request: HttpRequest,
    zaaktype: str | None = None,
    zaaktype_identificatie: str | None = None,
    zaaktypeIdentificatie: str | None = None,
    status: str | None = None,
    datum_geldigheid: str | None = None,
    datumGeldigheid: str | None = None,
    page: int | None = None,
    expand: str | None = None,
) -> HttpResponse:
    # This list takes both spellings of two parameters: the OAS lists both.
    return _list(
        request,
        PART_FILTERS | {"zaaktype_identificatie", "datum_geldigheid"},
        lambda: _part_filters(
            request,
            parts(request, ResultaatType, "generic", "selectielijstklasse"),
            identificatie_names=("zaaktypeIdentificatie", "zaaktype_identificatie"),
        ),
        serializers.resultaattype_rows,
    )


@api.get(
    "/resultaattypen/{uuid}",
    response={200: schemas.ResultaatType, **READ_ERRORS},
    summary="Een specifieke RESULTAATTYPE opvragen.",
)
def resultaattype_read(request: HttpRequest, uuid: str, expand: str | None = None) -> HttpResponse:
    return _detail(
        request,
        parts(request, ResultaatType, "generic", "selectielijstklasse"),
        uuid,
        serializers.resultaattype_rows,
    )


@api.api_operation(
    ["HEAD"],
    "/resultaattypen/{uuid}",
    response={200: None},
    summary="De headers voor een specifiek(e) RESULTAATTYPE opvragen.",
)
def resultaattype_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    return resultaattype_read(request, uuid)


@api.get(
    "/eigenschappen",
    response={200: Page[schemas.Eigenschap], **LIST_ERRORS},
    summary="Alle EIGENSCHAPpen opvragen.",
)
def eigenschap_list(
    request: HttpRequest,
    zaaktype: str | None = None,
    zaaktypeIdentificatie: str | None = None,
    status: str | None = None,
    datumGeldigheid: str | None = None,
    page: int | None = None,
    expand: str | None = None,
) -> HttpResponse:
    return _list(
        request,
        PART_FILTERS,
        lambda: _part_filters(request, parts(request, Eigenschap)).order_by("zaaktype_id", "order"),
        serializers.eigenschap_rows,
    )


@api.get(
    "/eigenschappen/{uuid}",
    response={200: schemas.Eigenschap, **READ_ERRORS},
    summary="Een specifieke EIGENSCHAP opvragen.",
)
def eigenschap_read(request: HttpRequest, uuid: str, expand: str | None = None) -> HttpResponse:
    return _detail(request, parts(request, Eigenschap), uuid, serializers.eigenschap_rows)


@api.api_operation(
    ["HEAD"],
    "/eigenschappen/{uuid}",
    response={200: None},
    summary="De headers voor een specifiek(e) EIGENSCHAP opvragen.",
)
def eigenschap_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    return eigenschap_read(request, uuid)


@api.get(
    "/zaaktype-informatieobjecttypen",
    response={200: Page[schemas.ZaakTypeInformatieObjectType], **LIST_ERRORS},
    summary="Alle ZAAKTYPE-INFORMATIEOBJECTTYPE relaties opvragen.",
)
def zaaktype_informatieobjecttype_list(
    request: HttpRequest,
    zaaktype: str | None = None,
    informatieobjecttype: str | None = None,
    richting: str | None = None,
    status: str | None = None,
    page: int | None = None,
    expand: str | None = None,
) -> HttpResponse:
    def build():
        queryset = parts(request, ZaakTypeInformatieObjectType, "informatieobjecttype")
        zaaktype_uuid = _url_param(request, "zaaktype", "zaaktypen")
        if zaaktype_uuid:
            queryset = queryset.filter(zaaktype__uuid=zaaktype_uuid)
        iot_uuid = _url_param(request, "informatieobjecttype", "informatieobjecttypen")
        if iot_uuid:
            queryset = queryset.filter(informatieobjecttype__uuid=iot_uuid)
        if richting:
            queryset = queryset.filter(direction=richting)
        # "status" is about both ends: definitief when both are published, concept when either is not.
        both = _status_q(request, "zaaktype__status") & _status_q(request, "informatieobjecttype__status")
        if request.GET.get("status") == "concept":
            both = _status_q(request, "zaaktype__status") | _status_q(request, "informatieobjecttype__status")
        return queryset.filter(both).order_by("zaaktype_id", "volgnummer")

    return _list(
        request,
        {"zaaktype", "informatieobjecttype", "richting", "status"},
        build,
        serializers.zaaktype_informatieobjecttype_rows,
    )


@api.get(
    "/zaaktype-informatieobjecttypen/{uuid}",
    response={200: schemas.ZaakTypeInformatieObjectType, **READ_ERRORS},
    summary="Een specifieke ZAAKTYPE-INFORMATIEOBJECTTYPE relatie opvragen.",
)
def zaaktype_informatieobjecttype_read(
    request: HttpRequest, uuid: str, expand: str | None = None
) -> HttpResponse:
    return _detail(
        request,
        parts(request, ZaakTypeInformatieObjectType, "informatieobjecttype"),
        uuid,
        serializers.zaaktype_informatieobjecttype_rows,
    )


@api.api_operation(
    ["HEAD"],
    "/zaaktype-informatieobjecttypen/{uuid}",
    response={200: None},
    summary="De headers voor een specifiek(e) ZAAKTYPE-INFORMATIEOBJECTTYPE relatie opvragen.",
)
def zaaktype_informatieobjecttype_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    return zaaktype_informatieobjecttype_read(request, uuid)


# Writes. An application changes only its own organisation's types; the collective's shared
# catalog is visible to every gemeente but changed only by the collective's applications.

# ZGW attribute -> catalog model field, and back for the names in an error.
ZAAKTYPE_FIELDS = {
    "omschrijving": "omschrijving",
    "vertrouwelijkheidaanduiding": "confidentiality",
    "doel": "purpose",
    "aanleiding": "trigger",
    "toelichting": "description",
    "indicatieInternOfExtern": "direction",
    "handelingInitiator": "initiator_action",
    "onderwerp": "subject",
    "handelingBehandelaar": "handler_action",
    "doorlooptijd": "lead_time",
    "servicenorm": "service_norm",
    "opschortingEnAanhoudingMogelijk": "suspension_allowed",
    "verlengingMogelijk": "extension_allowed",
    "verlengingstermijn": "extension_period",
    "trefwoorden": "keywords",
    "verantwoordelijke": "responsible",
    "beginGeldigheid": "valid_from",
    "eindeGeldigheid": "valid_until",
}
# Optional durations are empty strings in the catalog, null in the API.
BLANK_WHEN_NULL = {"service_norm", "extension_period", "description"}
STATUSTYPE_FIELDS = {
    "omschrijving": "omschrijving",
    "omschrijvingGeneriek": "generic_description",
    "statustekst": "statustekst",
    "volgnummer": "volgnummer",
    "informeren": "informs_initiator",
}
ROLTYPE_FIELDS = {"omschrijving": "omschrijving", "omschrijvingGeneriek": "generic"}


def _api_names(fields: dict[str, str], call: Callable, **kwargs):
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


def _require_write(request: HttpRequest, *scopes: str) -> tuple:
    """The scopes of the operation; returns the application and whether it may force (a correction)."""
    access = require_scope(request, ZTC, *scopes)
    forced_scope = FORCED_DELETE if FORCED_DELETE in scopes else FORCED_WRITE
    return access, access.has_scope(ZTC, forced_scope)


def _own(request: HttpRequest, obj) -> None:
    if obj.tenant_id != request.tenant.pk:
        raise denied("Dit type hoort bij de gezamenlijke catalogus; alleen de beheerder daarvan wijzigt het.")


def _resolve(request: HttpRequest, name: str, value: str, collection: str, queryset: QuerySet):
    found_uuid = zgw.uuid_from_url(value, "catalogi", collection)
    found = queryset.filter(uuid=found_uuid).first() if found_uuid else None
    if found is None:
        raise invalid(name, "bad-url", f"Deze URL wijst niet naar een bestaand object ({collection}).")
    return found


def _model_values(fields: dict[str, str], values: dict) -> dict:
    result = {}
    for name, value in values.items():
        if name in fields:
            field = fields[name]
            result[field] = "" if value is None and field in BLANK_WHEN_NULL else value
    return result


def _zaaktype_detail(request: HttpRequest, zaaktype: ZaakType, *, status: int = 200) -> HttpResponse:
    data = serializers.zaaktype_rows([_get(zaaktypen(request), str(zaaktype.uuid))])[0]
    return created(data) if status == 201 else json_response(data)


def _zaaktype_references(request: HttpRequest, payload: schemas.ZaakTypeCreate) -> tuple:
    """The product, selectielijst-procestype and besluittypen a zaaktype body points at."""
    products = [Product.objects.filter(upl_uri=uri).first() for uri in payload.productenOfDiensten]
    if not products or products[0] is None:
        raise invalid(
            "productenOfDiensten", "bad-url", "Geef de URI van een product uit de Uniforme Productnamenlijst."
        )
    procestype = (
        selectielijst_procestype_for_url(payload.selectielijstProcestype)
        if payload.selectielijstProcestype
        else None
    )
    if procestype is None:
        # ztc-001: the procestype must be one of the Selectielijst.
        raise invalid(
            "selectielijstProcestype", "bad-url", "Geef de URL van een procestype uit de selectielijst."
        )
    besluittypen = [
        _resolve(
            request,
            f"besluittypen.{index}",
            url,
            "besluittypen",
            BesluitType.objects.for_tenant(request.tenant),
        )
        for index, url in enumerate(payload.besluittypen)
    ]
    return products[0], procestype, besluittypen


@api.post("/zaaktypen", response={201: schemas.ZaakType, **CREATE_ERRORS}, summary="Maak een ZAAKTYPE aan.")
def zaaktype_create(request: HttpRequest, payload: schemas.ZaakTypeCreate) -> HttpResponse:
    access, _forced = _require_write(request, WRITE)
    catalogus = _resolve(
        request, "catalogus", payload.catalogus, "catalogussen", Catalogus.objects.for_tenant(request.tenant)
    )
    product, procestype, besluittypen = _zaaktype_references(request, payload)
    values = _model_values(ZAAKTYPE_FIELDS, payload.dict())
    values["description"] = values.get("description") or payload.omschrijving
    zaaktype = _api_names(
        ZAAKTYPE_FIELDS,
        services.create_zaaktype,
        catalogus=catalogus,
        identificatie=payload.identificatie,
        actor=actor_for(access),
        besluittypen=besluittypen,
        product=product,
        selectielijst_procestype=procestype,
        lead_time_source="Niet opgegeven (Catalogi API)",
        **values,
    )
    return _zaaktype_detail(request, zaaktype, status=201)


def _change_zaaktype(request: HttpRequest, uuid: str, values: dict, actie: str, **references) -> HttpResponse:
    access, forced = _require_write(request, WRITE, FORCED_WRITE)
    zaaktype = _get(zaaktypen(request), uuid)
    _own(request, zaaktype)
    _api_names(
        ZAAKTYPE_FIELDS,
        services.change_zaaktype,
        zaaktype=zaaktype,
        actor=actor_for(access),
        actie=actie,
        forced=forced,
        **_model_values(ZAAKTYPE_FIELDS, values),
        **references,
    )
    return _zaaktype_detail(request, zaaktype)


@api.put(
    "/zaaktypen/{uuid}",
    response={200: schemas.ZaakType, **WRITE_ERRORS},
    summary="Werk een ZAAKTYPE in zijn geheel bij.",
)
def zaaktype_update(request: HttpRequest, uuid: str, payload: schemas.ZaakTypeCreate) -> HttpResponse:
    current = _get(zaaktypen(request), uuid)
    if payload.identificatie != current.process.identificatie:
        raise invalid("identificatie", "immutable", "De identificatie van een zaaktype verandert niet.")
    product, procestype, besluittypen = _zaaktype_references(request, payload)
    values = payload.dict()
    values["toelichting"] = values.get("toelichting") or payload.omschrijving
    return _change_zaaktype(
        request,
        uuid,
        values,
        "update",
        product=product,
        selectielijst_procestype=procestype,
        besluittypen=besluittypen,
    )


@api.patch(
    "/zaaktypen/{uuid}",
    response={200: schemas.ZaakType, **WRITE_ERRORS},
    summary="Werk een ZAAKTYPE deels bij.",
)
def zaaktype_partial_update(
    request: HttpRequest, uuid: str, payload: schemas.PatchedZaakType
) -> HttpResponse:
    values = {name: getattr(payload, name) for name in payload.model_fields_set}
    return _change_zaaktype(request, uuid, values, "partial_update")


@api.delete("/zaaktypen/{uuid}", response={204: None, **READ_ERRORS}, summary="Verwijder een ZAAKTYPE.")
def zaaktype_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    access, forced = _require_write(request, WRITE, FORCED_DELETE)
    zaaktype = _get(zaaktypen(request), uuid)
    _own(request, zaaktype)
    services.delete_zaaktype(zaaktype=zaaktype, actor=actor_for(access), forced=forced)
    return no_content()


@api.post(
    "/zaaktypen/{uuid}/publish",
    response={200: schemas.ZaakType, **WRITE_ERRORS},
    summary="Publiceer het concept ZAAKTYPE.",
)
def zaaktype_publish(request: HttpRequest, uuid: str) -> HttpResponse:
    access, _forced = _require_write(request, WRITE)
    zaaktype = _get(zaaktypen(request), uuid)
    _own(request, zaaktype)
    # ztc-012: only with all its besluittypen and informatieobjecttypen published.
    services.publish_zaaktype_via_api(zaaktype=zaaktype, actor=actor_for(access))
    return _zaaktype_detail(request, zaaktype)


@api.delete(
    "/informatieobjecttypen/{uuid}",
    response={204: None, **READ_ERRORS},
    summary="Verwijder een INFORMATIEOBJECTTYPE.",
)
def informatieobjecttype_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    access, forced = _require_write(request, WRITE, FORCED_DELETE)
    iot = _get(informatieobjecttypen(request), uuid)
    _own(request, iot)
    services.delete_informatieobjecttype(iot=iot, actor=actor_for(access), forced=forced)
    return no_content()


@api.post(
    "/informatieobjecttypen/{uuid}/publish",
    response={200: schemas.InformatieObjectType, **WRITE_ERRORS},
    summary="Publiceer het concept INFORMATIEOBJECTTYPE.",
)
def informatieobjecttype_publish(request: HttpRequest, uuid: str) -> HttpResponse:
    access, _forced = _require_write(request, WRITE)
    iot = _get(informatieobjecttypen(request), uuid)
    _own(request, iot)
    services.publish_informatieobjecttype(iot=iot, actor=actor_for(access))
    return json_response(
        serializers.informatieobjecttype_rows([_get(informatieobjecttypen(request), uuid)])[0]
    )


@api.delete("/besluittypen/{uuid}", response={204: None, **READ_ERRORS}, summary="Verwijder een BESLUITTYPE.")
def besluittype_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    access, forced = _require_write(request, WRITE, FORCED_DELETE)
    besluittype = _get(besluittypen(request), uuid)
    _own(request, besluittype)
    services.delete_besluittype(besluittype=besluittype, actor=actor_for(access), forced=forced)
    return no_content()


@api.post(
    "/besluittypen/{uuid}/publish",
    response={200: schemas.BesluitType, **WRITE_ERRORS},
    summary="Publiceer het concept BESLUITTYPE.",
)
def besluittype_publish(request: HttpRequest, uuid: str) -> HttpResponse:
    access, _forced = _require_write(request, WRITE)
    besluittype = _get(besluittypen(request), uuid)
    _own(request, besluittype)
    services.publish_besluittype(besluittype=besluittype, actor=actor_for(access))
    return json_response(serializers.besluittype_rows([_get(besluittypen(request), uuid)])[0])


def _zaaktype_for_part(request: HttpRequest, url: str) -> ZaakType:
    zaaktype = _resolve(
        request, "zaaktype", url, "zaaktypen", ZaakType.objects.filter(tenant_id__in=_tenants(request))
    )
    _own(request, zaaktype)
    return zaaktype


@api.post(
    "/statustypen", response={201: schemas.StatusType, **CREATE_ERRORS}, summary="Maak een STATUSTYPE aan."
)
def statustype_create(request: HttpRequest, payload: schemas.StatusTypeIn) -> HttpResponse:
    access, forced = _require_write(request, WRITE, FORCED_WRITE)
    zaaktype = _zaaktype_for_part(request, payload.zaaktype)
    statustype = _api_names(
        STATUSTYPE_FIELDS,
        services.create_statustype,
        zaaktype=zaaktype,
        actor=actor_for(access),
        forced=forced,
        **_model_values(STATUSTYPE_FIELDS, payload.dict()),
    )
    return created(serializers.statustype_rows([_get(parts(request, StatusType), str(statustype.uuid))])[0])


@api.post("/roltypen", response={201: schemas.RolType, **CREATE_ERRORS}, summary="Maak een ROLTYPE aan.")
def roltype_create(request: HttpRequest, payload: schemas.RolTypeIn) -> HttpResponse:
    access, forced = _require_write(request, WRITE, FORCED_WRITE)
    zaaktype = _zaaktype_for_part(request, payload.zaaktype)
    roltype = _api_names(
        ROLTYPE_FIELDS,
        services.create_roltype,
        zaaktype=zaaktype,
        actor=actor_for(access),
        forced=forced,
        **_model_values(ROLTYPE_FIELDS, payload.dict()),
    )
    return created(serializers.roltype_rows([_get(parts(request, RolType), str(roltype.uuid))])[0])


def _delete_part(request: HttpRequest, model, uuid: str) -> HttpResponse:
    access, forced = _require_write(request, WRITE, FORCED_DELETE)
    part = _get(parts(request, model), uuid)
    _own(request, part.zaaktype)
    services.delete_zaaktype_part(part=part, actor=actor_for(access), forced=forced)
    return no_content()


@api.delete("/statustypen/{uuid}", response={204: None, **READ_ERRORS}, summary="Verwijder een STATUSTYPE.")
def statustype_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    return _delete_part(request, StatusType, uuid)


@api.delete("/roltypen/{uuid}", response={204: None, **READ_ERRORS}, summary="Verwijder een ROLTYPE.")
def roltype_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    return _delete_part(request, RolType, uuid)


@api.delete(
    "/resultaattypen/{uuid}", response={204: None, **READ_ERRORS}, summary="Verwijder een RESULTAATTYPE."
)
def resultaattype_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    return _delete_part(request, ResultaatType, uuid)


@api.delete("/eigenschappen/{uuid}", response={204: None, **READ_ERRORS}, summary="Verwijder een EIGENSCHAP.")
def eigenschap_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    return _delete_part(request, Eigenschap, uuid)


@api.delete(
    "/zaaktype-informatieobjecttypen/{uuid}",
    response={204: None, **READ_ERRORS},
    summary="Verwijder een ZAAKTYPE-INFORMATIEOBJECTTYPE relatie.",
)
def zaaktype_informatieobjecttype_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    return _delete_part(request, ZaakTypeInformatieObjectType, uuid)


IOT_FIELDS = {
    "omschrijving": "omschrijving",
    "vertrouwelijkheidaanduiding": "confidentiality",
    "beginGeldigheid": "valid_from",
    "eindeGeldigheid": "valid_until",
    "informatieobjectcategorie": "category",
}
BESLUITTYPE_FIELDS = {
    "omschrijving": "omschrijving",
    "besluitcategorie": "category",
    "reactietermijn": "reactietermijn",
    "publicatieIndicatie": "publication_required",
    "toelichting": "toelichting",
    "beginGeldigheid": "valid_from",
    "eindeGeldigheid": "valid_until",
}


def _own_catalogus(request: HttpRequest, url: str) -> Catalogus:
    return _resolve(request, "catalogus", url, "catalogussen", Catalogus.objects.for_tenant(request.tenant))


@api.post(
    "/informatieobjecttypen",
    response={201: schemas.InformatieObjectType, **CREATE_ERRORS},
    summary="Maak een INFORMATIEOBJECTTYPE aan.",
)
def informatieobjecttype_create(
    request: HttpRequest, payload: schemas.InformatieObjectTypeIn
) -> HttpResponse:
    access, _forced = _require_write(request, WRITE)
    iot = _api_names(
        IOT_FIELDS,
        services.create_informatieobjecttype,
        catalogus=_own_catalogus(request, payload.catalogus),
        actor=actor_for(access),
        **_model_values(IOT_FIELDS, payload.dict(exclude={"catalogus"})),
    )
    # 201 as the reference implementations answer it; the OAS documents 200 here.
    return created(
        serializers.informatieobjecttype_rows([_get(informatieobjecttypen(request), str(iot.uuid))])[0]
    )


def _change_type(
    request: HttpRequest, queryset: QuerySet, uuid: str, fields: dict, values: dict, actie: str, rows
):
    access, forced = _require_write(request, WRITE, FORCED_WRITE)
    obj = _get(queryset, uuid)
    _own(request, obj)
    _api_names(
        fields,
        services.change_type,
        obj=obj,
        actor=actor_for(access),
        actie=actie,
        forced=forced,
        **_model_values(fields, values),
    )
    return json_response(rows([_get(queryset, uuid)])[0])


@api.put(
    "/informatieobjecttypen/{uuid}",
    response={200: schemas.InformatieObjectType, **WRITE_ERRORS},
    summary="Werk een INFORMATIEOBJECTTYPE in zijn geheel bij.",
)
def informatieobjecttype_update(
    request: HttpRequest, uuid: str, payload: schemas.InformatieObjectTypeIn
) -> HttpResponse:
    values = payload.dict(exclude={"catalogus"})
    return _change_type(
        request,
        informatieobjecttypen(request),
        uuid,
        IOT_FIELDS,
        values,
        "update",
        serializers.informatieobjecttype_rows,
    )


@api.patch(
    "/informatieobjecttypen/{uuid}",
    response={200: schemas.InformatieObjectType, **WRITE_ERRORS},
    summary="Werk een INFORMATIEOBJECTTYPE deels bij.",
)
def informatieobjecttype_partial_update(
    request: HttpRequest, uuid: str, payload: schemas.PatchedInformatieObjectType
) -> HttpResponse:
    values = {name: getattr(payload, name) for name in payload.model_fields_set}
    return _change_type(
        request,
        informatieobjecttypen(request),
        uuid,
        IOT_FIELDS,
        values,
        "partial_update",
        serializers.informatieobjecttype_rows,
    )


def _besluittype_values(payload) -> dict:
    values = {name: getattr(payload, name) for name in payload.model_fields_set if name in BESLUITTYPE_FIELDS}
    if "reactietermijn" in values and values["reactietermijn"] is None:
        values["reactietermijn"] = ""
    if "toelichting" in values and values["toelichting"] is None:
        values["toelichting"] = ""
    return values


def _no_besluittype_documents(payload) -> None:
    if getattr(payload, "informatieobjecttypen", None):
        raise invalid(
            "informatieobjecttypen",
            "not-supported",
            "Plus1 legt (nog) geen informatieobjecttypen bij een besluittype vast; laat deze lijst leeg.",
        )


@api.post(
    "/besluittypen",
    response={201: schemas.BesluitType, **CREATE_ERRORS},
    summary="Maak een BESLUITTYPE aan.",
)
def besluittype_create(request: HttpRequest, payload: schemas.BesluitTypeIn) -> HttpResponse:
    access, _forced = _require_write(request, WRITE)
    _no_besluittype_documents(payload)
    values = _model_values(BESLUITTYPE_FIELDS, _besluittype_values(payload))
    values["category"] = values.get("category") or payload.omschrijving[:40]
    besluittype = _api_names(
        BESLUITTYPE_FIELDS,
        services.create_besluittype,
        catalogus=_own_catalogus(request, payload.catalogus),
        actor=actor_for(access),
        **values,
    )
    return created(serializers.besluittype_rows([_get(besluittypen(request), str(besluittype.uuid))])[0])


@api.put(
    "/besluittypen/{uuid}",
    response={200: schemas.BesluitType, **WRITE_ERRORS},
    summary="Werk een BESLUITTYPE in zijn geheel bij.",
)
def besluittype_update(request: HttpRequest, uuid: str, payload: schemas.BesluitTypeIn) -> HttpResponse:
    _no_besluittype_documents(payload)
    values = _besluittype_values(payload)
    values["besluitcategorie"] = values.get("besluitcategorie") or payload.omschrijving[:40]
    return _change_type(
        request,
        besluittypen(request),
        uuid,
        BESLUITTYPE_FIELDS,
        values,
        "update",
        serializers.besluittype_rows,
    )


@api.patch(
    "/besluittypen/{uuid}",
    response={200: schemas.BesluitType, **WRITE_ERRORS},
    summary="Werk een BESLUITTYPE deels bij.",
)
def besluittype_partial_update(
    request: HttpRequest, uuid: str, payload: schemas.PatchedBesluitType
) -> HttpResponse:
    return _change_type(
        request,
        besluittypen(request),
        uuid,
        BESLUITTYPE_FIELDS,
        _besluittype_values(payload),
        "partial_update",
        serializers.besluittype_rows,
    )


def _change_part(request: HttpRequest, model, uuid: str, fields: dict, values: dict, rows) -> HttpResponse:
    access, forced = _require_write(request, WRITE, FORCED_WRITE)
    part = _get(parts(request, model), uuid)
    _own(request, part.zaaktype)
    if "zaaktype" in values and zgw.uuid_from_url(values.pop("zaaktype") or "", "catalogi", "zaaktypen") != (
        part.zaaktype.uuid
    ):
        raise invalid("zaaktype", "immutable", "Het zaaktype van een onderdeel kan niet veranderen.")
    _api_names(
        fields,
        services.change_zaaktype_part,
        part=part,
        actor=actor_for(access),
        forced=forced,
        **_model_values(fields, values),
    )
    return json_response(rows([_get(parts(request, model), uuid)])[0])


@api.put(
    "/statustypen/{uuid}",
    response={200: schemas.StatusType, **WRITE_ERRORS},
    summary="Werk een STATUSTYPE in zijn geheel bij.",
)
def statustype_update(request: HttpRequest, uuid: str, payload: schemas.StatusTypeIn) -> HttpResponse:
    return _change_part(
        request, StatusType, uuid, STATUSTYPE_FIELDS, payload.dict(), serializers.statustype_rows
    )


@api.patch(
    "/statustypen/{uuid}",
    response={200: schemas.StatusType, **WRITE_ERRORS},
    summary="Werk een STATUSTYPE deels bij.",
)
def statustype_partial_update(
    request: HttpRequest, uuid: str, payload: schemas.PatchedStatusType
) -> HttpResponse:
    values = {name: getattr(payload, name) for name in payload.model_fields_set}
    return _change_part(request, StatusType, uuid, STATUSTYPE_FIELDS, values, serializers.statustype_rows)


@api.put(
    "/roltypen/{uuid}",
    response={200: schemas.RolType, **WRITE_ERRORS},
    summary="Werk een ROLTYPE in zijn geheel bij.",
)
def roltype_update(request: HttpRequest, uuid: str, payload: schemas.RolTypeIn) -> HttpResponse:
    return _change_part(request, RolType, uuid, ROLTYPE_FIELDS, payload.dict(), serializers.roltype_rows)


@api.patch(
    "/roltypen/{uuid}",
    response={200: schemas.RolType, **WRITE_ERRORS},
    summary="Werk een ROLTYPE deels bij.",
)
def roltype_partial_update(request: HttpRequest, uuid: str, payload: schemas.PatchedRolType) -> HttpResponse:
    values = {name: getattr(payload, name) for name in payload.model_fields_set}
    return _change_part(request, RolType, uuid, ROLTYPE_FIELDS, values, serializers.roltype_rows)


@api.post(
    "/zaaktype-informatieobjecttypen",
    response={201: schemas.ZaakTypeInformatieObjectType, **CREATE_ERRORS},
    summary="Maak een ZAAKTYPE-INFORMATIEOBJECTTYPE relatie aan.",
)
def zaaktype_informatieobjecttype_create(
    request: HttpRequest, payload: schemas.ZaakTypeInformatieObjectTypeIn
) -> HttpResponse:
    access, forced = _require_write(request, WRITE, FORCED_WRITE)
    zaaktype = _zaaktype_for_part(request, payload.zaaktype)
    # The newest version with this omschrijving in the zaaktype's catalogus (ztc-013).
    iot = (
        InformatieObjectType.objects.for_tenant(request.tenant)
        .filter(catalogus_id=zaaktype.process.catalogus_id, omschrijving=payload.informatieobjecttype)
        .order_by("-valid_from")
        .first()
    )
    if iot is None:
        raise invalid(
            "informatieobjecttype",
            "relations-incorrect-catalogus",
            "Er is geen informatieobjecttype met deze omschrijving in de catalogus van het zaaktype.",
        )
    link = _api_names(
        {"volgnummer": "volgnummer", "richting": "direction"},
        services.link_informatieobjecttype,
        zaaktype=zaaktype,
        informatieobjecttype=iot,
        actor=actor_for(access),
        forced=forced,
        volgnummer=payload.volgnummer,
        direction=payload.richting,
    )
    queryset = parts(request, ZaakTypeInformatieObjectType, "informatieobjecttype")
    return created(serializers.zaaktype_informatieobjecttype_rows([_get(queryset, str(link.uuid))])[0])


CATALOGUS_FIELDS = {
    "domein": "domein",
    "naam": "naam",
    "contactpersoonBeheerNaam": "contactpersoon",
    "contactpersoonBeheerEmailadres": "contact_email",
}


def _catalogus_values(request: HttpRequest, values: dict) -> dict:
    # The rsin of a catalogus is its organisation's: it cannot be another one.
    if "rsin" in values and values["rsin"] != request.tenant.rsin:
        raise invalid("rsin", "invalid", "Het RSIN moet dat van uw eigen organisatie zijn.")
    result = _model_values(CATALOGUS_FIELDS, values)
    if "contact_email" in result and result["contact_email"] is None:
        result["contact_email"] = ""
    if "naam" in result and not result["naam"]:
        result["naam"] = values.get("domein") or ""
    return result


def _catalogus_detail(request: HttpRequest, catalogus: Catalogus) -> dict:
    return serializers.catalogus_rows([_get(catalogussen(request), str(catalogus.uuid))])[0]


@api.post(
    "/catalogussen", response={201: schemas.Catalogus, **CREATE_ERRORS}, summary="Maak een CATALOGUS aan."
)
def catalogus_create(request: HttpRequest, payload: schemas.CatalogusIn) -> HttpResponse:
    access, _forced = _require_write(request, WRITE)
    values = _catalogus_values(request, payload.dict())
    values.setdefault("naam", payload.domein)
    catalogus = _api_names(
        CATALOGUS_FIELDS, services.create_catalogus, tenant=request.tenant, actor=actor_for(access), **values
    )
    return created(_catalogus_detail(request, catalogus))


def _change_catalogus(request: HttpRequest, uuid: str, values: dict) -> HttpResponse:
    access, _forced = _require_write(request, WRITE, FORCED_WRITE)
    catalogus = _get(catalogussen(request), uuid)
    _own(request, catalogus)
    catalogus = _api_names(
        CATALOGUS_FIELDS,
        services.change_catalogus,
        catalogus=catalogus,
        actor=actor_for(access),
        **_catalogus_values(request, values),
    )
    return json_response(_catalogus_detail(request, catalogus))


@api.put(
    "/catalogussen/{uuid}",
    response={200: schemas.Catalogus, **WRITE_ERRORS},
    summary="Werk een CATALOGUS in zijn geheel bij.",
)
def catalogus_update(request: HttpRequest, uuid: str, payload: schemas.CatalogusIn) -> HttpResponse:
    return _change_catalogus(request, uuid, payload.dict())


@api.patch(
    "/catalogussen/{uuid}",
    response={200: schemas.Catalogus, **WRITE_ERRORS},
    summary="Werk een CATALOGUS deels bij.",
)
def catalogus_partial_update(
    request: HttpRequest, uuid: str, payload: schemas.PatchedCatalogus
) -> HttpResponse:
    return _change_catalogus(
        request, uuid, {name: getattr(payload, name) for name in payload.model_fields_set}
    )


RESULTAATTYPE_FIELDS = {
    "omschrijving": "omschrijving",
    "toelichting": "toelichting",
    "archiefnominatie": "archiefnominatie",
    "archiefactietermijn": "archiefactietermijn",
    "resultaattypeomschrijving": "generic",
    "selectielijstklasse": "selectielijstklasse",
    "brondatumArchiefprocedure.afleidingswijze": "brondatum_afleidingswijze",
}


@api.post(
    "/resultaattypen",
    response={201: schemas.ResultaatType, **CREATE_ERRORS},
    summary="Maak een RESULTAATTYPE aan.",
)
def resultaattype_create(request: HttpRequest, payload: schemas.ResultaatTypeCreate) -> HttpResponse:
    access, forced = _require_write(request, WRITE, FORCED_WRITE)
    zaaktype = _zaaktype_for_part(request, payload.zaaktype)
    generic = resultaattypeomschrijving_for_url(payload.resultaattypeomschrijving)
    if generic is None:
        raise invalid(
            "resultaattypeomschrijving",
            "bad-url",
            "Geef de URL van een resultaattypeomschrijving (Referentielijsten).",
        )
    klasse = selectielijst_resultaat_for_url(payload.selectielijstklasse)
    if klasse is None:
        raise invalid("selectielijstklasse", "bad-url", "Geef de URL van een resultaat uit de selectielijst.")
    resultaattype = _api_names(
        RESULTAATTYPE_FIELDS,
        services.create_resultaattype,
        zaaktype=zaaktype,
        actor=actor_for(access),
        forced=forced,
        selectielijstklasse=klasse,
        generic=generic,
        omschrijving=payload.omschrijving,
        toelichting=payload.toelichting or "",
        archiefnominatie=payload.archiefnominatie or "",
        archiefactietermijn=payload.archiefactietermijn or "",
        brondatum_afleidingswijze=payload.brondatumArchiefprocedure.afleidingswijze,
    )
    queryset = parts(request, ResultaatType, "generic", "selectielijstklasse")
    return created(serializers.resultaattype_rows([_get(queryset, str(resultaattype.uuid))])[0])


EIGENSCHAP_FIELDS = {
    "naam": "name",
    "definitie": "label",
    "toelichting": "help_text",
    "specificatie.groep": "step",
    "specificatie.waardenverzameling": "choices",
    "specificatie.lengte": "max_length",
}


def _eigenschap_values(specificatie: schemas.EigenschapSpecificatie) -> dict:
    """The form field behind a ZGW specificatie (ztc-015: datum is JJJJMMDD, lengte 8)."""
    values: dict = {"step": specificatie.groep or "Gegevens"}
    if specificatie.formaat == "datum_tijd":
        raise invalid(
            "specificatie.formaat", "not-supported", "Plus1 kent (nog) geen eigenschap met datum en tijd."
        )
    if specificatie.formaat == "datum":
        if specificatie.lengte != "8":
            raise invalid("specificatie.lengte", "invalid-length", "Een datum (JJJJMMDD) heeft lengte 8.")
        values["data_type"] = "date"
    elif specificatie.formaat == "getal":
        values["data_type"] = "number"
    elif specificatie.waardenverzameling:
        values["data_type"] = "choice"
        values["choices"] = list(specificatie.waardenverzameling)
    else:
        if not specificatie.lengte.isdigit() or int(specificatie.lengte) < 1:
            raise invalid(
                "specificatie.lengte", "invalid", "De lengte van tekst is een positief geheel getal."
            )
        values["data_type"] = "text"
        values["max_length"] = int(specificatie.lengte)
    return values


@api.post(
    "/eigenschappen", response={201: schemas.Eigenschap, **CREATE_ERRORS}, summary="Maak een EIGENSCHAP aan."
)
def eigenschap_create(request: HttpRequest, payload: schemas.EigenschapIn) -> HttpResponse:
    access, forced = _require_write(request, WRITE, FORCED_WRITE)
    zaaktype = _zaaktype_for_part(request, payload.zaaktype)
    eigenschap = _api_names(
        EIGENSCHAP_FIELDS,
        services.create_eigenschap,
        zaaktype=zaaktype,
        actor=actor_for(access),
        forced=forced,
        name=payload.naam,
        label=payload.definitie,
        help_text=payload.toelichting or "",
        **_eigenschap_values(payload.specificatie),
    )
    return created(serializers.eigenschap_rows([_get(parts(request, Eigenschap), str(eigenschap.uuid))])[0])


# Changes to the other parts: the plain attributes. A new reference (selectielijstklasse,
# specificatie, informatieobjecttype) is a new part: delete and create it again.
RESULTAATTYPE_CHANGE_FIELDS = {
    "omschrijving": "omschrijving",
    "toelichting": "toelichting",
    "archiefnominatie": "archiefnominatie",
    "archiefactietermijn": "archiefactietermijn",
}
EIGENSCHAP_CHANGE_FIELDS = {"naam": "name", "definitie": "label", "toelichting": "help_text"}
ZIOT_CHANGE_FIELDS = {"volgnummer": "volgnummer", "richting": "direction"}


def _blank_nulls(values: dict) -> dict:
    return {name: "" if value is None else value for name, value in values.items()}


def _set(payload) -> dict:
    return {name: getattr(payload, name) for name in payload.model_fields_set}


@api.patch(
    "/resultaattypen/{uuid}",
    response={200: schemas.ResultaatType, **WRITE_ERRORS},
    summary="Werk een RESULTAATTYPE deels bij.",
)
def resultaattype_partial_update(
    request: HttpRequest, uuid: str, payload: schemas.PatchedResultaatType
) -> HttpResponse:
    return _change_part(
        request,
        ResultaatType,
        uuid,
        RESULTAATTYPE_CHANGE_FIELDS,
        _blank_nulls(_set(payload)),
        serializers.resultaattype_rows,
    )


@api.put(
    "/resultaattypen/{uuid}",
    response={200: schemas.ResultaatType, **WRITE_ERRORS},
    summary="Werk een RESULTAATTYPE in zijn geheel bij.",
)
def resultaattype_update(
    request: HttpRequest, uuid: str, payload: schemas.ResultaatTypeCreate
) -> HttpResponse:
    current = _get(parts(request, ResultaatType, "generic", "selectielijstklasse"), uuid)
    if (
        selectielijst_resultaat_for_url(payload.selectielijstklasse) != current.selectielijstklasse
        or resultaattypeomschrijving_for_url(payload.resultaattypeomschrijving) != current.generic
        or payload.brondatumArchiefprocedure.afleidingswijze != current.brondatum_afleidingswijze
    ):
        raise invalid(
            "selectielijstklasse",
            "immutable",
            "Selectielijstklasse, resultaattypeomschrijving en afleidingswijze veranderen niet; "
            "maak een nieuw resultaattype.",
        )
    values = {name: getattr(payload, name) for name in ("zaaktype", *RESULTAATTYPE_CHANGE_FIELDS)}
    # As on create (ztc-002): what is left out follows the selectielijstklasse.
    values["archiefnominatie"] = payload.archiefnominatie or current.selectielijstklasse.waardering
    values["archiefactietermijn"] = payload.archiefactietermijn or current.selectielijstklasse.bewaartermijn
    return _change_part(
        request,
        ResultaatType,
        uuid,
        RESULTAATTYPE_CHANGE_FIELDS,
        {**_blank_nulls(values), "zaaktype": payload.zaaktype},
        serializers.resultaattype_rows,
    )


@api.patch(
    "/eigenschappen/{uuid}",
    response={200: schemas.Eigenschap, **WRITE_ERRORS},
    summary="Werk een EIGENSCHAP deels bij.",
)
def eigenschap_partial_update(
    request: HttpRequest, uuid: str, payload: schemas.PatchedEigenschap
) -> HttpResponse:
    return _change_part(
        request,
        Eigenschap,
        uuid,
        EIGENSCHAP_CHANGE_FIELDS,
        _blank_nulls(_set(payload)),
        serializers.eigenschap_rows,
    )


@api.put(
    "/eigenschappen/{uuid}",
    response={200: schemas.Eigenschap, **WRITE_ERRORS},
    summary="Werk een EIGENSCHAP in zijn geheel bij.",
)
def eigenschap_update(request: HttpRequest, uuid: str, payload: schemas.EigenschapIn) -> HttpResponse:
    current = _get(parts(request, Eigenschap), uuid)
    wanted = _eigenschap_values(payload.specificatie)
    wanted.pop("step")
    if any(getattr(current, name) != value for name, value in wanted.items()):
        raise invalid(
            "specificatie", "immutable", "De specificatie verandert niet; maak een nieuwe eigenschap."
        )
    values = {"zaaktype": payload.zaaktype, "naam": payload.naam, "definitie": payload.definitie}
    values["toelichting"] = payload.toelichting or ""
    return _change_part(
        request, Eigenschap, uuid, EIGENSCHAP_CHANGE_FIELDS, values, serializers.eigenschap_rows
    )


def _ziot_queryset(request: HttpRequest) -> QuerySet:
    return parts(request, ZaakTypeInformatieObjectType, "informatieobjecttype")


@api.patch(
    "/zaaktype-informatieobjecttypen/{uuid}",
    response={200: schemas.ZaakTypeInformatieObjectType, **WRITE_ERRORS},
    summary="Werk een ZAAKTYPE-INFORMATIEOBJECTTYPE relatie deels bij.",
)
def zaaktype_informatieobjecttype_partial_update(
    request: HttpRequest, uuid: str, payload: schemas.PatchedZaakTypeInformatieObjectType
) -> HttpResponse:
    return _change_part(
        request,
        ZaakTypeInformatieObjectType,
        uuid,
        ZIOT_CHANGE_FIELDS,
        _set(payload),
        serializers.zaaktype_informatieobjecttype_rows,
    )


@api.put(
    "/zaaktype-informatieobjecttypen/{uuid}",
    response={200: schemas.ZaakTypeInformatieObjectType, **WRITE_ERRORS},
    summary="Werk een ZAAKTYPE-INFORMATIEOBJECTTYPE relatie in zijn geheel bij.",
)
def zaaktype_informatieobjecttype_update(
    request: HttpRequest, uuid: str, payload: schemas.ZaakTypeInformatieObjectTypeIn
) -> HttpResponse:
    current = _get(_ziot_queryset(request), uuid)
    if payload.informatieobjecttype != current.informatieobjecttype.omschrijving:
        raise invalid(
            "informatieobjecttype",
            "immutable",
            "Het informatieobjecttype verandert niet; maak een nieuwe relatie.",
        )
    values = {"zaaktype": payload.zaaktype, "volgnummer": payload.volgnummer, "richting": payload.richting}
    return _change_part(
        request,
        ZaakTypeInformatieObjectType,
        uuid,
        ZIOT_CHANGE_FIELDS,
        values,
        serializers.zaaktype_informatieobjecttype_rows,
    )
