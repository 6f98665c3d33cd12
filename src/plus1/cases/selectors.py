import datetime
from dataclasses import dataclass, replace
from enum import StrEnum

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery

from plus1.accounts.models import Team
from plus1.audit.models import Channel
from plus1.audit.services import Actor, ObjectRef, record_read, subject_for
from plus1.catalog.constants import RolOmschrijvingGeneriek
from plus1.catalog.models import StatusType, ZaakType, ZaakTypeInformatieObjectType
from plus1.catalog.processing import activity_for_zaaktype
from plus1.core import clock
from plus1.tenants.models import Organisation

from . import deadlines
from .models import (
    Besluit,
    InformatieObject,
    InformationRequest,
    Rol,
    Status,
    Zaak,
    ZaakInformatieObject,
    ZaakLink,
    ZaakShare,
)
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


def _initiator_documents() -> QuerySet[InformatieObject]:
    """The documents the initiator may see: not those marked tonenAanInitiator=false, nor empty ones."""
    return InformatieObject.objects.filter(is_shown_to_initiator=True).exclude(file="")


def get_zaak_for_resident(*, tenant: Organisation, bsn: str, identificatie: str, purpose: Purpose) -> Zaak:
    """One of the resident's zaken with its resident-facing timeline; raises Zaak.DoesNotExist."""
    informing = Status.objects.filter(statustype__informs_initiator=True).select_related("statustype")
    return (
        zaken_for_resident(tenant=tenant, bsn=bsn, purpose=purpose)
        .prefetch_related(
            Prefetch("statussen", queryset=informing, to_attr="timeline"),
            "eigenschappen__eigenschap",
            Prefetch("documenten", queryset=_initiator_documents()),
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
            Prefetch("statussen", queryset=informing, to_attr="timeline"),
            "eigenschappen__eigenschap",
            Prefetch("documenten", queryset=_initiator_documents()),
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


def _employee_team_ids(tenant: Organisation, user: AbstractBaseUser) -> list[int]:
    # Asked several times per inbox page (list, counts, choices): remembered on the user object,
    # which lives for one request.
    cache: dict = user.__dict__.setdefault("_plus1_inbox_team_ids", {})
    if tenant.pk not in cache:
        teams = Team.objects.for_tenant(tenant).filter(members=user).order_by().values_list("pk", flat=True)
        cache[tenant.pk] = list(teams)
    return cache[tenant.pk]


def _assigned_filters(user: AbstractBaseUser) -> dict[str, Q]:
    return {"me": Q(assignee=user), "none": Q(assignee__isnull=True)}


def _due_filters(today: datetime.date) -> dict[str, Q]:
    return {
        "week": Q(
            suspended_on__isnull=True,
            planned_end_on__gte=today,
            planned_end_on__lte=deadlines.add_working_days(today, 5),
        ),
        "overdue": Q(suspended_on__isnull=True, planned_end_on__lt=today),
        "suspended": Q(suspended_on__isnull=False),
    }


def _inbox(*, tenant: Organisation, user: AbstractBaseUser, filters: InboxFilters) -> QuerySet[Zaak]:
    # The team ids come first as a plain list, so the database walks the (tenant, team,
    # planned_end_on) index in order instead of joining team memberships and sorting.
    zaken = Zaak.objects.for_tenant(tenant).filter(team_id__in=_employee_team_ids(tenant, user))
    if not filters.include_closed:
        zaken = zaken.filter(ended_on__isnull=True)
    if filters.zaaktype_id:
        zaken = zaken.filter(zaaktype_id=filters.zaaktype_id)
    if filters.status:
        zaken = zaken.filter(current_status__statustype__omschrijving=filters.status)
    if assigned := _assigned_filters(user).get(filters.assigned):
        zaken = zaken.filter(assigned)
    if due := _due_filters(clock.today()).get(filters.due):
        zaken = zaken.filter(due)
    query = filters.query.strip()
    if query:
        if is_bsn_like(query):
            initiators = Rol.objects.filter(bsn=query, roltype__generic=RolOmschrijvingGeneriek.INITIATOR)
        else:
            initiators = Rol.objects.filter(name__icontains=query)
        zaken = zaken.filter(Q(identificatie__iexact=query) | Q(pk__in=initiators.values("zaak_id")))
    return zaken


def inbox_for_employee(
    *, tenant: Organisation, user: AbstractBaseUser, filters: InboxFilters, purpose: Purpose
) -> QuerySet[Zaak]:
    """The zaken of the employee's teams at this gemeente, filtered and sorted for the inbox.

    A search that looks like a BSN matches the initiator's BSN exactly; the caller records
    that search (it is a look-up of personal data). Other text matches the case number or
    the initiator's name. The zaken fetched (one page; counts fetch none) are logged as read
    for ``purpose``: the inbox shows their initiators' names.
    """
    zaken = (
        _inbox(tenant=tenant, user=user, filters=filters)
        .select_related("zaaktype__processing_activity", "current_status__statustype", "assignee")
        # The BSN and KvK number only for the processing log (cases.processing), never shown.
        .annotate(
            initiator_name=_initiator("name"),
            initiator_bsn=_initiator("bsn"),
            initiator_kvk_number=_initiator("kvk_number"),
        )
        .order_by(*INBOX_ORDER[filters.sort])
    )
    return logged(zaken, purpose)


def inbox_counts(
    *, tenant: Organisation, user: AbstractBaseUser, filters: InboxFilters
) -> dict[str, dict[str, int]]:
    """For each quick filter ("assigned", "due"), how many zaken each of its choices would show,
    keeping the other choices as they are: two queries, whatever the number of choices."""
    counts = {}
    for field, choices in (("assigned", _assigned_filters(user)), ("due", _due_filters(clock.today()))):
        zaken = _inbox(tenant=tenant, user=user, filters=replace(filters, **{field: ""}))
        row = zaken.aggregate(
            all=Count("pk"), **{name: Count("pk", filter=condition) for name, condition in choices.items()}
        )
        counts[field] = {"": row.pop("all"), **row}
    return counts


def inbox_choices(*, tenant: Organisation, user: AbstractBaseUser) -> tuple[list[tuple[int, str]], list[str]]:
    """The zaaktypen (with version) and statuses found among the open zaken of the employee's teams."""
    zaaktype_ids = (
        _inbox(tenant=tenant, user=user, filters=InboxFilters()).order_by().values("zaaktype_id").distinct()
    )
    zaaktypen = ZaakType.objects.filter(pk__in=zaaktype_ids).only("pk", "omschrijving", "version")
    statuses = (
        StatusType.objects.filter(zaaktype_id__in=zaaktype_ids)
        .order_by("omschrijving")
        .values_list("omschrijving", flat=True)
        .distinct()
    )
    named = [
        (z.pk, f"{z.omschrijving} (versie {z.version})" if z.version > 1 else z.omschrijving)
        for z in zaaktypen
    ]
    return sorted(named, key=lambda item: item[1]), list(statuses)


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
            # Everything the page, its action forms and the timeline read, in one query each.
            Prefetch("rollen", queryset=Rol.objects.select_related("roltype")),
            "eigenschappen__eigenschap",
            Prefetch("statussen", queryset=Status.objects.select_related("statustype")),
            Prefetch("besluiten", queryset=Besluit.objects.select_related("besluittype", "letter")),
            Prefetch("links", queryset=ZaakLink.objects.select_related("other__zaaktype")),
            # What the Zaken API adds: the objects, contactmomenten and verzoeken of the zaak.
            "zaakobjecten",
            "zaakcontactmomenten",
            "zaakverzoeken",
            "notes",
            # Written through the Zaken API: the case handler sees them in the timeline too.
            "zaaknotities",
            "klantcontacten",
            "information_requests",
            "suspensions",
            "zaaktype__statustypen",
            "zaaktype__resultaattypen",
            "zaaktype__besluittypen",
            Prefetch(
                "zaaktype__document_types",
                queryset=ZaakTypeInformatieObjectType.objects.select_related("informatieobjecttype"),
            ),
        )
    )
    zaak = logged(zaken, purpose).get(identificatie=identificatie)
    all_documents(zaak)
    return zaak


