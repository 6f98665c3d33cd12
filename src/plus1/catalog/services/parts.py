"""The Catalogi API's writes to the parts of a zaaktype, with the ztc rules.

Statustypen, roltypen, zaakobjecttypen, resultaattypen, eigenschappen and the links to
informatieobjecttypen have no publication of their own: they are fixed once their zaaktype is
published, and a correction (``forced``) may then only add (ztc-010). That shared rule, and
that they notify nobody, is why they live apart from the types in ``types``."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max

from plus1.audit.services import Actor, record_change
from plus1.core.exceptions import FieldProblem

from ..models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    RolType,
    SelectielijstResultaat,
    StatusType,
    ZaakObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from .types import _full_clean


def _part_zaaktype(zaaktype: ZaakType, *, forced: bool) -> ZaakType:
    zaaktype = ZaakType.objects.select_for_update().get(pk=zaaktype.pk)
    if zaaktype.is_published and not forced:
        # ztc-010: the parts of a published zaaktype are fixed, except additions by a correction.
        raise FieldProblem.single(
            "zaaktype", "non-concept-zaaktype", "Het zaaktype is gepubliceerd; de onderdelen liggen vast."
        )
    return zaaktype


def _check_same_zaaktype(zaaktype: ZaakType, name: str, parts: list[Any]) -> None:
    """A statustype and the eigenschappen it needs belong to one zaaktype."""
    if any(part.zaaktype_id != zaaktype.pk for part in parts):
        raise FieldProblem.single(
            name, "relations-incorrect-zaaktype", "Dit onderdeel hoort bij een ander zaaktype."
        )


@transaction.atomic
def create_statustype(
    *,
    zaaktype: ZaakType,
    actor: Actor,
    forced: bool = False,
    eigenschappen: list[Eigenschap] = (),
    **values: Any,
) -> StatusType:
    """Add a statustype to a concept zaaktype (ztc-010; a correction with ``forced`` may add).

    ``eigenschappen`` of the same zaaktype need a value before a zaak reaches this status.
    """
    zaaktype = _part_zaaktype(zaaktype, forced=forced)
    _check_same_zaaktype(zaaktype, "eigenschappen", list(eigenschappen))
    statustype = StatusType(zaaktype=zaaktype, **values)
    _full_clean(statustype)
    statustype.save()
    statustype.required_eigenschappen.set(eigenschappen)
    record_change(
        tenant=zaaktype.tenant,
        actor=actor,
        action="create_statustype",
        obj=statustype,
        after={**values, "eigenschappen": [str(e.uuid) for e in eigenschappen]},
    )
    return statustype


@transaction.atomic
def change_statustype(
    *,
    statustype: StatusType,
    actor: Actor,
    forced: bool = False,
    eigenschappen: list[Eigenschap] | None = None,
    **changes: Any,
) -> StatusType:
    """Change a statustype of a concept zaaktype (ztc-010), with the eigenschappen it needs."""
    relations = {}
    if eigenschappen is not None:
        _check_same_zaaktype(statustype.zaaktype, "eigenschappen", eigenschappen)
        relations["required_eigenschappen"] = eigenschappen
    return change_zaaktype_part(part=statustype, actor=actor, forced=forced, relations=relations, **changes)


@transaction.atomic
def create_roltype(
    *,
    zaaktype: ZaakType,
    actor: Actor,
    forced: bool = False,
    catalogus: Catalogus | None = None,
    **values: Any,
) -> RolType:
    """Add a roltype to a concept zaaktype (ztc-010; a correction with ``forced`` may add).

    A catalogus sent (deprecated in Catalogi 1.3) must be the zaaktype's own (ztc-013).
    """
    zaaktype = _part_zaaktype(zaaktype, forced=forced)
    if catalogus is not None:
        _check_same_catalogus(zaaktype, catalogus)
    roltype = RolType(zaaktype=zaaktype, **values)
    _full_clean(roltype)
    roltype.save()
    record_change(tenant=zaaktype.tenant, actor=actor, action="create_roltype", obj=roltype, after=values)
    return roltype


@transaction.atomic
def create_zaakobjecttype(
    *, zaaktype: ZaakType, catalogus: Catalogus, actor: Actor, forced: bool = False, **values: Any
) -> ZaakObjectType:
    """Add a zaakobjecttype to a concept zaaktype (ztc-010; a correction with ``forced`` may add).

    The catalogus the body names must be the zaaktype's own (ztc-013).
    """
    zaaktype = _part_zaaktype(zaaktype, forced=forced)
    _check_same_catalogus(zaaktype, catalogus)
    zaakobjecttype = ZaakObjectType(zaaktype=zaaktype, **values)
    _full_clean(zaakobjecttype)
    zaakobjecttype.save()
    record_change(
        tenant=zaaktype.tenant, actor=actor, action="create_zaakobjecttype", obj=zaakobjecttype, after=values
    )
    return zaakobjecttype


@transaction.atomic
def change_zaakobjecttype(
    *,
    zaakobjecttype: ZaakObjectType,
    catalogus: Catalogus | None,
    actor: Actor,
    forced: bool = False,
    **changes: Any,
) -> ZaakObjectType:
    """Change a zaakobjecttype of a concept zaaktype (ztc-010); a catalogus sent must be its own (ztc-013)."""
    if catalogus is not None:
        _check_same_catalogus(zaakobjecttype.zaaktype, catalogus)
    return change_zaaktype_part(part=zaakobjecttype, actor=actor, forced=forced, **changes)


@transaction.atomic
def change_roltype(
    *,
    roltype: RolType,
    actor: Actor,
    forced: bool = False,
    catalogus: Catalogus | None = None,
    **changes: Any,
) -> RolType:
    """Change a roltype of a concept zaaktype (ztc-010); a catalogus sent must be its own (ztc-013)."""
    if catalogus is not None:
        _check_same_catalogus(roltype.zaaktype, catalogus)
    return change_zaaktype_part(part=roltype, actor=actor, forced=forced, **changes)


def _check_same_catalogus(zaaktype: ZaakType, catalogus: Catalogus) -> None:
    if catalogus.pk != zaaktype.process.catalogus_id:
        raise FieldProblem.single(
            "catalogus", "relations-incorrect-catalogus", "De catalogus moet die van het zaaktype zijn."
        )


@transaction.atomic
def delete_zaaktype_part(*, part: Any, actor: Actor, forced: bool = False) -> None:
    """Remove a part (statustype, roltype, resultaattype, eigenschap, zaakobjecttype, document link).

    ZGW ztc-010: the parts of a published zaaktype are fixed; ``forced`` is a correction.
    """
    zaaktype = _part_zaaktype(part.zaaktype, forced=forced)
    record_change(
        tenant=zaaktype.tenant,
        actor=actor,
        action=f"delete_{part._meta.model_name}",
        obj=part,
        before={"uuid": str(part.uuid), "zaaktype": str(zaaktype.uuid)},
    )
    part.delete()


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _only_adds(before: Any, after: Any) -> bool:
    """Whether a correction turns ``before`` into ``after`` by adding only (ztc-010, Catalogi 1.3)."""
    if isinstance(before, list | set | tuple) and isinstance(after, list | set | tuple):
        return set(map(str, before)) <= set(map(str, after))
    return before == after or _is_empty(before)


def _value_of(part: Any, name: str) -> Any:
    field = part._meta.get_field(name)
    return getattr(part, field.attname)


@transaction.atomic
def change_zaaktype_part(
    *,
    part: Any,
    actor: Actor,
    forced: bool = False,
    relations: dict[str, list[Any]] | None = None,
    check: Any = None,
    **changes: Any,
) -> Any:
    """Change a part (statustype, roltype, resultaattype ...) of a concept zaaktype (ztc-010).

    The parts of a published zaaktype are fixed. A correction (``forced``, the scope
    ``catalogi.geforceerd-schrijven``) may only add: fill in what is empty and add to a list,
    never change or remove what zaken of the published zaaktype already rely on.
    ``relations`` are many-to-many lists to set; ``check(part)`` validates the changed part.
    """
    zaaktype = _part_zaaktype(part.zaaktype, forced=forced)
    part = type(part).objects.select_for_update().get(pk=part.pk)
    relations = relations or {}
    if zaaktype.is_published:
        removed = [
            name
            for name, value in changes.items()
            if not _only_adds(_value_of(part, name), getattr(value, "pk", value))
        ] + [
            name
            for name, objects in relations.items()
            if not _only_adds([obj.pk for obj in getattr(part, name).all()], [obj.pk for obj in objects])
        ]
        if removed:
            raise FieldProblem(
                [
                    (
                        name,
                        "non-concept-zaaktype",
                        "Het zaaktype is gepubliceerd: een correctie mag alleen iets toevoegen, "
                        "niet wijzigen of weghalen.",
                    )
                    for name in removed
                ]
            )
    before = {name: str(getattr(part, name)) for name in changes}
    for name, value in changes.items():
        setattr(part, name, value)
    if check is not None:
        check(part)
    _full_clean(part)
    part.save()
    for name, objects in relations.items():
        getattr(part, name).set(objects)
    record_change(
        tenant=zaaktype.tenant,
        actor=actor,
        action=f"change_{part._meta.model_name}",
        obj=part,
        before=before,
        after={name: str(getattr(part, name)) for name in changes}
        | {name: [str(obj.pk) for obj in objects] for name, objects in relations.items()},
    )
    return part


@transaction.atomic
def link_informatieobjecttype(
    *,
    zaaktype: ZaakType,
    informatieobjecttype: InformatieObjectType,
    actor: Actor,
    forced: bool = False,
    **values: Any,
) -> ZaakTypeInformatieObjectType:
    """Let a concept zaaktype use a document type (ztc-010), from its own catalogus (ztc-013).

    A ``statustype`` (from which status the document is needed) is of the same zaaktype.
    """
    zaaktype = _part_zaaktype(zaaktype, forced=forced)
    _check_iot_catalogus(zaaktype, informatieobjecttype)
    if values.get("statustype") is not None:
        _check_same_zaaktype(zaaktype, "statustype", [values["statustype"]])
    link = ZaakTypeInformatieObjectType(
        zaaktype=zaaktype, informatieobjecttype=informatieobjecttype, **values
    )
    _full_clean(link)
    link.save()
    record_change(
        tenant=zaaktype.tenant,
        actor=actor,
        action="link_informatieobjecttype",
        obj=link,
        after={"informatieobjecttype": str(informatieobjecttype.uuid)}
        | {name: str(value) for name, value in values.items()},
    )
    return link


def _check_iot_catalogus(zaaktype: ZaakType, informatieobjecttype: InformatieObjectType) -> None:
    if informatieobjecttype.catalogus_id != zaaktype.process.catalogus_id:
        raise FieldProblem.single(
            "informatieobjecttype",
            "relations-incorrect-catalogus",
            "Het informatieobjecttype moet in dezelfde catalogus staan als het zaaktype.",
        )


@transaction.atomic
def change_informatieobjecttype_link(
    *, link: ZaakTypeInformatieObjectType, actor: Actor, forced: bool = False, **changes: Any
) -> ZaakTypeInformatieObjectType:
    """Change which document type a concept zaaktype uses, where and from which status (ztc-010, ztc-013)."""
    zaaktype = ZaakType.objects.select_related("process").get(pk=link.zaaktype_id)
    if changes.get("informatieobjecttype") is not None:
        _check_iot_catalogus(zaaktype, changes["informatieobjecttype"])
    if changes.get("statustype") is not None:
        _check_same_zaaktype(zaaktype, "statustype", [changes["statustype"]])
    return change_zaaktype_part(part=link, actor=actor, forced=forced, **changes)


# ZGW ztc-004..008: per afleidingswijze, which brondatum attributes must be filled in (True)
# and which must stay empty (False); an attribute not named may be either.
BRONDATUM_RULES: dict[str, dict[str, bool]] = {
    "afgehandeld": {
        "procestermijn": False,
        "datumkenmerk": False,
        "einddatum_bekend": False,
        "objecttype": False,
        "registratie": False,
    },
    "ander_datumkenmerk": {
        "procestermijn": False,
        "datumkenmerk": True,
        "objecttype": True,
        "registratie": True,
    },
    "eigenschap": {"procestermijn": False, "datumkenmerk": True, "objecttype": False, "registratie": False},
    "gerelateerde_zaak": {
        "procestermijn": False,
        "datumkenmerk": False,
        "objecttype": False,
        "registratie": False,
    },
    "hoofdzaak": {"procestermijn": False, "datumkenmerk": False, "objecttype": False, "registratie": False},
    "ingangsdatum_besluit": {
        "procestermijn": False,
        "datumkenmerk": False,
        "objecttype": False,
        "registratie": False,
    },
    "termijn": {
        "procestermijn": True,
        "datumkenmerk": False,
        "einddatum_bekend": False,
        "objecttype": False,
        "registratie": False,
    },
    "vervaldatum_besluit": {
        "procestermijn": False,
        "datumkenmerk": False,
        "objecttype": False,
        "registratie": False,
    },
    "zaakobject": {"procestermijn": False, "datumkenmerk": True, "objecttype": True, "registratie": False},
}
_BRONDATUM_API_NAMES = {
    "procestermijn": "procestermijn",
    "datumkenmerk": "datumkenmerk",
    "einddatum_bekend": "einddatumBekend",
    "objecttype": "objecttype",
    "registratie": "registratie",
}


def check_brondatum(resultaattype: ResultaatType) -> None:
    """Check the brondatumArchiefprocedure of a resultaattype (ZGW ztc-003..008).

    ztc-003: the afleidingswijze is ``afgehandeld`` when the selectielijstklasse's procestermijn
    is ``nihil``, ``termijn`` when it is ``ingeschatte_bestaansduur_procesobject``. ztc-004..008:
    each afleidingswijze needs some of the other attributes and forbids the rest.
    """
    afleidingswijze = resultaattype.brondatum_afleidingswijze
    klasse = resultaattype.selectielijstklasse
    name = "brondatumArchiefprocedure.afleidingswijze"
    if klasse.procestermijn == "nihil" and afleidingswijze != "afgehandeld":
        raise FieldProblem.single(
            name, "invalid-afleidingswijze-for-procestermijn", "Bij procestermijn nihil hoort 'afgehandeld'."
        )
    if klasse.procestermijn == "ingeschatte_bestaansduur_procesobject" and afleidingswijze != "termijn":
        raise FieldProblem.single(
            name,
            "invalid-afleidingswijze-for-procestermijn",
            "Bij deze procestermijn hoort 'termijn'.",
        )
    problems = []
    for attribute, required in BRONDATUM_RULES.get(afleidingswijze, {}).items():
        filled = bool(getattr(resultaattype, f"brondatum_{attribute}"))
        api_name = f"brondatumArchiefprocedure.{_BRONDATUM_API_NAMES[attribute]}"
        if required and not filled:
            problems.append((api_name, "required", f"Vul dit in bij afleidingswijze '{afleidingswijze}'."))
        elif not required and filled:
            problems.append(
                (api_name, "must-be-empty", f"Laat dit leeg bij afleidingswijze '{afleidingswijze}'.")
            )
    if problems:
        raise FieldProblem(problems)


def _check_selectielijstklasse(zaaktype: ZaakType, klasse: SelectielijstResultaat) -> None:
    if zaaktype.selectielijst_procestype_id is None:
        # ztc-002: the klasse belongs to the zaaktype's procestype, which is optional (ztc-001).
        raise FieldProblem.single(
            "selectielijstklasse",
            "procestype-mismatch",
            "Het zaaktype heeft geen selectielijstProcestype; geef het zaaktype eerst een procestype "
            "waar deze selectielijstklasse bij hoort.",
        )
    if klasse.procestype_id != zaaktype.selectielijst_procestype_id:
        raise FieldProblem.single(
            "selectielijstklasse",
            "procestype-mismatch",
            "Deze selectielijstklasse hoort niet bij het procestype van het zaaktype.",
        )


def _check_types_in_catalogus(zaaktype: ZaakType, name: str, types: list[Any]) -> None:
    """ztc-013: the besluittypen and informatieobjecttypen of a part are of its zaaktype's catalogus."""
    if any(obj.catalogus_id != zaaktype.process.catalogus_id for obj in types):
        raise FieldProblem.single(
            name, "relations-incorrect-catalogus", "Deze typen moeten in de catalogus van het zaaktype staan."
        )


