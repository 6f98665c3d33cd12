"""Where everything of the local cluster lives: ports, directories, the parts and their order."""

from __future__ import annotations

import os
import shlex
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

DEFAULT_PORT_BASE = 15400
PG_BIN = Path("/usr/lib/postgresql/15/bin")
OS_USER = "postgres"
DEPLOY_DIR = Path(settings.BASE_DIR) / "deploy" / "cluster"

# Offsets from PLUS1_CLUSTER_PORT_BASE (the cluster contract, docs/operations.md).
PORT_OFFSETS = {
    "etcd_client": 0,
    "etcd_peer": 1,
    "pg1": 11,
    "pg2": 12,
    "rest1": 21,
    "rest2": 22,
    "haproxy_write": 30,
    "haproxy_read": 31,
    "pgbouncer": 32,
    "http": 80,
    "app1": 81,
    "app2": 82,
    "stats": 90,
}
PG_NODES = ("pg1", "pg2")


def ports(base: int | None = None) -> dict[str, int]:
    """Every port of the cluster, from ``base`` or PLUS1_CLUSTER_PORT_BASE (default 15400)."""
    if base is None:
        base = int(os.environ.get("PLUS1_CLUSTER_PORT_BASE", DEFAULT_PORT_BASE))
    named = {name: base + offset for name, offset in PORT_OFFSETS.items()}
    # Apps beyond two follow on (app3 = base + 83, ...); workers have no port.
    return named


def app_port(ports_: dict[str, int], number: int) -> int:
    return ports_["http"] + number


def read_env(path: Path) -> dict[str, str]:
    """The variables of a cluster.env (``export NAME=value`` lines); empty when there is none."""
    values = {}
    try:
        lines = path.read_text().splitlines()
    except OSError:
        return values
    for line in lines:
        name, sep, value = line.removeprefix("export ").partition("=")
        if sep and not name.startswith("#"):
            value = value.strip()
            values[name.strip()] = " ".join(shlex.split(value)) if value else value
    return values


def layout_for(directory: Path, apps: int | None = None, workers: int | None = None) -> Layout:
    """The layout of ``directory``; what is not given comes from its cluster.env, then defaults.

    So `plus1 cluster status --dir D` finds the ports and the number of apps D was started with,
    also without PLUS1_CLUSTER_PORT_BASE in the environment.
    """
    known = read_env(Path(directory) / "cluster.env")
    base = os.environ.get("PLUS1_CLUSTER_PORT_BASE") or known.get("PLUS1_CLUSTER_PORT_BASE")
    if apps is None:
        apps = len(known["PLUS1_CLUSTER_APPS"].split()) if "PLUS1_CLUSTER_APPS" in known else 2
    if workers is None:
        workers = len(known["PLUS1_CLUSTER_WORKERS"].split()) if "PLUS1_CLUSTER_WORKERS" in known else 2
    return Layout(directory, apps=apps, workers=workers, ports=ports(int(base) if base else None))


def default_dir() -> Path:
    return Path(os.environ.get("PLUS1_CLUSTER_DIR", Path(settings.BASE_DIR) / "var" / "cluster"))


@dataclass
class Layout:
    """The cluster in one directory: conf/ (rendered), run/ (pid files), log/, etcd/, pg1/, pg2/."""

    dir: Path
    apps: int = 2
    workers: int = 2
    ports: dict[str, int] = field(default_factory=ports)

    def __post_init__(self) -> None:
        self.dir = Path(self.dir).resolve()

    @property
    def conf(self) -> Path:
        return self.dir / "conf"

    @property
    def run(self) -> Path:
        return self.dir / "run"

    @property
    def log(self) -> Path:
        return self.dir / "log"

    def pid_file(self, part: str) -> Path:
        return self.run / f"{part}.pid"

    def log_file(self, part: str) -> Path:
        return self.log / f"{part}.log"

    def node_dir(self, node: str) -> Path:
        return self.dir / node

    def data_dir(self, node: str) -> Path:
        return self.node_dir(node) / "data"

    def rest_port(self, node: str) -> int:
        return self.ports["rest" + node.removeprefix("pg")]

    def app_names(self) -> list[str]:
        return [f"app{number}" for number in range(1, self.apps + 1)]

    def worker_names(self) -> list[str]:
        return [f"worker{number}" for number in range(1, self.workers + 1)]

    def parts(self) -> list[str]:
        """Every part in start order (down stops them in reverse)."""
        return ["etcd", *PG_NODES, "haproxy", "pgbouncer", *self.app_names(), *self.worker_names()]

    def database_url(self, database: str = "plus1", port: str = "pgbouncer") -> str:
        return f"postgres://plus1@127.0.0.1:{self.ports[port]}/{database}"

    def environment(self) -> dict[str, str]:
        """What apps, workers, tests and scripts need (written to DIR/cluster.env)."""
        return {
            "DATABASE_URL": self.database_url(),
            "PLUS1_DATABASE_REPLICA_URL": self.database_url("plus1_replica"),
            "PLUS1_DB_SERVER_SIDE_BINDING": "false",
            "PLUS1_DB_POOLER_TRANSACTION_MODE": "true",
            "DJANGO_SETTINGS_MODULE": "plus1.conf.dev",
            "PLUS1_BASE_URL": f"http://127.0.0.1:{self.ports['http']}",
            "PLUS1_CLUSTER_DIR": str(self.dir),
            "PLUS1_CLUSTER_PORT_BASE": str(self.ports["etcd_client"]),
            "PLUS1_CLUSTER_URL": f"http://127.0.0.1:{self.ports['http']}",
            # Direct to the leader through HAProxy, without pgbouncer (migrations, checks).
            "PLUS1_CLUSTER_LEADER_URL": self.database_url(port="haproxy_write"),
            "PLUS1_CLUSTER_APPS": " ".join(self.app_names()),
            "PLUS1_CLUSTER_WORKERS": " ".join(self.worker_names()),
        }

    def write_env(self) -> Path:
        path = self.dir / "cluster.env"
        lines = ["# Written by `plus1 cluster up`; `source` it to talk to the cluster."]
        # Quoted for the shell: "app1 app2" sourced unquoted would export just "app1".
        lines += [f"export {name}={shlex.quote(value)}" for name, value in self.environment().items()]
        path.write_text("\n".join(lines) + "\n")
        return path
