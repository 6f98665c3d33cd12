"""The Klantwaardering API: a gemeente's own answers and figures, read-only, with the ZGW JWT."""

from __future__ import annotations

import datetime
import time

import jwt
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from plus1.accounts.models import Team
from plus1.api.common.testing import make_client, make_token
from plus1.api.feedback import openapi
from plus1.apiclients.services import AutorisatieSpec
from plus1.cases.models import Zaak
from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype, new_zaak
from plus1.feedback.tests.followup_factories import PHONE, make_answer

pytestmark = pytest.mark.django_db

BASE = "/klantwaardering/api/v1"
BSN = "999993653"


def _at(day: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(f"{day}T10:00:00"))


def _get(credentials, path, **params):
    token = make_token(*credentials)
    return Client().get(f"{BASE}{path}", params, HTTP_AUTHORIZATION=f"Bearer {token}")


@pytest.fixture
def world(gemeente_a, gemeente_b):
    zaaktype = handling_zaaktype()
    adoption_a = adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype)
    zaak = new_zaak(adoption_a, bsn=BSN)
    make_answer(
        gemeente_a,
        zaak=zaak,
        score=3,
        effort=2,
        improvement="Te lang gewacht.",
        answered_at=_at("2026-03-10"),
    )
    make_answer(
        gemeente_a,
        process=adoption_a.process,
        team=adoption_a.team,
        score=9,
        effort=5,
        improvement="",
        channel="balie",
        answered_at=_at("2026-04-02"),
    )
    make_answer(gemeente_a, score=7, effort=None, channel="telefoon", answered_at=_at("2026-05-20"))
    adoption_b = adopt_with_team(gemeente=gemeente_b, zaaktype=zaaktype)
    make_answer(
        gemeente_b,
        process=adoption_b.process,
        score=1,
        improvement="Geheim van Groningen",
        answered_at=_at("2026-04-01"),
    )
    return adoption_a


@pytest.fixture
def reader_a(gemeente_a):
    return make_client(
        gemeente_a, autorisaties=[AutorisatieSpec(component="zrc", scopes=["klantwaardering.lezen"])]
    )


def test_an_application_reads_its_gemeentes_answers_newest_first(world, reader_a):
    response = _get(reader_a, "/antwoorden")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["count"] == 3 and body["next"] is None and body["previous"] is None
    assert [a["rapportcijfer"] for a in body["results"]] == [7, 9, 3]
    oldest = body["results"][-1]
    assert oldest == {
        "id": oldest["id"],
        "proces": world.process.identificatie,
        "team": world.team.name,
        "kanaal": "online",
        "aanleiding": "zaak",
        "rapportcijfer": 3,
        "gemak": 2,
        "watKanBeter": "Te lang gewacht.",
        "beantwoordOp": "2026-03-10",
    }


def test_an_answer_never_shows_zaak_phone_or_bsn(world, gemeente_a, reader_a):
    response = _get(reader_a, "/antwoorden")
    text = response.content.decode()
    identificatie = Zaak.objects.get(tenant=gemeente_a).identificatie
    assert PHONE not in text and BSN not in text and identificatie not in text
    fields = {
        "id",
        "proces",
        "team",
        "kanaal",
        "aanleiding",
        "rapportcijfer",
        "gemak",
        "watKanBeter",
        "beantwoordOp",
    }
    assert all(set(answer) == fields for answer in response.json()["results"])


def test_gemeente_b_never_sees_gemeente_as_answers(world, gemeente_b):
    reader_b = make_client(gemeente_b)
    body = _get(reader_b, "/antwoorden").json()
    assert body["count"] == 1 and body["results"][0]["watKanBeter"] == "Geheim van Groningen"
    assert (
        "Te lang gewacht."
        not in _get(reader_b, "/antwoorden", proces=world.process.identificatie).content.decode()
    )
    summary = _get(reader_b, "/samenvatting", maandVan="2026-01", maandTot="2026-12").json()
    assert summary["totaal"]["aantalAntwoorden"] == 1


def test_the_filters_narrow_the_list(world, reader_a):
    def scores(**params):
        return [a["rapportcijfer"] for a in _get(reader_a, "/antwoorden", **params).json()["results"]]

    assert scores(beantwoordOp__gte="2026-04-01") == [7, 9]
    assert scores(beantwoordOp__lte="2026-04-02") == [9, 3]
    assert scores(beantwoordOp__gte="2026-04-01", beantwoordOp__lte="2026-04-30") == [9]
    assert scores(proces=world.process.identificatie) == [9, 3]
    assert scores(kanaal="balie") == [9]


def test_the_list_is_paginated_like_the_zgw_lists(gemeente_a, reader_a):
    for day in range(1, 29):
        for _ in range(4):
            make_answer(gemeente_a, score=8, answered_at=_at(f"2026-02-{day:02d}"))
    first = _get(reader_a, "/antwoorden").json()
    assert first["count"] == 112 and len(first["results"]) == 100
    assert first["next"] == f"http://testserver{BASE}/antwoorden?page=2"
    second = _get(reader_a, "/antwoorden", page=2).json()
    assert len(second["results"]) == 12 and second["previous"].endswith("page=1")
    assert {a["id"] for a in first["results"]}.isdisjoint(a["id"] for a in second["results"])
    assert _get(reader_a, "/antwoorden", page=3).status_code == 404


