"""Incident register benchmark on PostgreSQL: 1,000,000 zaken and 100,000 incidents.

The data: the shared back-office data set (``dataset.load_zaken``: 342 gemeenten, one team
each, residents with 20 zaken in one gemeente), then 100,000 incidents loaded with set-based
SQL (``INSERT ... SELECT generate_series``) from one incident made through the service, each
with its VPT tasks. A fifth of them belong to the measured gemeente (about 20,000: twenty
years of a large gemeente's reports, so a pessimistic overview), the rest are spread over the
other gemeenten. Most name the resident of one of the gemeente's zaken; one in twenty has a
maatregel, about a tenth of those still running.

Measured through real HTTP against gunicorn (``PLUS1_BENCH_WORKERS`` processes x
``PLUS1_BENCH_THREADS`` threads, started here), one user at a time, with the CPU per request
of gunicorn and PostgreSQL (when it runs on this host):
- the incident form submit (POST "Incident melden" with a person from a zaak, 302),
  target p95 <= 50 ms;
- the coordinator's overview, first page, target p95 <= 100 ms;
- the zaak detail page with the safety-signal check, target at most 2 ms more at p50 than
  without it. Method: a second gunicorn serves the same database with the check switched off
  (``application_without_signal`` below replaces the signal selector with one that finds
  nothing, before any view is imported); the bench asks both servers for the same zaken,
  interleaved, for zaken whose resident has no maatregel and for zaken whose resident has a
  running one (the banner shows). It also times the selector alone in this process, which is
  the check's own cost without the noise of two servers.

Run with `python bench/incidents_bench.py` with DATABASE_URL pointing at PostgreSQL
(`bench/run.sh` runs it too). The data set is kept between runs in its own database
(``plus1_bench_incidents_<zaken>_<incidents>``); PLUS1_BENCH_KEEPDB=0 drops it afterwards.
Scale down with PLUS1_BENCH_ZAKEN and PLUS1_BENCH_INCIDENTS. Prints figures; asserts nothing.
"""

from __future__ import annotations

import importlib
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

from dataset import HANDLERS_PER_TEAM, PER_RESIDENT
from harness import CpuMeter, percentile, report, run_on_test_database
from zgw_bench import clone

ZAKEN = int(os.environ.get("PLUS1_BENCH_ZAKEN", "1000000"))
INCIDENTS = int(os.environ.get("PLUS1_BENCH_INCIDENTS", "100000"))
KEEPDB = os.environ.get("PLUS1_BENCH_KEEPDB", "1") == "1"
# One user at a time: a few processes are plenty, and two servers run side by side.
WORKERS = os.environ.get("PLUS1_BENCH_WORKERS", "2")
THREADS = os.environ.get("PLUS1_BENCH_THREADS", "2")
SAMPLES = int(os.environ.get("PLUS1_BENCH_SAMPLES", "300"))
# The share of all incidents that belongs to the measured gemeente (the first one).
MEASURED_SHARE = 0.2
# One incident in MEASURE_EVERY has a maatregel; it runs MEASURE_DAYS from the incident.
MEASURE_EVERY = 20
MEASURE_DAYS = 180
HISTORY_DAYS = 5 * 365
PASSWORD = "bench-wachtwoord-lang"  # noqa: S105 - a throw-away database
TOTP_KEY = "3132333435363738393031323334353637383930"
COORDINATOR = "bench-coordinator"
# The measured gemeente's case handlers: five in the zaaktype's team, one in another team.
HANDLERS = [f"bench-{n}" for n in range(HANDLERS_PER_TEAM)] + ["bench-werk"]


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plus1.conf.test")
    import django

    django.setup()
    from django.conf import settings

    # A database of its own, named after its scale: never the shared test database, and a run
    # at another scale does not find a data set of the wrong size.
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = (
        f"plus1_bench_incidents_{ZAKEN}_{INCIDENTS}"
    )
    run_on_test_database("incidents benchmark", _run, keepdb=KEEPDB)


