"""E-mails to the people of a zaak, in the gemeente's name, to each by name, with a link to the zaak.

A resident trusts a message that comes from their gemeente ("Gemeente Utrecht", not "Plus1"),
greets them by name and sends them to Mijn zaken for the details, which never travel by e-mail.
Replies go to the gemeente's own address when it has one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import formataddr, parseaddr
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from plus1.catalog.constants import RolOmschrijvingGeneriek
from plus1.tenants.models import Organisation

from ..models import Rol, Zaak
from .content import has_real_name, initiator_of
from .links import my_zaak_url


@dataclass(frozen=True)
class Attachment:
    filename: str
    data: bytes
    content_type: str = "application/pdf"


def sender(gemeente: Organisation) -> str:
    """``Gemeente Utrecht <noreply@...>``: the gemeente's name before the installation's address."""
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or settings.DEFAULT_FROM_EMAIL
    return formataddr((f"Gemeente {gemeente.name}", address))


def salutation(rol: Rol | None) -> str:
    """Greet by name ("Beste Suzanne Moulin,"), or neutrally when no name is known (never "Beste Inwoner")."""
    if has_real_name(rol):
        return f"Beste {rol.name},"
    return "Beste heer of mevrouw,"


def can_use_mijn_zaken(rol: Rol | None) -> bool:
    """Whether the rol finds the zaak in Mijn zaken: the initiator who logs in with DigiD or eHerkenning.

    An anonymous reporter cannot log in; another party of the zaak does not see it there.
    """
    return (
        rol is not None
        and rol.roltype.generic == RolOmschrijvingGeneriek.INITIATOR
        and bool(rol.bsn or rol.kvk_number)
    )


def compose(
    *,
    zaak: Zaak,
    to: str,
    rol: Rol | None,
    subject: str,
    template: str,
    context: dict[str, Any] | None = None,
    attachments: Sequence[Attachment] = (),
) -> EmailMessage:
    """One e-mail to ``to``, rendered in Dutch with the greeting and link for ``rol``."""
    gemeente = zaak.tenant
    with translation.override("nl"):
        body = render_to_string(
            template,
            {
                "zaak": zaak,
                "gemeente": gemeente,
                "salutation": salutation(rol),
                "my_zaak_url": my_zaak_url(gemeente, zaak.identificatie) if can_use_mijn_zaken(rol) else "",
                **(context or {}),
            },
        )
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=sender(gemeente),
        to=[to],
        reply_to=[gemeente.contact_email] if gemeente.contact_email else None,
    )
    for attachment in attachments:
        message.attach(attachment.filename, attachment.data, attachment.content_type)
    return message


def mail_zaak_contacts(
    *, zaak: Zaak, subject: str, template: str, context: dict[str, Any] | None = None
) -> None:
    """E-mail every rol of the zaak that left an address, each by name, after the transaction commits.

    The message says what happened and links to Mijn zaken; the details stay there.
    """
    rollen = list(zaak.rollen.exclude(email="").select_related("roltype").order_by("id"))
    if not rollen:
        return
    messages = [
        compose(zaak=zaak, to=rol.email, rol=rol, subject=subject, template=template, context=context)
        for rol in rollen
    ]
    transaction.on_commit(lambda: get_connection().send_messages(messages))


def mail_initiator_now(
    *,
    zaak: Zaak,
    to: str,
    subject: str,
    template: str,
    context: dict[str, Any] | None = None,
    attachments: Sequence[Attachment] = (),
) -> None:
    """Send one e-mail to the initiator at ``to`` right away (the caller waits for the commit)."""
    compose(
        zaak=zaak,
        to=to,
        rol=initiator_of(zaak),
        subject=subject,
        template=template,
        context=context,
        attachments=attachments,
    ).send()
