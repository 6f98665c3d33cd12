"""The Catalogi API's writes: catalogussen, types and the parts of a zaaktype, with the ztc rules.

A concept may change freely; a published type only through ``geforceerd-schrijven``, and then
only by additions (ztc-010)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from plus1.audit.services import Actor, record_change
from plus1.core import zgw
from plus1.core.exceptions import FieldProblem
from plus1.notifications.services import publish
from plus1.tenants.models import Organisation

from ..constants import PublicationStatus
from ..exceptions import (
    CannotPublish,
)
from ..models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    InformatieObjectType,
    Process,
    ResultaatType,
    RolType,
    SelectielijstResultaat,
    StatusType,
    ZaakObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from .versions import ZAAKTYPE_CONTENT_FIELDS, publish_zaaktype, snapshot_of

_KANALEN = {ZaakType: "zaaktypen", InformatieObjectType: "informatieobjecttypen", BesluitType: "besluittypen"}
_RESOURCES = {ZaakType: "zaaktype", InformatieObjectType: "informatieobjecttype", BesluitType: "besluittype"}


def _catalogus_of(obj: Any) -> Catalogus:
    return obj.process.catalogus if isinstance(obj, ZaakType) else obj.catalogus


def _notify(obj: Any, actie: str) -> None:
    """Tell the type's kanaal (kenmerk ``catalogus``), inside the change's transaction (outbox)."""
    model = type(obj)
    kanaal = _KANALEN[model]
    url = zgw.url("catalogi", kanaal, obj.uuid)
    publish(
        tenant=obj.tenant_id,
        kanaal=kanaal,
        hoofd_object=url,
        resource=_RESOURCES[model],
        resource_url=url,
        actie=actie,
        kenmerken={"catalogus": zgw.url("catalogi", "catalogussen", _catalogus_of(obj).uuid)},
    )


def _full_clean(obj: Any, *, exclude: tuple[str, ...] = ()) -> None:
    """Model validation as a ``FieldProblem`` (field names as the model spells them)."""
    try:
        obj.full_clean(exclude=list(exclude))
    except ValidationError as exc:
        raise FieldProblem(
            [
                (name if name != "__all__" else "nonFieldErrors", "invalid", message)
                for name, messages in exc.message_dict.items()
                for message in messages
            ]
        ) from exc


def _refuse_if_published(obj: Any, what: str) -> None:
    if obj.is_published:
        # ZGW ztc-009 / ztc-010: published types and their parts never change in place.
        raise FieldProblem.single(
            "nonFieldErrors",
            "non-concept-object",
            f"{what} is gepubliceerd en kan niet meer worden gewijzigd of verwijderd.",
        )


@transaction.atomic
def create_zaaktype(
    *,
    catalogus: Catalogus,
    identificatie: str,
    actor: Actor,
    besluittypen: list[BesluitType] = (),
    **content: Any,
) -> ZaakType:
    """Create a concept zaaktype: the first version of a process, or the next one.

    Versions share their ``identificatie`` (ZGW history model); only one concept version of
    a process may exist at a time. Related besluittypen must be in the same catalogus (ztc-013).
    """
    unknown = set(content) - {*ZAAKTYPE_CONTENT_FIELDS, "valid_until", "lead_time_source"}
    if unknown:
        raise ValueError(f"Unknown zaaktype fields: {sorted(unknown)}")
    if any(besluittype.catalogus_id != catalogus.pk for besluittype in besluittypen):
        raise FieldProblem.single(
            "besluittypen",
            "relations-incorrect-catalogus",
            "Alle besluittypen moeten in dezelfde catalogus staan.",
        )
    process, _created = Process.objects.get_or_create(
        tenant=catalogus.tenant, identificatie=identificatie, defaults={"catalogus": catalogus}
    )
    if process.catalogus_id != catalogus.pk:
        raise FieldProblem.single(
            "identificatie", "unique", "Deze identificatie wordt al gebruikt in een andere catalogus."
        )
    versions = ZaakType.objects.select_for_update().filter(process=process)
    if versions.exclude(status=PublicationStatus.PUBLISHED).exists():
        raise FieldProblem.single(
            "identificatie", "concept-exists", "Van dit zaaktype bestaat al een conceptversie."
        )
    highest = versions.aggregate(highest=Max("version"))["highest"] or 0
    zaaktype = ZaakType(tenant=catalogus.tenant, process=process, version=highest + 1, **content)
    _full_clean(zaaktype, exclude=("tenant", "process"))
    zaaktype.save()
    zaaktype.besluittypen.set(besluittypen)
    record_change(
        tenant=zaaktype.tenant,
        actor=actor,
        action="create_zaaktype",
        obj=zaaktype,
        after={"identificatie": identificatie, "version": zaaktype.version},
    )
    _notify(zaaktype, "create")
    return zaaktype


@transaction.atomic
def change_zaaktype(
    *,
    zaaktype: ZaakType,
    actor: Actor,
    actie: str = "partial_update",
    forced: bool = False,
    besluittypen: list[BesluitType] | None = None,
    **changes: Any,
) -> ZaakType:
    """Change a zaaktype through the API: any content while concept (ztc-009).

    A published zaaktype only takes a new ``valid_until`` (eindeGeldigheid), or any change
    as a correction by an application with ``catalogi.geforceerd-schrijven``.
    """
    zaaktype = ZaakType.objects.select_for_update().select_related("process").get(pk=zaaktype.pk)
    if zaaktype.is_published and not forced and (besluittypen is not None or set(changes) - {"valid_until"}):
        _refuse_if_published(zaaktype, str(zaaktype))
    if besluittypen is not None and any(
        b.catalogus_id != zaaktype.process.catalogus_id for b in besluittypen
    ):
        raise FieldProblem.single(
            "besluittypen",
            "relations-incorrect-catalogus",
            "Alle besluittypen moeten in dezelfde catalogus staan.",  # ztc-013
        )
    unknown = set(changes) - set(ZAAKTYPE_CONTENT_FIELDS) - {"valid_until"}
    if unknown:
        raise ValueError(f"Unknown zaaktype fields: {sorted(unknown)}")
    before = snapshot_of(zaaktype, tuple(changes))
    for name, value in changes.items():
        setattr(zaaktype, name, value)
    _full_clean(zaaktype)
    zaaktype.save()
    if besluittypen is not None:
        zaaktype.besluittypen.set(besluittypen)
    record_change(
        tenant=zaaktype.tenant,
        actor=actor,
        action="change_zaaktype",
        obj=zaaktype,
        before=before,
        after=snapshot_of(zaaktype, tuple(changes)),
    )
    _notify(zaaktype, actie)
    return zaaktype


def _delete_type(obj: Any, *, actor: Actor, what: str, forced: bool) -> None:
    if not forced:
        _refuse_if_published(obj, what)
    record_change(
        tenant=obj.tenant,
        actor=actor,
        action=f"delete_{_RESOURCES[type(obj)]}",
        obj=obj,
        before={"uuid": str(obj.uuid)},
    )
    _notify(obj, "destroy")


@transaction.atomic
def delete_zaaktype(*, zaaktype: ZaakType, actor: Actor, forced: bool = False) -> None:
    """Delete a concept zaaktype with its parts (ztc-009); a published one only when ``forced``.

    A zaaktype that zaken or gemeenten use stays: the database protects it.
    """
    zaaktype = ZaakType.objects.select_for_update().select_related("process__catalogus").get(pk=zaaktype.pk)
    if zaaktype.zaken.exists() or zaaktype.adoptions.exists():
        raise FieldProblem.single(
            "nonFieldErrors", "in-use", "Dit zaaktype is in gebruik (zaken of gemeenten) en blijft bestaan."
        )
    _delete_type(zaaktype, actor=actor, what=str(zaaktype), forced=forced)
    process = zaaktype.process
    zaaktype.delete()
    if not process.versions.exists():
        process.delete()


@transaction.atomic
def delete_informatieobjecttype(*, iot: InformatieObjectType, actor: Actor, forced: bool = False) -> None:
    """Delete a concept informatieobjecttype (ztc-009) that no zaaktype or besluittype uses."""
    iot = InformatieObjectType.objects.select_for_update().select_related("catalogus").get(pk=iot.pk)
    if ZaakTypeInformatieObjectType.objects.filter(informatieobjecttype=iot).exists():
        raise FieldProblem.single(
            "nonFieldErrors", "in-use", "Dit informatieobjecttype hoort bij een zaaktype en blijft bestaan."
        )
    if iot.besluittypen.exists():
        raise FieldProblem.single(
            "nonFieldErrors",
            "in-use",
            "Dit informatieobjecttype hoort bij een besluittype en blijft bestaan.",
        )
    _delete_type(iot, actor=actor, what=str(iot), forced=forced)
    iot.delete()


@transaction.atomic
def delete_besluittype(*, besluittype: BesluitType, actor: Actor, forced: bool = False) -> None:
    """Delete a concept besluittype (ztc-009)."""
    besluittype = BesluitType.objects.select_for_update().select_related("catalogus").get(pk=besluittype.pk)
    _delete_type(besluittype, actor=actor, what=str(besluittype), forced=forced)
    besluittype.delete()


def _publish_type(model: type, obj: Any, actor: Actor) -> Any:
    obj = model.objects.select_for_update().select_related("catalogus").get(pk=obj.pk)
    if obj.is_published:
        raise FieldProblem.single("nonFieldErrors", "published", f"{obj} is al gepubliceerd.")
    obj.status = PublicationStatus.PUBLISHED
    obj.save(update_fields=["status"])
    record_change(
        tenant=obj.tenant,
        actor=actor,
        action=f"publish_{_RESOURCES[model]}",
        obj=obj,
        after={"status": obj.status},
    )
    _notify(obj, "update")
    return obj


@transaction.atomic
def publish_informatieobjecttype(*, iot: InformatieObjectType, actor: Actor) -> InformatieObjectType:
    """Publish a concept informatieobjecttype, so zaaktypen using it can be published (ztc-012)."""
    return _publish_type(InformatieObjectType, iot, actor)


@transaction.atomic
def publish_besluittype(*, besluittype: BesluitType, actor: Actor) -> BesluitType:
    """Publish a concept besluittype, so zaaktypen using it can be published (ztc-012)."""
    return _publish_type(BesluitType, besluittype, actor)


@transaction.atomic
def publish_zaaktype_via_api(*, zaaktype: ZaakType, actor: Actor) -> ZaakType:
    """Publish a zaaktype as ``publish_zaaktype`` does, and tell the ``zaaktypen`` kanaal."""
    try:
        zaaktype = publish_zaaktype(zaaktype=zaaktype, actor=actor)
    except CannotPublish as exc:
        raise FieldProblem.single("nonFieldErrors", "publish-not-allowed", str(exc)) from exc
    _notify(zaaktype, "update")
    return zaaktype


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


@transaction.atomic
def create_informatieobjecttype(*, catalogus: Catalogus, actor: Actor, **values: Any) -> InformatieObjectType:
    """Create a concept informatieobjecttype in ``catalogus``; its omschrijving is unique there."""
    return _create_type(InformatieObjectType, catalogus=catalogus, actor=actor, values=values)


@transaction.atomic
def create_besluittype(
    *,
    catalogus: Catalogus,
    actor: Actor,
    informatieobjecttypen: Sequence[InformatieObjectType] = (),
    **values: Any,
) -> BesluitType:
    """Create a concept besluittype in ``catalogus``; its omschrijving is unique there.

    Its ``informatieobjecttypen`` (where its besluiten are recorded) are of the same catalogus
    (ztc-013).
    """
    _check_besluittype_documents(catalogus, informatieobjecttypen)
    besluittype = _create_type(BesluitType, catalogus=catalogus, actor=actor, values=values)
    besluittype.informatieobjecttypen.set(informatieobjecttypen)
    return besluittype


def _check_besluittype_documents(
    catalogus: Catalogus, informatieobjecttypen: Sequence[InformatieObjectType]
) -> None:
    if any(iot.catalogus_id != catalogus.pk for iot in informatieobjecttypen):
        raise FieldProblem.single(
            "informatieobjecttypen",
            "relations-incorrect-catalogus",
            "Een informatieobjecttype moet in dezelfde catalogus staan als het besluittype.",
        )


def _create_type(model: type, *, catalogus: Catalogus, actor: Actor, values: dict) -> Any:
    if model.objects.filter(catalogus=catalogus, omschrijving=values.get("omschrijving")).exists():
        raise FieldProblem.single(
            "omschrijving", "unique", "Deze omschrijving bestaat al in de catalogus; kies een andere."
        )
    obj = model(tenant=catalogus.tenant, catalogus=catalogus, **values)
    _full_clean(obj, exclude=("tenant", "catalogus"))
    obj.save()
    record_change(
        tenant=obj.tenant,
        actor=actor,
        action=f"create_{_RESOURCES[model]}",
        obj=obj,
        after={name: str(value) for name, value in values.items()},
    )
    _notify(obj, "create")
    return obj


@transaction.atomic
def change_type(
    *, obj: InformatieObjectType | BesluitType, actor: Actor, actie: str, forced: bool = False, **changes: Any
) -> Any:
    """Change an informatieobjecttype or besluittype: anything while concept (ztc-009).

    Published, it only takes a new ``valid_until`` (eindeGeldigheid), unless the change is
    a correction by an application with ``catalogi.geforceerd-schrijven`` (``forced``).
    """
    model = type(obj)
    obj = model.objects.select_for_update().select_related("catalogus").get(pk=obj.pk)
    documents = changes.pop("informatieobjecttypen", None)
    documents_before: list = []
    if documents is not None:
        # Only a besluittype has them (the service's callers pass them for one only).
        documents_before = list(obj.informatieobjecttypen.all())
        _check_besluittype_documents(obj.catalogus, documents)
        if set(documents) == set(documents_before):
            documents = None
    if obj.is_published and not forced and (set(changes) - {"valid_until"} or documents is not None):
        _refuse_if_published(obj, str(obj))
    if obj.is_published and documents is not None and not set(documents_before) <= set(documents):
        # A correction of a published type may only add (ztc-010, Catalogi 1.3).
        _refuse_if_published(obj, str(obj))
    if (
        "omschrijving" in changes
        and model.objects.filter(catalogus_id=obj.catalogus_id, omschrijving=changes["omschrijving"])
        .exclude(pk=obj.pk)
        .exists()
    ):
        raise FieldProblem.single(
            "omschrijving", "unique", "Deze omschrijving bestaat al in de catalogus; kies een andere."
        )
    before = {name: str(getattr(obj, name)) for name in changes}
    for name, value in changes.items():
        setattr(obj, name, value)
    _full_clean(obj)
    obj.save()
    after = {name: str(getattr(obj, name)) for name in changes}
    if documents is not None:
        obj.informatieobjecttypen.set(documents)
        before["informatieobjecttypen"] = ", ".join(sorted(iot.omschrijving for iot in documents_before))
        after["informatieobjecttypen"] = ", ".join(sorted(iot.omschrijving for iot in documents))
    record_change(
        tenant=obj.tenant,
        actor=actor,
        action=f"change_{_RESOURCES[model]}",
        obj=obj,
        before=before,
        after=after,
    )
    _notify(obj, actie)
    return obj


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


CATALOGUS_FIELDS = ("domein", "naam", "contactpersoon", "contact_email")


@transaction.atomic
def create_catalogus(*, tenant: Organisation, actor: Actor, **values: Any) -> Catalogus:
    """Create a catalogus of ``tenant``; its ``domein`` is unique within the organisation."""
    if Catalogus.objects.for_tenant(tenant).filter(domein=values.get("domein")).exists():
        raise FieldProblem.single("domein", "unique", "Uw organisatie heeft al een catalogus met dit domein.")
    catalogus = Catalogus(tenant=tenant, **values)
    _full_clean(catalogus, exclude=("tenant",))
    catalogus.save()
    record_change(tenant=tenant, actor=actor, action="create_catalogus", obj=catalogus, after=values)
    return catalogus


@transaction.atomic
def change_catalogus(*, catalogus: Catalogus, actor: Actor, **changes: Any) -> Catalogus:
    """Change the name, domein or contact of a catalogus (Catalogi 1.3.3 allows it)."""
    catalogus = Catalogus.objects.select_for_update().get(pk=catalogus.pk)
    if (
        "domein" in changes
        and Catalogus.objects.for_tenant(catalogus.tenant)
        .filter(domein=changes["domein"])
        .exclude(pk=catalogus.pk)
        .exists()
    ):
        raise FieldProblem.single("domein", "unique", "Uw organisatie heeft al een catalogus met dit domein.")
    before = snapshot_of(catalogus, tuple(changes))
    for name, value in changes.items():
        setattr(catalogus, name, value)
    _full_clean(catalogus)
    catalogus.save()
    record_change(
        tenant=catalogus.tenant,
        actor=actor,
        action="change_catalogus",
        obj=catalogus,
        before=before,
        after=snapshot_of(catalogus, tuple(changes)),
    )
    return catalogus


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
