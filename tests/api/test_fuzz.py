"""Fuzz every ZGW API that exists against its committed OpenAPI document (schemathesis).

For each API, schemathesis reads ``src/plus1/api/<name>/openapi.yaml`` (the document clients get)
and sends generated requests to the Django app in-process through WSGI, with a valid ZGW token.
Checks: no 5xx, and every answer is documented: status code, content type, headers and body
schema. Bounded and repeatable: the examples and fuzzing phases only, ``MAX_EXAMPLES`` cases per
operation, derandomised, so all six APIs finish in about a minute.

The token's client comes from ``plus1.api.common.testing.make_client``; until that exists the
tests skip. The requests run inside the test's transaction (same thread, same connection).
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

import hypothesis
import jwt
import pytest
import schemathesis
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from plus1.api import openapi, registry

if TYPE_CHECKING:
    from schemathesis.schemas import BaseSchema

# PLUS1_FUZZ_EXAMPLES raises the bound for a deeper local run (CI keeps the default).
MAX_EXAMPLES = int(os.environ.get("PLUS1_FUZZ_EXAMPLES", "5"))
# The token and the database belong to the test, not to one example: every generated case of
# an operation may share them.
SHARED_FIXTURES = hypothesis.settings(suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture])
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def bounded_schema(document: dict | str, app) -> BaseSchema:
    """Load a document (dict or file path) for in-process WSGI calls with the fuzz bounds set."""
    if isinstance(document, dict):
        schema = schemathesis.openapi.from_dict(document)
    else:
        schema = schemathesis.openapi.from_path(document)
    schema.app = app
    schema.config.phases.update(phases=["examples", "fuzzing"])
    schema.config.generation.update(max_examples=MAX_EXAMPLES, deterministic=True)
    return schema


def zgw_token(client_id: str, secret: str) -> str:
    """An HS256 token with the claims the ZGW scheme requires (shared/standards/zgw/README.md)."""
    claims = {
        "iss": client_id,
        "iat": int(time.time()),
        "client_id": client_id,
        "user_id": "fuzz",
        "user_representation": "Fuzz test",
    }
    return jwt.encode(claims, secret, algorithm="HS256")


def check(case, headers: dict[str, str]) -> None:
    case.call_and_validate(headers=headers, checks=CHECKS)


@pytest.fixture
def in_process_db(db):
    """The test's database connection stays open across in-process requests.

    A WSGI request ends with ``close_old_connections``, which closes a connection that is inside
    a transaction (the test's): PostgreSQL then fails every later query. Django's test client
    disconnects it for the same reason.
    """
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def zgw_headers(in_process_db, gemeente_a) -> dict[str, str]:
    testing = pytest.importorskip(
        "plus1.api.common.testing", reason="plus1.api.common.testing (make_client) does not exist yet"
    )
    make_client = getattr(testing, "make_client", None)
    if make_client is None:
        pytest.skip("plus1.api.common.testing.make_client does not exist yet")
    # Everything on the case data, but the fuzzer cannot change or delete applications, its own
    # included (a client with heeftAlleAutorisaties once renamed itself mid-run).
    client_id, secret = make_client(gemeente_a, case_data=True)
    return {"Authorization": f"Bearer {zgw_token(client_id, secret)}"}


def _api_test(spec: registry.ApiSpec):
    from plus1.wsgi import application

    schema = bounded_schema(str(spec.openapi_path), application)

    @schema.parametrize()
    @SHARED_FIXTURES
    def test_api_answers_as_its_document_says(case, zgw_headers):
        check(case, zgw_headers)

    return test_api_answers_as_its_document_says


FUZZED = [spec for spec in registry.existing_apis() if spec.openapi_path.is_file()]
for _spec in FUZZED:
    globals()[f"test_{_spec.name}_api_answers_as_its_document_says"] = _api_test(_spec)


@pytest.mark.skipif(bool(FUZZED), reason="the APIs themselves are fuzzed")
def test_a_zgw_api_exists_to_fuzz():
    pytest.skip("no ZGW API with a committed openapi.yaml exists yet")


# --- the harness on a fake API -------------------------------------------------------------


def _fake_schema() -> BaseSchema:
    from django.core.handlers.wsgi import WSGIHandler

    from tests.api import fake_urls

    spec = registry.ApiSpec("dingen", "1.0.0", "fake", "")
    return bounded_schema(openapi.build_document(spec, fake_urls.api), WSGIHandler())


fake_schema = _fake_schema()


@pytest.fixture
def fake_headers(in_process_db, settings) -> dict[str, str]:
    from tests.api import fake_urls

    settings.ROOT_URLCONF = "tests.api.fake_urls"
    return {"Authorization": f"Bearer {zgw_token(fake_urls.CLIENT_ID, fake_urls.SECRET)}"}


@fake_schema.parametrize()
@SHARED_FIXTURES
def test_harness_fuzzes_a_fake_api_in_process_with_a_token(case, fake_headers):
    check(case, fake_headers)


def test_harness_reports_an_undocumented_answer(in_process_db, settings):
    from django.core.handlers.wsgi import WSGIHandler
    from schemathesis.core.failures import FailureGroup

    from tests.api import fake_urls

    settings.ROOT_URLCONF = "tests.api.fake_urls"
    document = openapi.build_document(registry.ApiSpec("dingen", "1.0.0", "fake", ""), fake_urls.api)
    del document["paths"]["/dingen/{uuid}"]["get"]["responses"]["404"]
    operation = bounded_schema(document, WSGIHandler())["/dingen/{uuid}"]["GET"]
    headers = {"Authorization": f"Bearer {zgw_token(fake_urls.CLIENT_ID, fake_urls.SECRET)}"}
    with pytest.raises(FailureGroup, match="404"):
        check(operation.Case(path_parameters={"uuid": "x"}), headers)
