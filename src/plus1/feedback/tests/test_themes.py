"""Open answers grouped into themes by stemmed seed words, with the words that made each theme."""

import datetime

import pytest

from plus1.feedback.selectors import Scope, period_of
from plus1.feedback.themes import group_texts, theme_overview, themes_of_text

from .factories import AnswerFactory


def test_a_text_falls_in_a_theme_through_another_form_of_a_seed_word():
    assert themes_of_text("De wachttijden waren erg lang") == {"wachttijd": ["wachttijden", "lang"]}
    assert themes_of_text("De brief was onduidelijk") == {"uitleg": ["brief", "onduidelijk"]}
    assert themes_of_text("Het telefoonnummer was onbereikbaar") == {
        "bereikbaarheid": ["telefoonnummer", "onbereikbaar"]
    }


def test_one_text_can_be_in_several_themes_and_a_text_in_none_is_overig():
    counts = {
        theme.key: theme
        for theme in group_texts(
            [
                "Lang wachten aan de telefoon",
                "De website deed het niet en DigiD lukte niet",
                "Vriendelijke medewerker, prima",
                "Alles was goed",
            ]
        )
    }
    assert counts["wachttijd"].answers == 1
    assert counts["bereikbaarheid"].answers == 1
    assert counts["digitaal"].answers == 1
    assert counts["digitaal"].words == [("website", 1), ("digid", 1)]
    assert counts["vriendelijkheid"].answers == 1
    assert counts["overig"].answers == 1
    assert counts["overig"].share == 25.0
    assert counts["kosten"].answers == 0


def test_overig_comes_last_and_the_biggest_theme_first():
    themes = group_texts(["te duur, hoge leges", "de leges", "lang wachten"])
    assert themes[0].key == "kosten"
    assert themes[-1].key == "overig"


@pytest.mark.django_db
def test_only_the_newest_texts_are_read_and_the_page_can_say_so(gemeente_a, gemeente_b):
    today = datetime.date.today()
    for days in range(5):
        AnswerFactory(
            tenant=gemeente_a,
            improvement="Het duurde te lang",
            answered_on=today - datetime.timedelta(days=days),
        )
    AnswerFactory(tenant=gemeente_a, improvement="")
    AnswerFactory(tenant=gemeente_b, improvement="De leges zijn te hoog")

    overview = theme_overview(Scope(tenant=gemeente_a, period=period_of()), limit=3)
    assert (overview.read, overview.is_capped) == (3, True)
    counts = {theme.key: theme.answers for theme in overview.themes}
    assert counts["wachttijd"] == 3
    assert counts["kosten"] == 0  # gemeente B's answer is not read

    overview = theme_overview(Scope(tenant=gemeente_a, period=period_of()))
    assert (overview.read, overview.is_capped) == (5, False)
