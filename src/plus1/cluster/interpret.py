"""What the cluster's answers mean, in plain (Dutch) words. Pure functions, tested on samples.

Levels: ``ok``; ``degraded`` (it works, with less safety or capacity: a standby missing, an
app node down); ``down`` (writes or the site do not work: no leader, pgbouncer refusing,
no app node). The status command exits 0, 1 or 2 for the worst level found.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

OK, DEGRADED, DOWN = "ok", "degraded", "down"
EXIT_CODES = {OK: 0, DEGRADED: 1, DOWN: 2}
LAG_LIMIT = 1024 * 1024  # bytes; as maximum_lag_on_failover
DISK_LIMIT = 0.90  # share used


@dataclass
class Problem:
    part: str
    level: str
    text: str


@dataclass
class PartState:
    part: str
    running: bool
    role: str = ""
    lag: int | None = None
    detail: str = ""


@dataclass
class Report:
    parts: list[PartState] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    leader: str | None = None
    strict: bool = False

    @property
    def level(self) -> str:
        levels = {problem.level for problem in self.problems}
        return DOWN if DOWN in levels else DEGRADED if DEGRADED in levels else OK

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.level]

    def add(self, part: str, level: str, text: str) -> None:
        self.problems.append(Problem(part, level, text))

    def as_dict(self) -> dict:
        return {
            "level": self.level,
            "exit_code": self.exit_code,
            "leader": self.leader,
            "synchronous_mode_strict": self.strict,
            "parts": [asdict(part) for part in self.parts],
            "problems": [asdict(problem) for problem in self.problems],
        }


def patroni_members(
    cluster: dict | None,
    nodes: tuple[str, ...] = ("pg1", "pg2"),
    *,
    replication: list[dict] | None = None,
    strict: bool = False,
) -> tuple[list[PartState], list[Problem]]:
    """Interpret Patroni's ``GET /cluster`` (and the leader's pg_stat_replication rows).

    ``replication`` rows carry application_name, state, sync_state and lag (bytes replayed
    behind the leader); None when the leader could not be asked.
    """
    problems: list[Problem] = []
    if cluster is None:
        problems.append(
            Problem("patroni", DOWN, "Patroni antwoordt op geen van de knooppunten: geen database.")
        )
        return [PartState(node, False) for node in nodes], problems
    members = {member.get("name"): member for member in cluster.get("members", [])}
    leaders = [
        name
        for name, member in members.items()
        if member.get("role") in ("leader", "master", "standby_leader") and member.get("state") == "running"
    ]
    if not leaders:
        problems.append(
            Problem("patroni", DOWN, "Er is geen leider: de database neemt geen schrijfacties aan.")
        )
    elif len(leaders) > 1:
        problems.append(
            Problem(
                "patroni",
                DOWN,
                f"Meer dan één leider ({', '.join(leaders)}): split brain, schrijven is onveilig.",
            )
        )
    rows = {row.get("application_name"): row for row in (replication or [])}
    states = []
    has_sync = False
    for node in nodes:
        member = members.get(node)
        if member is None:
            states.append(PartState(node, False, detail="niet in het cluster"))
            problems.append(Problem(node, DEGRADED, f"{node} doet niet mee: Patroni draait daar niet."))
            continue
        role, state = member.get("role", ""), member.get("state", "")
        lag = member.get("lag")
        lag = lag if isinstance(lag, int) else None
        part = PartState(node, state in ("running", "streaming"), role, lag, state)
        states.append(part)
        if node in leaders:
            continue
        if state not in ("running", "streaming"):
            problems.append(
                Problem(node, DEGRADED, f"{node} draait niet als standby (toestand: {state or 'onbekend'}).")
            )
            continue
        if role == "sync_standby":
            has_sync = True
        row = rows.get(node)
        if leaders and replication is not None and (row is None or row.get("state") != "streaming"):
            problems.append(
                Problem(node, DEGRADED, f"{node} ontvangt geen WAL van de leider (streamt niet).")
            )
        if row is not None and isinstance(row.get("lag"), int):
            part.lag = row["lag"]
        if part.lag is not None and part.lag > LAG_LIMIT:
            problems.append(Problem(node, DEGRADED, f"{node} loopt {part.lag} bytes achter op de leider."))
    if leaders and not has_sync:
        if strict:
            problems.append(
                Problem(
                    "patroni",
                    DOWN,
                    "Geen synchrone standby: de leider wacht bij elke commit (strict), schrijven staat stil.",
                )
            )
        else:
            problems.append(
                Problem(
                    "patroni",
                    DEGRADED,
                    "Geen synchrone standby: de leider schrijft alleen; valt hij nu uit, dan kiest"
                    " Patroni geen nieuwe leider en weigert het cluster schrijfacties.",
                )
            )
    return states, problems


def members_from_nodes(answers: dict[str, dict | None]) -> dict | None:
    """A /cluster-like answer from each node's own GET /patroni (when etcd cannot be read).

    Patroni 3.0 calls the leader "master" there; a standby says ``sync_standby: true``.
    """
    members = []
    synchronous = {
        row.get("application_name")
        for answer in answers.values()
        for row in (answer or {}).get("replication", [])
        if row.get("sync_state") in ("sync", "quorum")
    }
    for name, answer in answers.items():
        if not answer:
            continue
        role = answer.get("role", "")
        if role in ("master", "primary"):
            role = "leader"
        elif answer.get("sync_standby") or name in synchronous:
            role = "sync_standby"
        members.append({"name": name, "role": role, "state": answer.get("state", ""), "source": "patroni"})
    return {"members": members} if members else None


def haproxy_servers(csv_text: str) -> dict[tuple[str, str], str]:
    """HAProxy's stats CSV as {(proxy, server): status} for the server rows."""
    servers = {}
    lines = csv_text.splitlines()
    if not lines:
        return servers
    header = lines[0].lstrip("# ").split(",")
    for line in lines[1:]:
        row = dict(zip(header, line.split(","), strict=False))
        if row.get("svname") not in ("FRONTEND", "BACKEND", None):
            servers[(row["pxname"], row["svname"])] = row.get("status", "")
    return servers


def haproxy_problems(servers: dict[tuple[str, str], str], apps: list[str]) -> list[Problem]:
    problems = []
    up = [
        server for (proxy, server), status in servers.items() if proxy == "write" and status.startswith("UP")
    ]
    if not up:
        problems.append(
            Problem("haproxy", DOWN, "HAProxy ziet geen leider: schrijven via poort 'write' faalt.")
        )
    elif len(up) > 1:
        problems.append(
            Problem("haproxy", DOWN, f"HAProxy stuurt schrijfacties naar meer dan één knooppunt: {up}.")
        )
    down_apps = [app for app in apps if not servers.get(("apps", app), "").startswith("UP")]
    if apps and len(down_apps) == len(apps):
        problems.append(Problem("haproxy", DOWN, "HAProxy heeft geen werkende app-node: de site ligt eruit."))
    elif down_apps:
        problems.append(
            Problem("haproxy", DEGRADED, f"HAProxy stuurt niets naar {', '.join(down_apps)} (uit de lucht).")
        )
    return problems


def disk_problem(part: str, used: int, total: int) -> Problem | None:
    if total and used / total >= DISK_LIMIT:
        percent = round(100 * used / total)
        return Problem(part, DEGRADED, f"De schijf van {part} is bijna vol ({percent}% gebruikt).")
    return None
