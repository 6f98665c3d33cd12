"""'Waar kan ik terecht?': everyday questions reach the right product, a clarifying question or
another organisation, with the reasons why. Runs on SQLite and PostgreSQL alike."""

import pytest

from plus1.catalog.models import Product
from plus1.catalog.routing import route
from plus1.catalog.routing.index import clear_index

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_index():
    # The index caches Product rows per process; each test reads its own database state.
    clear_index()
    yield
    clear_index()


def first(query: str) -> str:
    return route(query).products[0].product.upl_name


def top3(query: str) -> list[str]:
    return [m.product.upl_name for m in route(query).products[:3]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("mijn buurman maakt lawaai", {"meldpunt algemeen", "handhavingsverzoek"}),
        ("hulp bij huishouden", {"huishoudelijke hulp"}),
        ("ik ga verhuizen", {"verhuismelding"}),
        ("we krijgen een baby", {"geboorteaangifte"}),
        ("grofvuil", {"afvalinzameling grofvuil"}),
        ("kliko", {"afvalcontainer"}),
        ("mijn moeder kan niet meer alleen wonen", {"wmo-voorziening", "thuiszorg", "huishoudelijke hulp"}),
    ],
)
def test_the_issues_examples_route_to_the_right_product_first(query, expected):
    assert first(query) in expected


def test_the_issues_wrong_answers_are_gone():
    assert "bezwaar" not in top3("mijn buurman maakt lawaai")
    assert "hondenbelasting" not in top3("hulp bij huishouden")
    assert (
        top3("ik ga verhuizen")[1:] == [] or "bijzonderebijstandsuitkering" not in top3("ik ga verhuizen")[:2]
    )


def test_every_upl_gemeente_product_can_be_found_by_its_own_name():
    products = list(Product.objects.values_list("upl_name", flat=True))
    assert len(products) == 512
    placeholder = "UPL-naam nog niet beschikbaar"

    lost = [name for name in products if name not in top3(name) and name != placeholder]
    assert lost == []
    # The UPL's placeholder row is in the catalog but never an answer.
    assert placeholder not in top3(placeholder) + top3("upl naam")


def test_compounds_are_split_and_joined_both_ways():
    assert first("huishoudelijke hulp") == "huishoudelijke hulp"
    assert first("hulp bij het huishouden") == "huishoudelijke hulp"
    assert first("nieuwe afvalbakken") == "afvalcontainer"
    assert first("huis nummer voor mijn nieuwe huis") == "huisnummertoekenning"


def test_spoken_dutch_fillers_are_dropped_and_typos_corrected_with_a_reason():
    answer = route("Goedemorgen, ik wil graag even weten hoe ik mijn verhuizing moet doorgeven")
    assert answer.products[0].product.upl_name == "verhuismelding"
    assert answer.normalized_query == "verhuizing"

    typo = route("parkeervergunnig")
    assert typo.products[0].product.upl_name == "parkeervergunning"
    assert ("parkeervergunnig", "parkeervergunning") in {
        (r.matched, r.via) for r in typo.products[0].reasons if r.kind == "spelling"
    }


def test_every_product_says_why_it_came_up_and_where_the_mapping_comes_from():
    answer = route("we krijgen een baby")

    assert all(match.reasons for match in answer.products)
    situation = next(r for r in answer.products[0].reasons if r.kind == "situatie")
    assert situation.via == "we krijgen een baby"
    assert situation.source.startswith("Rijksoverheid")
    assert situation.label


def test_a_question_for_another_organisation_says_where_to_go_instead():
    answer = route("huurtoeslag aanvragen")

    assert answer.is_elsewhere_first
    assert answer.elsewhere[0].key == "toeslagen"
    assert answer.elsewhere[0].url.startswith("https://")
    assert "Toeslagen" in answer.elsewhere[0].explanation
    assert answer.ranked_keys()[0] == "elsewhere:toeslagen"


def test_the_gemeente_part_of_a_shared_subject_stays_with_the_gemeente():
    # The CAK collects the Wmo contribution; the Wmo care itself is the gemeente's.
    assert route("eigen bijdrage wmo te hoog").elsewhere[0].key == "cak"
    assert route("scootmobiel aanvragen").elsewhere == []
    assert route("rijbewijs verlengen").elsewhere == []


def test_a_vague_question_gets_two_or_three_choices_that_each_lead_somewhere_clear():
    answer = route("mijn moeder kan niet meer alleen wonen")

    assert answer.clarify_question == "Gaat het om zorg of hulp thuis, een aanpassing in huis, of vervoer?"
    assert 2 <= len(answer.clarify) <= 3
    # One best guess per choice comes first, each with its reason.
    guesses = {m.product.upl_name for m in answer.products[: len(answer.clarify)]}
    for choice in answer.clarify:
        assert guesses & {p.upl_name for p in choice.products}, choice.label
    assert all(match.reasons for match in answer.products)
    for choice in answer.clarify:
        assert choice.products
        followed = route(choice.query)
        assert followed.clarify == [], choice.query
        assert {m.product.upl_name for m in followed.products[:3]} & {p.upl_name for p in choice.products}


def test_a_clear_question_is_not_clarified():
    assert route("hulp bij het huishouden").clarify == []
    assert route("traplift voor mijn moeder").clarify == []
    assert route("parkeervergunning").clarify == []


@pytest.mark.parametrize(
    "query", ["", "   ", "!!!???", "ik", "a" * 5000, "'; DROP TABLE catalog_product; --", "ü" * 300]
)
def test_odd_input_gives_an_answer_or_none_but_never_an_error(query):
    answer = route(query)
    assert len(answer.products) <= 5
    if not query.strip(" !?"):
        assert not answer.has_answer


def test_the_limit_caps_the_products():
    assert len(route("vergunning", limit=2).products) == 2
