"""The data behind ``plus1 demo``: a few gemeenten running the shared library, people, zaken.

Everything is made through the domain services, as a real gemeente would, and running it
again changes nothing.
"""

from __future__ import annotations

import base64
import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from plus1.accounts.constants import Role
from plus1.accounts.selectors import employee_actor
from plus1.accounts.services import (
    add_team_member,
    create_employee,
    create_partner_employee,
    create_team,
    grant_role,
    register_totp_device,
)
from plus1.apiclients.models import ClientCredential
from plus1.apiclients.services import create_application
from plus1.audit.services import Actor
from plus1.cases.constants import SharePart
from plus1.cases.models import Zaak, ZaakShare
from plus1.cases.processing import Purpose
from plus1.cases.selectors import get_zaak_for_employee
from plus1.cases.services import Initiator, claim_zaak, close_zaak, create_zaak, share_zaak
from plus1.catalog import selectors as catalog_selectors
from plus1.catalog import services as catalog_services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import Adoption, Product, ProductText, ZaakType
from plus1.core import clock
from plus1.tenants.models import Organisation
from plus1.tenants.selectors import get_collective, get_gemeente
from plus1.tenants.services import create_partner_organisation

from .appointments import load_appointments
from .development import load_development
from .feedback import load_feedback
from .history import ZAKEN_PER_GEMEENTE, example_answers, load_history
from .incidents import load_incidents
from .payments import load_payments

DEMO_PASSWORD = "plus1-demo-2026"  # noqa: S105 - printed for the demo on purpose
# Every demo employee's authenticator app shares this secret (20 bytes, printed in base32 by
# ``plus1 demo``); ``plus1 totp <username>`` prints the current code without an app.
DEMO_TOTP_KEY = b"plus1-demo-totp-2026"
DEMO_TOTP_SECRET = base64.b32encode(DEMO_TOTP_KEY).decode()
DEMO_TEAM = "Team Dienstverlening"
# The demo's ZGW API application of Utrecht (docs/api.md shows how to make a token with it).
DEMO_API_CLIENT_ID = "plus1-demo"
DEMO_API_SECRET = "plus1-demo-api-secret-2026-0000000"  # noqa: S105 - printed for the demo on purpose

# (CBS code, RSIN, primary colour, fee factor). The RSINs are fictitious numbers that pass
# the eleven test; the demo must never look like it speaks for a real organisation.
DEMO_GEMEENTEN = [
    ("GM0344", "100000009", "#cc0000", Decimal("1.00")),
    ("GM0014", "100000010", "#2b6a4d", Decimal("0.90")),
    ("GM0193", "100000022", "#1d4f91", Decimal("1.10")),
]

# Local fees in euro for a few processes (before the per-gemeente factor).
DEMO_FEES = {
    "parkeervergunning": Decimal("62.50"),
    "brp-uittreksel": Decimal("16.10"),
    "evenementenvergunning": Decimal("125.00"),
    "standplaatsvergunning": Decimal("45.00"),
    "terrasvergunning": Decimal("95.00"),
    "omgevingsvergunning-kap": Decimal("85.00"),
    "huwelijk": Decimal("425.00"),
    "verklaring-omtrent-gedrag": Decimal("41.35"),
}

# Chain partners (fictitious organisations): (name, slug, user name of their employee).
DEMO_PARTNERS = [
    ("GGD regio Utrecht", "ggd-regio-utrecht", "ggd-utrecht"),
    ("Schuldhulp Utrecht", "schuldhulp-utrecht", "schuldhulp-utrecht"),
]

# Official BRP test persons (RvIG / Haal Centraal test set); fictitious people.
DEMO_RESIDENTS = [
    ("999993653", "Suzanne Moulin"),
    ("999990019", "Erebos Bultenaar"),
    ("999991723", "Lukas Klamer"),
]


@dataclass
class DemoSummary:
    gemeenten: list[Organisation] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)
    employees: list[tuple[str, str]] = field(default_factory=list)
    zaken: int = 0
    processes: int = 0


