"""What a hostile or careless client writes into the Catalogi API: terms and dates beyond any
sense. Each is a 400 with a ZGW error body naming the attribute, never a 500 now or later (when
the type is used for a zaak), and nothing is written; every realistic value still works."""

from __future__ import annotations

import pytest

from plus1.catalog.models import BesluitType, Catalogus, ResultaatType, StatusType, ZaakType
from plus1.catalog.tests.factories import ProcessFactory, ZaakTypeFactory

from .test_catalogi_api import zaaktype_payload
from .test_resultaattypen import resultaattype_body

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = "/catalogi/api/v1"
# Before: "P99999999999D" was a 500 (more days than Python counts); the others were stored and
# broke a deadline, a besluit's bezwaartermijn or an archive date later (or made it nonsense).
SENSELESS_TERMS = ["P99999999999D", "P999999999Y", "PT9999999999H", "P101Y", "-P1D", "P-1D", "P1.5Y"]
SENSELESS_DATES = ["9999-12-31", "0001-01-01"]


def _refused(response) -> set[tuple[str, str]]:
    assert response.status_code == 400, response.text
    assert response.headers["Content-Type"] == "application/problem+json"
    return {(p["name"], p["code"]) for p in response.json()["invalidParams"]}


@pytest.fixture
def own(zgw_client, gemeente_a):
    catalogus = Catalogus.objects.create(tenant=gemeente_a, domein="EIGEN", naam="Eigen")
    client = zgw_client(gemeente_a)
    return client, client.get(f"{ROOT}/catalogussen/{catalogus.uuid}").json()["url"]


def test_a_zaaktype_term_beyond_any_sense_is_refused_and_every_realistic_term_kept(own):
    client, catalogus_url = own
    for name in ("doorlooptijd", "servicenorm", "verlengingstermijn"):
        for term in SENSELESS_TERMS:
            answer = client.post(f"{ROOT}/zaaktypen", json=zaaktype_payload(catalogus_url, **{name: term}))
            assert _refused(answer) == {(name, "invalid")}, term
    assert not ZaakType.objects.exists()

    realistic = zaaktype_payload(
        catalogus_url,
        doorlooptijd="P1Y6M",
        servicenorm="P10D",
        verlengingMogelijk=True,
        verlengingstermijn="P6W",
    )
    created = client.post(f"{ROOT}/zaaktypen", json=realistic)
    assert created.status_code == 201, created.text
    url = created.json()["url"]
    for term in ("P100Y", "P1200M", "PT12H", "P0D", "P1.5D"):
        assert client.patch(url, json={"doorlooptijd": term}).status_code == 200, term
    assert _refused(client.patch(url, json={"servicenorm": "P99999999999D"})) == {("servicenorm", "invalid")}
    assert client.get(url).json()["servicenorm"] == "P10D"


def test_catalogi_dates_beyond_any_sense_are_refused(own):
    client, catalogus_url = own
    for name in ("beginGeldigheid", "eindeGeldigheid", "versiedatum"):
        for date in SENSELESS_DATES:
            answer = client.post(f"{ROOT}/zaaktypen", json=zaaktype_payload(catalogus_url, **{name: date}))
            assert _refused(answer) == {(name, "invalid")}, (name, date)
    assert not ZaakType.objects.exists()

    besluittype = {
        "catalogus": catalogus_url,
        "omschrijving": "Kapvergunning",
        "publicatieIndicatie": False,
        "informatieobjecttypen": [],
        "beginGeldigheid": "2026-01-01",
    }
    iot = {
        "catalogus": catalogus_url,
        "omschrijving": "Tekening",
        "vertrouwelijkheidaanduiding": "openbaar",
        "informatieobjectcategorie": "Tekening",
        "beginGeldigheid": "2026-01-01",
    }
    for collection, body in (("besluittypen", besluittype), ("informatieobjecttypen", iot)):
        for name in ("beginGeldigheid", "eindeGeldigheid"):
            for date in SENSELESS_DATES:
                answer = client.post(f"{ROOT}/{collection}", json={**body, name: date})
                assert _refused(answer) == {(name, "invalid")}, (collection, name, date)
    catalogus = client.patch(catalogus_url, json={"begindatumVersie": "9999-12-31"})
    assert _refused(catalogus) == {("begindatumVersie", "invalid")}

    # A besluittype's terms: the bezwaartermijn is added to the besluit's date when it is taken.
    for name in ("reactietermijn", "publicatietermijn"):
        for term in SENSELESS_TERMS:
            answer = client.post(f"{ROOT}/besluittypen", json={**besluittype, name: term})
            assert _refused(answer) == {(name, "invalid")}, (name, term)
    assert not BesluitType.objects.exists()
    kept = client.post(f"{ROOT}/besluittypen", json={**besluittype, "reactietermijn": "P6W"})
    assert kept.status_code == 201, kept.text