def application_without_signal():
    """gunicorn's app factory for the comparison server: the zaak page's safety-signal check is off.

    The zaak views import the check by name when the URLconf loads (``plus1.wsgi`` loads it at
    once), so the name is replaced there: the page then renders as it did before issue 20.
    """
    from plus1.wsgi import application  # sets Django up and loads the URLconf

    zaak_views = importlib.import_module("plus1.backoffice.zaak_views")

    assert hasattr(zaak_views, "safety_signal_for_zaak"), "the zaak page no longer asks this name"
    zaak_views.safety_signal_for_zaak = lambda **kwargs: None
    return application


def _run() -> None:
    from django.db import connection, transaction

    from plus1.cases.models import Zaak
    from plus1.incidents.models import Incident

    loaded = False
    if Zaak.objects.count() < ZAKEN:
        _load_zaken(connection)
        loaded = True
    if Incident.objects.count() < INCIDENTS:
        # One transaction: a load that stops half-way leaves nothing to trip the next run.
        with transaction.atomic():
            _load_incidents(connection)
        loaded = True
    if loaded:
        # As autovacuum would by the time anyone asks: statistics, and the visibility map that
        # lets a count be answered from the index alone.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    _measure()


def _load_zaken(connection) -> None:
    """The zaken of ``dataset.load_zaken``, cloned from one zaak made through ``create_zaak``.

    Resident r owns zaken r*20 .. r*20+19 (BSN r, zero-padded), all in gemeente r % 342, in
    the gemeente's one team; one in ten is closed. Cloning a real zaak keeps every column the
    models have (``zgw_bench.clone``).
    """
    from plus1.accounts.constants import Role
    from plus1.accounts.models import Membership, Team
    from plus1.accounts.services import create_employee, register_totp_device
    from plus1.audit.services import Actor
    from plus1.cases.services import Initiator, create_zaak
    from plus1.catalog import services
    from plus1.catalog.importer.loader import import_library
    from plus1.catalog.models import ZaakType
    from plus1.demo.history import example_answers
    from plus1.tenants.models import Organisation

    actor = Actor.system("bench")
    import_library(actor=actor)
    zaaktype = ZaakType.objects.get(process__identificatie="parkeervergunning")
    gemeenten = list(Organisation.objects.gemeenten().order_by("id"))
    teams, adoptions = {}, {}
    for gemeente in gemeenten:
        adoption = services.adopt_process(gemeente=gemeente, zaaktype=zaaktype, actor=actor)
        adoption.team = Team.objects.create(tenant=gemeente, name="Vergunningen")
        adoption.save(update_fields=["team"])
        teams[gemeente.id], adoptions[gemeente.id] = adoption.team.id, adoption
    template = create_zaak(
        tenant=gemeenten[0],
        adoption=adoptions[gemeenten[0].id],
        initiator=Initiator(name="Inwoner", bsn="999993653"),
        data=example_answers(zaaktype),
        actor=actor,
    )
    status, rol = template.statussen.get(), template.rollen.get()
    tenant_ids = [g.id for g in gemeenten]
    team_ids = [teams[g] for g in tenant_ids]
    position = f"1 + (g / {PER_RESIDENT}) %% {len(tenant_ids)}"
    started = time.perf_counter()
    with connection.cursor() as cursor:
        clone(
            cursor,
            "cases_zaak",
            template.id,
            "generate_series(0, %s - 1) AS g",
            {
                "uuid": "gen_random_uuid()",
                "identificatie": "'ZAAK-B-' || lpad(g::text, 7, '0')",
                "tenant_id": f"(ARRAY{tenant_ids}::bigint[])[{position}]",
                "team_id": f"(ARRAY{team_ids}::bigint[])[{position}]",
                "registered_on": "DATE '2026-01-01' + (g %% 300)",
                "started_on": "DATE '2026-01-01' + (g %% 300)",
                "planned_end_on": "DATE '2026-02-26' + (g %% 300)",
                "ended_on": "CASE WHEN g %% 10 = 9 THEN DATE '2026-02-01' + (g %% 300) END",
                "current_status_id": "NULL",
            },
            [ZAKEN],
        )
        new_zaken = f"cases_zaak z WHERE z.id <> {template.id}"
        clone(cursor, "cases_status", status.id, new_zaken, {"uuid": "gen_random_uuid()", "zaak_id": "z.id"})
        cursor.execute(
            "UPDATE cases_zaak z SET current_status_id = s.id FROM cases_status s "
            "WHERE s.zaak_id = z.id AND z.current_status_id IS NULL"
        )
        resident = f"(substring(z.identificatie from 8)::int / {PER_RESIDENT})"
        bsn = f"lpad({resident}::text, 9, '0')"
        clone(
            cursor,
            "cases_rol",
            rol.id,
            new_zaken,
            {
                "uuid": "gen_random_uuid()",
                "zaak_id": "z.id",
                "bsn": bsn,
                "name": f"'Inwoner ' || {resident}",
                "subject_identifier": bsn if rol.subject_identifier else "''",
            },
        )
        cursor.execute("ANALYZE")
    print(f"loaded {ZAKEN:,} zaken over {len(gemeenten)} gemeenten in {time.perf_counter() - started:.0f} s")

    gemeente = gemeenten[0]
    team = Team.objects.get(pk=teams[gemeente.id])
    other_team = Team.objects.create(tenant=gemeente, name="Werk en inkomen")
    people = [(f"bench-{n}", Role.BEHANDELAAR, team) for n in range(HANDLERS_PER_TEAM)]
    people += [("bench-werk", Role.BEHANDELAAR, other_team), (COORDINATOR, Role.AGRESSIECOORDINATOR, None)]
    for username, role, member_of in people:
        user = create_employee(username=username, password=PASSWORD)
        Membership.objects.create(tenant=gemeente, user=user, role=role)
        if member_of is not None:
            member_of.members.add(user)
        register_totp_device(user=user, key=TOTP_KEY)


