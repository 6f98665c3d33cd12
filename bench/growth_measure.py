"""The growth benchmark's measurements: real HTTP against gunicorn on 127.0.0.1, one user.

Each operation gets a warm-up, then a few hundred requests one after the other (a time cap
keeps a slow one, such as a deep OFFSET page, from running for minutes). Per operation: p50
and p95 latency, the CPU the gunicorn processes spent per request (app CPU) and the CPU of
the PostgreSQL backends serving this database per request (PostgreSQL CPU), both read from
/proc. The backends are found in pg_stat_activity (kept connections: PLUS1_DB_CONN_MAX_AGE
is raised so none closes halfway). Other engineers share the two cores: latencies carry their
noise, the CPU figures much less.

The read cache is off (PLUS1_API_READ_CACHE_SECONDS=0) for every figure except
``zgw_list_cached``, which asks the first list page again and again from a second gunicorn
with the cache on: the figure a client paging the same list sees.
"""

from __future__ import annotations

import os
import random
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from growth_dataset import MEASURED_RSIN, PER_RESIDENT, SLOT_STEP, SLOTS, TEAMS, ordered_gemeenten
from harness import free_port, percentile, wait_for

WORKERS = "2"
THREADS = "4"
SECRET = "growth-secret-growth-secret-growth-secret"  # noqa: S105 - a local benchmark client
TOTP_KEY = "3132333435363738393031323334353637383930"
GRANTED = 14


@dataclass
class Operation:
    name: str
    label: str
    call: Callable[[], object]
    samples: int
    cap_seconds: float = 30.0
    expected: tuple[int, ...] = (200,)


def measure(reached: int) -> dict[str, dict]:
    """Measure every operation at the size the database has now; returns figures per name."""
    import logging

    logging.getLogger("httpx").setLevel(logging.WARNING)
    context = _prepare()
    figures: dict[str, dict] = {}
    with Server(cache_seconds=0) as server:
        for operation in _operations(server.url, context):
            figures[operation.name] = _run(operation, server)
            _print(operation, figures[operation.name], reached)
    with Server(cache_seconds=300) as server:
        operation = _zgw_list(
            server.url, context, "zgw_list_cached", "ZGW zaken list, first page, read cache on"
        )
        figures[operation.name] = _run(operation, server)
        _print(operation, figures[operation.name], reached)
    return figures


def _print(operation: Operation, figure: dict, reached: int) -> None:
    print(
        f"{reached:>10,} zaken  {operation.label}: "
        f"p50 {figure['p50']:.1f} ms, p95 {figure['p95']:.1f} ms, "
        f"app CPU {figure['app_cpu']:.1f} ms, PostgreSQL CPU {figure['pg_cpu']:.1f} ms "
        f"({figure['n']} requests)",
        flush=True,
    )


