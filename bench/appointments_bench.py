"""Counter appointments benchmark on PostgreSQL: 342 gemeenten with six months of appointments.

Every gemeente gets 1-3 locations with counters in proportion to a (seeded) size, opening hours
on weekdays 9:00-12:30 and 13:30-17:00, and the counter products paspoort, identiteitskaart,
rijbewijs and brp-uittreksel. Appointments of 15 minutes fill the counters from three months
back (75%: attended, a few no-shows and cancellations) to three months ahead (85% the next two
weeks, 45% later), set-based with INSERT ... SELECT generate_series; the PostgreSQL exclusion
constraint against double booking is rebuilt after the load.

Measures, through real HTTP against gunicorn (4 processes x 4 threads, as the other benches):
- free times of a location for a product: the portal's day list (14 days) and one day's times
  (target p95 <= 30 ms);
- booking: the POST of the portal's "Afspraak maken" on a free time (target p95 <= 50 ms);
with the CPU each part (gunicorn, PostgreSQL, this load generator) spent per request, and
``slots.free_slots`` in-process for the share of the database and Python without the page.

Run with `bench/run.sh` or `python bench/appointments_bench.py` (DATABASE_URL pointing at
PostgreSQL). PLUS1_BENCH_APPOINTMENT_SCALE scales the counters (default 1.0 = about 2,000
counters, ~4.5 million appointments; 0.35 = ~700 counters, ~1.6 million). The loaded database
is kept and reused by the next run (PLUS1_BENCH_KEEPDB=0 loads afresh and drops it afterwards).
Prints figures; asserts nothing.
"""

from __future__ import annotations

import datetime
import math
import os
import random
import re
import signal
import subprocess
import sys
import time

from harness import CpuMeter, free_port, parent_pid, percentile, report, run_on_test_database, wait_for

SCALE = float(os.environ.get("PLUS1_BENCH_APPOINTMENT_SCALE", "1.0"))
KEEPDB = os.environ.get("PLUS1_BENCH_KEEPDB", "1") != "0"
SAMPLES = int(os.environ.get("PLUS1_BENCH_SAMPLES", "200"))
WORKERS = os.environ.get("PLUS1_BENCH_WORKERS", "4")
THREADS = os.environ.get("PLUS1_BENCH_THREADS", "4")
PRODUCTS = ["paspoort", "identiteitskaart", "rijbewijs", "brp-uittreksel"]
PERIODS = [("09:00", "12:30"), ("13:30", "17:00")]
BACK_DAYS = AHEAD_DAYS = 91


def main() -> None:
    run_on_test_database("appointments benchmark", _run, keepdb=KEEPDB)


def _run() -> None:
    from plus1.appointments.models import Appointment

    if not Appointment.objects.exists():
        _load()
    else:
        print("reusing the loaded data set")
    _measure()


def _size(cbs_code: str) -> float:
    return min(25.0, random.Random(f"bench-{cbs_code}").lognormvariate(0, 0.8))