def _load_incidents(connection) -> None:
    """``INCIDENTS`` reports with their tasks and measures, cloned from one made by ``report_incident``.

    Incident g belongs to the measured gemeente for g < MEASURED_SHARE * INCIDENTS, else to
    one of the others in turn; it happened some minutes up to five years ago, was reported half
    an hour later, and is numbered per gemeente and year as the service numbers
    (VPT-2026-000123), so the next report gets the next number. Seven in ten name the resident
    of a zaak of that gemeente; older reports are closed, with their tasks done (one in six of
    the nazorg late).
    """
    from django.contrib.auth import get_user_model

    from plus1.accounts.models import Team
    from plus1.audit.services import Actor
    from plus1.cases.models import Zaak
    from plus1.incidents.models import Incident
    from plus1.incidents.services import IncidentData, Person, report_incident
    from plus1.tenants.models import Organisation

    users = get_user_model()
    gemeenten = list(Organisation.objects.gemeenten().order_by("id"))
    measured = gemeenten[0]
    handlers = list(users.objects.filter(username__in=HANDLERS).order_by("username"))
    # One reporter per other gemeente: the register's foreign keys need a person, not a log-in.
    users.objects.bulk_create(
        [users(username=f"bench-reporter-{g.id}", is_staff=True) for g in gemeenten[1:]],
        ignore_conflicts=True,
    )
    reporters = dict(
        users.objects.filter(username__startswith="bench-reporter-").values_list("username", "id")
    )
    teams = dict(Team.objects.filter(name="Vergunningen").values_list("tenant_id", "id"))
    zaak = Zaak.objects.for_tenant(measured).exclude(identificatie__startswith="ZAAK-B-").get()
    template = report_incident(
        tenant=measured,
        reporter=handlers[0],
        employee=handlers[0],
        data=IncidentData(
            occurred_at=zaak.created_at,
            location="Stadskantoor, publieksbalie",
            channel="balie",
            categories=["verbaal"],
            description="De persoon werd boos over de wachttijd en begon te schelden.",
            person=Person(kind="resident", bsn=zaak.rollen.get().bsn),
        ),
        zaak=zaak,
        actor=Actor.system("bench"),
    )
    tasks = {task.kind: task for task in template.tasks.all()}
    # Out of the way of the loaded numbers; the template goes once it is copied.
    Incident.objects.filter(pk=template.pk).update(number="TEMPLATE")
    in_measured = int(INCIDENTS * MEASURED_SHARE)
    others = len(gemeenten) - 1
    residents_per_gemeente = max(1, ZAKEN // PER_RESIDENT // len(gemeenten))
    tenant_ids = [g.id for g in gemeenten]
    team_ids = [teams[g] for g in tenant_ids]
    reporter_ids = [0] + [reporters[f"bench-reporter-{g}"] for g in tenant_ids[1:]]
    handler_ids = [u.id for u in handlers]
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            CREATE TEMP TABLE bench_incident AS
            WITH base AS (
                SELECT g,
                    CASE WHEN g < {in_measured} THEN 0 ELSE 1 + g % {others} END AS position,
                    now() - ((g::bigint * 7919) % ({HISTORY_DAYS} * 1440) + 60) * interval '1 minute'
                        AS occurred_at
                FROM generate_series(0, {INCIDENTS} - 1) AS g
            )
            SELECT b.g, b.occurred_at, b.occurred_at + interval '30 minutes' AS created_at,
                (ARRAY{tenant_ids}::bigint[])[1 + b.position] AS tenant_id,
                (ARRAY{team_ids}::bigint[])[1 + b.position] AS team_id,
                CASE WHEN b.position = 0 THEN (ARRAY{handler_ids}::bigint[])[1 + b.g % {len(handler_ids)}]
                    ELSE (ARRAY{reporter_ids}::bigint[])[1 + b.position] END AS reporter_id,
                now() - b.occurred_at AS age,
                b.position + {len(tenant_ids)} * ((b.g * 31) % {residents_per_gemeente}) AS resident
            FROM base b
            """
        )
        cursor.execute("ALTER TABLE bench_incident ADD COLUMN zaak_id bigint, ADD COLUMN number text")
        cursor.execute(
            f"""
            UPDATE bench_incident b SET zaak_id = z.id FROM cases_zaak z
            WHERE b.g % 10 < 7 AND z.tenant_id = b.tenant_id
                AND z.identificatie = 'ZAAK-B-' || lpad((b.resident * {PER_RESIDENT})::text, 7, '0')
            """
        )
        cursor.execute(
            """
            UPDATE bench_incident b SET number = n.number FROM (
                SELECT g, 'VPT-' || y || '-' || lpad(row_number() OVER (
                    PARTITION BY tenant_id, y ORDER BY created_at, g)::text, 6, '0') AS number
                FROM (SELECT g, tenant_id, created_at,
                    extract(year FROM created_at AT TIME ZONE 'Europe/Amsterdam')::int AS y
                    FROM bench_incident) numbered
            ) n WHERE n.g = b.g
            """
        )
        clone(
            cursor,
            "incidents_incident",
            template.id,
            "bench_incident b",
            {
                "uuid": "gen_random_uuid()",
                "number": "b.number",
                "tenant_id": "b.tenant_id",
                "team_id": "b.team_id",
                "reported_by_id": "b.reporter_id",
                "employee_id": "b.reporter_id",
                "occurred_at": "b.occurred_at",
                "created_at": "b.created_at",
                "channel": "(ARRAY['balie','telefoon','online','huisbezoek','buitendienst','sociale_media'])"
                "[1 + b.g % 6]",
                "categories": """(ARRAY['["verbaal"]','["bedreiging","verbaal"]','["intimidatie"]',
                    '["discriminatie"]','["fysiek"]','["vernieling"]','["verbaal"]'])[1 + b.g % 7]::jsonb""",
                "consequences": """(ARRAY['["geen"]','["emotioneel"]','["letsel","verzuim"]',
                    '["schade"]'])[1 + b.g % 4]::jsonb""",
                "zaak_id": "b.zaak_id",
                "person_kind": "CASE WHEN b.zaak_id IS NULL THEN '' ELSE 'resident' END",
                "person_bsn": "CASE WHEN b.zaak_id IS NULL THEN '' ELSE lpad(b.resident::text, 9, '0') END",
                "person_name": "CASE WHEN b.zaak_id IS NULL THEN '' ELSE 'Inwoner ' || b.resident END",
                "status": "CASE WHEN b.age > interval '60 days' AND b.g % 10 <> 0 THEN 'closed' "
                "WHEN b.age > interval '3 days' THEN 'in_progress' ELSE 'open' END",
                "conclusion": "CASE WHEN b.age > interval '60 days' AND b.g % 10 <> 0 "
                "THEN 'Afgehandeld.' ELSE '' END",
                "closed_at": "CASE WHEN b.age > interval '60 days' AND b.g % 10 <> 0 "
                "THEN b.created_at + interval '20 days' END",
            },
        )
        new = f"incidents_incident i WHERE i.id <> {template.id}"
        for kind, task in tasks.items():
            delay = task.due_at - template.created_at
            due = f"i.created_at + interval '{int(delay.total_seconds())} seconds'"
            # Closed: everything done; in progress: the nazorg. One in six nazorg late.
            done = (
                f"CASE WHEN i.status = 'closed' OR (i.status = 'in_progress' AND '{kind}' = 'nazorg') "
                f"THEN {due} + CASE WHEN i.id % 6 = 0 THEN interval '10 hours' "
                "ELSE interval '-2 hours' END END"
            )
            clone(
                cursor,
                "incidents_incidenttask",
                task.id,
                new,
                {
                    "incident_id": "i.id",
                    "due_at": due,
                    "done_at": done,
                    "outcome": f"CASE WHEN {done} IS NULL THEN '' ELSE 'Gedaan.' END",
                },
            )
        # Copied: the template goes, its tasks with it.
        Incident.objects.filter(pk=template.pk).delete()
        cursor.execute(
            f"""
            INSERT INTO incidents_measure (tenant_id, incident_id, kind, description, person_bsn,
                person_kvk, starts_on, ends_on, ended_at, created_at)
            SELECT i.tenant_id, i.id, 'afspraak', '', i.person_bsn, '',
                (i.created_at + interval '1 day')::date,
                (i.created_at + interval '{MEASURE_DAYS + 1} days')::date, NULL,
                i.created_at + interval '1 day'
            FROM incidents_incident i
            WHERE i.person_bsn <> '' AND i.id % {MEASURE_EVERY} = 0
            """
        )
        cursor.execute("DROP TABLE bench_incident")
        cursor.execute("ANALYZE")
    print(
        f"loaded {Incident.objects.count():,} incidents ({in_measured:,} in {measured.name}) "
        f"in {time.perf_counter() - started:.0f} s"
    )


def _measure() -> None:
    import logging

    import httpx
    from django.conf import settings
    from django.db import connection

    from plus1.cases.models import Rol, Zaak
    from plus1.core import clock
    from plus1.incidents.models import Incident, Measure
    from plus1.tenants.models import Organisation

    logging.getLogger("httpx").setLevel(logging.WARNING)
    gemeente = Organisation.objects.gemeenten().order_by("id").first()
    today = clock.today()
    running = Measure.objects.for_tenant(gemeente).filter(
        starts_on__lte=today, ends_on__gte=today, ended_at__isnull=True
    )
    flagged = set(running.values_list("person_bsn", flat=True))
    ever = set(Measure.objects.for_tenant(gemeente).values_list("person_bsn", flat=True))
    open_zaken = Zaak.objects.for_tenant(gemeente).filter(
        ended_on__isnull=True, identificatie__startswith="ZAAK-B-"
    )
    rng = random.Random(20)
    with_measure = list(open_zaken.filter(rollen__bsn__in=flagged).values_list("identificatie", flat=True))
    without = list(open_zaken.exclude(rollen__bsn__in=ever).values_list("identificatie", flat=True))
    with_measure = [rng.choice(with_measure) for _ in range(SAMPLES)]
    without = rng.sample(without, min(SAMPLES, len(without)))
    reportable = list(
        Rol.objects.filter(zaak__identificatie__in=without).values_list("zaak__identificatie", "uuid")
    )
    incidents = Incident.objects.for_tenant(gemeente).count()
    print(f"load average at the start: {_load()}")
    print(
        f"gemeente {gemeente.name}: {incidents:,} incidents, {len(flagged)} residents with a running "
        f"maatregel; {Zaak.objects.count():,} zaken and {Incident.objects.count():,} incidents in all"
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        postmaster = _parent_pid(cursor.fetchone()[0])
    handler_cookie = _session("bench-0")
    coordinator_cookie = _session(COORDINATOR)
    connection.close()

    database = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "plus1.conf.dev",
        "DEBUG": "false",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "PLUS1_LOG_LEVEL": "WARNING",
        "PYTHONPATH": os.path.dirname(os.path.abspath(__file__)),
        # The pages need the collected, hashed static files (as ``plus1 serve`` has them).
        "PLUS1_DATA_DIR": os.path.join(tempfile.gettempdir(), "plus1-bench-incidents"),
    }
    subprocess.run(
        [sys.executable, "-m", "django", "collectstatic", "--noinput", "-v", "0"], env=env, check=True
    )
    servers = {
        "on": _gunicorn("plus1.wsgi", env),
        "off": _gunicorn("incidents_bench:application_without_signal()", env),
    }
    try:
        for _process, url in servers.values():
            _wait_for(url)
        on_url, off_url = servers["on"][1], servers["off"][1]
        meter = CpuMeter({"gunicorn": servers["on"][0].pid, "postgresql": postmaster})
        with httpx.Client(base_url=on_url, timeout=30, cookies=handler_cookie) as handler:
            _form_submit(handler, reportable, meter)
        with httpx.Client(base_url=on_url, timeout=30, cookies=coordinator_cookie) as coordinator:
            _overview(coordinator, meter)
        with (
            httpx.Client(base_url=on_url, timeout=30, cookies=handler_cookie) as on,
            httpx.Client(base_url=off_url, timeout=30, cookies=handler_cookie) as off,
        ):
            cpu = CpuMeter(
                {
                    "gunicorn with check": servers["on"][0].pid,
                    "gunicorn without check": servers["off"][0].pid,
                    "postgresql (both)": postmaster,
                }
            )
            _zaak_detail(on, off, with_measure, without, cpu)
    finally:
        for process, _url in servers.values():
            process.send_signal(signal.SIGTERM)
        for process, _url in servers.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
    _in_process(gemeente, with_measure, without)
    print(f"load average at the end: {_load()}")


def _session(username: str) -> dict[str, str]:
    """A back-office session after password and code, as the log-in leaves it (database sessions)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY

    user = get_user_model().objects.get(username=username)
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = user.totpdevice_set.get(confirmed=True).persistent_id
    session.save()
    return {settings.SESSION_COOKIE_NAME: session.session_key}


def _gunicorn(app: str, env: dict) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            app,
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            WORKERS,
            "--threads",
            THREADS,
            "-k",
            "gthread",
            # As zgw_bench: no keep-alive (delayed ACK on loopback), the app loaded once.
            "--keep-alive",
            "0",
            "--log-level",
            "warning",
            "--preload",
        ],
        env=env,
    )
    return process, f"http://127.0.0.1:{port}"


