"""Background processes with pid files: start, look up, signal, stop.

Each part runs in its own session (its own process group) with its output appended to
DIR/log/<part>.log and its pid in DIR/run/<part>.pid. A pid file alone is not trusted: the
process must exist, not be a zombie, and its command line must still name the part's marker
(a pid reused by another program is not ours).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

from .layout import OS_USER, Layout


def read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return None


def is_running(pid: int | None, marker: str = "") -> bool:
    """True when ``pid`` is a live process (not a zombie) whose command line holds ``marker``."""
    if not pid:
        return False
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return False
    # The state follows the command name in parentheses; Z = zombie, X = dead.
    state = stat.rsplit(")", 1)[-1].split()[0]
    return state not in ("Z", "X") and marker in cmdline


def part_pid(layout: Layout, part: str, marker: str = "") -> int | None:
    """The pid of ``part`` when it runs, else None."""
    pid = read_pid(layout.pid_file(part))
    return pid if is_running(pid, marker) else None


def spawn(
    layout: Layout,
    part: str,
    command: Sequence[str],
    *,
    env: dict[str, str] | None = None,
    as_postgres: bool = False,
    cwd: Path | None = None,
) -> int:
    """Start ``command`` in the background for ``part``; its pid (also written to the pid file)."""
    layout.run.mkdir(parents=True, exist_ok=True)
    layout.log.mkdir(parents=True, exist_ok=True)
    log = open(layout.log_file(part), "ab")  # noqa: SIM115 - handed to the child, closed below
    try:
        log.write(f"\n--- {time.strftime('%Y-%m-%d %H:%M:%S')} start {part}\n".encode())
        log.flush()
        extra: dict = {}
        if as_postgres and os.geteuid() == 0:
            extra = {"user": OS_USER, "group": OS_USER, "extra_groups": []}
        process = subprocess.Popen(  # noqa: S603 - fixed commands built by this package
            list(command),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=cwd,
            start_new_session=True,
            close_fds=True,
            **extra,
        )
    finally:
        log.close()
    layout.pid_file(part).write_text(f"{process.pid}\n")
    return process.pid


def signal_group(pid: int, sig: int) -> None:
    """Send ``sig`` to the process and to its process group (its session; see spawn)."""
    for target in (lambda: os.killpg(pid, sig), lambda: os.kill(pid, sig)):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            target()


def wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not is_running(pid):
            return True
        time.sleep(0.1)
    return not is_running(pid)


def stop(pid: int, timeout: float = 20) -> bool:
    """SIGTERM, and SIGKILL after ``timeout`` seconds; True when it stopped gracefully."""
    signal_group(pid, signal.SIGTERM)
    if wait_gone(pid, timeout):
        return True
    signal_group(pid, signal.SIGKILL)
    wait_gone(pid, 5)
    return False


def postmaster_pid(data_dir: Path) -> int | None:
    """The postmaster of a data directory (first line of postmaster.pid), if it runs."""
    try:
        first = (data_dir / "postmaster.pid").read_text().splitlines()[0]
    except (OSError, IndexError):
        return None
    pid = int(first) if first.strip().isdigit() else None
    return pid if is_running(pid, "postgres") else None
