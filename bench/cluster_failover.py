"""Failure test of the local cluster: kill -9 an app node, a worker, the replica and the leader under load.

What it proves (issue 23, "Failure tests"): while API clients create zaken and residents submit
requests in the portal, one part after the other is killed with SIGKILL and started again.
Afterwards every request that got a 201 (API) or a confirmation page (portal) must be stored in
the leader's database, and every one of those zaken must have reached a local subscriber with
exactly one "create" notification. A retry of the same notification (same Idempotency-Key) is
allowed by at-least-once delivery and counted apart; a second, different notification for the
same create is a failure. With synchronous replication, killing the leader must lose nothing.

Per part it reports: writes acknowledged, present, notified once, errors during the window
(from the kill to the end of that part's load), the failover time (kill -> the first write that
started after the kill is acknowledged) and the recovery time (kill -> the cluster is healthy
again after the part was started). The table is printed and written to var/cluster-failover.json.

Run: ``python bench/cluster_failover.py --short`` (CI: 5 s of load before and 20 s after each
kill; each ``plus1 cluster kill/start/status`` adds the seconds Django takes to start, and a first
``cluster up`` its initdb and migrate) or without ``--short`` (15 s before, 90 s after each kill).
The cluster runs in its own directory (default var/cluster-failover) on its own ports
(PLUS1_CLUSTER_PORT_BASE, default here 16400) and is taken down (and wiped) at the end unless
``--keep``. ``--base-url`` and ``--env-file`` run the load and the checks against something
already running, without kills (used to try the load generator against a single ``plus1 serve``).
Exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shlex
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from cluster_failover_load import Attempt, Load, Subscriber

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("app1", "worker1", "replica", "leader")
GEMEENTE_CBS = "GM0344"  # Utrecht
PORTAL_PROCESS = "parkeervergunning"
CLIENT_ID = "failover-test"
SECRET = "failover-test-secret-0123456789-abcdef"  # noqa: S105 - a throw-away test cluster
SUBSCRIBER_AUTH = "Bearer failover-test"


@dataclass
class Phase:
    """One part killed: what happened from the start of its load to its end."""

    part: str
    started: float
    killed: float = 0.0
    ended: float = 0.0
    kill_ok: bool = True
    start_ok: bool = True
    failover_s: float | None = None
    recovery_s: float | None = None
    notes: list[str] = field(default_factory=list)


def read_env(path: Path) -> dict[str, str]:
    """The variables of a shell env file (``KEY=value`` or ``export KEY='value'``)."""
    env = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        line = line.removeprefix("export ").strip()
        key, sep, value = line.partition("=")
        if sep:
            parts = shlex.split(value) if value else [""]
            env[key.strip()] = parts[0] if parts else ""
    return env


# --- set-up: runs inside Django with the cluster's environment (a subprocess) -------------------


def setup_data(callback_url: str) -> dict:
    """What a client needs: a published zaaktype, an application, an abonnement to the subscriber.

    Made through the domain services (no SQL) and idempotent, so a kept cluster can run again.
    """
    import django

    django.setup()
    from plus1.apiclients.models import ClientCredential
    from plus1.apiclients.services import create_application
    from plus1.audit.services import Actor
    from plus1.catalog import services as catalog
    from plus1.catalog.importer.loader import import_library
    from plus1.catalog.models import Adoption, ZaakType
    from plus1.core import zgw
    from plus1.demo.history import example_answers
    from plus1.notifications.models import Abonnement
    from plus1.notifications.services import save_abonnement
    from plus1.tenants.selectors import get_gemeente

    actor = Actor.system("failover-test")
    gemeente = get_gemeente(cbs_code=GEMEENTE_CBS)
    if not gemeente.rsin:
        gemeente.rsin = "100000009"
        gemeente.save(update_fields=["rsin"])
    if not ZaakType.objects.filter(process__identificatie=PORTAL_PROCESS).exists():
        import_library(actor=actor)
    adoption = Adoption.objects.for_tenant(gemeente).filter(process__identificatie=PORTAL_PROCESS).first()
    if adoption is None:
        zaaktype = ZaakType.objects.filter(process__identificatie=PORTAL_PROCESS).order_by("-id").first()
        adoption = catalog.adopt_process(gemeente=gemeente, zaaktype=zaaktype, actor=actor)
    zaaktype = adoption.zaaktype
    if not ClientCredential.objects.filter(client_id=CLIENT_ID).exists():
        create_application(
            tenant=gemeente,
            label="Failover-test",
            client_ids=[CLIENT_ID],
            secret=SECRET,
            actor=actor,
            has_all_autorisaties=True,
        )
    Abonnement.objects.filter(tenant=gemeente, auth=SUBSCRIBER_AUTH).delete()
    save_abonnement(tenant=gemeente, callback_url=callback_url, auth=SUBSCRIBER_AUTH, kanalen=[("zaken", {})])
    # Plausible answers within each field's rules; a kenteken must look like one.
    answers = example_answers(zaaktype) | {"kenteken": "AB-123-C"}
    steps: dict[str, list[str]] = {}
    for eigenschap in zaaktype.eigenschappen.all():
        steps.setdefault(eigenschap.step, []).append(eigenschap.name)
    return {
        "client_id": CLIENT_ID,
        "secret": SECRET,
        "rsin": gemeente.rsin,
        "slug": gemeente.slug,
        "process": PORTAL_PROCESS,
        "zaaktype_path": f"{zgw.API_ROOTS['catalogi']}/zaaktypen/{zaaktype.uuid}",
        "steps": [{name: answers.get(name, "") for name in names} for names in steps.values()],
    }


def run_setup(env: dict[str, str], callback_url: str) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--internal-setup", callback_url],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"set-up failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- the cluster command ----------------------------------------------------------------------------


class Cluster:
    """``plus1 cluster`` in its own directory and on its own ports."""

    def __init__(self, directory: Path, port_base: int):
        self.dir = directory
        self.port_base = port_base
        self.env = {**os.environ, "PLUS1_CLUSTER_PORT_BASE": str(port_base)}

    @property
    def front_url(self) -> str:
        return f"http://127.0.0.1:{self.port_base + 80}"

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "plus1", "cluster", *args, "--dir", str(self.dir)]
        try:
            return subprocess.run(
                command, env=self.env, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired as exc:
            return subprocess.CompletedProcess(
                command, 124, str(exc.stdout or ""), f"timeout after {timeout} s"
            )

    def status(self) -> tuple[int, dict]:
        result = self.run("status", "--json", timeout=60)
        try:
            return result.returncode, json.loads(result.stdout)
        except ValueError:
            return result.returncode, {"raw": result.stdout[-1000:], "stderr": result.stderr[-1000:]}

    def wait_healthy(self, timeout: float) -> float | None:
        """Seconds until ``status`` says healthy (exit 0), or None when it does not in time."""
        started = time.monotonic()
        self.last_problems: list = []
        while time.monotonic() - started < timeout:
            code, status = self.status()
            if code == 0:
                return time.monotonic() - started
            # What status said while not healthy: reported when recovery took long.
            self.last_problems = status.get("problems") or [status.get("raw", "")]
            time.sleep(1)
        return None

    def database_url(self, env: dict[str, str]) -> str:
        """The leader's own PostgreSQL (Patroni says which node leads), else the write path."""
        import httpx

        url = env["DATABASE_URL"]
        for node, rest in ((1, self.port_base + 21), (2, self.port_base + 22)):
            try:
                if httpx.get(f"http://127.0.0.1:{rest}/leader", timeout=3).status_code == 200:
                    parts = urlsplit(url)
                    netloc = parts.netloc.rsplit("@", 1)
                    host = f"127.0.0.1:{self.port_base + 10 + node}"
                    netloc = f"{netloc[0]}@{host}" if len(netloc) == 2 else host
                    return urlunsplit(parts._replace(netloc=netloc))
            except httpx.HTTPError:
                continue
        return url


