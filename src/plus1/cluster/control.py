"""Start, stop, kill and wait for the parts of the local cluster (used by the cluster command)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable

from . import probes, procs, render
from .layout import OS_USER, PG_NODES, Layout

say_type = Callable[[str], None]
ALIASES = ("leader", "replica")
APP_PROCESSES = 2  # gunicorn processes per app node
APP_THREADS = 4


class ClusterError(Exception):
    """Something did not come up in time; the message says what, in Dutch."""


def wait_for(check: Callable[[], object], timeout: float, what: str, interval: float = 0.5) -> object:
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() >= deadline:
            raise ClusterError(f"{what} lukte niet binnen {timeout:g} s.")
        time.sleep(interval)


def app_env(layout: Layout) -> dict[str, str]:
    env = {**os.environ, **layout.environment()}
    env.pop("PLUS1_CLUSTER_STRICT", None)
    return env


def postgres_env() -> dict[str, str]:
    return {
        "PATH": "/usr/lib/postgresql/15/bin:/usr/local/bin:/usr/bin:/bin",
        "HOME": os.path.expanduser(f"~{OS_USER}"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "USER": OS_USER,
    }


def program(name: str) -> str:
    """Full path of a Debian program (pgbouncer and haproxy live in /usr/sbin, off a user's PATH)."""
    return shutil.which(name, path=os.environ.get("PATH", "") + ":/usr/sbin:/usr/bin:/sbin") or name


def command_for(layout: Layout, part: str) -> tuple[list[str], dict]:
    """The command line of ``part`` and the keyword arguments for procs.spawn."""
    conf = layout.conf
    if part == "etcd":
        return [program("etcd"), "--config-file", str(conf / "etcd.yml")], {}
    if part in PG_NODES:
        return [program("patroni"), str(conf / f"patroni-{part}.yml")], {
            "as_postgres": True,
            "env": postgres_env(),
        }
    if part == "haproxy":
        return [program("haproxy"), "-db", "-f", str(conf / "haproxy.cfg")], {}
    if part == "pgbouncer":
        return [program("pgbouncer"), str(conf / "pgbouncer.ini")], {
            "as_postgres": True,
            "env": postgres_env(),
        }
    python = [sys.executable, "-m", "plus1"]
    if part.startswith("app"):
        port = layout.ports["http"] + int(part.removeprefix("app"))
        serve = ["serve", "--host", "127.0.0.1", "--port", str(port), "--no-collectstatic"]
        serve += ["--workers", str(APP_PROCESSES), "--threads", str(APP_THREADS), "--bind-wait", "15"]
        return [*python, *serve], {"env": app_env(layout)}
    if part.startswith("worker"):
        # Restarted when it ends by itself (a lost database connection), as under systemd.
        keepalive = [sys.executable, "-m", "plus1.cluster.keepalive"]
        return [*keepalive, *python, "worker", "--worker-id", part, "--no-reload"], {"env": app_env(layout)}
    raise ClusterError(f"Onbekend onderdeel: {part}.")


def prepare(layout: Layout, *, strict: bool, archive: bool) -> None:
    """Directories, rendered configuration and cluster.env; PostgreSQL's directories for postgres."""
    for path in (layout.dir, layout.conf, layout.run, layout.log, layout.dir / "etcd"):
        path.mkdir(parents=True, exist_ok=True)
    render.render(layout, strict=strict, archive=archive)
    for node in PG_NODES:
        node_dir = layout.node_dir(node)
        node_dir.mkdir(exist_ok=True)
        node_dir.chmod(0o700)
        render.chown(node_dir)
    layout.write_env()


def start_part(layout: Layout, part: str) -> int:
    """Start ``part`` unless it runs already; its pid."""
    pid = procs.part_pid(layout, part, probes.marker(part))
    if pid:
        return pid
    command, options = command_for(layout, part)
    return procs.spawn(layout, part, command, **options)


def clear_stale_postmaster(layout: Layout, node: str) -> None:
    """A postmaster left without its Patroni (Patroni stopped by SIGKILL) is stopped too."""
    pid = procs.postmaster_pid(layout.data_dir(node))
    if pid:
        procs.signal_group(pid, signal.SIGKILL)
        procs.wait_gone(pid, 10)


def wait_part(layout: Layout, part: str, timeout: float) -> None:
    """Wait until ``part`` does its work (not merely runs)."""
    if part == "etcd":
        wait_for(lambda: probes.etcd_healthy(layout), timeout, "etcd starten")
    elif part in PG_NODES:
        wait_for(lambda: member_running(layout, part), timeout, f"{part} starten (Patroni)")
    elif part == "haproxy":
        wait_for(
            lambda: probes.http_get(f"http://127.0.0.1:{layout.ports['stats']}/")[0] == 200,
            timeout,
            "HAProxy starten",
        )
    elif part == "pgbouncer":
        wait_for(lambda: probes.pgbouncer_primary(layout), timeout, "pgbouncer naar de leider")
    elif part.startswith("app"):
        port = layout.ports["http"] + int(part.removeprefix("app"))
        wait_for(lambda: probes.app_healthy(port), timeout, f"{part} starten")
    else:
        wait_for(lambda: procs.part_pid(layout, part, probes.marker(part)), timeout, f"{part} starten")


def member_running(layout: Layout, node: str) -> bool:
    cluster = probes.patroni_cluster(layout)
    for member in (cluster or {}).get("members", []):
        if member.get("name") == node and member.get("state") in ("running", "streaming"):
            return True
    return False


def healthy_database(layout: Layout) -> bool:
    """A leader and a running synchronous standby."""
    cluster = probes.patroni_cluster(layout)
    members = (cluster or {}).get("members", [])
    roles = {member.get("role") for member in members if member.get("state") in ("running", "streaming")}
    return bool(roles & {"leader", "master"}) and "sync_standby" in roles


def manage(layout: Layout, args: list[str], say: say_type, timeout: float = 600) -> None:
    """Run ``plus1 <args>`` against the leader directly (HAProxy's write port, no pgbouncer)."""
    env = {**app_env(layout), "DATABASE_URL": layout.database_url(port="haproxy_write")}
    say("plus1 " + " ".join(args))
    result = subprocess.run(  # noqa: S603 - our own command
        [sys.executable, "-m", "plus1", *args], env=env, timeout=timeout, check=False
    )
    if result.returncode:
        raise ClusterError(f"`plus1 {' '.join(args)}` faalde (code {result.returncode}).")


def up(layout: Layout, say: say_type, *, strict: bool, archive: bool, demo: bool, timeout: float) -> None:
    """Start what does not run yet, in order, waiting for each layer; idempotent."""
    prepare(layout, strict=strict, archive=archive)
    start_part(layout, "etcd")
    wait_part(layout, "etcd", 30)
    fresh = not (layout.data_dir("pg1") / "PG_VERSION").exists() and not probes.patroni_cluster(layout)
    for node in PG_NODES:
        start_part(layout, node)
        if fresh:  # the first node initialises, the second copies it: one after the other
            say(f"{node}: Patroni start (eerste keer: initdb of basebackup)")
            wait_part(layout, node, timeout)
    wait_for(lambda: healthy_database(layout), timeout, "Leider en synchrone standby")
    for part in ("haproxy", "pgbouncer"):
        start_part(layout, part)
        wait_part(layout, part, 30)
    manage(layout, ["migrate", "--noinput", "-v", "0"], say)
    if demo:
        manage(layout, ["demo"], say, timeout=1800)  # the demo loader takes minutes on 2 cores
    manage(layout, ["collectstatic", "--noinput", "-v", "0"], say)
    for part in layout.app_names() + layout.worker_names():
        start_part(layout, part)
    for part in layout.app_names() + layout.worker_names():
        wait_part(layout, part, 90)


def resolve(layout: Layout, part: str) -> str:
    """'leader' and 'replica' mean the PostgreSQL node in that role now (or last killed)."""
    if part not in ALIASES:
        if part not in layout.parts():
            raise ClusterError(
                f"Onbekend onderdeel {part!r}; kies uit {', '.join([*layout.parts(), *ALIASES])}."
            )
        return part
    cluster = probes.patroni_cluster(layout)
    leader = probes.leader_of(cluster)
    if part == "leader" and leader:
        return leader
    if part == "replica" and leader:
        others = [node for node in PG_NODES if node != leader]
        return others[0]
    killed = layout.run / f"killed-{part}"
    if killed.exists():
        return killed.read_text().strip()
    raise ClusterError(f"Er is nu geen {part}.")


def kill(layout: Layout, part: str) -> tuple[str, list[int]]:
    """SIGKILL one part (for a PostgreSQL node: Patroni and its postmaster, as a machine dies)."""
    node = resolve(layout, part)
    killed = []
    pid = procs.part_pid(layout, node, probes.marker(node))
    if pid:
        procs.signal_group(pid, signal.SIGKILL)
        killed.append(pid)
    if node in PG_NODES:
        postmaster = procs.postmaster_pid(layout.data_dir(node))
        if postmaster:
            procs.signal_group(postmaster, signal.SIGKILL)
            killed.append(postmaster)
    if part in ALIASES:
        (layout.run / f"killed-{part}").write_text(node + "\n")
    return node, killed


def start(layout: Layout, part: str, timeout: float) -> str:
    node = resolve_for_start(layout, part)
    start_part(layout, node)
    wait_part(layout, node, timeout)
    return node


def resolve_for_start(layout: Layout, part: str) -> str:
    if part in ALIASES:
        killed = layout.run / f"killed-{part}"
        if killed.exists():
            return killed.read_text().strip()
        down = [node for node in PG_NODES if not procs.part_pid(layout, node, "patroni")]
        if down:
            return down[0]
        raise ClusterError(f"Geen gestopte {part} gevonden; noem het knooppunt (pg1 of pg2).")
    return resolve(layout, part)


def down(layout: Layout, say: say_type, *, wipe: bool) -> None:
    """Stop every part in reverse order (replica before leader); keep the data unless wipe."""
    parts = layout.parts()
    leader = probes.leader_of(probes.patroni_cluster(layout))
    nodes = sorted(PG_NODES, key=lambda node: node == leader)  # the leader last: no failover
    order = [*reversed([p for p in parts if p not in PG_NODES and p != "etcd"]), *nodes, "etcd"]
    for part in order:
        pid = procs.part_pid(layout, part, probes.marker(part))
        if pid:
            graceful = procs.stop(pid, 60 if part in PG_NODES else 20)
            say(f"{part} gestopt" + ("" if graceful else " (na SIGKILL)"))
        if part in PG_NODES:
            clear_stale_postmaster(layout, part)
    if wipe:
        if not (layout.dir / "cluster.env").exists() and not (layout.dir / "conf").exists():
            raise ClusterError(f"{layout.dir} lijkt geen clustermap; ik wis hem niet.")
        shutil.rmtree(layout.dir)
        say(f"{layout.dir} gewist")
