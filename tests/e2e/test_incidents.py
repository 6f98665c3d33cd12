"""The incident register in a real browser, from the report to the end of the safety signal.

A case handler reports an incident from a zaak page with the resident of that zaak; the
agressiecoördinator handles it with a maatregel; a case handler of another team opens another
zaak of that resident and sees the banner with the coordinator's contact details (not the
incident); the coordinator ends the maatregel and the banner is gone. axe checks every page."""

import datetime
import re

import pytest
from django.utils import timezone

from plus1.accounts.constants import Role
from plus1.accounts.selectors import current_totp_code
from plus1.backoffice.tests.conftest import make_employee
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak
from plus1.incidents.models import Incident, Measure
from plus1.incidents.services import settings_for

from .conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LUKAS = {"bsn": "999991723", "name": "Lukas Klamer", "email": "lukas@example.org"}
BANNER = "Let op: voor contact met deze persoon geldt een afspraak."


@pytest.fixture
def zaken(gemeente_a):
    """Two zaken of Lukas Klamer, each in the inbox of another team."""
    vergunningen = adopt_with_team(
        gemeente=gemeente_a, zaaktype=handling_zaaktype(), team_name="Vergunningen"
    )
    werk = adopt_with_team(gemeente=gemeente_a, zaaktype=handling_zaaktype(), team_name="Werk en Inkomen")
    return new_zaak(vergunningen, **LUKAS), new_zaak(werk, **LUKAS)


@pytest.fixture
def coordinator(gemeente_a, actor):
    settings = settings_for(gemeente_a)
    settings.coordinator_name = "Cora Coördinator"
    settings.coordinator_phone = "030 123 4567"
    settings.coordinator_email = "agressiecoordinator@utrecht.example"
    settings.save()
    return make_employee(
        "cora", gemeente=gemeente_a, role=Role.AGRESSIECOORDINATOR, actor=actor, first_name="Cora"
    )


def _log_in(page, base_url, user):
    # The live server's first request loads every URL and API schema: on a busy machine that
    # takes longer than the default wait.
    page.goto(f"{base_url}/backoffice/inloggen/", timeout=60_000)
    page.fill("#id_username", user.username)
    page.fill("#id_password", "een-lang-wachtwoord")
    page.click("button:has-text('Volgende')")
    page.wait_for_url(re.compile(r"/inloggen/code/"))
    page.fill("#id_code", current_totp_code(user))
    page.click("button:has-text('Inloggen')")
    page.wait_for_url(lambda url: "/inloggen/" not in url)


def test_report_handle_with_a_maatregel_see_the_banner_on_another_team_and_see_it_end(
    live_server, page, second_page, gemeente_a, zaken, coordinator, actor
):
    base = live_server.url
    vergunningen_zaak, werk_zaak = zaken
    anna = make_employee(
        "anna", gemeente=gemeente_a, team=vergunningen_zaak.team, actor=actor, first_name="Anna"
    )
    bram = make_employee("bram", gemeente=gemeente_a, team=werk_zaak.team, actor=actor, first_name="Bram")

    # Anna reports from the zaak she is handling, with the resident of that zaak.
    _log_in(page, base, anna)
    page.goto(f"{base}/backoffice/zaken/{vergunningen_zaak.identificatie}/")
    assert BANNER not in page.content()
    page.click("a:has-text('Incident melden bij deze zaak')")
    page.wait_for_url(re.compile(r"/backoffice/incidenten/melden/\?zaak="))
    assert_accessible(page)
    occurred = timezone.localtime() - datetime.timedelta(hours=1)
    page.fill("#id_occurred_on", occurred.strftime("%Y-%m-%d"))
    page.fill("#id_occurred_time", occurred.strftime("%H:%M"))
    page.fill("#id_location", "Stadskantoor, balie 3")
    page.check("input[name=channel][value=balie]")
    page.check("input[name=categories][value=bedreiging]")
    page.check("input[name=consequences][value=emotioneel]")
    page.fill("#id_description", "Hij dreigde mij op te wachten na het werk.")
    page.get_by_label("Lukas Klamer (uit de zaak)").check()
    page.click("button:has-text('Melding versturen')")
    page.wait_for_selector("text=Melding ontvangen")
    assert_accessible(page)
    incident = Incident.objects.get(tenant=gemeente_a)
    assert (incident.person_bsn, incident.zaak_id, incident.reported_by_id) == (
        LUKAS["bsn"],
        vergunningen_zaak.pk,
        anna.pk,
    )

    # The coordinator finds it in the overview and sets a maatregel.
    cora = second_page
    _log_in(cora, base, coordinator)
    cora.goto(f"{base}/backoffice/incidenten/")
    assert_accessible(cora)
    cora.click(f"a:has-text('{incident.number}')")
    cora.wait_for_url(re.compile(rf"/backoffice/incidenten/{incident.uuid}/$"))
    assert_accessible(cora)
    cora.click("summary:has-text('Maatregel instellen')")
    cora.check("input[name=maatregel-kind][value=afspraak]")
    ends_on = timezone.localdate() + datetime.timedelta(days=30)
    cora.fill("#id_maatregel-ends_on", ends_on.isoformat())
    cora.click("button:has-text('Maatregel instellen')")
    cora.wait_for_selector("text=De maatregel is ingesteld")
    assert_accessible(cora)

    # A case handler of another team opens the resident's other zaak: the banner, no incident.
    page.context.clear_cookies()
    _log_in(page, base, bram)
    page.goto(f"{base}/backoffice/zaken/{werk_zaak.identificatie}/")
    banner = page.locator("section:has-text('Veiligheidssignaal')")
    assert BANNER in banner.inner_text()
    assert "030 123 4567" in banner.inner_text() and "Cora Coördinator" in banner.inner_text()
    assert incident.number not in page.content() and "dreigde" not in page.content()
    assert_accessible(page)

    # The coordinator ends the maatregel; the banner is gone.
    cora.click("button:has-text('Maatregel nu beëindigen')")
    cora.wait_for_selector("text=De maatregel is beëindigd")
    assert_accessible(cora)
    assert Measure.objects.get(incident=incident).ended_at is not None
    page.reload()
    assert BANNER not in page.content()
    assert_accessible(page)
