"""The ARO connector: the simulator checks a batch as ARO would; the HTTP client reports ARO's answer."""

import copy

import httpx
import pytest

from plus1.connectors import aro
from plus1.connectors.aro import AroError, AroHttpClient, NoAro, get_aro_connector
from plus1.connectors.aro_simulator import SCHEMA, AroSimulator

GOOD_BATCH = {
    "schema": SCHEMA,
    "organisatie": {"naam": "Utrecht", "cbs_code": "GM0344"},
    "periode": {"van": "2026-01-01", "tot_en_met": "2026-03-31"},
    "met_namen": False,
    "aantal": 1,
    "incidenten": [
        {
            "nummer": "2026-0001",
            "datum_tijd": "2026-02-03T14:00+01:00",
            "kanaal": "balie",
            "categorieen": ["bedreiging", "fysiek"],
            "gevolgen": ["letsel"],
            "medewerker": {"functie": "Behandelaar", "team": "Burgerzaken"},
            "dader": {"soort": "resident"},
        }
    ],
}


def test_the_simulator_accepts_a_good_batch_with_a_receipt():
    receipt = AroSimulator().submit(copy.deepcopy(GOOD_BATCH))

    assert receipt.reference.startswith("ARO-SIM-GM0344-")
    assert receipt.accepted == 1 and receipt.simulated
    assert AroSimulator.received[-1]["incidenten"][0]["nummer"] == "2026-0001"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda b: b["incidenten"][0].update(categorieen=["schelden"]), "onbekende categorie 'schelden'"),
        (lambda b: b["incidenten"][0].update(categorieen=[]), "'categorieen' ontbreekt"),
        (lambda b: b["incidenten"][0].pop("datum_tijd"), "'datum_tijd' ontbreekt"),
        (lambda b: b["incidenten"][0].pop("gevolgen"), "'gevolgen' ontbreekt"),
        (lambda b: b["incidenten"][0].update(kanaal="brief"), "onbekend kanaal 'brief'"),
        (lambda b: b["incidenten"][0]["medewerker"].update(naam="Anna"), "naam van de medewerker"),
        (lambda b: b["incidenten"][0]["dader"].update(naam="Suzanne"), "zonder namen"),
        (lambda b: b["organisatie"].pop("cbs_code"), "CBS-gemeentecode"),
        (lambda b: b.update(schema="iets anders"), "Onbekend schema"),
        (lambda b: b["periode"].update(van="gisteren"), "begin- of einddatum"),
    ],
)
def test_the_simulator_refuses_a_bad_batch_and_says_why(change, problem):
    batch = copy.deepcopy(GOOD_BATCH)
    change(batch)

    with pytest.raises(AroError) as refused:
        AroSimulator().submit(batch)

    assert str(refused.value) == "ARO heeft de aanlevering geweigerd."
    assert any(problem in line for line in refused.value.problems), refused.value.problems


def test_an_incident_without_consequences_chosen_is_accepted():
    batch = copy.deepcopy(GOOD_BATCH)
    batch["incidenten"][0]["gevolgen"] = []

    assert AroSimulator().submit(batch).accepted == 1


def test_names_are_accepted_in_a_batch_met_namen():
    batch = copy.deepcopy(GOOD_BATCH)
    batch["met_namen"] = True
    batch["incidenten"][0]["dader"]["naam"] = "Suzanne Moulin"

    assert AroSimulator().submit(batch).accepted == 1


def test_the_connector_is_the_http_client_when_a_url_is_set(settings):
    settings.PLUS1_ARO_URL = "https://aro.example.nl/api/incidenten"
    assert isinstance(get_aro_connector(), AroHttpClient)


def test_without_a_url_the_demo_and_tests_get_the_simulator(settings):
    settings.PLUS1_ARO_URL = ""
    settings.DIGID_MOCK = True
    assert isinstance(get_aro_connector(), AroSimulator)


def test_without_a_url_and_without_simulators_nothing_is_sent_and_it_says_so(settings):
    settings.PLUS1_ARO_URL = ""
    settings.DIGID_MOCK = False
    connector = get_aro_connector()

    assert isinstance(connector, NoAro)
    with pytest.raises(AroError, match="geen koppeling met ARO"):
        connector.submit(GOOD_BATCH)


def _answering(monkeypatch, status: int, body, seen: list | None = None):
    def post(url, *, json, headers, timeout):
        if seen is not None:
            seen.append((url, json, headers))
        return httpx.Response(status, json=body, request=httpx.Request("POST", url))

    monkeypatch.setattr(aro.httpx, "post", post)


def test_the_http_client_posts_the_batch_with_its_token_and_reads_the_receipt(monkeypatch):
    seen: list = []
    _answering(
        monkeypatch, 201, {"referentie": "ARO-123", "ontvangen_op": "2026-04-01T10:00", "aantal": 1}, seen
    )

    receipt = AroHttpClient(url="https://aro.example.nl/in", token="geheim").submit(GOOD_BATCH)

    assert receipt.reference == "ARO-123" and receipt.accepted == 1 and not receipt.simulated
    url, body, headers = seen[0]
    assert url == "https://aro.example.nl/in" and body == GOOD_BATCH
    assert headers["Authorization"] == "Bearer geheim"


def test_the_http_client_passes_on_aros_reasons_for_refusing(monkeypatch):
    _answering(monkeypatch, 400, {"fouten": ["Incident 1: onbekende categorie."]})

    with pytest.raises(AroError) as refused:
        AroHttpClient(url="https://aro.example.nl/in", token="x").submit(GOOD_BATCH)

    assert refused.value.problems == ["Incident 1: onbekende categorie."]


@pytest.mark.parametrize(("status", "text"), [(401, "toegang"), (500, "foutcode 500")])
def test_the_http_client_explains_other_answers_in_dutch(monkeypatch, status, text):
    _answering(monkeypatch, status, {})

    with pytest.raises(AroError, match=text):
        AroHttpClient(url="https://aro.example.nl/in", token="x").submit(GOOD_BATCH)


def test_an_unreachable_aro_is_a_clear_message(monkeypatch):
    def post(url, **kwargs):
        raise httpx.ConnectError("no route", request=httpx.Request("POST", url))

    monkeypatch.setattr(aro.httpx, "post", post)

    with pytest.raises(AroError, match="niet bereikbaar"):
        AroHttpClient(url="https://aro.example.nl/in", token="x").submit(GOOD_BATCH)
