"""The coordinator's overview: filters, pages of 25, and a fixed number of queries per page."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from plus1.core import clock
from plus1.incidents.constants import Category, Channel

from .core_fixtures import log_in, report

pytestmark = pytest.mark.django_db
LIST = reverse("backoffice:incident-list")


@pytest.fixture
def incidents(gemeente_a, employee_a, colleague_a):
    now = clock.now()
    return {
        "threat": report(tenant=gemeente_a, reporter=employee_a, categories=[Category.BEDREIGING]),
        "phone": report(
            tenant=gemeente_a,
            reporter=employee_a,
            channel=Channel.TELEFOON,
            categories=[Category.VERBAAL],
            occurred_at=now - datetime.timedelta(days=40),
        ),
        "violence": report(
            tenant=gemeente_a, reporter=colleague_a, categories=[Category.FYSIEK, Category.VERNIELING]
        ),
    }


def numbers(response) -> set[str]:
    return {incident.number for incident in response.context["rows"]}


def test_the_filters_narrow_the_list(client, incidents, coordinator_a):
    log_in(client, coordinator_a)
    assert numbers(client.get(LIST)) == {i.number for i in incidents.values()}
    assert numbers(client.get(LIST, {"category": "fysiek"})) == {incidents["violence"].number}
    assert numbers(client.get(LIST, {"channel": "telefoon"})) == {incidents["phone"].number}
    since = (clock.today() - datetime.timedelta(days=7)).isoformat()
    assert incidents["phone"].number not in numbers(client.get(LIST, {"van": since}))
    assert numbers(client.get(LIST, {"status": "closed"})) == set()


def test_a_period_that_ends_before_it_starts_says_so(client, incidents, coordinator_a):
    log_in(client, coordinator_a)
    response = client.get(LIST, {"van": "2026-05-01", "tot": "2026-04-01"})
    assert response.status_code == 400
    assert "De begindatum moet voor de einddatum liggen" in response.content.decode()


def test_the_list_shows_no_person(client, gemeente_a, employee_a, zaak_a, coordinator_a):
    from .core_fixtures import resident_of

    report(tenant=gemeente_a, reporter=employee_a, zaak=zaak_a, person=resident_of(zaak_a))
    log_in(client, coordinator_a)
    assert "Suzanne" not in client.get(LIST).content.decode()


def test_the_list_costs_the_same_queries_for_3_or_30_reports(client, gemeente_a, employee_a, coordinator_a):
    for _ in range(3):
        report(tenant=gemeente_a, reporter=employee_a)
    log_in(client, coordinator_a)
    client.get(LIST)
    with CaptureQueriesContext(connection) as few:
        client.get(LIST)
    for _ in range(27):
        report(tenant=gemeente_a, reporter=employee_a)
    with CaptureQueriesContext(connection) as many:
        response = client.get(LIST)
    assert len(many) == len(few)
    assert len(response.context["rows"]) == 25
    second = client.get(LIST, {"pagina": 2})
    assert len(second.context["rows"]) == 5


def test_a_long_list_says_more_than_and_asks_for_filters(client, incidents, coordinator_a, monkeypatch):
    monkeypatch.setattr("plus1.backoffice.incident_views.COUNT_CAP", 2)
    log_in(client, coordinator_a)
    body = client.get(LIST).content.decode()
    assert "Meer dan 2 meldingen" in body
