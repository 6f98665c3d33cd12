"""Deciding and closing: the Besluit with its letter, the resultaat with its archive dates, reopening.

Same rules as the other handling services: the zaak row is locked, the version checked, one
transaction with an audit record and a processing record.
"""

from __future__ import annotations

import datetime

from django.core.files.base import ContentFile
from django.db import transaction

from plus1.audit.services import Actor
from plus1.catalog.constants import BrondatumAfleidingswijze, Direction
from plus1.catalog.models import BesluitType, ResultaatType, StatusType
from plus1.catalog.terms import add_term
from plus1.core import clock

from ..exceptions import ZaakError
from ..letters.documents import besluit_letter
from ..models import Besluit, Resultaat, Status, Zaak
from ..processing import record_change
from . import besluiten, documents
from .handling import SUSPENSION_FIELDS, end_suspension, lock_zaak, save_locked_zaak, set_status


def _letter_document_type(zaak: Zaak) -> int:
    links = zaak.zaaktype.document_types.select_related("informatieobjecttype")
    for link in links:
        if link.informatieobjecttype.category == "Besluit":
            return link.informatieobjecttype_id
    for link in links:
        if link.direction == Direction.UITGAAND:
            return link.informatieobjecttype_id
    raise ZaakError(
        "Dit zaaktype heeft geen documenttype voor de besluitbrief. Vraag de beheerder dit toe te voegen."
    )


@transaction.atomic
def decide_zaak(
    *,
    zaak: Zaak,
    besluittype: BesluitType,
    decided_on: datetime.date,
    effective_on: datetime.date,
    expires_on: datetime.date | None = None,
    toelichting: str = "",
    actor: Actor,
    expected_version: int | None,
) -> Besluit:
    """Record the decision on the zaak and add the decision letter to its documents.

    The besluittype must belong to the zaaktype (ZGW zrc-? / brc-001); a decision is not
    dated in the future, and it expires no earlier than it takes effect.
    """
    zaak = lock_zaak(zaak, expected_version)
    if not zaak.zaaktype.besluittypen.filter(pk=besluittype.pk).exists():
        raise ZaakError("Dit soort besluit hoort niet bij dit zaaktype.")
    if decided_on > clock.today():
        raise ZaakError("De besluitdatum kan niet in de toekomst liggen.")
    if expires_on is not None and expires_on < effective_on:
        raise ZaakError("De vervaldatum kan niet voor de ingangsdatum liggen.")
    number = zaak.besluiten.count() + 1
    besluit = Besluit.objects.create(
        tenant=zaak.tenant,
        identificatie=f"{zaak.identificatie}-B{number}",
        verantwoordelijke_organisatie=zaak.tenant.rsin,
        zaak=zaak,
        besluittype=besluittype,
        decided_on=decided_on,
        effective_on=effective_on,
        expires_on=expires_on,
        toelichting=toelichting.strip(),
    )
    # The letter is a PDF/A (archivable) with the grounds and the objection clause (Awb 3:45-3:47).
    letter = besluit_letter(zaak=zaak, besluit=besluit, actor=actor)
    besluit.letter = documents.store_upload(
        tenant=zaak.tenant,
        zaak=zaak,
        informatieobjecttype_id=_letter_document_type(zaak),
        upload=ContentFile(letter.data, name=letter.filename),
        content_type=letter.content_type,
        actor=Actor.system("Plus1 (besluitbrief)"),
        title=letter.title,
    )
    besluit.save(update_fields=["letter"])
    # The same audit row, notification (kanaal besluiten) and document link as a besluit made
    # through the Besluiten API.
    besluiten.announce_created(besluit, actor=actor)
    besluiten.link_besluit_letter(besluit)
    save_locked_zaak(zaak)
    record_change(
        tenant=zaak.tenant,
        actor=actor,
        action="decide_zaak",
        obj=zaak,
        after={"besluit": besluit.identificatie, "besluittype": besluittype.omschrijving},
    )
    return besluit


def archive_action_date(zaak: Zaak, resultaattype: ResultaatType) -> datetime.date | None:
    """The date the zaak may be destroyed or must be transferred (ZGW archiefactiedatum).

    The brondatum follows the resultaattype's afleidingswijze; the archiefactietermijn runs
    from it. For a brondatum Plus1 cannot know (``ander_datumkenmerk``, a date on a zaakobject
    in another register, a related zaak or hoofdzaak that is still open, an eigenschap that
    holds no date), the date stays empty for the record manager to fill in.
    """
    if not resultaattype.archiefactietermijn:
        return None
    brondatum = _brondatum(zaak, resultaattype)
    return add_term(brondatum, resultaattype.archiefactietermijn) if brondatum else None


