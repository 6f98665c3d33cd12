"""Zaken API 1.7.0 at ``/zaken/api/v1/``, on the tables the portal and the back office use.

A zaak registered here lands in the inbox of the team that runs its process at the gemeente
and, once it has an initiator rol with a BSN, in that resident's Mijn zaken; a zaak from the
portal is visible here. Every change goes through a case service (``cases.services``),
which writes the audit row, the processing record and the ``zaken`` notification.
"""

from __future__ import annotations

import datetime
import uuid as uuid_lib
from typing import Any

from django.db.models import F, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query

from plus1.apiclients.access import ClientAccess
from plus1.cases import services as case_services
from plus1.cases.exceptions import MissingResultaat, ZaakClosed, ZaakError
from plus1.cases.models import Besluit, Resultaat, Rol, Status, Zaak, ZaakEigenschap, ZaakObject
from plus1.cases.processing import Purpose, log_zaak_reads
from plus1.cases.services import registration
from plus1.catalog.models import Eigenschap, ResultaatType, RolType, StatusType, ZaakType
from plus1.core import zgw
from plus1.tenants.constants import OrganisationKind

from ..common import audittrail, readcache
from ..common.api import make_api
from ..common.auth import actor_for, client, require_for_object, require_scope
from ..common.errors import ApiError, invalid, not_found, problem_response
from ..common.http import CRS, check_crs, created, detail_response, json_response, no_content
from ..common.pagination import paginate
from ..common.params import reject_unknown_params
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Page
from . import expand, schemas
from .filters import ordering, zaak_filter_q
from .serializers import (
    PARTS,
    attach_parts,
    serialize_resultaat,
    serialize_rol,
    serialize_status,
    serialize_zaak,
    serialize_zaakbesluit,
    serialize_zaakeigenschap,
    serialize_zaakobject,
    zaak_queryset,
    zaak_url,
)

api = make_api("zaken")

ZRC = "zrc"
READ = "zaken.lezen"
CREATE = "zaken.aanmaken"
UPDATE = "zaken.bijwerken"
FORCE = "zaken.geforceerd-bijwerken"
ADD_STATUS = "zaken.statussen.toevoegen"
REOPEN = "zaken.heropenen"
DELETE = "zaken.verwijderen"
AUDIT = "audittrails.lezen"
CRS_HEADERS = {"Content-Crs": CRS}

audittrail.register("cases.zaak", "zaken", "zaken", "zaak")
audittrail.register("cases.status", "zaken", "statussen", "status")
audittrail.register("cases.rol", "zaken", "rollen", "rol")
audittrail.register("cases.resultaat", "zaken", "resultaten", "resultaat")
audittrail.register("cases.zaakobject", "zaken", "zaakobjecten", "zaakobject")


@api.exception_handler(ZaakError)
def on_zaak_error(request, exc: ZaakError):
    if isinstance(exc, ZaakClosed):
        return problem_response(request, ApiError(403, "permission_denied", str(exc)))
    code = "resultaat-does-not-exist" if isinstance(exc, MissingResultaat) else "invalid"
    return problem_response(
        request, ApiError(400, "invalid", str(exc), invalid_params=[("nonFieldErrors", code, str(exc))])
    )


# --- lookups ----------------------------------------------------------------------------------


def _uuid(value: str) -> uuid_lib.UUID:
    try:
        return uuid_lib.UUID(str(value))
    except ValueError:
        raise not_found() from None


def _zaken(request: HttpRequest) -> QuerySet[Zaak]:
    return Zaak.objects.for_tenant(request.tenant)


def _get_zaak(request: HttpRequest, zaak_uuid: str, *, for_serializing: bool = False) -> Zaak:
    zaken = _zaken(request)
    zaken = zaak_queryset(zaken) if for_serializing else zaken.select_related("zaaktype")
    zaak = zaken.filter(uuid=_uuid(zaak_uuid)).first()
    if zaak is None:
        raise not_found()
    return zaak


def _zaak_from_url(request: HttpRequest, value: str | None, name: str = "zaak") -> Zaak:
    found = zgw.uuid_from_url(value or "", "zaken", "zaken")
    zaak = _zaken(request).select_related("zaaktype").filter(uuid=found).first() if found else None
    if zaak is None:
        raise invalid(name, "bad-url", "Deze zaak bestaat niet (of hoort bij een andere gemeente).")
    return zaak


def _catalog_tenants(request: HttpRequest) -> Q:
    # A gemeente reads its own catalog and the collective's shared processes.
    return Q(tenant=request.tenant) | Q(tenant__kind=OrganisationKind.COLLECTIVE)


def _zaaktype_from_url(request: HttpRequest, value: str) -> ZaakType:
    found = zgw.uuid_from_url(value, "catalogi", "zaaktypen")
    zaaktype = ZaakType.objects.filter(_catalog_tenants(request), uuid=found).first() if found else None
    if zaaktype is None:
        raise invalid("zaaktype", "bad-url", "Dit zaaktype bestaat niet in de Catalogi API.")
    return zaaktype


def _subtype_from_url(request: HttpRequest, model, collection: str, value: str | None, name: str):
    found = zgw.uuid_from_url(value or "", "catalogi", collection)
    catalog = Q(zaaktype__tenant=request.tenant) | Q(zaaktype__tenant__kind=OrganisationKind.COLLECTIVE)
    obj = model.objects.filter(catalog, uuid=found).select_related("zaaktype").first() if found else None
    if obj is None:
        raise invalid(name, "bad-url", f"Dit {name} bestaat niet in de Catalogi API.")
    return obj


def _may(access: ClientAccess, zaak: Zaak, *scopes: str) -> bool:
    return access.allows(ZRC, *scopes, type_id=zaak.zaaktype_id, confidentiality=zaak.confidentiality)


def _require(request: HttpRequest, zaak: Zaak, *scopes: str) -> ClientAccess:
    return require_for_object(
        request, ZRC, *scopes, type_id=zaak.zaaktype_id, confidentiality=zaak.confidentiality
    )


def _visible(request: HttpRequest, prefix: str = "") -> Q:
    """zrc-006: only what the application may read, per zaaktype and confidentiality."""
    return client(request).filter_q(
        ZRC, READ, type_field=f"{prefix}zaaktype_id", confidentiality_field=f"{prefix}confidentiality"
    )


