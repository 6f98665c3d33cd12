"""Ask each part how it is: HTTP to Patroni, etcd, HAProxy and the apps; SQL to pgbouncer.

Every probe has a short timeout and answers None (or False) instead of raising: the status
command must say what is wrong, not fail itself.
"""

from __future__ import annotations

import json
import shutil
import urllib.error
import urllib.request

import psycopg

from . import interpret, procs
from .interpret import DEGRADED, DOWN, PartState, Report
from .layout import PG_NODES, Layout

TIMEOUT = 2.0
APP_CHECK_PATH = "/static/plus1/portal.css"  # as HAProxy's check: no database involved
# The marker each part's command line holds (procs.is_running).
MARKERS = {"etcd": "etcd", "pg1": "patroni", "pg2": "patroni", "haproxy": "haproxy", "pgbouncer": "pgbouncer"}


def marker(part: str) -> str:
    return MARKERS.get(part, "plus1")


def http_get(url: str, timeout: float = TIMEOUT) -> tuple[int | None, bytes]:
    """(status, body); (None, b"") when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback URLs
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except (OSError, ValueError):
        return None, b""


def http_json(url: str, timeout: float = TIMEOUT) -> dict | None:
    status, body = http_get(url, timeout)
    if status is None:
        return None
    try:
        return json.loads(body)
    except ValueError:
        return None


def patroni_cluster(layout: Layout) -> dict | None:
    """Patroni's view of the cluster (GET /cluster), from the first node that answers.

    /cluster reads etcd; with etcd down (the leader kept by failsafe_mode) the view is built
    from each node's own GET /patroni instead.
    """
    for node in PG_NODES:
        answer = http_json(f"http://127.0.0.1:{layout.rest_port(node)}/cluster")
        if answer and answer.get("members") is not None:
            return answer
    own = {node: http_json(f"http://127.0.0.1:{layout.rest_port(node)}/patroni") for node in PG_NODES}
    return interpret.members_from_nodes(own)


def patroni_setting(layout: Layout, name: str) -> object:
    """One value of Patroni's dynamic configuration (GET /config, kept in etcd), or None."""
    for node in PG_NODES:
        answer = http_json(f"http://127.0.0.1:{layout.rest_port(node)}/config")
        if answer is not None:
            return answer.get(name)
    return None


def node_role(layout: Layout, node: str) -> str | None:
    """A node's own idea of its role (GET /patroni): 'master'/'primary', 'replica', or None."""
    answer = http_json(f"http://127.0.0.1:{layout.rest_port(node)}/patroni")
    return answer.get("role") if answer else None


def leader_of(cluster: dict | None) -> str | None:
    for member in (cluster or {}).get("members", []):
        if member.get("role") in ("leader", "master") and member.get("state") == "running":
            return member.get("name")
    return None


def sql(conninfo: str, query: str, timeout: float = 3) -> list[tuple] | None:
    """Rows of ``query`` (simple protocol: fine behind pgbouncer), None when it fails."""
    try:
        with (
            psycopg.connect(conninfo, connect_timeout=max(1, int(timeout)), autocommit=True) as connection,
            connection.cursor() as cursor,
        ):
            cursor.execute(query)
            return cursor.fetchall()
    except psycopg.Error:
        return None


def replication_rows(layout: Layout, leader: str) -> list[dict] | None:
    """pg_stat_replication on the leader: who streams, sync or not, and bytes replayed behind."""
    rows = sql(
        f"host=127.0.0.1 port={layout.ports[leader]} user=postgres dbname=postgres",
        "SELECT application_name, state, sync_state,"
        " COALESCE(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), 0)::bigint"
        " FROM pg_stat_replication",
    )
    if rows is None:
        return None
    return [{"application_name": a, "state": s, "sync_state": y, "lag": int(lag)} for a, s, y, lag in rows]


def etcd_healthy(layout: Layout) -> bool:
    answer = http_json(f"http://127.0.0.1:{layout.ports['etcd_client']}/health")
    return bool(answer) and str(answer.get("health")) == "true"


def app_healthy(port: int) -> bool:
    status, _ = http_get(f"http://127.0.0.1:{port}{APP_CHECK_PATH}")
    return status == 200


