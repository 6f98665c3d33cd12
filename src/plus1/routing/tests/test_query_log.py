"""The portal's query log: anonymised questions, choices, retention and the failing overview."""

import datetime

import pytest
import time_machine
from django.test import override_settings

from plus1.catalog.models import Product
from plus1.catalog.routing import ClarifyChoice, Elsewhere, ProductMatch, RouteAnswer
from plus1.routing import selectors, services
from plus1.routing.anonymise import anonymise_query
from plus1.routing.constants import STORED_QUERY_LENGTH, Outcome
from plus1.routing.models import SearchQuery

pytestmark = pytest.mark.django_db

BSN = "999993653"


def _answer(query: str, *names: str, clarify: bool = False, elsewhere: bool = False) -> RouteAnswer:
    products = [ProductMatch(product=Product.objects.get(upl_name=n), score=1.0) for n in names]
    answer = RouteAnswer(query=query, normalized_query=query.lower(), products=products)
    if clarify:
        answer.clarify.extend(
            [
                ClarifyChoice(key="zorg-thuis", label="Zorg thuis", query="hulp bij het huishouden"),
                ClarifyChoice(key="vervoer", label="Vervoer", query="vervoer wmo"),
            ]
        )
    if elsewhere:
        answer.elsewhere.append(
            Elsewhere(
                key="uwv", name="UWV", explanation="Dit regelt u bij UWV.", url="https://www.uwv.nl/", score=9
            )
        )
    return answer


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (f"mijn bsn is {BSN} ik ga verhuizen", "mijn bsn is [nummer] ik ga verhuizen"),
        ("BSN 999 993 653 verhuizen", "bsn [nummer] verhuizen"),
        ("bel mij op 06-12345678 over de kliko", "bel mij op [nummer] over de kliko"),
        ("+31 6 1234 5678 grofvuil", "[nummer] grofvuil"),
        ("mail jan.de.vries@example.nl parkeren", "mail [e-mail] parkeren"),
        ("lantaarn kapot bij 3511 AB 12", "lantaarn kapot bij [adres]"),
        ("lawaai Kerkstraat 12a", "lawaai [adres]"),
        ("geboren 12-03-1980 aow", "geboren [datum] aow"),
        ("NL91 ABNA 0417 1643 00 terugbetalen", "[rekeningnummer] terugbetalen"),
        ("mijn buurman Jan Bakker maakt lawaai", "mijn buurman [naam] [naam] maakt lawaai"),
        ("zorg voor mijn moeder José Müller-Ávila", "zorg voor mijn moeder [naam] [naam]"),
        # Capitals at the start of a sentence and abbreviations are no names.
        ("Paspoort kwijt. Wat nu bij UWV?", "paspoort kwijt. wat nu bij uwv?"),
        # Short numbers say what the question is about and stay.
        ("3 kinderen en 65 jaar in 2026", "3 kinderen en 65 jaar in 2026"),
        ("wmo 2015 en vervoer", "wmo 2015 en vervoer"),
    ],
)
def test_what_could_identify_someone_is_taken_out_of_the_question(typed, stored):
    assert anonymise_query(typed) == stored


def test_a_bsn_in_a_question_is_never_stored(gemeente_a):
    services.log_search(tenant=gemeente_a, answer=_answer(f"verhuizen bsn {BSN}", "briefadres"))
    services.log_search(tenant=gemeente_a, answer=_answer(f"{BSN[:3]}.{BSN[3:6]}.{BSN[6:]}"))

    stored = list(SearchQuery.objects.values("query", "understood", "shown"))
    assert len(stored) == 2
    assert BSN not in str(stored)
    assert BSN[:3] + "." not in str(stored)


def test_a_name_is_also_taken_out_of_the_routers_reading_of_the_question(gemeente_a):
    answer = _answer("hulp voor mijn vader Piet Hein Müller")
    answer = RouteAnswer(query=answer.query, normalized_query="hulp vader piet hein muller")

    logged = services.log_search(tenant=gemeente_a, answer=answer)

    assert logged.query == "hulp voor mijn vader [naam] [naam] [naam]"
    assert logged.understood == "hulp vader [naam] [naam] [naam]"


def test_no_more_of_the_question_is_kept_than_the_stored_length():
    long_question = "ik wil graag weten " + "heel " * 60 + "veel"

    stored = anonymise_query(long_question)

    assert len(stored) <= STORED_QUERY_LENGTH
    assert long_question.startswith(stored)


def test_a_logged_question_keeps_the_day_the_outcome_and_what_was_shown_only(gemeente_a):
    with time_machine.travel(datetime.datetime(2026, 3, 4, 15, 30, tzinfo=datetime.UTC)):
        logged = services.log_search(tenant=gemeente_a, answer=_answer("Ik ga VERHUIZEN", "briefadres"))

    assert logged.query == "ik ga verhuizen"
    assert logged.asked_on == datetime.date(2026, 3, 4)
    assert logged.outcome == Outcome.PRODUCTS
    assert logged.shown == ["briefadres"]
    assert logged.chosen_product is None
    assert {f.name for f in SearchQuery._meta.fields} == {
        "id",
        "tenant",
        "token",
        "asked_on",
        "query",
        "understood",
        "outcome",
        "shown",
        "chosen_product",
        "clarify_choice",
        "is_from_clarify",
    }, "a new field in the query log needs a privacy review"


