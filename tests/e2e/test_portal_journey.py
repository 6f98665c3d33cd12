"""A resident finds a product, logs in with DigiD, requests it and follows it in Mijn zaken."""

import datetime
import re
from decimal import Decimal

import pytest

from plus1.catalog import services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import ZaakType

from .conftest import assert_accessible

# serialized_rollback puts back the gemeenten and reference lists that the flush removes.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def utrecht(gemeente_a, actor):
    import_library()
    for identificatie in ("parkeervergunning", "melding-openbare-ruimte"):
        services.adopt_process(
            gemeente=gemeente_a,
            zaaktype=ZaakType.objects.get(process__identificatie=identificatie),
            actor=actor,
            fee=Decimal("62.50"),
        )
    return gemeente_a


def _log_in_with_digid(page, bsn: str) -> None:
    page.locator("a[href*=inloggen_bsn]").first.click()
    page.fill("input[name=auth_bsn]", bsn)
    page.locator("form[method=post] [type=submit]").first.click()


def test_search_request_with_upload_and_follow_in_mijn_zaken(live_server, page, utrecht, tmp_path):
    page.goto(f"{live_server.url}/{utrecht.slug}/")
    assert_accessible(page)

    page.fill("#zoekterm", "parkeervergunnig")
    page.click("button:has-text('Zoeken')")
    assert_accessible(page)
    page.click("text=Parkeervergunning aanvragen")

    assert "62,50" in page.content()
    assert_accessible(page)
    page.click("a:has-text('Aanvragen')")
    _log_in_with_digid(page, "999993653")

    page.wait_for_url(re.compile(r"/stap/1/$"))
    assert_accessible(page)
    page.fill("input[name=kenteken]", "AB-123-C")
    page.check("input[name=auto_eigendom][value='Van mij']")
    page.click("button[name=volgende]")
    page.wait_for_url(re.compile(r"/stap/2/$"))
    assert_accessible(page)
    page.fill("input[name=ingangsdatum]", (datetime.date.today() + datetime.timedelta(days=7)).isoformat())
    page.click("button[name=volgende]")
    page.wait_for_url(re.compile(r"/stap/3/$"))
    page.click("button[name=volgende]")

    page.wait_for_url(re.compile(r"/documenten/$"))
    assert_accessible(page)
    upload = tmp_path / "verklaring-werkgever.pdf"
    upload.write_bytes(PDF)
    page.locator("input[type=file]").first.set_input_files(str(upload))
    page.click("button[name=volgende]")

    page.wait_for_url(re.compile(r"/controleren/$"))
    assert "AB-123-C" in page.content()
    assert_accessible(page)
    page.click("button:has-text('Versturen')")

    page.wait_for_url(re.compile(r"/mijn-zaken/ZAAK-\d{4}-\d{7}/$"))
    assert "Uw aanvraag is verstuurd" in page.content()
    assert "verklaring-werkgever.pdf" in page.content()
    assert_accessible(page)
    page.click("a:has-text('Mijn zaken')")
    assert "Parkeervergunning aanvragen" in page.content()
    assert_accessible(page)


def test_a_validation_error_is_shown_next_to_the_field_and_keeps_the_input(live_server, page, utrecht):
    page.goto(f"{live_server.url}/{utrecht.slug}/aanvragen/parkeervergunning/")
    _log_in_with_digid(page, "999993653")
    page.wait_for_url(re.compile(r"/stap/1/$"))
    page.click("button[name=volgende]")
    page.wait_for_url(re.compile(r"/stap/2/$"))

    page.fill("input[name=ingangsdatum]", "2020-01-01")
    page.click("button[name=volgende]")

    assert page.locator(".alert--error[role=alert]").is_visible()
    assert "Deze datum moet vandaag of later zijn." in page.content()
    assert page.input_value("input[name=ingangsdatum]") == "2020-01-01"
    assert_accessible(page)


def test_save_and_resume_after_logging_out(live_server, page, utrecht):
    page.goto(f"{live_server.url}/{utrecht.slug}/aanvragen/parkeervergunning/")
    _log_in_with_digid(page, "999993653")
    page.wait_for_url(re.compile(r"/stap/1/$"))
    page.fill("input[name=kenteken]", "XY-99-ZZ")
    page.click("button[name=opslaan]")
    assert "Uw aanvraag is bewaard" in page.content()
    page.click("button:has-text('Uitloggen')")

    page.goto(f"{live_server.url}/{utrecht.slug}/aanvragen/parkeervergunning/")
    _log_in_with_digid(page, "999993653")
    page.wait_for_url(re.compile(r"/stap/1/$"))

    assert page.input_value("input[name=kenteken]") == "XY-99-ZZ"


def test_anonymous_report_and_the_other_portal_pages_pass_axe(live_server, page, utrecht):
    for path in (
        "/",
        f"/{utrecht.slug}/producten/",
        f"/{utrecht.slug}/producten/paspoort/",
        f"/{utrecht.slug}/zoeken/?q=qqqq",
    ):
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)

    page.goto(f"{live_server.url}/{utrecht.slug}/melden/melding-openbare-ruimte/")
    assert_accessible(page)
    page.check("input[name=categorie] >> nth=1")
    page.fill("[name=omschrijving]", "De lantaarnpaal brandt niet.")
    page.fill("[name=locatie]", "Oudegracht 12")
    page.click("button:has-text('Melding versturen')")
    assert "Bedankt voor uw melding" in page.content()
    assert_accessible(page)


def test_the_resident_is_warned_before_the_session_ends_and_can_stay(live_server, page, utrecht):
    page.clock.install()
    page.goto(f"{live_server.url}/{utrecht.slug}/aanvragen/parkeervergunning/")
    _log_in_with_digid(page, "999993653")
    page.wait_for_url(re.compile(r"/stap/1/$"))
    warning = page.locator("#session-warning")
    assert warning.is_hidden()

    page.clock.fast_forward("13:30")

    assert warning.is_visible()
    assert "over 2 minuten automatisch uitgelogd" in warning.inner_text()
    assert_accessible(page)
    page.click("#session-warning-stay")
    page.wait_for_url(re.compile(r"/stap/1/$"))
    assert page.locator("#session-warning").is_hidden()
