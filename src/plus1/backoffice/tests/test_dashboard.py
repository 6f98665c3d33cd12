"""The team lead sees the figures of their own team at their own gemeente, as charts and tables."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from plus1.cases.tests.dated_zaken import adopted, zaak_on

from .conftest import log_in

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = datetime.datetime(2026, 3, 4, 12, tzinfo=datetime.UTC)


@pytest.fixture
def zaken_a(gemeente_a, team_a, behandelaar_a):
    adoption = adopted(gemeente_a, team=team_a, lead_time="P2W")
    zaak_on(adoption, D(2026, 1, 5), assignee=behandelaar_a)  # overdue since 19 January
    zaak_on(adoption, D(2026, 2, 23))
    zaak_on(adoption, D(2026, 1, 5), ended_on=D(2026, 1, 15))
    zaak_on(adoption, D(2026, 1, 5), ended_on=D(2026, 1, 25))
    return adoption


@time_machine.travel(TODAY, tick=False)
def test_team_lead_sees_workload_lead_times_and_overdue_trend(client, teamleider_a, zaken_a):
    response = log_in(client, teamleider_a).get(reverse("backoffice:dashboard"))

    assert response.status_code == 200
    page = response.text
    assert "Cijfers van uw team: Vergunningen." in page
    assert "<strong>1</strong> open zaak is over de uiterste einddatum." in page
    # Charts have a title for screen readers and a table with the same numbers.
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" role="img"') == 4
    assert '<th scope="row">Anna de Vries</th><td>1</td>' in page
    assert '<th scope="row">Niet toegewezen</th><td>1</td>' in page
    assert '<th scope="row">Ontvangen</th><td>2</td>' in page
    # Lead time: 10 and 20 days: median 15, 90% within 20.
    assert '<th scope="row">Parkeervergunning aanvragen</th><td>2</td><td>15</td><td>20</td>' in page
    assert '<th scope="row">week 10</th><td>1</td>' in page
    assert 'aria-current="page"' in page and ">Dashboard</a>" in page


def test_a_behandelaar_cannot_open_the_dashboard_and_does_not_see_the_link(client, behandelaar_a):
    log_in(client, behandelaar_a)

    assert client.get(reverse("backoffice:dashboard")).status_code == 403
    assert ">Dashboard</a>" not in client.get(reverse("backoffice:inbox")).text


@time_machine.travel(TODAY, tick=False)
def test_team_lead_of_another_gemeente_sees_none_of_these_zaken(client, teamleider_b, zaken_a):
    page = log_in(client, teamleider_b).get(reverse("backoffice:dashboard")).text

    assert "Gemeente Groningen" in page
    assert "<strong>0</strong> open zaken zijn over de uiterste einddatum." in page
    assert "Anna de Vries" not in page and "Parkeervergunning" not in page
    assert "Nog geen gegevens." in page


def test_the_dashboard_asks_for_a_log_in(client):
    response = client.get(reverse("backoffice:dashboard"))

    assert response.status_code == 302 and response.url.startswith(reverse("backoffice:login"))
