"""Registering and maintaining zaken as a whole record: what the Zaken API does with them.

The portal starts zaken from a request (``intake``); another system registers a complete
zaak with its parts (rollen, resultaat, zaakeigenschappen) and maintains it. The rules are
those of the Zaken API standard (rule ids in the docstrings); problems are raised as
``FieldProblem`` named after the ZGW field, so every channel gets the same answer. Each
function is one transaction with its audit row, processing record and notification.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from typing import Any

from django.db import transaction
from django.db.models import Q

from plus1.audit.models import AuditEntry
from plus1.audit.services import Actor
from plus1.catalog import reference
from plus1.catalog.models import Eigenschap, ResultaatType, RolType, ZaakType
from plus1.core import clock
from plus1.core.exceptions import FieldProblem
from plus1.core.prefetch import mark_empty
from plus1.core.prepared import PreparedInsert
from plus1.tenants.models import Organisation

from .. import deadlines
from ..constants import Archiefstatus, Betalingsindicatie
from ..exceptions import ZaakClosed
from ..models import InformatieObject, Resultaat, Rol, Zaak, ZaakEigenschap, ZaakObject, ZaakSuspension
from ..processing import record_change
from . import documents, links
from .adoption_team import adoption_team
from .handling import SUSPENSION_FIELDS, end_suspension, lock_zaak, save_locked_zaak, start_suspension
from .intake import next_case_number
from .mirrors import remove_contact_mirrors
from .organisations import check_registering_organisation

# The Documenten API status of an archived document (zrc-022).
DOCUMENT_ARCHIVED = "gearchiveerd"

# The zaak fields a client may set, with the ZGW name they are reported under.
ZAAK_FIELDS = {
    "identificatie": "identificatie",
    "bronorganisatie": "bronorganisatie",
    "omschrijving": "omschrijving",
    "toelichting": "toelichting",
    "registered_on": "registratiedatum",
    "verantwoordelijke_organisatie": "verantwoordelijkeOrganisatie",
    "started_on": "startdatum",
    "service_norm_on": "einddatumGepland",
    "planned_end_on": "uiterlijkeEinddatumAfdoening",
    "publicatiedatum": "publicatiedatum",
    "communicatiekanaal": "communicatiekanaal",
    "producten_of_diensten": "productenOfDiensten",
    "confidentiality": "vertrouwelijkheidaanduiding",
    "betalingsindicatie": "betalingsindicatie",
    "laatste_betaaldatum": "laatsteBetaaldatum",
    "zaakgeometrie": "zaakgeometrie",
    "suspended_on": "opschorting",
    "suspension_reason": "opschorting",
    "extension_reason": "verlenging",
    "extended_by": "verlenging",
    "selectielijstklasse": "selectielijstklasse",
    "hoofdzaak": "hoofdzaak",
    "kenmerken": "kenmerken",
    "archive_nomination": "archiefnominatie",
    "archiefstatus": "archiefstatus",
    "archive_action_on": "archiefactiedatum",
    "opdrachtgevende_organisatie": "opdrachtgevendeOrganisatie",
    "processobjectaard": "processobjectaard",
    "startdatum_bewaartermijn": "startdatumBewaartermijn",
    "processobject": "processobject",
}


def _snapshot(zaak: Zaak) -> dict[str, Any]:
    def plain(value):
        if isinstance(value, datetime.date | datetime.datetime):
            return value.isoformat()
        if isinstance(value, Zaak):
            return str(value.uuid)
        return value

    snapshot = {name: plain(getattr(zaak, name)) for name in ZAAK_FIELDS}
    # relevanteAndereZaken are ZaakLink rows, shared with the back office (services.links).
    snapshot["relevante_andere_zaken"] = links.related_snapshot(zaak)
    return snapshot


def _check(zaak: Zaak, *, is_new: bool, changed: Collection[str] = ()) -> None:
    """The rules on a zaak as a whole, checked after the values are applied.

    The rules on references (zrc-010, zrc-015) apply to the ``changed`` columns only: data
    from before a rule existed does not block an unrelated change.
    """
    problems = []
    # zrc-010: a communicatiekanaal is one of the reference list (ours or VNG's address).
    if (
        "communicatiekanaal" in changed
        and zaak.communicatiekanaal
        and reference.communicatiekanaal_for_url(zaak.communicatiekanaal) is None
    ):
        problems.append(
            (
                "communicatiekanaal",
                "bad-url",
                "Dit communicatiekanaal staat niet in de referentielijst communicatiekanalen.",
            )
        )
    # zrc-015: the products or services are those of the zaaktype (any URL it names).
    if "producten_of_diensten" in changed and zaak.producten_of_diensten:
        zaaktype = zaak.zaaktype
        offered = set(zaaktype.producten_of_diensten) | (
            {zaaktype.product.upl_uri} if zaaktype.product_id else set()
        )
        if not set(zaak.producten_of_diensten) <= offered:
            problems.append(
                (
                    "productenOfDiensten",
                    "invalid-products-services",
                    "Noem alleen producten of diensten van het zaaktype.",
                )
            )
    # zrc-014: nvt means nothing to pay, so there is no date it was paid.
    if zaak.betalingsindicatie == Betalingsindicatie.NVT and zaak.laatste_betaaldatum:
        problems.append(
            (
                "laatsteBetaaldatum",
                "betaling-nvt",
                "Bij betalingsindicatie 'nvt' hoort geen laatste betaaldatum.",
            )
        )
    if zaak.laatste_betaaldatum and zaak.laatste_betaaldatum > clock.now():
        problems.append(
            ("laatsteBetaaldatum", "date-in-future", "De laatste betaaldatum kan niet in de toekomst liggen.")
        )
    # zrc-013: one level of deelzaken, and a zaak is not its own hoofdzaak.
    if zaak.hoofdzaak is not None:
        if zaak.hoofdzaak.pk == zaak.pk:
            problems.append(("hoofdzaak", "self-forbidden", "Een zaak kan niet zijn eigen hoofdzaak zijn."))
        elif zaak.hoofdzaak.hoofdzaak_id is not None:
            problems.append(("hoofdzaak", "deelzaak-als-hoofdzaak", "Een deelzaak kan geen hoofdzaak zijn."))
        elif not is_new and zaak.deelzaken.exists():
            problems.append(
                ("hoofdzaak", "deelzaak-als-hoofdzaak", "Een zaak met deelzaken kan geen deelzaak worden.")
            )
    # zrc-022: archiving needs the archive data, and every document of the zaak archived first.
    if zaak.archiefstatus != Archiefstatus.NOG_TE_ARCHIVEREN and not is_new and "archiefstatus" in changed:
        documents_of_zaak = InformatieObject.objects.filter(
            Q(zaak_id=zaak.pk) | Q(zaakinformatieobjecten__zaak_id=zaak.pk)
        )
        if documents_of_zaak.exclude(status=DOCUMENT_ARCHIVED).exists():
            problems.append(
                (
                    "archiefstatus",
                    "documents-not-archived",
                    "Archiveer eerst alle documenten van de zaak (status gearchiveerd).",
                )
            )
    if zaak.archiefstatus != Archiefstatus.NOG_TE_ARCHIVEREN:
        for field, name in (
            ("archive_nomination", "archiefnominatie"),
            ("archive_action_on", "archiefactiedatum"),
        ):
            if not getattr(zaak, field):
                problems.append(
                    (
                        name,
                        "archiefnominatie-not-set"
                        if field == "archive_nomination"
                        else "archiefactiedatum-not-set",
                        "Vul dit in voordat de zaak gearchiveerd wordt.",
                    )
                )
    if (
        zaak.identificatie
        and Zaak.objects.filter(tenant_id=zaak.tenant_id, identificatie=zaak.identificatie)
        .exclude(pk=zaak.pk)
        .exists()
    ):
        # zrc-002: identificatie is unique (Plus1: within the gemeente, whatever the bronorganisatie).
        problems.append(("identificatie", "identificatie-niet-uniek", "Deze identificatie bestaat al."))
    if problems:
        raise FieldProblem(problems)


# Every API create writes one: its INSERT built once per process.
_INSERT_ZAAK = PreparedInsert(Zaak)


def register_zaak(*, tenant: Organisation, zaaktype: ZaakType, values: dict[str, Any], actor: Actor) -> Zaak:
    """Register a zaak another system made (ZGW ``POST /zaken``).

    zrc-001: the zaaktype must be published. zrc-002: without an identificatie the zaak
    gets the next case number of the gemeente. zrc-009: without a vertrouwelijkheidaanduiding
    the zaaktype's applies. Without the end dates they follow from the zaaktype, as at
    intake. The zaak lands in the inbox of the team that runs the process at this gemeente.

    The case number is taken after the checks, in a transaction of its own (when no outer
    one is open): the gemeente's counter row is then locked for one statement, not for the
    whole registration, so registrations do not queue behind each other. A registration
    that fails after that leaves a gap in the numbers, as a reserved number that is never
    used does (``reserve_case_numbers``). The zaak, its audit row, processing record and
    notification are one transaction.
    """
    if not zaaktype.is_published:
        raise FieldProblem.single("zaaktype", "not-published", "Dit zaaktype is nog niet gepubliceerd.")
    values = dict(values)
    if values.get("bronorganisatie"):
        check_registering_organisation(
            tenant, values["bronorganisatie"], field="bronorganisatie", what="zaken"
        )
    related = values.pop("relevante_andere_zaken", None) or []
    started_on = values.get("started_on") or clock.today()
    values.setdefault("registered_on", None)
    values["registered_on"] = values["registered_on"] or clock.today()
    values["confidentiality"] = values.get("confidentiality") or zaaktype.confidentiality
    values["omschrijving"] = values.get("omschrijving") or ""
    if not values.get("planned_end_on"):
        values["planned_end_on"] = deadlines.legal_end_date(
            started_on=started_on, lead_time=zaaktype.lead_time
        )
    if "service_norm_on" not in values:
        values["service_norm_on"] = deadlines.service_norm_date(
            started_on=started_on, service_norm=zaaktype.service_norm
        )
    zaak = Zaak(
        tenant=tenant,
        zaaktype=zaaktype,
        bronorganisatie=values.pop("bronorganisatie", "") or tenant.rsin,
        team_id=adoption_team(tenant, zaaktype),
    )
    for name, value in values.items():
        setattr(zaak, name, "" if value is None and _is_text(name) else value)
    _check(zaak, is_new=True, changed=values)
    if not zaak.identificatie:
        # Outside a transaction the one statement commits by itself: no BEGIN and COMMIT of
        # its own to wait for. Inside the caller's, it is part of it, as at intake.
        zaak.identificatie = next_case_number(tenant=tenant, year=clock.today().year)
    with transaction.atomic():
        _INSERT_ZAAK.save(zaak)
        # A new zaak has no rollen yet: its processing record names no one, without asking.
        mark_empty(zaak, "rollen")
        links.set_related_zaken(zaak=zaak, related=related, is_new=True)
        if zaak.suspended_on:
            ZaakSuspension.objects.create(
                zaak=zaak, started_on=zaak.suspended_on, reason=zaak.suspension_reason
            )
        record_change(
            tenant=tenant,
            actor=actor,
            action="create_zaak",
            obj=zaak,
            after=_snapshot(zaak),
            zgw_actie="create",
        )
    return zaak


MAX_RESERVATIONS = 100


@transaction.atomic
def reserve_case_numbers(*, tenant: Organisation, count: int = 1) -> list[str]:
    """Hand out ``count`` case numbers now, for zaken another system registers later.

    ZGW ``POST /zaaknummer_reserveren``: the numbers come from the same counter as every
    other zaak of the gemeente, so no later zaak gets one of them.
    """
    if not 1 <= count <= MAX_RESERVATIONS:
        raise FieldProblem.single(
            "aantal", "invalid", f"Reserveer 1 tot en met {MAX_RESERVATIONS} nummers tegelijk."
        )
    year = clock.today().year
    return [next_case_number(tenant=tenant, year=year) for _ in range(count)]


def _is_text(name: str) -> bool:
    field = Zaak._meta.get_field(name)
    return not field.null and field.get_internal_type() in ("CharField", "TextField", "URLField")


def _guard_closed(zaak: Zaak, may_change_closed: bool) -> None:
    # zrc-007: a closed zaak and everything in it changes only with zaken.geforceerd-bijwerken.
    if not zaak.is_open and not may_change_closed:
        raise ZaakClosed("Deze zaak is afgesloten. Hiervoor is de scope zaken.geforceerd-bijwerken nodig.")


@transaction.atomic
def update_zaak(
    *, zaak: Zaak, values: dict[str, Any], actor: Actor, may_change_closed: bool, zgw_actie: str
) -> Zaak:
    """Change the zaak's own data (ZGW ``PUT``/``PATCH /zaken/{uuid}``).

    zrc-002: identificatie and bronorganisatie do not change; neither does the zaaktype.
    zrc-014: betalingsindicatie ``nvt`` clears laatsteBetaaldatum.
    """
    zaak = lock_zaak(zaak, None, must_be_open=False)
    _guard_closed(zaak, may_change_closed)
    before = _snapshot(zaak)
    values = dict(values)
    for name, zgw_name in (("identificatie", "identificatie"), ("bronorganisatie", "bronorganisatie")):
        if name in values and values.pop(name) not in (None, "", getattr(zaak, name)):
            raise FieldProblem.single(
                zgw_name, "wijzigen-niet-toegelaten", "Dit gegeven kan niet meer veranderen."
            )
    if values.get("betalingsindicatie") == Betalingsindicatie.NVT and "laatste_betaaldatum" not in values:
        values["laatste_betaaldatum"] = None
    related = values.pop("relevante_andere_zaken", None)
    suspend = values.pop("suspended_on", None) if "suspended_on" in values else ...
    reason = values.pop("suspension_reason", None)
    for name, value in values.items():
        setattr(zaak, name, "" if value is None and _is_text(name) else value)
    fields = list(values)
    # Opschorting the way the back office suspends: a period that moves the deadlines.
    if suspend is not ... and bool(suspend) != zaak.is_suspended:
        if suspend:
            start_suspension(zaak, reason=reason or "")
        else:
            end_suspension(zaak)
        fields += SUSPENSION_FIELDS
    elif reason is not None and zaak.is_suspended:
        zaak.suspension_reason = reason
        fields.append("suspension_reason")
    _check(zaak, is_new=False, changed=fields)
    save_locked_zaak(zaak, *dict.fromkeys(fields))
    if related is not None:
        links.set_related_zaken(zaak=zaak, related=related)
    record_change(
        tenant=zaak.tenant,
        actor=actor,
        action="update_zaak",
        obj=zaak,
        before=before,
        after=_snapshot(zaak),
        zgw_actie=zgw_actie,
    )
    return zaak


@transaction.atomic
def delete_zaak(*, zaak: Zaak, actor: Actor) -> None:
    """Delete the zaak for good, with all its parts and deelzaken (ZGW zrc-023).

    A zaak with besluiten stays: a besluit is deleted in the Besluiten API first. The
    audittrail of the zaak goes with it; one audit row records the deletion itself.
    """
    zaak = lock_zaak(zaak, None, must_be_open=False)
    if zaak.besluiten.exists() or Zaak.objects.filter(hoofdzaak=zaak, besluiten__isnull=False).exists():
        raise FieldProblem.single(
            "nonFieldErrors", "pending-besluit-relation", "Deze zaak heeft besluiten. Verwijder die eerst."
        )
    zaak_ids = [zaak.pk, *zaak.deelzaken.values_list("pk", flat=True)]
    for part in Zaak.objects.filter(pk__in=zaak_ids):
        # The Documenten API's mirror of each document link goes too (zrc-023, zrc-004).
        documents.remove_zaak_relations(zaak=part)
        remove_contact_mirrors(part)  # zrc-023, zrc-024/025
    AuditEntry.objects.filter(
        tenant_id=zaak.tenant_id,
        main_object_type="cases.zaak",
        main_object_id__in=[str(pk) for pk in zaak_ids],
    ).delete()
    record_change(
        tenant=zaak.tenant,
        actor=actor,
        action="delete_zaak",
        obj=zaak,
        before={"identificatie": zaak.identificatie},
        zgw_actie="destroy",
    )
    Zaak.objects.filter(pk=zaak.pk).update(current_status=None)
    Zaak.objects.filter(hoofdzaak=zaak).update(current_status=None)
    zaak.delete()


# --- rollen, resultaat, zaakeigenschappen --------------------------------------------------


def _zaak_for_part(zaak: Zaak, may_change_closed: bool) -> Zaak:
    zaak = lock_zaak(zaak, None, must_be_open=False)
    _guard_closed(zaak, may_change_closed)
    return zaak


def _record_part(
    zaak: Zaak, obj, *, actor: Actor, action: str, zgw_actie: str, before=None, after=None
) -> None:
    # The zaak's version goes up with every change of its parts: the back office sees it.
    save_locked_zaak(zaak)
    record_change(
        tenant=zaak.tenant,
        actor=actor,
        action=action,
        obj=obj,
        main_object=zaak,
        before=before,
        after=after,
        zgw_actie=zgw_actie,
    )


@transaction.atomic
def add_rol(
    *, zaak: Zaak, roltype: RolType, values: dict[str, Any], actor: Actor, may_change_closed: bool
) -> Rol:
    """Add a betrokkene to the zaak in a rol of its zaaktype (ZGW zrc-019)."""
    zaak = _zaak_for_part(zaak, may_change_closed)
    if roltype.zaaktype_id != zaak.zaaktype_id:
        raise FieldProblem.single(
            "roltype", "zaaktype-mismatch", "Dit roltype hoort niet bij het zaaktype van de zaak."
        )
    rol = Rol.objects.create(zaak=zaak, roltype=roltype, registered_at=clock.now(), **values)
    _record_part(
        zaak, rol, actor=actor, action="add_rol", zgw_actie="create", after={"roltype": roltype.omschrijving}
    )
    return rol


@transaction.atomic
def delete_rol(*, rol: Rol, actor: Actor, may_change_closed: bool) -> None:
    zaak = _zaak_for_part(rol.zaak, may_change_closed)
    before = {"roltype": rol.roltype.omschrijving}
    _record_part(zaak, rol, actor=actor, action="delete_rol", zgw_actie="destroy", before=before)
    rol.delete()


@transaction.atomic
def set_resultaat(
    *,
    zaak: Zaak,
    resultaattype: ResultaatType,
    toelichting: str,
    actor: Actor,
    may_change_closed: bool,
    resultaat: Resultaat | None = None,
    zgw_actie: str = "create",
) -> Resultaat:
    """Give the zaak its resultaat, or change it (ZGW zrc-020: a resultaattype of its zaaktype).

    A zaak has at most one resultaat; it is what lets the eindstatus be set (zrc-007).
    """
    zaak = _zaak_for_part(zaak, may_change_closed)
    if resultaattype.zaaktype_id != zaak.zaaktype_id:
        raise FieldProblem.single(
            "resultaattype", "zaaktype-mismatch", "Dit resultaattype hoort niet bij het zaaktype van de zaak."
        )
    if resultaat is None:
        if Resultaat.objects.filter(zaak=zaak).exists():
            raise FieldProblem.single("zaak", "unique", "Deze zaak heeft al een resultaat.")
        resultaat = Resultaat(zaak=zaak)
        before = None
    else:
        before = {"resultaattype": resultaat.resultaattype.omschrijving, "toelichting": resultaat.toelichting}
    resultaat.resultaattype = resultaattype
    resultaat.toelichting = toelichting
    resultaat.save()
    _record_part(
        zaak,
        resultaat,
        actor=actor,
        action="set_resultaat",
        zgw_actie=zgw_actie,
        before=before,
        after={"resultaattype": resultaattype.omschrijving, "toelichting": toelichting},
    )
    return resultaat


@transaction.atomic
def delete_resultaat(*, resultaat: Resultaat, actor: Actor, may_change_closed: bool) -> None:
    zaak = _zaak_for_part(resultaat.zaak, may_change_closed)
    before = {"resultaattype": resultaat.resultaattype.omschrijving}
    _record_part(zaak, resultaat, actor=actor, action="delete_resultaat", zgw_actie="destroy", before=before)
    resultaat.delete()


@transaction.atomic
def set_zaakeigenschap(
    *,
    zaak: Zaak,
    eigenschap: Eigenschap,
    value: str,
    actor: Actor,
    may_change_closed: bool,
    zaakeigenschap: ZaakEigenschap | None = None,
    zgw_actie: str = "create",
) -> ZaakEigenschap:
    """Record the value of an eigenschap of the zaak's zaaktype (ZGW zrc-018), or change it."""
    zaak = _zaak_for_part(zaak, may_change_closed)
    if eigenschap.zaaktype_id != zaak.zaaktype_id:
        raise FieldProblem.single(
            "eigenschap", "zaaktype-mismatch", "Deze eigenschap hoort niet bij het zaaktype van de zaak."
        )
    duplicate = ZaakEigenschap.objects.filter(zaak=zaak, eigenschap=eigenschap)
    if zaakeigenschap is not None:
        duplicate = duplicate.exclude(pk=zaakeigenschap.pk)
    if duplicate.exists():
        raise FieldProblem.single(
            "eigenschap", "unique", "Deze eigenschap heeft al een waarde bij deze zaak."
        )
    before = None
    if zaakeigenschap is None:
        zaakeigenschap = ZaakEigenschap(zaak=zaak)
    else:
        before = {"eigenschap": zaakeigenschap.eigenschap.name, "waarde": zaakeigenschap.value}
    zaakeigenschap.eigenschap = eigenschap
    zaakeigenschap.value = value
    zaakeigenschap.save()
    _record_part(
        zaak,
        zaakeigenschap,
        actor=actor,
        action="set_zaakeigenschap",
        zgw_actie=zgw_actie,
        before=before,
        after={"eigenschap": eigenschap.name, "waarde": value},
    )
    return zaakeigenschap


