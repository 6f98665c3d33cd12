"""What a letter to a resident says: who sends it, to whom, about what, and how to object.

Reads only; the BRP look-up of the addressee is logged like every other (Logboek
dataverwerkingen), for the zaak's own processing activity.
"""

from __future__ import annotations

import base64
import datetime
import mimetypes
from dataclasses import dataclass

from django.utils.formats import date_format

from plus1.audit.services import Actor
from plus1.catalog.constants import DataType, RolOmschrijvingGeneriek
from plus1.catalog.models import Product
from plus1.catalog.processing import activity_for_zaaktype
from plus1.catalog.terms import add_term
from plus1.connectors.brp import lookup_person
from plus1.tenants.models import Organisation

from ..models import Besluit, Rol, Zaak
from .links import portal_url

# Awb 6:7: the term to object is six weeks, unless the besluittype says otherwise.
OBJECTION_TERM = "P6W"
# The UPL product a resident uses to object (catalog library: processen/bezwaar.yaml).
OBJECTION_PRODUCT = "bezwaar"
# Request fields holding the period a resident asks for (the library's names for them).
REQUESTED_START_FIELDS = ("ingangsdatum", "startdatum", "gewenste_ingangsdatum")
REQUESTED_END_FIELDS = ("einddatum", "verwachte_einddatum", "gewenste_einddatum")
# Names a zaak carries when nobody's real name is known: no one is greeted as "Inwoner".
PLACEHOLDER_NAMES = frozenset({"", "inwoner", "melder", "aanvrager"})


def dutch_date(value: datetime.date | None) -> str:
    """21 december 2026, whatever language the request was in: letters are Dutch."""
    return date_format(value, "j F Y", use_l10n=True) if value else ""


@dataclass(frozen=True)
class Letterhead:
    name: str  # "Gemeente Utrecht"
    place: str  # "Utrecht", as in "burgemeester en wethouders van Utrecht"
    address_lines: tuple[str, ...]
    phone: str
    email: str
    website: str
    logo_url: str  # a data: URL, so rendering fetches nothing


def letterhead(gemeente: Organisation) -> Letterhead:
    """The gemeente's name, address and contact details, with its logo inside the letter."""
    return Letterhead(
        name=f"Gemeente {gemeente.name}",
        place=gemeente.name,
        address_lines=tuple(line.strip() for line in gemeente.visiting_address.splitlines() if line.strip()),
        phone=gemeente.contact_phone,
        email=gemeente.contact_email,
        website=gemeente.website,
        logo_url=_logo_data_url(gemeente),
    )


def _logo_data_url(gemeente: Organisation) -> str:
    if not gemeente.logo:
        return ""
    content_type = mimetypes.guess_type(gemeente.logo.name)[0] or ""
    if content_type not in ("image/png", "image/jpeg", "image/svg+xml"):
        return ""
    try:
        with gemeente.logo.open("rb") as handle:
            data = handle.read()
    except OSError:
        # A logo missing from storage leaves the name alone on the letterhead, never no letter.
        return ""
    return f"data:{content_type};base64,{base64.b64encode(data).decode()}"


def initiator_of(zaak: Zaak) -> Rol | None:
    return zaak.rollen.filter(roltype__generic=RolOmschrijvingGeneriek.INITIATOR).order_by("id").first()


def has_real_name(rol: Rol | None) -> bool:
    """Whether the rol names a person or business, not a placeholder such as "Inwoner"."""
    return rol is not None and rol.name.strip().lower() not in PLACEHOLDER_NAMES


@dataclass(frozen=True)
class Addressee:
    name: str
    address_lines: tuple[str, ...] = ()


def addressee(zaak: Zaak, *, actor: Actor, channel: str) -> Addressee:
    """The initiator's name, and for a resident their address in the BRP (a logged read)."""
    rol = initiator_of(zaak)
    if rol is None:
        return Addressee(name="")
    lines: tuple[str, ...] = ()
    name = rol.name if has_real_name(rol) else ""
    if rol.bsn:
        person = lookup_person(
            tenant=zaak.tenant,
            bsn=rol.bsn,
            actor=actor,
            activity=activity_for_zaaktype(zaak.zaaktype),
            channel=channel,
        )
        if person is not None:
            name = name or person.full_name
            lines = tuple(
                line
                for line in (
                    f"{person.street} {person.house_number}".strip(),
                    f"{person.postcode}  {person.municipality.upper()}".strip(),
                )
                if line
            )
    return Addressee(name=name, address_lines=lines)


@dataclass(frozen=True)
class RequestedPeriod:
    start_on: datetime.date | None = None
    end_on: datetime.date | None = None


def as_date(value: str) -> datetime.date | None:
    """An answer of type date (ISO) as a date; None when it holds none."""
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def requested_period(zaak: Zaak) -> RequestedPeriod:
    """The dates the resident asked for in the request (e.g. "Vanaf wanneer wilt u de vergunning?")."""
    answers = {
        answer.eigenschap.name: answer.value
        for answer in zaak.eigenschappen.select_related("eigenschap")
        if answer.eigenschap.data_type == DataType.DATE
    }
    start = next((as_date(answers[name]) for name in REQUESTED_START_FIELDS if answers.get(name)), None)
    end = next((as_date(answers[name]) for name in REQUESTED_END_FIELDS if answers.get(name)), None)
    return RequestedPeriod(start_on=start, end_on=end)


def letter_subject(zaak: Zaak) -> str:
    """What the request was about, as the resident would say it: "aanvraag parkeervergunning"."""
    product = zaak.zaaktype.product
    if product is None:
        return f"zaak {zaak.omschrijving[:1].lower()}{zaak.omschrijving[1:]}"
    if product.is_report:
        return f"melding {product.upl_name}"
    if product.upl_name == OBJECTION_PRODUCT:
        return "bezwaar"
    return f"aanvraag {product.upl_name}"


def besluit_title(zaak: Zaak) -> str:
    """ "Besluit op uw aanvraag parkeervergunning": the letter's title and the document's titel."""
    return f"Besluit op uw {letter_subject(zaak)}"


@dataclass(frozen=True)
class Objection:
    """Where and until when the resident can object (Awb 6:7, 6:8; the rechtsmiddelenclausule, 3:45)."""

    until: datetime.date
    term: str
    url: str
    address_lines: tuple[str, ...]


def objection(zaak: Zaak, besluit: Besluit) -> Objection:
    # The term runs from the day after the letter is sent (Awb 6:8); it goes out the day it is
    # decided, so the last day is the same weekday six weeks on.
    term = besluit.besluittype.reactietermijn or OBJECTION_TERM
    sent_on = besluit.sent_on or besluit.decided_on
    product = Product.objects.filter(upl_name=OBJECTION_PRODUCT).only("slug").first()
    gemeente = zaak.tenant
    url = (
        portal_url(gemeente, "portal:product-detail", product.slug)
        if product is not None
        else portal_url(gemeente, "portal:home")
    )
    return Objection(
        until=add_term(sent_on, term),
        term=term,
        url=url,
        address_lines=letterhead(gemeente).address_lines,
    )