def _load() -> None:
    from django.db import connection, transaction

    from plus1.appointments.models import AppointmentProduct, Counter, Location, OpeningHours
    from plus1.catalog.models import Product
    from plus1.tenants.models import Organisation

    started = time.perf_counter()
    with connection.cursor() as cursor:  # what an interrupted load left behind
        cursor.execute(
            "TRUNCATE appointments_appointment_products, appointments_appointment, "
            "appointments_appointmentproduct_locations, appointments_appointmentproduct, "
            "appointments_openinghours, appointments_counter, appointments_closedday, "
            "appointments_location CASCADE"
        )
    gemeenten = list(Organisation.objects.gemeenten().order_by("cbs_code"))
    products = {p.upl_name: p for p in Product.objects.filter(upl_name__in=PRODUCTS)}
    with transaction.atomic():
        locations, counters, hours = [], [], []
        for gemeente in gemeenten:
            count = max(1, round(_size(gemeente.cbs_code) * 4 * SCALE))
            places = 1 + (count >= 6) + (count >= 12)
            for number in range(1, places + 1):
                location = Location(
                    tenant=gemeente, name=f"Balielocatie {number}", slug=f"bench-{number}", address="Markt 1"
                )
                location.counter_count = math.ceil(count / places)
                locations.append(location)
        Location.objects.bulk_create(locations)
        for location in locations:
            counters += [
                Counter(location=location, name=f"Balie {n}") for n in range(1, location.counter_count + 1)
            ]
            hours += [
                OpeningHours(location=location, weekday=day, opens=opens, closes=closes)
                for day in range(5)
                for opens, closes in PERIODS
            ]
        Counter.objects.bulk_create(counters)
        OpeningHours.objects.bulk_create(hours)
        bookable = AppointmentProduct.objects.bulk_create(
            AppointmentProduct(tenant=g, product=products[name], duration_minutes=15, max_persons=4)
            for g in gemeenten
            for name in PRODUCTS
        )
        through = AppointmentProduct.locations.through
        by_tenant: dict[int, list] = {}
        for location in locations:
            by_tenant.setdefault(location.tenant_id, []).append(location)
        through.objects.bulk_create(
            through(appointmentproduct_id=p.pk, location_id=loc.pk)
            for p in bookable
            for loc in by_tenant[p.tenant_id]
        )
    print(
        f"{len(gemeenten)} gemeenten, {len(locations)} locations, {len(counters)} counters "
        f"({time.perf_counter() - started:.0f} s)"
    )
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(
            "ALTER TABLE appointments_appointment "
            "DROP CONSTRAINT IF EXISTS appointments_no_overlap_per_counter"
        )
        _appointments(cursor)
        cursor.execute(
            "ALTER TABLE appointments_appointment ADD CONSTRAINT appointments_no_overlap_per_counter "
            "EXCLUDE USING gist (counter_id WITH =, tstzrange(start, \"end\", '[)') WITH &&) "
            "WHERE (status = 'booked')"
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE appointments_appointment")
        cursor.execute("VACUUM ANALYZE appointments_appointment_products")
        cursor.execute("ANALYZE")
        cursor.execute("SELECT count(*) FROM appointments_appointment")
        total = cursor.fetchone()[0]
    print(f"loaded {total:,} appointments in {time.perf_counter() - started:.0f} s")


def _appointments(cursor) -> None:
    """Quarter-hour appointments on every counter, weekdays, minus holidays, at the fill rates."""
    from plus1.cases.deadlines import public_holidays
    from plus1.core import clock

    today = clock.today()
    first, last = today - datetime.timedelta(days=BACK_DAYS), today + datetime.timedelta(days=AHEAD_DAYS)
    holidays = sorted(d for y in {first.year, last.year} for d in public_holidays(y) if first <= d <= last)
    quarters = [
        f"{h:02d}:{m:02d}"
        for opens, closes in PERIODS
        for minutes in range(int(opens[:2]) * 60 + int(opens[3:]), int(closes[:2]) * 60 + int(closes[3:]), 15)
        for h, m in [divmod(minutes, 60)]
    ]
    cursor.execute(
        """
        INSERT INTO appointments_appointment (uuid, tenant_id, location_id, counter_id, start, "end", persons,
            name, email, phone, owner_bsn, status, token_hash, client_key, reminder_sent_at, booked_by_id,
            created_at, updated_at, version)
        SELECT gen_random_uuid(), l.tenant_id, l.id, c.id, s.start, s.start + interval '15 minutes', 1,
            'Inwoner', 'inwoner@example.org', '', '',
            CASE WHEN s.start >= now() THEN (CASE WHEN s.r < 0.03 THEN 'cancelled' ELSE 'booked' END)
                 WHEN s.r < 0.04 THEN 'no_show' WHEN s.r < 0.08 THEN 'cancelled' ELSE 'attended' END,
            md5(random()::text) || md5(random()::text), '',
            CASE WHEN s.start < now() THEN s.start - interval '1 day' END, NULL,
            s.start - interval '10 days', s.start - interval '10 days', 1
        FROM appointments_counter c
        JOIN appointments_location l ON l.id = c.location_id
        CROSS JOIN LATERAL (
            SELECT ((d::date + q::time) AT TIME ZONE 'Europe/Amsterdam') AS start, random() AS r,
                d::date AS day
            FROM generate_series(%(first)s::date, %(last)s::date, interval '1 day') d
            CROSS JOIN unnest(%(quarters)s::text[]) q
            WHERE extract(isodow FROM d) < 6 AND NOT d::date = ANY(%(holidays)s::date[])
        ) s
        WHERE random() < CASE WHEN s.day < %(today)s THEN 0.75
                              WHEN s.day < %(today)s + 14 THEN 0.85 ELSE 0.45 END
        """,
        {"first": first, "last": last, "quarters": quarters, "holidays": holidays, "today": today},
    )
    print(f"  {cursor.rowcount:,} appointments")
    cursor.execute(
        "CREATE TEMP TABLE bench_product AS SELECT tenant_id, id AS product_id, "
        "(row_number() OVER (PARTITION BY tenant_id ORDER BY id) - 1) AS k "
        "FROM appointments_appointmentproduct"
    )
    cursor.execute(
        "INSERT INTO appointments_appointment_products (appointment_id, appointmentproduct_id) "
        "SELECT a.id, p.product_id FROM appointments_appointment a "
        "JOIN bench_product p ON p.tenant_id = a.tenant_id AND p.k = a.id % 4"
    )
    cursor.execute("DROP TABLE bench_product")


def _targets(count: int) -> list[tuple]:
    """Random (gemeente slug, location slug, product id) to ask for, over all gemeenten."""
    from plus1.appointments.models import AppointmentProduct, Location

    rng = random.Random(21)
    locations = list(Location.objects.filter(slug__startswith="bench-").select_related("tenant"))
    products: dict[int, list[int]] = {}
    for tenant_id, pk in AppointmentProduct.objects.values_list("tenant_id", "pk"):
        products.setdefault(tenant_id, []).append(pk)
    picked = []
    for _ in range(count):
        location = rng.choice(locations)
        picked.append((location, rng.choice(products[location.tenant_id])))
    return picked


def _next_working_day():
    from plus1.cases.deadlines import next_working_day
    from plus1.core import clock

    return next_working_day(clock.today() + datetime.timedelta(days=1))


def _in_process(targets) -> None:
    from plus1.appointments.models import AppointmentProduct
    from plus1.appointments.slots import free_slots

    samples = []
    for location, product_id in targets:
        product = AppointmentProduct.objects.get(pk=product_id)
        started = time.perf_counter()
        free_slots(
            tenant=location.tenant,
            location=location,
            products=[product],
            persons=1,
            start_day=_next_working_day(),
            days=14,
        )
        samples.append((time.perf_counter() - started) * 1000)
    report("free_slots() in-process, 14 days (no HTTP)", samples)


def _measure() -> None:
    import httpx
    from django.conf import settings
    from django.db import connection

    targets = _targets(SAMPLES)
    _in_process(targets)
    bookings = _bookable(SAMPLES)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    connection.close()
    postmaster = parent_pid(backend)
    database = settings.DATABASES["default"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "plus1.conf.dev",
        "DEBUG": "false",
        "SECRET_KEY": settings.SECRET_KEY,
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "PLUS1_LOG_LEVEL": "WARNING",
        # One address books everything here; the limit per address is not what is measured.
        "PLUS1_APPOINTMENT_MAX_PER_ADDRESS_PER_DAY": "100000000",
        # The confirmation is composed (with its .ics) and handed to a backend that sends nothing.
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    subprocess.run(
        [sys.executable, "-m", "plus1", "collectstatic", "--noinput", "-v", "0"], env=env, check=True
    )
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "plus1.wsgi", "-b", f"127.0.0.1:{port}", "-w", WORKERS,
            "--threads", THREADS, "-k", "gthread", "--keep-alive", "0", "--log-level", "warning", "--preload",
        ],
        env=env,
    )  # fmt: skip
    base_url = f"http://127.0.0.1:{port}"
    day = _next_working_day().isoformat()
    try:
        wait_for(f"{base_url}/")
        meter = CpuMeter({"gunicorn": server.pid, "postgresql": postmaster})
        with httpx.Client(base_url=base_url, timeout=60) as client:
            for label, extra in (
                ("free times page, 14 days of a location", ""),
                ("free times page, one day", f"&dag={day}"),
            ):
                urls = [
                    f"/{loc.tenant.slug}/afspraak/tijd/?product={pk}&personen=1&locatie={loc.slug}{extra}"
                    for loc, pk in targets
                ]
                for url in urls[:5]:
                    _timed(client.get, url, (200,))
                meter.start()
                samples = [_timed(client.get, url, (200,)) for url in urls]
                meter.stop()
                report(label, samples)
                print(f"  CPU per request: {meter.per(len(samples))}")
            _book(client, bookings, meter)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def _timed(call, url, expected, **kwargs) -> float:
    started = time.perf_counter()
    response = call(url, **kwargs)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code in expected, (url, response.status_code, response.text[:300])
    return elapsed