@transaction.atomic
def load_demo(*, history_zaken: int = ZAKEN_PER_GEMEENTE) -> DemoSummary:
    """Load the demo once; ``history_zaken`` is the number of past zaken per gemeente."""
    actor = Actor.system("plus1 demo")
    import_library(actor=actor)
    summary = DemoSummary(
        processes=catalog_selectors.published_zaaktypen().values("process").distinct().count()
    )
    collective = get_collective()

    summary.logins.append(("admin", "superuser: alles"))
    superuser = _employee("admin", superuser=True)
    catalog_manager = _employee("catalogus")
    grant_role(tenant=collective, user=catalog_manager, role=Role.CATALOG_MANAGER, actor=actor)
    # The admin asks for the authenticator code too (the functional admins get theirs below).
    for person in (superuser, catalog_manager):
        register_totp_device(user=person, key=DEMO_TOTP_KEY.hex())
    summary.logins.append(("catalogus", f"catalogusbeheerder van {collective}"))

    for cbs_code, rsin, colour, factor in DEMO_GEMEENTEN:
        gemeente = get_gemeente(cbs_code=cbs_code)
        _dress_up(gemeente, rsin=rsin, colour=colour)
        summary.gemeenten.append(gemeente)
        beheerder = _employee(f"beheer-{gemeente.slug}")
        grant_role(tenant=gemeente, user=beheerder, role=Role.BEHEERDER, actor=actor)
        behandelaar = _employee(f"behandelaar-{gemeente.slug}", first_name="Bas", last_name="Behandelaar")
        grant_role(tenant=gemeente, user=behandelaar, role=Role.BEHANDELAAR, actor=actor)
        teamleider = _employee(f"teamleider-{gemeente.slug}", first_name="Tessa", last_name="Teamleider")
        grant_role(tenant=gemeente, user=teamleider, role=Role.TEAMLEIDER, actor=actor)
        summary.logins.append((beheerder.get_username(), f"functioneel beheerder van {gemeente}"))
        summary.logins.append((behandelaar.get_username(), f"behandelaar van {gemeente}"))
        team = create_team(tenant=gemeente, name=DEMO_TEAM, actor=actor)
        for member in (behandelaar, teamleider):
            add_team_member(team=team, user=member, actor=actor)
        for person, what in (
            (behandelaar, f"behandelaar in {team} van {gemeente}"),
            (teamleider, f"teamleider van {team} van {gemeente} (ook: Dashboard)"),
            (beheerder, f"functioneel beheerder van {gemeente} (geen team: lege werkvoorraad)"),
        ):
            register_totp_device(user=person, key=DEMO_TOTP_KEY.hex())
            summary.employees.append((person.get_username(), what))
        _adopt_library(gemeente, factor=factor, actor=actor)
        for adoption in Adoption.objects.for_tenant(gemeente).filter(team__isnull=True):
            catalog_services.set_adoption_team(adoption=adoption, team=team, actor=actor)

    privacy = _employee(f"privacy-{summary.gemeenten[0].slug}", first_name="Priya", last_name="Privacy")
    grant_role(tenant=summary.gemeenten[0], user=privacy, role=Role.PRIVACY_OFFICER, actor=actor)
    register_totp_device(user=privacy, key=DEMO_TOTP_KEY.hex())
    summary.employees.append(
        (privacy.get_username(), f"privacy officer van {summary.gemeenten[0]} (alleen Verwerkingslog)")
    )

    kwaliteit = _employee(f"kwaliteit-{summary.gemeenten[0].slug}", first_name="Kim", last_name="Kwaliteit")
    grant_role(tenant=summary.gemeenten[0], user=kwaliteit, role=Role.KWALITEITSMEDEWERKER, actor=actor)
    register_totp_device(user=kwaliteit, key=DEMO_TOTP_KEY.hex())
    summary.employees.append(
        (kwaliteit.get_username(), f"kwaliteitsmedewerker van {summary.gemeenten[0]} (klantwaardering)")
    )

    _publish_parkeervergunning_v2(actor)
    # Utrecht moves to the new version at once; the other demo gemeenten see it waiting.
    utrecht = summary.gemeenten[0]
    adoption = Adoption.objects.for_tenant(utrecht).get(process__identificatie="parkeervergunning")
    if catalog_selectors.pending_upgrade(adoption):
        catalog_services.accept_upgrade(adoption=adoption, actor=actor)

    _local_product_text(utrecht, actor)
    for gemeente in summary.gemeenten:
        _demo_zaken(gemeente, actor)
        load_history(gemeente, zaken=history_zaken)
    _demo_partners(utrecht, summary, actor)
    _demo_api_client(utrecht, actor)
    load_incidents(summary)
    load_payments(summary)
    load_appointments(summary)
    load_development(summary)
    load_feedback(demo_gemeenten=summary.gemeenten, history_zaken=history_zaken)
    summary.zaken = Zaak.objects.filter(tenant__in=summary.gemeenten).count()
    return summary


