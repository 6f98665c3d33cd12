"""What every benchmark shares: a throw-away PostgreSQL test database, timing and reporting."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def report(label: str, samples: list[float]) -> None:
    print(
        f"{label}: p50 {statistics.median(samples):.1f} ms, p95 {percentile(samples, 0.95):.1f} ms, "
        f"max {max(samples):.1f} ms over {len(samples)} requests"
    )


def timed(call: Callable, expected: tuple[int, ...] = (200, 302)) -> float:
    """Milliseconds one request takes; a wrong status stops the benchmark."""
    started = time.perf_counter()
    response = call()
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code in expected, (response.status_code, response.content[:500])
    return elapsed


def compare_processing_log(label: str, calls: list[Callable]) -> None:
    """Time each call with the processing log off and on, interleaved, and print both figures.

    The switch (setting PLUS1_PROCESSING_LOG, env PLUS1_PROCESSING_LOG=off) exists for this
    comparison only; production settings force the log on.
    """
    from django.conf import settings

    off, on = [], []
    for call in calls:
        settings.PLUS1_PROCESSING_LOG = False
        off.append(timed(call))
        settings.PLUS1_PROCESSING_LOG = True
        on.append(timed(call))
    report(f"{label}, processing log off", off)
    report(f"{label}, processing log on", on)
    p50 = (statistics.median(on) / statistics.median(off) - 1) * 100
    p95 = (percentile(on, 0.95) / percentile(off, 0.95) - 1) * 100
    print(f"{label}: the processing log adds {p50:+.1f}% at p50, {p95:+.1f}% at p95")


def run_on_test_database(name: str, run: Callable[[], None], *, keepdb: bool = False) -> None:
    """Set Django up, create the test database on PostgreSQL, run, and drop it (unless ``keepdb``)."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plus1.conf.test")
    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    if connection.vendor != "postgresql":
        print(f"{name}: needs PostgreSQL (set DATABASE_URL); skipped")
        return
    # No serialising for serialized_rollback: with a kept 1M-row database that takes minutes.
    old = setup_databases(verbosity=0, interactive=False, keepdb=keepdb, serialized_aliases=set())
    try:
        run()
    finally:
        connection.close()
        if not keepdb:
            teardown_databases(old, verbosity=0)


class CpuMeter:
    """CPU seconds spent by groups of processes between ``start`` and ``stop`` (Linux /proc).

    A group is a root pid: the process, its live descendants and the children it already
    reaped (``cutime``/``cstime``), so PostgreSQL's backends that came and went still count.
    A group whose /proc cannot be read (a database on another host) is left out.
    """

    def __init__(self, groups: dict[str, int]) -> None:
        self.groups = groups
        self._start: dict[str, float] = {}
        self.seconds: dict[str, float] = {}

    @staticmethod
    def _stat(pid: int) -> tuple[int, list[str]]:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return int(fields[1]), fields  # fields[1] is the parent pid

    def _group_seconds(self, root: int) -> float:
        ticks = os.sysconf("SC_CLK_TCK")
        parents: dict[int, int] = {}
        stats: dict[int, list[str]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    parents[int(entry)], stats[int(entry)] = self._stat(int(entry))
                except (OSError, IndexError):
                    continue
        members = {root}
        grew = True
        while grew:
            grew = False
            for pid, parent in parents.items():
                if parent in members and pid not in members:
                    members.add(pid)
                    grew = True
        total = 0
        for pid in members:
            fields = stats.get(pid)
            if fields:
                # utime, stime at 11, 12; cutime, cstime (reaped children) at 13, 14 after ")"
                total += sum(int(value) for value in fields[11:15])
        return total / ticks

    def _snapshot(self) -> dict[str, float]:
        taken = {}
        for name, pid in self.groups.items():
            try:
                taken[name] = self._group_seconds(pid)
            except OSError:
                continue
        taken["this benchmark (load generator)"] = sum(os.times()[:2])
        return taken

    def start(self) -> None:
        self._start = self._snapshot()

    def stop(self) -> None:
        end = self._snapshot()
        self.seconds = {name: end[name] - self._start[name] for name in end if name in self._start}

    def per(self, count: int) -> str:
        """The split as 'name 12.3 ms, ...' per unit of work (a request, a create)."""
        return ", ".join(f"{name} {seconds * 1000 / count:.1f} ms" for name, seconds in self.seconds.items())


def free_port() -> int:
    """A free TCP port on the loopback interface, for a gunicorn the benchmark starts."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def parent_pid(pid: int) -> int:
    """The postmaster of a backend on this host (0 when PostgreSQL runs elsewhere)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return int(handle.read().rsplit(")", 1)[1].split()[1])
    except OSError:
        return 0


def wait_for(url: str, *, attempts: int = 300) -> None:
    """Wait until a started server answers ``url`` at all (any status)."""
    import httpx

    for _ in range(attempts):
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"the server did not start: {url}")
