"""The Klantwaardering pages in the back office: who sees them, what they show, the exports."""

import csv
import datetime
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from plus1.accounts.constants import Role
from plus1.accounts.models import Team
from plus1.cases.tests.sharing import ggd
from plus1.catalog.services import adopt_process
from plus1.feedback.constants import Channel
from plus1.feedback.tests.factories import AnswerFactory, base_process, monthly, other_gemeenten, settings_for

from .conftest import log_in, make_employee, make_partner_employee

pytestmark = pytest.mark.django_db

DASHBOARD = "/backoffice/klantwaardering/"
THEMES = "/backoffice/klantwaardering/themas/"
BENCHMARK = "/backoffice/klantwaardering/benchmark/"
NATIONAL = "/backoffice/klantwaardering/landelijk/"
EXPORT = "/backoffice/klantwaardering/export/"
GEMEENTE_PAGES = [DASHBOARD, THEMES, BENCHMARK, EXPORT]
BSN = "999993653"


@pytest.fixture
def paspoort(gemeente_a, actor):
    process = base_process("Paspoort aanvragen")
    adopt_process(gemeente=gemeente_a, zaaktype=process.versions.get(), actor=actor)
    return process


@pytest.fixture
def figures(gemeente_a, gemeente_b, team_a, paspoort):
    today = datetime.date.today()
    for score, effort, text in [(9, 5, "Snel geholpen"), (7, 4, "De brief was onduidelijk"), (5, 2, "")]:
        AnswerFactory(
            tenant=gemeente_a, process=paspoort, team=team_a, score=score, effort=effort, improvement=text,
            answered_on=today,
        )  # fmt: skip
    AnswerFactory(tenant=gemeente_b, score=1, improvement=f"Mijn BSN is {BSN}, bel Jan Jansen")
    monthly(gemeente_a, paspoort, answered=3, average=7, invited=12)


@pytest.fixture
def kwaliteit_a(gemeente_a, actor):
    return make_employee("kwaliteit-a", gemeente=gemeente_a, role=Role.KWALITEITSMEDEWERKER, actor=actor)


@pytest.fixture
def catalog_manager(collective, actor):
    return make_employee("catalogus", gemeente=collective, role=Role.CATALOG_MANAGER, actor=actor)


def test_the_urls_are_the_back_offices_klantwaardering():
    assert reverse("backoffice:feedback-dashboard") == DASHBOARD
    assert reverse("backoffice:feedback-benchmark") == BENCHMARK
    assert reverse("backoffice:feedback-national") == NATIONAL
    assert reverse("backoffice:feedback-export") == EXPORT


@pytest.mark.parametrize("url", GEMEENTE_PAGES)
def test_teamleider_and_kwaliteitsmedewerker_see_the_gemeentes_pages(client, url, teamleider_a, kwaliteit_a):
    for user in (teamleider_a, kwaliteit_a):
        client.logout()
        assert log_in(client, user).get(url).status_code == 200


@pytest.mark.parametrize("url", [*GEMEENTE_PAGES, NATIONAL])
def test_a_behandelaar_gets_no_access(client, url, behandelaar_a):
    response = log_in(client, behandelaar_a).get(url)
    assert response.status_code == 403
    assert "Klantwaardering" not in response.text


@pytest.mark.parametrize("url", [*GEMEENTE_PAGES, NATIONAL])
def test_a_partner_employee_gets_no_access(client, url, actor):
    partner = make_partner_employee("ggd-arts", partner=ggd(), actor=actor)
    assert log_in(client, partner).get(url).status_code == 403


@pytest.mark.parametrize("url", [*GEMEENTE_PAGES, NATIONAL])
def test_a_resident_or_a_visitor_is_sent_to_the_back_office_login(client, url):
    assert client.get(url).status_code == 302
    resident = get_user_model().objects.create_user(username="inwoner", password="een-lang-wachtwoord")
    client.force_login(resident)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/backoffice/inloggen/")


def test_the_collectives_catalog_manager_sees_the_national_view_only(client, catalog_manager):
    log_in(client, catalog_manager)
    assert client.get(NATIONAL).status_code == 200
    for url in GEMEENTE_PAGES:
        assert client.get(url).status_code == 403


def test_a_teamleider_does_not_get_the_national_view(client, teamleider_a):
    assert log_in(client, teamleider_a).get(NATIONAL).status_code == 403


def test_the_nav_shows_klantwaardering_to_those_who_may_see_it(
    client, teamleider_a, behandelaar_a, kwaliteit_a
):
    assert 'href="/backoffice/klantwaardering/"' in log_in(client, teamleider_a).get(DASHBOARD).text
    client.logout()
    assert 'href="/backoffice/klantwaardering/"' in log_in(client, kwaliteit_a).get(DASHBOARD).text
    client.logout()
    assert 'href="/backoffice/klantwaardering/"' not in log_in(client, behandelaar_a).get("/backoffice/").text


def test_the_dashboard_shows_the_gemeentes_figures_and_nothing_of_another(client, teamleider_a, figures):
    response = log_in(client, teamleider_a).get(DASHBOARD)

    summary = response.context["summary"]
    assert (summary.totals.answers, summary.totals.average) == (3, 7.0)
    assert summary.totals.easy_share == round(100 * 2 / 3, 1)
    assert (summary.response.invited, summary.response.rate) == (12, 25.0)
    assert 'data-figure="answers">3<' in response.text
    assert "<svg" in response.text and "<table" in response.text
    assert BSN not in response.text and "Jansen" not in response.text
    assert "<script" not in response.text and "style=" not in response.text