def documents_of_zaak(zaak: Zaak) -> QuerySet[InformatieObject]:
    """Every document of the zaak: those filed under it and those linked to it as a
    zaakinformatieobject (Zaken API), also when the document is filed under another zaak.

    A document may belong to several zaken (ZGW); ``InformatieObject.zaak`` is only the first.
    Only documents of the zaak's own gemeente, oldest first.
    """
    linked = ZaakInformatieObject.objects.filter(tenant_id=zaak.tenant_id, zaak=zaak).values(
        "informatieobject_id"
    )
    return (
        InformatieObject.objects.filter(tenant_id=zaak.tenant_id)
        .filter(Q(zaak=zaak) | Q(pk__in=linked))
        .order_by("uploaded_at", "id")
    )


def all_documents(zaak: Zaak) -> list[InformatieObject]:
    """``documents_of_zaak`` with their type and first zaak, read once per zaak instance."""
    if "_all_documents" not in zaak.__dict__:
        zaak._all_documents = list(documents_of_zaak(zaak).select_related("informatieobjecttype", "zaak"))
    return zaak._all_documents


def get_zaak_document(
    *,
    zaak: Zaak,
    document_uuid: str,
    purpose: Purpose,
    for_initiator: bool = False,
    include_linked: bool = False,
) -> InformatieObject:
    """One document of ``zaak``, logged as read for ``purpose``; raises InformatieObject.DoesNotExist.

    ``for_initiator``: only a document the initiator may see (tonenAanInitiator, with content).
    ``include_linked``: also a document linked to the zaak that is filed under another zaak.
    """
    documents = _initiator_documents() if for_initiator else InformatieObject.objects.all()
    if include_linked:
        documents = documents.filter(pk__in=documents_of_zaak(zaak).values("pk"))
    else:
        documents = documents.filter(zaak=zaak)
    document = documents.get(uuid=document_uuid)
    log_document_read(zaak, document, purpose)
    return document


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
    # False when no law sets the term (a melding): the end date is the gemeente's own aim then,
    # and the pages do not call it "wettelijke einddatum" (has_legal_term).
    is_legal_term: bool = True

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
            suspensions=[(s.started_on, s.ended_on) for s in zaak.suspensions.all()],
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
        is_legal_term=deadlines.has_legal_term(zaak.zaaktype.lead_time_source),
    )