@transaction.atomic
def create_resultaattype(
    *,
    zaaktype: ZaakType,
    actor: Actor,
    selectielijstklasse: SelectielijstResultaat,
    forced: bool = False,
    catalogus: Catalogus | None = None,
    besluittypen: list[BesluitType] = (),
    informatieobjecttypen: list[InformatieObjectType] = (),
    **values: Any,
) -> ResultaatType:
    """Add a resultaattype to a concept zaaktype (ztc-010), archived as its selectielijstklasse says.

    The klasse must belong to the zaaktype's procestype; archiefnominatie and
    archiefactietermijn default to its waardering and bewaartermijn (ztc-002); the
    brondatumArchiefprocedure follows ztc-003..008. Besluittypen and informatieobjecttypen
    come from the zaaktype's catalogus (ztc-013).
    """
    zaaktype = _part_zaaktype(zaaktype, forced=forced)
    if catalogus is not None:
        _check_same_catalogus(zaaktype, catalogus)
    _check_selectielijstklasse(zaaktype, selectielijstklasse)
    _check_types_in_catalogus(zaaktype, "besluittypen", list(besluittypen))
    _check_types_in_catalogus(zaaktype, "informatieobjecttypen", list(informatieobjecttypen))
    values["archiefnominatie"] = values.get("archiefnominatie") or selectielijstklasse.waardering
    if not values.get("archiefactietermijn"):
        values["archiefactietermijn"] = selectielijstklasse.bewaartermijn
    resultaattype = ResultaatType(zaaktype=zaaktype, selectielijstklasse=selectielijstklasse, **values)
    check_brondatum(resultaattype)
    _full_clean(resultaattype)
    resultaattype.save()
    resultaattype.besluittypen.set(besluittypen)
    resultaattype.informatieobjecttypen.set(informatieobjecttypen)
    record_change(
        tenant=zaaktype.tenant,
        actor=actor,
        action="create_resultaattype",
        obj=resultaattype,
        after={"omschrijving": resultaattype.omschrijving, "selectielijstklasse": selectielijstklasse.url},
    )
    return resultaattype


