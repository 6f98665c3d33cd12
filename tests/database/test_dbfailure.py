"""A database that cannot be reached: 503 with Retry-After and a clear answer, never a 500."""

from __future__ import annotations

import json

import psycopg.errors
import pytest
from django.db import IntegrityError, InterfaceError, InternalError, OperationalError, connection
from django.template.loader import render_to_string
from django.test import Client

from plus1.core.dbfailure import RETRY_AFTER_SECONDS, is_database_unavailable


def refuse_every_query(execute, sql, params, many, context):
    raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")


def refuse_from_insert(number: int):
    """Let statements through until the ``number``-th INSERT: it meets a database gone away."""
    seen = []

    def wrapper(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("INSERT"):
            seen.append(sql)
            if len(seen) >= number:
                raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    return wrapper


def read_only_error() -> InternalError:
    error = InternalError("cannot execute INSERT in a read-only transaction")
    error.__cause__ = psycopg.errors.ReadOnlySqlTransaction(
        "cannot execute INSERT in a read-only transaction"
    )
    return error


@pytest.mark.parametrize(
    ("exc", "unavailable"),
    [
        (OperationalError("connection refused"), True),
        (InterfaceError("connection already closed"), True),
        # A leader that became a replica after a failover.
        (read_only_error(), True),
        (IntegrityError("duplicate key"), False),
        (ValueError("ours"), False),
        (None, False),
    ],
)
def test_which_errors_mean_the_database_is_unavailable(exc, unavailable):
    assert is_database_unavailable(exc) is unavailable


def test_the_page_needs_no_context_and_says_what_happened_to_a_form():
    page = render_to_string("503.html")
    assert "Het systeem is even niet bereikbaar" in page
    assert "niet opgeslagen" in page


def assert_dutch_page(response) -> None:
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "Het systeem is even niet bereikbaar" in response.content.decode()


@pytest.mark.django_db
def test_a_portal_page_without_database_answers_503(gemeente_a):
    client = Client(raise_request_exception=False)
    with connection.execute_wrapper(refuse_every_query):
        response = client.get("/utrecht/producten/")
    assert_dutch_page(response)


@pytest.mark.django_db
def test_a_back_office_page_without_database_answers_503(gemeente_a, actor):
    from plus1.backoffice.tests.conftest import log_in, make_employee

    client = log_in(
        Client(raise_request_exception=False), make_employee("behandelaar", gemeente=gemeente_a, actor=actor)
    )
    with connection.execute_wrapper(refuse_every_query):
        response = client.get("/backoffice/")
    assert_dutch_page(response)


def zgw_headers(gemeente) -> dict[str, str]:
    from plus1.api.common.testing import make_client, make_token

    return {
        "Authorization": f"Bearer {make_token(*make_client(gemeente))}",
        "Accept-Crs": "EPSG:4326",
        "Content-Crs": "EPSG:4326",
    }


def assert_problem(response) -> None:
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    body = json.loads(response.content)
    assert body["code"] == "database-unavailable"
    assert body["status"] == 503
    assert "niet bereikbaar" in body["title"]


@pytest.mark.django_db
def test_a_zgw_list_without_database_answers_503_with_a_problem_body(gemeente_a):
    headers = zgw_headers(gemeente_a)
    with connection.execute_wrapper(refuse_every_query):
        response = Client(raise_request_exception=False).get("/zaken/api/v1/zaken", headers=headers)
    assert_problem(response)


@pytest.mark.django_db
def test_a_zgw_create_that_loses_the_database_halfway_stores_nothing(gemeente_a):
    from plus1.cases.models import Zaak
    from plus1.cases.tests.factories import adopt_with_team, handling_zaaktype

    zaaktype = handling_zaaktype()
    adopt_with_team(gemeente=gemeente_a, zaaktype=zaaktype)
    body = {
        "zaaktype": f"http://testserver/catalogi/api/v1/zaaktypen/{zaaktype.uuid}",
        "bronorganisatie": "100000009",
        "verantwoordelijkeOrganisatie": "100000009",
        "startdatum": "2026-11-02",
    }
    client = Client(raise_request_exception=False)
    headers = zgw_headers(gemeente_a)
    before = Zaak.objects.count()

    with connection.execute_wrapper(refuse_from_insert(2)):
        response = client.post("/zaken/api/v1/zaken", body, content_type="application/json", headers=headers)

    assert_problem(response)
    assert Zaak.objects.count() == before
    # And with the database back, the same request is stored.
    assert (
        client.post("/zaken/api/v1/zaken", body, content_type="application/json", headers=headers).status_code
        == 201
    )