def zaken_linking_to(zaak: Zaak) -> list[ZaakLink]:
    """The links of other zaken of the gemeente that name this zaak among their relevanteAndereZaken."""
    return list(
        ZaakLink.objects.filter(other=zaak, zaak__tenant_id=zaak.tenant_id)
        .select_related("zaak__zaaktype")
        .order_by("zaak__identificatie")
    )


def open_information_request(zaak: Zaak) -> InformationRequest | None:
    """The question still waiting for the resident's answer (at most one); uses a prefetch if present."""
    return next((request for request in zaak.information_requests.all() if request.is_open), None)


# --- sharing with chain partners ------------------------------------------------------------


def shares_for_zaak(zaak: Zaak) -> QuerySet[ZaakShare]:
    """Every share of this zaak, current and ended, newest first (back office and Mijn zaken)."""
    return ZaakShare.objects.for_tenant(zaak.tenant_id).filter(zaak=zaak).select_related("partner")


def share_overview(zaak: Zaak) -> list[ZaakShare]:
    """The zaak's shares for display, each with ``is_active`` (in force today) set."""
    today = clock.today()
    shares = list(shares_for_zaak(zaak))
    for share in shares:
        share.is_active = share.is_active_on(today)
    return shares


def zaken_shared_with_partner(
    *, partner: Organisation, today: datetime.date | None = None
) -> QuerySet[ZaakShare]:
    """The shares in force for this partner today, with their zaak and gemeente; soonest end first.

    A partner's reads cross gemeenten by nature, so they filter on ``partner``, and every row
    still carries the gemeente that owns it.
    """
    day = today or clock.today()
    return (
        ZaakShare.objects.active_on(day)
        .filter(partner=partner)
        .select_related("zaak__zaaktype", "tenant")
        .order_by("valid_until", "id")
    )


def get_shared_zaak(*, partner: Organisation, share_uuid, today: datetime.date | None = None) -> ZaakShare:
    """One share in force for this partner, with its zaak; raises ZaakShare.DoesNotExist.

    Shares are addressed by their own uuid: case numbers are unique per gemeente only, and a
    partner works with several gemeenten.
    """
    return (
        zaken_shared_with_partner(partner=partner, today=today)
        .select_related("zaak__current_status__statustype", "partner")
        .get(uuid=share_uuid)
    )


def ended_share_for_partner(*, partner: Organisation, share_uuid) -> ZaakShare | None:
    """A share of this partner that exists but is no longer in force (to say so plainly)."""
    return ZaakShare.objects.filter(partner=partner, uuid=share_uuid).select_related("zaak", "tenant").first()


def initiator_of(zaak: Zaak) -> Rol | None:
    return zaak.rollen.filter(roltype__generic=RolOmschrijvingGeneriek.INITIATOR).order_by("pk").first()


def documents_for_share(share: ZaakShare) -> QuerySet[InformatieObject]:
    """The documents the partner may open: all of the zaak when shared (those linked to it from
    another zaak too), else the partner's own."""
    if share.shares_documents:
        return documents_of_zaak(share.zaak).select_related("informatieobjecttype")
    return share.zaak.documenten.filter(share=share).select_related("informatieobjecttype")


def record_partner_access(*, share: ZaakShare, user: AbstractBaseUser) -> None:
    """Log that a partner employee looked at a shared zaak (Logboek dataverwerkingen).

    The one place partner reads are logged: the record belongs to the gemeente that owns the
    zaak, names the partner organisation (which the resident sees), and carries the purpose
    and legal ground of the share; the retention is that of the zaak's own activity.
    """
    zaak = share.zaak
    initiator = initiator_of(zaak)
    handling = activity_for_zaaktype(zaak.zaaktype)
    record_read(
        tenant=share.tenant,
        actor=Actor(type="partner", id=str(user.pk), label=user.get_username(), unit=share.partner.name),
        activity=replace(
            handling,
            code="ketenpartner-inzage",
            name="Inzage door ketenpartner",
            purpose=share.purpose,
            legal_ground=share.legal_ground,
        ),
        channel=Channel.BACKOFFICE,
        obj=ObjectRef.of(zaak, zaak.identificatie),
        subject=subject_for(bsn=initiator.bsn, kvk_number=initiator.kvk_number) if initiator else None,
    )
