import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery

from plus1.audit.services import subject_for
from plus1.catalog.constants import RolOmschrijvingGeneriek
from plus1.core import clock
from plus1.tenants.models import Organisation

from . import deadlines
from .models import InformatieObject, InformationRequest, Rol, Status, Zaak
from .processing import Purpose, log_document_read, logged


def zaken_for_resident(*, tenant: Organisation, bsn: str, purpose: Purpose) -> QuerySet[Zaak]:
    """The zaken this resident started at this gemeente, newest first. Never another's.

    Every zaak fetched is logged as read for ``purpose`` (Logboek dataverwerkingen).
    """
    if not bsn:
        return Zaak.objects.none()
    zaken = (
        Zaak.objects.for_tenant(tenant)
        .filter(rollen__bsn=bsn, rollen__roltype__generic=RolOmschrijvingGeneriek.INITIATOR)
        .select_related("zaaktype", "current_status__statustype")
        .order_by("-registered_on", "-id")
        .distinct()
    )
    return logged(zaken, purpose, subject=subject_for(bsn=bsn))


def get_zaak_for_resident(*, tenant: Organisation, bsn: str, identificatie: str, purpose: Purpose) -> Zaak:
    """One of the resident's zaken with its resident-facing timeline; raises Zaak.DoesNotExist."""
    informing = Status.objects.filter(statustype__informs_initiator=True).select_related("statustype")
    return (
        zaken_for_resident(tenant=tenant, bsn=bsn, purpose=purpose)
        .prefetch_related(
            Prefetch("statussen", queryset=informing, to_attr="timeline"), "eigenschappen__eigenschap"
        )
        .get(identificatie=identificatie)
    )


def zaken_for_business(*, tenant: Organisation, kvk_number: str, purpose: Purpose) -> QuerySet[Zaak]:
    """The zaken this business (KvK number, 8 digits) started at this gemeente. Never a resident's.

    Every zaak fetched is logged as read for ``purpose``.
    """
    if not (len(kvk_number) == 8 and kvk_number.isdigit()):
        return Zaak.objects.none()
    zaken = (
        Zaak.objects.for_tenant(tenant)
        .filter(rollen__kvk_number=kvk_number, rollen__roltype__generic=RolOmschrijvingGeneriek.INITIATOR)
        .select_related("zaaktype", "current_status__statustype")
        .order_by("-registered_on", "-id")
        .distinct()
    )
    return logged(zaken, purpose, subject=subject_for(kvk_number=kvk_number))


def get_zaak_for_business(
    *, tenant: Organisation, kvk_number: str, identificatie: str, purpose: Purpose
) -> Zaak:
    """One of the business's zaken with its timeline; raises Zaak.DoesNotExist."""
    informing = Status.objects.filter(statustype__informs_initiator=True).select_related("statustype")
    return (
        zaken_for_business(tenant=tenant, kvk_number=kvk_number, purpose=purpose)
        .prefetch_related(
            Prefetch("statussen", queryset=informing, to_attr="timeline"), "eigenschappen__eigenschap"
        )
        .get(identificatie=identificatie)
    )


# --- back office --------------------------------------------------------------------------


class InboxSort(StrEnum):
    DEADLINE = "deadline"
    NEWEST = "nieuwste"
    NUMBER = "zaaknummer"


INBOX_ORDER = {
    InboxSort.DEADLINE: ("planned_end_on", "id"),
    InboxSort.NEWEST: ("-registered_on", "-id"),
    InboxSort.NUMBER: ("identificatie",),
}


@dataclass(frozen=True)
class InboxFilters:
    """What the case handler chose above the inbox; every field is optional."""

    zaaktype_id: int | None = None
    status: str = ""
    assigned: str = ""  # "me" or "none"
    due: str = ""  # "week", "overdue" or "suspended"
    query: str = ""
    include_closed: bool = False
    sort: InboxSort = InboxSort.DEADLINE


def _initiator(field: str) -> Subquery:
    return Subquery(
        Rol.objects.filter(zaak=OuterRef("pk"), roltype__generic=RolOmschrijvingGeneriek.INITIATOR).values(
            field
        )[:1]
    )


def inbox_for_employee(
    *, tenant: Organisation, user: AbstractBaseUser, filters: InboxFilters, purpose: Purpose
) -> QuerySet[Zaak]:
    """The zaken of the employee's teams at this gemeente, filtered and sorted for the inbox.

    A search that looks like a BSN matches the initiator's BSN exactly; the caller records
    that search (it is a look-up of personal data). Other text matches the case number or
    the initiator's name. The zaken fetched (one page; counts fetch none) are logged as read
    for ``purpose``: the inbox shows their initiators' names.
    """
    today = clock.today()
    zaken = Zaak.objects.for_tenant(tenant).filter(team__members=user)
    if not filters.include_closed:
        zaken = zaken.filter(ended_on__isnull=True)
    if filters.zaaktype_id:
        zaken = zaken.filter(zaaktype_id=filters.zaaktype_id)
    if filters.status:
        zaken = zaken.filter(current_status__statustype__omschrijving=filters.status)
    if filters.assigned == "me":
        zaken = zaken.filter(assignee=user)
    elif filters.assigned == "none":
        zaken = zaken.filter(assignee__isnull=True)
    if filters.due == "week":
        zaken = zaken.filter(
            suspended_on__isnull=True,
            planned_end_on__gte=today,
            planned_end_on__lte=deadlines.add_working_days(today, 5),
        )
    elif filters.due == "overdue":
        zaken = zaken.filter(suspended_on__isnull=True, planned_end_on__lt=today)
    elif filters.due == "suspended":
        zaken = zaken.filter(suspended_on__isnull=False)
    query = filters.query.strip()
    if query:
        if is_bsn_like(query):
            initiators = Rol.objects.filter(bsn=query, roltype__generic=RolOmschrijvingGeneriek.INITIATOR)
        else:
            initiators = Rol.objects.filter(name__icontains=query)
        zaken = zaken.filter(Q(identificatie__iexact=query) | Q(pk__in=initiators.values("zaak_id")))
    zaken = (
        zaken.select_related("zaaktype__processing_activity", "current_status__statustype", "assignee")
        # The BSN and KvK number only for the processing log (cases.processing), never shown.
        .annotate(
            initiator_name=_initiator("name"),
            initiator_bsn=_initiator("bsn"),
            initiator_kvk_number=_initiator("kvk_number"),
        )
        .order_by(*INBOX_ORDER[filters.sort])
    )
    return logged(zaken, purpose)


