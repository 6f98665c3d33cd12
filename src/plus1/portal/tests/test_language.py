"""English as second language: a switch in the header, Dutch by default, catalog data untranslated."""

from decimal import Decimal

import pytest
from django.urls import reverse

from plus1.catalog import services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import ZaakType

pytestmark = pytest.mark.django_db


@pytest.fixture
def parkeervergunning(collective, gemeente_a, actor):
    import_library()
    zaaktype = ZaakType.objects.get(process__identificatie="parkeervergunning")
    return services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor, fee=Decimal("62.50"))


def _switch_to(client, language, next_url):
    return client.post(reverse("set_language"), {"language": language, "next": next_url})


def test_the_portal_is_dutch_by_default_even_for_an_english_browser(client, gemeente_a):
    response = client.get(reverse("portal:home", args=[gemeente_a.slug]), HTTP_ACCEPT_LANGUAGE="en-GB,en")

    assert '<html lang="nl">' in response.text
    assert "Welkom bij gemeente Utrecht" in response.text
    assert 'name="language" value="en"' in response.text and ">English</button>" in response.text


def test_switching_to_english_shows_the_home_page_in_english(client, gemeente_a, parkeervergunning):
    home = reverse("portal:home", args=[gemeente_a.slug])
    switched = _switch_to(client, "en", home)
    assert switched["Location"] == home, "the switch brings you back to the same page"

    response = client.get(home)

    assert '<html lang="en">' in response.text
    assert "Welcome to the municipality of Utrecht" in response.text
    assert "Browse by theme" in response.text
    assert "Log in with DigiD" in response.text
    assert "Welkom" not in response.text
    # The names of processes are catalog data, not interface text.
    assert "Parkeervergunning aanvragen" in response.text
    assert ">Nederlands</button>" in response.text


def test_a_product_page_in_english_keeps_fee_and_lead_time_right(client, gemeente_a, parkeervergunning):
    _switch_to(client, "en", "/")

    response = client.get(reverse("portal:product-detail", args=[gemeente_a.slug, "parkeervergunning"]))

    assert "What does it cost?" in response.text
    assert "€ 62,50" in response.text or "€ 62.50" in response.text
    assert "We decide within 8 weeks at the latest." in response.text
    assert ">Apply</a>" in response.text


def test_switching_back_to_dutch(client, gemeente_a):
    home = reverse("portal:home", args=[gemeente_a.slug])
    _switch_to(client, "en", home)
    _switch_to(client, "nl", home)

    assert "Welkom bij gemeente Utrecht" in client.get(home).text


def test_the_switch_works_on_a_gemeentes_own_host(client, gemeente_a, settings):
    settings.ALLOWED_HOSTS = ["testserver", "loket.utrecht.nl"]
    gemeente_a.portal_host = "loket.utrecht.nl"
    gemeente_a.save()

    client.post("/taal/setlang/", {"language": "en", "next": "/"}, HTTP_HOST="loket.utrecht.nl")

    assert "Welcome to the municipality of Utrecht" in client.get("/", HTTP_HOST="loket.utrecht.nl").text