class Server:
    """gunicorn with the dev settings (DigiD simulator on) on a free loopback port."""

    def __init__(self, *, cache_seconds: int) -> None:
        from django.conf import settings

        database = settings.DATABASES["default"]
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "plus1.conf.dev",
            "DEBUG": "false",
            "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
            "PLUS1_TASK_BACKEND": "django_tasks_db.DatabaseBackend",
            "PLUS1_LOG_LEVEL": "WARNING",
            "PLUS1_API_READ_CACHE_SECONDS": str(cache_seconds),
            # Kept connections for the whole run: a backend that closes takes its CPU figure along.
            "PLUS1_DB_CONN_MAX_AGE": "3600",
        }

    def __enter__(self) -> Server:
        self.process = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "plus1.wsgi", "-b", f"127.0.0.1:{self.port}",
                "-w", WORKERS, "--threads", THREADS, "-k", "gthread",
                # As zgw_bench: no keep-alive (delayed-ACK stalls on loopback), the app preloaded.
                "--keep-alive", "0", "--log-level", "warning", "--preload",
            ],
            env=self.env,
        )  # fmt: skip
        wait_for(f"{self.url}/zaken/api/v1/zaken")
        return self

    def __exit__(self, *exc) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _prepare() -> dict:
    """The ZGW application, the residents and the employees the requests run as."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from plus1.accounts.constants import Role
    from plus1.accounts.models import Membership, Team
    from plus1.accounts.services import create_employee, register_totp_device
    from plus1.apiclients.services import AutorisatieSpec, create_application
    from plus1.audit.services import Actor
    from plus1.catalog.models import ZaakType
    from plus1.core import zgw

    gemeente = ordered_gemeenten()[0]
    zaaktypen = list(ZaakType.objects.filter(adoptions__tenant=gemeente).order_by("id"))
    granted = zaaktypen[:GRANTED]
    client_id = f"growth-{int(time.time())}"
    create_application(
        tenant=gemeente,
        label="Growth bench",
        client_ids=[client_id],
        secret=SECRET,
        actor=Actor.system("growth-bench"),
        autorisaties=[
            AutorisatieSpec(
                component="zrc",
                scopes=["zaken.lezen", "zaken.aanmaken"],
                zaaktype=zaaktype,
                max_confidentiality="zeer_geheim",
            )
            for zaaktype in granted
        ],
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT uuid FROM cases_zaak WHERE tenant_id = %s AND zaaktype_id = ANY(%s) "
            "ORDER BY random() LIMIT 300",
            [gemeente.id, [z.id for z in granted]],
        )
        detail_uuids = [str(row[0]) for row in cursor.fetchall()]
        # Residents of the first 10,000 zaken in this gemeente: the same people at every size.
        cursor.execute(
            "SELECT r FROM generate_series(0, %s) AS r JOIN growth_slot s ON s.slot = (r * %s) %% %s "
            "WHERE s.tenant_id = %s ORDER BY r LIMIT 50",
            [10_000 // PER_RESIDENT - 1, SLOT_STEP, SLOTS, gemeente.id],
        )
        residents = [f"{row[0]:09d}" for row in cursor.fetchall()]
    users = get_user_model()
    resident_sessions = []
    for bsn in residents:
        user = users.objects.filter(bsn=bsn).first() or users.digid_objects.digid_create(bsn)
        resident_sessions.append(_session(user, "digid_eherkenning.mock.backends.DigiDBackend"))
    team = Team.objects.get(tenant=gemeente, name=TEAMS[0])
    employees = {}
    for role in (Role.BEHANDELAAR, Role.TEAMLEIDER):
        username = f"growth-{role.value if hasattr(role, 'value') else role}"
        user = users.objects.filter(username=username).first()
        if user is None:
            user = create_employee(username=username, password="growth-wachtwoord-lang")
            Membership.objects.create(tenant=gemeente, user=user, role=role)
            team.members.add(user)
            register_totp_device(user=user, key=TOTP_KEY)
        employees[role] = _session(user, None, otp=True)
    connection.close()
    return {
        "gemeente": gemeente,
        "client_id": client_id,
        "zaaktype_url": f"{zgw.API_ROOTS['catalogi']}/zaaktypen/{granted[0].uuid}",
        "detail_uuids": detail_uuids,
        "residents": resident_sessions,
        "behandelaar": employees[Role.BEHANDELAAR],
        "teamleider": employees[Role.TEAMLEIDER],
    }


def _session(user, backend: str | None, *, otp: bool = False) -> str:
    """A session cookie value for ``user``, as a login through DigiD (or the back office) leaves."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user, backend=backend)
    if otp:
        from django_otp import DEVICE_ID_SESSION_KEY

        session = client.session
        session[DEVICE_ID_SESSION_KEY] = user.totpdevice_set.get().persistent_id
        session.save()
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _headers(client_id: str) -> dict:
    from plus1.api.common.testing import make_token

    return {
        "Authorization": f"Bearer {make_token(client_id, SECRET)}",
        "Accept-Crs": "EPSG:4326",
        "Content-Crs": "EPSG:4326",
    }


def _zgw_list(
    url: str, context: dict, name: str, label: str, pages: Callable[[], int] | None = None
) -> Operation:
    import httpx

    client = httpx.Client(base_url=url, timeout=120)
    headers = _headers(context["client_id"])

    def call():
        page = pages() if pages else 1
        return client.get("/zaken/api/v1/zaken" + (f"?page={page}" if page > 1 else ""), headers=headers)

    return Operation(name, label, call, samples=150)


