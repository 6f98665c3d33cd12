"""What one ``expand`` (or ``fields``) may ask of the Zaken API, into the catalog as well: three
levels, no way back to a resource already on the path, and an answer of bounded size. A request
over a limit gets a 400 naming the parameter, before anything is read."""

from __future__ import annotations

import json

import pytest

from plus1.api.common import expand as engine

from .conftest import ROOT, create_zaak

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _problem(response) -> tuple[str, str]:
    assert response.status_code == 400, response.text
    [problem] = response.json()["invalidParams"]
    return problem["name"], problem["code"]


def test_the_standards_own_paths_are_answered_and_runaway_ones_refused(
    zgw_client, gemeente_a, adoption, zaaktype
):
    api = zgw_client(gemeente_a)
    hoofdzaak = create_zaak(api, zaaktype)
    deelzaak = create_zaak(api, zaaktype, hoofdzaak=hoofdzaak["url"])

    # The standard's examples (zrc-026), its four-level one and a zaak to another zaak included.
    example = (
        "zaaktype,status,status.statustype,hoofdzaak.status.statustype,hoofdzaak.deelzaken.status.statustype"
    )
    answered = api.get(deelzaak["url"], params={"expand": example})
    assert answered.status_code == 200, answered.text
    assert answered.json()["_expand"]["hoofdzaak"]["_expand"]["deelzaken"][0]["url"] == deelzaak["url"]

    refused = {
        # Back to the zaak it came from, however deep: only what the client already has.
        "rollen.zaak": "expand-cycle",
        "zaaktype.statustypen.zaaktype": "expand-cycle",
        "status.zaakinformatieobjecten.status": "expand-cycle",
        # A fifth level, one deeper than the standard's deepest example.
        "hoofdzaak.deelzaken.status.statustype.catalogus": "max-depth-exceeded",
        ".".join(["rollen.zaak"] * 5): "max-depth-exceeded",
    }
    for value, code in refused.items():
        for url in (deelzaak["url"], f"{ROOT}/zaken"):
            assert _problem(api.get(url, params={"expand": value})) == ("expand", code), value
    statussen = api.get(f"{ROOT}/statussen", params={"expand": "zaak.status"})
    assert _problem(statussen) == ("expand", "expand-cycle")


def test_fields_is_bounded_as_expand_is_and_says_so(zgw_client, gemeente_a, adoption, zaaktype):
    api = zgw_client(gemeente_a)

    back = api.post(f"{ROOT}/zaken/_zoek", json={"fields": ["url", {"rollen": [{"zaak": ["url"]}]}]})
    deep = api.post(
        f"{ROOT}/zaken/_zoek",
        json={
            "fields": [
                {
                    "hoofdzaak": [
                        {"zaaktype": [{"statustypen": [{"eigenschappen": [{"catalogus": ["url"]}]}]}]}
                    ]
                }
            ]
        },
    )

    assert _problem(back) == ("fields", "expand-cycle")
    assert _problem(deep) == ("fields", "max-depth-exceeded")


def test_a_page_whose_expansions_would_be_too_large_is_refused(
    zgw_client, gemeente_a, adoption, zaaktype, monkeypatch
):
    api = zgw_client(gemeente_a)
    for _ in range(3):
        create_zaak(api, zaaktype)
    page = api.get(f"{ROOT}/zaken", params={"expand": "zaaktype"})
    assert page.status_code == 200, page.text
    # Each zaak shows the same zaaktype: read once, but three times in the answer.
    one_zaaktype = len(json.dumps(page.json()["results"][0]["_expand"]["zaaktype"]))
    monkeypatch.setattr(engine, "MAX_BYTES", 2 * one_zaaktype)

    refused = api.get(f"{ROOT}/zaken", params={"expand": "zaaktype"})
    found = api.post(f"{ROOT}/zaken/_zoek", json={"fields": ["url", {"zaaktype": ["*"]}]})

    assert _problem(refused) == ("expand", "answer-too-large")
    assert _problem(found) == ("fields", "answer-too-large")
