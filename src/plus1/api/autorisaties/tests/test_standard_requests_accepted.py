"""Requests the Autorisaties API standard allows are accepted, also where Plus1 used to refuse them.

Scopes are free labels in the standard, an autorisatie's list of scopes has no minimum, a field
another component does not have is not part of its schema, and ac-003 asks for a type only with
scopes about the main resource. Unknown scopes are stored, but grant nothing.
"""

import pytest

from plus1.api.common.testing import ZgwClient
from plus1.apiclients.models import ClientCredential
from plus1.catalog.tests.factories import ZaakTypeFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = "/autorisaties/api/v1"


def _post(client, client_ids, autorisaties):
    return client.post(
        f"{ROOT}/applicaties",
        json={"clientIds": client_ids, "label": "Koppeling", "autorisaties": autorisaties},
    )


def test_scopes_of_the_standard_apis_documentation_are_accepted_on_any_component(zgw_client, gemeente_a):
    zaaktype = ZaakTypeFactory(published=True)
    admin = zgw_client(gemeente_a)
    zaaktype_url = admin.get("/catalogi/api/v1/zaaktypen").json()["results"][0]["url"]
    assert zaaktype_url.endswith(str(zaaktype.uuid))

    response = _post(
        admin,
        ["zaaksysteem"],
        [
            {
                "component": "zrc",
                # The Zaken API documents notificaties.publiceren among its scopes.
                "scopes": ["zaken.lezen", "notificaties.publiceren"],
                "zaaktype": zaaktype_url,
                "maxVertrouwelijkheidaanduiding": "openbaar",
            },
            {"component": "nrc", "scopes": []},
        ],
    )

    assert response.status_code == 201, response.text
    assert [a["scopes"] for a in response.json()["autorisaties"]] == [
        ["zaken.lezen", "notificaties.publiceren"],
        [],
    ]


def test_a_type_field_the_component_does_not_have_is_ignored(zgw_client, gemeente_a):
    admin = zgw_client(gemeente_a)

    response = _post(
        admin,
        ["catalogusbeheer"],
        [
            {
                "component": "ztc",
                "scopes": ["catalogi.lezen"],
                "zaaktype": "https://elders.example.com/catalogi/api/v1/zaaktypen/1",
                "maxVertrouwelijkheidaanduiding": "geheim",
            }
        ],
    )

    assert response.status_code == 201, response.text
    assert response.json()["autorisaties"] == [
        {"component": "ztc", "componentWeergave": "Zaaktypecatalogus", "scopes": ["catalogi.lezen"]}
    ]


def test_the_same_client_id_twice_is_one_client_id(zgw_client, gemeente_a):
    admin = zgw_client(gemeente_a)

    response = admin.post(
        f"{ROOT}/applicaties",
        json={"clientIds": ["dubbel", "dubbel"], "label": "Dubbel", "heeftAlleAutorisaties": True},
    )

    assert response.status_code == 201, response.text
    assert response.json()["clientIds"] == ["dubbel"]


def test_an_unknown_scope_is_stored_but_grants_nothing(zgw_client, gemeente_a):
    admin = zgw_client(gemeente_a)
    created = _post(admin, ["onbekend"], [{"component": "ztc", "scopes": ["catalogi.alles"]}])
    assert created.status_code == 201, created.text

    # The application's own token: signed with the secret agreed out of band (set here directly).
    ClientCredential.objects.filter(client_id="onbekend").update(secret="geheim-geheim-geheim")
    client = ZgwClient(admin.base_url, "onbekend", "geheim-geheim-geheim")
    try:
        assert client.get("/catalogi/api/v1/zaaktypen").status_code == 403
    finally:
        client.close()
