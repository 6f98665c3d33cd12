"""ZGW API benchmark on PostgreSQL: 1,000,000 zaken, documents and besluiten over 100 zaaktypen.

The data set Open Zaak publishes its figures for (zaken list median 150 ms at 1 user and
240-430 ms at 16 users on 10 one-CPU pods; about 25 zaak creations per second). Here, on one
machine with 2 cores, through real HTTP against gunicorn (4 processes x 4 threads), as a regular
application: autorisaties for 10 of the 100 zaaktypen (zaken.lezen and zaken.aanmaken, up to
zeer_geheim), so every list is filtered by autorisatie as the standard requires.

Measures:
- zaken list (a page of 100) at 1 user and at 16 concurrent users;
- zaak detail at 1 user;
- zaak creation (16 concurrent users, with the notification queued in the outbox);
- notification delivery: from the 201 of a create to the POST arriving at a local subscriber,
  with ``plus1 worker`` running.

Plus1 keeps the answers of repeated reads until the gemeente's data changes
(``api.common.readcache``): the list pages asked again and again are answered from the kept
copy, so the figures also show a first read of a page and each zaak read once. Run with
PLUS1_API_READ_CACHE_SECONDS=0 to measure without kept answers and counts.

For the 16-user list and the creates it also prints the CPU each part took per request:
gunicorn, the worker, PostgreSQL (when it runs on this host) and the load generator itself,
which all share the same 2 cores.

Run with `make bench` or `python bench/zgw_bench.py` (DATABASE_URL pointing at PostgreSQL).
Loading takes a few minutes; PLUS1_BENCH_KEEPDB=1 keeps the database for a second run, and
PLUS1_BENCH_ONLY=creates (or =concurrent, or =detail: 500 zaken read once, with the CPU per
detail) runs only that part. Prints figures; asserts nothing.
"""

from __future__ import annotations

import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from harness import CpuMeter, free_port, parent_pid, percentile, report, run_on_test_database, wait_for

ZAKEN = int(os.environ.get("PLUS1_BENCH_ZAKEN", "1000000"))
ZAAKTYPEN = 100
GRANTED = 10
KEEPDB = os.environ.get("PLUS1_BENCH_KEEPDB") == "1"
USERS = 16
# Clients page from the newest zaken; a page deep in 1,000 costs an OFFSET scan (reported apart).
FIRST_PAGES = 10
# gunicorn processes and threads per process; processes sidestep the GIL on the 2 cores.
WORKERS = os.environ.get("PLUS1_BENCH_WORKERS", "4")
THREADS = os.environ.get("PLUS1_BENCH_THREADS", "4")
# PLUS1_BENCH_ONLY=creates, =concurrent or =detail runs that part alone (quicker while working on it).
ONLY = os.environ.get("PLUS1_BENCH_ONLY", "")


def main() -> None:
    run_on_test_database("ZGW API benchmark", _run, keepdb=KEEPDB)


def _columns(cursor, table: str) -> list[str]:
    cursor.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s ORDER BY ordinal_position",
        [table],
    )
    return [row[0] for row in cursor.fetchall()]


def clone(cursor, table: str, template_id: int, source: str, overrides: dict[str, str], params=None) -> None:
    """Copy one template row many times; ``overrides`` give SQL for the columns that differ.

    Every other column keeps the template's value, so the loader follows the models without
    naming each column (a new column with a default needs no change here).
    """
    columns = [c for c in _columns(cursor, table) if c != "id"]
    select = ", ".join(overrides.get(c, f"t.{c}") for c in columns)
    source, _, where = source.partition(" WHERE ")
    cursor.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select} FROM {table} t, {source} "
        f"WHERE t.id = {int(template_id)}" + (f" AND {where}" if where else ""),
        params,  # None: no placeholders, so a literal % needs no escaping
    )


