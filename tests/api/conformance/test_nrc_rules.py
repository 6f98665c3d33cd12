"""The Notificaties API's rules (nrc-001 .. nrc-008), as an outside client meets them.

The standard's Notificaties documentation does not number its rules; nrc.yaml lists the behaviour it
requires (kanalen, abonneren, berichten en kenmerken) with Plus1's numbers. Every test calls only the
public APIs over HTTP; a real subscriber (an HTTP server on 127.0.0.1) receives the deliveries.
"""

from __future__ import annotations

import datetime

import pytest

from plus1.catalog.tests.factories import ZaakTypeFactory
from plus1.notifications.testing import running_subscriber

# serialized_rollback puts back the gemeenten and reference lists that the live server's flush removes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NRC = "/notificaties/api/v1"
RSIN = "100000009"  # gemeente A's
# The kanalen of the standard and the kenmerken each source documents in its OpenAPI document.
STANDARD_KANALEN = {
    "zaken": ["bronorganisatie", "zaaktype", "vertrouwelijkheidaanduiding"],
    "documenten": ["bronorganisatie", "informatieobjecttype", "vertrouwelijkheidaanduiding"],
    "besluiten": ["verantwoordelijke_organisatie", "besluittype"],
    "zaaktypen": ["catalogus"],
    "besluittypen": ["catalogus"],
    "informatieobjecttypen": ["catalogus"],
    "autorisaties": [],
}


@pytest.fixture
def subscriber():
    with running_subscriber() as state:
        yield state


@pytest.fixture
def api(zgw_client, gemeente_a):
    return zgw_client(gemeente_a)


def message(**changes) -> dict:
    return {
        "kanaal": "zaken",
        "hoofdObject": "https://zaaksysteem.example.nl/zaken/api/v1/zaken/5d1e4f0a",
        "resource": "status",
        "resourceUrl": "https://zaaksysteem.example.nl/zaken/api/v1/statussen/9a0b1c2d",
        "actie": "create",
        "aanmaakdatum": "2026-12-01T10:00:00Z",
        "kenmerken": {
            "bronorganisatie": RSIN,
            "zaaktype": "https://zaaksysteem.example.nl/catalogi/api/v1/zaaktypen/1",
            "vertrouwelijkheidaanduiding": "openbaar",
        },
        **changes,
    }


def subscribe(api, subscriber, *kanalen: dict, auth: str = "Bearer geheim-van-de-abonnee") -> dict:
    response = api.post(
        f"{NRC}/abonnement", json={"callbackUrl": subscriber.url, "auth": auth, "kanalen": list(kanalen)}
    )
    assert response.status_code == 201, response.text
    return response.json()


def refused_on(response) -> set[str]:
    assert response.status_code == 400, response.text
    return {param["name"] for param in response.json()["invalidParams"]}


# --- nrc-001/002/003 Kanalen ------------------------------------------------------------------


def test_nrc_001_every_source_has_registered_its_kanaal(api):
    response = api.get(f"{NRC}/kanaal")

    assert response.status_code == 200, response.text
    assert set(STANDARD_KANALEN) <= {kanaal["naam"] for kanaal in response.json()}


@pytest.mark.parametrize("naam", list(STANDARD_KANALEN))
def test_nrc_002_each_kanaal_lists_the_kenmerken_its_source_documents(api, naam):
    found = api.get(f"{NRC}/kanaal", params={"naam": naam}).json()

    assert [kanaal["naam"] for kanaal in found] == [naam]
    assert found[0]["filters"] == STANDARD_KANALEN[naam]
    assert api.get(found[0]["url"]).json() == found[0]


def test_nrc_003_a_new_kanaal_is_registered_and_its_name_is_unique(api):
    body = {"naam": "meldingen", "documentatieLink": "https://meldingen.example.nl/docs", "filters": ["wijk"]}

    created = api.post(f"{NRC}/kanaal", json=body)
    again = api.post(f"{NRC}/kanaal", json=body)
    standard_name = api.post(f"{NRC}/kanaal", json={"naam": "zaken"})

    assert created.status_code == 201, created.text
    assert {key: created.json()[key] for key in body} == body
    assert api.get(created.json()["url"]).json() == created.json()
    assert api.get(f"{NRC}/kanaal", params={"naam": "meldingen"}).json() == [created.json()]
    assert refused_on(again) == {"naam"}
    assert refused_on(standard_name) == {"naam"}


# --- nrc-004 Abonneren ------------------------------------------------------------------------


def test_nrc_004_an_abonnement_is_registered_read_changed_and_removed(api, subscriber):
    abonnement = subscribe(api, subscriber, {"naam": "zaken", "filters": {"bronorganisatie": RSIN}})

    assert abonnement["callbackUrl"] == subscriber.url
    assert abonnement["auth"] == "Bearer geheim-van-de-abonnee"
    assert abonnement["kanalen"] == [{"naam": "zaken", "filters": {"bronorganisatie": RSIN}}]
    assert api.get(abonnement["url"]).json() == abonnement
    assert abonnement["url"] in [item["url"] for item in api.get(f"{NRC}/abonnement").json()]

    replaced = api.put(
        abonnement["url"],
        json={"callbackUrl": subscriber.url, "auth": "Bearer nieuw", "kanalen": [{"naam": "documenten"}]},
    )
    patched = api.patch(abonnement["url"], json={"auth": "Token ander"})

    assert replaced.status_code == 200, replaced.text
    assert replaced.json()["kanalen"] == [{"naam": "documenten", "filters": {}}]
    assert patched.json()["auth"] == "Token ander"
    assert patched.json()["kanalen"] == replaced.json()["kanalen"]
    assert api.delete(abonnement["url"]).status_code == 204
    assert api.get(abonnement["url"]).status_code == 404


