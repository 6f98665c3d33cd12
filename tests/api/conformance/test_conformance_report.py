"""``plus1 zgw-conformance``: how test results become the per-rule report (docs/zgw-conformance.md).

These tests check the tooling on hand-made catalogues and on JUnit files of real, tiny pytest runs;
they are not rule tests, so the command does not run them (it runs ``test_*_rules.py`` only).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from plus1.__main__ import translate
from plus1.api.conformance import catalogue, report, runner
from plus1.api.conformance.catalogue import CatalogueError, parse_rule_set
from plus1.api.conformance.report import FAIL, NO_TEST, PASS, TestOutcome, build_report

RULES = textwrap.dedent(
    """
    api: autorisaties
    source: https://vng-realisatie.github.io/gemma-zaken/standaard/autorisaties/
    rules:
      - id: ac-001
        title: Eerste regel
        summary: The first rule.
      - id: ac-002
        title: Tweede regel
        summary: The second rule.
      - id: ac-003
        title: Derde regel
        summary: The third rule.
    """
)


@pytest.fixture
def small_catalogue() -> dict[str, catalogue.RuleSet]:
    return {"ac": parse_rule_set("ac", RULES)}


def _result(rep: report.Report, rule_id: str) -> report.RuleResult:
    return next(item for api in rep.apis for item in api.results if item.rule.id == rule_id)


def test_a_rule_without_a_test_shows_no_test(small_catalogue):
    rep = build_report(small_catalogue, [TestOutcome("test_ac_001_first", report.PASSED)])

    assert _result(rep, "ac-002").result == NO_TEST
    assert "| ac-002 | Tweede regel | no test | - |" in report.render_markdown(rep)


def test_a_rule_passes_only_when_all_its_tests_pass(small_catalogue):
    rep = build_report(
        small_catalogue,
        [
            TestOutcome("test_ac_001_first", report.PASSED),
            TestOutcome("test_ac_002_one", report.PASSED),
            TestOutcome("test_ac_002_other", report.FAILED, "assert 400 == 201"),
        ],
    )

    assert _result(rep, "ac-001").result == PASS
    assert _result(rep, "ac-002").result == FAIL
    assert report.summary_rows(rep)[-1] == ("Total", 3, 1, 1, 1)


def _junit_of(pytester: pytest.Pytester, source: str) -> Path:
    """Run ``source`` as a test file in a separate pytest and return its JUnit XML."""
    pytester.makepyfile(test_ac_rules=source)
    junit = pytester.path / "junit.xml"
    pytester.runpytest_subprocess("-p", "no:django", "-p", "no:cacheprovider", f"--junitxml={junit}")
    return junit


def test_an_xfail_counts_as_a_failure_with_its_reason(pytester, small_catalogue):
    junit = _junit_of(
        pytester,
        """
        import pytest

        def test_ac_001_passes():
            pass

        @pytest.mark.xfail(strict=True, reason="not built yet")
        def test_ac_002_expected_to_fail():
            assert False

        @pytest.mark.parametrize("case", [1, 2])
        def test_ac_003_parametrised(case):
            assert case == 1
        """,
    )
    outcomes = {outcome.name: outcome for outcome in report.outcomes_from_junit(junit)}
    rep = build_report(small_catalogue, outcomes.values())

    assert outcomes["test_ac_002_expected_to_fail"].outcome == report.XFAIL
    assert _result(rep, "ac-001").result == PASS
    assert _result(rep, "ac-002").result == FAIL
    assert "(xfail: not built yet)" in report.render_markdown(rep)
    # The two parametrised cases are one test; the failing case fails it.
    assert outcomes["test_ac_003_parametrised"].outcome == report.FAILED
    assert _result(rep, "ac-003").result == FAIL


def test_an_unknown_rule_id_in_a_test_name_is_a_problem_the_report_names(small_catalogue):
    rep = build_report(
        small_catalogue,
        [TestOutcome("test_ac_009_no_such_rule", report.PASSED), TestOutcome("test_misc", report.PASSED)],
    )

    assert rep.problems == [
        "test_ac_009_no_such_rule: rule ac-009 is not in the catalogue",
        "test_misc: the name does not start with test_<prefix>_<NNN>_",
    ]
    assert "test_ac_009_no_such_rule: rule ac-009 is not in the catalogue" in report.render_markdown(rep)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("api: a\nsource: s\nrules:\n  - {id: zrc-001, title: t, summary: s}\n", "not of the form ac-NNN"),
        ("api: a\nsource: s\nrules:\n  - {id: ac-1, title: t, summary: s}\n", "not of the form ac-NNN"),
        (
            "api: a\nsource: s\nrules:\n  - {id: ac-001, title: t, summary: s}\n"
            "  - {id: ac-001, title: t, summary: s}\n",
            "appears twice",
        ),
        ("api: a\nsource: s\nrules:\n  - {id: ac-001, summary: s}\n", "'title' is missing"),
        ("source: s\nrules: []\n", "'api' is missing"),
    ],
)
def test_a_rule_file_that_breaks_the_format_is_refused_with_the_reason(text, message):
    with pytest.raises(CatalogueError, match=message):
        parse_rule_set("ac", text)


def test_the_committed_catalogue_loads_and_names_our_apis():
    from plus1.api.registry import APIS

    rules = catalogue.load_catalogue()

    for prefix, rule_set in rules.items():
        assert rule_set.api in APIS, f"{prefix}.yaml: api {rule_set.api!r} is not one of {sorted(APIS)}"
        assert APIS[rule_set.api].component == prefix


def test_the_rule_files_ship_as_package_data():
    """``rules`` is a package, so pyproject's ``"*" = ["*.yaml", ...]`` puts its files in the wheel."""
    from setuptools import find_packages

    assert "plus1.api.conformance.rules" in find_packages(where=str(runner.REPO_ROOT / "src"))


