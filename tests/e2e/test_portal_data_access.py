"""A resident logs in with DigiD and reads who viewed their data, overall and for one zaak."""

import re

import pytest

from plus1.audit.services import Actor
from plus1.cases.processing import Purpose, log_zaak_reads
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak

from .conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_resident_reads_who_viewed_their_data_and_the_pages_pass_axe(live_server, page, gemeente_a):
    zaak = new_zaak(
        adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype(), team_name="Team Parkeren")
    )
    employee = Actor(type="employee", id="1", label="anna-de-vries", unit="Team Parkeren (Utrecht)")
    log_zaak_reads([zaak], Purpose.handling(employee, operation="backoffice:zaak-detail"))

    page.goto(f"{live_server.url}/{gemeente_a.slug}/mijn-gegevens/inzage/")
    page.locator("a[href*=inloggen_bsn]").first.click()
    page.fill("input[name=auth_bsn]", "999993653")
    page.locator("form[method=post] [type=submit]").first.click()

    page.wait_for_url(re.compile(r"/mijn-gegevens/inzage/$"))
    content = page.content()
    assert "Wie heeft mijn gegevens ingezien?" in content
    assert "Team Parkeren (Utrecht)" in content and "anna-de-vries" not in content
    assert_accessible(page)

    page.click("a:has-text('Toon ook wat u zelf deed')")
    assert "U zelf, in Mijn zaken" in page.content()
    assert_accessible(page)

    page.goto(f"{live_server.url}/{gemeente_a.slug}/mijn-zaken/{zaak.identificatie}/")
    page.click("a:has-text('Bekijk wie deze zaak heeft ingezien')")
    page.wait_for_url(re.compile(r"/inzage/$"))
    assert f"Zaak {zaak.identificatie} bekeken" in page.content()
    assert_accessible(page)
