"""Klantwaardering end to end (issue 19): the teamleider closes a zaak in the back office, the
resident opens the invitation link and answers a 4 with "u mag mij bellen", the call-back shows
in the werkvoorraad, and the dashboard and the benchmark show the figures. axe on every page."""

import re

import pytest

from plus1.accounts.constants import Role
from plus1.accounts.selectors import current_totp_code
from plus1.backoffice.tests.conftest import make_employee
from plus1.cases.services import claim_zaak
from plus1.cases.tests.factories import SYSTEM, adopt_with_team, handling_zaaktype, new_zaak
from plus1.feedback.bulk import load_answers
from plus1.feedback.models import Invitation
from plus1.feedback.services import invitation_path
from plus1.feedback.surveys import current_survey
from plus1.tenants.selectors import get_gemeente

from .conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

REMARK = "Ik moest drie keer bellen voordat iemand mij kon helpen."
# Five more gemeenten running the same process: enough for the benchmark to compare.
OTHERS = ["GM0014", "GM0193", "GM0363", "GM0599", "GM0518"]


@pytest.fixture
def zaak(gemeente_a, actor):
    zaaktype = handling_zaaktype()
    adoption = adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype, team_name="Vergunningen")
    others = [get_gemeente(cbs_code=code) for code in OTHERS]
    for gemeente in others:
        adopt_with_team(gemeente=gemeente, zaaktype=zaaktype)
    # A year of answers of all six, so the dashboard and the benchmark have figures.
    load_answers(gemeenten=[gemeente_a, *others], survey=current_survey(), answers=900)
    return new_zaak(adoption)


def test_close_answer_call_back_dashboard_and_benchmark(
    live_server, page, second_page, gemeente_a, zaak, actor
):
    tessa = make_employee(
        "tessa", gemeente=gemeente_a, role=Role.TEAMLEIDER, team=zaak.team, actor=actor, first_name="Tessa"
    )
    claim_zaak(zaak=zaak, user=tessa, actor=SYSTEM, expected_version=None)
    for browser_page in (page, second_page):
        browser_page.set_default_timeout(30_000)  # the dashboard pages read a year of answers

    page.goto(f"{live_server.url}/backoffice/")
    page.fill("#id_username", "tessa")
    page.fill("#id_password", "een-lang-wachtwoord")
    page.click("button:has-text('Volgende')")
    page.wait_for_url(re.compile(r"/inloggen/code/"))
    page.fill("#id_code", current_totp_code(tessa))
    page.click("button:has-text('Inloggen')")
    page.wait_for_url(re.compile(r"/backoffice/$"))
    page.goto(f"{live_server.url}/backoffice/zaken/{zaak.identificatie}/")
    page.click("#actie-afsluiten summary")
    # Closed at the first status (a request withdrawn): the form asks to confirm that.
    page.check("#actie-afsluiten input[type=checkbox]")
    page.click("#actie-afsluiten button[type=submit]")
    page.wait_for_selector("text=De zaak is afgesloten met resultaat")
    assert_accessible(page)

    invitation = Invitation.objects.get(zaak=zaak)
    resident = second_page
    resident.goto(live_server.url + invitation_path(invitation))
    assert_accessible(resident)
    resident.check("input[name=score][value='4']")
    resident.fill("#id_improvement", REMARK)
    resident.check("#id_may_call")
    resident.fill("#id_call_phone", "0612345678")
    resident.locator("form[method=post] [type=submit]").last.click()
    resident.wait_for_url(re.compile(r"/waardering/bedankt/"))
    assert_accessible(resident)

    page.goto(f"{live_server.url}/backoffice/")
    page.click("a:has-text('Terugbelverzoeken')")
    page.wait_for_selector(f"text={REMARK}")
    assert_accessible(page)

    page.goto(f"{live_server.url}/backoffice/klantwaardering/?periode=12")
    assert page.locator("table").count() >= 1, "every chart has a data table"
    assert_accessible(page)
    page.goto(f"{live_server.url}/backoffice/klantwaardering/benchmark/?periode=12")
    assert "mediaan" in page.content().lower()
    assert_accessible(page)
