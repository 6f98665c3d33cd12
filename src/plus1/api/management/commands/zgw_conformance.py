"""``plus1 zgw-conformance [--write] [--from-junit FILE]``: the standard's business rules, pass or fail.

Runs tests/api/conformance (``test_<prefix>_rules.py``) in a pytest subprocess (its output shows
with ``-v 2``), maps each test to its rule by name (``test_zrc_001_...`` checks zrc-001) and
prints the summary per API. ``--write`` stores the full report as docs/zgw-conformance.md.
``--from-junit`` builds the report from an existing pytest JUnit XML file instead of running
the tests.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from plus1.api.conformance import catalogue, report, runner
from plus1.api.registry import REPO_ROOT

DOC_PATH = REPO_ROOT / "docs" / "zgw-conformance.md"


class Command(BaseCommand):
    help = "Run the ZGW business-rule tests and report per rule (docs/zgw-conformance.md with --write)."

    def add_arguments(self, parser):
        parser.add_argument("--write", action="store_true", help="write docs/zgw-conformance.md")
        parser.add_argument(
            "--from-junit",
            metavar="FILE",
            type=Path,
            help="build the report from this pytest JUnit XML file instead of running the tests",
        )
        parser.add_argument(
            "--output", metavar="FILE", type=Path, default=DOC_PATH, help="where --write writes"
        )

    def handle(self, *args, write: bool, from_junit: Path | None, output: Path, **options):
        try:
            rules = catalogue.load_catalogue()
        except catalogue.CatalogueError as exc:
            raise CommandError(f"Rule catalogue: {exc}") from exc
        if from_junit is not None:
            if not from_junit.is_file():
                raise CommandError(f"No such file: {from_junit}")
            outcomes = report.outcomes_from_junit(from_junit)
        else:
            outcomes = self._run_tests(show_output=options["verbosity"] >= 2)
        result = report.build_report(rules, outcomes)
        self.stdout.write(report.render_summary(result), ending="")
        if write:
            output.write_text(report.render_markdown(result), encoding="utf-8")
            self.stdout.write(f"wrote {output}")
        if result.problems:
            raise CommandError(f"{len(result.problems)} test name(s) point at no rule of the catalogue.")

    def _run_tests(self, *, show_output: bool) -> list[report.TestOutcome]:
        if not runner.TESTS_DIR.is_dir():
            raise CommandError(f"{runner.TESTS_DIR} does not exist: run this command in a source checkout.")
        with tempfile.TemporaryDirectory() as folder:
            junit = Path(folder) / "conformance.xml"
            run = runner.run_pytest(junit, show_output=show_output)
            # 0 all passed, 1 some failed: both are a report. Anything else is a broken run.
            if run.exit_code not in (0, 1) or not junit.is_file():
                self.stderr.write(run.output)
                raise CommandError(f"The conformance tests did not run (pytest exit code {run.exit_code}).")
            if run.last_line:
                self.stdout.write(f"pytest: {run.last_line.strip('= ')}")
            return report.outcomes_from_junit(junit)
