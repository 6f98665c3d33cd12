"""The request gate of all six ZGW APIs: what a client notices when its request cannot be taken.

Each refusal is a 4xx with the ZGW error body, never a 500 and never a silently dropped body.
"""

from __future__ import annotations

import base64
import io
import json
import math

import pytest
from django.conf import settings
from django.test import Client

from plus1.api.common.testing import make_client, make_token

pytestmark = pytest.mark.django_db

ZOEK = "/zaken/api/v1/zaken/_zoek"
CATALOGUSSEN = "/catalogi/api/v1/catalogussen"
CRS = {"HTTP_ACCEPT_CRS": "EPSG:4326", "HTTP_CONTENT_CRS": "EPSG:4326"}


@pytest.fixture
def auth(gemeente_a) -> dict:
    client_id, secret = make_client(gemeente_a)
    return {"HTTP_AUTHORIZATION": f"Bearer {make_token(client_id, secret)}", **CRS}


def _send(method: str, path: str, body: bytes | str, auth: dict, content_type: str = "application/json"):
    return Client().generic(method, path, body, content_type=content_type, **auth)


def _problem(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["code"] and body["detail"]
    return body


def _params(body: dict) -> list[tuple[str, str]]:
    return [(param["name"], param["code"]) for param in body["invalidParams"]]


# NUL and lone surrogates (item 14): refused in one place, for every field.


def test_a_lone_surrogate_in_a_search_body_is_refused_not_a_500(auth):
    body = _problem(_send("POST", ZOEK, '{"identificatie": "\\ud800"}', auth), 400)
    assert _params(body) == [("identificatie", "invalid")]
    assert "surrogaat" in body["invalidParams"][0]["reason"]


def test_nul_anywhere_in_a_json_body_is_refused_and_named(auth):
    body = _problem(_send("POST", ZOEK, '{"uuid__in": ["x", "a\\u0000"]}', auth), 400)
    assert _params(body) == [("uuid__in.1", "invalid")]
    # In a key the field cannot be named back (it would not encode): the parent is named.
    body = _problem(_send("POST", ZOEK, '{"a\\udc00": 1}', auth), 400)
    assert _params(body) == [("nonFieldErrors", "invalid")]


def test_a_valid_surrogate_pair_is_an_ordinary_character(auth):
    response = _send("POST", ZOEK, '{"identificatie": "\\ud83d\\ude00"}', auth)
    assert response.status_code == 200, response.content


@pytest.mark.parametrize(
    "raw",
    [
        b'{"identificatie": NaN}',
        b'{"x": Infinity}',
        b'{"x": -Infinity}',
        b'{"x": [1e400]}',
        b"\xff{}",
        b'{"x": "\xed\xa0\x80"}',
    ],
    ids=["nan", "infinity", "minus-infinity", "overflow", "not-utf8", "encoded-surrogate"],
)
def test_what_json_does_not_allow_is_a_parse_error(auth, raw):
    assert _problem(_send("POST", ZOEK, raw, auth), 400)["code"] == "parse_error"


def test_deeply_nested_json_is_a_parse_error_not_a_500(auth):
    assert _problem(_send("POST", ZOEK, "[" * 100_000, auth), 400)["code"] == "parse_error"


def test_nul_in_a_query_parameter_is_refused(auth):
    # PostgreSQL refuses NUL in a text parameter: this was a 500 there.
    body = _problem(Client().get("/zaken/api/v1/zaken", {"identificatie": "\x00"}, **auth), 400)
    assert _params(body) == [("identificatie", "invalid")]
    body = _problem(Client().get(CATALOGUSSEN, {"domein\x00": "x"}, **auth), 400)
    assert _params(body) == [("nonFieldErrors", "invalid")]


def test_nul_in_the_path_is_refused(auth):
    _problem(Client().get(f"{CATALOGUSSEN}/%00", **auth), 400)


# Media type (item 16): the standard declares application/json (form data for bestandsdelen).


@pytest.mark.parametrize(
    "content_type",
    [
        "",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/ld+json",
    ],
    ids=["missing", "text", "form", "multipart", "other-json"],
)
def test_a_json_body_in_another_media_type_is_refused(auth, content_type):
    body = _problem(_send("POST", ZOEK, "{}", auth, content_type=content_type), 415)
    assert body["code"] == "unsupported_media_type" and "application/json" in body["detail"]
    _problem(_send("PUT", f"{CATALOGUSSEN}/x", "{}", auth, content_type=content_type), 415)
    _problem(_send("PATCH", f"{CATALOGUSSEN}/x", "{}", auth, content_type=content_type), 415)


def test_json_with_parameters_is_json(auth):
    for content_type in ("application/json; charset=utf-8", "Application/JSON;charset=UTF-8"):
        assert _send("POST", ZOEK, "{}", auth, content_type=content_type).status_code == 200
    _problem(_send("POST", ZOEK, "{}", auth, content_type="application/json; charset=latin-1"), 415)


def test_a_post_without_a_body_needs_no_content_type(auth):
    # Lock and unlock are POSTs the standard sends without a body.
    response = _send("POST", "/documenten/api/v1/enkelvoudiginformatieobjecten/x/lock", "", auth, "")
    assert response.status_code == 404, response.content


def test_bestandsdelen_take_form_data_not_json(auth):
    url = "/documenten/api/v1/bestandsdelen/00000000-0000-4000-8000-000000000000"
    body = _problem(_send("PUT", url, '{"lock": "x"}', auth), 415)
    assert "multipart/form-data" in body["detail"]
    response = Client().put(
        url,
        b'--x\r\nContent-Disposition: form-data; name="lock"\r\n\r\nabc\r\n--x--\r\n',
        content_type="multipart/form-data; boundary=x",
        **auth,
    )
    assert response.status_code == 404, response.content


def test_a_malformed_multipart_body_is_a_400(auth):
    url = "/documenten/api/v1/bestandsdelen/00000000-0000-4000-8000-000000000000"
    response = _send("PUT", url, b"--x\r\ngarbage", auth, content_type="multipart/form-data")
    _problem(response, 400)


# Size (item 10): the API limit lets a document of the largest size through as base64.


def test_the_api_body_limit_holds_the_largest_document_as_base64():
    largest = math.ceil(settings.PLUS1_MAX_UPLOAD_BYTES / 3) * 4
    assert largest + 64 * 1024 <= settings.PLUS1_API_MAX_BODY_BYTES
    # The portal's forms keep Django's own, smaller limit.
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE < settings.PLUS1_API_MAX_BODY_BYTES


def test_a_body_over_the_limit_is_a_413_before_it_is_read(auth, settings):
    settings.PLUS1_API_MAX_BODY_BYTES = 1000
    body = _problem(_send("POST", ZOEK, json.dumps({"identificatie": "x" * 2000}), auth), 413)
    assert body["code"] == "content_too_large" and "1000 bytes" in body["detail"]


def test_a_json_body_over_djangos_form_limit_reaches_the_operation(auth):
    # Over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB), this was a 500.
    payload = json.dumps({"identificatie": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10)})
    response = _send("POST", ZOEK, payload, auth)
    assert response.status_code == 200, response.content[:500]
    assert response.json()["count"] == 0


