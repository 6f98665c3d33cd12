"""Kanalen of a gemeente stay its own, names are sane, and bad abonnementen get a 400, never a 500."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from plus1.api.common.testing import make_client, make_token
from plus1.notifications.models import Delivery

pytestmark = pytest.mark.django_db

ROOT = "/notificaties/api/v1"
CALLBACK = "https://ontvanger.example.nl/callback"


class Caller:
    """One application calling in-process with a fresh ZGW token per request."""

    def __init__(self, client_id: str, secret: str):
        self.client_id, self.secret = client_id, secret
        self.http = Client()

    def _headers(self) -> dict[str, str]:
        return {"HTTP_AUTHORIZATION": f"Bearer {make_token(self.client_id, self.secret)}"}

    def get(self, path: str, params: dict | None = None):
        return self.http.get(path, params or {}, **self._headers())

    def send(self, method: str, path: str, body: dict):
        return getattr(self.http, method)(
            path, json.dumps(body), content_type="application/json", **self._headers()
        )


def _caller(gemeente) -> Caller:
    return Caller(*make_client(gemeente))


def _names(caller: Caller) -> set[str]:
    return {kanaal["naam"] for kanaal in caller.get(f"{ROOT}/kanaal").json()}


def _problem(response) -> tuple[str, str]:
    assert response.status_code == 400, response.content
    param = response.json()["invalidParams"][0]
    return param["name"], param["code"]


def test_a_kanaal_a_gemeente_registers_is_its_own(gemeente_a, gemeente_b):
    a, b = _caller(gemeente_a), _caller(gemeente_b)
    created = a.send("post", f"{ROOT}/kanaal", {"naam": "meldingen", "filters": ["wijk"]})
    assert created.status_code == 201, created.content
    kanaal = created.json()
    assert a.get(kanaal["url"]).json() == kanaal
    assert a.get(f"{ROOT}/kanaal", {"naam": "meldingen"}).json() == [kanaal]
    assert "meldingen" in _names(a)
    # Gemeente B sees the collective's kanalen, not A's; and may have its own of that name.
    assert "meldingen" not in _names(b)
    assert {"zaken", "documenten", "besluiten", "autorisaties", "zaaktypen"} <= _names(b)
    assert b.get(kanaal["url"]).status_code == 404
    assert b.get(f"{ROOT}/kanaal", {"naam": "meldingen"}).json() == []
    assert b.send("post", f"{ROOT}/kanaal", {"naam": "meldingen"}).status_code == 201
    # A kanaal of the collective, or one the gemeente already has, is not registered twice.
    assert _problem(a.send("post", f"{ROOT}/kanaal", {"naam": "zaken"})) == ("naam", "unique")
    assert _problem(a.send("post", f"{ROOT}/kanaal", {"naam": "meldingen"})) == ("naam", "unique")


@pytest.mark.parametrize("naam", ["", " ", " a", "a\x01b", "meldingen\n", "a\u202eb", "a" * 51])
def test_a_kanaal_name_must_be_sane(gemeente_a, naam):
    a = _caller(gemeente_a)
    assert _problem(a.send("post", f"{ROOT}/kanaal", {"naam": naam}))[0] == "naam"
    assert naam not in _names(a)


@pytest.mark.parametrize("naam", ["Meldingen", "meldingen openbare ruimte", "-a", "één", "a" * 50])
def test_any_plain_kanaal_name_the_standard_allows_is_taken(gemeente_a, naam):
    """The standard allows any 1 to 50 characters; Plus1 refuses only control characters and edge spaces."""
    a = _caller(gemeente_a)
    response = a.send("post", f"{ROOT}/kanaal", {"naam": naam, "filters": ["Wijk", "buurt code"]})
    assert response.status_code == 201, response.content
    assert naam in _names(a)


def test_a_kanaal_filter_must_be_a_name(gemeente_a):
    a = _caller(gemeente_a)
    assert _problem(a.send("post", f"{ROOT}/kanaal", {"naam": "meldingen", "filters": ["", "ok"]})) == (
        "filters.0",
        "invalid",
    )


def test_abonnementen_take_own_and_collective_kanalen_and_a_gemeentes_kanaal_reaches_only_it(
    gemeente_a, gemeente_b
):
    a, b = _caller(gemeente_a), _caller(gemeente_b)
    a.send("post", f"{ROOT}/kanaal", {"naam": "meldingen-a"})
    kanalen = [{"naam": "meldingen-a"}, {"naam": "zaken"}]
    own = a.send("post", f"{ROOT}/abonnement", {"callbackUrl": CALLBACK, "auth": "x", "kanalen": kanalen})
    assert own.status_code == 201, own.content
    refused = b.send("post", f"{ROOT}/abonnement", {"callbackUrl": CALLBACK, "auth": "x", "kanalen": kanalen})
    assert _problem(refused) == ("kanalen.0.naam", "does_not_exist")
    message = {
        "kanaal": "meldingen-a",
        "hoofdObject": "https://example.nl/meldingen/1",
        "resource": "melding",
        "resourceUrl": "https://example.nl/meldingen/1",
        "actie": "create",
        "aanmaakdatum": "2026-12-01T10:00:00Z",
    }
    assert _problem(b.send("post", f"{ROOT}/notificaties", message)) == ("kanaal", "kanaal_naam")
    assert a.send("post", f"{ROOT}/notificaties", message).status_code == 200
    assert list(Delivery.objects.values_list("abonnement__tenant", flat=True)) == [gemeente_a.pk]


def test_a_kanaal_may_come_twice_in_an_abonnement_and_a_match_of_either_is_delivered_once(gemeente_a):
    """As Open Notificaties stores it: each entry is a filter group, any one that matches counts."""
    a = _caller(gemeente_a)
    twice = [
        {"naam": "zaken", "filters": {"bronorganisatie": "100000009"}},
        {"naam": "zaken", "filters": {"vertrouwelijkheidaanduiding": "openbaar"}},
    ]
    created = a.send("post", f"{ROOT}/abonnement", {"callbackUrl": CALLBACK, "auth": "x", "kanalen": twice})
    assert created.status_code == 201, created.content
    assert created.json()["kanalen"] == twice
    message = {
        "kanaal": "zaken",
        "hoofdObject": "https://example.nl/zaken/1",
        "resource": "zaak",
        "resourceUrl": "https://example.nl/zaken/1",
        "actie": "create",
        "aanmaakdatum": "2026-12-01T10:00:00Z",
    }
    kenmerken = [
        {"bronorganisatie": "100000009", "vertrouwelijkheidaanduiding": "openbaar"},  # both groups
        {"bronorganisatie": "100000010", "vertrouwelijkheidaanduiding": "openbaar"},  # the second
        {"bronorganisatie": "100000010", "vertrouwelijkheidaanduiding": "geheim"},  # neither
    ]
    for values in kenmerken:
        assert a.send("post", f"{ROOT}/notificaties", {**message, "kenmerken": values}).status_code == 200
    delivered = Delivery.objects.order_by("id").values_list("notification__kenmerken", flat=True)
    assert list(delivered) == kenmerken[:2]


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/callback",
        "http://localhost/callback",
        "http://2130706433/callback",
        "http://[::ffff:127.0.0.1]/callback",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.1.2.3/callback",
    ],
)
def test_an_internal_callback_url_is_refused_on_post_put_and_patch(settings, gemeente_a, url):
    settings.PLUS1_NOTIFICATIONS_ALLOW_PRIVATE_CALLBACKS = False
    a = _caller(gemeente_a)
    # A public address, so this test needs no DNS.
    body = {"callbackUrl": "https://93.184.215.14/callback", "auth": "x", "kanalen": [{"naam": "zaken"}]}
    abonnement = a.send("post", f"{ROOT}/abonnement", body).json()
    assert _problem(a.send("post", f"{ROOT}/abonnement", {**body, "callbackUrl": url})) == (
        "callbackUrl",
        "bad-url",
    )
    assert _problem(a.send("put", abonnement["url"], {**body, "callbackUrl": url}))[0] == "callbackUrl"
    assert _problem(a.send("patch", abonnement["url"], {"callbackUrl": url}))[0] == "callbackUrl"
    assert a.get(abonnement["url"]).json()["callbackUrl"] == body["callbackUrl"]
    assert _problem(a.send("post", f"{ROOT}/abonnement", {**body, "callbackUrl": "ftp://x.nl/"})) == (
        "callbackUrl",
        "invalid",
    )


def test_the_admin_lists_which_gemeente_a_kanaal_belongs_to(gemeente_a, admin_client):
    _caller(gemeente_a).send("post", f"{ROOT}/kanaal", {"naam": "meldingen"})
    own = admin_client.get(reverse("admin:notifications_kanaal_changelist"), {"tenant__isempty": "0"})
    assert own.status_code == 200
    assert "meldingen" in own.content.decode()
    assert ">zaken<" not in own.content.decode()
