"""The Referentielijsten API over real HTTP: what a ZGW client fetching the lists would see."""

import httpx
import pytest

from plus1.catalog.models import SelectielijstProcestype, SelectielijstResultaat

# A live server needs committed data; serialized_rollback puts back the reference lists the
# flush after each test removes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

API = "/referentielijsten/api/v1"
VNG = "https://selectielijst.openzaak.nl/api/v1"
# Procestype 1 of 2020, "Instellen en inrichten organisatie", and its first result class.
PROCESTYPE_UUID = "aa8aa2fd-b9c6-4e34-9a6c-58a677f60ea0"
RESULTAAT_UUID = "afa30940-855b-4a7e-aa21-9e15a8078814"
VERLEEND_UUID = "f7d2dc14-1b71-4179-aed3-4e7abcfbeb0d"


@pytest.fixture
def get(live_server):
    with httpx.Client(base_url=f"{live_server.url}{API}", timeout=10) as client:
        yield client.get


def test_procestypen_lists_the_29_procestypen_of_2020(get, live_server):
    response = get("/procestypen", params={"jaar": 2020})

    assert response.status_code == 200
    procestypen = response.json()
    assert [p["nummer"] for p in procestypen] == list(range(1, 30))
    assert procestypen[0] == {
        "url": f"{live_server.url}{API}/procestypen/{PROCESTYPE_UUID}",
        "nummer": 1,
        "jaar": 2020,
        "naam": "Instellen en inrichten organisatie",
        "omschrijving": "Instellen en inrichten organisatie",
        "toelichting": SelectielijstProcestype.objects.get(uuid=PROCESTYPE_UUID).toelichting,
        "procesobject": "De vastgestelde organisatie inrichting",
    }


def test_a_year_without_procestypen_gives_an_empty_list(get):
    assert get("/procestypen", params={"jaar": 1999}).json() == []


def test_a_procestype_is_served_at_our_url_under_the_uuid_of_vngs_url(get, live_server):
    body = get(f"/procestypen/{PROCESTYPE_UUID}").json()

    assert body["url"] == f"{live_server.url}{API}/procestypen/{PROCESTYPE_UUID}"
    assert (
        SelectielijstProcestype.objects.get(url=f"{VNG}/procestypen/{PROCESTYPE_UUID}").naam == body["naam"]
    )


def test_resultaten_come_in_pages_of_100_as_vng_serves_them(get, live_server):
    first = get("/resultaten").json()
    last = get("/resultaten", params={"page": 4}).json()

    assert first["count"] == 345
    assert len(first["results"]) == 100
    assert first["previous"] is None
    assert first["next"] == f"{live_server.url}{API}/resultaten?page=2"
    assert len(last["results"]) == 45
    assert last["next"] is None
    assert last["previous"] == f"{live_server.url}{API}/resultaten?page=3"


def test_a_resultaat_links_to_its_procestype_by_our_url(get, live_server):
    body = get(f"/resultaten/{RESULTAAT_UUID}").json()

    assert body["procesType"] == f"{live_server.url}{API}/procestypen/{PROCESTYPE_UUID}"
    assert get(body["procesType"]).json()["naam"] == "Instellen en inrichten organisatie"


def test_a_resultaat_has_every_field_of_vngs_answer(get, live_server):
    """The same keys and values as the capture of selectielijst.openzaak.nl, except the address."""
    body = get(f"/resultaten/{RESULTAAT_UUID}").json()

    assert body == {
        "url": f"{live_server.url}{API}/resultaten/{RESULTAAT_UUID}",
        "procesType": f"{live_server.url}{API}/procestypen/{PROCESTYPE_UUID}",
        "nummer": 1,
        "volledigNummer": "1.1",
        "generiek": True,
        "specifiek": False,
        "naam": "Ingericht",
        "omschrijving": "",
        "herkomst": "Risicoanalyse",
        "waardering": "vernietigen",
        "procestermijn": "nihil",
        "procestermijnWeergave": "Nihil",
        "bewaartermijn": "P10Y",
        "toelichting": "Invoering nieuwe werkwijze",
        "algemeenBestuurEnInrichtingOrganisatie": False,
        "bedrijfsvoeringEnPersoneel": True,
        "publiekeInformatieEnRegistratie": False,
        "burgerzaken": False,
        "veiligheid": False,
        "verkeerEnVervoer": False,
        "economie": False,
        "onderwijs": False,
        "sportCultuurEnRecreatie": False,
        "sociaalDomein": False,
        "volksgezonheidEnMilieu": False,
        "vhrosv": False,
        "heffenBelastingen": False,
        "alleTaakgebieden": False,
        "procestermijnOpmerking": "",
    }


