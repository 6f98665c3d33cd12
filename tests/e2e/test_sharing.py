"""A case handler shares a zaak with the GGD; the GGD's employee logs in with password and code
and sees only the shared parts, adds a note, and sees nothing once the share is revoked; the
resident sees the share in Mijn zaken. Every page is checked with axe (WCAG 2.2 AA)."""

import datetime
import re

import pytest

from plus1.accounts.selectors import current_totp_code
from plus1.audit.services import Actor
from plus1.backoffice.tests.conftest import make_employee, make_partner_employee
from plus1.cases.models import ZaakShare
from plus1.cases.services import revoke_share
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak
from plus1.cases.tests.sharing import ggd, shared, with_request_data_and_document

from .conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def zaak(gemeente_a):
    return with_request_data_and_document(
        new_zaak(adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype(), team_name="Wmo"))
    )


def _log_in(page, base_url, user):
    page.goto(f"{base_url}/backoffice/inloggen/")
    page.fill("#id_username", user.get_username())
    page.fill("#id_password", "een-lang-wachtwoord")
    page.click("button:has-text('Volgende')")
    page.wait_for_url(re.compile(r"/inloggen/code/"))
    page.fill("#id_code", current_totp_code(user))
    page.click("button:has-text('Inloggen')")


def test_gemeente_shares_and_the_partner_sees_only_the_shared_parts(
    live_server, page, gemeente_a, zaak, actor
):
    anna = make_employee("behandelaar-a", gemeente=gemeente_a, team=zaak.team, actor=actor, first_name="Anna")
    partner = ggd()
    arts = make_partner_employee("ggd-arts", partner=partner, actor=actor, first_name="Fatima")

    _log_in(page, live_server.url, anna)
    page.wait_for_url(re.compile(r"/backoffice/$"))
    page.goto(f"{live_server.url}/backoffice/zaken/{zaak.identificatie}/")
    assert "Deze zaak is niet gedeeld." in page.content()
    page.click("#actie-delen summary")  # each action's form opens on its own
    page.select_option("#id_delen-partner", label="GGD regio Utrecht")
    page.fill("#id_delen-purpose", "Beoordelen of een medisch advies nodig is")
    page.fill("#id_delen-legal_ground", "Wmo 2015, artikel 5.3.1")
    page.check("input[name=delen-parts][value=shares_status]")
    page.check("input[name=delen-parts][value=shares_contact_data]")
    page.check("input[name=delen-partner_may][value=partner_may_add_notes]")
    page.fill("#id_delen-valid_until", str(datetime.date.today() + datetime.timedelta(days=30)))
    assert_accessible(page)
    page.click("button:has-text('Zaak delen')")
    page.wait_for_selector("text=De zaak is gedeeld met GGD regio Utrecht")
    assert "Intrekken" in page.content()
    assert_accessible(page)
    page.click("button:has-text('Uitloggen')")
    page.wait_for_selector("text=U bent uitgelogd.")

    _log_in(page, live_server.url, arts)
    page.wait_for_url(re.compile(r"/backoffice/gedeeld/$"))
    assert "1 zaak gedeeld." in page.content() and "Werkvoorraad" not in page.content()
    assert_accessible(page)
    page.click(f"a:has-text('{zaak.identificatie}')")
    page.wait_for_selector("text=Gedeeld door gemeente Utrecht")
    content = page.content()
    assert "Suzanne Moulin" in content
    assert "Geheime situatieschets" not in content and "medische-verklaring.pdf" not in content
    assert_accessible(page)
    page.fill("#id_text", "Wij plannen een gesprek met de aanvrager.")
    page.click("button:has-text('Notitie opslaan')")
    page.wait_for_selector("text=Uw notitie is opgeslagen.")
    assert_accessible(page)

    revoke_share(share=ZaakShare.objects.get(), actor=Actor.system("test"))
    page.reload()
    page.wait_for_selector("text=Deze zaak is niet meer met u gedeeld")
    assert "Suzanne Moulin" not in page.content()
    assert_accessible(page)

    page.goto(f"{live_server.url}/backoffice/")
    page.wait_for_selector("text=U heeft geen toegang tot deze pagina")
    assert_accessible(page)


def test_the_resident_sees_the_share_in_mijn_zaken(live_server, page, gemeente_a, zaak):
    shared(zaak, ggd(), parts=["shares_status", "shares_contact_data"])

    page.goto(f"{live_server.url}/{gemeente_a.slug}/mijn-zaken/{zaak.identificatie}/")
    page.locator("a[href*=inloggen_bsn]").first.click()
    page.fill("input[name=auth_bsn]", "999993653")
    page.locator("form[method=post] [type=submit]").first.click()

    page.wait_for_selector("h2:has-text('Gedeeld met')")
    assert "GGD regio Utrecht" in page.content() and "status en verloop" in page.content()
    assert_accessible(page)
