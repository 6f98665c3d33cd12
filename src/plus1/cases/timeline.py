"""A zaak's timeline: everything that happened to it, newest first, for the back office and
for a chain partner (only the parts its share opens)."""

import datetime
from dataclasses import dataclass, replace

from django.utils.translation import gettext

from .constants import NotitieStatus, NotitieType
from .models import KlantContact, Zaak, ZaakNotitie, ZaakShare
from .selectors import all_documents


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime.datetime
    kind: str  # status, document, note, zaaknotitie, klantcontact, question, answer, besluit
    title: str
    text: str = ""
    by: str = ""
    is_for_resident: bool = False
    labels: tuple[str, ...] = ()  # short marks shown beside the title, such as "concept"


def _zaaknotitie_entry(notitie: ZaakNotitie) -> TimelineEntry:
    labels = []
    if notitie.status == NotitieStatus.CONCEPT:
        labels.append(gettext("concept"))
    if notitie.note_type == NotitieType.EXTERN:
        labels.append(gettext("extern"))
    return TimelineEntry(
        at=notitie.created_at,
        kind="zaaknotitie",
        title=gettext("Notitie: %(onderwerp)s") % {"onderwerp": notitie.subject},
        text=notitie.text,
        # An application may leave aangemaaktDoor empty: then say where the notitie came from.
        by=notitie.author or gettext("via een koppeling met een ander systeem"),
        labels=tuple(labels),
    )


def _klantcontact_entry(contact: KlantContact) -> TimelineEntry:
    title = gettext("Contact met de klant")
    if contact.channel:
        title = gettext("Contact met de klant via %(kanaal)s") % {"kanaal": contact.channel}
    if contact.subject:
        title = f"{title}: {contact.subject}"
    return TimelineEntry(at=contact.contacted_at, kind="klantcontact", title=title, text=contact.toelichting)


def timeline_for_zaak(zaak: Zaak) -> list[TimelineEntry]:
    """Everything that happened to the zaak, newest first: one list for the detail page."""
    entries: list[TimelineEntry] = []
    for status in zaak.statussen.all():
        entries.append(
            TimelineEntry(
                at=status.set_at,
                kind="status",
                title=gettext("Status: %(status)s") % {"status": status.statustype.omschrijving},
                text=status.note,
                is_for_resident=status.statustype.informs_initiator,
            )
        )
    for document in all_documents(zaak):
        entries.append(
            TimelineEntry(
                at=document.uploaded_at,
                kind="document",
                title=gettext("Document: %(filename)s") % {"filename": document.filename},
                text=document.informatieobjecttype.omschrijving,
                by=document.added_by,
            )
        )
    for note in zaak.notes.all():
        entries.append(
            TimelineEntry(
                at=note.created_at,
                kind="note",
                title=gettext("Notitie"),
                text=note.text,
                by=note.author_label,
            )
        )
    entries += [_zaaknotitie_entry(notitie) for notitie in zaak.zaaknotities.all()]
    entries += [_klantcontact_entry(contact) for contact in zaak.klantcontacten.all()]
    for request in zaak.information_requests.all():
        entries.append(
            TimelineEntry(
                at=request.asked_at,
                kind="question",
                title=gettext("Vraag aan de inwoner"),
                text=request.question,
                by=request.asked_by,
                is_for_resident=True,
            )
        )
        if request.answered_at:
            entries.append(
                TimelineEntry(
                    at=request.answered_at, kind="answer", title=gettext("Antwoord"), text=request.answer
                )
            )
    for besluit in zaak.besluiten.all():
        entries.append(
            TimelineEntry(
                at=besluit.created_at,
                kind="besluit",
                title=gettext("Besluit: %(besluittype)s") % {"besluittype": besluit.besluittype.omschrijving},
                text=besluit.toelichting,
                is_for_resident=True,
            )
        )
    entries.sort(key=lambda entry: entry.at, reverse=True)
    return entries


def timeline_for_share(share: ZaakShare) -> list[TimelineEntry]:
    """The part of the zaak's timeline this share opens; the partner's own notes always.

    Notities written through the Zaken API are notes of the gemeente: shown with the notes.
    Klantcontacten never: no part of a share covers the gemeente's contact with the resident.
    """
    kinds = set()
    if share.shares_status:
        kinds |= {"status", "besluit"}
    if share.shares_documents:
        kinds.add("document")
    if share.shares_notes:
        kinds.add("zaaknotitie")
    entries = [entry for entry in timeline_for_zaak(share.zaak) if entry.kind in kinds]
    if not share.shares_notes:
        # A status can carry an internal remark of the case handler: that is a note too.
        entries = [replace(entry, text="") if entry.kind == "status" else entry for entry in entries]
    notes = share.zaak.notes.all() if share.shares_notes else share.zaak.notes.filter(share=share)
    entries += [
        TimelineEntry(
            at=note.created_at, kind="note", title=gettext("Notitie"), text=note.text, by=note.author_label
        )
        for note in notes
    ]
    entries.sort(key=lambda entry: entry.at, reverse=True)
    return entries