def test_resultaten_filter_on_a_procestype_by_our_url_or_vngs(get, live_server):
    ours = get("/resultaten", params={"procesType": f"{live_server.url}{API}/procestypen/{PROCESTYPE_UUID}"})
    vngs = get("/resultaten", params={"procesType": f"{VNG}/procestypen/{PROCESTYPE_UUID}"})

    expected = SelectielijstResultaat.objects.filter(procestype__uuid=PROCESTYPE_UUID).count()
    assert ours.json()["count"] == vngs.json()["count"] == expected == len(ours.json()["results"])
    assert {r["procesType"] for r in ours.json()["results"]} == {
        f"{live_server.url}{API}/procestypen/{PROCESTYPE_UUID}"
    }


def test_resultaten_of_an_unknown_procestype_are_none(get):
    body = get(
        "/resultaten", params={"procesType": f"{VNG}/procestypen/00000000-0000-4000-8000-000000000000"}
    )

    assert body.json() == {"count": 0, "next": None, "previous": None, "results": []}


def test_a_procestype_filter_that_is_no_url_answers_400_with_a_validatiefout(get):
    response = get("/resultaten", params={"procesType": "procestype 1"})

    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert {"type", "code", "title", "status", "detail", "instance"} <= body.keys()
    assert body["status"] == 400
    assert [(p["name"], p["code"]) for p in body["invalidParams"]] == [("procesType", "invalid")]


def test_a_jaar_that_is_no_number_answers_400_naming_the_parameter(get):
    response = get("/procestypen", params={"jaar": "twintig"})

    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == ["jaar"]


@pytest.mark.parametrize(
    "path",
    [
        "/procestypen/00000000-0000-4000-8000-000000000000",
        "/resultaten/00000000-0000-4000-8000-000000000000",
        "/resultaattypeomschrijvingen/00000000-0000-4000-8000-000000000000",
        "/communicatiekanalen/00000000-0000-4000-8000-000000000000",
        "/procestypen/not-a-uuid",
        "/resultaten?page=5",
    ],
)
def test_an_unknown_object_answers_404_with_a_fout_body(get, path):
    response = get(path)

    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body.keys() == {"type", "code", "title", "status", "detail", "instance"}
    assert (body["status"], body["code"]) == (404, "not_found")
    assert body["instance"].startswith("urn:uuid:")


def test_resultaattypeomschrijvingen_lists_the_16_generic_descriptions(get, live_server):
    omschrijvingen = get("/resultaattypeomschrijvingen").json()

    assert len(omschrijvingen) == 16
    verleend = next(o for o in omschrijvingen if o["omschrijving"] == "Verleend")
    assert verleend["url"] == f"{live_server.url}{API}/resultaattypeomschrijvingen/{VERLEEND_UUID}"
    assert get(verleend["url"]).json() == verleend


def test_communicatiekanalen_give_the_url_naam_and_omschrijving_zaken_checks(get):
    page = get("/communicatiekanalen").json()

    assert page["count"] == 6
    assert {k["naam"] for k in page["results"]} >= {"E-mail", "Telefoon", "Balie", "Post"}
    email = next(k for k in page["results"] if k["naam"] == "E-mail")
    assert get(email["url"]).json() == email
    assert email.keys() == {"url", "naam", "omschrijving"}


def test_the_api_needs_no_credentials_and_writes_nothing(get, live_server):
    assert get("/procestypen").status_code == 200
    response = httpx.post(f"{live_server.url}{API}/procestypen", json={})
    assert response.status_code == 405
