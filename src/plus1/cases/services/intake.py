from __future__ import annotations

import datetime
import logging
import uuid
from dataclasses import dataclass, replace

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction

from plus1.audit.services import Actor
from plus1.catalog.answers import clean_answers
from plus1.catalog.conditions import is_required, missing_document_label
from plus1.catalog.constants import GENERATED_DOCUMENT_TYPES, RolOmschrijvingGeneriek
from plus1.catalog.models import Adoption, StatusType
from plus1.core import clock
from plus1.tenants.models import Organisation

from .. import deadlines
from ..constants import CASE_NUMBER_PREFIX, Betalingsindicatie, SubjectType
from ..exceptions import (
    DraftAlreadySubmitted,
    InvalidRequestData,
    InvalidUpload,
    MissingDocuments,
    ProcessNotAdopted,
    ZaakError,
)
from ..letters import mail
from ..letters.documents import request_copy
from ..models import CaseNumberSequence, InformatieObject, RequestDraft, Rol, Status, Zaak, ZaakEigenschap
from ..processing import record_change
from ..uploads import check_upload
from . import documents

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Initiator:
    """The resident or business who starts a zaak."""

    name: str
    bsn: str = ""
    kvk_number: str = ""
    email: str = ""

    @property
    def subject_type(self) -> str:
        return SubjectType.NIET_NATUURLIJK_PERSOON if self.kvk_number else SubjectType.NATUURLIJK_PERSOON


_NEXT_NUMBER_SQL = (
    "UPDATE cases_casenumbersequence SET last_number = last_number + 1"
    " WHERE tenant_id = %s AND year = %s RETURNING last_number"
)


def next_case_number(*, tenant: Organisation, year: int) -> str:
    """Hand out the next readable case number of this gemeente and year, e.g. ZAAK-2026-0000123.

    The increment locks the counter row for the rest of the transaction, so two submissions
    at the same moment never get the same number. One statement, as it runs on every create.
    """
    with connection.cursor() as cursor:
        cursor.execute(_NEXT_NUMBER_SQL, [tenant.pk, year])
        row = cursor.fetchone()
        if row is None:
            # The first number of this year: another submission may be creating the row too.
            CaseNumberSequence.objects.bulk_create(
                [CaseNumberSequence(tenant=tenant, year=year)], ignore_conflicts=True
            )
            cursor.execute(_NEXT_NUMBER_SQL, [tenant.pk, year])
            row = cursor.fetchone()
    return f"{CASE_NUMBER_PREFIX}-{year}-{row[0]:07d}"


@transaction.atomic
def create_zaak(
    *,
    tenant: Organisation,
    adoption: Adoption,
    initiator: Initiator,
    data: dict[str, str],
    actor: Actor,
    paid_at: datetime.datetime | None = None,
) -> Zaak:
    """Register a new zaak on the version of the process this gemeente has adopted.

    The zaak gets the first status of its zaaktype, the initiator role and the request
    data; its legal end date is the registration date plus the zaaktype's doorlooptijd,
    moved to the next working day (cases.deadlines). It lands in the inbox of the team
    that owns the process at this gemeente. ``paid_at``: the fee was paid online (payments),
    so the zaak starts with betalingsindicatie "geheel" and that laatsteBetaaldatum.
    """
    if adoption.tenant_id != tenant.pk:
        raise ProcessNotAdopted("Deze gemeente heeft dit proces niet overgenomen.")
    zaaktype = adoption.zaaktype
    eigenschappen = {e.name: e for e in zaaktype.eigenschappen.all()}
    try:
        data = clean_answers(list(eigenschappen.values()), data, complete=True)
    except ValidationError as exc:
        raise InvalidRequestData({name: messages[0] for name, messages in exc.message_dict.items()}) from exc

    today = clock.today()
    zaak = Zaak.objects.create(
        tenant=tenant,
        identificatie=next_case_number(tenant=tenant, year=today.year),
        bronorganisatie=tenant.rsin,
        zaaktype=zaaktype,
        omschrijving=zaaktype.omschrijving,
        confidentiality=zaaktype.confidentiality,
        registered_on=today,
        started_on=today,
        planned_end_on=deadlines.legal_end_date(started_on=today, lead_time=zaaktype.lead_time),
        service_norm_on=deadlines.service_norm_date(started_on=today, service_norm=zaaktype.service_norm),
        team_id=adoption.team_id,
        betalingsindicatie=Betalingsindicatie.GEHEEL if paid_at else "",
        laatste_betaaldatum=paid_at,
    )
    first_status = StatusType.objects.filter(zaaktype=zaaktype).order_by("volgnummer").first()
    if first_status is not None:
        status = Status.objects.create(zaak=zaak, statustype=first_status, set_at=clock.now())
        zaak.current_status = status
        zaak.save(update_fields=["current_status"])
    initiator_roltype = zaaktype.roltypen.get(generic=RolOmschrijvingGeneriek.INITIATOR)
    Rol.objects.create(
        zaak=zaak,
        roltype=initiator_roltype,
        subject_type=initiator.subject_type,
        bsn=initiator.bsn,
        kvk_number=initiator.kvk_number,
        name=initiator.name,
        email=initiator.email,
    )
    ZaakEigenschap.objects.bulk_create(
        ZaakEigenschap(zaak=zaak, eigenschap=eigenschappen[name], value=value) for name, value in data.items()
    )
    record_change(
        tenant=tenant,
        actor=actor,
        action="create_zaak",
        obj=zaak,
        after={
            "identificatie": zaak.identificatie,
            "zaaktype": str(zaaktype.uuid),
            "version": zaaktype.version,
        },
    )
    return zaak