# --- checks -------------------------------------------------------------------------------------


def query(database_url: str, sql: str, params: list) -> list[tuple]:
    import psycopg

    with psycopg.connect(database_url.replace("postgres://", "postgresql://", 1), connect_timeout=10) as conn:
        return conn.execute(sql, params).fetchall()


def stored_zaken(database_urls: list[str], acks: list[Attempt]) -> tuple[set[str], dict[str, str], str]:
    """The acknowledged zaken found in the database: uuids, identificatie -> uuid, and where asked."""
    uuids = [a.ref for a in acks if a.kind == "api"]
    identificaties = [a.ref for a in acks if a.kind == "portal"]
    errors = []
    for url in database_urls:
        try:
            found = {
                str(row[0])
                for row in query(url, "SELECT uuid FROM cases_zaak WHERE uuid::text = ANY(%s)", [uuids])
            }
            by_id = {
                row[0]: str(row[1])
                for row in query(
                    url,
                    "SELECT identificatie, uuid FROM cases_zaak WHERE identificatie = ANY(%s)",
                    [identificaties],
                )
            }
            return found, by_id, f"port {urlsplit(url).port}"
        except Exception as exc:  # any failure: try the next way to the leader
            errors.append(f"{type(exc).__name__}: {exc}")
    raise SystemExit("the database cannot be read: " + "; ".join(errors))


