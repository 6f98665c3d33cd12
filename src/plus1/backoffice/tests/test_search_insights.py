"""The collective's page of failing portal questions: who enters, and what it shows."""

import pytest
from django.urls import reverse

from plus1.accounts.constants import BACK_OFFICE_ROLES, Role
from plus1.backoffice.access import back_office_home, may_enter
from plus1.catalog.models import Product
from plus1.catalog.routing import ProductMatch, RouteAnswer
from plus1.routing import services
from plus1.tenants.services import create_partner_organisation

from .conftest import log_in, make_employee, make_partner_employee

pytestmark = pytest.mark.django_db

URL = "/backoffice/zoekvragen/"


def _ask(gemeente, query, *names):
    products = [ProductMatch(product=Product.objects.get(upl_name=n), score=1.0) for n in names]
    return services.log_search(
        tenant=gemeente, answer=RouteAnswer(query=query, normalized_query=query, products=products)
    )


@pytest.fixture
def questions(gemeente_a, gemeente_b):
    _ask(gemeente_a, "mijn buurman maakt lawaai")
    _ask(gemeente_a, "mijn buurman maakt lawaai")
    _ask(gemeente_b, "dakkapel bouwen bsn 999993653")
    clicked = _ask(gemeente_b, "parkeren", "parkeervergunning")
    services.record_choice(
        tenant=gemeente_b, token=clicked.token, product=Product.objects.get(upl_name="parkeervergunning")
    )


@pytest.fixture
def catalog_manager(collective, actor):
    return make_employee("catalogus", gemeente=collective, role=Role.CATALOG_MANAGER, actor=actor)


def test_the_url_is_the_back_offices_search_insights():
    assert reverse("backoffice:search-insights") == URL


def test_the_collective_sees_the_failing_questions_of_all_gemeenten(
    client, catalog_manager, questions, gemeente_a, gemeente_b
):
    response = log_in(client, catalog_manager).get(URL)

    assert response.status_code == 200
    shown = [q.query for q in response.context["questions"]]
    assert shown == ["mijn buurman maakt lawaai", "dakkapel bouwen bsn [nummer]"]
    assert "999993653" not in response.text
    assert [f.gemeente for f in response.context["per_gemeente"]] == sorted(
        [gemeente_a, gemeente_b], key=lambda g: g.name
    )
    assert (response.context["total"].asked, response.context["total"].failing) == (4, 3)


def test_the_collective_can_look_at_one_gemeente(client, catalog_manager, questions, gemeente_b):
    response = log_in(client, catalog_manager).get(URL, {"gemeente": gemeente_b.slug, "periode": "7"})

    assert [q.query for q in response.context["questions"]] == ["dakkapel bouwen bsn [nummer]"]
    assert "mijn buurman" not in response.text.split("Per gemeente")[0]


def test_an_unknown_gemeente_in_the_filter_gives_a_dutch_message(client, catalog_manager, questions):
    response = log_in(client, catalog_manager).get(URL, {"gemeente": "nergenshuizen", "periode": "x"})

    assert response.status_code == 200
    assert "Kies een gemeente uit de lijst" in response.text
    assert len(response.context["questions"]) == 2, "falls back to all gemeenten"


@pytest.mark.parametrize("role", BACK_OFFICE_ROLES)
def test_gemeente_staff_do_not_see_the_page_whatever_their_role(client, gemeente_a, questions, actor, role):
    employee = make_employee(f"a-{role}", gemeente=gemeente_a, role=role, actor=actor)

    response = log_in(client, employee).get(URL)

    assert response.status_code == 403
    assert "lawaai" not in response.text


def test_a_gemeente_beheerder_or_catalog_manager_of_a_gemeente_is_not_the_collective(
    client, gemeente_a, questions, actor
):
    employee = make_employee("a-catalogus", gemeente=gemeente_a, role=Role.CATALOG_MANAGER, actor=actor)

    assert log_in(client, employee).get(URL).status_code == 403


def test_a_chain_partner_and_anonymous_visitors_do_not_see_it(client, questions, actor):
    partner = make_partner_employee("ggd", partner=create_partner_organisation(name="GGD"), actor=actor)

    assert client.get(URL).status_code == 302
    assert log_in(client, partner).get(URL).status_code == 403


def test_without_the_second_factor_the_collective_signs_in_first(client, catalog_manager):
    client.force_login(catalog_manager)

    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("backoffice:login"))


def test_the_collective_may_sign_in_to_the_back_office_and_lands_on_the_page(catalog_manager):
    assert may_enter(catalog_manager)
    assert back_office_home(catalog_manager) == URL


def test_the_collectives_staff_find_the_national_klantwaardering_from_their_page(client, catalog_manager):
    log_in(client, catalog_manager)

    response = client.get(URL)

    assert reverse("backoffice:feedback-national") in response.text
