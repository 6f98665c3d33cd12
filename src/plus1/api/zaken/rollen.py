"""Rollen: who plays which part in a zaak. A rol holds personal data: every read is logged."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router

from plus1.cases.models import Rol
from plus1.cases.services import registration
from plus1.catalog.models import RolType

from ..common import audittrail
from ..common.auth import actor_for, require_scope
from ..common.errors import ApiError, invalid
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
    get_one,
    known_params,
    log_rollen_read,
    may,
    part_detail,
    require,
    subtype_from_url,
    visible,
    zaak_from_url,
)
from .serializers import serialize_rol

router = Router()

audittrail.register("cases.rol", "zaken", "rollen", "rol")


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
    return get_one(_rollen(request), uuid)


def _serialize_rollen(request: HttpRequest, rollen: list[Rol], expand: str | None = None) -> list[dict]:
    log_rollen_read(request, rollen)
    return with_expand(request, "rol", [serialize_rol(rol) for rol in rollen], expand)


@router.get(
    "/rollen",
    response={200: Page[schemas.RolExpanded], **LIST_ERRORS},
    operation_id="rol_list",
    summary="Alle ROLlen bij ZAAKen opvragen.",
    by_alias=True,
)
def rol_list(request: HttpRequest, filters: Query[RolFilter]) -> HttpResponse:
    from .filters import ROL_IDENTIFICATIONS

    require_scope(request, ZRC, READ)
    known_params(request, RolFilter)
    rollen = _rollen(request).filter(visible(request, "zaak__"))
    rollen = filter_by_url(rollen, "zaak", filters.zaak, "zaken", "zaken", "zaak")
    rollen = filter_by_url(rollen, "roltype", filters.roltype, "catalogi", "roltypen", "roltype")
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
    page = paginate(
        request, rollen.order_by("id"), lambda rows: _serialize_rollen(request, rows, filters.expand)
    )
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


@router.post(
    "/rollen",
    response={201: schemas.Rol, **WRITE_ERRORS},
    operation_id="rol_create",
    summary="Maak een ROL aan bij een ZAAK.",
)
def rol_create(request: HttpRequest, payload: schemas.RolRequest) -> HttpResponse:
    zaak = zaak_from_url(request, payload.zaak)
    access = require(request, zaak, UPDATE, FORCE)
    roltype = subtype_from_url(request, RolType, "roltypen", payload.roltype, "roltype")
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
        may_change_closed=may(access, zaak, FORCE),
    )
    return created(serialize_rol(_get_rol(request, str(rol.uuid))))


def _rol_detail(request: HttpRequest, uuid: str, expand: str | None) -> HttpResponse:
    return part_detail(request, _rollen(request), uuid, lambda rows: _serialize_rollen(request, rows, expand))


add_part_read_operations(
    router,
    collection="rollen",
    name="rol",
    schema=schemas.RolExpanded,
    summary="Een specifieke ROL bij een ZAAK opvragen.",
    label="ROL",
    read=_rol_detail,
)


@router.delete(
    "/rollen/{uuid}",
    response={204: None, **READ_ERRORS},
    operation_id="rol_destroy",
    summary="Verwijder een ROL van een ZAAK.",
)
def rol_destroy(request: HttpRequest, uuid: str) -> HttpResponse:
    rol = _get_rol(request, uuid)
    access = require(request, rol.zaak, UPDATE, FORCE)
    registration.delete_rol(rol=rol, actor=actor_for(access), may_change_closed=may(access, rol.zaak, FORCE))
    return no_content()
