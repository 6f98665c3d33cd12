"""The portal's search page over the router, its query log, and "what to do" on every product page."""

import time

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse

from plus1.catalog.models import Product
from plus1.catalog.routing import ClarifyChoice, Elsewhere, ProductMatch, Reason, RouteAnswer
from plus1.portal import search_views
from plus1.portal.product_pages import how_to_arrange
from plus1.routing.constants import Outcome
from plus1.routing.models import SearchQuery

pytestmark = pytest.mark.django_db

BSN = "999993653"


def _product(name):
    return Product.objects.get(upl_name=name)


def _vague(query):
    return RouteAnswer(
        query=query,
        normalized_query=query,
        products=[ProductMatch(product=_product("wmo-voorziening"), score=5.0)],
        clarify=[
            ClarifyChoice(key="hulp-thuis", label="Zorg of hulp thuis", query="hulp bij het huishouden"),
            ClarifyChoice(key="vervoer", label="Vervoer", query="regiotaxi scootmobiel"),
        ],
        clarify_question="Gaat het om zorg of hulp thuis, of vervoer?",
    )


def _clear(query):
    reason = Reason(kind="synoniem", matched="regiotaxi", via="regiotaxi")
    return RouteAnswer(
        query=query,
        normalized_query=query,
        products=[ProductMatch(product=_product("regiotaxi"), score=20.0, reasons=(reason,))],
    )


def _elsewhere(query):
    uwv = Elsewhere(
        key="uwv",
        name="UWV",
        explanation="Een WW-uitkering vraagt u aan bij UWV.",
        url="https://www.uwv.nl/",
        score=30.0,
    )
    return RouteAnswer(query=query, normalized_query=query, elsewhere=[uwv])


@pytest.fixture
def router(monkeypatch):
    """Answer like the router would, so these tests are about the page and not the ranking."""

    def route(query, *, gemeente=None, limit=5):
        if query.startswith("mijn moeder"):
            return _vague(query)
        if query.startswith("ww"):
            return _elsewhere(query)
        if "regiotaxi" in query or "kliko" in query:
            return _clear(query)
        return RouteAnswer(query=query, normalized_query=query)

    monkeypatch.setattr(search_views, "route", route)


def _search(client, gemeente, **params):
    return client.get(reverse("portal:search", args=[gemeente.slug]), params)


def test_a_vague_question_gets_two_or_three_choices_that_lead_to_the_refined_answer(
    client, gemeente_a, router
):
    page = _search(client, gemeente_a, q="mijn moeder kan niet meer alleen wonen")

    assert "Gaat het om zorg of hulp thuis, of vervoer?" in page.text
    choices = page.context["page"].choices
    assert [c.label for c in choices] == ["Zorg of hulp thuis", "Vervoer"]
    vague = SearchQuery.objects.get(outcome=Outcome.CLARIFY)

    refined = client.get(choices[1].path)

    assert "Regiotaxi" in refined.text
    vague.refresh_from_db()
    assert vague.clarify_choice == "vervoer", "the choice is noted: this vague question did not fail"
    assert SearchQuery.objects.get(query="regiotaxi scootmobiel").is_from_clarify


def test_each_result_says_why_it_came_up_and_opening_it_is_noted(client, gemeente_a, router):
    page = _search(client, gemeente_a, q="regiotaxi")

    result = page.context["page"].results[0]
    assert result.why == "Waarom: u zocht op 'regiotaxi'."
    assert "Waarom: u zocht op &#x27;regiotaxi&#x27;." in page.text

    opened = client.get(result.choose_path)

    assert opened.status_code == 302
    assert opened["Location"] == reverse("portal:product-detail", args=[gemeente_a.slug, "regiotaxi"])
    assert SearchQuery.objects.get().chosen_product == _product("regiotaxi")


def test_a_question_for_another_organisation_says_so_with_its_link(client, gemeente_a, router):
    page = _search(client, gemeente_a, q="ww uitkering aanvragen")

    assert "Dit regelt u niet bij de gemeente" in page.text
    assert 'href="https://www.uwv.nl/"' in page.text
    assert SearchQuery.objects.get().outcome == Outcome.ELSEWHERE


def test_no_answer_offers_the_a_to_z_list_and_the_gemeentes_contact(client, gemeente_a, router):
    gemeente_a.contact_phone = "14 030"
    gemeente_a.save()

    page = _search(client, gemeente_a, q="qqqzzz")

    assert "We vonden niets" in page.text
    assert 'href="tel:14030"' in page.text
    assert SearchQuery.objects.get().outcome == Outcome.NO_ANSWER