@transaction.atomic
def change_resultaattype(
    *,
    resultaattype: ResultaatType,
    actor: Actor,
    forced: bool = False,
    catalogus: Catalogus | None = None,
    besluittypen: list[BesluitType] | None = None,
    informatieobjecttypen: list[InformatieObjectType] | None = None,
    **changes: Any,
) -> ResultaatType:
    """Change a resultaattype of a concept zaaktype (ztc-010), with the checks of a create.

    A new selectielijstklasse must belong to the zaaktype's procestype (ztc-002); the
    brondatumArchiefprocedure is checked as a whole again (ztc-003..008).
    """
    zaaktype = ZaakType.objects.select_related("process").get(pk=resultaattype.zaaktype_id)
    if catalogus is not None:
        _check_same_catalogus(zaaktype, catalogus)
    if "selectielijstklasse" in changes:
        _check_selectielijstklasse(zaaktype, changes["selectielijstklasse"])
    relations = {}
    if besluittypen is not None:
        _check_types_in_catalogus(zaaktype, "besluittypen", besluittypen)
        relations["besluittypen"] = besluittypen
    if informatieobjecttypen is not None:
        _check_types_in_catalogus(zaaktype, "informatieobjecttypen", informatieobjecttypen)
        relations["informatieobjecttypen"] = informatieobjecttypen
    return change_zaaktype_part(
        part=resultaattype, actor=actor, forced=forced, relations=relations, check=check_brondatum, **changes
    )