def _demo_api_client(gemeente: Organisation, actor: Actor) -> None:
    """One application with all autorisaties for the gemeente, to try the ZGW APIs with."""
    if ClientCredential.objects.filter(client_id=DEMO_API_CLIENT_ID).exists():
        return
    create_application(
        tenant=gemeente,
        label="Demo-applicatie",
        client_ids=[DEMO_API_CLIENT_ID],
        secret=DEMO_API_SECRET,
        actor=actor,
        has_all_autorisaties=True,
    )


def _demo_partners(utrecht: Organisation, summary: DemoSummary, actor: Actor) -> None:
    """Two chain partners with one employee each; Utrecht shares one zaak with the GGD."""
    partners = []
    for name, slug, username in DEMO_PARTNERS:
        partner = create_partner_organisation(name=name, slug=slug)
        partners.append(partner)
        person = get_user_model().objects.filter(username=username).first()
        if person is None:
            person = create_partner_employee(
                partner=partner,
                username=username,
                password=DEMO_PASSWORD,
                email=f"{username}@plus1.example",
                first_name="Pim",
                last_name="Partner",
                actor=actor,
            )
        register_totp_device(user=person, key=DEMO_TOTP_KEY.hex())
        summary.employees.append((username, f"medewerker van ketenpartner {partner} (alleen gedeelde zaken)"))
    ggd = partners[0]
    if ZaakShare.objects.for_tenant(utrecht).filter(partner=ggd).exists():
        return
    zaak = Zaak.objects.for_tenant(utrecht).filter(ended_on__isnull=True).order_by("pk").first()
    if zaak is None:
        return
    teamleider = get_user_model().objects.get(username=f"teamleider-{utrecht.slug}")
    share_zaak(
        tenant=utrecht,
        zaak=zaak,
        partner=ggd,
        purpose="Beoordelen of de aanvrager een medisch advies nodig heeft",
        legal_ground="Wet maatschappelijke ondersteuning 2015, artikel 5.3.1",
        parts=[SharePart.REQUEST_DATA, SharePart.CONTACT_DATA, SharePart.STATUS],
        valid_until=clock.today() + datetime.timedelta(days=90),
        partner_may_add_notes=True,
        actor=Actor.from_user(teamleider),
        user=teamleider,
    )


def _employee(username: str, *, superuser: bool = False, **names: str):
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is None:
        user = create_employee(
            username=username, password=DEMO_PASSWORD, email=f"{username}@plus1.example", **names
        )
        if superuser:
            user.is_superuser = True
            user.save(update_fields=["is_superuser"])
    return user


def _dress_up(gemeente: Organisation, *, rsin: str, colour: str) -> None:
    if gemeente.rsin:
        return
    gemeente.rsin = rsin
    gemeente.primary_color = colour
    gemeente.contact_email = f"info@{gemeente.slug}.plus1.example"
    gemeente.contact_phone = "14 0" + gemeente.cbs_code[-2:]
    # The portal also answers on the gemeente's own host name; *.localhost reaches this machine.
    gemeente.portal_host = f"{gemeente.slug}.localhost"
    gemeente.full_clean()
    gemeente.save()