def test_a_bsn_typed_in_the_search_box_is_never_stored(client, gemeente_a, router):
    _search(client, gemeente_a, q=f"kliko kapot mijn bsn is {BSN}")
    _search(client, gemeente_a, q=f"mijn moeder {BSN[:3]} {BSN[3:6]} {BSN[6:]}")

    stored = list(SearchQuery.objects.values_list("query", "understood", "shown"))
    assert len(stored) == 2
    assert BSN not in str(stored) and BSN[3:6] + " " + BSN[6:] not in str(stored)


def test_a_choice_with_another_gemeentes_question_is_not_noted(client, gemeente_a, gemeente_b, router):
    _search(client, gemeente_a, q="regiotaxi")
    token = SearchQuery.objects.get().token

    response = client.get(
        reverse("portal:search-choice", args=[gemeente_b.slug]), {"zoekvraag": token, "product": "regiotaxi"}
    )

    assert response.status_code == 302
    assert SearchQuery.objects.get().chosen_product is None


@pytest.mark.parametrize(
    "params", [{}, {"product": "bestaat-niet"}, {"product": "x" * 500, "zoekvraag": "x"}]
)
def test_opening_an_unknown_product_from_the_results_is_not_found(client, gemeente_a, params):
    assert client.get(reverse("portal:search-choice", args=[gemeente_a.slug]), params).status_code == 404


def test_the_json_answer_keeps_its_fields_adds_choices_and_is_not_logged(client, gemeente_a, router):
    vague = client.get(reverse("portal:search-json", args=[gemeente_a.slug]), {"q": "mijn moeder"}).json()
    other = client.get(reverse("portal:search-json", args=[gemeente_a.slug]), {"q": "ww"}).json()

    assert set(vague["results"][0]) == {"uniforme_productnaam", "upl_uri", "title", "url"}
    assert [c["label"] for c in vague["keuzevraag"]["keuzes"]] == ["Zorg of hulp thuis", "Vervoer"]
    assert vague["keuzevraag"]["keuzes"][0]["url"].startswith("http://testserver/")
    assert other["elders"] == [
        {"naam": "UWV", "uitleg": "Een WW-uitkering vraagt u aan bij UWV.", "url": "https://www.uwv.nl/"}
    ]
    assert not SearchQuery.objects.exists()


def test_every_upl_product_says_how_to_arrange_it_without_an_online_form(gemeente_a):
    products = list(Product.objects.all())
    assert len(products) == 512

    for product in products:
        how_to = how_to_arrange(gemeente=gemeente_a, product=product, adoption=None)
        assert how_to.intro.startswith(("Dit ", "Deze subsidie ")) and gemeente_a.name in how_to.intro
        assert how_to.no_ways or how_to.ways
        assert how_to.mention.startswith("Zeg dat het gaat over: ")


def test_a_product_page_without_an_online_form_gives_the_gemeentes_contact_details(client, gemeente_a):
    gemeente_a.contact_phone = "14 030"
    gemeente_a.contact_email = "info@utrecht.example"
    gemeente_a.website = "https://www.utrecht.nl/"
    gemeente_a.visiting_address = "Stadsplateau 1\n3521 AZ Utrecht"
    gemeente_a.save()

    page = client.get(reverse("portal:product-detail", args=[gemeente_a.slug, "afvalcontainer"]))

    assert page.status_code == 200
    assert "Hoe regelt u het?" in page.text
    assert 'href="tel:14030"' in page.text
    assert 'href="mailto:info@utrecht.example"' in page.text
    assert 'href="https://www.utrecht.nl/"' in page.text
    assert "Kom langs aan de balie: Stadsplateau 1 3521 AZ Utrecht" in page.text
    assert "Zeg dat het gaat over: Afvalcontainer." in page.text


def test_a_product_page_of_a_gemeente_without_contact_details_still_says_what_to_do(client, gemeente_b):
    page = client.get(reverse("portal:product-detail", args=[gemeente_b.slug, "woningaanpassing"]))

    assert f"Dit vraagt u aan bij de gemeente {gemeente_b.name}." in page.text
    assert f"Neem contact op met de gemeente {gemeente_b.name}." in page.text


def test_one_address_cannot_flood_the_query_log(client, gemeente_a, router, settings):
    settings.PLUS1_RATELIMIT_SEARCH = "2/m"
    cache.clear()
    with time_machine.travel(time.time(), tick=False):
        statuses = [_search(client, gemeente_a, q=f"regiotaxi {n}").status_code for n in range(3)]

    assert statuses == [200, 200, 429]
    assert SearchQuery.objects.count() == 2
