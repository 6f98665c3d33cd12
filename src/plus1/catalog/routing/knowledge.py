"""The routing knowledge the collective maintains in catalog/data/, versioned with the code.

- ``synonyms.yaml``: everyday word or phrase -> UPL products (the product search's list).
- ``situations.yaml``: situations and life events -> UPL products, each with its ``source``;
  and the clarifying questions for vague questions.
- ``organisations.yaml``: questions that belong to another organisation, with a link.
- ``language.yaml``: spoken-Dutch filler words and spelling variants.

Each file is read once per process; ``clear_knowledge`` forgets them (tests, after an edit).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from .text import phrase_key

DATA = Path(__file__).resolve().parent.parent / "data"
ORG_NAME_STRENGTH = 2.0
SYNONYMS_SOURCE = "catalog/data/synonyms.yaml (geschreven voor Plus1)"


@dataclass(frozen=True)
class Mapping:
    """One phrase that points at products or an organisation."""

    kind: str  # "synoniem" | "situatie" | "organisatie"
    phrase: str
    words: tuple[str, ...]
    targets: tuple[str, ...]  # UPL names, or one organisation key
    source: str
    ordered: bool = False  # situations list their products best first
    strength: float = 1.0  # an organisation's own name counts double ("kvk inschrijving")
    national: bool = False  # a word of national scope ("wet", "kabinet"), see organisations.yaml


@dataclass(frozen=True)
class Organisation:
    key: str
    name: str
    url: str
    explanation: str


@dataclass(frozen=True)
class Choice:
    key: str
    label: str
    query: str
    products: tuple[str, ...]


@dataclass(frozen=True)
class Clarification:
    key: str
    question: str
    triggers: tuple[tuple[str, ...], ...]
    choices: tuple[Choice, ...]
    source: str


@dataclass(frozen=True)
class Knowledge:
    mappings: tuple[Mapping, ...]
    organisations: dict[str, Organisation]
    clarifications: tuple[Clarification, ...]
    fillers: frozenset[str]
    persons: frozenset[str]
    variants: dict[str, str]
    # Who answers general questions no gemeente product fits (organisations.yaml `national_scope`).
    national_organisation: str = ""

    def product_names(self) -> set[str]:
        """Every UPL name the knowledge refers to (checked against the catalog in the tests)."""
        names = {t for m in self.mappings if m.kind != "organisatie" for t in m.targets}
        names.update(p for c in self.clarifications for choice in c.choices for p in choice.products)
        return names


def _read(name: str) -> dict:
    path = DATA / name
    if not path.exists():
        return {}
    # libyaml's loader when installed: the pure-Python one takes a second for these files.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}  # noqa: S506 (a safe loader)


@functools.cache
def knowledge() -> Knowledge:
    mappings: list[Mapping] = []
    for phrase, names in _read("synonyms.yaml").items():
        key = phrase_key(str(phrase))
        if key:
            mappings.append(Mapping("synoniem", str(phrase), key, tuple(names), SYNONYMS_SOURCE))
    situations = _read("situations.yaml")
    for entry in situations.get("situations", []):
        for phrase in entry["phrases"]:
            key = phrase_key(phrase)
            if key:
                mappings.append(
                    Mapping("situatie", phrase, key, tuple(entry["products"]), entry["source"], ordered=True)
                )
    organisations = {}
    organisations_file = _read("organisations.yaml")
    for entry in organisations_file.get("organisations", []):
        organisations[entry["key"]] = Organisation(
            key=entry["key"], name=entry["name"], url=entry["url"], explanation=entry["explanation"]
        )
        for phrase in entry["phrases"]:
            key = phrase_key(phrase)
            if key:
                mappings.append(Mapping("organisatie", phrase, key, (entry["key"],), entry["source"]))
        for phrase in entry.get("names", []):
            key = phrase_key(phrase)
            if key:
                target = (entry["key"],)
                mappings.append(
                    Mapping("organisatie", phrase, key, target, entry["source"], strength=ORG_NAME_STRENGTH)
                )
    scope = organisations_file.get("national_scope") or {}
    for phrase in scope.get("words", []):
        key = phrase_key(phrase)
        if key:
            target = (scope["organisation"],)
            mappings.append(Mapping("organisatie", str(phrase), key, target, scope["source"], national=True))
    clarifications = tuple(
        Clarification(
            key=entry["key"],
            question=entry["question"],
            triggers=tuple(phrase_key(t) for t in entry["triggers"]),
            choices=tuple(
                Choice(key=c["key"], label=c["label"], query=c["query"], products=tuple(c["products"]))
                for c in entry["choices"]
            ),
            source=entry["source"],
        )
        for entry in situations.get("clarify", [])
    )
    language = _read("language.yaml")
    return Knowledge(
        mappings=tuple(mappings),
        organisations=organisations,
        clarifications=clarifications,
        fillers=frozenset(language.get("fillers", [])),
        persons=frozenset(language.get("persons", [])),
        variants=dict(language.get("variants", {}) or {}),
        national_organisation=scope.get("organisation", ""),
    )


def clear_knowledge() -> None:
    knowledge.cache_clear()
