"""A melding in a real browser: a photo and an address, axe clean; the map where tiles are set."""

import pytest

from plus1.cases.models import Zaak
from plus1.catalog import services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import ZaakType

from .conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64


@pytest.fixture
def melding(gemeente_a, actor):
    import_library()
    zaaktype = ZaakType.objects.get(process__identificatie="melding-openbare-ruimte")
    services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor)
    return f"/{gemeente_a.slug}/melden/melding-openbare-ruimte/"


def _fill(page) -> None:
    page.get_by_label("Straatverlichting").check()
    page.get_by_label("Wat is er aan de hand?").fill(
        "De lantaarnpaal voor nummer 12 brandt al een week niet."
    )
    page.get_by_label("Waar is het?").fill("Oudegracht 12, Utrecht")
    page.set_input_files(
        "input[name=fotos]", files=[{"name": "lantaarnpaal.jpg", "mimeType": "image/jpeg", "buffer": JPEG}]
    )


def test_a_melding_with_a_photo_and_an_address(live_server, page, melding, settings):
    settings.PLUS1_MAP_TILE_URL = ""
    page.goto(live_server.url + melding)
    assert page.locator("#report-map").count() == 0
    assert_accessible(page)  # on a phone (390 px)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_accessible(page)  # and on a desktop

    _fill(page)
    page.get_by_role("button", name="Melding versturen").click()

    page.get_by_text("Bedankt voor uw melding").wait_for()
    assert_accessible(page)
    zaak = Zaak.objects.get()
    assert zaak.documenten.get().filename == "lantaarnpaal.jpg"


def test_with_tiles_configured_the_map_adds_a_point_without_breaking_the_policy(
    live_server, page, melding, settings
):
    # Tiles from the test server itself (404s are fine): no request leaves the machine.
    settings.PLUS1_MAP_TILE_URL = live_server.url + "/static/tiles/{z}/{x}/{y}.png"
    page.goto(live_server.url + melding)
    page.locator("#report-map .leaflet-container, #report-map.leaflet-container").wait_for()
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_accessible(page)

    _fill(page)
    page.get_by_role("button", name="Midden van de kaart kiezen").click()
    page.get_by_text("U heeft een plek op de kaart gekozen.").wait_for()
    page.get_by_role("button", name="Melding versturen").click()

    page.get_by_text("Bedankt voor uw melding").wait_for()
    assert Zaak.objects.get().zaakgeometrie["type"] == "Point"