def _known_params(request: HttpRequest, schema) -> None:
    reject_unknown_params(request, set(schema.model_fields))


# --- zaken ----------------------------------------------------------------------------------


def _zaak_values(request: HttpRequest, data: dict[str, Any], *, zaak: Zaak | None = None) -> dict[str, Any]:
    """The ZGW attributes in ``data`` as zaak columns, with the references resolved."""
    simple = {
        "identificatie": "identificatie",
        "bronorganisatie": "bronorganisatie",
        "omschrijving": "omschrijving",
        "toelichting": "toelichting",
        "registratiedatum": "registered_on",
        "verantwoordelijkeOrganisatie": "verantwoordelijke_organisatie",
        "startdatum": "started_on",
        "einddatumGepland": "service_norm_on",
        "uiterlijkeEinddatumAfdoening": "planned_end_on",
        "publicatiedatum": "publicatiedatum",
        "communicatiekanaal": "communicatiekanaal",
        "productenOfDiensten": "producten_of_diensten",
        "vertrouwelijkheidaanduiding": "confidentiality",
        "betalingsindicatie": "betalingsindicatie",
        "zaakgeometrie": "zaakgeometrie",
        "selectielijstklasse": "selectielijstklasse",
        "kenmerken": "kenmerken",
        "archiefnominatie": "archive_nomination",
        "archiefstatus": "archiefstatus",
        "archiefactiedatum": "archive_action_on",
        "opdrachtgevendeOrganisatie": "opdrachtgevende_organisatie",
        "processobjectaard": "processobjectaard",
        "startdatumBewaartermijn": "startdatum_bewaartermijn",
        "processobject": "processobject",
    }
    values: dict[str, Any] = {}
    for name, column in simple.items():
        if name in data:
            values[column] = data[name]
    # Columns that cannot be empty keep their value (or their default) when a client sends null.
    for column in ("registered_on", "planned_end_on", "confidentiality", "archiefstatus"):
        if column in values and values[column] is None:
            del values[column]
    if "laatsteBetaaldatum" in data:
        paid = data["laatsteBetaaldatum"]
        if paid is not None and timezone.is_naive(paid):
            paid = timezone.make_aware(paid, datetime.UTC)
        values["laatste_betaaldatum"] = paid
    if "opschorting" in data:
        opschorting = data["opschorting"] or {"indicatie": False, "reden": ""}
        values["suspended_on"] = bool(opschorting["indicatie"])
        values["suspension_reason"] = opschorting["reden"]
    if "verlenging" in data:
        verlenging = data["verlenging"] or {"reden": "", "duur": ""}
        values["extension_reason"], values["extended_by"] = verlenging["reden"], verlenging["duur"]
    if "hoofdzaak" in data:
        values["hoofdzaak"] = (
            _zaak_from_url(request, data["hoofdzaak"], "hoofdzaak") if data["hoofdzaak"] else None
        )
    if "relevanteAndereZaken" in data:
        # zrc-011: every related zaak must exist (Plus1 resolves references to itself only).
        for index, relation in enumerate(data["relevanteAndereZaken"] or []):
            _zaak_from_url(request, relation["url"], f"relevanteAndereZaken.{index}.url")
        values["relevante_andere_zaken"] = data["relevanteAndereZaken"] or []
    if values.get("suspended_on") is True and zaak is None:
        from plus1.core import clock

        values["suspended_on"] = clock.today()
    elif values.get("suspended_on") is False:
        values["suspended_on"] = None
    return values


def _zaak_response(request: HttpRequest, zaak: Zaak) -> HttpResponse:
    data = serialize_zaak(_get_zaak(request, str(zaak.uuid), for_serializing=True))
    return json_response(data, headers=CRS_HEADERS)


def _serialize_zaken(request: HttpRequest, zaken: list[Zaak], names: set[str]) -> list[dict]:
    attach_parts(zaken)
    data = [serialize_zaak(zaak) for zaak in zaken]
    expand.expand(
        zaken,
        data,
        names,
        visible=_visible(request),
        on_rollen=lambda rollen: _log_rollen_read(request, rollen),
    )
    return data


def _zaak_list(request: HttpRequest, filters: dict[str, Any]) -> HttpResponse:
    names = expand.parse(filters.get("expand"))
    zaken = _zaken(request).filter(_visible(request)).filter(zaak_filter_q(filters))
    zaken = zaken.order_by(*ordering(filters.get("ordering")))
    page = paginate(
        request,
        zaken,
        lambda rows: _serialize_zaken(request, rows, names),
        prepare=zaak_queryset,
        count_with=lambda queryset: readcache.count(request, queryset),
    )
    return json_response(page, headers=CRS_HEADERS)


@api.get(
    "/zaken",
    response={200: Page[schemas.Zaak], 412: Any, **LIST_ERRORS},
    operation_id="zaak_list",
    summary="Alle ZAAKen opvragen.",
)
def zaak_list(request: HttpRequest, filters: Query[schemas.ZaakFilter]) -> HttpResponse:
    check_crs(request)
    require_scope(request, ZRC, READ)
    _known_params(request, schemas.ZaakFilter)
    return readcache.cached(request, lambda: _zaak_list(request, filters.model_dump(exclude_none=True)))


@api.post(
    "/zaken/_zoek",
    response={200: Page[schemas.Zaak], 412: Any, **LIST_ERRORS},
    operation_id="zaak__zoek",
    summary="Voer een (geo)-zoekopdracht uit op ZAAKen.",
)
def zaak_zoek(request: HttpRequest, payload: schemas.ZaakZoek, page: int | None = None) -> HttpResponse:
    check_crs(request, content=True)
    require_scope(request, ZRC, READ)
    reject_unknown_params(request, {"page"})
    return _zaak_list(request, payload.model_dump(exclude_none=True))


