"""An employee logs in with password and TOTP code, filters the team inbox and claims a zaak;
the team lead opens the dashboard. Every back-office page is checked with axe (WCAG 2.2 AA)."""

import datetime
import re

import pytest

from plus1.accounts.constants import Role
from plus1.accounts.selectors import current_totp_code
from plus1.accounts.services import create_team
from plus1.backoffice.tests.conftest import make_employee
from plus1.cases.models import Zaak
from plus1.cases.tests.dated_zaken import SYSTEM, adopted, zaak_on

from .conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def utrecht_team(gemeente_a, actor):
    team = create_team(tenant=gemeente_a, name="Vergunningen", actor=SYSTEM)
    adoption = adopted(gemeente_a, team=team, lead_time="P2W")
    today = datetime.date.today()
    zaak_on(adoption, today - datetime.timedelta(days=30), name="Lukas Klamer", bsn="999991723")
    zaak_on(adoption, today - datetime.timedelta(days=3), name="Suzanne Moulin")
    zaak_on(
        adoption,
        today - datetime.timedelta(days=40),
        name="Erebos Bultenaar",
        bsn="999990019",
        ended_on=today - datetime.timedelta(days=20),
    )
    return team


def _log_in(page, base_url, username):
    page.fill("#id_username", username)
    page.fill("#id_password", "een-lang-wachtwoord")
    page.click("button:has-text('Volgende')")


def test_log_in_with_totp_filter_the_inbox_and_claim_a_zaak(
    live_server, page, gemeente_a, utrecht_team, actor
):
    anna = make_employee(
        "behandelaar-a",
        gemeente=gemeente_a,
        team=utrecht_team,
        actor=actor,
        first_name="Anna",
        last_name="Bos",
    )

    page.goto(f"{live_server.url}/backoffice/")
    page.wait_for_url(re.compile(r"/backoffice/inloggen/"))
    assert_accessible(page)
    _log_in(page, live_server.url, "behandelaar-a")

    page.wait_for_url(re.compile(r"/inloggen/code/"))
    assert_accessible(page)
    page.fill("#id_code", current_totp_code(anna))
    page.click("button:has-text('Inloggen')")

    page.wait_for_url(re.compile(r"/backoffice/$"))
    assert "Gemeente Utrecht" in page.content() and "Ingelogd als Anna Bos" in page.content()
    assert "2 zaken gevonden." in page.content()
    assert_accessible(page)

    page.click("a:has-text('Te laat')")
    page.wait_for_url(re.compile(r"termijn=overdue"))
    assert "1 zaak gevonden." in page.content() and "Lukas Klamer" in page.content()
    assert_accessible(page)

    page.select_option("#id_termijn", "")
    page.fill("#id_zoek", "Suzanne")
    page.click("button:has-text('Zoeken en filteren')")
    page.wait_for_url(re.compile(r"zoek=Suzanne"))
    assert "1 zaak gevonden." in page.content()
    page.click("button:has-text('Oppakken')")

    page.wait_for_selector("text=U behandelt nu zaak")
    assert_accessible(page)
    zaak = Zaak.objects.get(rollen__name="Suzanne Moulin")
    assert zaak.assignee == anna

    page.click("button:has-text('Uitloggen')")
    page.wait_for_selector("text=U bent uitgelogd.")


def test_first_log_in_sets_up_totp_and_the_team_lead_sees_the_dashboard(
    live_server, page, gemeente_a, utrecht_team, actor
):
    make_employee(
        "teamleider-a",
        gemeente=gemeente_a,
        team=utrecht_team,
        role=Role.TEAMLEIDER,
        actor=actor,
        device=False,
    )

    page.goto(f"{live_server.url}/backoffice/inloggen/")
    _log_in(page, live_server.url, "teamleider-a")
    page.wait_for_url(re.compile(r"/inloggen/instellen/"))
    assert page.locator("figure.qr-code svg").count() == 1
    assert_accessible(page)
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user__username="teamleider-a")
    page.fill("#id_code", f"{TOTP(device.bin_key).token():06d}")
    page.click("button:has-text('Bevestigen en inloggen')")

    page.wait_for_url(re.compile(r"/backoffice/$"))
    page.click("nav a:has-text('Dashboard')")
    page.wait_for_url(re.compile(r"/backoffice/dashboard/$"))
    assert "open zaak is over de uiterste einddatum" in page.content()
    assert page.locator("svg[role=img]").count() == 4
    assert_accessible(page)
