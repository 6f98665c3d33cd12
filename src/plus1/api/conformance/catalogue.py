"""Load the rule catalogue: ``rules/<prefix>.yaml``, one file per ZGW API (format in rules/README.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

RULES_DIR = Path(__file__).resolve().parent / "rules"
# The standard's component codes, in the order the report lists them.
PREFIXES: tuple[str, ...] = ("zrc", "drc", "brc", "ztc", "ac", "nrc")
RULE_ID = re.compile(r"^(?P<prefix>[a-z]+)-(?P<number>\d{3})$")


class CatalogueError(ValueError):
    """A rule file that does not follow rules/README.md."""


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    summary: str

    @property
    def prefix(self) -> str:
        return self.id.split("-", 1)[0]

    @property
    def test_prefix(self) -> str:
        """What the names of this rule's tests start with: ``zrc-001`` -> ``test_zrc_001_``."""
        return "test_" + self.id.replace("-", "_") + "_"


@dataclass(frozen=True)
class RuleSet:
    """The rules of one API, in the order of its file."""

    prefix: str
    api: str
    source: str
    rules: tuple[Rule, ...]
    # Where the rules come from when the standard does not number them itself (nrc).
    note: str = ""

    def get(self, rule_id: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)


def _text(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CatalogueError(f"{where}: '{key}' is missing or empty")
    return value.strip()


def parse_rule_set(prefix: str, text: str, *, where: str | None = None) -> RuleSet:
    """Parse one rule file; raise ``CatalogueError`` naming the file and the rule that is wrong."""
    where = where or f"{prefix}.yaml"
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        raise CatalogueError(f"{where}: expected a mapping with api, source and rules")
    rules: list[Rule] = []
    seen: set[str] = set()
    entries = data.get("rules") or []
    if not isinstance(entries, list):
        raise CatalogueError(f"{where}: 'rules' must be a list")
    for index, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise CatalogueError(f"{where}: rule {index} is not a mapping")
        rule_id = _text(entry, "id", f"{where}: rule {index}")
        match = RULE_ID.match(rule_id)
        if not match or match["prefix"] != prefix:
            raise CatalogueError(f"{where}: rule id {rule_id!r} is not of the form {prefix}-NNN")
        if rule_id in seen:
            raise CatalogueError(f"{where}: rule id {rule_id} appears twice")
        seen.add(rule_id)
        rules.append(
            Rule(
                id=rule_id,
                title=_text(entry, "title", f"{where}: {rule_id}"),
                summary=_text(entry, "summary", f"{where}: {rule_id}"),
            )
        )
    return RuleSet(
        prefix=prefix,
        api=_text(data, "api", where),
        source=_text(data, "source", where),
        rules=tuple(rules),
        note=" ".join(str(data.get("note") or "").split()),
    )


def load_catalogue(rules_dir: Path = RULES_DIR) -> dict[str, RuleSet]:
    """Every rule file that exists, keyed by prefix, in the order of ``PREFIXES``.

    A file not written yet is left out (the report shows that API as having no rules).
    """
    catalogue: dict[str, RuleSet] = {}
    for prefix in PREFIXES:
        path = rules_dir / f"{prefix}.yaml"
        if path.is_file():
            catalogue[prefix] = parse_rule_set(prefix, path.read_text(encoding="utf-8"), where=path.name)
    return catalogue


def all_rules(catalogue: dict[str, RuleSet]) -> dict[str, Rule]:
    """Every rule of the catalogue by id."""
    return {rule.id: rule for rule_set in catalogue.values() for rule in rule_set.rules}
