"""Case handling: what a case handler does with a zaak, from claiming it to closing it.

Every function locks the zaak row, checks the version the employee saw (optimistic lock:
``expected_version``, ``None`` to skip the check for system callers), changes it in one
transaction with an audit record, and raises the version by one.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from plus1.audit.services import Actor
from plus1.catalog.constants import Direction
from plus1.catalog.models import StatusType
from plus1.core import clock
from plus1.core.exceptions import FieldProblem
from plus1.tenants.models import Organisation

from .. import deadlines
from ..exceptions import InvalidUpload, MissingResultaat, ZaakClosed, ZaakConflict, ZaakError
from ..letters import mail
from ..models import (
    InformatieObject,
    InformationRequest,
    Note,
    Resultaat,
    Status,
    Zaak,
    ZaakShare,
    ZaakSuspension,
)
from ..processing import record_change
from ..reachability import why_initiator_cannot_answer
from ..uploads import check_upload
from . import documents

INFORMATION_REQUEST_REASON = "Wij wachten op informatie van de aanvrager"


def lock_zaak(zaak: Zaak, expected_version: int | None, *, must_be_open: bool = True) -> Zaak:
    """Lock the zaak's row for this transaction and check the version the caller saw.

    Every service that changes a zaak starts here (handling, closing, links, registration,
    sharing), so two employees or an employee and an API client never overwrite each other.
    """
    # Lock only the zaak row: the activity is a nullable (outer) join PostgreSQL cannot lock.
    locked = (
        Zaak.objects.select_for_update(of=("self",))
        .select_related("zaaktype__processing_activity", "tenant")
        .get(pk=zaak.pk)
    )
    if expected_version is not None and locked.version != expected_version:
        raise ZaakConflict(locked.version)
    if must_be_open and not locked.is_open:
        raise ZaakClosed("Deze zaak is afgesloten. Heropen de zaak eerst.")
    return locked


def save_locked_zaak(zaak: Zaak, *fields: str) -> None:
    """Save ``fields`` of a zaak locked by ``lock_zaak`` and raise its version by one."""
    # The row is locked by lock_zaak, so a plain increment cannot race.
    zaak.version += 1
    zaak.save(update_fields=[*fields, "version"])


def _recompute_deadlines(zaak: Zaak) -> None:
    periods = list(zaak.suspensions.values_list("started_on", "ended_on"))
    zaak.planned_end_on = deadlines.legal_end_date(
        started_on=zaak.started_on,
        lead_time=zaak.zaaktype.lead_time,
        suspensions=periods,
        extended_by=zaak.extended_by,
    )
    zaak.service_norm_on = deadlines.service_norm_date(
        started_on=zaak.started_on, service_norm=zaak.zaaktype.service_norm, suspensions=periods
    )


def _mail_initiator(zaak: Zaak, *, subject: str, template: str, context: dict[str, Any]) -> None:
    """Send a message to the resident after commit; details stay in Mijn zaken, not in the mail."""
    mail.mail_zaak_contacts(zaak=zaak, subject=subject, template=template, context=context)


# --- who works on it -------------------------------------------------------------------------


@transaction.atomic
def claim_zaak(*, zaak: Zaak, user: AbstractBaseUser, actor: Actor, expected_version: int | None) -> Zaak:
    """Take a zaak from the team inbox to work on it yourself."""
    return assign_zaak(zaak=zaak, assignee=user, actor=actor, expected_version=expected_version)


@transaction.atomic
def assign_zaak(
    *, zaak: Zaak, assignee: AbstractBaseUser | None, actor: Actor, expected_version: int | None
) -> Zaak:
    """Give a zaak to a member of its team, or back to the team (``assignee=None``)."""
    zaak = lock_zaak(zaak, expected_version)
    if assignee is not None and zaak.team_id and not zaak.team.members.filter(pk=assignee.pk).exists():
        raise ZaakError("Deze medewerker zit niet in het team van deze zaak.")
    before = {"assignee": str(zaak.assignee) if zaak.assignee_id else None}
    zaak.assignee = assignee
    save_locked_zaak(zaak, "assignee")
    record_change(
        tenant=zaak.tenant,
        actor=actor,
        action="assign_zaak",
        obj=zaak,
        before=before,
        after={"assignee": str(assignee) if assignee else None},
    )
    return zaak


@transaction.atomic
def assign_zaken(
    *, tenant: Organisation, zaak_ids: Iterable[int], assignee: AbstractBaseUser | None, actor: Actor
) -> int:
    """Assign several open zaken of this gemeente at once; returns how many were assigned.

    Zaken of another gemeente, closed zaken, and zaken of a team the assignee is not in are
    left as they are: a bulk action never reaches outside what the employee may see.
    """
    zaken = Zaak.objects.for_tenant(tenant).filter(pk__in=list(zaak_ids), ended_on__isnull=True)
    if assignee is not None:
        zaken = zaken.filter(team__members=assignee)
    count = 0
    for zaak in zaken.order_by("pk"):
        assign_zaak(zaak=zaak, assignee=assignee, actor=actor, expected_version=None)
        count += 1
    return count


# --- statuses -------------------------------------------------------------------------------


def _is_end_status(statustype: StatusType) -> bool:
    return not StatusType.objects.filter(
        zaaktype_id=statustype.zaaktype_id, volgnummer__gt=statustype.volgnummer
    ).exists()


@transaction.atomic
def set_status(
    *,
    zaak: Zaak,
    statustype: StatusType,
    actor: Actor,
    note: str = "",
    expected_version: int | None = None,
    set_at: datetime.datetime | None = None,
    set_by: str = "",
    in_order: bool = True,
    may_reopen: bool = False,
    may_change_closed: bool = False,
    check_usage_rights: bool = False,
) -> Status:
    """Give a zaak its next status from its own zaaktype, in the zaaktype's order.

    The last status (eindstatus) needs a resultaat first (ZGW zrc-007): ``close_zaak`` sets
    both. The eindstatus ends the zaak on the day it was set and derives the archive data
    from the resultaat (zrc-021). A status that is not the eindstatus on a closed zaak
    reopens it and clears einddatum, archiefnominatie and archiefactiedatum (zrc-008); only
    a caller allowed to reopen (``may_reopen``) may do that. The Zaken API sets statuses in
    any order (``in_order=False``) and with the time the client gives. When the statustype
    says the resident is informed, they get an e-mail (if they left an address) and the
    status appears in their Mijn zaken timeline.
    """
    zaak = lock_zaak(zaak, expected_version, must_be_open=False)
    if statustype.zaaktype_id != zaak.zaaktype_id:
        raise ZaakError("Deze status hoort niet bij het zaaktype van deze zaak.")
    is_end = _is_end_status(statustype)
    if not zaak.is_open and not (may_change_closed or (may_reopen and not is_end)):
        raise ZaakClosed("Deze zaak is afgesloten. Heropen de zaak eerst.")
    current = zaak.current_status.statustype if zaak.current_status_id else None
    if in_order and current is not None and statustype.volgnummer <= current.volgnummer:
        raise ZaakError(f"De zaak heeft al de status '{current.omschrijving}'. Kies een volgende status.")
    set_at = set_at or clock.now()
    # Compared as a Dutch date: just after midnight, UTC still says yesterday.
    if timezone.localdate(set_at) < zaak.started_on:
        raise FieldProblem.single(
            "datumStatusGezet", "date-before-startdatum", "Een status kan niet voor de startdatum liggen."
        )
    resultaat = Resultaat.objects.filter(zaak=zaak).select_related("resultaattype").first()
    if is_end and resultaat is None:
        raise MissingResultaat("Kies eerst een resultaat: sluit de zaak af met 'Zaak afsluiten'.")
    if is_end and check_usage_rights:
        _check_usage_rights(zaak)
    status = Status.objects.create(zaak=zaak, statustype=statustype, set_at=set_at, note=note, set_by=set_by)
    zaak.current_status = status
    fields = ["current_status", "ended_on"]
    if is_end:
        from .closing import archive_action_date

        zaak.ended_on = timezone.localdate(set_at)
        zaak.archive_nomination = zaak.archive_nomination or resultaat.resultaattype.archiefnominatie
        zaak.archive_action_on = archive_action_date(zaak, resultaat.resultaattype) or zaak.archive_action_on
        fields += ["archive_nomination", "archive_action_on"]
    elif not zaak.is_open:
        zaak.ended_on = None
        zaak.archive_nomination = ""
        zaak.archive_action_on = None
        fields += ["archive_nomination", "archive_action_on"]
    save_locked_zaak(zaak, *fields)
    record_change(
        tenant=zaak.tenant,
        actor=actor,
        action="set_status",
        obj=zaak,
        before={"status": current.omschrijving if current else None},
        after={"status": statustype.omschrijving},
        note=note,
    )
    if statustype.informs_initiator:
        _mail_initiator(
            zaak,
            subject=f"Nieuws over uw zaak {zaak.identificatie}: {statustype.omschrijving}",
            template="cases/email/status.txt",
            context={"status": status},
        )
    return status


def _check_usage_rights(zaak: Zaak) -> None:
    # zrc-007: every document of a closed zaak says whether conditions apply to its use.
    unset = InformatieObject.objects.filter(
        Q(zaak_id=zaak.pk) | Q(zaakinformatieobjecten__zaak_id=zaak.pk), has_usage_rights__isnull=True
    )
    if unset.exists():
        raise FieldProblem.single(
            "nonFieldErrors",
            "indicatiegebruiksrecht-unset",
            "Geef bij elk document van de zaak eerst de indicatie gebruiksrecht (true of false).",
        )


# --- questions and pauses -------------------------------------------------------------------


def start_suspension(zaak: Zaak, *, reason: str, request: InformationRequest | None = None) -> None:
    today = clock.today()
    ZaakSuspension.objects.create(zaak=zaak, started_on=today, reason=reason, information_request=request)
    zaak.suspended_on = today
    zaak.suspension_reason = reason


# The zaak fields that ending a suspension changes, for ``save_locked_zaak``.
SUSPENSION_FIELDS = ("suspended_on", "suspension_reason", "planned_end_on", "service_norm_on")


def end_suspension(zaak: Zaak, *, withdraw_question: str = "") -> None:
    """Let the term run again from today; ``withdraw_question`` closes an open question with that text."""
    if withdraw_question:
        zaak.information_requests.filter(answered_at__isnull=True).update(
            answered_at=clock.now(), answer=withdraw_question
        )
    zaak.suspensions.filter(ended_on__isnull=True).update(ended_on=clock.today())
    zaak.suspended_on = None
    zaak.suspension_reason = ""
    _recompute_deadlines(zaak)


def _store_document(
    zaak: Zaak,
    *,
    informatieobjecttype_id: int,
    upload: UploadedFile,
    content_type: str,
    actor: Actor,
    **links,
) -> InformatieObject:
    """One uploaded file of the zaak, already checked by ``check_upload``; ``links`` say why it came."""
    return documents.store_upload(
        tenant=zaak.tenant,
        zaak=zaak,
        informatieobjecttype_id=informatieobjecttype_id,
        upload=upload,
        content_type=content_type,
        actor=actor,
        **links,
    )


@transaction.atomic
def request_information(
    *,
    zaak: Zaak,
    question: str,
    answer_due_on: datetime.date,
    actor: Actor,
    expected_version: int | None,
    document_type_id: int | None = None,
) -> InformationRequest:
    """Ask the resident to complete the request (Awb 4:5).

    When the zaaktype allows suspension, the legal term stands still from the day after
    the question until the day of the answer (Awb 4:15 lid 1 sub a). The resident gets an
    e-mail and sees the question, with an upload, in Mijn zaken. ``document_type_id`` names
    the kind of document asked for (one the resident can add to this zaak); the answer form
    proposes it.
    """
    zaak = lock_zaak(zaak, expected_version)
    # Only Mijn zaken takes an answer: a question nobody can log in to answer would stop the
    # legal term for good.
    if (unreachable := why_initiator_cannot_answer(zaak)) is not None:
        raise ZaakError(unreachable)
    question = question.strip()
    if not question:
        raise ZaakError("Schrijf op welke informatie u nodig hebt.")
    if answer_due_on <= clock.today():
        raise ZaakError("Geef de inwoner tijd: de datum voor het antwoord moet na vandaag liggen.")
    if zaak.information_requests.filter(answered_at__isnull=True).exists():
        raise ZaakError("Er staat al een vraag open bij de inwoner. Wacht op het antwoord.")
    if (
        document_type_id is not None
        and not zaak.zaaktype.document_types.filter(
            informatieobjecttype_id=document_type_id, direction="inkomend"
        ).exists()
    ):
        raise ZaakError("Dit soort document hoort niet bij deze zaak. Kies een document uit de lijst.")
    request = InformationRequest.objects.create(
        zaak=zaak,
        question=question,
        asked_at=clock.now(),
        asked_by=actor.label,
        answer_due_on=answer_due_on,
        requested_document_type_id=document_type_id,
    )
    fields = []
    if zaak.zaaktype.suspension_allowed and not zaak.is_suspended:
        start_suspension(zaak, reason=INFORMATION_REQUEST_REASON, request=request)
        fields = ["suspended_on", "suspension_reason"]
    save_locked_zaak(zaak, *fields)
    record_change(
        tenant=zaak.tenant,
        actor=actor,
        action="request_information",
        obj=zaak,
        after={"answer_due_on": answer_due_on.isoformat(), "suspended": zaak.is_suspended},
    )
    _mail_initiator(
        zaak,
        subject=f"Wij hebben meer informatie nodig voor uw zaak {zaak.identificatie}",
        template="cases/email/information_request.txt",
        context={"request": request},
    )
    return request


@transaction.atomic
def answer_information_request(
    *,
    zaak: Zaak,
    answer: str,
    uploads: Sequence[tuple[int, UploadedFile]] = (),
    actor: Actor,
) -> InformationRequest:
    """The resident answers the open question, with text and/or documents; the term runs again.

    Every upload is checked before anything is stored, so a bad file loses nothing and
    stores nothing.
    """
    zaak = lock_zaak(zaak, None)
    request = zaak.information_requests.filter(answered_at__isnull=True).first()
    if request is None:
        raise ZaakError("Er staat geen vraag van de gemeente open bij deze zaak.")
    answer = answer.strip()
    if not answer and not uploads:
        raise ZaakError("Schrijf een antwoord of voeg een document toe.")
    allowed = set(
        zaak.zaaktype.document_types.filter(direction=Direction.INKOMEND).values_list(
            "informatieobjecttype_id", flat=True
        )
    )
    checked = []
    for informatieobjecttype_id, upload in uploads:
        if informatieobjecttype_id not in allowed:
            raise InvalidUpload("Dit soort document hoort niet bij deze zaak.")
        checked.append((informatieobjecttype_id, upload, check_upload(upload)))
    for informatieobjecttype_id, upload, content_type in checked:
        _store_document(
            zaak,
            informatieobjecttype_id=informatieobjecttype_id,
            upload=upload,
            content_type=content_type,
            actor=actor,
            information_request=request,
        )
    request.answer = answer
    request.answered_at = clock.now()
    request.save(update_fields=["answer", "answered_at"])
    fields: tuple[str, ...] = ()
    if hasattr(request, "suspension") and zaak.is_suspended:
        end_suspension(zaak)
        fields = SUSPENSION_FIELDS
    save_locked_zaak(zaak, *fields)
    record_change(
        tenant=zaak.tenant,
        actor=actor,
        action="answer_information_request",
        obj=zaak,
        after={"documents": len(checked), "planned_end_on": zaak.planned_end_on.isoformat()},
    )
    return request


@transaction.atomic
def suspend_zaak(*, zaak: Zaak, reason: str, actor: Actor, expected_version: int | None) -> Zaak:
    """Stop the legal term for another reason the law allows (Awb 4:15 lid 2), e.g. with consent."""
    zaak = lock_zaak(zaak, expected_version)
    if not zaak.zaaktype.suspension_allowed:
        raise ZaakError("Bij dit zaaktype kan de termijn niet worden opgeschort.")
    if zaak.is_suspended:
        raise ZaakError("De termijn van deze zaak staat al stil.")
    reason = reason.strip()
    if not reason:
        raise ZaakError("Schrijf op waarom de termijn stil komt te staan.")
    start_suspension(zaak, reason=reason)
    save_locked_zaak(zaak, "suspended_on", "suspension_reason")
    record_change(tenant=zaak.tenant, actor=actor, action="suspend_zaak", obj=zaak, after={"reason": reason})
    return zaak


@transaction.atomic
def resume_zaak(*, zaak: Zaak, note: str, actor: Actor, expected_version: int | None) -> Zaak:
    """Let the term run again, e.g. when the resident answered by phone; an open question closes."""
    zaak = lock_zaak(zaak, expected_version)
    if not zaak.is_suspended:
        raise ZaakError("De termijn van deze zaak loopt al.")
    note = note.strip() or "De termijn loopt weer."
    end_suspension(zaak, withdraw_question=f"Afgehandeld door de gemeente: {note}")
    save_locked_zaak(zaak, *SUSPENSION_FIELDS)
    record_change(
        tenant=zaak.tenant,
        actor=actor,
        action="resume_zaak",
        obj=zaak,
        after={"planned_end_on": zaak.planned_end_on.isoformat()},
        note=note,
    )
    return zaak


@transaction.atomic
def extend_zaak(*, zaak: Zaak, reason: str, actor: Actor, expected_version: int | None) -> Zaak:
    """Extend the legal term once by the zaaktype's verlengingstermijn (e.g. Awb 4:14 lid 3).

    The resident is told, with the reason, before the term ends (Awb 4:14 lid 3).
    """
    zaak = lock_zaak(zaak, expected_version)
    zaaktype = zaak.zaaktype
    if not zaaktype.extension_allowed:
        raise ZaakError("Bij dit zaaktype mag de termijn niet worden verlengd.")
    if zaak.is_extended:
        raise ZaakError("De termijn van deze zaak is al een keer verlengd. Dat kan maar een keer.")
    reason = reason.strip()
    if not reason:
        raise ZaakError("Schrijf de reden op; de inwoner krijgt die te zien.")
    before = zaak.planned_end_on
    zaak.extended_by = zaaktype.extension_period
    zaak.extension_reason = reason[:200]
    _recompute_deadlines(zaak)
    save_locked_zaak(zaak, "extended_by", "extension_reason", "planned_end_on", "service_norm_on")
    record_change(
        tenant=zaak.tenant,
        actor=actor,
        action="extend_zaak",
        obj=zaak,
        before={"planned_end_on": before.isoformat()},
        after={"planned_end_on": zaak.planned_end_on.isoformat(), "reason": reason},
    )
    _mail_initiator(
        zaak,
        subject=f"Wij hebben meer tijd nodig voor uw zaak {zaak.identificatie}",
        template="cases/email/extension.txt",
        context={"reason": reason},
    )
    return zaak


# --- notes and documents (links to other zaken: services.links) ------------------------------


@transaction.atomic
def add_note(*, zaak: Zaak, text: str, author: AbstractBaseUser | None, actor: Actor) -> Note:
    """Write an internal note on the zaak; the resident never sees it. Also allowed when closed."""
    zaak = lock_zaak(zaak, None, must_be_open=False)
    text = text.strip()
    if not text:
        raise ZaakError("Een notitie mag niet leeg zijn.")
    note = Note.objects.create(
        zaak=zaak, author=author, author_label=actor.label, text=text, created_at=clock.now()
    )
    save_locked_zaak(zaak)
    record_change(tenant=zaak.tenant, actor=actor, action="add_note", obj=zaak, after={"note": note.pk})
    return note


@transaction.atomic
def add_zaak_document(
    *,
    zaak: Zaak,
    informatieobjecttype_id: int,
    upload: UploadedFile,
    actor: Actor,
    share: ZaakShare | None = None,
) -> InformatieObject:
    """Add a document to the zaak; checked by content and size like the resident's uploads.

    ``share`` marks a document a chain partner added under that share (the caller checked it).
    """
    zaak = lock_zaak(zaak, None, must_be_open=False)
    if not zaak.zaaktype.document_types.filter(informatieobjecttype_id=informatieobjecttype_id).exists():
        raise InvalidUpload("Dit soort document hoort niet bij dit zaaktype.")
    content_type = check_upload(upload)
    document = _store_document(
        zaak,
        informatieobjecttype_id=informatieobjecttype_id,
        upload=upload,
        content_type=content_type,
        actor=actor,
        share=share,
    )
    save_locked_zaak(zaak)
    record_change(
        tenant=zaak.tenant,
        actor=actor,
        action="add_partner_document" if share else "add_document",
        obj=zaak,
        after={"document": str(document.uuid)} | ({"share": str(share.uuid)} if share else {}),
    )
    return document