def test_an_empty_question_is_not_logged(gemeente_a):
    assert services.log_search(tenant=gemeente_a, answer=_answer("   ")) is None
    assert not SearchQuery.objects.exists()


def test_the_outcome_says_no_answer_clarify_or_elsewhere(gemeente_a):
    assert services.outcome_of(_answer("xyz")) == Outcome.NO_ANSWER
    assert services.outcome_of(_answer("hulp", "parkeervergunning", clarify=True)) == Outcome.CLARIFY
    assert services.outcome_of(_answer("ww-uitkering", elsewhere=True)) == Outcome.ELSEWHERE


def test_a_choice_counts_once_and_only_in_the_gemeente_that_was_asked(gemeente_a, gemeente_b):
    logged = services.log_search(tenant=gemeente_a, answer=_answer("parkeren", "parkeervergunning"))
    parking = Product.objects.get(upl_name="parkeervergunning")
    other = Product.objects.get(upl_name="briefadres")

    assert services.record_choice(tenant=gemeente_b, token=logged.token, product=other) is False
    assert services.record_choice(tenant=gemeente_a, token=logged.token, product=parking) is True
    assert services.record_choice(tenant=gemeente_a, token=logged.token, product=other) is False

    logged.refresh_from_db()
    assert logged.chosen_product == parking


def test_following_a_clarifying_choice_marks_the_vague_question_answered(gemeente_a, gemeente_b):
    vague = services.log_search(tenant=gemeente_a, answer=_answer("hulp", clarify=True))

    services.log_search(
        tenant=gemeente_b,
        answer=_answer("hulp bij het huishouden"),
        after_clarify=vague.token,
        choice_key="vervoer",
    )
    vague.refresh_from_db()
    assert vague.clarify_choice == "", "another gemeente's token changes nothing"

    refined = services.log_search(
        tenant=gemeente_a,
        answer=_answer("hulp bij het huishouden", "parkeervergunning"),
        after_clarify=vague.token,
        choice_key="zorg-thuis",
    )
    vague.refresh_from_db()
    assert vague.clarify_choice == "zorg-thuis"
    assert refined.is_from_clarify


@override_settings(PLUS1_SEARCH_LOG_RETENTION_DAYS=90)
def test_questions_go_after_the_retention_period(gemeente_a):
    with time_machine.travel(datetime.date(2026, 1, 1)):
        services.log_search(tenant=gemeente_a, answer=_answer("oud"))
    with time_machine.travel(datetime.date(2026, 1, 2)):
        services.log_search(tenant=gemeente_a, answer=_answer("net niet oud"))

    assert services.purge_expired_queries(today=datetime.date(2026, 4, 2)) == 1
    assert list(SearchQuery.objects.values_list("query", flat=True)) == ["net niet oud"]


def test_the_nightly_task_removes_old_questions(gemeente_a, settings):
    from plus1.routing.tasks import purge_search_log

    settings.PLUS1_SEARCH_LOG_RETENTION_DAYS = 30
    with time_machine.travel(datetime.date(2020, 1, 1)):
        services.log_search(tenant=gemeente_a, answer=_answer("oud"))
    services.log_search(tenant=gemeente_a, answer=_answer("nieuw"))

    assert purge_search_log.enqueue().return_value == 1
    assert list(SearchQuery.objects.values_list("query", flat=True)) == ["nieuw"]
    assert ("plus1.routing.tasks.purge_search_log", "22:10") in settings.PLUS1_SCHEDULE


def test_failing_questions_per_gemeente_and_in_total(gemeente_a, gemeente_b):
    parking = Product.objects.get(upl_name="parkeervergunning")
    for tenant in (gemeente_a, gemeente_b):
        services.log_search(tenant=tenant, answer=_answer("mijn buurman maakt lawaai"))
    services.log_search(tenant=gemeente_a, answer=_answer("hulp", clarify=True))
    ignored = services.log_search(tenant=gemeente_a, answer=_answer("parkeren", "parkeervergunning"))
    clicked = services.log_search(tenant=gemeente_a, answer=_answer("parkeren", "parkeervergunning"))
    services.record_choice(tenant=gemeente_a, token=clicked.token, product=parking)
    services.log_search(tenant=gemeente_b, answer=_answer("ww", elsewhere=True))
    since = datetime.date(2000, 1, 1)

    total = {q.query: q for q in selectors.failing_questions(gemeente=None, since=since)}
    in_b = {q.query: q for q in selectors.failing_questions(gemeente=gemeente_b, since=since)}

    assert list(total) == ["mijn buurman maakt lawaai", "parkeren", "hulp"]
    assert (total["mijn buurman maakt lawaai"].no_answer, total["mijn buurman maakt lawaai"].gemeenten) == (
        2,
        1 + 1,
    )
    assert (total["hulp"].clarify_left, total["parkeren"].no_click, total["parkeren"].asked) == (1, 1, 2)
    assert total["parkeren"].failing_percentage == 50
    assert total["parkeren"].shown == ("parkeervergunning",)
    assert ignored.chosen_product is None
    assert list(in_b) == ["mijn buurman maakt lawaai"], "gemeente B sees only its own questions"
    figures = {f.gemeente: (f.asked, f.failing) for f in selectors.figures_per_gemeente(since=since)}
    assert figures == {gemeente_a: (4, 3), gemeente_b: (2, 1)}