def _adopt_library(gemeente: Organisation, *, factor: Decimal, actor: Actor) -> None:
    adopted = set(Adoption.objects.for_tenant(gemeente).values_list("process_id", flat=True))
    for zaaktype in catalog_selectors.published_zaaktypen().filter(valid_until__isnull=True):
        if zaaktype.process_id in adopted:
            continue
        fee = DEMO_FEES.get(zaaktype.identificatie)
        catalog_services.adopt_process(
            gemeente=gemeente,
            zaaktype=zaaktype,
            actor=actor,
            fee=(fee * factor).quantize(Decimal("0.05")) if fee else None,
            contact_email=gemeente.contact_email,
            offers_online=zaaktype.allows_online,
            offers_counter=True,
        )


def _publish_parkeervergunning_v2(actor: Actor) -> None:
    """A next version of parkeervergunning from 2027 on, to show gemeenten an upgrade."""
    versions = ZaakType.objects.filter(process__identificatie="parkeervergunning", tenant__kind="collective")
    if versions.filter(valid_from__gte=datetime.date(2027, 1, 1)).exists():
        return
    current = versions.order_by("-version").first()
    concept = catalog_services.create_next_version(
        zaaktype=current, valid_from=datetime.date(2027, 1, 1), actor=actor
    )
    catalog_services.update_zaaktype(
        zaaktype=concept,
        actor=actor,
        service_norm="P1W",
        description=current.description + " Vanaf 2027 hoeft u geen kentekenbewijs meer mee te sturen.",
    )
    catalog_services.publish_zaaktype(zaaktype=concept, actor=actor)


def _local_product_text(gemeente: Organisation, actor: Actor) -> None:
    """A gemeente's own text on a product it does not run itself (shown on its product page)."""
    product = Product.objects.get(slug="omgevingsvergunning")
    if ProductText.objects.for_tenant(gemeente).filter(product=product).exists():
        return
    catalog_services.save_product_text(
        gemeente=gemeente,
        product=product,
        actor=actor,
        text=(
            "Een omgevingsvergunning vraagt u aan bij het Omgevingsloket. "
            "Daar ziet u ook of u een vergunning nodig hebt."
        ),
        url="https://omgevingswet.overheid.nl/",
        url_label="Naar het Omgevingsloket",
    )


def _demo_zaken(gemeente: Organisation, actor: Actor) -> None:
    if Zaak.objects.for_tenant(gemeente).exists():
        return
    adoptions = {a.process.identificatie: a for a in catalog_selectors.adoptions_for_gemeente(gemeente)}
    zaken = []
    for index, (bsn, name) in enumerate(DEMO_RESIDENTS):
        for identificatie in ("parkeervergunning", "melding-openbare-ruimte", "brp-uittreksel")[: index + 1]:
            adoption = adoptions.get(identificatie)
            if adoption is None:
                continue
            data = example_answers(adoption.zaaktype)
            zaken.append(
                create_zaak(
                    tenant=gemeente,
                    adoption=adoption,
                    initiator=Initiator(name=name, bsn=bsn),
                    data=data,
                    actor=actor,
                )
            )
    # Something to see in the back office: one zaak picked up, one already handled.
    behandelaar = get_user_model().objects.get(username=f"behandelaar-{gemeente.slug}")
    employee = employee_actor(behandelaar, tenant=gemeente)
    if zaken:
        # The case handler opens the zaak first: "Wie heeft mijn gegevens ingezien?" shows it.
        get_zaak_for_employee(
            tenant=gemeente, identificatie=zaken[0].identificatie, purpose=Purpose.handling(employee)
        )
        claim_zaak(zaak=zaken[0], user=behandelaar, actor=employee, expected_version=None)
        # The beheerder, in no team, opens one too: the privacy officer's report of unusual
        # access lists it under "Zaken van een ander team".
        beheerder = get_user_model().objects.get(username=f"beheer-{gemeente.slug}")
        get_zaak_for_employee(
            tenant=gemeente,
            identificatie=zaken[-1].identificatie,
            purpose=Purpose.handling(employee_actor(beheerder, tenant=gemeente)),
        )
    done = next((z for z in zaken[1:] if z.zaaktype.resultaattypen.exists()), None)
    if done is not None:
        close_zaak(
            zaak=done,
            resultaattype=done.zaaktype.resultaattypen.order_by("pk").first(),
            actor=employee,
            expected_version=None,
        )
