"""Failure tests of the local cluster (issue 23): kill -9 an app, a worker, the replica and the leader.

The work is done by ``bench/cluster_failover.py --short`` (runnable alone, see its docstring):
it starts its own cluster with ``plus1 cluster up``, loads it with ZGW creates and portal
submissions, kills each part in turn and checks what was acknowledged. Here it runs as one test,
and the figures it wrote are read back as the specification.

Skipped unless PLUS1_CLUSTER_TESTS=1 (it takes minutes and runs as root with PostgreSQL under
Patroni) and Debian's cluster programs are installed; scripts/test.sh runs it in CI.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROGRAMS = ("patroni", "etcd", "haproxy", "pgbouncer")
POSTGRES = Path("/usr/lib/postgresql/15/bin/postgres")
KILLED = ["app1", "worker1", "replica", "leader"]


def missing_programs() -> list[str]:
    path = os.environ.get("PATH", "") + ":/usr/sbin:/usr/bin"
    missing = [name for name in PROGRAMS if not shutil.which(name, path=path)]
    return missing + ([] if POSTGRES.exists() else [str(POSTGRES)])


pytestmark = [
    pytest.mark.skipif(
        os.environ.get("PLUS1_CLUSTER_TESTS") != "1",
        reason="cluster failure test: set PLUS1_CLUSTER_TESTS=1 (takes a few minutes, needs root)",
    ),
    pytest.mark.skipif(bool(missing_programs()), reason=f"cluster programs missing: {missing_programs()}"),
]


@pytest.fixture(scope="module")
def figures(tmp_path_factory) -> dict:
    output = tmp_path_factory.mktemp("failover") / "cluster-failover.json"
    result = subprocess.run(  # noqa: S603 - our own script, fixed arguments
        [sys.executable, str(ROOT / "bench" / "cluster_failover.py"), "--short", "--output", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    # Kept beside the figures: pytest shows its path when an assertion fails.
    (output.parent / "run.log").write_text(result.stdout + "\n" + result.stderr)
    assert output.exists(), f"the failure test wrote no figures: {result.stderr[-3000:]}"
    figures = json.loads(output.read_text())
    figures["exit_code"] = result.returncode
    figures["log"] = str(output.parent / "run.log")
    return figures


def test_every_part_was_killed_and_writes_came_back(figures):
    assert [row["part"] for row in figures["parts"][:-1]] == KILLED
    for phase in figures["phases"]:
        assert phase["kill_ok"], phase
        assert phase["failover_s"] is not None, f"writes did not come back after killing {phase['part']}"
        assert phase["recovery_s"] is not None, f"the cluster was not healthy again after {phase['part']}"


def test_every_acknowledged_write_is_stored_also_when_the_leader_dies(figures):
    for row in figures["parts"]:
        assert row["acknowledged"] > 0, row
        assert row["present"] == row["acknowledged"], row


def test_every_zaak_is_notified_exactly_once(figures):
    for row in figures["parts"]:
        # A retry with the same Idempotency-Key is allowed (at-least-once); a second notification is not.
        assert row["not_notified"] == 0, row
        assert row["notified_twice_different"] == 0, row
        assert row["notified_once"] == row["acknowledged"], row


def test_the_run_reports_no_problem(figures):
    # Read-your-writes through the real replica: a client reads its own create back at once.
    assert figures["stale_reads"] == 0, figures["own_reads"]
    assert figures["problems"] == [], figures["log"]
    assert figures["exit_code"] == 0, figures["log"]
