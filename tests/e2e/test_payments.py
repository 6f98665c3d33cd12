"""Leges end to end (issue 21): a resident requests a parkeervergunning and pays in the Worldline
simulator; a second request is cancelled at the provider and paid later from Mijn zaken. The
teamleider sees both in the day's reconciliation. axe on every new page."""

import datetime
import re
from decimal import Decimal

import pytest

from plus1.accounts.constants import Role
from plus1.accounts.selectors import current_totp_code
from plus1.backoffice.tests.conftest import make_employee
from plus1.cases.models import Zaak
from plus1.catalog import services
from plus1.catalog.importer.loader import import_library
from plus1.catalog.models import ZaakType
from plus1.payments.models import PaymentSettings

from .conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def utrecht(gemeente_a, actor):
    import_library()
    zaaktype = ZaakType.objects.get(process__identificatie="parkeervergunning")
    ZaakType.objects.filter(pk=zaaktype.pk).update(fee_basis="fixed")
    services.adopt_process(gemeente=gemeente_a, zaaktype=zaaktype, actor=actor, fee=Decimal("62.50"))
    PaymentSettings.objects.create(tenant=gemeente_a, provider="simulator", pspid="PLUS1UTRECHT")
    return gemeente_a


def _request_parkeervergunning(page, base: str, kenteken: str) -> None:
    page.goto(f"{base}/aanvragen/parkeervergunning/")
    if "inloggen_bsn" in page.content():
        page.locator("a[href*=inloggen_bsn]").first.click()
        page.fill("input[name=auth_bsn]", "999993653")
        page.locator("form[method=post] [type=submit]").first.click()
    page.wait_for_url(re.compile(r"/stap/1/$"))
    page.fill("input[name=kenteken]", kenteken)
    page.check("input[name=auto_eigendom][value='Van mij']")
    page.click("button[name=volgende]")
    page.fill("input[name=ingangsdatum]", (datetime.date.today() + datetime.timedelta(days=7)).isoformat())
    page.click("button[name=volgende]")
    page.wait_for_url(re.compile(r"/stap/3/$"))
    page.click("button[name=volgende]")
    page.wait_for_url(re.compile(r"/(documenten|controleren)/$"))
    if page.url.endswith("/documenten/"):
        page.click("button[name=volgende]")
    page.wait_for_url(re.compile(r"/controleren/$"))
    page.click("button:has-text('Verder naar betalen')")
    page.wait_for_selector("text=U betaalt € 62,50 aan gemeente")


def test_pay_a_parkeervergunning_and_pay_a_cancelled_one_later(
    live_server, page, second_page, utrecht, actor
):
    base = f"{live_server.url}/{utrecht.slug}"
    page.goto(f"{base}/producten/parkeervergunning/")
    assert "U betaalt online met iDEAL" in page.content()

    # 1. Request and pay in the simulator: back on the zaak, sent and paid.
    _request_parkeervergunning(page, base, "AB-123-C")
    assert_accessible(page)
    page.click("button:has-text('Naar betalen')")
    page.wait_for_url(re.compile(r"/betaalsimulator/$"))
    page.click("button:has-text('Betalen met iDEAL')")
    page.wait_for_url(re.compile(r"/mijn-zaken/ZAAK-\d{4}-\d{7}/$"))
    assert "Uw aanvraag is verstuurd" in page.content() and "Betaald op" in page.content()
    assert_accessible(page)

    # 2. A second request, cancelled at the provider: kept, and paid later from Mijn zaken.
    _request_parkeervergunning(page, base, "XY-99-ZZ")
    page.click("button:has-text('Naar betalen')")
    page.wait_for_url(re.compile(r"/betaalsimulator/$"))
    page.click("button:has-text('Annuleren')")
    page.wait_for_selector("text=U heeft niet betaald")
    assert_accessible(page)
    page.goto(f"{base}/mijn-zaken/")
    assert "Nog te betalen" in page.content()
    assert_accessible(page)
    page.click("section[aria-labelledby=kop-te-betalen] button:has-text('Betalen')")
    page.wait_for_selector("text=U betaalt € 62,50 aan gemeente")
    page.click("button:has-text('Naar betalen')")
    page.click("button:has-text('Betalen met iDEAL')")
    page.wait_for_url(re.compile(r"/mijn-zaken/ZAAK-\d{4}-\d{7}/$"))
    assert Zaak.objects.filter(tenant=utrecht).count() == 2

    # 3. The teamleider's reconciliation of today: both payments, with the provider's reference.
    tessa = make_employee("tessa", gemeente=utrecht, role=Role.TEAMLEIDER, actor=actor, first_name="Tessa")
    employee = second_page
    employee.goto(f"{live_server.url}/backoffice/")
    employee.fill("#id_username", "tessa")
    employee.fill("#id_password", "een-lang-wachtwoord")
    employee.click("button:has-text('Volgende')")
    employee.wait_for_url(re.compile(r"/inloggen/code/"))
    employee.fill("#id_code", current_totp_code(tessa))
    employee.click("button:has-text('Inloggen')")
    employee.wait_for_url(re.compile(r"/backoffice/"))
    employee.goto(f"{live_server.url}/backoffice/betalingen/")
    assert employee.locator("table tbody tr").count() >= 2
    assert_accessible(employee)