def _brondatum(zaak: Zaak, resultaattype: ResultaatType) -> datetime.date | None:
    rule = resultaattype.brondatum_afleidingswijze
    if rule == BrondatumAfleidingswijze.AFGEHANDELD:
        return zaak.ended_on
    if rule == BrondatumAfleidingswijze.TERMIJN:
        # ztc-005: the procestermijn runs from the end of the zaak.
        if zaak.ended_on and resultaattype.brondatum_procestermijn:
            return add_term(zaak.ended_on, resultaattype.brondatum_procestermijn)
        return None
    if rule == BrondatumAfleidingswijze.HOOFDZAAK:
        return zaak.hoofdzaak.ended_on if zaak.hoofdzaak_id else None
    if rule == BrondatumAfleidingswijze.EIGENSCHAP:
        answer = (
            zaak.eigenschappen.filter(eigenschap__name=resultaattype.brondatum_datumkenmerk)
            .values_list("value", flat=True)
            .first()
        )
        return _as_date(answer)
    if rule in (BrondatumAfleidingswijze.INGANGSDATUM_BESLUIT, BrondatumAfleidingswijze.VERVALDATUM_BESLUIT):
        # zrc-021: the latest ingangsdatum (or vervaldatum) of all the zaak's besluiten.
        field = "effective_on" if rule == BrondatumAfleidingswijze.INGANGSDATUM_BESLUIT else "expires_on"
        return max(filter(None, zaak.besluiten.values_list(field, flat=True)), default=None)
    if rule == BrondatumAfleidingswijze.GERELATEERDE_ZAAK:
        # zrc-021: the latest einddatum of the related zaken (relevanteAndereZaken) of Plus1;
        # none while one of them is still open.
        ends = list(zaak.links.filter(other__isnull=False).values_list("other__ended_on", flat=True))
        return None if not ends or None in ends else max(ends)
    return None


def _as_date(value: str | None) -> datetime.date | None:
    # An eigenschap of type datum holds an ISO date; a date-time keeps its date part.
    try:
        return datetime.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


@transaction.atomic
def close_zaak(
    *,
    zaak: Zaak,
    resultaattype: ResultaatType,
    toelichting: str = "",
    actor: Actor,
    expected_version: int | None,
) -> Zaak:
    """Close the zaak with a resultaat and the zaaktype's last status.

    The resultaattype sets the archive nomination and, from its selectielijst rules, the
    archive action date (ZGW zrc-008). An open question to the resident is withdrawn.
    """
    zaak = lock_zaak(zaak, expected_version)
    if resultaattype.zaaktype_id != zaak.zaaktype_id:
        raise ZaakError("Dit resultaat hoort niet bij het zaaktype van deze zaak.")
    end_status = StatusType.objects.filter(zaaktype_id=zaak.zaaktype_id).order_by("-volgnummer").first()
    if end_status is None:
        raise ZaakError("Dit zaaktype heeft geen statussen; de zaak kan niet worden afgesloten.")
    if zaak.is_suspended:
        end_suspension(zaak, withdraw_question="Vervallen: de zaak is afgesloten.")
        save_locked_zaak(zaak, *SUSPENSION_FIELDS)
    Resultaat.objects.create(zaak=zaak, resultaattype=resultaattype, toelichting=toelichting.strip())
    set_status(zaak=zaak, statustype=end_status, actor=actor, note=toelichting.strip())
    zaak.refresh_from_db()
    # zrc-021: a nomination the zaak already has is kept; so is a date none can be derived for.
    zaak.archive_nomination = zaak.archive_nomination or resultaattype.archiefnominatie
    zaak.archive_action_on = archive_action_date(zaak, resultaattype) or zaak.archive_action_on
    save_locked_zaak(zaak, "archive_nomination", "archive_action_on")
    record_change(
        tenant=zaak.tenant,
        actor=actor,
        action="close_zaak",
        obj=zaak,
        after={
            "resultaat": resultaattype.omschrijving,
            "archive_nomination": zaak.archive_nomination,
            "archive_action_on": zaak.archive_action_on.isoformat() if zaak.archive_action_on else None,
        },
    )
    return zaak


@transaction.atomic
def reopen_zaak(*, zaak: Zaak, reason: str, actor: Actor, expected_version: int | None) -> Zaak:
    """Open a closed zaak again, e.g. after a successful objection; the reason is kept.

    The resultaat and archive data go (they described an ending that no longer holds), and
    the zaak returns to the status before its end status.
    """
    zaak = lock_zaak(zaak, expected_version, must_be_open=False)
    if zaak.is_open:
        raise ZaakError("Deze zaak is niet afgesloten.")
    reason = reason.strip()
    if not reason:
        raise ZaakError("Schrijf op waarom de zaak weer open gaat.")
    previous = (
        StatusType.objects.filter(zaaktype_id=zaak.zaaktype_id)
        .exclude(pk=zaak.current_status.statustype_id)
        .order_by("-volgnummer")
        .first()
    )
    before = {"resultaat": str(zaak.resultaat) if hasattr(zaak, "resultaat") else None}
    Resultaat.objects.filter(zaak=zaak).delete()
    if previous is not None:
        zaak.current_status = Status.objects.create(
            zaak=zaak, statustype=previous, set_at=clock.now(), note=f"Heropend: {reason}"
        )
    zaak.ended_on = None
    zaak.archive_nomination = ""
    zaak.archive_action_on = None
    save_locked_zaak(zaak, "current_status", "ended_on", "archive_nomination", "archive_action_on")
    record_change(tenant=zaak.tenant, actor=actor, action="reopen_zaak", obj=zaak, before=before, note=reason)
    return zaak