@api.post(
    "/zaken",
    response={201: schemas.Zaak, 412: Any, **WRITE_ERRORS},
    operation_id="zaak_create",
    summary="Maak een ZAAK aan.",
)
def zaak_create(request: HttpRequest, payload: schemas.ZaakRequest) -> HttpResponse:
    check_crs(request, content=True)
    require_scope(request, ZRC, CREATE)
    zaaktype = _zaaktype_from_url(request, payload.zaaktype)
    data = payload.model_dump(exclude={"zaaktype"})
    # zrc-009: the zaaktype's confidentiality when the client gives none; checked before writing.
    confidentiality = data.get("vertrouwelijkheidaanduiding") or zaaktype.confidentiality
    access = require_for_object(request, ZRC, CREATE, type_id=zaaktype.pk, confidentiality=confidentiality)
    zaak = registration.register_zaak(
        tenant=request.tenant, zaaktype=zaaktype, values=_zaak_values(request, data), actor=actor_for(access)
    )
    # A new zaak has no parts yet: render it as it is, without reading it back.
    zaak._prefetched_objects_cache = {"rollen": [], "eigenschappen": [], "deelzaken": []}
    zaak.part_uuids = {name: [] for name in PARTS}
    zaak._state.fields_cache["resultaat"] = None
    return created(serialize_zaak(zaak), headers=CRS_HEADERS)


def _zaak_detail(request: HttpRequest, uuid: str, expand_value: str | None = None) -> HttpResponse:
    check_crs(request)
    names = expand.parse(expand_value)

    def build() -> HttpResponse:
        zaak = _get_zaak(request, uuid, for_serializing=True)
        _require(request, zaak, READ)
        return detail_response(request, _serialize_zaken(request, [zaak], names)[0], headers=CRS_HEADERS)

    # Kept only after the autorisatie check passed, under a key with the same autorisaties.
    return readcache.cached(request, build)


@api.get(
    "/zaken/{uuid}",
    response={200: schemas.Zaak, 412: Any, **READ_ERRORS},
    operation_id="zaak_retrieve",
    summary="Een specifieke ZAAK opvragen.",
)
def zaak_retrieve(request: HttpRequest, uuid: str, expand: str | None = None) -> HttpResponse:
    reject_unknown_params(request, {"expand"})
    return _zaak_detail(request, uuid, expand)


@api.api_operation(
    ["HEAD"],
    "/zaken/{uuid}",
    response={200: None},
    operation_id="zaak_headers",
    summary="De headers voor een specifiek(e) ZAAK opvragen",
)
def zaak_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    return _zaak_detail(request, uuid)


def _zaak_update(request: HttpRequest, uuid: str, data: dict[str, Any], actie: str) -> HttpResponse:
    check_crs(request, content=True)
    zaak = _get_zaak(request, uuid)
    access = _require(request, zaak, UPDATE, FORCE)
    if data.get("zaaktype") and _zaaktype_from_url(request, data["zaaktype"]).pk != zaak.zaaktype_id:
        raise invalid(
            "zaaktype", "wijzigen-niet-toegelaten", "Het zaaktype van een zaak kan niet veranderen."
        )
    data.pop("zaaktype", None)
    level = data.get("vertrouwelijkheidaanduiding")
    # The new level must be within the application's grant as well.
    if level and not access.allows(ZRC, UPDATE, FORCE, type_id=zaak.zaaktype_id, confidentiality=level):
        raise ApiError(403, "permission_denied", "Deze vertrouwelijkheid valt buiten uw autorisatie.")
    registration.update_zaak(
        zaak=zaak,
        values=_zaak_values(request, data, zaak=zaak),
        actor=actor_for(access),
        may_change_closed=_may(access, zaak, FORCE),
        zgw_actie=actie,
    )
    return _zaak_response(request, zaak)


@api.put(
    "/zaken/{uuid}",
    response={200: schemas.Zaak, 412: Any, **WRITE_ERRORS},
    operation_id="zaak_update",
    summary="Werk een ZAAK in zijn geheel bij.",
)
def zaak_update(request: HttpRequest, uuid: str, payload: schemas.ZaakRequest) -> HttpResponse:
    return _zaak_update(request, uuid, payload.model_dump(), "update")


@api.patch(
    "/zaken/{uuid}",
    response={200: schemas.Zaak, 412: Any, **WRITE_ERRORS},
    operation_id="zaak_partial_update",
    summary="Werk een ZAAK deels bij.",
)
def zaak_partial_update(request: HttpRequest, uuid: str, payload: schemas.PatchedZaakRequest) -> HttpResponse:
    data = payload.model_dump(include=payload.model_fields_set)
    return _zaak_update(request, uuid, data, "partial_update")


@api.delete(
    "/zaken/{uuid}",
    response={204: None, **READ_ERRORS},
    operation_id="zaak_destroy",
    summary="Verwijder een ZAAK.",
)
def zaak_destroy(request: HttpRequest, uuid: str) -> HttpResponse:
    zaak = _get_zaak(request, uuid)
    access = _require(request, zaak, DELETE)
    registration.delete_zaak(zaak=zaak, actor=actor_for(access))
    return no_content()


@api.post(
    "/zaaknummer_reserveren",
    response={201: schemas.ReserveZaakIdentificatie | list[schemas.ReserveZaakIdentificatie], **WRITE_ERRORS},
    operation_id="zaaknummer_reserveren",
    summary="Reserveer een zaaknummer",
)
def zaaknummer_reserveren(
    request: HttpRequest, payload: schemas.ReserveZaakIdentificatieRequest
) -> HttpResponse:
    require_scope(request, ZRC, CREATE)
    if payload.bronorganisatie != request.tenant.rsin:
        raise invalid(
            "bronorganisatie", "invalid", "Reserveer alleen nummers voor uw eigen organisatie (RSIN)."
        )
    numbers = registration.reserve_case_numbers(tenant=request.tenant, count=payload.aantal)
    data = [{"zaaknummer": number} for number in numbers]
    return json_response(data[0] if payload.aantal == 1 else data, status=201)


# --- statussen --------------------------------------------------------------------------------


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


def _filter_by_url(
    queryset: QuerySet, field: str, value: str | None, api_name: str, collection: str, name: str
):
    if value is None:
        return queryset
    found = zgw.uuid_from_url(value, api_name, collection)
    if found is None:
        raise invalid(name, "invalid", "Dit is geen geldige URL.")
    return queryset.filter(**{f"{field}__uuid": found})


