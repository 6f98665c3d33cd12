"""After the gemeente decides and closes, the resident reads the outcome in Mijn zaken and downloads
the PDF decision letter; the list and the zaak page pass axe on a phone and on a desktop."""

import datetime

import pytest

from plus1.cases import services
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.core import clock

from .conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def closed_zaak(gemeente_a):
    zaaktype = handling_zaaktype()
    resultaattype = zaaktype.resultaattypen.get()
    resultaattype.omschrijving = "Vergunning verleend"
    resultaattype.save()
    zaak = new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype))
    today = clock.today()
    services.decide_zaak(
        zaak=zaak,
        besluittype=zaaktype.besluittypen.get(),
        decided_on=today,
        effective_on=today,
        expires_on=today + datetime.timedelta(days=364),
        toelichting="U woont in het vergunninggebied.",
        actor=SYSTEM,
        expected_version=None,
    )
    services.close_zaak(zaak=zaak, resultaattype=resultaattype, actor=SYSTEM, expected_version=None)
    return zaak


def test_the_resident_sees_the_outcome_and_downloads_the_letter(live_server, page, gemeente_a, closed_zaak):
    page.goto(f"{live_server.url}/{gemeente_a.slug}/mijn-zaken/")
    page.locator("a[href*=inloggen_bsn]").first.click()
    page.fill("input[name=auth_bsn]", "999993653")
    page.locator("form[method=post] [type=submit]").first.click()
    page.wait_for_selector(f"text={closed_zaak.identificatie}")
    assert page.locator("td:has-text('Vergunning verleend')").count() == 1
    assert_accessible(page)

    page.click(f"a[href$='/mijn-zaken/{closed_zaak.identificatie}/']")
    page.wait_for_selector("#kop-uitkomst")
    outcome = page.locator(".outcome")
    assert "Vergunning verleend" in outcome.inner_text() and "Geldig van" in outcome.inner_text()
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_accessible(page)

    with page.expect_download() as download:
        page.click("a:has-text('Download de besluitbrief')")
    path = download.value.path()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(path, "rb") as handle:
        assert handle.read(5) == b"%PDF-"