def pgbouncer_primary(layout: Layout, database: str = "plus1") -> bool | None:
    """True: reaches a primary; False: reaches a read-only node; None: refused or failing."""
    rows = sql(
        f"host=127.0.0.1 port={layout.ports['pgbouncer']} user=plus1 dbname={database}",
        "SELECT pg_is_in_recovery()",
    )
    return None if not rows else not rows[0][0]


def collect(layout: Layout, *, strict: bool = False) -> Report:
    """Ask every part; a Report with one line per part and the problems in plain words."""
    report = Report()
    running = {part: procs.part_pid(layout, part, marker(part)) is not None for part in layout.parts()}

    etcd_ok = running["etcd"] and etcd_healthy(layout)
    report.parts.append(PartState("etcd", running["etcd"], detail="" if etcd_ok else "onbereikbaar"))
    if not etcd_ok:
        report.add(
            "etcd",
            DEGRADED,
            "etcd is onbereikbaar: Patroni kan geen nieuwe leider kiezen (failsafe houdt de huidige leider).",
        )

    cluster = patroni_cluster(layout)
    leader = leader_of(cluster)
    # The live setting (patronictl edit-config may have changed it since the bootstrap).
    strict = strict or bool(patroni_setting(layout, "synchronous_mode_strict"))
    report.leader, report.strict = leader, strict
    replication = replication_rows(layout, leader) if leader else None
    states, problems = interpret.patroni_members(cluster, PG_NODES, replication=replication, strict=strict)
    for state in states:
        if not running[state.part]:
            state.running = False
            state.detail = (state.detail + ", " if state.detail else "") + "Patroni-proces draait niet"
    report.parts.extend(states)
    report.problems.extend(problems)
    for node in PG_NODES:
        usage = shutil.disk_usage(layout.node_dir(node)) if layout.node_dir(node).exists() else None
        problem = usage and interpret.disk_problem(node, usage.used, usage.total)
        if problem:
            report.problems.append(problem)

    status, body = http_get(f"http://127.0.0.1:{layout.ports['stats']}/;csv")
    report.parts.append(PartState("haproxy", status == 200, detail="" if status == 200 else "antwoordt niet"))
    if status != 200:
        report.add("haproxy", DOWN, "HAProxy antwoordt niet: geen database en geen site voor de apps.")
    else:
        servers = interpret.haproxy_servers(body.decode(errors="replace"))
        report.problems.extend(interpret.haproxy_problems(servers, layout.app_names()))

    primary = pgbouncer_primary(layout)
    report.parts.append(
        PartState("pgbouncer", primary is not None, detail="" if primary else "weigert of faalt")
    )
    if primary is None:
        report.add(
            "pgbouncer", DOWN, "pgbouncer weigert verbindingen of bereikt de leider niet: apps kunnen niets."
        )
    elif primary is False:
        report.add("pgbouncer", DOWN, "pgbouncer komt via 'plus1' op een alleen-lezen knooppunt uit.")
    if pgbouncer_primary(layout, "plus1_replica") is None:
        report.add(
            "pgbouncer", DEGRADED, "De database plus1_replica (lezen) is via pgbouncer niet bereikbaar."
        )

    apps_up = 0
    for number, app in enumerate(layout.app_names(), start=1):
        healthy = running[app] and app_healthy(layout.ports["http"] + number)
        apps_up += healthy
        report.parts.append(PartState(app, healthy, detail="" if healthy else "antwoordt niet"))
        if not healthy:
            report.add(app, DEGRADED, f"App-node {app} draait niet of antwoordt niet.")
    if layout.apps and not apps_up:
        report.add("apps", DOWN, "Geen enkele app-node antwoordt: de site ligt eruit.")
    front, _ = http_get(f"http://127.0.0.1:{layout.ports['http']}{APP_CHECK_PATH}")
    if front != 200 and apps_up:
        report.add("haproxy", DOWN, f"De voordeur (poort {layout.ports['http']}) antwoordt niet met 200.")

    for worker in layout.worker_names():
        report.parts.append(
            PartState(worker, running[worker], detail="" if running[worker] else "draait niet")
        )
        if not running[worker]:
            report.add(worker, DEGRADED, f"Worker {worker} draait niet: taken wachten langer.")
    if layout.workers and not any(running[worker] for worker in layout.worker_names()):
        report.add("workers", DOWN, "Er draait geen enkele worker: meldingen en taken blijven liggen.")
    return report