def test_status_and_archive_terms_are_bounded_archive_terms_to_two_centuries(zgw_client, gemeente_a):
    model = ZaakTypeFactory(process=ProcessFactory(tenant=gemeente_a))
    client = zgw_client(gemeente_a)
    zaaktype = client.get(f"{ROOT}/zaaktypen/{model.uuid}").json()

    status = {"omschrijving": "Ontvangen", "zaaktype": zaaktype["url"], "volgnummer": 1}
    for term in SENSELESS_TERMS:
        assert _refused(client.post(f"{ROOT}/statustypen", json={**status, "doorlooptijd": term})) == {
            ("doorlooptijd", "invalid")
        }
    for volgnummer in (2**63, 2**31, -1, 0):
        answer = client.post(f"{ROOT}/statustypen", json={**status, "volgnummer": volgnummer})
        assert answer.status_code == 400, (volgnummer, answer.text)
    assert not StatusType.objects.filter(zaaktype=model, doorlooptijd__startswith="-").exists()

    # An archive term may reach beyond a century (selectielijst retention), not beyond two.
    stored = ResultaatType.objects.count()
    for term in ("P999999999Y", "P201Y", "-P1Y", "P99999999999D"):
        answer = client.post(
            f"{ROOT}/resultaattypen", json=resultaattype_body(zaaktype, archiefactietermijn=term)
        )
        assert _refused(answer) == {("archiefactietermijn", "invalid")}, term
        answer = client.post(f"{ROOT}/resultaattypen", json=resultaattype_body(zaaktype, procestermijn=term))
        assert _refused(answer) == {("procestermijn", "invalid")}, term
    assert ResultaatType.objects.count() == stored
    kept = client.post(
        f"{ROOT}/resultaattypen", json=resultaattype_body(zaaktype, archiefactietermijn="P150Y")
    )
    assert kept.status_code == 201, kept.text


def test_a_text_eigenschap_length_the_database_cannot_hold_is_refused(zgw_client, gemeente_a):
    model = ZaakTypeFactory(process=ProcessFactory(tenant=gemeente_a))
    client = zgw_client(gemeente_a)
    zaaktype = client.get(f"{ROOT}/zaaktypen/{model.uuid}").json()
    body = {"zaaktype": zaaktype["url"], "naam": "kenmerk", "definitie": "Uw kenmerk"}
    # Before: "99999999999999" overflowed the integer column (a 500 on PostgreSQL), "²" broke int().
    for lengte in ("99999999999999", "2147483648", "²", "0"):
        spec = {"formaat": "tekst", "lengte": lengte, "kardinaliteit": "1"}
        answer = client.post(f"{ROOT}/eigenschappen", json={**body, "specificatie": spec})
        assert _refused(answer) == {("specificatie.lengte", "invalid")}, lengte
    spec = {"formaat": "tekst", "lengte": "2147483647", "kardinaliteit": "1"}
    assert client.post(f"{ROOT}/eigenschappen", json={**body, "specificatie": spec}).status_code == 201
