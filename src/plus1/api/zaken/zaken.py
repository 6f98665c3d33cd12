"""Zaken: list, ``_zoek``, create, read (with ``expand``), change and delete; reserved numbers,
and the zaak's audittrail (its besluiten: ``zaakbesluiten``).

The list and the detail answer from ``readcache`` when nothing of the gemeente changed.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router

from plus1.cases import counts
from plus1.cases.models import Zaak
from plus1.cases.services import links, registration
from plus1.cases.services.organisations import check_registering_organisation
from plus1.core import zgw
from plus1.core.prefetch import mark_empty, mark_no_related_object

from ..common import audittrail, readcache
from ..common.auth import actor_for, require_for_object, require_scope
from ..common.errors import ApiError, invalid
from ..common.http import check_crs, created, detail_response, json_response, no_content
from ..common.pagination import paginate
from ..common.params import reject_unknown_params
from ..common.schemas import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Page
from . import expand, fields, geometry, schemas, zaakbesluiten
from .filters import is_counted, ordering, zaak_filter_q
from .reading import (
    AUDIT,
    CREATE,
    CRS_HEADERS,
    DELETE,
    FORCE,
    READ,
    UPDATE,
    ZRC,
    get_zaak,
    known_params,
    may,
    parse_uuid,
    require,
    visible,
    zaak_from_url,
    zaaktype_from_url,
    zaken,
)
from .serializers import (
    PARTS,
    attach_parts,
    serialize_zaak,
    zaak_queryset,
    zaak_url,
)

router = Router()

audittrail.register("cases.zaak", "zaken", "zaken", "zaak")


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
            zaak_from_url(request, data["hoofdzaak"], "hoofdzaak") if data["hoofdzaak"] else None
        )
    if "relevanteAndereZaken" in data:
        # Stored as the back office's links (cases.services.links), so both channels see them.
        values["relevante_andere_zaken"] = [
            _related_zaak(request, relation, f"relevanteAndereZaken.{index}.url")
            for index, relation in enumerate(data["relevanteAndereZaken"] or [])
        ]
    if values.get("suspended_on") is True and zaak is None:
        from plus1.core import clock

        values["suspended_on"] = clock.today()
    elif values.get("suspended_on") is False:
        values["suspended_on"] = None
    return values


def _related_zaak(request: HttpRequest, relation: dict[str, Any], name: str) -> links.RelatedZaak:
    """zrc-011: a zaak of Plus1 must exist (in this gemeente); the zaak of another organisation's
    Zaken API is kept as given: Plus1 does not fetch URLs a client chose (docs/zgw-deviations.md)."""
    if zgw.uuid_from_url(relation["url"], "zaken", "zaken") is None:
        return links.RelatedZaak(url=relation["url"], relation=relation["aardRelatie"])
    return links.RelatedZaak(
        other=zaak_from_url(request, relation["url"], name), relation=relation["aardRelatie"]
    )


def _zaak_response(request: HttpRequest, zaak: Zaak) -> HttpResponse:
    data = serialize_zaak(get_zaak(request, str(zaak.uuid), for_serializing=True))
    return json_response(data, headers=CRS_HEADERS)


def _serialize_zaken(request: HttpRequest, rows: list[Zaak], names: expand.Tree) -> list[dict]:
    attach_parts(rows)
    data = [serialize_zaak(zaak) for zaak in rows]
    expand.expand(request, "zaak", data, names)
    return data


def _within(zaken: QuerySet[Zaak], value: Any) -> list[int]:
    """The zaken whose zaakgeometrie lies in the area ``value``: candidates from the bounding box
    in SQL, each checked exactly (``geometry``)."""
    try:
        area = geometry.parse_area(value)
    except geometry.InvalidArea as exc:
        raise invalid("zaakgeometrie.within", "invalid", str(exc)) from None
    rows = zaken.filter(geometry.candidates_q(area)).values_list("pk", "zaakgeometrie")
    return [pk for pk, shape in rows.iterator() if geometry.is_within(shape, area)]


def _zaak_list(request: HttpRequest, filters: dict[str, Any]) -> HttpResponse:
    # ``fields`` (only in ``_zoek``) expands what it selects inside.
    selection = fields.parse(filters.get("fields"), expand=filters.get("expand"))
    names = selection.tree() if selection else expand.parse(filters.get("expand"))
    condition = visible(request) & zaak_filter_q(filters)
    found = zaken(request).filter(condition)
    if filters.get("zaakgeometrie", {}).get("within") is not None:
        within = _within(found, filters["zaakgeometrie"]["within"])
        found = found.filter(pk__in=within)
    found = found.order_by(*ordering(filters.get("ordering")))
    locate = None
    if is_counted(filters) and counts.is_kept():
        # Only zaaktype and vertrouwelijkheid, newest first: the kept counts find the page.
        tenant_id = request.tenant.pk
        locate = lambda queryset, offset, size: counts.locate(  # noqa: E731
            queryset, tenant_id, condition, offset, size
        )
    page = paginate(
        request,
        found,
        lambda rows: fields.narrowed(_serialize_zaken(request, rows, names), selection),
        prepare=zaak_queryset,
        count_with=lambda queryset: readcache.count(request, queryset),
        locate=locate,
    )
    return json_response(page, headers=CRS_HEADERS)


@router.get(
    "/zaken",
    response={200: Page[schemas.ZaakExpanded], 412: Any, **LIST_ERRORS},
    operation_id="zaak_list",
    summary="Alle ZAAKen opvragen.",
    by_alias=True,
)
def zaak_list(request: HttpRequest, filters: Query[schemas.ZaakFilter]) -> HttpResponse:
    check_crs(request)
    require_scope(request, ZRC, READ)
    known_params(request, schemas.ZaakFilter)
    return readcache.cached(request, lambda: _zaak_list(request, filters.model_dump(exclude_none=True)))


@router.post(
    "/zaken/_zoek",
    response={200: Page[schemas.ZaakExpanded], 412: Any, **LIST_ERRORS},
    operation_id="zaak__zoek",
    summary="Voer een (geo)-zoekopdracht uit op ZAAKen.",
    by_alias=True,
)
def zaak_zoek(
    request: HttpRequest, payload: schemas.ZaakZoek, page: int | None = None, expand: str | None = None
) -> HttpResponse:
    check_crs(request, content=True)
    require_scope(request, ZRC, READ)
    reject_unknown_params(request, {"page", "expand"})
    filters = payload.model_dump(exclude_none=True)
    if expand:
        # The standard puts ``expand`` in the query; a body's ``expand`` is read too.
        filters["expand"] = expand
    return _zaak_list(request, filters)


@router.post(
    "/zaken",
    response={201: schemas.Zaak, 412: Any, **WRITE_ERRORS},
    operation_id="zaak_create",
    summary="Maak een ZAAK aan.",
)
def zaak_create(request: HttpRequest, payload: schemas.ZaakRequest) -> HttpResponse:
    check_crs(request, content=True)
    require_scope(request, ZRC, CREATE)
    zaaktype = zaaktype_from_url(request, payload.zaaktype)
    data = payload.model_dump(exclude={"zaaktype"})
    # zrc-009: the zaaktype's confidentiality when the client gives none; checked before writing.
    confidentiality = data.get("vertrouwelijkheidaanduiding") or zaaktype.confidentiality
    access = require_for_object(request, ZRC, CREATE, type_id=zaaktype.pk, confidentiality=confidentiality)
    zaak = registration.register_zaak(
        tenant=request.tenant, zaaktype=zaaktype, values=_zaak_values(request, data), actor=actor_for(access)
    )
    # A new zaak has no parts yet: render it as it is, without reading it back (the
    # registration keeps its relevanteAndereZaken on it).
    mark_empty(zaak, "rollen", "eigenschappen", "deelzaken")
    zaak.part_uuids = {name: [] for name in PARTS}
    mark_no_related_object(zaak, "resultaat")
    return created(serialize_zaak(zaak), headers=CRS_HEADERS)


def _zaak_detail(request: HttpRequest, uuid: str, expand_value: str | None = None) -> HttpResponse:
    check_crs(request)
    names = expand.parse(expand_value)

    def build() -> HttpResponse:
        zaak = get_zaak(request, uuid, for_serializing=True)
        require(request, zaak, READ)
        return detail_response(request, _serialize_zaken(request, [zaak], names)[0], headers=CRS_HEADERS)

    # Kept only after the autorisatie check passed, under a key with the same autorisaties.
    return readcache.cached(request, build)


@router.get(
    "/zaken/{uuid}",
    response={200: schemas.ZaakExpanded, 412: Any, **READ_ERRORS},
    operation_id="zaak_retrieve",
    summary="Een specifieke ZAAK opvragen.",
    by_alias=True,
)
def zaak_retrieve(request: HttpRequest, uuid: str, expand: str | None = None) -> HttpResponse:
    reject_unknown_params(request, {"expand"})
    return _zaak_detail(request, uuid, expand)


@router.api_operation(
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
    zaak = get_zaak(request, uuid)
    access = require(request, zaak, UPDATE, FORCE)
    if data.get("zaaktype") and zaaktype_from_url(request, data["zaaktype"]).pk != zaak.zaaktype_id:
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
        may_change_closed=may(access, zaak, FORCE),
        zgw_actie=actie,
    )
    return _zaak_response(request, zaak)


@router.put(
    "/zaken/{uuid}",
    response={200: schemas.Zaak, 412: Any, **WRITE_ERRORS},
    operation_id="zaak_update",
    summary="Werk een ZAAK in zijn geheel bij.",
)
def zaak_update(request: HttpRequest, uuid: str, payload: schemas.ZaakRequest) -> HttpResponse:
    return _zaak_update(request, uuid, payload.model_dump(), "update")


@router.patch(
    "/zaken/{uuid}",
    response={200: schemas.Zaak, 412: Any, **WRITE_ERRORS},
    operation_id="zaak_partial_update",
    summary="Werk een ZAAK deels bij.",
)
def zaak_partial_update(request: HttpRequest, uuid: str, payload: schemas.PatchedZaakRequest) -> HttpResponse:
    data = payload.model_dump(include=payload.model_fields_set)
    return _zaak_update(request, uuid, data, "partial_update")


@router.delete(
    "/zaken/{uuid}",
    response={204: None, **READ_ERRORS},
    operation_id="zaak_destroy",
    summary="Verwijder een ZAAK.",
)
def zaak_destroy(request: HttpRequest, uuid: str) -> HttpResponse:
    zaak = get_zaak(request, uuid)
    access = require(request, zaak, DELETE)
    registration.delete_zaak(zaak=zaak, actor=actor_for(access))
    return no_content()


@router.post(
    "/zaaknummer_reserveren",
    response={201: schemas.ReserveZaakIdentificatie | list[schemas.ReserveZaakIdentificatie], **WRITE_ERRORS},
    operation_id="zaaknummer_reserveren",
    summary="Reserveer een zaaknummer",
)
def zaaknummer_reserveren(
    request: HttpRequest, payload: schemas.ReserveZaakIdentificatieRequest
) -> HttpResponse:
    require_scope(request, ZRC, CREATE)
    # The same rule as for a new zaak: the gemeente's own RSIN or one it holds a mandate for.
    check_registering_organisation(
        request.tenant, payload.bronorganisatie, field="bronorganisatie", what="zaken"
    )
    numbers = registration.reserve_case_numbers(tenant=request.tenant, count=payload.aantal)
    data = [{"zaaknummer": number} for number in numbers]
    return json_response(data[0] if payload.aantal == 1 else data, status=201)


def _zaak_for_audit(request: HttpRequest, zaak_uuid: str) -> Zaak:
    zaak = get_zaak(request, zaak_uuid)
    require(request, zaak, AUDIT)
    return zaak


@router.get(
    "/zaken/{zaak_uuid}/audittrail",
    response={200: list[schemas.AuditTrail], **LIST_ERRORS},
    operation_id="audittrail_list",
    summary="Alle audit trail regels behorend bij de ZAAK.",
)
def audittrail_list(request: HttpRequest, zaak_uuid: str) -> HttpResponse:
    zaak = _zaak_for_audit(request, zaak_uuid)
    rows = audittrail.audittrail(zaak, hoofd_object_url=zaak_url(zaak.uuid), bron=ZRC)
    return json_response(zaakbesluiten.in_audittrail(zaak, rows))


@router.get(
    "/zaken/{zaak_uuid}/audittrail/{uuid}",
    response={200: schemas.AuditTrail, **READ_ERRORS},
    operation_id="audittrail_retrieve",
    summary="Een specifieke audit trail regel opvragen.",
)
def audittrail_retrieve(request: HttpRequest, zaak_uuid: str, uuid: str) -> HttpResponse:
    zaak = _zaak_for_audit(request, zaak_uuid)
    entry = audittrail.audittrail_entry(
        zaak, parse_uuid(uuid), hoofd_object_url=zaak_url(zaak.uuid), bron=ZRC
    )
    return detail_response(request, zaakbesluiten.in_audittrail(zaak, [entry])[0])