def wait_for_notifications(subscriber: Subscriber, wanted: set[str], timeout: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if wanted <= subscriber.created_uuids():
            break
        time.sleep(0.5)
    return time.monotonic() - started


def summarise(
    phases: list[Phase], attempts: list[Attempt], present: set[str], subscriber: Subscriber
) -> list[dict]:
    per_zaak = subscriber.create_keys()
    duplicates = subscriber.duplicates()
    rows = []
    whole = (min((a.started for a in attempts), default=0.0), max((a.ended for a in attempts), default=0.0))
    bounds = [(p, p.started, p.ended) for p in phases] or [(None, whole[0], whole[1] + 1)]
    for phase, start, end in bounds:
        inside = [a for a in attempts if start <= a.ended < end]
        acks = [a for a in inside if a.ok]
        window = [a for a in inside if phase is None or a.ended >= phase.killed]
        errors = [a for a in window if not a.ok]
        once = [a for a in acks if len(per_zaak.get(a.uuid or "", ())) == 1]
        rows.append(
            {
                "part": phase.part if phase else "none (no kill)",
                "acknowledged": len(acks),
                "acknowledged_api": sum(a.kind == "api" for a in acks),
                "acknowledged_portal": sum(a.kind == "portal" for a in acks),
                "present": sum(1 for a in acks if a.uuid in present),
                "notified_once": len(once),
                "not_notified": sum(1 for a in acks if not per_zaak.get(a.uuid or "")),
                "notified_twice_different": sum(1 for a in acks if len(per_zaak.get(a.uuid or "", ())) > 1),
                "same_key_redeliveries": sum(duplicates.get(a.uuid or "", 0) for a in acks),
                "errors_in_window": len(errors),
                "requests_in_window": len(window),
                "error_rate": round(len(errors) / len(window), 4) if window else 0.0,
                "first_errors": sorted({a.error for a in errors})[:5],
                "failover_s": round(phase.failover_s, 2) if phase and phase.failover_s is not None else None,
                "longest_gap_s": round(longest_gap(acks, phase.killed if phase else start, end), 2),
                "recovery_s": round(phase.recovery_s, 1) if phase and phase.recovery_s is not None else None,
                # The failover time includes one request's own time: read it against this.
                "write_p50_s": round(statistics.median([a.ended - a.started for a in acks] or [0.0]), 2),
                "notes": phase.notes if phase else [],
            }
        )
    return rows


def longest_gap(acks: list[Attempt], start: float, end: float) -> float:
    """The longest time without an acknowledged write after ``start`` (writes unavailable)."""
    times = sorted([start, end, *(a.ended for a in acks if start <= a.ended <= end)])
    return max(b - a for a, b in itertools.pairwise(times))


def print_table(rows: list[dict]) -> None:
    header = (
        f"{'killed':<9} {'acked':>6} {'present':>7} {'once':>6} {'missing':>7} {'2x diff':>7} "
        f"{'retries':>7} {'errors':>11} {'failover':>8} {'gap':>6} {'recovery':>8} {'p50':>6}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        fmt = lambda v: "-" if v is None else f"{v:.1f}s"  # noqa: E731
        print(
            f"{r['part']:<9} {r['acknowledged']:>6} {r['present']:>7} {r['notified_once']:>6} "
            f"{r['not_notified']:>7} {r['notified_twice_different']:>7} {r['same_key_redeliveries']:>7} "
            f"{r['errors_in_window']:>4}/{r['requests_in_window']:<6} {fmt(r['failover_s']):>8} "
            f"{fmt(r['longest_gap_s']):>6} {fmt(r['recovery_s']):>8} {fmt(r['write_p50_s']):>6}"
        )


def failures(rows: list[dict], phases: list[Phase]) -> list[str]:
    problems = []
    for r in rows:
        if r["present"] != r["acknowledged"]:
            problems.append(
                f"{r['part']}: {r['acknowledged'] - r['present']} acknowledged zaken are not stored"
            )
        if r["not_notified"]:
            problems.append(f"{r['part']}: {r['not_notified']} zaken got no create notification")
        if r["notified_twice_different"]:
            problems.append(
                f"{r['part']}: {r['notified_twice_different']} zaken got two different notifications"
            )
        if r["acknowledged"] == 0:
            problems.append(f"{r['part']}: no write was acknowledged at all")
    for p in phases:
        if not p.kill_ok:
            problems.append(f"{p.part}: the kill command failed")
        if p.failover_s is None:
            problems.append(f"{p.part}: writes did not succeed again after the kill")
        if p.recovery_s is None:
            problems.append(f"{p.part}: the cluster was not healthy again after starting the part")
    return problems


# --- the run ------------------------------------------------------------------------------------


def first_success_after(load: Load, moment: float, timeout: float) -> float | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [a.ended for a in load.snapshot() if a.ok and a.started >= moment]
        if done:
            return min(done) - moment
        time.sleep(0.1)
    return None


def kill_phase(cluster: Cluster, load: Load, part: str, before: float, after: float, log) -> Phase:
    phase = Phase(part=part, started=time.monotonic())
    time.sleep(before)
    phase.killed = time.monotonic()
    # The command needs a few seconds to start Django on a busy machine: the moment of the kill
    # is the one it reports (wall clock), not when it was asked.
    result = cluster.run("kill", part, "--json", timeout=120)
    phase.kill_ok = result.returncode == 0
    try:
        killed_at = json.loads(result.stdout.strip().splitlines()[-1])["killed_at"]
        phase.killed = time.monotonic() - (time.time() - float(killed_at))
    except (ValueError, KeyError, IndexError, TypeError):
        phase.notes.append("the kill command gave no time; counted from when it was asked")
    output = f"{result.stdout.strip()[-200:]} {result.stderr.strip()[-300:]}"
    log(f"  kill -9 {part}: exit {result.returncode} {output}")
    # The database parts come back by Patroni (the other node takes over); app and worker by start.
    phase.failover_s = first_success_after(load, phase.killed, timeout=max(after, 45))
    log(f"  first acknowledged write started after the kill: {phase.failover_s} s")
    result = cluster.run("start", part, timeout=200)
    phase.start_ok = result.returncode == 0
    if not phase.start_ok:
        phase.notes.append(
            f"start {part}: exit {result.returncode}: {(result.stderr or result.stdout)[-300:]}"
        )
    log(f"  start {part}: exit {result.returncode} {result.stderr.strip()[-300:]}")
    if phase.failover_s is None:
        # No write went through while the part was down (a strict synchronous leader without its
        # standby refuses commits): the time counts until writes succeed after the start.
        phase.failover_s = first_success_after(load, phase.killed, timeout=90)
        phase.notes.append("writes came back only after the part was started again")
    healthy = cluster.wait_healthy(timeout=120)
    phase.recovery_s = None if healthy is None else time.monotonic() - phase.killed
    if cluster.last_problems:
        phase.notes.append(f"status while recovering: {json.dumps(cluster.last_problems)[:400]}")
    if healthy is None:
        code, status = cluster.status()
        phase.notes.append(f"status after start: exit {code}: {json.dumps(status)[:500]}")
    remaining = phase.killed + after - time.monotonic()
    if remaining > 0:
        time.sleep(remaining)
    phase.ended = time.monotonic()
    return phase


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--short", action="store_true", help="the CI version: ~25 s of load per kill")
    parser.add_argument("--dir", default=str(ROOT / "var" / "cluster-failover"))
    parser.add_argument(
        "--port-base", type=int, default=int(os.environ.get("PLUS1_CLUSTER_PORT_BASE", "16400"))
    )
    parser.add_argument("--parts", default=",".join(PARTS), help="what to kill, in turn")
    parser.add_argument("--api-threads", type=int, default=3)
    parser.add_argument("--portal-threads", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="leave the cluster running (and its data)")
    parser.add_argument("--output", default=str(ROOT / "var" / "cluster-failover.json"))
    parser.add_argument("--base-url", help="no cluster: load an app already running here, kill nothing")
    parser.add_argument("--env-file", help="with --base-url: the env file of that app (DATABASE_URL, ...)")
    parser.add_argument("--internal-setup", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.internal_setup:
        print(json.dumps(setup_data(args.internal_setup)))
        return 0

    before, after = (5.0, 20.0) if args.short else (15.0, 90.0)
    started = time.monotonic()
    log = lambda text: print(f"[{time.monotonic() - started:6.1f}s] {text}", flush=True)  # noqa: E731
    cluster = Cluster(Path(args.dir), args.port_base)
    subscriber = Subscriber()
    phases: list[Phase] = []
    load = None
    report: dict = {"short": args.short, "parts": [], "problems": []}
    try:
        if args.base_url:
            env, base_url = read_env(Path(args.env_file)), args.base_url
        else:
            log(f"cluster up in {cluster.dir} (ports from {cluster.port_base})")
            result = cluster.run("up", timeout=600)
            print(result.stdout[-3000:], result.stderr[-3000:], sep="\n")
            if result.returncode != 0:
                raise SystemExit(f"plus1 cluster up failed (exit {result.returncode})")
            env, base_url = read_env(cluster.dir / "cluster.env"), cluster.front_url
        log("set-up: zaaktype, application, abonnement")
        data = run_setup(env, subscriber.url)
        load = Load(base_url, data, api_threads=args.api_threads, portal_threads=args.portal_threads)
        load.start()
        log(f"load running: {args.api_threads} API threads, {args.portal_threads} portal threads")
        if args.base_url:
            time.sleep(before + after)
        else:
            for part in [p for p in args.parts.split(",") if p]:
                log(f"-- {part}")
                phases.append(kill_phase(cluster, load, part, before, after, log))
        load.stop()
        attempts = load.snapshot()
        acks = [a for a in attempts if a.ok]
        log(f"load stopped: {len(acks)} acknowledged, {len(attempts) - len(acks)} errors")
        database_urls = (
            [env["DATABASE_URL"]] if args.base_url else [cluster.database_url(env), env["DATABASE_URL"]]
        )
        present, by_identificatie, where = stored_zaken(database_urls, acks)
        for attempt in acks:
            if attempt.kind == "portal":
                attempt.uuid = by_identificatie.get(attempt.ref)
        present |= {u for u in by_identificatie.values()}
        drained = wait_for_notifications(
            subscriber, {a.uuid for a in acks if a.uuid}, timeout=100 if args.short else 240
        )
        log(f"notifications drained after {drained:.0f} s; zaken read from the leader ({where})")
        rows = summarise(phases, attempts, present, subscriber)
        rows.append(summarise([], attempts, present, subscriber)[0] | {"part": "total"})
        print_table(rows)
        report["parts"] = rows
        report["problems"] = failures(rows[:-1] if phases else rows, phases)
        report["notifications_received"] = subscriber.count()
        report["notified_not_acknowledged"] = len(subscriber.created_uuids() - {a.uuid for a in acks})
        report["phases"] = [asdict(p) for p in phases]
        report["own_reads"] = dict(load.own_reads)
        report["stale_reads"] = len(load.stale_reads)
        log(f"own creates read back: {load.own_reads}, stale (404): {len(load.stale_reads)}")
        if load.stale_reads:
            report["problems"].append(f"{len(load.stale_reads)} own creates were not found when read back")
    finally:
        if load is not None:
            load.stop()
        subscriber.stop()
        if not args.base_url and not args.keep:
            log("cluster down --wipe")
            result = cluster.run("down", "--wipe", timeout=180)
            if result.returncode != 0:
                print(result.stdout[-2000:], result.stderr[-2000:], sep="\n")
        report["wall_s"] = round(time.monotonic() - started, 1)
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(json.dumps(report, indent=2) + "\n")
    for problem in report["problems"]:
        print(f"FAILED: {problem}")
    log(f"written to {args.output}")
    return 1 if report["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