def _form_submit(client, reportable: list, meter: CpuMeter) -> None:
    """POST the report form from a zaak page, the resident of the zaak as the person involved."""
    from django.urls import reverse

    url = reverse("backoffice:incident-report")
    page = client.get(url, params={"zaak": reportable[0][0]})
    assert page.status_code == 200, (page.status_code, page.text[:300])
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    moment = time.localtime(time.time() - 3600)

    def submit(identificatie: str, rol_uuid) -> float:
        data = {
            "csrfmiddlewaretoken": token,
            "zaak": identificatie,
            "occurred_on": time.strftime("%Y-%m-%d", moment),
            "occurred_time": time.strftime("%H:%M", moment),
            "location": "Stadskantoor, publieksbalie",
            "channel": "balie",
            "categories": ["verbaal", "bedreiging"],
            "consequences": ["emotioneel"],
            "description": "De persoon werd boos over de wachttijd en begon te schelden.",
            "for_whom": "myself",
            "person": str(rol_uuid),
        }
        return _timed(
            client, "POST", url, expected=(302,), data=data, headers={"Referer": str(client.base_url)}
        )

    for identificatie, rol_uuid in reportable[:10]:
        submit(identificatie, rol_uuid)
    meter.start()
    samples = [submit(identificatie, rol_uuid) for identificatie, rol_uuid in reportable]
    meter.stop()
    report("incident form submit (POST, person from the zaak, 302)", samples)
    print(
        f"  target p95 <= 50 ms: {_verdict(percentile(samples, 0.95), 50)}; "
        f"CPU per submit: {meter.per(len(samples))}"
    )


