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
import statistics
import subprocess
import sys
import tempfile
import time

from harness import CpuMeter, free_port, parent_pid, percentile, report, run_on_test_database, wait_for
from incidents_dataset import COORDINATOR, load_incidents, load_zaken

ZAKEN = int(os.environ.get("PLUS1_BENCH_ZAKEN", "1000000"))
INCIDENTS = int(os.environ.get("PLUS1_BENCH_INCIDENTS", "100000"))
KEEPDB = os.environ.get("PLUS1_BENCH_KEEPDB", "1") == "1"
# One user at a time: a few processes are plenty, and two servers run side by side.
WORKERS = os.environ.get("PLUS1_BENCH_WORKERS", "2")
THREADS = os.environ.get("PLUS1_BENCH_THREADS", "2")
SAMPLES = int(os.environ.get("PLUS1_BENCH_SAMPLES", "300"))


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
        load_zaken(connection, count=ZAKEN)
        loaded = True
    if Incident.objects.count() < INCIDENTS:
        # One transaction: a load that stops half-way leaves nothing to trip the next run.
        with transaction.atomic():
            load_incidents(connection, count=INCIDENTS, zaken=ZAKEN)
        loaded = True
    if loaded:
        # As autovacuum would by the time anyone asks: statistics, and the visibility map that
        # lets a count be answered from the index alone.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    _measure()


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
        postmaster = parent_pid(cursor.fetchone()[0])
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
            wait_for(f"{url}/")
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
    port = free_port()
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
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
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
        queries = {}
        for on_ in (False, True):
            with CaptureQueriesContext(connection) as captured:
                page(zaken[0], on=on_)
            queries[on_] = len(captured.captured_queries)
        print(f"  queries of the page, {label}: {queries[False]} off, {queries[True]} on")
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


if __name__ == "__main__":
    sys.exit(main())
