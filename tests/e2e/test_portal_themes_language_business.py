"""Browse by theme, the portal in English, a gemeente's own product text and a business log-in."""

import re
from decimal import Decimal

import pytest

from plus1.catalog import services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import Product, ZaakType

from .conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def utrecht(gemeente_a, actor):
    import_library()
    for identificatie in ("parkeervergunning", "terrasvergunning"):
        services.adopt_process(
            gemeente=gemeente_a,
            zaaktype=ZaakType.objects.get(process__identificatie=identificatie),
            actor=actor,
            fee=Decimal("62.50"),
        )
    services.save_product_text(
        gemeente=gemeente_a,
        product=Product.objects.get(slug="omgevingsvergunning"),
        actor=actor,
        text="Dit regelt u bij het Omgevingsloket.",
        url="https://omgevingswet.overheid.nl/",
        url_label="Naar het Omgevingsloket",
    )
    return gemeente_a


def test_browse_by_theme_from_the_home_page(live_server, page, utrecht):
    page.goto(f"{live_server.url}/{utrecht.slug}/")
    page.click("a:has-text('Zoeken op thema')")

    page.wait_for_url(re.compile(r"/themas/$"))
    assert "Verblijf in een andere lidstaat" in page.content()
    assert_accessible(page)
    page.click("a:has-text('Verblijf in een andere lidstaat')")

    page.wait_for_url(re.compile(r"/themas/verblijf-in-een-andere-lidstaat/$"))
    assert page.locator("li:has-text('Parkeervergunning aanvragen') .badge").count() == 1
    assert_accessible(page)


def test_the_portal_in_english_without_javascript_needed(live_server, page, utrecht):
    page.goto(f"{live_server.url}/{utrecht.slug}/")
    page.click("button:has-text('English')")

    page.wait_for_selector("h1:has-text('Welcome to the municipality of Utrecht')")
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)
    page.click("text=Parkeervergunning aanvragen")
    page.wait_for_selector("h2:has-text('What does it cost?')")
    assert_accessible(page)
    page.goto(f"{live_server.url}/{utrecht.slug}/themas/")
    assert "Browse by theme" in page.content()
    assert_accessible(page)

    page.click("button:has-text('Nederlands')")
    page.wait_for_selector("h1:has-text('Zoeken op thema')")
    assert page.locator("html").get_attribute("lang") == "nl"


def test_a_gemeentes_own_text_on_a_product_it_does_not_run(live_server, page, utrecht):
    page.goto(f"{live_server.url}/{utrecht.slug}/producten/omgevingsvergunning/")

    assert "Dit regelt u bij het Omgevingsloket." in page.content()
    assert page.locator("a:has-text('Naar het Omgevingsloket')").get_attribute("href") == (
        "https://omgevingswet.overheid.nl/"
    )
    assert_accessible(page)


def test_a_business_logs_in_with_eherkenning_from_a_business_product(live_server, page, utrecht):
    page.goto(f"{live_server.url}/{utrecht.slug}/producten/terrasvergunning/")
    assert "U logt in met eHerkenning." in page.content()
    assert_accessible(page)
    page.click("main a:has-text('Aanvragen')")

    page.wait_for_url(re.compile(r"/eherkenning/login/"))
    assert_accessible(page)
    page.fill("input[name=kvk_number]", "1234")
    page.click("button:has-text('Inloggen')")
    assert "8 cijfers" in page.content()
    assert_accessible(page)
    page.fill("input[name=kvk_number]", "69599084")
    page.click("button:has-text('Inloggen')")

    page.wait_for_url(re.compile(r"/aanvragen/terrasvergunning/stap/1/$"))
    assert "U bent ingelogd met eHerkenning." in page.content()
    page.goto(f"{live_server.url}/{utrecht.slug}/mijn-zaken/")
    assert "U hebt nog geen zaken bij gemeente Utrecht." in page.content()
    assert_accessible(page)