@api.get(
    "/statussen",
    response={200: Page[schemas.Status], **LIST_ERRORS},
    operation_id="status_list",
    summary="Alle STATUSsen van ZAAKen opvragen.",
)
def status_list(request: HttpRequest, filters: Query[StatusFilter]) -> HttpResponse:
    require_scope(request, ZRC, READ)
    _known_params(request, StatusFilter)
    statussen = _statussen(request).filter(_visible(request, "zaak__"))
    statussen = _filter_by_url(statussen, "zaak", filters.zaak, "zaken", "zaken", "zaak")
    statussen = _filter_by_url(
        statussen, "statustype", filters.statustype, "catalogi", "statustypen", "statustype"
    )
    if filters.indicatieLaatstGezetteStatus is not None:
        latest = Q(zaak__current_status=F("pk"))
        statussen = statussen.filter(latest if filters.indicatieLaatstGezetteStatus else ~latest)
    page = paginate(request, statussen.order_by("id"), lambda rows: [_serialize_status(s) for s in rows])
    return json_response(page)


@api.post(
    "/statussen",
    response={201: schemas.Status, **WRITE_ERRORS},
    operation_id="status_create",
    summary="Maak een STATUS aan voor een ZAAK.",
)
def status_create(request: HttpRequest, payload: schemas.StatusRequest) -> HttpResponse:
    require_scope(request, ZRC, CREATE, ADD_STATUS, REOPEN)
    zaak = _zaak_from_url(request, payload.zaak)
    access = _require(request, zaak, CREATE, ADD_STATUS, REOPEN)
    statustype = _subtype_from_url(request, StatusType, "statustypen", payload.statustype, "statustype")
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
        may_reopen=_may(access, zaak, REOPEN),
        may_change_closed=_may(access, zaak, FORCE),
    )
    return created(_serialize_status(_statussen(request).get(pk=status.pk)))


def _status_detail(request: HttpRequest, uuid: str) -> HttpResponse:
    status = _statussen(request).filter(uuid=_uuid(uuid)).first()
    if status is None:
        raise not_found()
    _require(request, status.zaak, READ)
    return detail_response(request, _serialize_status(status))


@api.get(
    "/statussen/{uuid}",
    response={200: schemas.Status, **READ_ERRORS},
    operation_id="status_retrieve",
    summary="Een specifieke STATUS van een ZAAK opvragen.",
)
def status_retrieve(request: HttpRequest, uuid: str) -> HttpResponse:
    return _status_detail(request, uuid)


@api.api_operation(
    ["HEAD"],
    "/statussen/{uuid}",
    response={200: None},
    operation_id="status_headers",
    summary="De headers voor een specifiek(e) STATUS opvragen",
)
def status_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    return _status_detail(request, uuid)


# --- resultaten -------------------------------------------------------------------------------


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
    resultaat = _resultaten(request).filter(uuid=_uuid(uuid)).first()
    if resultaat is None:
        raise not_found()
    return resultaat


@api.get(
    "/resultaten",
    response={200: Page[schemas.Resultaat], **LIST_ERRORS},
    operation_id="resultaat_list",
    summary="Alle RESULTAATen van ZAAKen opvragen.",
)
def resultaat_list(request: HttpRequest, filters: Query[ResultaatFilter]) -> HttpResponse:
    require_scope(request, ZRC, READ)
    _known_params(request, ResultaatFilter)
    resultaten = _resultaten(request).filter(_visible(request, "zaak__"))
    resultaten = _filter_by_url(resultaten, "zaak", filters.zaak, "zaken", "zaken", "zaak")
    resultaten = _filter_by_url(
        resultaten, "resultaattype", filters.resultaattype, "catalogi", "resultaattypen", "resultaattype"
    )
    return json_response(
        paginate(request, resultaten.order_by("id"), lambda rows: [serialize_resultaat(r) for r in rows])
    )


@api.post(
    "/resultaten",
    response={201: schemas.Resultaat, **WRITE_ERRORS},
    operation_id="resultaat_create",
    summary="Maak een RESULTAAT bij een ZAAK aan.",
)
def resultaat_create(request: HttpRequest, payload: schemas.ResultaatRequest) -> HttpResponse:
    zaak = _zaak_from_url(request, payload.zaak)
    access = _require(request, zaak, UPDATE, FORCE)
    resultaattype = _subtype_from_url(
        request, ResultaatType, "resultaattypen", payload.resultaattype, "resultaattype"
    )
    resultaat = registration.set_resultaat(
        zaak=zaak,
        resultaattype=resultaattype,
        toelichting=payload.toelichting,
        actor=actor_for(access),
        may_change_closed=_may(access, zaak, FORCE),
    )
    return created(serialize_resultaat(_get_resultaat(request, str(resultaat.uuid))))


def _resultaat_detail(request: HttpRequest, uuid: str) -> HttpResponse:
    resultaat = _get_resultaat(request, uuid)
    _require(request, resultaat.zaak, READ)
    return detail_response(request, serialize_resultaat(resultaat))


@api.get(
    "/resultaten/{uuid}",
    response={200: schemas.Resultaat, **READ_ERRORS},
    operation_id="resultaat_retrieve",
    summary="Een specifieke RESULTAAT opvragen.",
)
def resultaat_retrieve(request: HttpRequest, uuid: str) -> HttpResponse:
    return _resultaat_detail(request, uuid)


@api.api_operation(
    ["HEAD"],
    "/resultaten/{uuid}",
    response={200: None},
    operation_id="resultaat_headers",
    summary="De headers voor een specifiek(e) RESULTAAT opvragen",
)
def resultaat_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    return _resultaat_detail(request, uuid)


