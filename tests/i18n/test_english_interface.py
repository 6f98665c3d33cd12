"""The interface in English: a visitor who chose English gets English labels, not Dutch ones.

Pages of the back office and of Mijn zaken are rendered after the language switch. Their labels,
timeline titles and confirmations come from the English translation; what a gemeente or the
catalog wrote (status names, results, product names) is content and stays Dutch.
"""

import datetime
import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from plus1.accounts.services import create_team
from plus1.backoffice.tests.conftest import log_in, make_employee
from plus1.cases import services
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak

pytestmark = pytest.mark.django_db

SUZANNE = "999993653"  # the initiator new_zaak registers


def visible_text(page: str) -> str:
    """What a reader sees: no tags, scripts or styles."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def in_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return client


def assert_english(text: str, *, shown: tuple[str, ...], not_shown: tuple[str, ...]) -> None:
    missing = [label for label in shown if label not in text]
    dutch = [label for label in not_shown if label in text]
    assert not missing and not dutch, f"missing English: {missing}; Dutch left: {dutch}"


@pytest.fixture
def team(gemeente_a, actor):
    return create_team(tenant=gemeente_a, name="Vergunningen", actor=actor)


@pytest.fixture
def employee(gemeente_a, team, actor):
    return make_employee("behandelaar-a", gemeente=gemeente_a, team=team, actor=actor, first_name="Anna")


@pytest.fixture
def zaaktype():
    return handling_zaaktype()


@pytest.fixture
def adoption(gemeente_a, zaaktype, team):
    return adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype, team_name=team.name)


@pytest.fixture
def waiting_zaak(adoption):
    """An open zaak with a question to the resident: the term stands still."""
    zaak = new_zaak(adoption)
    services.request_information(
        zaak=zaak,
        question="Stuur een kopie van uw kentekenbewijs.",
        answer_due_on=datetime.date.today() + datetime.timedelta(days=14),
        actor=SYSTEM,
        expected_version=None,
    )
    zaak.refresh_from_db()
    return zaak


@pytest.fixture
def closed_zaak(adoption, zaaktype):
    zaak = new_zaak(adoption)
    services.decide_zaak(
        zaak=zaak,
        besluittype=zaaktype.besluittypen.get(),
        decided_on=datetime.date.today(),
        effective_on=datetime.date.today(),
        expires_on=None,
        toelichting="U woont in het vergunninggebied.",
        actor=SYSTEM,
        expected_version=None,
    )
    services.close_zaak(
        zaak=zaak, resultaattype=zaaktype.resultaattypen.get(), actor=SYSTEM, expected_version=None
    )
    zaak.refresh_from_db()
    return zaak


def test_the_back_office_zaak_page_and_its_confirmation_are_english(client, employee, waiting_zaak):
    log_in(in_english(client), employee)
    page = client.get(reverse("backoffice:zaak-detail", args=[waiting_zaak.identificatie]))

    assert_english(
        visible_text(page.text),
        shown=("Current state", "Deadline clock paused", "Timeline", "Question to the resident", "Next step"),
        not_shown=(
            "Stand van zaken",
            "Termijn staat stil",
            "Tijdlijn",
            "Vraag aan de inwoner",
            "Volgende stap",
        ),
    )
    assert "Ontvangen" in visible_text(page.text), "the status name is the catalog's, not translated"

    claimed = client.post(
        reverse("backoffice:zaak-action", args=[waiting_zaak.identificatie, "oppakken"]),
        {"oppakken-version": waiting_zaak.version},
        follow=True,
    )
    assert_english(
        visible_text(claimed.text),
        shown=("You are now handling this case.",),
        not_shown=("U behandelt deze zaak nu.",),
    )


def test_zaak_zoeken_is_english(client, employee, closed_zaak):
    log_in(in_english(client), employee)
    page = client.get(reverse("backoffice:zaak-search"), {"zoek": closed_zaak.identificatie})

    assert closed_zaak.identificatie in page.text
    assert_english(
        visible_text(page.text),
        shown=("Find a case", "Open and closed", "1 case found.", "Received on", "Closed"),
        not_shown=("Zaak zoeken", "Open en afgesloten", "zaak gevonden", "Ontvangen op", "Afgesloten"),
    )


def test_mijn_zaken_shows_a_closed_zaak_in_english(client, gemeente_a, closed_zaak):
    user = get_user_model().digid_objects.digid_create(SUZANNE)
    in_english(client).force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    page = client.get(reverse("portal:my-zaak-detail", args=[gemeente_a.slug, closed_zaak.identificatie]))

    text = visible_text(page.text)
    assert_english(
        text,
        shown=("Outcome", "Completed on", "What has happened?", "Case completed: Verleend"),
        not_shown=("Uitkomst", "Afgehandeld op", "Wat is er gebeurd?", "Zaak afgehandeld"),
    )


def test_mijn_gegevens_is_english(client, gemeente_a):
    user = get_user_model().digid_objects.digid_create(SUZANNE)
    in_english(client).force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    page = client.get(reverse("portal:my-profile", args=[gemeente_a.slug]))

    assert_english(
        visible_text(page.text),
        shown=("What the municipality knows about you", "Citizen service number (BSN)", "How we reach you"),
        not_shown=("Wat de gemeente van u weet", "Burgerservicenummer", "Hoe wij u bereiken"),
    )