def _load(gemeente, zaaktypen, template) -> None:
    from django.db import connection

    zaak, status, rol, document, besluit = template
    ids = [z.id for z in zaaktypen]
    with connection.cursor() as cursor:
        started = time.perf_counter()
        clone(
            cursor,
            "cases_zaak",
            zaak.id,
            "generate_series(0, %s - 1) AS g",
            {
                "uuid": "gen_random_uuid()",
                "identificatie": "'ZAAK-B-' || lpad(g::text, 7, '0')",
                "zaaktype_id": f"(ARRAY{ids}::bigint[])[1 + g %% {len(ids)}]",
                "registered_on": "DATE '2025-01-01' + (g %% 600)",
                "started_on": "DATE '2025-01-01' + (g %% 600)",
                "current_status_id": "NULL",
            },
            [ZAKEN],
        )
        print(f"  zaken: {time.perf_counter() - started:.0f} s", flush=True)
        new_zaken = f"cases_zaak z WHERE z.tenant_id = {gemeente.id} AND z.id <> {zaak.id}"
        clone(cursor, "cases_status", status.id, new_zaken, {"uuid": "gen_random_uuid()", "zaak_id": "z.id"})
        cursor.execute(
            "UPDATE cases_zaak z SET current_status_id = s.id FROM cases_status s "
            "WHERE s.zaak_id = z.id AND z.current_status_id IS NULL"
        )
        clone(
            cursor,
            "cases_rol",
            rol.id,
            new_zaken,
            {
                "uuid": "gen_random_uuid()",
                "zaak_id": "z.id",
                "bsn": "lpad((z.id % 1000000000)::text, 9, '0')",
            },
        )
        print(f"  statussen and rollen: {time.perf_counter() - started:.0f} s", flush=True)
        clone(
            cursor,
            "cases_informatieobject",
            document.id,
            new_zaken,
            {"uuid": "gen_random_uuid()", "zaak_id": "z.id"} | _document_overrides(cursor),
        )
        _link_documents(cursor, gemeente, document)
        print(f"  documenten: {time.perf_counter() - started:.0f} s", flush=True)
        clone(
            cursor,
            "cases_besluit",
            besluit.id,
            new_zaken,
            {
                "uuid": "gen_random_uuid()",
                "zaak_id": "z.id",
                "identificatie": "'BESLUIT-B-' || z.id",
                "letter_id": "NULL",
            },
        )
        print(f"  besluiten: {time.perf_counter() - started:.0f} s", flush=True)
        cursor.execute(
            "UPDATE cases_casenumbersequence SET last_number = last_number + %s WHERE tenant_id = %s",
            [ZAKEN, gemeente.id],
        )
        cursor.execute("VACUUM ANALYZE") if connection.get_autocommit() else cursor.execute("ANALYZE")
        print(f"loaded {ZAKEN:,} zaken, documenten and besluiten in {time.perf_counter() - started:.0f} s")


def _document_overrides(cursor) -> dict[str, str]:
    columns = _columns(cursor, "cases_informatieobject")
    overrides = {}
    if "identificatie" in columns:
        overrides["identificatie"] = "'DOC-B-' || z.id"
    return overrides


def _link_documents(cursor, gemeente, document) -> None:
    """Give every cloned document the zaak link the Documenten API keeps, when there is one."""
    cursor.execute(
        "SELECT table_name FROM information_schema.columns WHERE column_name = 'informatieobject_id' "
        "AND table_name IN (SELECT table_name FROM information_schema.columns WHERE column_name = 'zaak_id')"
    )
    for (table,) in cursor.fetchall():
        cursor.execute(f"SELECT id FROM {table} WHERE informatieobject_id = %s", [document.id])
        row = cursor.fetchone()
        if row is None:
            continue
        clone(
            cursor,
            table,
            row[0],
            f"cases_informatieobject d WHERE d.tenant_id = {gemeente.id} AND d.id <> {document.id}",
            {"uuid": "gen_random_uuid()", "zaak_id": "d.zaak_id", "informatieobject_id": "d.id"},
        )