def is_bsn_like(text: str) -> bool:
    return len(text) == 9 and text.isdigit()


def get_zaak_for_employee(*, tenant: Organisation, identificatie: str, purpose: Purpose) -> Zaak:
    """One zaak of this gemeente with everything its detail page shows; raises Zaak.DoesNotExist.

    The zaak is logged as read for ``purpose``.
    """
    zaken = (
        Zaak.objects.for_tenant(tenant)
        .select_related(
            "zaaktype__processing_activity",
            "current_status__statustype",
            "assignee",
            "team",
            "resultaat__resultaattype",
        )
        .prefetch_related(
            Prefetch("rollen", queryset=Rol.objects.select_related("roltype")),
            "eigenschappen__eigenschap",
            Prefetch("documenten", queryset=InformatieObject.objects.select_related("informatieobjecttype")),
        )
    )
    return logged(zaken, purpose).get(identificatie=identificatie)


def get_zaak_document(*, zaak: Zaak, document_uuid: str, purpose: Purpose) -> InformatieObject:
    """One document of ``zaak``, logged as read for ``purpose``; raises InformatieObject.DoesNotExist."""
    document = zaak.documenten.get(uuid=document_uuid)
    log_document_read(zaak, document, purpose)
    return document


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime.datetime
    kind: str  # status, document, note, question, answer, besluit, suspension, extension
    title: str
    text: str = ""
    by: str = ""
    is_for_resident: bool = False


def timeline_for_zaak(zaak: Zaak) -> list[TimelineEntry]:
    """Everything that happened to the zaak, newest first: one list for the detail page."""
    entries: list[TimelineEntry] = []
    for status in zaak.statussen.select_related("statustype"):
        entries.append(
            TimelineEntry(
                at=status.set_at,
                kind="status",
                title=f"Status: {status.statustype.omschrijving}",
                text=status.note,
                is_for_resident=status.statustype.informs_initiator,
            )
        )
    for document in zaak.documenten.select_related("informatieobjecttype"):
        entries.append(
            TimelineEntry(
                at=document.uploaded_at,
                kind="document",
                title=f"Document: {document.filename}",
                text=document.informatieobjecttype.omschrijving,
                by=document.added_by,
            )
        )
    for note in zaak.notes.all():
        entries.append(
            TimelineEntry(
                at=note.created_at, kind="note", title="Notitie", text=note.text, by=note.author_label
            )
        )
    for request in zaak.information_requests.all():
        entries.append(
            TimelineEntry(
                at=request.asked_at,
                kind="question",
                title="Vraag aan de inwoner",
                text=request.question,
                by=request.asked_by,
                is_for_resident=True,
            )
        )
        if request.answered_at:
            entries.append(
                TimelineEntry(at=request.answered_at, kind="answer", title="Antwoord", text=request.answer)
            )
    for besluit in zaak.besluiten.select_related("besluittype"):
        entries.append(
            TimelineEntry(
                at=besluit.created_at,
                kind="besluit",
                title=f"Besluit: {besluit.besluittype.omschrijving}",
                text=besluit.toelichting,
                is_for_resident=True,
            )
        )
    entries.sort(key=lambda entry: entry.at, reverse=True)
    return entries


@dataclass(frozen=True)
class DeadlineSummary:
    """The dates a resident and a case handler see, with the pause counted up to today."""

    legal_end_on: datetime.date
    service_norm_on: datetime.date | None
    working_days_left: int
    is_suspended: bool
    suspended_on: datetime.date | None
    # While the term stands still: the end date if the answer came in today.
    end_if_answered_today: datetime.date | None

    @property
    def days_late(self) -> int:
        return max(-self.working_days_left, 0)

    @property
    def days_left(self) -> int:
        return max(self.working_days_left, 0)


def deadline_summary(zaak: Zaak) -> DeadlineSummary:
    today = clock.today()
    running_end = None
    if zaak.is_suspended:
        running_end = deadlines.legal_end_date(
            started_on=zaak.started_on,
            lead_time=zaak.zaaktype.lead_time,
            suspensions=zaak.suspensions.values_list("started_on", "ended_on"),
            extended_by=zaak.extended_by,
            today=today,
        )
    return DeadlineSummary(
        legal_end_on=zaak.planned_end_on,
        service_norm_on=zaak.service_norm_on,
        working_days_left=deadlines.working_days_left(today=today, end=zaak.planned_end_on),
        is_suspended=zaak.is_suspended,
        suspended_on=zaak.suspended_on,
        end_if_answered_today=running_end,
    )


def open_information_request(zaak: Zaak) -> InformationRequest | None:
    return zaak.information_requests.filter(answered_at__isnull=True).first()
