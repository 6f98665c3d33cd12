"""The open answers ("wat kan beter?") grouped into themes: simple, so every count can be explained.

A theme is a short list of seed words (wachttijd: wachten, lang, traag ...). An answer belongs to
a theme when one of its words has the same stem as a seed word, with the Dutch stemming of the
product search (``plus1.catalog``): "wachttijden" and "wachttijd", "duidelijker" and
"duidelijk" are one word. A word also counts when it starts with a seed word of five letters or
more (a compound: "telefoonnummer") or is that word with "on-" before it ("onduidelijk"). One
answer can be in several themes; an answer in none is "Overig". The page shows, per theme,
the words that put answers in it, so a theme is never a black box.

Only the texts are read, and only the newest ``MAX_TEXTS`` of the period: grouping is done in
Python, and the page says how many it read. Only the matching words are shown, never a text:
residents sometimes write their name or number in it.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from plus1.catalog.routing.text import stem
from plus1.catalog.search import words

from .constants import MAX_TEXT_LENGTH
from .selectors import Scope, answers_in

MAX_TEXTS = 2000
# A seed word this long also matches the compounds it starts ("telefoon" in "telefoonnummer").
MIN_PREFIX = 5
NEGATION = "on"
MAX_WORDS_SHOWN = 8
OTHER = "overig"


@dataclass(frozen=True)
class Theme:
    key: str
    label: str
    seeds: tuple[str, ...]


THEMES = (
    Theme(
        "wachttijd",
        _("Wachttijd en snelheid"),
        (
            "wachten",
            "wachttijd",
            "wachtrij",
            "lang",
            "langer",
            "langzaam",
            "snel",
            "sneller",
            "traag",
            "doorlooptijd",
            "vertraging",
            "termijn",
            "weken",
            "maanden",
        ),
    ),
    Theme(
        "bereikbaarheid",
        _("Bereikbaarheid"),
        (
            "bereikbaar",
            "telefoon",
            "telefonisch",
            "bellen",
            "terugbellen",
            "openingstijden",
            "afspraak",
            "reactie",
            "reageren",
            "antwoord",
            "mail",
            "email",
            "contact",
            "balie",
            "loket",
        ),
    ),
    Theme(
        "uitleg",
        _("Uitleg en duidelijkheid"),
        (
            "uitleg",
            "uitleggen",
            "duidelijk",
            "begrijpelijk",
            "begrijpen",
            "snappen",
            "informatie",
            "ingewikkeld",
            "verwarrend",
            "moeilijk",
            "helder",
            "brief",
            "taal",
        ),
    ),
    Theme(
        "vriendelijkheid",
        _("Vriendelijkheid"),
        (
            "vriendelijk",
            "behulpzaam",
            "beleefd",
            "respect",
            "aardig",
            "onbeschoft",
            "arrogant",
            "geduld",
            "medewerker",
        ),
    ),
    Theme(
        "digitaal",
        _("Website en digitaal"),
        (
            "website",
            "site",
            "online",
            "digitaal",
            "digid",
            "formulier",
            "inloggen",
            "app",
            "internet",
            "pagina",
            "storing",
            "uploaden",
            "link",
        ),
    ),
    Theme(
        "kosten",
        _("Kosten"),
        (
            "kosten",
            "prijs",
            "betalen",
            "betaling",
            "tarief",
            "leges",
            "euro",
            "geld",
            "goedkoop",
            "goedkoper",
        ),
    ),
    Theme(
        "papieren",
        _("Papieren en bewijsstukken"),
        ("document", "documenten", "bewijs", "bewijsstuk", "papier", "papieren", "kopie", "uittreksel"),
    ),
)


@functools.cache
def _seed_stems() -> tuple[tuple[Theme, frozenset[str]], ...]:
    return tuple((theme, frozenset(stem(seed) for seed in theme.seeds)) for theme in THEMES)


def _matches(word_stem: str, seeds: frozenset[str]) -> bool:
    if word_stem in seeds:
        return True
    bare = word_stem[len(NEGATION) :] if word_stem.startswith(NEGATION) else word_stem
    if bare in seeds:
        return True
    return any(
        len(seed) >= MIN_PREFIX and (word_stem.startswith(seed) or bare.startswith(seed)) for seed in seeds
    )


def themes_of_text(text: str) -> dict[str, list[str]]:
    """Theme key -> the words of ``text`` that put it in that theme (empty: Overig)."""
    found: dict[str, list[str]] = {}
    for word in dict.fromkeys(words(text[:MAX_TEXT_LENGTH])):
        word_stem = stem(word)
        for theme, seeds in _seed_stems():
            if _matches(word_stem, seeds):
                found.setdefault(theme.key, []).append(word)
    return found


@dataclass(frozen=True)
class ThemeCount:
    key: str
    label: str
    answers: int
    share: float | None  # of the texts read (%)
    words: list[tuple[str, int]] = field(default_factory=list)  # the words that made it, most used first

    @property
    def words_label(self) -> str:
        return ", ".join(f"{word} ({count})" for word, count in self.words)


@dataclass(frozen=True)
class ThemeOverview:
    themes: list[ThemeCount]  # biggest first, Overig last
    read: int  # texts read
    is_capped: bool  # there are more texts in the scope than were read
    limit: int


def group_texts(texts: list[str]) -> list[ThemeCount]:
    """Count the texts per theme, with the words that made each theme; Overig last."""
    answers: Counter[str] = Counter()
    matched_words: dict[str, Counter[str]] = {theme.key: Counter() for theme in THEMES}
    other = 0
    for text in texts:
        found = themes_of_text(text)
        if not found:
            other += 1
        for key, theme_words in found.items():
            answers[key] += 1
            matched_words[key].update(theme_words)
    total = len(texts)

    def share(count: int) -> float | None:
        return round(100 * count / total, 1) if total else None

    counts = [
        ThemeCount(
            key=theme.key,
            label=str(theme.label),
            answers=answers[theme.key],
            share=share(answers[theme.key]),
            words=matched_words[theme.key].most_common(MAX_WORDS_SHOWN),
        )
        for theme in THEMES
    ]
    counts.sort(key=lambda count: -count.answers)
    counts.append(ThemeCount(key=OTHER, label=str(_("Overig")), answers=other, share=share(other)))
    return counts


def theme_overview(scope: Scope, *, limit: int = MAX_TEXTS) -> ThemeOverview:
    """Group the newest ``limit`` open answers of the scope into themes (one query).

    One more text than the limit is fetched, to know whether there were more; counting all
    texts would read every answer of the period.
    """
    texts = list(
        answers_in(scope)
        .exclude(improvement="")
        .order_by("-answered_on", "-pk")
        .values_list("improvement", flat=True)[: limit + 1]
    )
    return ThemeOverview(
        themes=group_texts(texts[:limit]),
        read=min(len(texts), limit),
        is_capped=len(texts) > limit,
        limit=limit,
    )