def start_or_resume_draft(
    *, tenant: Organisation, adoption: Adoption, owner_bsn: str = "", owner_kvk_number: str = ""
) -> RequestDraft:
    """Return the resident's (BSN) or business's (KvK number) open draft for this process, or start one."""
    if bool(owner_bsn) == bool(owner_kvk_number):
        raise ZaakError("Een concept-aanvraag hoort bij precies een inwoner of onderneming.")
    if adoption.tenant_id != tenant.pk:
        raise ProcessNotAdopted("Deze gemeente heeft dit proces niet overgenomen.")
    draft, _created = RequestDraft.objects.get_or_create(
        tenant=tenant,
        adoption=adoption,
        owner_bsn=owner_bsn,
        owner_kvk_number=owner_kvk_number,
        zaak__isnull=True,
    )
    return draft


@transaction.atomic
def save_draft_answers(*, draft: RequestDraft, answers: dict[str, str]) -> RequestDraft:
    """Store answers of one form step; each is checked, required-ness only at submit."""
    draft = RequestDraft.objects.select_for_update().get(pk=draft.pk)
    if draft.is_submitted:
        raise DraftAlreadySubmitted("Deze aanvraag is al verstuurd.")
    eigenschappen = [e for e in draft.adoption.zaaktype.eigenschappen.all() if e.name in answers]
    try:
        cleaned = clean_answers(eigenschappen, answers, complete=False)
    except ValidationError as exc:
        raise InvalidRequestData({name: messages[0] for name, messages in exc.message_dict.items()}) from exc
    draft.data = {**{k: v for k, v in draft.data.items() if k not in answers}, **cleaned}
    draft.save(update_fields=["data", "updated_at"])
    return draft


@transaction.atomic
def submit_draft(
    *,
    draft: RequestDraft,
    initiator: Initiator,
    actor: Actor,
    confirm_to: str = "",
    paid_at: datetime.datetime | None = None,
    defer_completion: bool = False,
) -> Zaak:
    """Turn a complete draft into a zaak, exactly once.

    A second submit of the same draft (double click, back button, retry after a network
    error) waits for the first under a row lock and then returns the zaak it made.
    ``defer_completion``: the caller runs ``complete_submission`` itself (payments hands it to
    the worker, so a provider's notice does not wait for the PDF copy).
    """
    locked = RequestDraft.objects.select_for_update().select_related("adoption__zaaktype").get(pk=draft.pk)
    if RequestDraft.tenant.is_cached(draft):  # the caller has the gemeente already: no second read
        locked.tenant = draft.tenant
    draft = locked
    if draft.is_submitted:
        return draft.zaak
    present = set(draft.documenten.values_list("informatieobjecttype_id", flat=True))
    if missing := _missing_documents(draft, present):
        raise MissingDocuments(missing)
    if confirm_to and not initiator.email:
        initiator = replace(initiator, email=confirm_to)
    zaak = create_zaak(
        tenant=draft.tenant,
        adoption=draft.adoption,
        initiator=initiator,
        data=draft.data,
        actor=actor,
        paid_at=paid_at,
    )
    draft.zaak = zaak
    draft.save(update_fields=["zaak", "updated_at"])
    if present:  # the draft is locked, so no upload came in since
        draft.documenten.update(zaak=zaak)
        documents.link_documents_to_zaak(zaak=zaak, documents=draft.documenten.all())
    # After the commit: the PDF copy takes a tenth of a second the case-number lock should not
    # wait for, and a copy that fails never loses the submitted request.
    if not defer_completion:
        transaction.on_commit(lambda: complete_submission(zaak=zaak, actor=actor, confirm_to=confirm_to))
    return zaak


def complete_submission(*, zaak: Zaak, actor: Actor, confirm_to: str = "") -> None:
    """Store the PDF copy of a submitted request and send the confirmation with it attached."""
    try:
        with transaction.atomic():
            store_request_copy(zaak=zaak, actor=actor)
    except Exception:
        logger.exception("The PDF copy of request %s could not be stored", zaak.identificatie)
    if confirm_to:
        send_confirmation(zaak=zaak, to=confirm_to)