def test_the_command_builds_the_report_from_a_junit_file(pytester, tmp_path, monkeypatch, small_catalogue):
    junit = _junit_of(pytester, "def test_ac_001_passes():\n    pass\n")
    monkeypatch.setattr(catalogue, "load_catalogue", lambda: small_catalogue)
    output = tmp_path / "conformance.md"

    call_command("zgw_conformance", "--write", f"--from-junit={junit}", f"--output={output}")

    text = output.read_text(encoding="utf-8")
    assert "| **Total** | 3 | 1 | 0 | 2 |" in text
    assert "| ac-001 | Eerste regel | pass | `test_ac_001_passes` |" in text


def test_the_command_fails_when_a_test_names_no_rule(pytester, monkeypatch, small_catalogue):
    junit = _junit_of(pytester, "def test_ac_042_typo():\n    pass\n")
    monkeypatch.setattr(catalogue, "load_catalogue", lambda: small_catalogue)

    with pytest.raises(CommandError, match="1 test name"):
        call_command("zgw_conformance", f"--from-junit={junit}")


def test_plus1_zgw_conformance_is_the_management_command():
    assert translate(["zgw-conformance", "--write"]) == ["zgw_conformance", "--write"]


def test_the_command_runs_only_the_rule_test_files():
    assert all(path.name.endswith("_rules.py") for path in runner.rule_test_files())
    assert Path(__file__) not in runner.rule_test_files()


def test_the_runner_runs_pytest_in_a_subprocess_and_keeps_its_junit(tmp_path):
    """The real path the command takes, on a folder with one tiny rule file of its own."""
    folder = tmp_path / "conformance"
    folder.mkdir()
    (folder / "test_ac_rules.py").write_text("def test_ac_001_passes():\n    pass\n", encoding="utf-8")
    (folder / "test_helpers.py").write_text("def test_not_a_rule():\n    pass\n", encoding="utf-8")
    junit = tmp_path / "junit.xml"

    run = runner.run_pytest(junit, tests_dir=folder, extra_args=("--rootdir", str(tmp_path)))

    assert run.exit_code == 0, run.output
    assert "1 passed" in run.last_line
    assert [outcome.name for outcome in report.outcomes_from_junit(junit)] == ["test_ac_001_passes"]
