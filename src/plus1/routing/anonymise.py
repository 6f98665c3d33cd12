"""Take what could identify a person out of a search question before it is stored.

Residents type their questions in their own words, and some type more than they should:
a BSN ("bsn 123456782 verhuizen"), a phone number, an e-mail address, an address. The query
log keeps only the question, without these, cut to a short length; no user, session or IP
address is stored beside it (AVG art. 5(1)(c) and (e): data minimisation, storage limitation).

What is taken out, each replaced by a placeholder so the question still reads:

- e-mail addresses -> ``[e-mail]``;
- IBAN account numbers -> ``[rekeningnummer]``;
- a postcode, with or without a house number -> ``[adres]``;
- a street name with a house number ("Kerkstraat 12a") -> ``[adres]``;
- a date (12-03-1980, 1/3/80) -> ``[datum]``;
- words written like a name inside a sentence ("mijn buurman Jan Bakker", "in Utrecht"),
  also where they come back in the router's reading of the question -> ``[naam]``;
- any run of 6 or more digits, also with spaces, dots, dashes or slashes in between:
  a BSN (9 digits), phone numbers (10, or +31 ...), customer and case numbers -> ``[nummer]``.

Short numbers stay: "3 kinderen", "2026", "65 jaar" say what the question is about; so do
abbreviations in capitals ("UWV", "AOW") and the first word of a sentence. A name typed all in
lower case cannot be told from an ordinary word and stays: hence no link to a person is
stored beside the question, and the question goes after the retention period.
"""

from __future__ import annotations

import re
import unicodedata

from .constants import STORED_QUERY_LENGTH

EMAIL = re.compile(r"[^\s@]+@[^\s@]+")
IBAN = re.compile(r"\b[a-z]{2}\s?\d{2}\s?[a-z]{4}(?:\s?\d){6,12}\b", re.IGNORECASE)
# Short words that follow a year far more often than they are postcode letters ("wmo 2015 en").
NOT_POSTCODE_LETTERS = "en|of|in|op|is|de|al|ik|je|ze|we|om|na|te|er|nu|zo|ja|ga|af|ok|tm"
POSTCODE = re.compile(
    rf"\b[1-9]\d{{3}}(?:(?!\s(?:{NOT_POSTCODE_LETTERS})\b)\s)?[a-z]{{2}}\b(?:[\s,]*\d+(?:\s?[a-z]\b)?)?",
    re.IGNORECASE,
)
DATE = re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b")
STREET_SUFFIXES = (
    "straat|laan|weg|plein|singel|gracht|kade|dijk|hof|park|dreef|steeg|pad|markt|"
    "ring|baan|veld|wal|haven|erf|plantsoen|boulevard|dam|burg|akker|hoeve"
)
STREET_NUMBER = re.compile(
    rf"\b[\w'-]*(?:{STREET_SUFFIXES})\s+\d+(?:\s?[a-z]\b)?(?:\s?-\s?\d+)?", re.IGNORECASE
)
# A digit, then digits with at most three spaces, dots, dashes, slashes or brackets between
# them; an optional + or ( in front for +31 and (010).
DIGIT_RUN = re.compile(r"[+(]?\d(?:[\s./()-]{0,3}\d)+")
MIN_DIGITS = 6
WHITESPACE = re.compile(r"\s+")
WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
SENTENCE_END = ".?!"


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def name_like_words(text: str) -> frozenset[str]:
    """Words written like a name (Capital then lower case) that do not start a sentence.

    Returned in lower case, with and without accents, to take them out of the question and of
    the router's reading of it.
    """
    names: set[str] = set()
    for match in WORD.finditer(text or ""):
        word = match.group(0)
        before = text[: match.start()].rstrip()
        starts_sentence = not before or before[-1] in SENTENCE_END
        parts = word.split("-")  # double names: Müller-Ávila
        if starts_sentence or not all(_is_capitalised(part) for part in parts):
            continue
        for variant in (word, *parts):
            names.update({variant.lower(), _plain(variant)})
    return frozenset(names)


def _is_capitalised(word: str) -> bool:
    rest = word[1:]
    return word[:1].isupper() and bool(rest) and rest == rest.lower()


def _mask_names(text: str, names: frozenset[str]) -> str:
    if not names:
        return text
    return WORD.sub(lambda match: "[naam]" if match.group(0) in names else match.group(0), text)


def _mask_number(match: re.Match) -> str:
    digits = sum(char.isdigit() for char in match.group(0))
    return "[nummer]" if digits >= MIN_DIGITS else match.group(0)


def anonymise_query(
    text: str, *, max_length: int = STORED_QUERY_LENGTH, names: frozenset[str] | None = None
) -> str:
    """Return the question without names, e-mail, account, address and long numbers, in lower case.

    ``names``: the name-like words to take out; by default those of ``text`` itself (pass the
    original question's when ``text`` is the router's lower-case reading of it). The result is
    at most ``max_length`` characters. Lower case and single spaces make equal questions group
    together in the overview.
    """
    names = name_like_words(text) if names is None else names
    cleaned = WHITESPACE.sub(" ", text or "").strip().lower()
    cleaned = EMAIL.sub("[e-mail]", cleaned)
    cleaned = IBAN.sub("[rekeningnummer]", cleaned)
    cleaned = POSTCODE.sub("[adres]", cleaned)
    cleaned = STREET_NUMBER.sub("[adres]", cleaned)
    cleaned = DATE.sub("[datum]", cleaned)
    cleaned = DIGIT_RUN.sub(_mask_number, cleaned)
    cleaned = _mask_names(cleaned, names)
    cleaned = WHITESPACE.sub(" ", cleaned).strip()
    # Cut at a word boundary where possible, so no half number or half name is kept.
    if len(cleaned) > max_length:
        cut = cleaned[:max_length]
        cleaned = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return cleaned
