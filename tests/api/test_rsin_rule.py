"""The RSIN rule over HTTP: a gemeente's application registers a zaak for its own RSIN or a mandate's.

The rule stays for isolation (docs/zgw-deviations.md); a standard client that names another
organisation learns from the refusal for whom it may register instead.
"""

import pytest

from plus1.api.besluiten.tests.test_besluiten_api import body_for, zaak_of
from plus1.api.conftest import zgw_client  # noqa: F401  (the live-server client fixture)
from plus1.catalog.tests.factories import ZaakTypeFactory
from plus1.tenants.models import Mandate

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WERKORGANISATIE = "100000022"


def _zaak(client, zaaktype_url: str, rsin: str):
    return client.post(
        "/zaken/api/v1/zaken",
        json={
            "zaaktype": zaaktype_url,
            "bronorganisatie": rsin,
            "verantwoordelijkeOrganisatie": rsin,
            "startdatum": "2026-11-02",
        },
    )


def test_a_zaak_for_another_organisation_is_refused_with_whom_it_may_register_for(
    zgw_client,  # noqa: F811
    gemeente_a,
    gemeente_b,
):
    ZaakTypeFactory(published=True)
    client = zgw_client(gemeente_a)
    zaaktype_url = client.get("/catalogi/api/v1/zaaktypen").json()["results"][0]["url"]

    refused = _zaak(client, zaaktype_url, gemeente_b.rsin)

    assert refused.status_code == 400, refused.text
    [param] = refused.json()["invalidParams"]
    assert (param["name"], param["code"]) == ("bronorganisatie", "invalid-organisation")
    assert param["reason"].startswith(
        "Deze applicatie mag alleen zaken registreren voor het RSIN van gemeente Utrecht (100000009)"
    )
    assert param["reason"].endswith("of van organisaties waarvoor zij een mandaat heeft.")


def test_with_a_mandate_the_zaak_is_registered_for_that_organisation(zgw_client, gemeente_a):  # noqa: F811
    ZaakTypeFactory(published=True)
    Mandate.objects.create(organisation=gemeente_a, rsin=WERKORGANISATIE, name="Werkorganisatie BUCH")
    client = zgw_client(gemeente_a)
    zaaktype_url = client.get("/catalogi/api/v1/zaaktypen").json()["results"][0]["url"]

    registered = _zaak(client, zaaktype_url, WERKORGANISATIE)

    assert registered.status_code == 201, registered.text
    assert registered.json()["bronorganisatie"] == WERKORGANISATIE


def test_a_besluit_for_another_organisation_says_it_is_about_besluiten(
    zgw_client,  # noqa: F811
    gemeente_a,
    gemeente_b,
):
    besluittype = zaak_of(gemeente_a).zaaktype.besluittypen.get()
    client = zgw_client(gemeente_a)

    refused = client.post(
        "/besluiten/api/v1/besluiten",
        json=body_for(client, besluittype, verantwoordelijkeOrganisatie=gemeente_b.rsin),
    )

    assert refused.status_code == 400, refused.text
    [param] = refused.json()["invalidParams"]
    assert (param["name"], param["code"]) == ("verantwoordelijkeOrganisatie", "invalid-organisation")
    assert param["reason"].startswith(
        "Deze applicatie mag alleen besluiten registreren voor het RSIN van gemeente Utrecht (100000009)"
    )
