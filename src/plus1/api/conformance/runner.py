"""Run tests/api/conformance in a fresh pytest process and keep its JUnit XML.

A subprocess, so the command works from the CLI: the tests need pytest-django's test database and
live server, which a management command's own Django process cannot give them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from plus1.api.registry import REPO_ROOT

TESTS_DIR = REPO_ROOT / "tests" / "api" / "conformance"
TEST_SETTINGS = "plus1.conf.test"


def rule_test_files(tests_dir: Path = TESTS_DIR) -> list[Path]:
    """The rule tests: ``test_<prefix>_rules.py`` (the folder's other tests check the tooling)."""
    return sorted(tests_dir.glob("test_*_rules.py"))


@dataclass(frozen=True)
class Run:
    exit_code: int
    # pytest's own output; empty when it went to the terminal.
    output: str = ""

    @property
    def last_line(self) -> str:
        lines = [line for line in self.output.splitlines() if line.strip()]
        return lines[-1] if lines else ""


def run_pytest(
    junit_path: Path,
    *,
    tests_dir: Path = TESTS_DIR,
    extra_args: tuple[str, ...] = (),
    show_output: bool = False,
) -> Run:
    """Run the rule tests, writing ``junit_path``; returns pytest's exit code (and output, kept).

    Failing tests are what the report is for, so only "no tests ran" or a crash (exit code 2 and
    up, but 5 "no tests collected") is the caller's business.
    """
    files = rule_test_files(tests_dir)
    if not files:
        return Run(exit_code=5)
    env = dict(os.environ)
    # ``plus1`` sets the dev settings; pytest-django would prefer them over the ini's test settings.
    env.pop("DJANGO_SETTINGS_MODULE", None)
    command = [
        sys.executable,
        "-m",
        "pytest",
        *(str(path) for path in files),
        "-p",
        "no:cacheprovider",
        "-q",
        f"--ds={TEST_SETTINGS}",
        f"--junitxml={junit_path}",
        "-o",
        "junit_family=xunit2",
        *extra_args,
    ]
    if show_output:
        return Run(exit_code=subprocess.run(command, cwd=REPO_ROOT, env=env, check=False).returncode)  # noqa: S603
    completed = subprocess.run(  # noqa: S603
        command, cwd=REPO_ROOT, env=env, check=False, capture_output=True, text=True
    )
    return Run(exit_code=completed.returncode, output=completed.stdout + completed.stderr)
