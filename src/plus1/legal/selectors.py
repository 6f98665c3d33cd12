"""Reads for the statements in a portal's footer, and the contact details a page shows."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q

from plus1.tenants.constants import OrganisationKind
from plus1.tenants.models import Organisation

from .constants import LegalPageKind
from .defaults import DEFAULTS
from .models import LegalPage


@dataclass(frozen=True)
class Block:
    """One piece of a statement: a heading (``h2``), a paragraph (``p``) or a list (``ul``)."""

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Statement:
    kind: str
    title: str
    blocks: tuple[Block, ...]
    is_own_text: bool  # written by this gemeente, not the collective's default


@dataclass(frozen=True)
class ContactDetails:
    phone: str
    email: str


def contact_details(gemeente: Organisation, *, phone: str = "", email: str = "") -> ContactDetails:
    """How to reach someone about a product: its own phone/e-mail, else the gemeente's general ones.

    A gemeente often fills in only an e-mail address for a product; residents should still
    see the number they can call.
    """
    return ContactDetails(phone=phone or gemeente.contact_phone, email=email or gemeente.contact_email)


def placeholder_values(gemeente: Organisation) -> dict[str, str]:
    """What the ``{...}`` words in a statement stand for (the help text of ``LegalPage.body``)."""
    unknown = "(onbekend)"
    return {
        "gemeente": gemeente.name,
        "telefoon": gemeente.contact_phone or unknown,
        "email": gemeente.contact_email or unknown,
        "website": gemeente.website or unknown,
        "adres": " ".join(gemeente.visiting_address.split()) or unknown,
        # The cookies Plus1 really sets, by the names the settings give them.
        "sessie_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "taal_cookie": settings.LANGUAGE_COOKIE_NAME,
        "melding_cookie": getattr(settings, "MESSAGE_COOKIE_NAME", "messages"),
    }


def fill_in(text: str, values: dict[str, str]) -> str:
    # Plain replacement, not str.format: a stray brace in a gemeente's text must not break the page.
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def blocks_of(text: str) -> tuple[Block, ...]:
    """Split plain text into headings, paragraphs and lists (the rules in ``BODY_HELP``)."""
    blocks: list[Block] = []
    lines: list[str] = []  # the paragraph or list being read
    in_list = False
    for raw in [*text.replace("\r\n", "\n").split("\n"), ""]:
        line = raw.strip()
        is_item = line.startswith("- ")
        ends_run = not line or line.startswith("## ") or (lines and is_item != in_list)
        if ends_run and lines:
            blocks.append(Block("ul", items=tuple(lines)) if in_list else Block("p", " ".join(lines)))
            lines = []
        if line.startswith("## "):
            blocks.append(Block("h2", line[3:].strip()))
        elif line:
            in_list = is_item
            lines.append(line[2:].strip() if is_item else line)
    return tuple(blocks)


def get_statement(*, gemeente: Organisation, kind: str) -> Statement:
    """The gemeente's own text for ``kind``, else the collective's, else the shipped default.

    Raises ValueError for a kind that does not exist.
    """
    if kind not in LegalPageKind.values:
        raise ValueError(kind)
    rows = LegalPage.objects.filter(
        Q(tenant=gemeente) | Q(tenant__kind=OrganisationKind.COLLECTIVE), kind=kind
    ).select_related("tenant")
    by_tenant = {row.tenant_id: row for row in rows}
    row = by_tenant.pop(gemeente.pk, None) or next(iter(by_tenant.values()), None)
    title, body = (row.title, row.body) if row is not None else DEFAULTS[kind]
    return Statement(
        kind=kind,
        title=title,
        blocks=blocks_of(fill_in(body, placeholder_values(gemeente))),
        is_own_text=row is not None and row.tenant_id == gemeente.pk,
    )


def footer_links() -> list[tuple[str, str]]:
    """The statements in the order the footer lists them: (kind, label)."""
    return [(kind.value, str(kind.label)) for kind in LegalPageKind]
