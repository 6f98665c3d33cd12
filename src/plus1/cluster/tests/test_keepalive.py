"""The local stand-in for systemd's Restart=always around the workers."""

import os
import signal
import subprocess
import sys
import time

KEEPALIVE = [sys.executable, "-m", "plus1.cluster.keepalive"]
COUNT_A_RUN = "import pathlib, sys; p = pathlib.Path(sys.argv[1]); p.write_text(p.read_text() + 'x')"


def test_a_command_that_ends_by_itself_is_started_again(tmp_path):
    counter = tmp_path / "runs"
    counter.write_text("")
    process = subprocess.Popen(  # noqa: S603
        [*KEEPALIVE, sys.executable, "-c", COUNT_A_RUN, str(counter)],
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and len(counter.read_text()) < 2:
            time.sleep(0.1)
        assert len(counter.read_text()) >= 2
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


def test_sigterm_to_the_group_stops_the_command_and_the_keepalive():
    sleeper = [sys.executable, "-c", "import time; time.sleep(60)"]
    process = subprocess.Popen([*KEEPALIVE, *sleeper], start_new_session=True)  # noqa: S603
    time.sleep(1)
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=10)  # does not start the command again
    assert process.poll() is not None