@transaction.atomic
def delete_zaakeigenschap(*, zaakeigenschap: ZaakEigenschap, actor: Actor, may_change_closed: bool) -> None:
    zaak = _zaak_for_part(zaakeigenschap.zaak, may_change_closed)
    before = {"eigenschap": zaakeigenschap.eigenschap.name, "waarde": zaakeigenschap.value}
    _record_part(
        zaak, zaakeigenschap, actor=actor, action="delete_zaakeigenschap", zgw_actie="destroy", before=before
    )
    zaakeigenschap.delete()


@transaction.atomic
def set_zaakobject(
    *,
    zaak: Zaak,
    values: dict[str, Any],
    actor: Actor,
    may_change_closed: bool,
    zaakobject: ZaakObject | None = None,
    zgw_actie: str = "create",
) -> ZaakObject:
    """Relate an object (address, building, person ...) to the zaak, or change the relation.

    ZGW: an ``overige`` object needs ``objectTypeOverige`` or its definitie; the object
    is given as a URL and/or an embedded ``objectIdentificatie``.
    """
    zaak = _zaak_for_part(zaak, may_change_closed)
    before = None
    if zaakobject is None:
        zaakobject = ZaakObject(zaak=zaak)
    else:
        before = {"objectType": zaakobject.object_type, "object": zaakobject.object}
    for name, value in values.items():
        setattr(zaakobject, name, value)
    if zaakobject.object_type == "overige" and not (
        zaakobject.object_type_overige or zaakobject.object_type_overige_definitie
    ):
        raise FieldProblem.single(
            "objectTypeOverige", "required", "Geef bij soort 'overige' aan wat voor object het is."
        )
    if not zaakobject.object and not zaakobject.object_identification:
        raise FieldProblem.single(
            "nonFieldErrors", "invalid-zaakobject", "Geef een object (URL) of een objectIdentificatie."
        )
    zaakobject.save()
    _record_part(
        zaak,
        zaakobject,
        actor=actor,
        action="set_zaakobject",
        zgw_actie=zgw_actie,
        before=before,
        after={"objectType": zaakobject.object_type, "object": zaakobject.object},
    )
    return zaakobject


@transaction.atomic
def delete_zaakobject(*, zaakobject: ZaakObject, actor: Actor, may_change_closed: bool) -> None:
    zaak = _zaak_for_part(zaakobject.zaak, may_change_closed)
    before = {"objectType": zaakobject.object_type, "object": zaakobject.object}
    _record_part(
        zaak, zaakobject, actor=actor, action="delete_zaakobject", zgw_actie="destroy", before=before
    )
    zaakobject.delete()
