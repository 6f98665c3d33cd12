""" "Waar kan ik terecht?" in Chromium: a vague question, its clarifying choices, one chosen, the
product page; then the collective sees the question in the back office. Every page passes axe."""

import re

import pytest

from plus1.accounts.constants import Role
from plus1.accounts.selectors import current_totp_code
from plus1.backoffice.tests.conftest import make_employee
from plus1.routing.constants import Outcome
from plus1.routing.models import SearchQuery

from .conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

VAGUE = "mijn moeder kan niet meer alleen wonen"


def test_a_vague_question_its_choices_and_the_product_page(live_server, page, gemeente_a):
    page.goto(f"{live_server.url}/{gemeente_a.slug}/")
    # Keyboard only: type the question in the header's search box and press Enter.
    page.focus("#zoekterm")
    page.keyboard.type(VAGUE)
    page.keyboard.press("Enter")

    page.wait_for_selector("#keuzevraag")
    choices = page.locator(".choice-list a")
    assert 2 <= choices.count() <= 3
    question = page.inner_text("#keuzevraag")
    assert question.startswith("Gaat het om") and question.endswith("?")
    assert_accessible(page)  # on a phone (390 px)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_accessible(page)  # and on a desktop
    page.set_viewport_size({"width": 390, "height": 844})

    page.click(".choice-list a:has-text('Vervoer')")
    page.wait_for_url(re.compile(r"keuze=vervoer"))
    assert page.locator(".search-results li").count() >= 1
    assert "Waarom:" in page.inner_text(".search-results")
    assert_accessible(page)

    first = page.locator(".search-results__link").first
    title = first.inner_text()
    first.click()
    page.wait_for_url(re.compile(r"/producten/[a-z0-9-]+/$"))
    assert page.inner_text("h1") == title
    assert "Hoe regelt u het?" in page.content()
    assert_accessible(page)

    vague = SearchQuery.objects.get(query=VAGUE)
    assert (vague.outcome, vague.clarify_choice) == (Outcome.CLARIFY, "vervoer")
    assert SearchQuery.objects.get(is_from_clarify=True).chosen_product is not None


def test_the_collective_sees_the_failing_question_in_the_back_office(
    live_server, page, gemeente_a, collective, actor
):
    page.goto(f"{live_server.url}/{gemeente_a.slug}/zoeken/?q=qqqzzz+vraag")
    assert "We vonden niets" in page.content()
    assert_accessible(page)
    manager = make_employee("catalogus", gemeente=collective, role=Role.CATALOG_MANAGER, actor=actor)

    page.goto(f"{live_server.url}/backoffice/inloggen/")
    page.fill("#id_username", "catalogus")
    page.fill("#id_password", "een-lang-wachtwoord")
    page.click("button:has-text('Volgende')")
    page.wait_for_url(re.compile(r"/inloggen/code/"))
    page.fill("#id_code", current_totp_code(manager))
    page.click("button:has-text('Inloggen')")

    page.wait_for_url(re.compile(r"/backoffice/zoekvragen/$"))
    assert "qqqzzz vraag" in page.inner_text("table")
    assert_accessible(page)
