"""The Autorisaties API over real HTTP: applications, tokens, and one gemeente never seeing another."""

import time

import pytest

from plus1.api.common.testing import make_token
from plus1.apiclients.models import Application
from plus1.apiclients.services import AutorisatieSpec
from plus1.catalog.tests.factories import ZaakTypeFactory
from plus1.notifications.models import Notification

# serialized_rollback puts back the gemeenten and reference lists that the live server's flush removes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = "/autorisaties/api/v1"


def test_an_application_is_registered_read_changed_and_removed(zgw_client, gemeente_a):
    zaaktype = ZaakTypeFactory(published=True)
    admin = zgw_client(gemeente_a)
    zaaktype_url = f"{admin.base_url}/catalogi/api/v1/zaaktypen/{zaaktype.uuid}".replace(
        "//catalogi", "/catalogi"
    )

    response = admin.post(
        f"{ROOT}/applicaties",
        json={
            "clientIds": ["zaakportaal"],
            "label": "Zaakportaal",
            "heeftAlleAutorisaties": False,
            "autorisaties": [
                {
                    "component": "zrc",
                    "scopes": ["zaken.lezen"],
                    "zaaktype": zaaktype_url,
                    "maxVertrouwelijkheidaanduiding": "zaakvertrouwelijk",
                }
            ],
        },
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert response.headers["Location"] == body["url"]
    assert response.headers["API-version"] == "1.1.0"
    assert body["autorisaties"][0]["zaaktype"] == zaaktype_url
    assert body["autorisaties"][0]["componentWeergave"] == "Zaakregistratiecomponent"

    read = admin.get(body["url"])
    assert read.status_code == 200
    assert read.json() == body
    assert admin.get(body["url"], headers={"If-None-Match": read.headers["ETag"]}).status_code == 304

    consumer = admin.get(f"{ROOT}/applicaties/consumer", params={"clientId": "zaakportaal"})
    assert consumer.json()["url"] == body["url"]

    patched = admin.patch(body["url"], json={"label": "Zaakportaal Utrecht"})
    assert patched.status_code == 200
    assert patched.json()["label"] == "Zaakportaal Utrecht"
    assert patched.json()["autorisaties"] == body["autorisaties"]

    assert admin.delete(body["url"]).status_code == 204
    assert admin.get(body["url"]).status_code == 404
    actions = list(
        Notification.objects.filter(kanaal="autorisaties", resource_url=body["url"]).values_list(
            "actie", flat=True
        )
    )
    assert actions == ["create", "partial_update", "destroy"]


def test_the_rules_of_the_standard_are_checked_with_a_zgw_error_body(zgw_client, gemeente_a):
    admin = zgw_client(gemeente_a)
    both = admin.post(
        f"{ROOT}/applicaties",
        json={
            "clientIds": ["x"],
            "label": "X",
            "heeftAlleAutorisaties": True,
            "autorisaties": [{"component": "ac", "scopes": ["autorisaties.lezen"]}],
        },
    )
    assert both.status_code == 400
    assert both.headers["Content-Type"] == "application/problem+json"
    assert both.json()["invalidParams"][0]["code"] == "ambiguous-authorizations-specified"

    untyped = admin.post(
        f"{ROOT}/applicaties",
        json={
            "clientIds": ["y"],
            "label": "Y",
            "autorisaties": [{"component": "zrc", "scopes": ["zaken.lezen"]}],
        },
    )
    assert untyped.status_code == 400
    names = {param["name"] for param in untyped.json()["invalidParams"]}
    assert names == {"autorisaties.0.zaaktype", "autorisaties.0.maxVertrouwelijkheidaanduiding"}

    duplicate = admin.post(
        f"{ROOT}/applicaties",
        json={"clientIds": [admin.client_id], "label": "Z", "heeftAlleAutorisaties": True},
    )
    assert duplicate.status_code == 400
    assert duplicate.json()["invalidParams"][0]["code"] == "clientId-exists"

    missing = admin.post(f"{ROOT}/applicaties", json={"label": "Zonder client-id"})
    assert missing.status_code == 400
    assert missing.json()["invalidParams"][0] == {
        "name": "clientIds",
        "code": "required",
        "reason": "Dit veld is verplicht.",
    }
    unknown = admin.get(f"{ROOT}/applicaties", params={"kleur": "blauw"})
    assert unknown.status_code == 400
    assert unknown.json()["invalidParams"][0]["code"] == "unknown-parameters"
    # Nothing half-written: only the calling application exists.
    assert Application.objects.for_tenant(gemeente_a).count() == 1


def test_tokens_are_checked_as_the_standard_does(zgw_client, gemeente_a):
    client = zgw_client(gemeente_a)
    url = f"{ROOT}/applicaties"

    def with_token(token):
        return client.get(url, headers={"Authorization": f"Bearer {token}" if token else None}).json()["code"]

    assert with_token(None) == "not_authenticated"
    assert with_token("geen-jwt") == "jwt-decode-error"
    assert with_token(make_token("onbekend", "geheim")) == "invalid-client-identifier"
    assert with_token(make_token(client.client_id, "fout-geheim")) == "invalid-jwt-signature"
    assert with_token(make_token(client.client_id, client.secret, iat=time.time() - 7200)) == "jwt-expired"
    assert client.get(url).status_code == 200


def test_an_application_sees_and_changes_only_its_own_gemeentes_applications(
    zgw_client, gemeente_a, gemeente_b
):
    client_a = zgw_client(gemeente_a)
    client_b = zgw_client(gemeente_b)
    own = client_a.get(f"{ROOT}/applicaties").json()
    assert own["count"] == 1
    assert own["results"][0]["clientIds"] == [client_a.client_id]

    url_of_b = client_b.get(f"{ROOT}/applicaties").json()["results"][0]["url"]
    assert client_a.get(url_of_b).status_code == 404
    assert client_a.patch(url_of_b, json={"label": "Overgenomen"}).status_code == 404
    assert client_a.delete(url_of_b).status_code == 404
    consumer = client_a.get(f"{ROOT}/applicaties/consumer", params={"clientId": client_b.client_id})
    assert consumer.status_code == 404


def test_without_the_scope_an_application_is_refused(zgw_client, gemeente_a):
    zaaktype = ZaakTypeFactory(published=True)
    reader = zgw_client(
        gemeente_a,
        autorisaties=[
            AutorisatieSpec(
                component="zrc", scopes=["zaken.lezen"], zaaktype=zaaktype, max_confidentiality="openbaar"
            )
        ],
    )
    response = reader.get(f"{ROOT}/applicaties")
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