def _zaaktypen(base, count: int):
    """``count`` published zaaktypen: the base one and copies of it under their own identificatie."""
    import uuid

    from plus1.catalog.models import Process

    zaaktypen = [base]
    for index in range(1, count):
        process = Process.objects.create(
            tenant=base.process.tenant, catalogus=base.process.catalogus, identificatie=f"bench-{index:03d}"
        )
        copy = type(base).objects.get(pk=base.pk)
        copy.pk = None
        copy.uuid = uuid.uuid4()
        copy.process = process
        copy.save()
        copy.besluittypen.set(base.besluittypen.all())
        for related in ("statustypen", "roltypen", "resultaattypen", "document_types"):
            for row in getattr(base, related).all():
                row.pk = None
                if hasattr(row, "uuid"):
                    row.uuid = uuid.uuid4()
                row.zaaktype = copy
                row.save()
        zaaktypen.append(copy)
    return zaaktypen


def _template(gemeente, adoption, actor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from plus1.cases import services
    from plus1.cases.models import Besluit

    zaak = services.create_zaak(
        tenant=gemeente,
        adoption=adoption,
        initiator=services.Initiator(name="Inwoner", bsn="999993653"),
        data={},
        actor=actor,
    )
    iot = zaak.zaaktype.document_types.first().informatieobjecttype_id
    document = services.add_zaak_document(
        zaak=zaak,
        informatieobjecttype_id=iot,
        upload=SimpleUploadedFile("brief.pdf", b"%PDF-1.4\n%%EOF\n"),
        actor=actor,
    )
    besluittype = zaak.zaaktype.besluittypen.first()
    besluit = Besluit.objects.create(
        tenant=gemeente,
        identificatie="BESLUIT-TEMPLATE",
        verantwoordelijke_organisatie=gemeente.rsin,
        zaak=zaak,
        besluittype=besluittype,
        decided_on=zaak.started_on,
        effective_on=zaak.started_on,
    )
    return zaak, zaak.statussen.first(), zaak.rollen.first(), document, besluit


class Subscriber:
    """Records when each notification arrives (by resourceUrl)."""

    def __init__(self) -> None:
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        arrived = self.arrived = {}

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                import json

                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                arrived[body["resourceUrl"]] = time.perf_counter()
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/notificaties"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def _run() -> None:
    import logging

    import httpx
    from django.conf import settings
    from django.db import connection

    from plus1.api.common.testing import make_token
    from plus1.apiclients.services import AutorisatieSpec, create_application
    from plus1.audit.services import Actor
    from plus1.catalog import services as catalog
    from plus1.catalog.models import ZaakType
    from plus1.notifications.models import Abonnement
    from plus1.notifications.services import save_abonnement
    from plus1.tenants.selectors import get_gemeente

    # A log line per request would cost the load generator the CPU the server needs.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    actor = Actor.system("bench")
    gemeente = get_gemeente(cbs_code="GM0344")
    if not ZaakType.objects.filter(process__identificatie="bench-099").exists():
        # A published zaaktype with three statuses, a besluittype and two document types.
        from plus1.cases.tests.factories import handling_zaaktype

        base = handling_zaaktype()
        gemeente.rsin = "100000009"
        gemeente.save()
        zaaktypen = _zaaktypen(base, ZAAKTYPEN)
        adoption = catalog.adopt_process(gemeente=gemeente, zaaktype=base, actor=actor)
        for zaaktype in zaaktypen[1:]:
            catalog.adopt_process(gemeente=gemeente, zaaktype=zaaktype, actor=actor)
        _load(gemeente, zaaktypen, _template(gemeente, adoption, actor))
    zaaktypen = list(ZaakType.objects.filter(process__adoptions__tenant=gemeente).order_by("id"))[:ZAAKTYPEN]
    granted = zaaktypen[:GRANTED]
    client_id, secret = f"bench-{int(time.time())}", "bench-secret-bench-secret-bench-secret"
    create_application(
        tenant=gemeente,
        label="Bench",
        client_ids=[client_id],
        secret=secret,
        actor=actor,
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
    subscriber = Subscriber()
    # A kept database still holds the abonnement of an earlier run, whose subscriber is gone:
    # the worker would spend the run retrying deliveries to it.
    Abonnement.objects.filter(tenant=gemeente).delete()
    save_abonnement(
        tenant=gemeente, callback_url=subscriber.url, auth="Bearer bench", kanalen=[("zaken", {})]
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT uuid FROM cases_zaak WHERE tenant_id = %s AND zaaktype_id = ANY(%s) "
            "ORDER BY random() LIMIT 500",
            [gemeente.id, [z.id for z in granted]],
        )
        detail_uuids = [str(row[0]) for row in cursor.fetchall()]
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    connection.close()
    postmaster = parent_pid(backend)

    port = free_port()
    database = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "plus1.conf.dev",
        "DEBUG": "false",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "PLUS1_TASK_BACKEND": "django_tasks_db.DatabaseBackend",
        "PLUS1_LOG_LEVEL": "WARNING",
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "plus1.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            WORKERS,
            "--threads",
            THREADS,
            "-k",
            "gthread",
            # No keep-alive: on loopback a kept-alive gthread connection stalls large answers for
            # ~40 ms (delayed ACK); a proxy in front would keep the client connections alive.
            "--keep-alive",
            "0",
            "--log-level",
            "warning",
            # As ``plus1 serve``: the master loads the app once, the workers start ready.
            "--preload",
        ],
        env=env,
    )
    worker = subprocess.Popen(
        [sys.executable, "-m", "plus1", "worker", "--interval", "0.02"], env=env, stdout=subprocess.DEVNULL
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base_url}/zaken/api/v1/zaken")
        headers = lambda: {  # noqa: E731
            "Authorization": f"Bearer {make_token(client_id, secret)}",
            "Accept-Crs": "EPSG:4326",
            "Content-Crs": "EPSG:4326",
        }
        token_headers = headers()
        meter = CpuMeter({"gunicorn": server.pid, "worker": worker.pid, "postgresql": postmaster})
        if ONLY == "creates":
            _creates(base_url, headers, granted[0], subscriber, meter)
            return
        if ONLY == "detail":
            _report_details(base_url, headers, detail_uuids, meter)
            return
        if ONLY == "concurrent":
            _report_concurrent(base_url, token_headers, FIRST_PAGES, meter)
            return
        with httpx.Client(base_url=base_url, timeout=30) as client:
            count = client.get("/zaken/api/v1/zaken", headers=token_headers).json()["count"]
            print(f"the application sees {count:,} of {ZAKEN:,} zaken ({GRANTED} of {ZAAKTYPEN} zaaktypen)")
            pages = max(1, min(count // 100, 1000))
            rng = random.Random(1)

            first = min(pages, FIRST_PAGES)

            def list_page(client=client, last=first):
                return _timed(
                    client, "GET", f"/zaken/api/v1/zaken?page={rng.randint(1, last)}", token_headers
                )

            for _ in range(20):
                list_page()
            report(
                f"zaken list page (100) among the first {FIRST_PAGES}, 1 user",
                [list_page() for _ in range(300)],
            )
            # Pages never asked before: their answer is not kept yet (the list's count is).
            fresh = range(FIRST_PAGES + 1, min(pages, FIRST_PAGES + 60) + 1)
            report(
                "zaken list page (100), first read of that page, 1 user",
                [_timed(client, "GET", f"/zaken/api/v1/zaken?page={page}", token_headers) for page in fresh],
            )
            report(
                f"zaken list page (100) anywhere in all {pages} pages, 1 user",
                [list_page(last=pages) for _ in range(30)],
            )
            report(
                "zaak detail, 1 user (each zaak read once: no kept answer)",
                [
                    _timed(client, "GET", f"/zaken/api/v1/zaken/{uuid}", token_headers)
                    for uuid in detail_uuids[:300]
                ],
            )
        _report_concurrent(base_url, token_headers, min(pages, FIRST_PAGES), meter)
        _creates(base_url, headers, granted[0], subscriber, meter)
    finally:
        for process in (server, worker):
            process.send_signal(signal.SIGTERM)
        for process in (server, worker):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def _timed(client, method: str, url: str, headers: dict, expected=(200,), **kwargs) -> float:
    started = time.perf_counter()
    response = client.request(method, url, headers=headers, **kwargs)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code in expected, (response.status_code, response.text[:500])
    return elapsed


def _report_concurrent(base_url: str, headers: dict, pages: int, meter: CpuMeter) -> None:
    meter.start()
    samples = _concurrent(base_url, headers, pages)
    meter.stop()
    report(f"zaken list page (100) among the first {FIRST_PAGES}, {USERS} users", samples)
    print(f"CPU per list page, {USERS} users: {meter.per(len(samples))}")


def _report_details(base_url: str, headers, uuids: list[str], meter: CpuMeter) -> None:
    """Each zaak read once by one of 4 users (no kept answer: run with the read cache off)."""
    import httpx

    def user(seed: int) -> list[float]:
        with httpx.Client(base_url=base_url, timeout=60) as client:
            return [
                _timed(client, "GET", f"/zaken/api/v1/zaken/{uuid}", headers()) for uuid in uuids[seed::4]
            ]

    meter.start()
    with ThreadPoolExecutor(4) as pool:
        samples = [sample for samples in pool.map(user, range(4)) for sample in samples]
    meter.stop()
    report("zaak detail, 4 users (each zaak read once)", samples)
    print(f"CPU per zaak detail: {meter.per(len(samples))}")


def _concurrent(base_url: str, headers: dict, pages: int) -> list[float]:
    import httpx

    def user(seed: int) -> list[float]:
        rng = random.Random(seed)
        with httpx.Client(base_url=base_url, timeout=60) as client:
            return [
                _timed(client, "GET", f"/zaken/api/v1/zaken?page={rng.randint(1, pages)}", headers)
                for _ in range(40)
            ]

    with ThreadPoolExecutor(USERS) as pool:
        return [sample for samples in pool.map(user, range(USERS)) for sample in samples]


def _creates(base_url: str, headers, zaaktype, subscriber, meter: CpuMeter) -> None:
    import httpx

    from plus1.core import zgw

    zaaktype_url = f"{base_url}{zgw.API_ROOTS['catalogi']}/zaaktypen/{zaaktype.uuid}"
    body = {
        "bronorganisatie": "100000009",
        "verantwoordelijkeOrganisatie": "100000009",
        "zaaktype": zaaktype_url,
        "startdatum": "2026-11-30",
        "omschrijving": "Bench",
    }
    sent: dict[str, float] = {}
    duration = 10.0

    def user(_seed: int) -> int:
        made = 0
        with httpx.Client(base_url=base_url, timeout=60) as client:
            end = time.perf_counter() + duration
            while time.perf_counter() < end:
                response = client.post("/zaken/api/v1/zaken", json=body, headers=headers())
                assert response.status_code == 201, (response.status_code, response.text[:500])
                sent[response.json()["url"]] = time.perf_counter()
                made += 1
        return made

    started = time.perf_counter()
    meter.start()
    with ThreadPoolExecutor(USERS) as pool:
        made = sum(pool.map(user, range(USERS)))
    elapsed = time.perf_counter() - started
    # Deliveries of the last creates are still going out: let them land inside the measure.
    deadline = time.perf_counter() + 10
    while len(subscriber.arrived) < made and time.perf_counter() < deadline:
        time.sleep(0.05)
    meter.stop()
    print(f"zaak create, {USERS} users: {made / elapsed:.0f} per second ({made} in {elapsed:.1f} s)")
    print(f"CPU per create (the 2 cores give {2000 / max(made / elapsed, 1):.1f} ms): {meter.per(made)}")

    # Delivery, measured without the create load: one create at a time, a quiet worker.
    time.sleep(5)
    lags = []
    with httpx.Client(base_url=base_url, timeout=60) as client:
        for _ in range(100):
            response = client.post("/zaken/api/v1/zaken", json=body, headers=headers())
            url = response.json()["url"]
            answered = time.perf_counter()
            deadline = answered + 10
            while url not in subscriber.arrived and time.perf_counter() < deadline:
                time.sleep(0.002)
            if url in subscriber.arrived:
                lags.append((subscriber.arrived[url] - answered) * 1000)
            time.sleep(0.05)
    if lags:
        print(
            f"notification delivered after the create answered: p50 {statistics.median(lags):.1f} ms, "
            f"p95 {percentile(lags, 0.95):.1f} ms over {len(lags)} zaken"
        )
    else:
        print("notification delivery: nothing arrived")


if __name__ == "__main__":
    main()
