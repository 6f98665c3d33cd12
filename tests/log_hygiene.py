"""pytest plugin: the application logs of a test run never contain a BSN (docs/security.md).

One handler sees every record of every logger from DEBUG up, formatted with its traceback: it is
called from ``Logger.callHandlers``, so loggers that do not propagate (``django.server``, for one)
are covered too, and a logger's own filters (which may redact) have run first. A 9-digit number that
passes the eleven test (``plus1.core.validators``) fails the run at the end, with where it was
logged. Under pytest-xdist each worker scans its own records and hands its findings to the
controller through ``workeroutput``; the controller fails the run. RSINs pass the same eleven
test: an organisation number in a log line counts too, which is the safe side.
"""

from __future__ import annotations

import logging
import re

import pytest

from plus1.core.validators import passes_eleven_test

# Nine digits not glued to other letters or digits, so UUIDs, hashes and longer numbers do not count.
CANDIDATE = re.compile(r"(?<![0-9A-Za-z])\d{9}(?![0-9A-Za-z])")
# Test-data builders log the values they generate at DEBUG; they never run in an installation.
TEST_ONLY_LOGGERS = ("factory", "faker")
WORKER_KEY = "plus1_bsn_in_logs"
MAX_SHOWN = 20


class BsnLogScanner(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        self.where = "(collection)"
        self.findings: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.split(".", 1)[0] in TEST_ONLY_LOGGERS:
            return
        try:
            text = self.format(record)
        except Exception:  # a broken log call is not ours to report here
            return
        if any(passes_eleven_test(match) for match in CANDIDATE.findall(text)):
            self.findings.append(f"{self.where}: {text[:500]}")


SCANNER = BsnLogScanner()


_call_handlers = logging.Logger.callHandlers


def _scan_then_call_handlers(self: logging.Logger, record: logging.LogRecord) -> None:
    SCANNER.handle(record)
    _call_handlers(self, record)


def pytest_sessionstart(session: pytest.Session) -> None:
    root = logging.getLogger()
    # DEBUG records must be created to be scanned; the handlers that were there keep the old
    # level, so what the console shows does not change.
    for handler in root.handlers:
        if handler.level == logging.NOTSET:
            handler.setLevel(root.level)
    root.setLevel(logging.DEBUG)
    logging.Logger.callHandlers = _scan_then_call_handlers  # type: ignore[method-assign]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem):
    SCANNER.where = item.nodeid
    yield
    SCANNER.where = "(between tests)"


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    """xdist controller: collect what a worker found."""
    SCANNER.findings.extend(getattr(node, "workeroutput", {}).get(WORKER_KEY, []))


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: the controller decides
        workeroutput[WORKER_KEY] = list(SCANNER.findings)
        return
    if SCANNER.findings and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if getattr(config, "workeroutput", None) is not None or not SCANNER.findings:
        return
    terminalreporter.section("BSN in application logs", sep="=", red=True, bold=True)
    terminalreporter.line(
        f"{len(SCANNER.findings)} log record(s) contain a valid BSN; log an id, never the number:"
    )
    for finding in SCANNER.findings[:MAX_SHOWN]:
        terminalreporter.line(f"  {finding}")


def pytest_unconfigure(config) -> None:
    logging.Logger.callHandlers = _call_handlers  # type: ignore[method-assign]
