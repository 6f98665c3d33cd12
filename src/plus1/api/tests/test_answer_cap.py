"""No answer of any ZGW API grows past a fixed size: a client asking too much gets a 400 that says so."""

from __future__ import annotations

import pytest
from django.test import Client

from plus1.api.common import http
from plus1.api.common.testing import make_client, make_token

pytestmark = pytest.mark.django_db


def test_an_answer_over_the_cap_is_a_clear_400_and_not_a_huge_body(gemeente_a, monkeypatch):
    client_id, secret = make_client(gemeente_a)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {make_token(client_id, secret)}"}
    answered = Client().get("/catalogi/api/v1/catalogussen", **auth)
    assert answered.status_code == 200
    monkeypatch.setattr(http, "MAX_ANSWER_BYTES", len(answered.content) - 1)

    refused = Client().get("/catalogi/api/v1/catalogussen", **auth)

    assert refused.status_code == 400
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["code"] == "answer-too-large"
    assert len(refused.content) < 1000
