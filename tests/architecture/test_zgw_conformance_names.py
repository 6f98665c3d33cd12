"""Every business-rule test in tests/api/conformance/test_*_rules.py names a rule of the catalogue.

``plus1 zgw-conformance`` maps tests to rules by name; a test named after no rule (a typo, a rule
not yet in ``src/plus1/api/conformance/rules/``) would count for nothing, so it fails here first.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from plus1.api.conformance import catalogue, report, runner


def _test_functions(path: Path) -> list[str]:
    """Names of the test functions pytest collects: module level and in ``Test*`` classes."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            names.append(node.name)
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            names += [
                item.name for item in node.body if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
            ]
    return [name for name in names if name.startswith("test")]


RULE_FILES = runner.rule_test_files()


@pytest.mark.parametrize("path", RULE_FILES, ids=[path.name for path in RULE_FILES])
def test_every_rule_test_names_a_rule_of_the_catalogue(path):
    known = catalogue.all_rules(catalogue.load_catalogue())
    prefix = path.name.removeprefix("test_").removesuffix("_rules.py")
    wrong = []
    for name in _test_functions(path):
        match = report.TEST_NAME.match(name)
        if not match:
            wrong.append(f"{name}: not named test_{prefix}_<NNN>_<what>")
        elif f"{match['prefix']}-{match['number']}" not in known:
            wrong.append(f"{name}: rule {match['prefix']}-{match['number']} is not in the catalogue")
        elif match["prefix"] != prefix:
            wrong.append(f"{name}: a {match['prefix']} rule belongs in test_{match['prefix']}_rules.py")
    assert not wrong, "\n".join(wrong)


def test_the_rule_test_files_are_named_after_a_prefix_of_the_catalogue():
    strays = [
        path.name for path in RULE_FILES if path.name[5:].removesuffix("_rules.py") not in catalogue.PREFIXES
    ]
    assert not strays
