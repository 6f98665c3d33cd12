"""What a product page tells a resident to do, for every UPL product, online or not.

Every question the search answers lands on a product page, and only a few products have an
online process in a gemeente. So each page says how to arrange it: the online form when the
gemeente runs one, otherwise how to reach the gemeente (phone, e-mail, website, the counter)
and what to mention. The template only displays what ``how_to_arrange`` computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from plus1.appointments import selectors as appointment_selectors
from plus1.appointments.models import AppointmentProduct
from plus1.catalog.models import Adoption, Product
from plus1.feedback.public import public_score
from plus1.tenants.models import Organisation

# UPL names that are list keys rather than names a resident would say.
RESIDENT_NAMES = {"paspoort tweede": "tweede paspoort"}


def product_title(product: Product, process_name: str | None = None) -> str:
    """The name residents see: the gemeente's process name, else the UPL name with a capital."""
    name = process_name or RESIDENT_NAMES.get(product.upl_name, product.upl_name)
    return name[:1].upper() + name[1:]


def join_choices(items: list[str]) -> str:
    """Join with commas and "of": online, aan de balie of telefonisch."""
    if len(items) < 2:
        return "".join(items)
    return _("%(first)s of %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


@dataclass(frozen=True)
class ContactWay:
    """One way to reach the gemeente: "Bel" 030 123 45 67, with a link when there is one."""

    label: str
    text: str
    href: str = ""


@dataclass(frozen=True)
class HowTo:
    """The "Hoe regelt u het?" part of a product page that has no online form."""

    intro: str
    ways: list[ContactWay] = field(default_factory=list)
    no_ways: str = ""
    mention: str = ""


def _intro(product: Product, gemeente: Organisation) -> str:
    name = gemeente.name
    if product.is_report:
        return _("Dit meldt u bij de gemeente %(name)s.") % {"name": name}
    if product.is_subsidy:
        return _("Deze subsidie vraagt u aan bij de gemeente %(name)s.") % {"name": name}
    if product.is_application:
        return _("Dit vraagt u aan bij de gemeente %(name)s.") % {"name": name}
    if product.is_obligation:
        return _("Dit geeft u door aan de gemeente %(name)s.") % {"name": name}
    return _("Dit regelt u met de gemeente %(name)s.") % {"name": name}


def _phone_href(number: str) -> str:
    return "tel:" + "".join(char for char in number if char.isdigit() or char == "+")


def contact_ways(gemeente: Organisation, adoption: Adoption | None = None) -> list[ContactWay]:
    """How to reach the gemeente about this product: the process's own contact first."""
    phone = (adoption.contact_phone if adoption else "") or gemeente.contact_phone
    email = (adoption.contact_email if adoption else "") or gemeente.contact_email
    ways = []
    if phone:
        ways.append(ContactWay(label=_("Bel"), text=phone, href=_phone_href(phone)))
    if email:
        ways.append(ContactWay(label=_("Mail naar"), text=email, href=f"mailto:{email}"))
    if gemeente.website:
        ways.append(
            ContactWay(
                label=_("Kijk op de website van de gemeente"), text=gemeente.website, href=gemeente.website
            )
        )
    if gemeente.visiting_address:
        address = " ".join(gemeente.visiting_address.split())
        ways.append(ContactWay(label=_("Kom langs aan de balie"), text=address))
    return ways


def how_to_arrange(*, gemeente: Organisation, product: Product, adoption: Adoption | None) -> HowTo:
    """Say how a resident arranges ``product`` here when there is no online form for it.

    The kind of product (UPL: aanvraag, melding, verplichting, subsidie) gives the first
    sentence; the gemeente's contact details the ways; the product's name what to mention,
    so the person on the phone or at the counter knows at once what it is about.
    """
    title = product_title(product, adoption.zaaktype.omschrijving if adoption else None)
    ways = contact_ways(gemeente, adoption)
    return HowTo(
        intro=_intro(product, gemeente),
        ways=ways,
        no_ways=""
        if ways
        else _(
            "Neem contact op met de gemeente %(name)s. Op de website van de gemeente staan het "
            "telefoonnummer en de openingstijden."
        )
        % {"name": gemeente.name},
        mention=_("Zeg dat het gaat over: %(title)s.") % {"title": title},
    )


def public_score_for(gemeente: Organisation, adoption: Adoption | None) -> dict | None:
    """Return the process's "Zo waarderen inwoners ons" score, when the gemeente shows it."""
    return public_score(tenant=gemeente, process=adoption.process) if adoption is not None else None


def appointment_product_for(gemeente: Organisation, product: Product) -> AppointmentProduct | None:
    """The counter appointment for this product page, when the gemeente takes bookings for it
    (issue 21); also for products without a process of their own (paspoort, rijbewijs)."""
    return appointment_selectors.product_for(tenant=gemeente, product=product)