def _resultaat_update(request: HttpRequest, uuid: str, data: dict[str, Any], actie: str) -> HttpResponse:
    resultaat = _get_resultaat(request, uuid)
    zaak = resultaat.zaak
    access = _require(request, zaak, UPDATE, FORCE)
    if data.get("zaak") and _zaak_from_url(request, data["zaak"]).pk != zaak.pk:
        raise invalid("zaak", "wijzigen-niet-toegelaten", "De zaak van een resultaat kan niet veranderen.")
    resultaattype = (
        _subtype_from_url(request, ResultaatType, "resultaattypen", data["resultaattype"], "resultaattype")
        if data.get("resultaattype")
        else resultaat.resultaattype
    )
    registration.set_resultaat(
        zaak=zaak,
        resultaattype=resultaattype,
        toelichting=data.get("toelichting") if data.get("toelichting") is not None else resultaat.toelichting,
        actor=actor_for(access),
        may_change_closed=_may(access, zaak, FORCE),
        resultaat=resultaat,
        zgw_actie=actie,
    )
    return json_response(serialize_resultaat(_get_resultaat(request, uuid)))


@api.put(
    "/resultaten/{uuid}",
    response={200: schemas.Resultaat, **WRITE_ERRORS},
    operation_id="resultaat_update",
    summary="Werk een RESULTAAT in zijn geheel bij.",
)
def resultaat_update(request: HttpRequest, uuid: str, payload: schemas.ResultaatRequest) -> HttpResponse:
    return _resultaat_update(request, uuid, payload.model_dump(), "update")


