"""The PDF documents a resident gets: the decision letter and a copy of what they submitted."""

from __future__ import annotations

from dataclasses import dataclass

from plus1.audit.models import Channel
from plus1.audit.services import Actor
from plus1.catalog.constants import DataType

from ..models import Besluit, Zaak
from . import content
from .links import my_zaak_url
from .pdf import render_pdf

PDF = "application/pdf"


@dataclass(frozen=True)
class RenderedLetter:
    filename: str
    title: str
    data: bytes
    content_type: str = PDF


def besluit_letter(*, zaak: Zaak, besluit: Besluit, actor: Actor) -> RenderedLetter:
    """The decision letter as PDF/A: letterhead, addressee, decision, grounds, dates and objection.

    Awb 3:46-3:47: a besluit states its grounds; Awb 3:45: the letter says that, where and
    within which term the resident can object.
    """
    title = content.besluit_title(zaak)
    context = {
        "title": title,
        "subject": content.letter_subject(zaak),
        "zaak": zaak,
        "besluit": besluit,
        "letterhead": content.letterhead(zaak.tenant),
        "addressee": content.addressee(zaak, actor=actor, channel=Channel.BACKOFFICE),
        "requested": content.requested_period(zaak),
        "objection": content.objection(zaak, besluit),
        "my_zaak_url": my_zaak_url(zaak.tenant, zaak.identificatie),
        "dates": {
            "decided_on": content.dutch_date(besluit.decided_on),
            "effective_on": content.dutch_date(besluit.effective_on),
            "expires_on": content.dutch_date(besluit.expires_on),
            "registered_on": content.dutch_date(zaak.registered_on),
        },
    }
    context["dates"] |= {
        "objection_until": content.dutch_date(context["objection"].until),
        "requested_start_on": content.dutch_date(context["requested"].start_on),
        "requested_end_on": content.dutch_date(context["requested"].end_on),
    }
    return RenderedLetter(
        filename=f"besluit-{besluit.identificatie}.pdf",
        title=title,
        data=render_pdf("cases/letters/besluit.html", context),
    )


def _display(answer) -> str:
    if answer.eigenschap.data_type == DataType.DATE:
        return content.dutch_date(content.as_date(answer.value)) or answer.value
    if answer.eigenschap.data_type == DataType.BOOLEAN:
        return {"true": "Ja", "false": "Nee"}.get(answer.value.lower(), answer.value)
    return answer.value


def request_copy(*, zaak: Zaak, actor: Actor, documents: list | None = None) -> RenderedLetter:
    """A copy of the request as the resident submitted it: their answers and the files they added."""
    title = f"Kopie van uw {content.letter_subject(zaak)}"
    answers = [
        {"label": answer.eigenschap.label, "value": _display(answer)}
        for answer in zaak.eigenschappen.select_related("eigenschap").order_by("eigenschap__order", "id")
    ]
    context = {
        "title": title,
        "subject": content.letter_subject(zaak),
        "zaak": zaak,
        "letterhead": content.letterhead(zaak.tenant),
        "addressee": content.addressee(zaak, actor=actor, channel=Channel.PORTAL),
        "answers": answers,
        "documents": documents if documents is not None else list(zaak.documenten.order_by("uploaded_at")),
        "my_zaak_url": my_zaak_url(zaak.tenant, zaak.identificatie),
        "dates": {
            "registered_on": content.dutch_date(zaak.registered_on),
            "planned_end_on": content.dutch_date(zaak.planned_end_on),
        },
    }
    return RenderedLetter(
        filename=f"aanvraag-{zaak.identificatie}.pdf",
        title=title,
        data=render_pdf("cases/letters/aanvraag.html", context),
    )
