"""The Klantinteracties connector mirrors a zaak's contactmoment and verzoek relations (zrc-024/025)."""

from __future__ import annotations

import httpx
import jwt
import pytest
from django.test import override_settings

from plus1.connectors import klantinteracties
from plus1.connectors.klantinteracties import (
    KlantinteractiesApi,
    KlantinteractiesError,
    KlantinteractiesSimulator,
    NoKlantinteracties,
    Relation,
)

VERZOEKEN = "https://klant.example.nl/verzoeken/api/v1"
ZAAK = "https://plus1.example.nl/zaken/api/v1/zaken/0b7e6c2a-0000-4000-8000-000000000001"
VERZOEK = f"{VERZOEKEN}/verzoeken/0b7e6c2a-0000-4000-8000-000000000002"
CONFIGURED = override_settings(
    PLUS1_KLANTINTERACTIES_VERZOEKEN_URL=VERZOEKEN,
    PLUS1_KLANTINTERACTIES_CONTACTMOMENTEN_URL="",
    PLUS1_KLANTINTERACTIES_CLIENT_ID="plus1",
    PLUS1_KLANTINTERACTIES_SECRET="geheim",
)


class Recorder:
    """Stands in for httpx's module functions: records each call and answers ``answers[method]``."""

    def __init__(self, monkeypatch, **answers: httpx.Response) -> None:
        self.calls: list[tuple[str, str, dict]] = []
        for method in ("post", "get", "delete"):
            monkeypatch.setattr(klantinteracties.httpx, method, self._fake(method, answers.get(method)))

    def _fake(self, method, answer):
        def call(url, **kwargs):
            self.calls.append((method, url, kwargs))
            if isinstance(answer, Exception):
                raise answer
            return answer or httpx.Response(204)

        return call


@CONFIGURED
def test_the_api_client_posts_the_relation_to_the_verzoeken_api_with_a_zgw_token(monkeypatch):
    recorder = Recorder(monkeypatch, post=httpx.Response(201, json={}))

    KlantinteractiesApi().mirror(Relation(kind="verzoek", target=VERZOEK, zaak=ZAAK))

    [(method, url, kwargs)] = recorder.calls
    assert (method, url) == ("post", f"{VERZOEKEN}/objectverzoeken")
    assert kwargs["json"] == {"verzoek": VERZOEK, "object": ZAAK, "objectType": "zaak"}
    token = kwargs["headers"]["Authorization"].removeprefix("Bearer ")
    assert jwt.decode(token, "geheim", algorithms=["HS256"])["client_id"] == "plus1"


@CONFIGURED
def test_a_verzoek_in_an_api_plus1_has_no_link_with_is_not_posted_to(monkeypatch):
    recorder = Recorder(monkeypatch)
    elsewhere = Relation(kind="verzoek", target="https://elders.example.com/verzoeken/1", zaak=ZAAK)
    moment = Relation(kind="contactmoment", target=f"{VERZOEKEN}/contactmomenten/1", zaak=ZAAK)

    KlantinteractiesApi().mirror(elsewhere)
    KlantinteractiesApi().mirror(moment)  # no Contactmomenten API configured

    assert recorder.calls == []


@CONFIGURED
def test_a_relation_already_there_is_fine_and_any_other_refusal_is_an_error(monkeypatch):
    relation = Relation(kind="verzoek", target=VERZOEK, zaak=ZAAK)
    Recorder(monkeypatch, post=httpx.Response(400, json={"invalidParams": [{"code": "unique"}]}))
    KlantinteractiesApi().mirror(relation)

    Recorder(monkeypatch, post=httpx.Response(403, json={}))
    with pytest.raises(KlantinteractiesError):
        KlantinteractiesApi().mirror(relation)
    Recorder(monkeypatch, post=httpx.ConnectError("weg"))
    with pytest.raises(KlantinteractiesError):
        KlantinteractiesApi().mirror(relation)


@CONFIGURED
def test_unmirroring_deletes_the_objectverzoek_of_this_zaak_only(monkeypatch):
    rows = [
        {"url": f"{VERZOEKEN}/objectverzoeken/1", "object": ZAAK},
        {"url": f"{VERZOEKEN}/objectverzoeken/2", "object": "https://elders.example.com/zaken/9"},
    ]
    recorder = Recorder(
        monkeypatch, get=httpx.Response(200, json=rows, request=httpx.Request("GET", VERZOEKEN))
    )

    KlantinteractiesApi().unmirror(Relation(kind="verzoek", target=VERZOEK, zaak=ZAAK))

    assert [(method, url) for method, url, _ in recorder.calls] == [
        ("get", f"{VERZOEKEN}/objectverzoeken"),
        ("delete", f"{VERZOEKEN}/objectverzoeken/1"),
    ]
    assert recorder.calls[0][2]["params"] == {"verzoek": VERZOEK, "object": ZAAK}


def test_the_simulator_holds_what_was_mirrored_and_none_holds_nothing():
    relation = Relation(kind="contactmoment", target="https://klant.example.nl/contactmomenten/1", zaak=ZAAK)
    KlantinteractiesSimulator().mirror(relation)
    assert KlantinteractiesSimulator.mirrored(ZAAK) == {("contactmoment", relation.target)}
    KlantinteractiesSimulator().unmirror(relation)
    assert KlantinteractiesSimulator.mirrored(ZAAK) == set()
    NoKlantinteracties().mirror(relation)  # nothing to hold, nothing raised


@override_settings(PLUS1_KLANTINTERACTIES_CLIENT="plus1.connectors.klantinteracties.NoKlantinteracties")
def test_the_setting_chooses_the_client():
    assert isinstance(klantinteracties.get_klantinteracties(), NoKlantinteracties)