@transaction.atomic
def create_eigenschap(*, zaaktype: ZaakType, actor: Actor, forced: bool = False, **values: Any) -> Eigenschap:
    """Add an eigenschap (a field of the request form) to a concept zaaktype (ztc-010).

    Its ``statustype``, if any, is of the same zaaktype.
    """
    zaaktype = _part_zaaktype(zaaktype, forced=forced)
    if values.get("statustype") is not None:
        _check_same_zaaktype(zaaktype, "statustype", [values["statustype"]])
    if "order" not in values:
        highest = zaaktype.eigenschappen.aggregate(highest=Max("order"))["highest"] or 0
        values["order"] = highest + 1
    eigenschap = Eigenschap(zaaktype=zaaktype, **values)
    _full_clean(eigenschap)
    eigenschap.save()
    record_change(
        tenant=zaaktype.tenant,
        actor=actor,
        action="create_eigenschap",
        obj=eigenschap,
        after={name: str(value) for name, value in values.items()},
    )
    return eigenschap


@transaction.atomic
def change_eigenschap(
    *, eigenschap: Eigenschap, actor: Actor, forced: bool = False, **changes: Any
) -> Eigenschap:
    """Change an eigenschap of a concept zaaktype (ztc-010); its statustype is of the same zaaktype."""
    if changes.get("statustype") is not None:
        _check_same_zaaktype(eigenschap.zaaktype, "statustype", [changes["statustype"]])
    return change_zaaktype_part(part=eigenschap, actor=actor, forced=forced, **changes)
