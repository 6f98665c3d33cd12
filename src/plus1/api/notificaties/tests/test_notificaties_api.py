"""The Notificaties API over real HTTP: kanalen, abonnementen, and messages reaching a subscriber."""

import pytest

from plus1.notifications.models import Delivery

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = "/notificaties/api/v1"


def test_a_subscriber_of_the_gemeente_receives_changes_made_through_the_api(
    zgw_client, gemeente_a, subscriber
):
    app = zgw_client(gemeente_a)
    kanalen = app.get(f"{ROOT}/kanaal").json()
    assert {"zaken", "documenten", "besluiten", "autorisaties"} <= {kanaal["naam"] for kanaal in kanalen}
    assert app.get(f"{ROOT}/kanaal", params={"naam": "zaken"}).json()[0]["filters"] == [
        "bronorganisatie",
        "zaaktype",
        "vertrouwelijkheidaanduiding",
    ]

    response = app.post(
        f"{ROOT}/abonnement",
        json={"callbackUrl": subscriber.url, "auth": "Bearer abc", "kanalen": [{"naam": "autorisaties"}]},
    )
    assert response.status_code == 201, response.text
    abonnement = response.json()
    assert response.headers["Location"] == abonnement["url"]
    assert response.headers["API-version"] == "1.0.1"
    assert app.get(abonnement["url"]).json() == abonnement

    created = app.post(
        "/autorisaties/api/v1/applicaties",
        json={"clientIds": ["nieuwe-app"], "label": "Nieuwe app", "heeftAlleAutorisaties": True},
    ).json()
    # The live server commits, so the delivery task has already run (immediate backend in tests).
    assert subscriber.received[-1]["resourceUrl"] == created["url"]
    assert subscriber.received[-1]["actie"] == "create"
    assert subscriber.headers[-1]["Authorization"] == "Bearer abc"

    patched = app.patch(abonnement["url"], json={"auth": "Bearer def"})
    assert patched.json()["kanalen"] == [{"naam": "autorisaties", "filters": {}}]
    assert app.delete(abonnement["url"]).status_code == 204
    assert app.get(abonnement["url"]).status_code == 404


def test_a_published_message_is_routed_unchanged_to_matching_subscribers(zgw_client, gemeente_a, subscriber):
    app = zgw_client(gemeente_a)
    app.post(
        f"{ROOT}/abonnement",
        json={
            "callbackUrl": subscriber.url,
            "auth": "Bearer abc",
            "kanalen": [{"naam": "zaken", "filters": {"bronorganisatie": "100000009"}}],
        },
    )
    message = {
        "kanaal": "zaken",
        "hoofdObject": "https://example.nl/zaken/api/v1/zaken/1",
        "resource": "zaak",
        "resourceUrl": "https://example.nl/zaken/api/v1/zaken/1",
        "actie": "create",
        "aanmaakdatum": "2026-12-01T10:00:00Z",
        "kenmerken": {"bronorganisatie": "100000009"},
    }
    assert app.post(f"{ROOT}/notificaties", json=message).status_code == 200
    assert (
        app.post(f"{ROOT}/notificaties", json={**message, "kenmerken": {"bronorganisatie": "1"}}).status_code
        == 200
    )
    assert subscriber.received == [message]

    unknown = app.post(f"{ROOT}/notificaties", json={**message, "kanaal": "bestaat-niet"})
    assert unknown.status_code == 400
    assert unknown.json()["invalidParams"][0]["name"] == "kanaal"
    bad = app.post(
        f"{ROOT}/abonnement", json={"callbackUrl": "geen-url", "auth": "x", "kanalen": [{"naam": "zaken"}]}
    )
    assert bad.status_code == 400
    missing = app.post(
        f"{ROOT}/abonnement",
        json={"callbackUrl": subscriber.url, "auth": "x", "kanalen": [{"naam": "onbekend"}]},
    )
    assert missing.json()["invalidParams"][0]["name"] == "kanalen.0.naam"


def test_gemeente_b_neither_sees_nor_receives_gemeente_a(zgw_client, gemeente_a, gemeente_b, subscriber):
    app_a, app_b = zgw_client(gemeente_a), zgw_client(gemeente_b)
    abonnement_b = app_b.post(
        f"{ROOT}/abonnement",
        json={"callbackUrl": subscriber.url, "auth": "Bearer b", "kanalen": [{"naam": "autorisaties"}]},
    ).json()
    assert app_a.get(f"{ROOT}/abonnement").json() == []
    assert app_a.get(abonnement_b["url"]).status_code == 404
    assert app_a.delete(abonnement_b["url"]).status_code == 404
    app_a.post(
        "/autorisaties/api/v1/applicaties",
        json={"clientIds": ["van-a"], "label": "Van A", "heeftAlleAutorisaties": True},
    )
    assert subscriber.received == []
    assert not Delivery.objects.filter(abonnement__tenant=gemeente_b).exists()