def _overview(client, meter: CpuMeter) -> None:
    """The coordinator's overview: first page, and with the filters a coordinator uses most."""
    from django.urls import reverse

    url = reverse("backoffice:incident-list")
    for _ in range(10):
        _timed(client, "GET", url)
    meter.start()
    samples = [_timed(client, "GET", url) for _ in range(SAMPLES)]
    meter.stop()
    report("coordinator's overview, first page", samples)
    print(
        f"  target p95 <= 100 ms: {_verdict(percentile(samples, 0.95), 100)}; "
        f"CPU per page: {meter.per(len(samples))}"
    )
    for label, params in (
        ("status in behandeling", {"status": "in_progress"}),
        ("category bedreiging", {"category": "bedreiging"}),
        ("status and category, page 5", {"status": "closed", "category": "fysiek", "pagina": "5"}),
    ):
        report(
            f"coordinator's overview, {label}",
            [_timed(client, "GET", url, params=params) for _ in range(SAMPLES // 3)],
        )


def _zaak_detail(on, off, with_measure: list[str], without: list[str], meter: CpuMeter) -> None:
    """The zaak page on the server with the check and on the one without, interleaved.

    Besides the times, the CPU each server spent per page: on a busy machine wall-clock time
    moves with the other processes, CPU time much less.
    """
    from django.urls import reverse

    def url(identificatie: str) -> str:
        return reverse("backoffice:zaak-detail", args=[identificatie])

    shown = on.get(url(with_measure[0]))
    assert "Veiligheidssignaal" in shown.text, "the banner should show on the server with the check"
    assert "Veiligheidssignaal" not in off.get(url(with_measure[0])).text, "the check should be off"
    assert "Veiligheidssignaal" not in on.get(url(without[0])).text
    for identificatie in without[:10]:
        _timed(on, "GET", url(identificatie))
        _timed(off, "GET", url(identificatie))
    series: dict[str, list[float]] = {key: [] for key in ("no-on", "no-off", "yes-on", "yes-off")}
    meter.start()
    for plain, flagged in zip(without, with_measure, strict=False):
        series["no-on"].append(_timed(on, "GET", url(plain)))
        series["no-off"].append(_timed(off, "GET", url(plain)))
        series["yes-on"].append(_timed(on, "GET", url(flagged)))
        series["yes-off"].append(_timed(off, "GET", url(flagged)))
    meter.stop()
    report("zaak detail over HTTP, resident without maatregel, check off", series["no-off"])
    report("zaak detail over HTTP, resident without maatregel, check on", series["no-on"])
    report("zaak detail over HTTP, resident with a running maatregel, check off", series["yes-off"])
    report("zaak detail over HTTP, resident with a running maatregel, check on (banner)", series["yes-on"])
    for label, key in (("without maatregel", "no"), ("with maatregel (banner)", "yes")):
        _print_extra(f"over HTTP, zaak {label}", series[f"{key}-on"], series[f"{key}-off"])
    pages = 2 * len(series["no-on"])  # each server answered this many
    print(
        "  CPU per zaak page over HTTP: "
        + ", ".join(f"{name} {seconds * 1000 / pages:.1f} ms" for name, seconds in meter.seconds.items())
        + " (PostgreSQL: all its backends, both servers' pages and anything else on this cluster)"
    )


def _print_extra(label: str, on: list[float], off: list[float]) -> None:
    """The check's cost: difference of the medians, and the median of the paired differences."""
    extra = statistics.median(on) - statistics.median(off)
    paired = statistics.median(a - b for a, b in zip(on, off, strict=True))
    print(
        f"  the check adds {extra:+.2f} ms at p50 ({paired:+.2f} ms median of paired requests), {label}; "
        f"target <= 2 ms: {_verdict(max(extra, paired), 2)}"
    )


def _in_process(gemeente, with_measure: list[str], without: list[str]) -> None:
    """The page through Django's test client in this process, the check switched per request.

    No network, no second server: the same process renders the same zaak with and without the
    check, one after the other, so only the check differs.
    """
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from django_otp import DEVICE_ID_SESSION_KEY

    from plus1.backoffice import zaak_views

    user = get_user_model().objects.get(username="bench-0")
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = user.totpdevice_set.get(confirmed=True).persistent_id
    session.save()
    check = zaak_views.safety_signal_for_zaak

    cpu: dict[bool, list[float]] = {True: [], False: []}

    def page(identificatie: str, *, on: bool) -> float:
        zaak_views.safety_signal_for_zaak = check if on else (lambda **kwargs: None)
        started = time.process_time()
        try:
            return _timed(client, "GET", reverse("backoffice:zaak-detail", args=[identificatie]))
        finally:
            cpu[on].append((time.process_time() - started) * 1000)
            zaak_views.safety_signal_for_zaak = check

    for identificatie in without[:10]:
        page(identificatie, on=True)
    for label, zaken in (("without maatregel", without), ("with maatregel (banner)", with_measure)):
        on, off = [], []
        cpu[True].clear()
        cpu[False].clear()
        for identificatie in zaken:
            off.append(page(identificatie, on=False))
            on.append(page(identificatie, on=True))
        report(f"zaak detail in process, {label}, check off", off)
        report(f"zaak detail in process, {label}, check on", on)
        _print_extra(f"in process, zaak {label}", on, off)
        # CPU of this process only (Django's side of the page): moves little with the load.
        cpu_off, cpu_on = statistics.median(cpu[False]), statistics.median(cpu[True])
        print(
            f"  CPU of the page in this process, {label}: p50 {cpu_off:.2f} ms off, "
            f"{cpu_on:.2f} ms on ({cpu_on - cpu_off:+.2f} ms)"
        )


def _verdict(value: float, target: float) -> str:
    return "met" if value <= target else "MISSED"


def _timed(client, method: str, url: str, expected=(200,), **kwargs) -> float:
    """Milliseconds of one request, by an httpx client or Django's test client (GET)."""
    started = time.perf_counter()
    if hasattr(client, "request") and not hasattr(client, "force_login"):
        response = client.request(method, url, **kwargs)
    else:
        response = client.get(url, **kwargs)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code in expected, (url, response.status_code, response.content[:500])
    return elapsed


def _load() -> str:
    """The machine's load: figures from a busy machine read differently."""
    one, five, _fifteen = os.getloadavg()
    return f"{one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} CPUs"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _parent_pid(pid: int) -> int:
    """The postmaster of a backend on this host (0 when PostgreSQL runs elsewhere)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return int(handle.read().rsplit(")", 1)[1].split()[1])
    except OSError:
        return 0


def _wait_for(base_url: str) -> None:
    import httpx

    for _ in range(300):
        try:
            httpx.get(f"{base_url}/backoffice/inloggen/", timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not start")


if __name__ == "__main__":
    sys.exit(main())
