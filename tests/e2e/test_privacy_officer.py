"""The privacy officer logs in with password and TOTP code, lands on the processing log,
searches it by person, opens the report of unusual access and changes a threshold.
Every page is checked with axe (WCAG 2.2 AA) and for CSP violations."""

import datetime
import re

import pytest

from plus1.accounts.constants import Role
from plus1.accounts.selectors import current_totp_code, employee_actor
from plus1.accounts.services import create_team
from plus1.audit.models import AccessReviewSettings, ProcessingRecord
from plus1.backoffice.tests.conftest import make_employee
from plus1.cases.processing import Purpose
from plus1.cases.selectors import get_zaak_for_employee
from plus1.cases.tests.dated_zaken import SYSTEM, adopted, zaak_on

from .conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def opened_zaak(gemeente_a, actor):
    """A beheerder outside the zaak's team opens a zaak: the report lists it."""
    team = create_team(tenant=gemeente_a, name="Vergunningen", actor=SYSTEM)
    zaak = zaak_on(
        adopted(gemeente_a, team=team), datetime.date.today(), name="Lukas Klamer", bsn="999991723"
    )
    beheerder = make_employee("beheer-a", gemeente=gemeente_a, role=Role.BEHEERDER, actor=actor)
    get_zaak_for_employee(
        tenant=gemeente_a,
        identificatie=zaak.identificatie,
        purpose=Purpose.handling(employee_actor(beheerder, tenant=gemeente_a)),
    )
    return zaak


def test_the_privacy_officer_searches_the_log_and_reviews_unusual_access(
    live_server, page, gemeente_a, opened_zaak, actor
):
    officer = make_employee("privacy-a", gemeente=gemeente_a, role=Role.PRIVACY_OFFICER, actor=actor)

    page.goto(f"{live_server.url}/backoffice/inloggen/")
    page.fill("#id_username", "privacy-a")
    page.fill("#id_password", "een-lang-wachtwoord")
    page.click("button:has-text('Volgende')")
    page.wait_for_url(re.compile(r"/inloggen/code/"))
    page.fill("#id_code", current_totp_code(officer))
    page.click("button:has-text('Inloggen')")

    page.wait_for_url(re.compile(r"/backoffice/verwerkingslog/$"))
    assert opened_zaak.identificatie in page.content() and "beheer-a" in page.content()
    assert "Werkvoorraad" not in page.content()
    assert_accessible(page)

    page.fill("#id_betrokkene", "999991723")
    page.click("button:has-text('Zoeken')")
    page.wait_for_url(re.compile(r"betrokkene=999991723"))
    assert re.search(r"\d+ verwerkingen gevonden", page.content())
    assert page.locator("tbody tr").get_by_text("beheer-a").count() >= 1
    assert_accessible(page)

    page.click("a:has-text('Bekijk de bijzonderheden')")
    page.wait_for_url(re.compile(r"/verwerkingslog/bijzonderheden/$"))
    assert "Zaken van een ander team" in page.content()
    assert page.locator("#ander-team ~ div table").get_by_text("beheer-a").count() >= 1
    assert_accessible(page)

    page.fill("#id_distinct_subjects_per_day", "10")
    page.click("button:has-text('Drempels opslaan')")
    page.wait_for_selector("text=De drempels zijn opgeslagen.")
    assert_accessible(page)
    assert AccessReviewSettings.objects.get(tenant=gemeente_a).distinct_subjects_per_day == 10

    page.click("a:has-text('Alle verwerkingen van beheer-a')")
    page.wait_for_url(re.compile(r"medewerker=beheer-a"))
    assert opened_zaak.identificatie in page.content()
    assert_accessible(page)
    # Each page that showed records: the log, the search, the report twice, the linked search.
    inspections = ProcessingRecord.objects.filter(
        actor_label="privacy-a", activity_code="inzage-verwerkingslog"
    )
    assert inspections.count() == 5
