"""A token the ZGW APIs must refuse, whatever its signature: each gets 403 with a ZGW error body."""

import base64
import json
import time

import jwt
import pytest
from django.test import Client

from plus1.api.common.testing import make_client, make_token

pytestmark = pytest.mark.django_db

URL = "/catalogi/api/v1/catalogussen"


@pytest.fixture
def application(gemeente_a):
    return make_client(gemeente_a)


def _get(token: str):
    return Client().get(URL, HTTP_AUTHORIZATION=f"Bearer {token}")


def _signed(client_id: str, secret: str, **claims) -> str:
    payload = {"client_id": client_id, "iat": int(time.time()), **claims}
    return jwt.encode({k: v for k, v in payload.items() if v is not ...}, secret, algorithm="HS256")


def _refused(response, code: str | None = None) -> dict:
    assert response.status_code == 403, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 403 and body["detail"]
    if code:
        assert body["code"] == code, body
    return body


def test_a_fresh_token_is_accepted(application):
    assert _get(make_token(*application)).status_code == 200


@pytest.mark.parametrize(
    "iat",
    [float("nan"), float("inf"), float("-inf"), True, False, "1700000000", 1700000000.5, [1], {"a": 1}],
    ids=["nan", "infinity", "minus-infinity", "true", "false", "string", "fraction", "list", "object"],
)
def test_an_iat_that_is_not_a_whole_number_of_seconds_is_refused(application, iat):
    # NaN once compared false with every age limit: a token that never expired.
    _refused(_get(_signed(*application, iat=iat)), "jwt-invalid-iat")


def test_a_whole_number_iat_written_as_a_float_is_accepted(application):
    assert _get(_signed(*application, iat=float(int(time.time())))).status_code == 200


def test_a_missing_or_null_iat_is_refused(application):
    _refused(_get(_signed(*application, iat=...)), "jwt-missing-iat")
    _refused(_get(_signed(*application, iat=None)), "jwt-missing-iat")


def test_an_iat_in_the_future_or_too_old_is_refused(application, settings):
    settings.PLUS1_JWT_LEEWAY = 5
    now = int(time.time())
    _refused(_get(_signed(*application, iat=now + 60)), "jwt-immature")
    _refused(_get(_signed(*application, iat=10**30)), "jwt-immature")
    _refused(_get(_signed(*application, iat=now - settings.PLUS1_JWT_EXPIRY - 60)), "jwt-expired")
    _refused(_get(_signed(*application, iat=-(10**30))), "jwt-expired")
    # Within the leeway is fine.
    assert _get(_signed(*application, iat=now + 3)).status_code == 200


@pytest.mark.parametrize("client_id", [..., None, "", 42, True, ["x"], "a\x00b"])
def test_a_token_without_a_client_id_text_is_refused(application, client_id):
    _, secret = application
    payload = {"iat": int(time.time())}
    if client_id is not ...:
        payload["client_id"] = client_id
    _refused(_get(jwt.encode(payload, secret, algorithm="HS256")))


@pytest.mark.parametrize("claim", ["user_id", "user_representation"])
@pytest.mark.parametrize("value", [42, True, ["x"], {"a": "b"}, "a\x00b", "\ud800"])
def test_user_claims_must_be_text(application, claim, value):
    _refused(_get(_signed(*application, **{claim: value})), "jwt-decode-error")


def test_null_user_claims_are_empty(application):
    assert _get(_signed(*application, user_id=None, user_representation=None)).status_code == 200


def test_a_token_with_another_algorithm_is_refused(application):
    client_id, secret = application
    payload = {"client_id": client_id, "iat": int(time.time())}
    _refused(_get(jwt.encode(payload, secret, algorithm="HS512")), "jwt-invalid-algorithm")
    _refused(_get(jwt.encode(payload, None, algorithm="none")), "jwt-invalid-algorithm")


def test_an_unsigned_token_claiming_hs256_is_refused(application):
    client_id, _ = application

    def part(data: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    claims = {"client_id": client_id, "iat": int(time.time())}
    token = f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part(claims)}."
    _refused(_get(token), "invalid-jwt-signature")


def test_an_oversized_token_is_refused_before_it_is_read(application):
    body = _refused(_get(_signed(*application, user_representation="x" * 5000)), "jwt-decode-error")
    assert "te groot" in body["detail"]


@pytest.mark.parametrize("claim", ["exp", "nbf"])
@pytest.mark.parametrize("value", [float("nan"), float("inf"), "soon"])
def test_a_malformed_exp_or_nbf_is_refused(application, claim, value):
    _refused(_get(_signed(*application, **{claim: value})))


def test_garbage_is_refused(application):
    for token in ["", "a.b.c", "x" * 100, "ey.ey.ey", "\u00e9\u00e9.\u00e9.\u00e9"]:
        _refused(_get(token))
