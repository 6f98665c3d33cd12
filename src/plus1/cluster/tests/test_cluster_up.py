"""The real cluster on loopback: up, status, down (slow; only with PLUS1_CLUSTER_TESTS=1).

Runs on its own port base and directory, so a developer's cluster on 15400 is left alone.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from plus1.cluster import install

pytestmark = [
    pytest.mark.skipif(
        os.environ.get("PLUS1_CLUSTER_TESTS") != "1", reason="slow: set PLUS1_CLUSTER_TESTS=1 to run"
    ),
    pytest.mark.skipif(bool(install.missing_packages()), reason="the cluster's Debian packages are missing"),
    pytest.mark.skipif(os.geteuid() != 0, reason="runs PostgreSQL as user postgres: needs root"),
]

PORT_BASE = "17400"


def cluster(directory: Path, *args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    env = {**os.environ, "PLUS1_CLUSTER_PORT_BASE": PORT_BASE, "DJANGO_SETTINGS_MODULE": "plus1.conf.dev"}
    env.pop("DATABASE_URL", None)
    return subprocess.run(  # noqa: S603 - our own command
        [sys.executable, "-m", "plus1", "cluster", *args, "--dir", str(directory)],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_up_status_down():
    # In the repository's var/ (as the default var/cluster): the postgres user must be able to
    # reach its data directory, and pytest's own temporary folders are private to root.
    directory = Path(settings.BASE_DIR) / "var" / f"cluster-test-{os.getpid()}"
    try:
        result = cluster(directory, "up", "--apps", "1", "--workers", "1")
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        assert f"http://127.0.0.1:{int(PORT_BASE) + 80}/" in result.stdout

        status = cluster(directory, "status", "--apps", "1", "--workers", "1", timeout=60)
        assert status.returncode == 0, status.stdout
        assert "Gezond." in status.stdout

        down = cluster(directory, "down", "--apps", "1", "--workers", "1", timeout=300)
        assert down.returncode == 0, down.stdout + down.stderr
        after = cluster(directory, "status", "--apps", "1", "--workers", "1", timeout=60)
        assert after.returncode == 2
    finally:
        cluster(directory, "down", "--wipe", "--apps", "1", "--workers", "1", timeout=300)
        shutil.rmtree(directory, ignore_errors=True)
