"""A phone-sized screen (390 px): long Dutch words wrap, the header fits, and the pages pass axe.

Also: the header shows who is logged in, Mijn gegevens and the footer statements pass axe on a
phone and a desktop, logging out says so, and the DigiD simulator's page has no script errors.
"""

import re
from decimal import Decimal

import pytest

from plus1.catalog import services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import ZaakType

from .conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def utrecht(gemeente_a, actor):
    import_library()
    for identificatie in ("parkeervergunning", "gehandicaptenparkeerplaats", "gehandicaptenparkeerkaart"):
        services.adopt_process(
            gemeente=gemeente_a,
            zaaktype=ZaakType.objects.get(process__identificatie=identificatie),
            actor=actor,
            fee=Decimal("62.50"),
        )
    gemeente_a.contact_phone, gemeente_a.contact_email = "14 030", "info@utrecht.example"
    gemeente_a.save()
    return gemeente_a


def assert_fits(page, width: int) -> None:
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url}: the page is {scroll_width}px wide on a {width}px screen"


def _log_in_with_digid(page, bsn: str) -> None:
    page.locator("a[href*=inloggen_bsn]").first.click()
    page.fill("input[name=auth_bsn]", bsn)
    page.locator("form[method=post] [type=submit]").first.click()


@pytest.mark.parametrize("path", ["", "producten/", "producten/gehandicaptenparkeerplaats/"])
def test_home_product_list_and_a_long_product_name_fit_a_phone(live_server, page, utrecht, path):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/{utrecht.slug}/{path}")

    assert "ehandicaptenparkeerplaats" in page.content()
    assert_fits(page, 390)
    assert_accessible(page)


def test_the_header_buttons_look_like_the_header_links(live_server, page, utrecht):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/{utrecht.slug}/")
    style = (
        "e => { const s = getComputedStyle(e);"
        " return [s.color, s.backgroundColor, s.textDecorationLine, s.fontSize, s.borderTopWidth]; }"
    )

    english = page.locator("button:has-text('English')").evaluate(style)
    login = page.locator("a:has-text('Inloggen met DigiD')").evaluate(style)

    assert english == login


def test_a_resident_sees_their_name_keeps_contact_details_and_logs_out(live_server, page, utrecht):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/{utrecht.slug}/inloggen/")
    _log_in_with_digid(page, "999993653")
    page.wait_for_url(re.compile(r"/mijn-zaken/$"))
    assert page.locator(".page-header").inner_text().count("Ingelogd als Suzanne Moulin") == 1
    assert_fits(page, 390)
    assert_accessible(page)

    page.click("a:has-text('Mijn gegevens')")
    page.wait_for_url(re.compile(r"/mijn-gegevens/$"))
    assert "Boterdiep 31" in page.content()
    assert_fits(page, 390)
    assert_accessible(page)
    page.fill("input[name=email]", "suzanne@example.nl")
    page.check("input[name=wants_email][value=nee]")
    page.click("button:has-text('Opslaan')")
    page.wait_for_selector("text=Uw contactgegevens zijn opgeslagen.")
    assert page.locator("input[name=wants_email][value=nee]").is_checked()
    assert_accessible(page)

    page.set_viewport_size(DESKTOP)
    assert_accessible(page)
    page.click("button:has-text('Uitloggen')")
    page.wait_for_selector("text=U bent uitgelogd.")
    assert "Ingelogd als" not in page.content()
    assert_accessible(page)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_footer_statements_pass_axe(live_server, page, utrecht, viewport):
    page.set_viewport_size(viewport)
    page.goto(f"{live_server.url}/{utrecht.slug}/producten/parkeervergunning/")
    assert "Bel 14 030" in page.locator("main").inner_text()
    for label in ("Privacyverklaring", "Toegankelijkheidsverklaring", "Cookieverklaring", "Colofon"):
        page.locator("footer").get_by_role("link", name=label).click()
        page.wait_for_selector(f"h1:has-text('{label}')")
        assert_fits(page, viewport["width"])
        assert_accessible(page)


def test_the_digid_simulator_logs_no_console_errors(live_server, page, utrecht):
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "response",
        lambda response: (
            errors.append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    page.set_viewport_size(PHONE)

    page.goto(f"{live_server.url}/{utrecht.slug}/inloggen/")
    page.wait_for_selector("a[href*=inloggen_bsn]")
    page.locator("a[href*=inloggen_bsn]").first.click()
    page.wait_for_selector("input[name=auth_bsn]")
    page.wait_for_load_state("load")

    assert errors == []
    assert_fits(page, 390)
