"""A catalogus may carry the RSIN of an organisation its gemeente holds a mandate for (issue 16).

The same rule and words as for zaken, documenten and besluiten: the own RSIN, or a mandate's; any
other is refused with `invalid-organisation`, naming for whom the application may act.
"""

import logging

import pytest

from plus1.apiclients.services import AutorisatieSpec
from plus1.cases.services.organisations import acting_for_refusal
from plus1.tenants.models import Mandate

from .test_catalogi_api import ROOT

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MANDATE_RSIN = "100000022"


def _writer(zgw_client, gemeente):
    return zgw_client(
        gemeente,
        autorisaties=[AutorisatieSpec(component="ztc", scopes=["catalogi.lezen", "catalogi.schrijven"])],
    )


def _urls(client, query: str) -> set[str]:
    # An RSIN passes the same elfproef as a BSN: keep httpx from logging it in the request URL.
    httpx_logger = logging.getLogger("httpx")
    level = httpx_logger.level
    httpx_logger.setLevel(logging.WARNING)
    try:
        response = client.get(f"{ROOT}/catalogussen?{query}")
    finally:
        httpx_logger.setLevel(level)
    assert response.status_code == 200, response.text
    return {row["url"] for row in response.json()["results"]}


def test_a_catalogus_in_the_name_of_a_mandates_organisation(zgw_client, gemeente_a):
    Mandate.objects.create(organisation=gemeente_a, rsin=MANDATE_RSIN, name="Gemeente Mandaatdorp")
    client = _writer(zgw_client, gemeente_a)

    made = client.post(
        f"{ROOT}/catalogussen",
        json={"domein": "MAND", "rsin": MANDATE_RSIN, "contactpersoonBeheerNaam": "Beheer"},
    )
    assert made.status_code == 201, made.text
    assert made.json()["rsin"] == MANDATE_RSIN
    assert client.get(made.json()["url"]).json()["rsin"] == MANDATE_RSIN
    own = client.post(
        f"{ROOT}/catalogussen",
        json={"domein": "EIGEN", "rsin": gemeente_a.rsin, "contactpersoonBeheerNaam": "Beheer"},
    ).json()
    assert own["rsin"] == gemeente_a.rsin

    assert made.json()["url"] in _urls(client, f"rsin={MANDATE_RSIN}")
    assert own["url"] not in _urls(client, f"rsin={MANDATE_RSIN}")
    assert made.json()["url"] not in _urls(client, f"rsin={gemeente_a.rsin}")
    assert own["url"] in _urls(client, f"rsin={gemeente_a.rsin}")
    assert {made.json()["url"], own["url"]} <= _urls(client, f"rsin__in={MANDATE_RSIN},{gemeente_a.rsin}")

    # Back to the own organisation's name with a PATCH.
    patched = client.patch(made.json()["url"], json={"rsin": gemeente_a.rsin})
    assert patched.status_code == 200, patched.text
    assert patched.json()["rsin"] == gemeente_a.rsin
    assert made.json()["url"] in _urls(client, f"rsin={gemeente_a.rsin}")


def test_another_gemeentes_rsin_without_a_mandate_is_refused(zgw_client, gemeente_a, gemeente_b):
    Mandate.objects.create(organisation=gemeente_a, rsin=MANDATE_RSIN, name="Gemeente Mandaatdorp")
    client = _writer(zgw_client, gemeente_a)
    body = {"domein": "ANDER", "rsin": gemeente_b.rsin, "contactpersoonBeheerNaam": "Beheer"}

    refused = client.post(f"{ROOT}/catalogussen", json=body)
    assert refused.status_code == 400, refused.text
    [problem] = refused.json()["invalidParams"]
    assert (problem["name"], problem["code"]) == ("rsin", "invalid-organisation")
    assert problem["reason"] == acting_for_refusal(gemeente_a, what="catalogussen")
    assert problem["reason"].startswith("Deze applicatie mag alleen catalogussen registreren voor")
    assert "Gemeente Mandaatdorp" in problem["reason"]

    made = client.post(f"{ROOT}/catalogussen", json=body | {"rsin": gemeente_a.rsin}).json()
    put = client.put(made["url"], json=body)
    assert put.status_code == 400
    assert put.json()["invalidParams"][0]["code"] == "invalid-organisation"
    assert client.get(made["url"]).json()["rsin"] == gemeente_a.rsin