def _bookable(count: int) -> list[tuple]:
    """Free times in the coming month: (location, product id, "YYYY-MM-DDTHH:MM")."""
    from django.utils import timezone

    from plus1.appointments.models import AppointmentProduct
    from plus1.appointments.slots import free_slots
    from plus1.core import clock

    rng = random.Random(22)
    picked, seen = [], set()
    for location, product_id in _targets(count * 2):
        product = AppointmentProduct.objects.get(pk=product_id)
        start_day = clock.today() + datetime.timedelta(days=rng.randrange(2, 30))
        free = free_slots(
            tenant=location.tenant,
            location=location,
            products=[product],
            persons=1,
            start_day=start_day,
            days=3,
        )
        slot = rng.choice(free) if free else None
        if slot is not None and (location.pk, slot.start) not in seen:
            seen.add((location.pk, slot.start))
            picked.append((location, product_id, timezone.localtime(slot.start).strftime("%Y-%m-%dT%H:%M")))
        if len(picked) == count:
            break
    return picked


def _book(client, bookings, meter) -> None:
    """GET the details page of each time (not timed, for the form's CSRF token), then time the booking."""
    forms = []
    for number, (location, product_id, tijd) in enumerate(bookings):
        base = f"/{location.tenant.slug}/afspraak/"
        query = f"product={product_id}&personen=1&locatie={location.slug}&tijd={tijd}"
        response = client.get(f"{base}gegevens/?{query}")
        assert response.status_code == 200, (response.status_code, response.text[:300])
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)
        data = {
            "csrfmiddlewaretoken": token, "product": str(product_id), "personen": "1",
            "locatie": location.slug, "tijd": tijd, "naam": f"Bench Inwoner {number}",
            "email": f"bench{number}@example.org", "telefoon": "",
        }  # fmt: skip
        forms.append((f"{base}bevestigen/", data))
    meter.start()
    samples = [_timed(client.post, url, (302,), data=data) for url, data in forms]
    meter.stop()
    report("booking (POST afspraak/bevestigen/)", samples)
    print(f"  CPU per request: {meter.per(len(samples))}")
    print(f"  p95 target 50 ms: {'met' if percentile(samples, 0.95) <= 50 else 'NOT met'}")


if __name__ == "__main__":
    main()
