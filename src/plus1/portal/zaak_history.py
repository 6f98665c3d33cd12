"""What a resident reads about their own zaak in Mijn zaken: the outcome and everything that happened.

The views pass a zaak that ``cases.selectors`` already fetched (and logged) for the resident;
these functions only arrange what the resident may see: statuses meant for them, the
gemeente's questions with their own answers and documents, an extension with its reason,
the besluiten with their letters and the resultaat. Never internal notes.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from plus1.audit.models import AuditEntry
from plus1.cases.models import InformatieObject, Resultaat, Zaak
from plus1.catalog.constants import GENERATED_DOCUMENT_TYPES

# Results that grant something: only then does "geldig van ... tot ..." make sense (a refusal
# has an ingangsdatum too, but nothing becomes valid). The VNG generic result descriptions.
GRANTING_RESULTS = frozenset({"Verleend", "Toegekend"})
# The texts handling.py writes as the "answer" when a question ended without the resident.
WITHDRAWN_PREFIXES = ("Vervallen:", "Afgehandeld door de gemeente:")


@dataclass(frozen=True)
class Letter:
    """A besluit with the letter the resident can download."""

    title: str
    decided_on: datetime.date
    effective_on: datetime.date
    expires_on: datetime.date | None
    document: InformatieObject | None


@dataclass(frozen=True)
class Outcome:
    """How the zaak ended, in plain words: "Vergunning verleend", valid from ... to ..."""

    result: str
    ended_on: datetime.date | None
    explanation: str
    valid_from: datetime.date | None
    valid_until: datetime.date | None
    letters: tuple[Letter, ...]


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime.datetime
    kind: str  # submitted, status, question, answer, extension, besluit, result
    title: str
    text: str = ""
    documents: tuple[InformatieObject, ...] = field(default_factory=tuple)


def _visible(document: InformatieObject) -> bool:
    return document.is_shown_to_initiator and bool(document.file)


def _letter_title(besluit) -> str:
    # The letter's own title ("Besluit op uw aanvraag parkeervergunning"); older letters had none.
    letter = besluit.letter
    return letter.titel if letter is not None and letter.titel else besluit.besluittype.omschrijving


def _letters(zaak: Zaak) -> tuple[Letter, ...]:
    besluiten = zaak.besluiten.select_related("besluittype", "letter").order_by("decided_on", "id")
    return tuple(
        Letter(
            title=_letter_title(besluit),
            decided_on=besluit.decided_on,
            effective_on=besluit.effective_on,
            expires_on=besluit.expires_on,
            document=besluit.letter if besluit.letter and _visible(besluit.letter) else None,
        )
        for besluit in besluiten
    )


def _resultaat(zaak: Zaak) -> Resultaat | None:
    try:
        return zaak.resultaat
    except Resultaat.DoesNotExist:
        return None


def outcome_for(zaak: Zaak) -> Outcome | None:
    """The outcome of a closed zaak; None while it is open (a reopened zaak has none either)."""
    resultaat = _resultaat(zaak)
    if zaak.is_open or resultaat is None:
        return None
    letters = _letters(zaak)
    latest = (
        letters[-1] if letters and resultaat.resultaattype.generic.omschrijving in GRANTING_RESULTS else None
    )
    return Outcome(
        result=resultaat.resultaattype.omschrijving,
        ended_on=zaak.ended_on,
        explanation=resultaat.toelichting,
        valid_from=latest.effective_on if latest else None,
        valid_until=latest.expires_on if latest else None,
        letters=letters,
    )


def _answer_documents(zaak: Zaak) -> dict[int, list[InformatieObject]]:
    by_request: dict[int, list[InformatieObject]] = {}
    for document in (
        InformatieObject.objects.filter(zaak=zaak, information_request__isnull=False)
        .select_related("informatieobjecttype")
        .order_by("uploaded_at", "id")
    ):
        if _visible(document):
            by_request.setdefault(document.information_request_id, []).append(document)
    return by_request


def _submitted_documents(zaak: Zaak) -> tuple[InformatieObject, ...]:
    # What came with the request (uploaded to the draft) and the PDF copy of the request itself.
    documents = (
        InformatieObject.objects.filter(zaak=zaak)
        .filter(Q(draft__isnull=False) | Q(informatieobjecttype__omschrijving__in=GENERATED_DOCUMENT_TYPES))
        .select_related("informatieobjecttype")
        .order_by("uploaded_at", "id")
    )
    return tuple(document for document in documents if _visible(document))


def _extended_at(zaak: Zaak) -> datetime.datetime | None:
    # The zaak keeps the reason of its one extension, the audit trail when it was given.
    return (
        AuditEntry.objects.for_tenant(zaak.tenant)
        .filter(object_type="cases.zaak", object_id=str(zaak.pk), action="extend_zaak")
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )


def _question_entries(zaak: Zaak) -> Iterable[HistoryEntry]:
    documents = _answer_documents(zaak)
    for request in zaak.information_requests.all():
        yield HistoryEntry(
            at=request.asked_at,
            kind="question",
            title=_("De gemeente vroeg u om informatie"),
            text=request.question,
        )
        if request.answered_at is None:
            continue
        if request.answer.startswith(WITHDRAWN_PREFIXES) and request.pk not in documents:
            yield HistoryEntry(
                at=request.answered_at, kind="answer", title=_("De vraag is afgehandeld"), text=request.answer
            )
        else:
            yield HistoryEntry(
                at=request.answered_at,
                kind="answer",
                title=_("U hebt geantwoord"),
                text=request.answer,
                documents=tuple(documents.get(request.pk, ())),
            )


def history_for(zaak: Zaak) -> list[HistoryEntry]:
    """Everything that happened to the zaak that the resident may see, oldest first."""
    entries = [
        HistoryEntry(
            at=zaak.created_at,
            kind="submitted",
            title=_("U hebt uw aanvraag ingediend"),
            documents=_submitted_documents(zaak),
        )
    ]
    timeline = getattr(zaak, "timeline", None)
    if timeline is None:
        timeline = zaak.statussen.filter(statustype__informs_initiator=True).select_related("statustype")
    entries += [
        HistoryEntry(
            at=status.set_at,
            kind="status",
            title=status.statustype.omschrijving,
            text=status.statustype.statustekst,
        )
        for status in timeline
    ]
    entries += list(_question_entries(zaak))
    if zaak.is_extended and (extended_at := _extended_at(zaak)) is not None:
        entries.append(
            HistoryEntry(
                at=extended_at,
                kind="extension",
                title=_("De gemeente neemt meer tijd"),
                text=zaak.extension_reason,
            )
        )
    for besluit in zaak.besluiten.select_related("besluittype", "letter"):
        letter = besluit.letter if besluit.letter and _visible(besluit.letter) else None
        entries.append(
            HistoryEntry(
                at=besluit.created_at,
                kind="besluit",
                title=_("Besluit genomen: %(title)s") % {"title": _letter_title(besluit)},
                text=besluit.toelichting,
                documents=(letter,) if letter else (),
            )
        )
    if (resultaat := _resultaat(zaak)) is not None and not zaak.is_open:
        entries.append(
            HistoryEntry(
                at=resultaat.created_at,
                kind="result",
                title=_("Zaak afgehandeld: %(result)s") % {"result": resultaat.resultaattype.omschrijving},
                text=resultaat.toelichting,
            )
        )
    entries.sort(key=lambda entry: entry.at)
    return entries


@dataclass(frozen=True)
class ZaakRow:
    """One line of the Mijn zaken list."""

    zaak: Zaak
    status: str
    result: str


def rows_for_my_zaken(zaken: Iterable[Zaak]) -> list[ZaakRow]:
    """The list of Mijn zaken with each closed zaak's result, read in one query per kind."""
    rows = []
    for zaak in zaken:
        resultaat = _resultaat(zaak)
        status = zaak.current_status.statustype.omschrijving if zaak.current_status else _("Ontvangen")
        rows.append(
            ZaakRow(
                zaak=zaak,
                status=status,
                result=resultaat.resultaattype.omschrijving if resultaat and not zaak.is_open else "",
            )
        )
    return rows


def with_results(zaken: QuerySet[Zaak]) -> QuerySet[Zaak]:
    """``zaken`` with each one's resultaat and its type, so the list makes no query per zaak."""
    return zaken.select_related("resultaat__resultaattype")
