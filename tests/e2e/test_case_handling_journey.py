"""The whole case-handling journey in a real browser: the case handler logs in with a TOTP code,
claims the zaak, asks the resident for information, the resident answers in Mijn zaken with a
document, and the case handler decides and closes. axe checks every page on the way."""

import re

import pytest

from plus1.accounts.selectors import current_totp_code
from plus1.backoffice.tests.conftest import make_employee
from plus1.cases.models import Zaak
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak

from .conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def zaak(gemeente_a):
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype(), team_name="Vergunningen")
    return new_zaak(adoption)


def _employee_logs_in(page, base_url, user):
    page.goto(f"{base_url}/backoffice/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "een-lang-wachtwoord")
    page.click("button:has-text('Volgende')")
    page.wait_for_url(re.compile(r"/inloggen/code/"))
    page.fill("#id_code", current_totp_code(user))
    page.click("button:has-text('Inloggen')")
    page.wait_for_url(re.compile(r"/backoffice/$"))


def test_claim_ask_answer_decide_and_close(live_server, page, second_page, gemeente_a, zaak, actor, tmp_path):
    anna = make_employee("anna", gemeente=gemeente_a, team=zaak.team, actor=actor, first_name="Anna")

    _employee_logs_in(page, live_server.url, anna)
    assert_accessible(page)
    page.click("button:has-text('Oppakken')")
    page.wait_for_selector("text=U behandelt nu zaak")
    page.click(f"a:has-text('{zaak.identificatie}')")
    page.wait_for_url(re.compile(rf"/backoffice/zaken/{zaak.identificatie}/$"))
    assert "Suzanne Moulin" in page.content()
    assert_accessible(page)

    page.click("#actie-vraag summary")  # each action's form opens on its own
    page.fill("#id_vraag-question", "Stuur een kopie van uw kentekenbewijs.")
    page.click("#actie-vraag button[type=submit]")
    page.wait_for_selector("text=De vraag staat klaar in Mijn zaken")
    assert page.locator(".badge:has-text('Termijn staat stil')").count() == 1
    assert_accessible(page)

    resident = second_page
    resident.goto(f"{live_server.url}/{gemeente_a.slug}/mijn-zaken/{zaak.identificatie}/")
    resident.locator("a[href*=inloggen_bsn]").first.click()
    resident.fill("input[name=auth_bsn]", "999993653")
    resident.locator("form[method=post] [type=submit]").first.click()
    resident.wait_for_selector("text=De gemeente heeft een vraag voor u")
    assert "Stuur een kopie van uw kentekenbewijs." in resident.content()
    assert_accessible(resident)
    scan = tmp_path / "kentekenbewijs.pdf"
    scan.write_bytes(PDF)
    resident.fill("#id_answer", "Hierbij mijn kentekenbewijs.")
    resident.set_input_files("#answer-files", str(scan))
    resident.click("button:has-text('Antwoord versturen')")
    resident.wait_for_selector("text=Wij hebben uw antwoord ontvangen")
    assert_accessible(resident)

    page.reload()
    assert page.locator(".badge:has-text('Termijn staat stil')").count() == 0
    assert "kentekenbewijs.pdf" in page.content()
    # Still at the first status: a besluit now asks for a tick with the reason.
    page.click("#actie-besluit summary")
    page.check("#id_besluit-bevestigd")
    page.click("#actie-besluit button[type=submit]")
    page.wait_for_selector("text=de besluitbrief staat bij de documenten")
    assert_accessible(page)

    page.click("#actie-afsluiten summary")
    page.click("#actie-afsluiten button[type=submit]")
    page.wait_for_selector("text=De zaak is afgesloten met resultaat")
    assert_accessible(page)
    closed = Zaak.objects.get(pk=zaak.pk)
    assert not closed.is_open and closed.besluiten.count() == 1
    assert closed.archive_nomination == "vernietigen"
