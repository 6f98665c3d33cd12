"""``plus1 cluster up|down|status|kill PART|start PART``: the local high-availability cluster.

See docs/operations.md, "Cluster (high availability)", and deploy/cluster/.
"""

from __future__ import annotations

import json
import os
import time

from django.core.management.base import BaseCommand, CommandError

from plus1.cluster import control, install, probes
from plus1.cluster.layout import Layout, default_dir, layout_for


class Command(BaseCommand):
    # No system checks: the cluster must be manageable (down, kill, status) even while the
    # application code itself does not load.
    requires_system_checks = []
    help = "Het lokale HA-cluster: etcd, 2x PostgreSQL met Patroni, HAProxy, pgbouncer, apps, workers."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["up", "down", "status", "kill", "start"])
        parser.add_argument(
            "part", nargs="?", help="bij kill/start: app1, worker1, leader, replica, pg1, ..."
        )
        parser.add_argument("--dir", default=None, help="clustermap (standaard var/cluster)")
        parser.add_argument("--apps", type=int, default=None, help="app-nodes (standaard 2 of als bij up)")
        parser.add_argument("--workers", type=int, default=None, help="workers (standaard 2 of als bij up)")
        parser.add_argument("--demo", action="store_true", help="bij up: laad de demogegevens")
        parser.add_argument("--json", action="store_true", help="status/kill als JSON")
        parser.add_argument("--wipe", action="store_true", help="bij down: wis de clustermap")
        parser.add_argument(
            "--strict",
            action="store_true",
            default=os.environ.get("PLUS1_CLUSTER_STRICT", "") in ("1", "true"),
            help="bij de eerste up: synchronous_mode_strict (zonder standby geen commits)",
        )
        parser.add_argument("--archive", action="store_true", help="bij up: WAL archiveren naar DIR/archive")
        parser.add_argument("--timeout", type=float, default=180, help="seconden per stap")

    def handle(self, *args, action, part, **options):
        layout = layout_for(options["dir"] or default_dir(), options["apps"], options["workers"])
        strict = options.pop("strict") or (layout.run / "strict").exists()
        try:
            if action == "up":
                return self.up(layout, strict=strict, **options)
            if action == "down":
                control.down(layout, self.say, wipe=options["wipe"])
                return None
            if action == "status":
                return self.status(layout, strict=strict, as_json=options["json"])
            if not part:
                raise CommandError(
                    f"`plus1 cluster {action}` heeft een onderdeel nodig, bijvoorbeeld leader."
                )
            if action == "kill":
                return self.kill(layout, part, as_json=options["json"])
            node = control.start(layout, part, options["timeout"])
            self.say(f"{node} draait weer.")
        except control.ClusterError as error:
            raise CommandError(str(error)) from error
        return None

    def say(self, text: str) -> None:
        self.stdout.write(text)
        self.stdout.flush()

    def up(self, layout: Layout, *, strict: bool, **options) -> None:
        missing = install.missing_packages()
        if missing and (not install.can_install() or not install.install(missing, self.say)):
            self.stderr.write("Deze Debian-pakketten ontbreken: " + " ".join(missing))
            self.stderr.write("Installeer ze met: sudo apt-get install " + " ".join(missing))
            raise SystemExit(2)
        started = time.monotonic()
        control.up(
            layout,
            self.say,
            strict=strict,
            archive=options["archive"],
            demo=options["demo"],
            timeout=options["timeout"],
        )
        if strict:
            (layout.run / "strict").write_text("1\n")
        deadline = time.monotonic() + 60
        report = probes.collect(layout, strict=strict)
        while report.exit_code and time.monotonic() < deadline:
            time.sleep(1)
            report = probes.collect(layout, strict=strict)
        self.print_report(report)
        ports = layout.ports
        self.say(
            f"\nCluster draait na {time.monotonic() - started:.0f} s: http://127.0.0.1:{ports['http']}/\n"
            f"  database (pgbouncer): psql -h 127.0.0.1 -p {ports['pgbouncer']} -U plus1 plus1\n"
            f"  HAProxy-statistiek:   http://127.0.0.1:{ports['stats']}/\n"
            f"  omgeving:             source {layout.dir / 'cluster.env'}"
        )
        if report.exit_code:
            raise SystemExit(report.exit_code)

    def status(self, layout: Layout, *, strict: bool, as_json: bool) -> None:
        report = probes.collect(layout, strict=strict)
        if as_json:
            self.say(json.dumps(report.as_dict(), indent=2))
        else:
            self.print_report(report)
        if report.exit_code:
            raise SystemExit(report.exit_code)

    def print_report(self, report) -> None:
        for part in report.parts:
            words = "draait" if part.running else "UIT"
            role = f" {part.role}" if part.role else ""
            lag = f" lag {part.lag} B" if part.lag is not None else ""
            detail = f" ({part.detail})" if part.detail and not part.running else ""
            self.say(f"  {part.part:<10} {words}{role}{lag}{detail}")
        summary = {"ok": "Gezond.", "degraded": "Werkt, maar verminderd:", "down": "Ligt eruit:"}
        self.say(summary[report.level])
        for problem in report.problems:
            self.say(f"  - [{problem.level}] {problem.text}")

    def kill(self, layout: Layout, part: str, *, as_json: bool) -> None:
        node, pids = control.kill(layout, part)
        at = time.time()
        if as_json:
            self.say(json.dumps({"part": part, "node": node, "pids": pids, "killed_at": at}))
        elif pids:
            self.say(f"{node} gestopt met SIGKILL (pid {', '.join(map(str, pids))}).")
        else:
            self.say(f"{node} draaide niet.")
