"""Map the results of tests/api/conformance onto the rule catalogue and render docs/zgw-conformance.md.

A test belongs to a rule by its name: ``test_zrc_001_<what>`` checks ``zrc-001``. A rule passes
when every one of its tests passes; an expected failure (xfail), a skip or an error counts as a
failure, because the behaviour the rule asks for is not there. A test whose name points at no rule
of the catalogue is a problem the report names (a typo would otherwise hide a rule's only test).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import PREFIXES, Rule, RuleSet

TEST_NAME = re.compile(r"^test_(?P<prefix>[a-z]+)_(?P<number>\d{3})(?:_|$)")

PASS, FAIL, NO_TEST = "pass", "fail", "no test"
# Per test, as pytest reported it; everything but "passed" fails its rule.
PASSED, FAILED, ERROR, XFAIL, SKIPPED = "passed", "failed", "error", "xfail", "skipped"
_SEVERITY = {PASSED: 0, SKIPPED: 1, XFAIL: 2, FAILED: 3, ERROR: 4}

API_TITLES = {
    "zrc": "Zaken API",
    "drc": "Documenten API",
    "brc": "Besluiten API",
    "ztc": "Catalogi API",
    "ac": "Autorisaties API",
    "nrc": "Notificaties API",
}


@dataclass(frozen=True)
class TestOutcome:
    """One test function (parametrised cases folded together) and how it ended."""

    __test__ = False  # not a pytest class

    name: str
    outcome: str
    message: str = ""

    @property
    def passed(self) -> bool:
        return self.outcome == PASSED


@dataclass(frozen=True)
class RuleResult:
    rule: Rule
    tests: tuple[TestOutcome, ...]

    @property
    def result(self) -> str:
        if not self.tests:
            return NO_TEST
        return PASS if all(test.passed for test in self.tests) else FAIL


@dataclass(frozen=True)
class ApiReport:
    rule_set: RuleSet
    results: tuple[RuleResult, ...]

    def count(self, result: str) -> int:
        return sum(1 for item in self.results if item.result == result)


@dataclass
class Report:
    apis: list[ApiReport]
    # Test names that point at no rule of the catalogue, with why.
    problems: list[str] = field(default_factory=list)

    def total(self, result: str | None = None) -> int:
        if result is None:
            return sum(len(api.results) for api in self.apis)
        return sum(api.count(result) for api in self.apis)


def function_name(test_name: str) -> str:
    """``test_zrc_001_x[case-1]`` -> ``test_zrc_001_x``: parametrised cases count as one test."""
    return test_name.split("[", 1)[0]


def outcomes_from_junit(path: Path) -> list[TestOutcome]:
    """Read pytest's JUnit XML; one outcome per test function, the worst of its cases and phases."""
    root = ET.parse(path).getroot()  # noqa: S314  (written by our own pytest run)
    worst: dict[str, TestOutcome] = {}
    for case in root.iter("testcase"):
        name = function_name(case.get("name", ""))
        outcome, message = PASSED, ""
        for child in case:
            if child.tag == "failure":
                outcome, message = FAILED, child.get("message", "")
            elif child.tag == "error":
                outcome, message = ERROR, child.get("message", "")
            elif child.tag == "skipped":
                is_xfail = child.get("type") == "pytest.xfail"
                outcome, message = (XFAIL if is_xfail else SKIPPED), child.get("message", "")
            else:
                continue
            break
        known = worst.get(name)
        if known is None or _SEVERITY[outcome] > _SEVERITY[known.outcome]:
            worst[name] = TestOutcome(name=name, outcome=outcome, message=message)
    return list(worst.values())