def test_a_teamleider_may_filter_on_any_team_and_channel(client, teamleider_a, figures, gemeente_a, team_a):
    other_team = Team.objects.create(tenant=gemeente_a, name="Burgerzaken")
    response = log_in(client, teamleider_a).get(DASHBOARD, {"team": other_team.pk})
    assert response.context["summary"].totals.answers == 0
    response = client.get(DASHBOARD, {"team": team_a.pk, "kanaal": Channel.ONLINE})
    assert response.context["summary"].totals.answers == 3


def test_odd_filters_give_a_dutch_message_not_an_error(client, teamleider_a, figures, team_b):
    response = log_in(client, teamleider_a).get(
        DASHBOARD, {"team": team_b.pk, "kanaal": "fax", "periode": "999", "proces": "abc"}
    )
    assert response.status_code == 200
    assert "Kies een team uit de lijst." in response.text
    assert "Kies een kanaal uit de lijst." in response.text
    assert "Kies een periode uit de lijst." in response.text
    assert response.context["summary"].totals.answers == 3  # the filters that failed are left out


def test_the_themes_page_shows_the_words_and_how_many_texts_it_read(client, kwaliteit_a, figures):
    response = log_in(client, kwaliteit_a).get(THEMES)
    assert response.status_code == 200
    themes = {theme.key: theme for theme in response.context["overview"].themes}
    assert themes["uitleg"].answers == 1
    assert "onduidelijk (1)" in response.text
    assert "We lazen alle 2 antwoorden met tekst" in response.text
    assert "De brief was onduidelijk" not in response.text  # words, never the text
    assert BSN not in response.text


def test_the_csv_export_has_the_figures(client, teamleider_a, figures):
    response = log_in(client, teamleider_a).get(EXPORT, {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode()), delimiter=";"))
    total = next(row for row in rows if row["onderdeel"] == "totaal")
    assert (total["antwoorden"], total["gemiddeld_cijfer"]) == ("3", "7")
    nine = next(row for row in rows if row["onderdeel"] == "verdeling" and row["label"] == "cijfer 9")
    assert nine["antwoorden"] == "1"
    assert BSN not in response.content.decode()


def test_the_json_export_has_the_same_figures(client, kwaliteit_a, figures):
    response = log_in(client, kwaliteit_a).get(EXPORT, {"format": "json"})
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["totaal"]["antwoorden"] == 3
    assert data["respons"] == {"uitgenodigd": 12, "beantwoord": 3, "percentage": 25.0}
    assert [row["antwoorden"] for row in data["verdeling"]] == [0, 0, 0, 0, 1, 0, 1, 0, 1, 0]
    assert BSN not in response.content.decode()


def test_an_unknown_export_format_gets_a_dutch_message(client, teamleider_a):
    response = log_in(client, teamleider_a).get(EXPORT, {"format": "xlsx"})
    assert response.status_code == 400
    assert "Kies csv of json" in response.content.decode()


def test_the_benchmark_page_names_no_other_gemeente_without_consent(
    client, teamleider_a, gemeente_a, paspoort
):
    others = other_gemeenten(5, exclude=[gemeente_a])
    monthly(gemeente_a, paspoort, answered=10, average=8)
    for gemeente, average in zip(others, [6, 7, 8, 9, 10], strict=True):
        monthly(gemeente, paspoort, answered=10, average=average)
    settings_for(others[4], is_named_in_benchmark=True)

    response = log_in(client, teamleider_a).get(BENCHMARK)
    assert response.status_code == 200
    [row] = response.context["rows"]
    assert row.score.median == 8.0
    assert others[4].name in response.text
    for gemeente in others[:4]:
        assert gemeente.name not in response.text


def test_the_benchmark_page_says_when_there_are_too_few_gemeenten(client, teamleider_a, gemeente_a, paspoort):
    monthly(gemeente_a, paspoort, answered=10, average=8)
    response = log_in(client, teamleider_a).get(BENCHMARK)
    assert "Te weinig gemeenten om te vergelijken" in response.text


def test_the_national_view_shows_every_process_without_names(client, catalog_manager, gemeente_a, paspoort):
    others = other_gemeenten(5, exclude=[gemeente_a])
    for gemeente in [gemeente_a, *others]:
        monthly(gemeente, paspoort, answered=10, average=8)
    response = log_in(client, catalog_manager).get(NATIONAL)
    assert response.status_code == 200
    [row] = response.context["rows"]
    assert (row.gemeenten, row.answers, row.score.median) == (6, 60, 8.0)
    assert gemeente_a.name not in response.text
    assert 'href="/backoffice/klantwaardering/landelijk/"' in response.text


def test_a_team_name_like_a_formula_is_no_formula_in_the_csv(client, teamleider_a, gemeente_a):
    team = Team.objects.create(tenant=gemeente_a, name="=HYPERLINK(1)")
    AnswerFactory(tenant=gemeente_a, team=team, score=6)
    body = log_in(client, teamleider_a).get(EXPORT, {"format": "csv"}).content.decode()
    assert ";'=HYPERLINK(1);" in body
    assert ";=HYPERLINK" not in body
