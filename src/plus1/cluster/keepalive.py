"""Run a command and start it again when it ends by itself, as systemd's Restart=always does.

Production runs ``plus1 worker`` under a supervisor; the local cluster has none, so a worker
that stops on a lost database connection (during a failover) would stay down. This wrapper
shares the worker's process group: ``plus1 cluster kill worker1`` (SIGKILL to the group) still
ends both, as a machine dying would, and a SIGTERM (``down``) stops the command and then itself.

Usage: ``python -m plus1.cluster.keepalive COMMAND [ARG ...]``.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time

MAX_DELAY = 10.0
STABLE_SECONDS = 60.0  # after running this long, a next restart waits the shortest time again


def main(argv: list[str] | None = None) -> int:
    command = list(sys.argv[1:] if argv is None else argv)
    if not command:
        sys.stderr.write("usage: python -m plus1.cluster.keepalive COMMAND [ARG ...]\n")
        return 2
    state: dict = {"stopping": False, "child": None}

    def stop(signum: int, frame: object) -> None:
        state["stopping"] = True
        child = state["child"]
        if child is not None and child.poll() is None:
            child.send_signal(signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    delay = 1.0
    while True:
        started = time.monotonic()
        state["child"] = subprocess.Popen(command)  # noqa: S603 - the command we were given
        code = state["child"].wait()
        if state["stopping"]:
            return code
        delay = 1.0 if time.monotonic() - started > STABLE_SECONDS else delay
        sys.stderr.write(f"keepalive: the command ended with code {code}; starting it again in {delay:g} s\n")
        sys.stderr.flush()
        time.sleep(delay)
        if state["stopping"]:
            return code
        delay = min(delay * 2, MAX_DELAY)


if __name__ == "__main__":
    sys.exit(main())