def test_nrc_004_an_abonnement_on_a_kanaal_that_does_not_exist_is_refused(api, subscriber):
    response = api.post(
        f"{NRC}/abonnement",
        json={"callbackUrl": subscriber.url, "auth": "Bearer x", "kanalen": [{"naam": "bestaat-niet"}]},
    )

    assert refused_on(response) == {"kanalen.0.naam"}
    assert api.get(f"{NRC}/abonnement").json() == []


# --- nrc-005/006/007 Berichten ----------------------------------------------------------------


def test_nrc_005_a_message_on_a_kanaal_is_accepted_as_the_specification_answers(api):
    sent = message()

    response = api.post(f"{NRC}/notificaties", json=sent)

    # notificaties-1.0.1.yaml documents 200 with the message (the reference implementation says 201).
    assert response.status_code == 200, response.text
    answered = response.json()
    assert {key: answered[key] for key in sent if key != "aanmaakdatum"} == {
        key: value for key, value in sent.items() if key != "aanmaakdatum"
    }
    assert datetime.datetime.fromisoformat(answered["aanmaakdatum"]) == datetime.datetime(
        2026, 12, 1, 10, 0, tzinfo=datetime.UTC
    )


def test_nrc_005_a_message_on_a_kanaal_that_does_not_exist_is_refused(api):
    assert refused_on(api.post(f"{NRC}/notificaties", json=message(kanaal="bestaat-niet"))) == {"kanaal"}


def test_nrc_006_a_message_reaches_every_abonnement_unchanged_with_its_auth(api, subscriber):
    with running_subscriber() as second:
        subscribe(api, subscriber, {"naam": "zaken"}, auth="Bearer een")
        subscribe(api, second, {"naam": "zaken"}, auth="Token twee")
        subscribe(api, second, {"naam": "documenten"}, auth="Token drie")
        sent = message()

        assert api.post(f"{NRC}/notificaties", json=sent).status_code == 200

        # The live server commits, so the delivery has run (the test settings deliver at once).
        assert subscriber.received == [sent]
        assert second.received == [sent]
        assert [headers["Authorization"] for headers in subscriber.headers] == ["Bearer een"]
        assert [headers["Authorization"] for headers in second.headers] == ["Token twee"]


def test_nrc_007_only_messages_whose_kenmerken_match_the_filters_are_delivered(api, subscriber):
    subscribe(
        api,
        subscriber,
        {"naam": "zaken", "filters": {"bronorganisatie": RSIN, "vertrouwelijkheidaanduiding": "openbaar"}},
    )
    matching = message()
    other_organisation = message(kenmerken={**matching["kenmerken"], "bronorganisatie": "100000010"})
    secret = message(kenmerken={**matching["kenmerken"], "vertrouwelijkheidaanduiding": "geheim"})

    for sent in (other_organisation, matching, secret):
        assert api.post(f"{NRC}/notificaties", json=sent).status_code == 200

    assert subscriber.received == [matching]


# --- nrc-008 Informatie-arm, met de kenmerken van de bron -------------------------------------


def test_nrc_008_a_new_zaak_is_told_with_urls_and_the_documented_kenmerken_only(api, subscriber):
    ZaakTypeFactory(published=True)
    zaaktype = api.get("/catalogi/api/v1/zaaktypen").json()["results"][0]
    subscribe(api, subscriber, {"naam": "zaken"})

    response = api.post(
        "/zaken/api/v1/zaken",
        json={
            "zaaktype": zaaktype["url"],
            "bronorganisatie": RSIN,
            "verantwoordelijkeOrganisatie": RSIN,
            "startdatum": "2026-11-02",
            "omschrijving": "Kapvergunning Dorpsstraat 1",
        },
    )

    assert response.status_code == 201, response.text
    zaak = response.json()
    told = [received for received in subscriber.received if received["resource"] == "zaak"]
    assert len(told) == 1
    assert set(told[0]) == {
        "kanaal",
        "hoofdObject",
        "resource",
        "resourceUrl",
        "actie",
        "aanmaakdatum",
        "kenmerken",
    }
    assert (told[0]["kanaal"], told[0]["actie"]) == ("zaken", "create")
    assert told[0]["hoofdObject"] == told[0]["resourceUrl"] == zaak["url"]
    assert told[0]["kenmerken"] == {
        "bronorganisatie": RSIN,
        "zaaktype": zaaktype["url"],
        "vertrouwelijkheidaanduiding": zaak["vertrouwelijkheidaanduiding"],
    }
    # Informatie-arm: nothing of the zaak's own content travels with the message.
    assert "Kapvergunning Dorpsstraat" not in str(told[0])
