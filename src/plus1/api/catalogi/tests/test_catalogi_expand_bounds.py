"""What one ``expand`` may ask of the Catalogi API: three levels, no way back to a type already
on the path, twenty attributes, and an answer of bounded size. A request over a limit gets a
400 naming ``expand`` at once, instead of an answer of hundreds of megabytes."""

from __future__ import annotations

import datetime
import json

import pytest
from django.test import Client

from plus1.api.common import expand as engine
from plus1.api.common.testing import make_client, make_token
from plus1.catalog.tests.factories import ZaakTypeFactory

from .test_catalogi_expand import complete_with_documents

ROOT = "/catalogi/api/v1"
# The request: statustypen.zaaktype five times over answered 608 MB in 12.7 s.
RUNAWAY = ".".join(["statustypen.zaaktype"] * 5)
# Twenty attributes of a zaaktype, none coming back to a type it passed.
TWENTY = [
    "catalogus",
    "statustypen",
    "statustypen.eigenschappen",
    "statustypen.eigenschappen.catalogus",
    "statustypen.catalogus",
    "resultaattypen",
    "resultaattypen.besluittypen",
    "resultaattypen.besluittypen.catalogus",
    "resultaattypen.besluittypen.informatieobjecttypen",
    "resultaattypen.informatieobjecttypen",
    "resultaattypen.catalogus",
    "roltypen",
    "roltypen.catalogus",
    "eigenschappen",
    "eigenschappen.catalogus",
    "informatieobjecttypen",
    "informatieobjecttypen.catalogus",
    "besluittypen",
    "zaakobjecttypen",
    "deelzaaktypen",
]


@pytest.fixture
def client(db, gemeente_a) -> Client:
    client_id, secret = make_client(gemeente_a)
    return Client(HTTP_AUTHORIZATION=f"Bearer {make_token(client_id, secret)}")


@pytest.fixture
def catalog(db) -> None:
    for _ in range(3):
        complete_with_documents(ZaakTypeFactory(published=True, valid_from=datetime.date(2026, 1, 1)))


def _problem(response) -> tuple[str, str]:
    assert response.status_code == 400, response.content
    [problem] = response.json()["invalidParams"]
    return problem["name"], problem["code"]


def test_a_path_back_to_a_type_it_passed_is_refused(client, catalog):
    assert _problem(client.get(f"{ROOT}/zaaktypen", {"expand": "statustypen.zaaktype"})) == (
        "expand",
        "expand-cycle",
    )
    assert _problem(client.get(f"{ROOT}/statustypen", {"expand": "eigenschappen.statustype"})) == (
        "expand",
        "expand-cycle",
    )
    assert _problem(client.get(f"{ROOT}/catalogussen", {"expand": "zaaktypen.catalogus"})) == (
        "expand",
        "expand-cycle",
    )
    # Another object of the same type is no way back: deelzaaktypen are other zaaktypen.
    assert client.get(f"{ROOT}/zaaktypen", {"expand": "deelzaaktypen.statustypen"}).status_code == 200


def test_paths_go_four_levels_deep_and_no_further(client, catalog):
    four = "resultaattypen.besluittypen.informatieobjecttypen.catalogus"
    assert client.get(f"{ROOT}/zaaktypen", {"expand": four}).status_code == 200

    deeper = client.get(f"{ROOT}/zaaktypen", {"expand": f"{four}.zaaktypen"})
    runaway = client.get(f"{ROOT}/zaaktypen", {"expand": RUNAWAY})

    assert _problem(deeper) == ("expand", "max-depth-exceeded")
    assert _problem(runaway) == ("expand", "max-depth-exceeded")
    assert len(runaway.content) < 1000


def test_a_request_names_at_most_twenty_attributes(client, catalog):
    assert client.get(f"{ROOT}/zaaktypen", {"expand": ",".join(TWENTY)}).status_code == 200

    more = client.get(f"{ROOT}/zaaktypen", {"expand": ",".join([*TWENTY, "zaakobjecttypen.catalogus"])})

    assert _problem(more) == ("expand", "too-many-expansions")


def test_an_answer_over_the_object_limit_is_refused_before_it_is_read(client, catalog, monkeypatch):
    allowed = client.get(f"{ROOT}/catalogussen", {"expand": "zaaktypen.statustypen"})
    assert allowed.status_code == 200
    monkeypatch.setattr(engine, "MAX_OBJECTS", 5)

    # Its three zaaktypen fit in 5 objects, their statustypen do not: refused before those are read.
    refused = client.get(f"{ROOT}/catalogussen", {"expand": "zaaktypen.statustypen"})

    assert _problem(refused) == ("expand", "answer-too-large")


def _expanded_bytes(body: dict) -> int:
    """The bytes ``_expand`` adds to a page: the answer with it less the answer without it."""
    plain = {
        **body,
        "results": [{k: v for k, v in item.items() if k != "_expand"} for item in body["results"]],
    }
    compact = {"ensure_ascii": False, "separators": (",", ":")}
    return len(json.dumps(body, **compact).encode()) - len(json.dumps(plain, **compact).encode())


@pytest.mark.parametrize("limit", [2_000, 20_000, 200_000])
def test_every_allowed_answer_stays_under_the_byte_limit(client, catalog, monkeypatch, limit):
    """Repetition counts: a zaaktype expanded for each of its statustypen is shown each time."""
    monkeypatch.setattr(engine, "MAX_BYTES", limit)
    requests = {
        "zaaktypen": ",".join(TWENTY),
        "statustypen": "zaaktype.resultaattypen.besluittypen,zaaktype.roltypen,catalogus",
        "eigenschappen": "zaaktype.roltypen,zaaktype.resultaattypen.catalogus,statustype",
        "resultaattypen": "zaaktype.eigenschappen,besluittypen.informatieobjecttypen",
        "catalogussen": "zaaktypen.statustypen.eigenschappen,besluittypen",
    }
    answered = 0
    for collection, expand in requests.items():
        response = client.get(f"{ROOT}/{collection}", {"expand": expand})
        if response.status_code == 400:
            assert _problem(response) == ("expand", "answer-too-large")
            continue
        assert response.status_code == 200
        assert 0 < _expanded_bytes(response.json()) <= limit
        answered += 1
    if limit == 200_000:
        assert answered == len(requests)  # the catalog is small: all of it fits