def test_a_document_of_the_largest_size_is_created_with_inline_inhoud(gemeente_a, auth):
    from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype
    from plus1.catalog.models import InformatieObjectType

    zaaktype = handling_zaaktype()
    adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype)
    iot = InformatieObjectType.objects.get(tenant=zaaktype.tenant, omschrijving="Bewijsstuk")
    content = b"%PDF-1.4\n" + b"0" * (settings.PLUS1_MAX_UPLOAD_BYTES - 9)
    document = {
        "bronorganisatie": gemeente_a.rsin,
        "creatiedatum": "2026-11-30",
        "titel": "Groot document",
        "auteur": "Architect",
        "taal": "dut",
        "bestandsnaam": "groot.pdf",
        "formaat": "application/pdf",
        "inhoud": base64.b64encode(content).decode(),
        "informatieobjecttype": f"http://testserver/catalogi/api/v1/informatieobjecttypen/{iot.uuid}",
    }
    response = _send("POST", "/documenten/api/v1/enkelvoudiginformatieobjecten", json.dumps(document), auth)
    assert response.status_code == 201, response.content[:2000]
    assert response.json()["bestandsomvang"] == settings.PLUS1_MAX_UPLOAD_BYTES


# Chunked bodies (item 16): read when the server ends the input (gunicorn), else 411.


def _chunked(path: str, body: bytes, auth: dict, *, terminated: bool):
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "CONTENT_TYPE": "application/json",
        "HTTP_TRANSFER_ENCODING": "chunked",
        # What gunicorn passes: a stream that ends where the chunked body ends.
        "wsgi.input": io.BytesIO(body),
        **auth,
    }
    if terminated:
        environ["wsgi.input_terminated"] = True
    return Client().request(**environ)


def test_a_chunked_body_is_read_when_the_server_ends_the_input(auth):
    # Before: the body was silently empty, so this search answered every zaak.
    body = _problem(_chunked(ZOEK, b'{"identificatie": "\\u0000"}', auth, terminated=True), 400)
    assert _params(body) == [("identificatie", "invalid")]
    assert _chunked(ZOEK, b"{}", auth, terminated=True).status_code == 200


def test_a_chunked_body_the_server_cannot_end_asks_for_a_length(auth):
    assert _problem(_chunked(ZOEK, b"{}", auth, terminated=False), 411)["code"] == "length_required"


def test_a_chunked_body_over_the_limit_is_a_413(auth, settings):
    settings.PLUS1_API_MAX_BODY_BYTES = 1000
    body = json.dumps({"identificatie": "x" * 2000}).encode()
    _problem(_chunked(ZOEK, body, auth, terminated=True), 413)
