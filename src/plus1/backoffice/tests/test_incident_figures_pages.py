"""The incident figures and the ARO export pages: the coordinator sees the gemeente, a teamleider
their team's counts only, anyone else nothing."""

import datetime
import json

import pytest
import time_machine
from django.urls import reverse

from plus1.accounts.constants import Role
from plus1.accounts.services import create_team
from plus1.audit.models import AuditEntry, ProcessingRecord
from plus1.connectors.aro import AroError
from plus1.incidents.aro_export import EXPORT_OPERATION
from plus1.incidents.constants import TaskKind
from plus1.incidents.tests.register_rows import at, make_incident, make_task

from .conftest import log_in, make_employee

pytestmark = pytest.mark.django_db

FIGURES = reverse("backoffice:incident-figures")
EXPORT = reverse("backoffice:incident-export")
SUBMIT = reverse("backoffice:incident-aro-submit")
QUARTER = {"van": "2026-01-01", "tot": "2026-03-31"}
SECRET_TEXT = "sloeg met zijn vuist"


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(datetime.datetime(2026, 4, 15, 10, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def coordinator_a(gemeente_a, actor):
    return make_employee("coordinator-a", gemeente=gemeente_a, role=Role.AGRESSIECOORDINATOR, actor=actor)


@pytest.fixture
def incidents(gemeente_a, team_a, behandelaar_a, actor):
    wmo = create_team(tenant=gemeente_a, name="Wmo", actor=actor)
    consulent = make_employee("consulent", gemeente=gemeente_a, team=wmo, actor=actor, first_name="Carla")
    ours = make_incident(
        tenant=gemeente_a,
        employee=behandelaar_a,
        team=team_a,
        occurred_at=at(2026, 2, 3),
        categories=["bedreiging"],
        location="Stadskantoor",
        description=f"Meneer {SECRET_TEXT} op de balie.",
        person_kind="resident",
        person_bsn="999993653",
        person_name="Suzanne Moulin",
    )
    make_task(ours, TaskKind.AFTERCARE, done_after_hours=4)
    theirs = make_incident(
        tenant=gemeente_a,
        employee=consulent,
        team=wmo,
        occurred_at=at(2026, 3, 9),
        channel="huisbezoek",
        categories=["fysiek"],
        location="Dorpsstraat 12",
    )
    return ours, theirs


def _text(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_the_coordinator_sees_the_whole_gemeentes_figures_with_tables(client, coordinator_a, incidents):
    page = _text(log_in(client, coordinator_a).get(FIGURES, QUARTER))

    assert "2 incidenten" in page
    for part in ("Incidenten per maand", "Bedreiging", "Fysiek geweld", "Huisbezoek", "Wmo", "Vergunningen"):
        assert part in page
    assert "Dorpsstraat 12" in page  # locations: the coordinator only
    assert "Bekijk de cijfers als tabel" in page and "<svg" in page
    assert "Nazorg binnen 24 uur" in page and "Export voor ARO/GIR" in page
    assert SECRET_TEXT not in page and "Suzanne" not in page


def test_a_teamleider_sees_only_their_teams_counts_without_personal_details(client, teamleider_a, incidents):
    page = _text(log_in(client, teamleider_a).get(FIGURES, QUARTER))

    assert "1 incident." in page
    assert "Bedreiging" in page
    assert "Fysiek geweld" not in page and "Wmo" not in page and "Huisbezoek" not in page
    for personal in (SECRET_TEXT, "Suzanne", "Anna", "de Vries", "Stadskantoor", "Dorpsstraat", "Carla"):
        assert personal not in page
    assert "Export voor ARO/GIR" not in page


@pytest.mark.parametrize(
    "role", [Role.BEHANDELAAR, Role.PRIVACY_OFFICER, Role.KWALITEITSMEDEWERKER, Role.BEHEERDER]
)
def test_nobody_else_sees_the_figures_or_the_export(client, gemeente_a, actor, role, incidents):
    user = make_employee("iemand", gemeente=gemeente_a, role=role, actor=actor)
    log_in(client, user)

    assert client.get(FIGURES).status_code == 403
    assert client.get(EXPORT, {"format": "json"}).status_code == 403
    assert client.post(SUBMIT, {"aro-van": "2026-01-01", "aro-tot": "2026-03-31"}).status_code == 403


def test_a_teamleider_cannot_download_the_export(client, teamleider_a, incidents):
    log_in(client, teamleider_a)

    assert client.get(EXPORT).status_code == 403
    assert client.get(EXPORT, {"format": "csv", **QUARTER}).status_code == 403


def test_another_gemeentes_coordinator_sees_none_of_these_incidents(client, gemeente_b, actor, incidents):
    coordinator_b = make_employee(
        "coordinator-b", gemeente=gemeente_b, role=Role.AGRESSIECOORDINATOR, actor=actor
    )
    log_in(client, coordinator_b)

    assert "0 incidenten" in _text(client.get(FIGURES, QUARTER))
    batch = json.loads(client.get(EXPORT, {"format": "json", **QUARTER}).content)
    assert batch["aantal"] == 0 and batch["incidenten"] == []


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"van": "2026-03-31", "tot": "2026-01-01"}, "De einddatum ligt voor de begindatum"),
        ({"van": "gisteren"}, "Voer een geldige datum in"),
        ({"van": "2015-01-01", "tot": "2026-01-01"}, "hoogstens vijf jaar"),
    ],
)
def test_a_wrong_period_gets_a_dutch_message_not_an_error(client, coordinator_a, incidents, query, message):
    page = _text(log_in(client, coordinator_a).get(FIGURES, query))

    assert message in page