def send_confirmation(*, zaak: Zaak, to: str) -> None:
    """E-mail the resident that the gemeente received the request (Awb 4:3a ontvangstbevestiging).

    The PDF copy of the request goes with it, so the resident keeps what they sent.
    """
    copy = zaak.documenten.filter(
        informatieobjecttype__omschrijving__in=GENERATED_DOCUMENT_TYPES, content_type="application/pdf"
    ).first()
    attachments = []
    if copy is not None:
        with copy.file.open("rb") as handle:
            attachments.append(mail.Attachment(copy.filename, handle.read(), copy.content_type))
    mail.mail_initiator_now(
        zaak=zaak,
        to=to,
        subject=f"Wij hebben uw aanvraag ontvangen ({zaak.identificatie})",
        template="cases/email/confirmation.txt",
        attachments=attachments,
    )


def store_request_copy(*, zaak: Zaak, actor: Actor) -> InformatieObject | None:
    """Add a PDF copy of the submitted request to the zaak's documents, as its Aanvraagformulier.

    Only when the zaaktype has that (generated) document type; the resident sees it in Mijn zaken.
    """
    link = zaak.zaaktype.document_types.filter(
        informatieobjecttype__omschrijving__in=GENERATED_DOCUMENT_TYPES
    ).first()
    if link is None:
        return None
    copy = request_copy(zaak=zaak, actor=actor)
    return documents.store_upload(
        tenant=zaak.tenant,
        zaak=zaak,
        informatieobjecttype_id=link.informatieobjecttype_id,
        upload=ContentFile(copy.data, name=copy.filename),
        content_type=copy.content_type,
        actor=Actor.system("Plus1 (kopie van de aanvraag)"),
        title=copy.title,
    )


@transaction.atomic
def add_draft_document(
    *, draft: RequestDraft, informatieobjecttype_id: int, upload: UploadedFile
) -> InformatieObject:
    """Attach an uploaded file to a draft, after checking its content and size."""
    draft = RequestDraft.objects.select_for_update().select_related("adoption__zaaktype").get(pk=draft.pk)
    if draft.is_submitted:
        raise DraftAlreadySubmitted("Deze aanvraag is al verstuurd.")
    link = draft.adoption.zaaktype.document_types.filter(
        informatieobjecttype_id=informatieobjecttype_id, direction="inkomend"
    ).first()
    if link is None:
        raise InvalidUpload("Dit soort document hoort niet bij deze aanvraag.")
    content_type = check_upload(upload)
    return documents.store_upload(
        tenant=draft.tenant,
        draft=draft,
        informatieobjecttype_id=informatieobjecttype_id,
        upload=upload,
        content_type=content_type,
        actor=Actor(type="resident", id=str(draft.pk), label=""),
    )


def missing_documents(draft: RequestDraft) -> list[str]:
    """Names of the document types this request needs that the resident has not added yet.

    A document an earlier answer made required (catalog.conditions) names that answer.
    """
    return _missing_documents(draft, set(draft.documenten.values_list("informatieobjecttype_id", flat=True)))


def _missing_documents(draft: RequestDraft, present: set[int]) -> list[str]:
    links = draft.adoption.zaaktype.document_types.filter(direction="inkomend").exclude(
        informatieobjecttype__omschrijving__in=GENERATED_DOCUMENT_TYPES
    )
    return [
        missing_document_label(link, draft.data)
        for link in links.select_related("informatieobjecttype")
        if link.informatieobjecttype_id not in present and is_required(link, draft.data)
    ]


@transaction.atomic
def submit_anonymous_report(
    *,
    tenant: Organisation,
    adoption: Adoption,
    token: uuid.UUID,
    answers: dict[str, str],
    email: str,
    actor: Actor,
) -> Zaak:
    """Register a report made without logging in (e.g. melding openbare ruimte).

    ``token`` comes from the form page; sending the same form twice finds the same draft
    and so the same zaak.
    """
    if not adoption.zaaktype.allows_anonymous:
        raise ProcessNotAdopted("Voor dit product moet u inloggen.")
    draft, _created = RequestDraft.objects.get_or_create(
        uuid=token, defaults={"tenant": tenant, "adoption": adoption, "owner_bsn": "", "data": answers}
    )
    if (
        draft.tenant_id != tenant.pk
        or draft.adoption_id != adoption.pk
        or draft.owner_bsn
        or draft.owner_kvk_number
    ):
        raise ProcessNotAdopted("Deze melding hoort niet bij dit formulier.")
    return submit_draft(
        draft=draft, initiator=Initiator(name="Melder", email=email), actor=actor, confirm_to=email
    )