@api.patch(
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


@api.delete(
    "/resultaten/{uuid}",
    response={204: None, **READ_ERRORS},
    operation_id="resultaat_destroy",
    summary="Verwijder een RESULTAAT van een ZAAK.",
)
def resultaat_destroy(request: HttpRequest, uuid: str) -> HttpResponse:
    resultaat = _get_resultaat(request, uuid)
    access = _require(request, resultaat.zaak, UPDATE, FORCE)
    registration.delete_resultaat(
        resultaat=resultaat, actor=actor_for(access), may_change_closed=_may(access, resultaat.zaak, FORCE)
    )
    return no_content()


# --- rollen -----------------------------------------------------------------------------------


class RolFilter(schemas.Schema):
    zaak: str | None = None
    betrokkene: str | None = None
    betrokkeneType: schemas.BetrokkeneType | None = None
    betrokkeneIdentificatie__natuurlijkPersoon__inpBsn: str | None = None
    betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie: str | None = None
    betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer: str | None = None
    betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId: str | None = None
    betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie: str | None = None
    betrokkeneIdentificatie__vestiging__vestigingsNummer: str | None = None
    betrokkeneIdentificatie__organisatorischeEenheid__identificatie: str | None = None
    betrokkeneIdentificatie__medewerker__identificatie: str | None = None
    roltype: str | None = None
    omschrijving: str | None = None
    omschrijvingGeneriek: schemas.OmschrijvingGeneriek | None = None
    page: int | None = None
    expand: str | None = None


def _rollen(request: HttpRequest) -> QuerySet[Rol]:
    return Rol.objects.filter(zaak__tenant=request.tenant).select_related("zaak__zaaktype", "roltype")


def _get_rol(request: HttpRequest, uuid: str) -> Rol:
    rol = _rollen(request).filter(uuid=_uuid(uuid)).first()
    if rol is None:
        raise not_found()
    return rol


def _log_rollen_read(request: HttpRequest, rollen: list[Rol]) -> None:
    # A rol holds personal data (BSN, name): the processing log records whose zaak was read.
    zaken = list({rol.zaak_id: rol.zaak for rol in rollen}.values())
    log_zaak_reads(zaken, Purpose.handling(actor_for(client(request)), operation="rol_read"))


def _serialize_rollen(request: HttpRequest, rollen: list[Rol]) -> list[dict]:
    _log_rollen_read(request, rollen)
    return [serialize_rol(rol) for rol in rollen]


@api.get(
    "/rollen",
    response={200: Page[schemas.Rol], **LIST_ERRORS},
    operation_id="rol_list",
    summary="Alle ROLlen bij ZAAKen opvragen.",
)
def rol_list(request: HttpRequest, filters: Query[RolFilter]) -> HttpResponse:
    from .filters import ROL_IDENTIFICATIONS

    require_scope(request, ZRC, READ)
    _known_params(request, RolFilter)
    rollen = _rollen(request).filter(_visible(request, "zaak__"))
    rollen = _filter_by_url(rollen, "zaak", filters.zaak, "zaken", "zaken", "zaak")
    rollen = _filter_by_url(rollen, "roltype", filters.roltype, "catalogi", "roltypen", "roltype")
    values = filters.model_dump(exclude_none=True)
    for name, value in values.items():
        if name.startswith("betrokkeneIdentificatie__"):
            subject_type, column = ROL_IDENTIFICATIONS[name.removeprefix("betrokkeneIdentificatie__")]
            rollen = rollen.filter(subject_type=subject_type, **{column: value})
    if filters.betrokkene is not None:
        rollen = rollen.filter(betrokkene=filters.betrokkene)
    if filters.betrokkeneType is not None:
        rollen = rollen.filter(subject_type=filters.betrokkeneType)
    if filters.omschrijving is not None:
        rollen = rollen.filter(roltype__omschrijving=filters.omschrijving)
    if filters.omschrijvingGeneriek is not None:
        rollen = rollen.filter(roltype__generic=filters.omschrijvingGeneriek)
    page = paginate(request, rollen.order_by("id"), lambda rows: _serialize_rollen(request, rows))
    return json_response(page)


IDENTIFICATION_SCHEMAS = {
    "natuurlijk_persoon": schemas.RolNatuurlijkPersoon,
    "niet_natuurlijk_persoon": schemas.RolNietNatuurlijkPersoon,
    "vestiging": schemas.RolVestiging,
    "organisatorische_eenheid": schemas.RolOrganisatorischeEenheid,
    "medewerker": schemas.RolMedewerker,
}


def _identification_columns(betrokkene_type: str, identification: dict[str, Any] | None) -> dict[str, Any]:
    """The rol columns that Plus1 searches on (BSN, KvK number, one identifier, a name)."""
    from pydantic import ValidationError as PydanticError

    if identification is None:
        return {"identification": None, "name": ""}
    try:
        parsed = IDENTIFICATION_SCHEMAS[betrokkene_type].model_validate(identification)
    except PydanticError as exc:
        problems = [
            (".".join(["betrokkeneIdentificatie", *(str(p) for p in error["loc"])]), "invalid", error["msg"])
            for error in exc.errors()
        ]
        raise ApiError(400, "invalid", "Niet alle gegevens zijn geldig.", invalid_params=problems) from None
    data = parsed.model_dump()
    columns: dict[str, Any] = {"identification": data}
    if betrokkene_type == "natuurlijk_persoon":
        columns["bsn"] = data.get("inpBsn") or ""
        columns["subject_identifier"] = data.get("anpIdentificatie") or ""
        name = " ".join(
            filter(
                None, [data.get("voornamen"), data.get("voorvoegselGeslachtsnaam"), data.get("geslachtsnaam")]
            )
        )
    elif betrokkene_type == "niet_natuurlijk_persoon":
        columns["subject_identifier"] = data.get("innNnpId") or ""
        name = data.get("statutaireNaam") or ""
    elif betrokkene_type == "vestiging":
        columns["subject_identifier"] = data.get("vestigingsNummer") or ""
        columns["kvk_number"] = data.get("kvkNummer") or ""
        name = " ".join(data.get("handelsnaam") or [])
    elif betrokkene_type == "organisatorische_eenheid":
        columns["subject_identifier"] = data.get("identificatie") or ""
        name = data.get("naam") or ""
    else:
        columns["subject_identifier"] = data.get("identificatie") or ""
        name = " ".join(
            filter(None, [data.get("voorletters"), data.get("voorvoegselAchternaam"), data.get("achternaam")])
        )
    columns["name"] = name[:200]
    return columns


@api.post(
    "/rollen",
    response={201: schemas.Rol, **WRITE_ERRORS},
    operation_id="rol_create",
    summary="Maak een ROL aan bij een ZAAK.",
)
def rol_create(request: HttpRequest, payload: schemas.RolRequest) -> HttpResponse:
    zaak = _zaak_from_url(request, payload.zaak)
    access = _require(request, zaak, UPDATE, FORCE)
    roltype = _subtype_from_url(request, RolType, "roltypen", payload.roltype, "roltype")
    if not payload.betrokkene and not payload.betrokkeneIdentificatie:
        raise invalid(
            "nonFieldErrors", "invalid-betrokkene", "Geef een betrokkene of een betrokkeneIdentificatie."
        )
    values = {
        "subject_type": payload.betrokkeneType,
        "betrokkene": payload.betrokkene,
        "afwijkende_naam": payload.afwijkendeNaamBetrokkene,
        "roltoelichting": payload.roltoelichting,
        "indicatie_machtiging": payload.indicatieMachtiging,
        "contactpersoon": payload.contactpersoonRol.model_dump() if payload.contactpersoonRol else None,
        **_identification_columns(payload.betrokkeneType, payload.betrokkeneIdentificatie),
    }
    if payload.contactpersoonRol and payload.contactpersoonRol.emailadres:
        values["email"] = payload.contactpersoonRol.emailadres
    rol = registration.add_rol(
        zaak=zaak,
        roltype=roltype,
        values=values,
        actor=actor_for(access),
        may_change_closed=_may(access, zaak, FORCE),
    )
    return created(serialize_rol(_get_rol(request, str(rol.uuid))))


def _rol_detail(request: HttpRequest, uuid: str) -> HttpResponse:
    rol = _get_rol(request, uuid)
    _require(request, rol.zaak, READ)
    return detail_response(request, _serialize_rollen(request, [rol])[0])


@api.get(
    "/rollen/{uuid}",
    response={200: schemas.Rol, **READ_ERRORS},
    operation_id="rol_retrieve",
    summary="Een specifieke ROL bij een ZAAK opvragen.",
)
def rol_retrieve(request: HttpRequest, uuid: str) -> HttpResponse:
    return _rol_detail(request, uuid)


@api.api_operation(
    ["HEAD"],
    "/rollen/{uuid}",
    response={200: None},
    operation_id="rol_headers",
    summary="De headers voor een specifiek(e) ROL opvragen",
)
def rol_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    return _rol_detail(request, uuid)


@api.delete(
    "/rollen/{uuid}",
    response={204: None, **READ_ERRORS},
    operation_id="rol_destroy",
    summary="Verwijder een ROL van een ZAAK.",
)
def rol_destroy(request: HttpRequest, uuid: str) -> HttpResponse:
    rol = _get_rol(request, uuid)
    access = _require(request, rol.zaak, UPDATE, FORCE)
    registration.delete_rol(rol=rol, actor=actor_for(access), may_change_closed=_may(access, rol.zaak, FORCE))
    return no_content()


# --- zaakeigenschappen ------------------------------------------------------------------------


def _zaakeigenschappen(zaak: Zaak) -> QuerySet[ZaakEigenschap]:
    return ZaakEigenschap.objects.filter(zaak=zaak).select_related("zaak", "eigenschap").order_by("id")


def _get_zaakeigenschap(request: HttpRequest, zaak_uuid: str, uuid: str, *scopes: str):
    zaak = _get_zaak(request, zaak_uuid)
    access = _require(request, zaak, *scopes)
    item = _zaakeigenschappen(zaak).filter(uuid=_uuid(uuid)).first()
    if item is None:
        raise not_found()
    return zaak, item, access


@api.get(
    "/zaken/{zaak_uuid}/zaakeigenschappen",
    response={200: list[schemas.ZaakEigenschap], **LIST_ERRORS},
    operation_id="zaakeigenschap_list",
    summary="Alle ZAAKEIGENSCHAPpen opvragen.",
)
def zaakeigenschap_list(request: HttpRequest, zaak_uuid: str) -> HttpResponse:
    reject_unknown_params(request, set())
    zaak = _get_zaak(request, zaak_uuid)
    _require(request, zaak, READ)
    return json_response([serialize_zaakeigenschap(item) for item in _zaakeigenschappen(zaak)])


@api.post(
    "/zaken/{zaak_uuid}/zaakeigenschappen",
    response={201: schemas.ZaakEigenschap, **WRITE_ERRORS},
    operation_id="zaakeigenschap_create",
    summary="Maak een ZAAKEIGENSCHAP aan.",
)
def zaakeigenschap_create(
    request: HttpRequest, zaak_uuid: str, payload: schemas.ZaakEigenschapRequest
) -> HttpResponse:
    zaak = _get_zaak(request, zaak_uuid)
    access = _require(request, zaak, UPDATE, FORCE)
    if _zaak_from_url(request, payload.zaak).pk != zaak.pk:
        raise invalid("zaak", "invalid", "Deze zaak is niet de zaak in het pad.")
    eigenschap = _subtype_from_url(request, Eigenschap, "eigenschappen", payload.eigenschap, "eigenschap")
    item = registration.set_zaakeigenschap(
        zaak=zaak,
        eigenschap=eigenschap,
        value=payload.waarde,
        actor=actor_for(access),
        may_change_closed=_may(access, zaak, FORCE),
    )
    return created(serialize_zaakeigenschap(_zaakeigenschappen(zaak).get(pk=item.pk)))


def _zaakeigenschap_detail(request: HttpRequest, zaak_uuid: str, uuid: str) -> HttpResponse:
    _zaak, item, _access = _get_zaakeigenschap(request, zaak_uuid, uuid, READ)
    return detail_response(request, serialize_zaakeigenschap(item))


@api.get(
    "/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}",
    response={200: schemas.ZaakEigenschap, **READ_ERRORS},
    operation_id="zaakeigenschap_retrieve",
    summary="Een specifieke ZAAKEIGENSCHAP opvragen.",
)
def zaakeigenschap_retrieve(request: HttpRequest, zaak_uuid: str, uuid: str) -> HttpResponse:
    return _zaakeigenschap_detail(request, zaak_uuid, uuid)


@api.api_operation(
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
    if data.get("zaak") and _zaak_from_url(request, data["zaak"]).pk != zaak.pk:
        raise invalid(
            "zaak", "wijzigen-niet-toegelaten", "De zaak van een zaakeigenschap kan niet veranderen."
        )
    eigenschap = (
        _subtype_from_url(request, Eigenschap, "eigenschappen", data["eigenschap"], "eigenschap")
        if data.get("eigenschap")
        else item.eigenschap
    )
    registration.set_zaakeigenschap(
        zaak=zaak,
        eigenschap=eigenschap,
        value=data["waarde"] if data.get("waarde") is not None else item.value,
        actor=actor_for(access),
        may_change_closed=_may(access, zaak, FORCE),
        zaakeigenschap=item,
        zgw_actie=actie,
    )
    return json_response(serialize_zaakeigenschap(_zaakeigenschappen(zaak).get(pk=item.pk)))


@api.put(
    "/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}",
    response={200: schemas.ZaakEigenschap, **WRITE_ERRORS},
    operation_id="zaakeigenschap_update",
    summary="Werk een ZAAKEIGENSCHAP in zijn geheel bij.",
)
def zaakeigenschap_update(
    request: HttpRequest, zaak_uuid: str, uuid: str, payload: schemas.ZaakEigenschapRequest
) -> HttpResponse:
    return _zaakeigenschap_update(request, zaak_uuid, uuid, payload.model_dump(), "update")


@api.patch(
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


@api.delete(
    "/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}",
    response={204: None, **READ_ERRORS},
    operation_id="zaakeigenschap_destroy",
    summary="Verwijder een ZAAKEIGENSCHAP.",
)
def zaakeigenschap_destroy(request: HttpRequest, zaak_uuid: str, uuid: str) -> HttpResponse:
    zaak, item, access = _get_zaakeigenschap(request, zaak_uuid, uuid, UPDATE, FORCE)
    registration.delete_zaakeigenschap(
        zaakeigenschap=item, actor=actor_for(access), may_change_closed=_may(access, zaak, FORCE)
    )
    return no_content()


# --- zaakobjecten -----------------------------------------------------------------------------


class ZaakObjectFilter(schemas.Schema):
    zaak: str | None = None
    object: str | None = None
    objectType: schemas.ObjectType | None = None
    page: int | None = None


def _zaakobjecten(request: HttpRequest) -> QuerySet[ZaakObject]:
    return ZaakObject.objects.filter(zaak__tenant=request.tenant).select_related("zaak__zaaktype")


def _get_zaakobject(request: HttpRequest, uuid: str) -> ZaakObject:
    item = _zaakobjecten(request).filter(uuid=_uuid(uuid)).first()
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


@api.get(
    "/zaakobjecten",
    response={200: Page[schemas.ZaakObject], **LIST_ERRORS},
    operation_id="zaakobject_list",
    summary="Alle ZAAKOBJECTen opvragen.",
)
def zaakobject_list(request: HttpRequest, filters: Query[ZaakObjectFilter]) -> HttpResponse:
    require_scope(request, ZRC, READ)
    _known_params(request, ZaakObjectFilter)
    items = _zaakobjecten(request).filter(_visible(request, "zaak__"))
    items = _filter_by_url(items, "zaak", filters.zaak, "zaken", "zaken", "zaak")
    if filters.object is not None:
        items = items.filter(object=filters.object)
    if filters.objectType is not None:
        items = items.filter(object_type=filters.objectType)
    return json_response(
        paginate(request, items.order_by("id"), lambda rows: [serialize_zaakobject(i) for i in rows])
    )


@api.post(
    "/zaakobjecten",
    response={201: schemas.ZaakObject, **WRITE_ERRORS},
    operation_id="zaakobject_create",
    summary="Maak een ZAAKOBJECT aan.",
)
def zaakobject_create(request: HttpRequest, payload: schemas.ZaakObjectRequest) -> HttpResponse:
    zaak = _zaak_from_url(request, payload.zaak)
    access = _require(request, zaak, CREATE, UPDATE, FORCE)
    item = registration.set_zaakobject(
        zaak=zaak,
        values=_zaakobject_values(payload.model_dump()),
        actor=actor_for(access),
        may_change_closed=_may(access, zaak, FORCE),
    )
    return created(serialize_zaakobject(_get_zaakobject(request, str(item.uuid))))


def _zaakobject_detail(request: HttpRequest, uuid: str) -> HttpResponse:
    item = _get_zaakobject(request, uuid)
    _require(request, item.zaak, READ)
    return detail_response(request, serialize_zaakobject(item))


@api.get(
    "/zaakobjecten/{uuid}",
    response={200: schemas.ZaakObject, **READ_ERRORS},
    operation_id="zaakobject_retrieve",
    summary="Een specifiek ZAAKOBJECT opvragen.",
)
def zaakobject_retrieve(request: HttpRequest, uuid: str) -> HttpResponse:
    return _zaakobject_detail(request, uuid)


@api.api_operation(
    ["HEAD"],
    "/zaakobjecten/{uuid}",
    response={200: None},
    operation_id="zaakobject_headers",
    summary="De headers voor een specifiek(e) ZAAKOBJECT opvragen",
)
def zaakobject_headers(request: HttpRequest, uuid: str) -> HttpResponse:
    return _zaakobject_detail(request, uuid)


def _zaakobject_update(request: HttpRequest, uuid: str, data: dict[str, Any], actie: str) -> HttpResponse:
    item = _get_zaakobject(request, uuid)
    access = _require(request, item.zaak, UPDATE, FORCE)
    if data.get("zaak") and _zaak_from_url(request, data["zaak"]).pk != item.zaak_id:
        raise invalid("zaak", "wijzigen-niet-toegelaten", "De zaak van een zaakobject kan niet veranderen.")
    data.pop("zaak", None)
    registration.set_zaakobject(
        zaak=item.zaak,
        values=_zaakobject_values(data),
        actor=actor_for(access),
        may_change_closed=_may(access, item.zaak, FORCE),
        zaakobject=item,
        zgw_actie=actie,
    )
    return json_response(serialize_zaakobject(_get_zaakobject(request, uuid)))


@api.put(
    "/zaakobjecten/{uuid}",
    response={200: schemas.ZaakObject, **WRITE_ERRORS},
    operation_id="zaakobject_update",
    summary="Werk een ZAAKOBJECT zijn geheel bij.",
)
def zaakobject_update(request: HttpRequest, uuid: str, payload: schemas.ZaakObjectRequest) -> HttpResponse:
    return _zaakobject_update(request, uuid, payload.model_dump(), "update")


@api.patch(
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


@api.delete(
    "/zaakobjecten/{uuid}",
    response={204: None, **READ_ERRORS},
    operation_id="zaakobject_destroy",
    summary="Verwijder een ZAAKOBJECT.",
)
def zaakobject_destroy(request: HttpRequest, uuid: str) -> HttpResponse:
    item = _get_zaakobject(request, uuid)
    access = _require(request, item.zaak, UPDATE, FORCE, DELETE)
    registration.delete_zaakobject(
        zaakobject=item, actor=actor_for(access), may_change_closed=_may(access, item.zaak, FORCE)
    )
    return no_content()


# --- zaakbesluiten and audittrail -------------------------------------------------------------


@api.get(
    "/zaken/{zaak_uuid}/besluiten",
    response={200: list[schemas.ZaakBesluit], **LIST_ERRORS},
    operation_id="zaakbesluit_list",
    summary="Alle ZAAKBESLUITen opvragen.",
)
def zaakbesluit_list(request: HttpRequest, zaak_uuid: str) -> HttpResponse:
    reject_unknown_params(request, set())
    zaak = _get_zaak(request, zaak_uuid)
    _require(request, zaak, READ)
    besluiten = Besluit.objects.filter(tenant=request.tenant, zaak=zaak).only("uuid").order_by("id")
    return json_response([serialize_zaakbesluit(zaak, besluit) for besluit in besluiten])


@api.get(
    "/zaken/{zaak_uuid}/besluiten/{uuid}",
    response={200: schemas.ZaakBesluit, **READ_ERRORS},
    operation_id="zaakbesluit_retrieve",
    summary="Een specifiek ZAAKBESLUIT opvragen.",
)
def zaakbesluit_retrieve(request: HttpRequest, zaak_uuid: str, uuid: str) -> HttpResponse:
    zaak = _get_zaak(request, zaak_uuid)
    _require(request, zaak, READ)
    besluit = Besluit.objects.filter(tenant=request.tenant, zaak=zaak, uuid=_uuid(uuid)).only("uuid").first()
    if besluit is None:
        raise not_found()
    return detail_response(request, serialize_zaakbesluit(zaak, besluit))


def _zaak_for_audit(request: HttpRequest, zaak_uuid: str) -> Zaak:
    zaak = _get_zaak(request, zaak_uuid)
    _require(request, zaak, AUDIT)
    return zaak


@api.get(
    "/zaken/{zaak_uuid}/audittrail",
    response={200: list[schemas.AuditTrail], **LIST_ERRORS},
    operation_id="audittrail_list",
    summary="Alle audit trail regels behorend bij de ZAAK.",
)
def audittrail_list(request: HttpRequest, zaak_uuid: str) -> HttpResponse:
    zaak = _zaak_for_audit(request, zaak_uuid)
    return json_response(audittrail.audittrail(zaak, hoofd_object_url=zaak_url(zaak.uuid), bron=ZRC))


@api.get(
    "/zaken/{zaak_uuid}/audittrail/{uuid}",
    response={200: schemas.AuditTrail, **READ_ERRORS},
    operation_id="audittrail_retrieve",
    summary="Een specifieke audit trail regel opvragen.",
)
def audittrail_retrieve(request: HttpRequest, zaak_uuid: str, uuid: str) -> HttpResponse:
    zaak = _zaak_for_audit(request, zaak_uuid)
    entry = audittrail.audittrail_entry(zaak, _uuid(uuid), hoofd_object_url=zaak_url(zaak.uuid), bron=ZRC)
    return detail_response(request, entry)


from .zaakinformatieobjecten import router as zio_router  # noqa: E402

api.add_router("", zio_router)

from .klantcontacten import router as klantcontact_router  # noqa: E402
from .zaakcontactmomenten import router as zaakcontactmoment_router  # noqa: E402
from .zaaknotities import router as zaaknotitie_router  # noqa: E402
from .zaakverzoeken import router as zaakverzoek_router  # noqa: E402

api.add_router("", klantcontact_router)
api.add_router("", zaakcontactmoment_router)
api.add_router("", zaakverzoek_router)
api.add_router("", zaaknotitie_router)