def test_the_pages_have_no_inline_script_or_style(client, coordinator_a, incidents):
    log_in(client, coordinator_a)
    for url in (FIGURES, EXPORT):
        page = _text(client.get(url))
        assert "<script>" not in page and "style=" not in page and "<style" not in page


def test_the_coordinator_downloads_the_csv_without_names(client, coordinator_a, incidents):
    response = log_in(client, coordinator_a).get(EXPORT, {"format": "csv", **QUARTER})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode()
    assert text.count("\r\n") == 3  # header and two incidents
    assert "Suzanne" not in text and SECRET_TEXT not in text and "999993653" not in text


def test_a_download_with_names_has_them_and_is_in_the_processing_log(
    client, gemeente_a, coordinator_a, incidents
):
    response = log_in(client, coordinator_a).get(EXPORT, {"format": "json", "met_namen": "on", **QUARTER})

    batch = json.loads(response.content)
    assert batch["met_namen"] is True
    assert batch["incidenten"][0]["dader"]["naam"] == "Suzanne Moulin"
    record = ProcessingRecord.objects.for_tenant(gemeente_a).get(operation=EXPORT_OPERATION)
    assert record.actor_label == "coordinator-a" and record.action == "export"


def test_a_download_with_a_wrong_period_shows_the_page_with_the_message(client, coordinator_a):
    response = log_in(client, coordinator_a).get(
        EXPORT, {"format": "csv", "van": "2026-03-31", "tot": "2026-01-01"}
    )

    assert response.status_code == 400
    assert "De einddatum ligt voor de begindatum" in response.content.decode()


def test_the_coordinator_sends_the_period_to_aro_and_sees_the_receipt(client, coordinator_a, incidents):
    log_in(client, coordinator_a)
    assert "Versturen naar ARO" in _text(client.get(EXPORT))

    page = _text(client.post(SUBMIT, {"aro-van": "2026-01-01", "aro-tot": "2026-03-31"}))

    assert "ARO heeft de incidenten ontvangen" in page and "ARO-SIM-GM0344-" in page
    assert "simulator" in page
    entry = AuditEntry.objects.get(action="submit_to_aro")
    assert entry.actor_label == "coordinator-a" and entry.after["aantal"] == 2


def test_a_refusal_by_aro_shows_its_reasons_and_records_nothing(
    client, coordinator_a, incidents, monkeypatch
):
    class Refusing:
        def submit(self, batch):
            raise AroError("ARO heeft de aanlevering geweigerd.", problems=["Incident 1: onbekend kanaal."])

    monkeypatch.setattr("plus1.incidents.aro_export.get_aro_connector", Refusing)
    response = log_in(client, coordinator_a).post(SUBMIT, {"aro-van": "2026-01-01", "aro-tot": "2026-03-31"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "ARO heeft de aanlevering geweigerd." in page and "onbekend kanaal" in page
    assert not AuditEntry.objects.filter(action="submit_to_aro").exists()


def test_sending_needs_a_post(client, coordinator_a):
    assert log_in(client, coordinator_a).get(SUBMIT).status_code == 405