def build_report(catalogue: dict[str, RuleSet], outcomes: Iterable[TestOutcome]) -> Report:
    """Group the outcomes by rule; every rule of the catalogue appears, with or without tests."""
    by_rule: dict[str, list[TestOutcome]] = {}
    problems: list[str] = []
    known_ids = {rule.id for rule_set in catalogue.values() for rule in rule_set.rules}
    for outcome in sorted(outcomes, key=lambda item: item.name):
        match = TEST_NAME.match(outcome.name)
        if not match:
            problems.append(f"{outcome.name}: the name does not start with test_<prefix>_<NNN>_")
            continue
        rule_id = f"{match['prefix']}-{match['number']}"
        if rule_id not in known_ids:
            problems.append(f"{outcome.name}: rule {rule_id} is not in the catalogue")
            continue
        by_rule.setdefault(rule_id, []).append(outcome)
    apis = [
        ApiReport(
            rule_set=rule_set,
            results=tuple(RuleResult(rule, tuple(by_rule.get(rule.id, ()))) for rule in rule_set.rules),
        )
        for prefix in PREFIXES
        if (rule_set := catalogue.get(prefix)) is not None
    ]
    return Report(apis=apis, problems=problems)


def _cell(text: str, limit: int = 160) -> str:
    """Text fit for one Markdown table cell."""
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _test_cell(test: TestOutcome) -> str:
    if test.passed:
        return f"`{test.name}`"
    reason = f": {_cell(test.message, 120)}" if test.message else ""
    return f"`{test.name}` ({test.outcome}{reason})"


def summary_rows(report: Report) -> list[tuple[str, int, int, int, int]]:
    """(API, rules, passing, failing, without test) per API, then the total."""
    rows = [
        (
            f"{API_TITLES.get(api.rule_set.prefix, api.rule_set.api)} ({api.rule_set.prefix})",
            len(api.results),
            api.count(PASS),
            api.count(FAIL),
            api.count(NO_TEST),
        )
        for api in report.apis
    ]
    rows.append(("Total", report.total(), report.total(PASS), report.total(FAIL), report.total(NO_TEST)))
    return rows


def render_summary(report: Report) -> str:
    """The summary as plain text, for the terminal."""
    lines = [f"{'API':<24} {'rules':>5} {'pass':>5} {'fail':>5} {'no test':>7}"]
    for name, rules, passing, failing, untested in summary_rows(report):
        lines.append(f"{name:<24} {rules:>5} {passing:>5} {failing:>5} {untested:>7}")
    lines.extend(f"problem: {problem}" for problem in report.problems)
    return "\n".join(lines) + "\n"


def render_markdown(report: Report) -> str:
    """docs/zgw-conformance.md: the summary, then one table per API."""
    out = [
        "# ZGW conformance: the standard's business rules and their tests",
        "",
        "Generated by `plus1 zgw-conformance --write`; do not edit by hand. Every numbered business",
        "rule of the ZGW standard's documentation (zrc-, drc-, brc-, ztc-, ac-, nrc-; the catalogue",
        "is `src/plus1/api/conformance/rules/`) with the tests in `tests/api/conformance/` that check",
        "it over HTTP, as an outside client would. A rule passes when all its tests pass; an expected",
        "failure (xfail), a skip or an error counts as a failure.",
        "",
        "## Summary",
        "",
        "| API | Rules | Passing | Failing | Without test |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, rules, passing, failing, untested in summary_rows(report):
        bold = "**" if name == "Total" else ""
        out.append(f"| {bold}{name}{bold} | {rules} | {passing} | {failing} | {untested} |")
    if report.problems:
        out += ["", "## Problems", "", "Tests whose name points at no rule of the catalogue:", ""]
        out += [f"- {_cell(problem, 300)}" for problem in report.problems]
    for api in report.apis:
        rule_set = api.rule_set
        out += [
            "",
            f"## {API_TITLES.get(rule_set.prefix, rule_set.api)} ({rule_set.prefix})",
            "",
            f"Source: <{rule_set.source}>",
            "",
            *([rule_set.note, ""] if rule_set.note else []),
            "| Rule | The standard's heading | Result | Tests |",
            "| --- | --- | --- | --- |",
        ]
        for item in api.results:
            tests = "<br>".join(_test_cell(test) for test in item.tests) or "-"
            out.append(f"| {item.rule.id} | {_cell(item.rule.title)} | {item.result} | {tests} |")
    return "\n".join(out) + "\n"
