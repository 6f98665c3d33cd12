"""The waarschuwingsbrief: a warning to the person involved, from a template, as PDF/A.

Reuses the letter machinery of the zaken (cases/letters: WeasyPrint, letter.css, the
gemeente's letterhead); the resident's address comes from the BRP, a logged read.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from plus1.audit.models import Channel
from plus1.audit.services import Actor
from plus1.cases.letters.content import dutch_date, letterhead
from plus1.cases.letters.pdf import render_pdf
from plus1.connectors.brp import lookup_person

from .constants import PersonKind
from .models import Incident
from .services.log import ACTIVITY

PDF = "application/pdf"
TEMPLATE = "incidents/letters/warning.html"


@dataclass(frozen=True)
class RenderedLetter:
    filename: str
    title: str
    data: bytes
    content_type: str = PDF


def _address_lines(incident: Incident, actor: Actor) -> tuple[str, ...]:
    if incident.person_kind != PersonKind.RESIDENT or not incident.person_bsn:
        return ()
    person = lookup_person(
        tenant=incident.tenant,
        bsn=incident.person_bsn,
        actor=actor,
        activity=ACTIVITY,
        channel=Channel.BACKOFFICE,
    )
    if person is None:
        return ()
    return tuple(
        line
        for line in (
            f"{person.street} {person.house_number}".strip(),
            f"{person.postcode}  {person.municipality.upper()}".strip(),
        )
        if line
    )


def warning_letter(*, incident: Incident, actor: Actor, text: str = "") -> RenderedLetter:
    """The waarschuwingsbrief about ``incident`` to its person, with the coordinator's own words."""
    title = "Waarschuwing over uw gedrag"
    occurred = timezone.localtime(incident.occurred_at)
    context = {
        "title": title,
        "incident": incident,
        "letterhead": letterhead(incident.tenant),
        "addressee": {"name": incident.person_name, "address_lines": _address_lines(incident, actor)},
        "letter_date": dutch_date(timezone.localdate()),
        "occurred_on": dutch_date(occurred.date()),
        "occurred_time": occurred.strftime("%H:%M"),
        "text": text,
    }
    return RenderedLetter(
        filename=f"waarschuwingsbrief-{incident.number}.pdf",
        title=title,
        data=render_pdf(TEMPLATE, context),
    )
