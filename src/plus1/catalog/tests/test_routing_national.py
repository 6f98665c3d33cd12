"""Questions about national law and policy, and questions no gemeente product fits, are not
answered with a loose gemeente guess: the organisation they belong to (often the Rijksoverheid,
rijksoverheid.nl / Postbus 51) comes first. Runs on SQLite and PostgreSQL alike."""

import pytest

from plus1.catalog.routing import route
from plus1.catalog.routing.index import clear_index
from plus1.catalog.routing.knowledge import knowledge

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_index():
    clear_index()
    yield
    clear_index()


@pytest.mark.parametrize(
    "query",
    [
        "Wanneer gaat de nieuwe wet over privacy in?",
        "Wat vindt het kabinet van kernenergie?",
        "Hoeveel vakantiedagen krijg ik volgens de wet?",
    ],
)
def test_a_question_about_national_law_or_policy_goes_to_the_rijksoverheid_first(query):
    answer = route(query)

    assert answer.is_elsewhere_first
    assert answer.elsewhere[0].key == "rijksoverheid"
    assert answer.elsewhere[0].url.startswith("https://www.rijksoverheid.nl")


def test_a_question_no_product_fits_is_offered_the_rijksoverheid_before_a_guess():
    # "hoog" is all a gemeente product shares with it: a guess, not an answer.
    answer = route("Hoe hoog is het minimumloon?")

    assert answer.ranked_keys()[0] == "elsewhere:rijksoverheid"
    reason = answer.elsewhere[0].reasons[0]
    assert reason.kind == "algemeen"
    assert reason.label == "geen product van de gemeente past goed bij deze vraag"
    assert reason.source.startswith("https://www.rijksoverheid.nl")


def test_an_organisation_the_question_names_goes_before_a_loose_guess():
    answer = route("Hoe voorkom ik dat mijn bankpas wordt geskimd bij de automaat?")

    assert answer.ranked_keys()[0] == "elsewhere:politie"


def test_a_named_organisation_goes_before_the_rijksoverheid_for_general_questions():
    # "overheid" is a word of national scope, but DigiD is who helps with logging in.
    assert route("inloggen bij de overheid lukt niet").ranked_keys()[0] == "elsewhere:digid"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("paspoort aanvragen in nederland", "paspoort"),
        ("ik ga verhuizen", "verhuismelding"),
        ("we krijgen een baby", "geboorteaangifte"),
    ],
)
def test_a_question_a_gemeente_product_answers_stays_with_the_gemeente(query, expected):
    answer = route(query)

    assert not answer.is_elsewhere_first
    assert answer.products[0].product.upl_name == expected


def test_gibberish_still_gets_no_answer_rather_than_the_rijksoverheid():
    assert not route("qqqq zzzz").has_answer


def test_the_national_scope_words_point_at_a_known_organisation_with_a_source():
    known = knowledge()
    national = [m for m in known.mappings if m.national]

    assert known.national_organisation in known.organisations
    assert len(national) > 20
    assert {m.targets for m in national} == {(known.national_organisation,)}
    assert all(m.source.startswith("https://") for m in national)


def test_a_known_word_with_an_ending_is_not_read_as_a_typo_of_that_word():
    # "politieke" is no typo of "politie": founding a party is no matter for the police.
    answer = route("Hoe richt ik een politieke partij op?")

    assert "elsewhere:politie" not in answer.ranked_keys()
    assert "politiekegroeperingsregistratie" in answer.ranked_keys()[:3]
    # A real typo is still corrected.
    assert route("paspoortt verlopen").products[0].product.upl_name == "paspoort"
