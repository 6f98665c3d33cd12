"""After kill -9 of ``plus1 serve``'s master, starting it again brings the service back by itself.

Before: the orphaned workers kept the port while they drained, the new master gave up after
gunicorn's five bind attempts, and the service stayed down.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs Linux (/proc, prctl)")

STATIC = "/static/plus1/portal.css"  # served by WhiteNoise: needs no database


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(port: int, tmp_path: Path, log_name: str, *options: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG"}} | {
        "DJANGO_SETTINGS_MODULE": "plus1.conf.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        "PLUS1_DATA_DIR": str(tmp_path),
    }
    with (tmp_path / log_name).open("w") as log:
        # Its own session, so the test can end exactly what it started.
        return subprocess.Popen(  # noqa: S603 (our own command and a port number)
            [
                sys.executable,
                "-m",
                "plus1",
                "serve",
                "--port",
                str(port),
                "--workers",
                "2",
                "--threads",
                "2",
                *options,
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _answers_200(port: int, *, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{STATIC}", timeout=1) as response:
                if response.status == 200:
                    return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    return False


def _listening(process: subprocess.Popen, log: Path, *, within: float) -> bool:
    """True once this master has bound the port itself (gunicorn logs "Listening at")."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline and process.poll() is None:
        if "Listening at" in log.read_text():
            return True
        time.sleep(0.1)
    return False


def _children(pid: int) -> list[int]:
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended while we looked
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


def _running(pid: int) -> bool:
    """True while the process exists and is not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def test_a_restart_after_the_master_was_killed_serves_again_and_the_old_workers_are_gone(tmp_path):
    port = _free_port()
    first = _serve(port, tmp_path, "first.log")
    second = None
    old_workers: list[int] = []
    clients: list[socket.socket] = []
    try:
        assert _answers_200(port, within=30), (tmp_path / "first.log").read_text()
        old_workers = _children(first.pid)
        assert old_workers
        # Clients in the middle of a request (headers not yet complete) keep the workers busy,
        # as under load.
        clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(4)]
        for client in clients:
            client.sendall(f"GET {STATIC} HTTP/1.1\r\nHost: 127.0.0.1\r\n".encode())
        time.sleep(0.5)

        os.kill(first.pid, signal.SIGKILL)  # a crash of the master, no clean shut-down
        first.wait(timeout=5)
        # At once: without collecting the static files again (collected by the first start).
        second = _serve(port, tmp_path, "second.log", "--no-collectstatic")

        # The new master binds the port itself (the old workers would answer a while too) and
        # serves; the killed master's workers are gone. 20 s is generous for a loaded machine:
        # without the fix the old workers hold the port for over a minute here.
        assert _listening(second, tmp_path / "second.log", within=20), (tmp_path / "second.log").read_text()
        assert _answers_200(port, within=5)
        assert not [pid for pid in old_workers if _running(pid)]
    finally:
        for client in clients:
            client.close()
        for process in (first, second):
            if process is not None:
                _stop(process)
        for pid in old_workers:
            if _running(pid):
                os.kill(pid, signal.SIGKILL)


def test_serve_waits_for_a_port_that_is_still_taken_instead_of_giving_up():
    from plus1.core.management.commands.serve import wait_until_free

    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    port = holder.getsockname()[1]
    try:
        assert not wait_until_free("127.0.0.1", port, timeout=0.3)
        threading.Timer(0.5, holder.close).start()  # the old server lets go a moment later

        assert wait_until_free("127.0.0.1", port, timeout=5)
    finally:
        holder.close()


def test_the_master_keeps_the_preloaded_app_out_of_full_garbage_collections():
    # A full collection walked all of Django and the API schemas: one expand request in ten took
    # three to four times the median (bench/expand_bench.py).
    import gc

    from plus1.core.management.commands.serve import freeze_before_fork

    try:
        freeze_before_fork(arbiter=None, worker=None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
