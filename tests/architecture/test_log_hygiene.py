"""The BSN-in-logs check of the test run (tests/log_hygiene.py) really fails a run that logs one."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LEAKY_TESTS = """
import logging

def test_logs_a_bsn():
    logging.getLogger("plus1.example").info("Ingelogd met BSN %s", "999993653")

def test_logs_a_bsn_at_debug_from_a_logger_that_does_not_propagate():
    logger = logging.getLogger("plus1.quiet")
    logger.propagate = False
    logger.debug("bsn=111222333")

def test_logs_only_harmless_numbers():
    logging.getLogger("plus1.example").warning(
        "Zaak %s, document 0b0d1f0e-2a44-4c1c-8f6e-123456789abc, telefoon 0612345678, bsn 123456789",
        "ZAAK-2026-0000001",
    )
"""


@pytest.fixture
def run(pytester, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))

    def run(*args):
        return pytester.runpytest_subprocess(
            "-p", "tests.log_hygiene", "-p", "no:django", "-p", "no:cacheprovider", *args
        )

    return run


@pytest.mark.parametrize("workers", [[], ["-n", "1"]], ids=["one process", "pytest-xdist"])
def test_a_run_whose_logs_contain_a_bsn_fails_and_says_where(pytester, run, workers):
    pytester.makepyfile(test_leak=LEAKY_TESTS)

    result = run(*workers)

    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "*BSN in application logs*",
            "*2 log record(s) contain a valid BSN*",
            "*test_leak.py::test_logs_a_bsn: INFO plus1.example: Ingelogd met BSN 999993653",
            "*test_leak.py::test_logs_a_bsn_at_debug_from_a_logger_that_does_not_propagate: DEBUG*111222333",
            "*3 passed*",
        ]
    )
    assert "123456789" not in result.stdout.str()


def test_a_run_with_clean_logs_passes(pytester, run):
    pytester.makepyfile(
        test_clean="import logging\n\ndef test_ok():\n    logging.getLogger('x').info('niets')\n"
    )

    assert run().ret == pytest.ExitCode.OK


def test_the_access_log_of_plus1_serve_leaves_out_query_strings_and_referrers():
    from plus1.core.management.commands.serve import ACCESS_LOG_FORMAT

    # %(r)s is the request line with its query, %(q)s the query, %(f)s the referrer, %({..}i)s a header.
    for atom in ("%(r)s", "%(q)s", "%(f)s", "}i)s"):
        assert atom not in ACCESS_LOG_FORMAT
    assert "%(U)s" in ACCESS_LOG_FORMAT
