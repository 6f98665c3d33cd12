"""Reading a resident's words: normalise, drop spoken-Dutch fillers, split and join compounds, fix typos.

Everything here is lexical and deterministic, so every change to a query can be shown as a reason
("we lazen 'parkeervergunnig' als 'parkeervergunning'").
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field

import snowballstemmer
from rapidfuzz import fuzz, process

from ..search import normalise, words

TYPO_CUTOFF = 84
MAX_TYPO_LOOKUPS = 8
MAX_LENGTH_GAP = 3  # ratio 84 between words of n and n+4 letters needs n >= 21
MIN_PART = 3
# Dutch compounds glue their parts with nothing, an -s- or an -en- ("gehandicapten|parkeerkaart",
# "bestemmings|plan"); try those glue letters when splitting a word the catalog does not know.
LINKS = ("", "s", "e", "en")

__all__ = ["QueryReading", "Reader", "normalise", "stem", "words"]


@functools.cache
def _stemmer():
    return snowballstemmer.stemmer("dutch")


@functools.lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


@dataclass
class QueryReading:
    """The query as the router reads it, and what it changed on the way (for the reasons)."""

    tokens: list[str]  # all words, fillers included, after corrections (phrase matching)
    content: list[str]  # the words that carry meaning (ranking)
    corrections: dict[str, str] = field(default_factory=dict)  # read word -> original word

    @property
    def normalized(self) -> str:
        return " ".join(self.content)


class Reader:
    """Reads queries against a known vocabulary (product words + knowledge phrases)."""

    def __init__(self, vocabulary: set[str], *, fillers: frozenset[str], variants: dict[str, str]):
        self.known = frozenset(w for w in vocabulary if len(w) >= 2)
        # Candidates for typo correction by length: a ratio of 84 allows only a few letters more or less.
        by_length: dict[int, list[str]] = {}
        for word in sorted(w for w in self.known if len(w) > 3):
            by_length.setdefault(len(word), []).append(word)
        self.fuzzy_by_length = {
            size: tuple(
                w
                for near in range(size - MAX_LENGTH_GAP, size + MAX_LENGTH_GAP + 1)
                for w in by_length.get(near, ())
            )
            for size in range(4, max(by_length, default=4) + MAX_LENGTH_GAP + 1)
        }
        self.parts = frozenset(w for w in self.known if len(w) >= MIN_PART)
        self.fillers = fillers
        self.variants = variants

    def is_known(self, word: str) -> bool:
        return word in self.known

    def split_compound(self, word: str) -> list[str] | None:
        """Split an unknown compound into two known words: "afvalbakken" -> ["afval", "bakken"]."""
        for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            head, tail = word[:cut], word[cut:]
            if tail not in self.parts:
                continue
            for link in LINKS:
                if link and not head.endswith(link):
                    continue
                base = head[: len(head) - len(link)] if link else head
                if len(base) >= MIN_PART and base in self.parts:
                    return [base, tail]
        return None

    def correct(self, word: str) -> str | None:
        if len(word) < 4 or word.isdigit():
            return None
        choices = self.fuzzy_by_length.get(len(word), ())
        match = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF)
        if match and word.startswith(match[0]) and len(word) - len(match[0]) >= 2:
            # A known word plus an ending is another word, not a typo ("politieke" is no "politie").
            return None
        return match[0] if match else None

    def read(self, text: str) -> QueryReading:
        raw: list[str] = []
        corrections: dict[str, str] = {}
        for word in words(text)[:30]:
            variant = self.variants.get(word)
            if variant:
                raw.extend(variant.split())
                corrections[variant] = word
            else:
                raw.append(word)
        tokens: list[str] = []
        lookups = 0
        for word in raw:
            if word in self.known or word in self.fillers or word.isdigit():
                tokens.append(word)
                continue
            parts = self.split_compound(word)
            if parts:
                for part in parts:
                    corrections[part] = word
                tokens.extend([word, *parts])
                continue
            # A budget of typo lookups keeps a long string of gibberish fast.
            lookups += 1
            fixed = self.correct(word) if lookups <= MAX_TYPO_LOOKUPS else None
            if fixed and fixed != word:
                corrections[fixed] = word
                tokens.append(fixed)
            else:
                tokens.append(word)
        # Join what residents split: "huis nummer" -> "huisnummer", "id kaart" -> "idkaart".
        joined = []
        for first, second in itertools.pairwise(tokens):
            together = first + second
            if together in self.known and first not in self.fillers:
                corrections[together] = f"{first} {second}"
                joined.append(together)
        tokens.extend(joined)
        content = [t for t in dict.fromkeys(tokens) if t not in self.fillers]
        return QueryReading(tokens=tokens, content=content, corrections=corrections)


def phrase_key(phrase: str | int) -> tuple[str, ...]:
    """A knowledge phrase as the tuple of its normalised words."""
    return tuple(words(normalise(str(phrase))))