def test_the_list_takes_the_same_queries_for_few_or_many_answers(gemeente_a, reader_a):
    team = Team.objects.create(tenant=gemeente_a, name="Burgerzaken")
    make_answer(gemeente_a, team=team, score=8)
    _get(reader_a, "/antwoorden")  # the application's access, kept after the first call
    with CaptureQueriesContext(connection) as few:
        _get(reader_a, "/antwoorden")
    for _ in range(20):
        make_answer(gemeente_a, team=Team.objects.create(tenant=gemeente_a, name=f"Team {_}"), score=8)
    with CaptureQueriesContext(connection) as many:
        _get(reader_a, "/antwoorden")
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.parametrize(
    ("path", "params", "name"),
    [
        ("/antwoorden", {"beantwoordOp__gte": "01-04-2026"}, "beantwoordOp__gte"),
        ("/antwoorden", {"beantwoordOp__lte": "2026-02-30"}, "beantwoordOp__lte"),
        ("/antwoorden", {"beantwoordOp__gte": "1700000000"}, "beantwoordOp__gte"),
        ("/antwoorden", {"kanaal": "duif"}, "kanaal"),
        ("/antwoorden", {"proces": "bestaat-niet"}, "proces"),
        ("/antwoorden", {"page": "twee"}, "page"),
        ("/antwoorden", {"zaak": "ZAAK-1"}, "nonFieldErrors"),
        ("/samenvatting", {"maandVan": "2026-13"}, "maandVan"),
        ("/samenvatting", {"maandVan": "2026-05", "maandTot": "2026-01"}, "maandTot"),
        ("/samenvatting", {"maandVan": "2000-01", "maandTot": "2026-01"}, "maandVan"),
    ],
    ids=[
        "dutch-date",
        "no-such-day",
        "timestamp",
        "unknown-channel",
        "unknown-process",
        "page-not-a-number",
        "unknown-parameter",
        "no-such-month",
        "backwards",
        "too-long",
    ],
)
def test_bad_input_gets_a_zgw_validation_error(world, reader_a, path, params, name):
    response = _get(reader_a, path, **params)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "invalid" and body["status"] == 400
    assert name in [p["name"] for p in body["invalidParams"]], body


def test_no_forged_or_expired_token_and_no_scope_gets_in(world, gemeente_a, reader_a):
    client_id, secret = reader_a
    forged = jwt.encode(
        {"client_id": client_id, "iat": int(time.time())}, "niet-het-geheim", algorithm="HS256"
    )
    expired = make_token(client_id, secret, iat=time.time() - 24 * 3600)
    without_scope = make_client(
        gemeente_a, autorisaties=[AutorisatieSpec(component="ztc", scopes=["catalogi.lezen"])]
    )
    answers = [
        Client().get(f"{BASE}/antwoorden"),
        Client().get(f"{BASE}/antwoorden", HTTP_AUTHORIZATION=f"Bearer {forged}"),
        Client().get(f"{BASE}/antwoorden", HTTP_AUTHORIZATION=f"Bearer {expired}"),
        _get(without_scope, "/antwoorden"),
        _get(without_scope, "/samenvatting"),
    ]
    for response in answers:
        assert response.status_code == 403, response.content
        assert response["Content-Type"] == "application/problem+json"
        assert "Te lang gewacht." not in response.content.decode()
    assert answers[1].json()["code"] == "invalid-jwt-signature"
    assert answers[2].json()["code"] == "jwt-expired"


def test_the_api_is_read_only(world, reader_a):
    token = make_token(*reader_a)
    response = Client().post(f"{BASE}/antwoorden", {}, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 405


def test_the_summary_gives_the_gemeentes_figures_per_process_channel_and_team(world, reader_a):
    body = _get(reader_a, "/samenvatting", maandVan="2026-01", maandTot="2026-12").json()
    assert (body["maandVan"], body["maandTot"]) == ("2026-01", "2026-12")
    totals = body["totaal"]
    assert totals["aantalAntwoorden"] == 3 and totals["gemiddeldRapportcijfer"] == pytest.approx(
        6.3, abs=0.05
    )
    assert totals["aantalMetGemak"] == 2 and totals["percentageMakkelijk"] == 50.0
    assert {row["rapportcijfer"]: row["aantal"] for row in body["verdeling"]}[9] == 1
    assert {row["sleutel"] for row in body["perKanaal"]} == {"online", "balie", "telefoon"}
    assert {row["sleutel"] for row in body["perProces"]} == {world.process.identificatie, ""}
    assert world.team.name in {row["sleutel"] for row in body["perTeam"]}

    balie = _get(reader_a, "/samenvatting", maandVan="2026-01", maandTot="2026-12", kanaal="balie").json()
    assert balie["totaal"]["aantalAntwoorden"] == 1
    march = _get(reader_a, "/samenvatting", maandVan="2026-03", maandTot="2026-03").json()
    assert march["totaal"]["aantalAntwoorden"] == 1


def test_the_openapi_document_is_served_and_committed_up_to_date(client):
    assert openapi.OPENAPI_PATH.read_text(encoding="utf-8") == openapi.render_document(), (
        'run: plus1 shell -c "from plus1.api.feedback.openapi import write; write()"'
    )
    document = client.get(f"{BASE}/schema/openapi.json").json()
    assert {path.rsplit("/", 1)[-1] for path in document["paths"]} == {"antwoorden", "samenvatting"}
    assert document["info"]["title"] == "Klantwaardering API"
    answer = document["components"]["schemas"]["Antwoord"]["properties"]
    assert not {"zaak", "telefoonnummer", "bsn"} & set(answer)
    yaml_answer = client.get(f"{BASE}/schema/openapi.yaml")
    assert yaml_answer.status_code == 200 and yaml_answer["Content-Type"].startswith("application/yaml")


def test_a_call_leaves_no_api_call_mark_for_the_next_request_on_the_thread(world, reader_a):
    from plus1.audit.services import current_api_call

    assert _get(reader_a, "/antwoorden").status_code == 200
    assert current_api_call() is None