def _operations(url: str, context: dict) -> list[Operation]:
    import httpx
    from django.conf import settings
    from django.urls import reverse

    zgw = httpx.Client(base_url=url, timeout=120)
    headers = _headers(context["client_id"])
    count = zgw.get("/zaken/api/v1/zaken", headers=headers).json()["count"]
    last_page = max(1, -(-count // 100))
    rng = random.Random(1)
    details = iter(context["detail_uuids"] * 3)
    create_body = {
        "bronorganisatie": MEASURED_RSIN,
        "verantwoordelijkeOrganisatie": MEASURED_RSIN,
        "zaaktype": f"{url}{context['zaaktype_url']}",
        "startdatum": time.strftime("%Y-%m-%d"),
        "omschrijving": "Groeimeting",
    }
    cookie = settings.SESSION_COOKIE_NAME
    residents = [httpx.Client(base_url=url, timeout=120, cookies={cookie: s}) for s in context["residents"]]
    resident_turn = iter(range(10**9))
    behandelaar = httpx.Client(base_url=url, timeout=120, cookies={cookie: context["behandelaar"]})
    teamleider = httpx.Client(base_url=url, timeout=120, cookies={cookie: context["teamleider"]})
    mijn_zaken = reverse("portal:my-zaken", args=[context["gemeente"].slug])
    print(f"the ZGW application sees {count:,} zaken ({last_page:,} pages)", flush=True)
    return [
        _zgw_list(url, context, "zgw_list_first", "ZGW zaken list, first page"),
        _zgw_list(
            url,
            context,
            "zgw_list_deep",
            "ZGW zaken list, a page in the second half",
            pages=lambda: rng.randint(max(1, last_page // 2), last_page),
        ),
        Operation(
            "zgw_detail",
            "ZGW zaak detail (each zaak once)",
            lambda: zgw.get(f"/zaken/api/v1/zaken/{next(details)}", headers=headers),
            samples=150,
        ),
        Operation(
            "zgw_create",
            "ZGW zaak create",
            lambda: zgw.post("/zaken/api/v1/zaken", json=create_body, headers=_headers(context["client_id"])),
            samples=150,
            expected=(201,),
        ),
        Operation(
            "portal_mijn_zaken",
            "Portal Mijn zaken (DigiD)",
            lambda: residents[next(resident_turn) % len(residents)].get(mijn_zaken),
            samples=150,
        ),
        Operation(
            "backoffice_werkvoorraad",
            "Back office werkvoorraad, first page",
            lambda: behandelaar.get(reverse("backoffice:inbox")),
            samples=150,
        ),
        Operation(
            "backoffice_dashboard",
            "Back office dashboard (teamleider)",
            lambda: teamleider.get(reverse("backoffice:dashboard")),
            samples=60,
        ),
    ]


def _run(operation: Operation, server: Server) -> dict:
    for _ in range(10):
        _check(operation, operation.call())
    backends = _backends()
    app_before, pg_before = _tree_cpu(server.process.pid), _pids_cpu(backends)
    samples: list[float] = []
    deadline = time.perf_counter() + operation.cap_seconds
    while len(samples) < operation.samples and time.perf_counter() < deadline:
        started = time.perf_counter()
        response = operation.call()
        samples.append((time.perf_counter() - started) * 1000)
        _check(operation, response)
    # Backends that started during the run count from zero (they did all their work in it).
    backends |= _backends()
    app = _tree_cpu(server.process.pid) - app_before
    pg_after = _pids_cpu(backends)
    pg = sum(pg_after.get(pid, 0.0) - pg_before.get(pid, 0.0) for pid in pg_after)
    count = len(samples)
    return {
        "n": count,
        "p50": round(statistics.median(samples), 2),
        "p95": round(percentile(samples, 0.95), 2),
        "app_cpu": round(app * 1000 / count, 2),
        "pg_cpu": round(pg * 1000 / count, 2),
    }


def _check(operation: Operation, response) -> None:
    if response.status_code not in operation.expected:
        raise RuntimeError(f"{operation.label}: {response.status_code} {response.text[:300]}")


def _backends() -> set[int]:
    """The PostgreSQL backends of this database other than our own (gunicorn's)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
        )
        pids = {row[0] for row in cursor.fetchall()}
    return pids


def _ticks(pid: int, *, children: bool = False) -> tuple[int, int, float]:
    """(parent pid, start, CPU seconds) of a process from /proc/<pid>/stat."""
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    used = sum(int(value) for value in fields[11 : 15 if children else 13])
    return int(fields[1]), int(fields[19]), used / os.sysconf("SC_CLK_TCK")


def _pids_cpu(pids: set[int]) -> dict[int, float]:
    taken = {}
    for pid in pids:
        try:
            taken[pid] = _ticks(pid)[2]
        except OSError:
            continue
    return taken


def _tree_cpu(root: int) -> float:
    """CPU seconds of gunicorn: the master and its live workers (with reaped children)."""
    total = 0.0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            parent, _start, used = _ticks(int(entry), children=True)
        except (OSError, IndexError):
            continue
        if int(entry) == root or parent == root:
            total += used
    return total
