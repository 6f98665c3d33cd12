"""Changing applications stays inside the client's gemeente, is audited, and can be left out.

``heeftAlleAutorisaties`` includes writing to the Autorisaties API, as in the standard; these
tests pin that even such a client never reaches another gemeente's applications, and that
``--all-case-data`` (``make_client(case_data=True)``) grants the case data without it.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from django.test import Client

from plus1.api.common.testing import make_client, make_token
from plus1.apiclients.models import Application, ClientCredential
from plus1.audit.models import AuditEntry
from plus1.catalog.tests.factories import ZaakTypeFactory

pytestmark = pytest.mark.django_db

ROOT = "/autorisaties/api/v1/applicaties"


class Caller:
    """One application calling in-process with a fresh ZGW token per request."""

    def __init__(self, client_id: str, secret: str):
        self.client_id, self.secret = client_id, secret
        self.http = Client()

    def _headers(self) -> dict[str, str]:
        return {"HTTP_AUTHORIZATION": f"Bearer {make_token(self.client_id, self.secret)}"}

    def get(self, path: str, params: dict | None = None, **extra: str):
        return self.http.get(path, params or {}, **self._headers(), **extra)

    def send(self, method: str, path: str, body: dict | None = None):
        data = json.dumps(body) if body is not None else ""
        return getattr(self.http, method)(path, data, content_type="application/json", **self._headers())


def _caller(gemeente, **kwargs) -> Caller:
    return Caller(*make_client(gemeente, **kwargs))


def _path(application: Application) -> str:
    return f"{ROOT}/{application.uuid}"


def _application_of(caller: Caller) -> Application:
    return Application.objects.get(credentials__client_id=caller.client_id)


def test_an_all_autorisaties_client_never_reads_changes_or_deletes_another_gemeentes_application(
    gemeente_a, gemeente_b
):
    of_a = _caller(gemeente_a, label="Zaaksysteem Utrecht")
    of_b = _caller(gemeente_b)
    target = _application_of(of_a)
    before = AuditEntry.objects.filter(object_id=str(target.pk), object_type="apiclients.application").count()

    listed = of_b.get(ROOT).json()
    assert [result["clientIds"] for result in listed["results"]] == [[of_b.client_id]]
    assert of_b.get(ROOT, {"clientIds": of_a.client_id}).json()["count"] == 0
    assert of_b.get(f"{ROOT}/consumer", {"clientId": of_a.client_id}).status_code == 404
    assert of_b.get(_path(target)).status_code == 404
    whole = {"clientIds": ["overgenomen"], "label": "Overgenomen", "heeftAlleAutorisaties": True}
    assert of_b.send("put", _path(target), whole).status_code == 404
    assert of_b.send("patch", _path(target), {"label": "Overgenomen"}).status_code == 404
    assert of_b.send("delete", _path(target)).status_code == 404

    target.refresh_from_db()
    assert target.label == "Zaaksysteem Utrecht"
    assert target.tenant == gemeente_a
    assert list(target.credentials.values_list("client_id", flat=True)) == [of_a.client_id]
    assert (
        AuditEntry.objects.filter(object_id=str(target.pk), object_type="apiclients.application").count()
        == before
    )


def test_a_client_id_of_another_gemeente_is_neither_revealed_nor_taken(gemeente_a, gemeente_b):
    of_a = _caller(gemeente_a, label="Zaaksysteem Utrecht")
    of_b = _caller(gemeente_b)

    created = of_b.send(
        "post", ROOT, {"clientIds": [of_a.client_id], "label": "Kaper", "heeftAlleAutorisaties": True}
    )
    assert created.status_code == 400
    problem = created.json()["invalidParams"][0]
    assert problem["name"] == "clientIds"
    assert problem["code"] == "clientId-exists"
    # The same answer as a clash inside the own gemeente: nothing about whose client id it is.
    assert "Utrecht" not in created.text
    assert gemeente_a.name not in created.text
    own_clash = of_b.send(
        "post", ROOT, {"clientIds": [of_b.client_id], "label": "Dubbel", "heeftAlleAutorisaties": True}
    )
    assert own_clash.json()["invalidParams"][0]["reason"] == problem["reason"].replace(
        of_a.client_id, of_b.client_id
    )

    # Nor by adding it to an application B already has.
    taken_over = of_b.send(
        "patch", _path(_application_of(of_b)), {"clientIds": [of_b.client_id, of_a.client_id]}
    )
    assert taken_over.status_code == 400
    assert taken_over.json()["invalidParams"][0]["code"] == "clientId-exists"

    credential = ClientCredential.objects.get(client_id=of_a.client_id)
    assert credential.application.tenant == gemeente_a
    assert Application.objects.for_tenant(gemeente_b).count() == 1
    # A still calls with its own client id and secret.
    assert of_a.get(ROOT).status_code == 200


def test_every_write_to_the_autorisaties_api_lands_in_the_audit_trail(gemeente_a):
    admin = _caller(gemeente_a)
    created = of_json(
        admin.send(
            "post", ROOT, {"clientIds": ["koppeling"], "label": "Koppeling", "heeftAlleAutorisaties": True}
        ),
        201,
    )
    path = urlsplit(created["url"]).path
    of_json(
        admin.send(
            "put", path, {"clientIds": ["koppeling"], "label": "Koppeling 2", "heeftAlleAutorisaties": True}
        ),
        200,
    )
    of_json(admin.send("patch", path, {"label": "Koppeling 3"}), 200)
    application = Application.objects.get(credentials__client_id="koppeling")
    assert admin.send("delete", path).status_code == 204

    written = AuditEntry.objects.filter(object_type="apiclients.application", object_id=str(application.pk))
    rows = list(written.order_by("id"))
    assert [row.action for row in rows] == [
        "create_application",
        "update_application",
        "update_application",
        "delete_application",
    ]
    assert {(row.tenant_id, row.actor_type, row.actor_id) for row in rows} == {
        (gemeente_a.pk, "application", admin.client_id)
    }
    assert rows[0].after["label"] == "Koppeling"
    assert (rows[1].before["label"], rows[1].after["label"]) == ("Koppeling", "Koppeling 2")
    assert (rows[2].before["label"], rows[2].after["label"]) == ("Koppeling 2", "Koppeling 3")
    assert rows[3].before["client_ids"] == ["koppeling"]


def test_a_case_data_client_works_with_case_data_but_cannot_change_applications(gemeente_a):
    ZaakTypeFactory(published=True, tenant=gemeente_a)
    integration = _caller(gemeente_a, case_data=True)
    own = _application_of(integration)
    assert not own.has_all_autorisaties
    other = _caller(gemeente_a, label="Andere koppeling")
    target = _application_of(other)

    assert integration.get(ROOT).status_code == 200
    assert integration.get("/zaken/api/v1/zaken", HTTP_ACCEPT_CRS="EPSG:4326").status_code == 200
    refused = [
        integration.send("post", ROOT, {"clientIds": ["nieuw"], "label": "N", "heeftAlleAutorisaties": True}),
        integration.send("patch", _path(own), {"heeftAlleAutorisaties": True}),
        integration.send("patch", _path(target), {"label": "Hernoemd"}),
        integration.send("delete", _path(target)),
        integration.send("delete", _path(own)),
    ]
    assert [response.status_code for response in refused] == [403] * 5
    assert refused[0].json()["code"] == "permission_denied"
    own.refresh_from_db()
    target.refresh_from_db()
    assert not own.has_all_autorisaties
    assert target.label == "Andere koppeling"


def of_json(response, status: int) -> dict:
    assert response.status_code == status, response.content
    return response.json()
