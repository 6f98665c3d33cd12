"""Online betalen benchmark on PostgreSQL: the provider's server-to-server notice, 342 gemeenten.

Every gemeente runs parkeervergunning with a fee and has a Worldline account (PaymentSettings,
passphrases encrypted). A year of earlier payments (PLUS1_BENCH_PAYMENTS, default 500,000, with
one provider message each) is loaded with set-based SQL. Then SAMPLES residents of the largest
gemeente fill in a parkeervergunning and start paying (through the services, not timed).

Measures, through real HTTP against gunicorn (4 processes x 4 threads, as ``feedback_bench``):
- the first notice of each payment: POST /<slug>/betalen/melding/ with the SHA-OUT signed
  parameters; checks the signature, locks the payment, records it paid and registers the zaak
  (betalingsindicatie "geheel"); the PDF copy and mail go to the worker (target p95 <= 30 ms);
- the same notice again (Worldline retries, or the return came first): recorded, nothing changes;
with the CPU each part (gunicorn, PostgreSQL, this load generator) spent per request.

Run with `bench/run.sh` or `python bench/payments_bench.py` (DATABASE_URL pointing at PostgreSQL).
The loaded database is kept and reused (PLUS1_BENCH_KEEPDB=0 loads afresh and drops it). Prints
figures; asserts nothing.
"""

from __future__ import annotations

import datetime
import os
import signal
import subprocess
import sys
import time
from decimal import Decimal

from harness import CpuMeter, free_port, parent_pid, report, run_on_test_database, wait_for

PAYMENTS = int(os.environ.get("PLUS1_BENCH_PAYMENTS", "500000"))
KEEPDB = os.environ.get("PLUS1_BENCH_KEEPDB", "1") != "0"
SAMPLES = int(os.environ.get("PLUS1_BENCH_SAMPLES", "200"))
WORKERS = os.environ.get("PLUS1_BENCH_WORKERS", "4")
THREADS = os.environ.get("PLUS1_BENCH_THREADS", "4")
FEE = Decimal("62.50")
SHA_IN, SHA_OUT = "bench-sha-in-passphrase", "bench-sha-out-passphrase"  # a throw-away database


def main() -> None:
    run_on_test_database("payments benchmark", _run, keepdb=KEEPDB)


def _run() -> None:
    from plus1.payments.models import Payment

    have = Payment.objects.filter(reference__startswith="H").count()
    if abs(have - PAYMENTS) > PAYMENTS * 0.01:
        if have:
            print(f"found {have:,} earlier payments, want {PAYMENTS:,}: loading them afresh")
        _load()
    else:
        print(f"reusing the loaded data set: {have:,} earlier payments")
    _measure()


def _load() -> None:
    from django.db import connection, transaction

    from plus1.audit.services import Actor
    from plus1.catalog import services as catalog_services
    from plus1.catalog.importer.loader import import_library
    from plus1.catalog.models import Adoption, ZaakType
    from plus1.payments.models import PaymentSettings
    from plus1.tenants.models import Organisation

    started = time.perf_counter()
    actor = Actor.system("bench")
    gemeenten = list(Organisation.objects.gemeenten().order_by("cbs_code"))
    if not PaymentSettings.objects.exists():
        import_library(actor=actor)
        zaaktype = (
            ZaakType.objects.filter(process__identificatie="parkeervergunning").order_by("-version").first()
        )
        ZaakType.objects.filter(process__identificatie="parkeervergunning").update(
            fee_basis="fixed", fee_returned_on_withdrawal=True
        )
        with transaction.atomic():
            adopted = set(Adoption.objects.filter(zaaktype=zaaktype).values_list("tenant_id", flat=True))
            for gemeente in gemeenten:
                if gemeente.pk not in adopted:
                    catalog_services.adopt_process(gemeente=gemeente, zaaktype=zaaktype, actor=actor, fee=FEE)
            for gemeente in gemeenten:
                PaymentSettings.objects.create(
                    tenant=gemeente,
                    provider="worldline",
                    environment="test",
                    pspid=f"P{gemeente.cbs_code}",
                    sha_in=SHA_IN,
                    sha_out=SHA_OUT,
                )
        print(f"{len(gemeenten)} gemeenten take payments ({time.perf_counter() - started:.0f} s)")
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM payments_paymentevent WHERE reference LIKE 'H%%'")
        cursor.execute("DELETE FROM payments_payment WHERE reference LIKE 'H%%'")
        ids = [g.pk for g in gemeenten]
        # Paid (80%), expired (12%), cancelled (5%), refunded (3%); spread over the last year.
        cursor.execute(
            """
            INSERT INTO payments_payment (tenant_id, uuid, reference, amount, currency, provider, status,
                provider_reference, method, description, submission, created_at, expires_at, paid_at,
                refunded_at, updated_at)
            SELECT t.ids[1 + (g::bigint * 7919) %% array_length(t.ids, 1)], md5(g::text || 'bench')::uuid,
                'H' || lpad(g::text, 12, '0'), %(fee)s, 'EUR', 'worldline',
                CASE WHEN x.r < 0.80 THEN 'paid' WHEN x.r < 0.92 THEN 'expired'
                     WHEN x.r < 0.97 THEN 'cancelled' ELSE 'refunded' END,
                (3000000000::bigint + g)::text, 'iDEAL iDEAL', 'Parkeervergunning aanvragen', '{}'::jsonb,
                x.at, x.at + interval '72 hours',
                CASE WHEN x.r < 0.80 OR x.r >= 0.97 THEN x.at + interval '2 minutes' END,
                CASE WHEN x.r >= 0.97 THEN x.at + interval '20 days' END, x.at
            FROM generate_series(1, %(count)s) AS g
            CROSS JOIN (SELECT %(ids)s::bigint[] AS ids) t
            CROSS JOIN LATERAL (
                SELECT random() + (g %% 1) AS r, now() - random() * interval '365 days' AS at
            ) x
            """,
            {"fee": FEE, "count": PAYMENTS, "ids": ids},
        )
        cursor.execute(
            """
            INSERT INTO payments_paymentevent (tenant_id, payment_id, source, reference, provider_status,
                params, outcome, received_at)
            SELECT tenant_id, id, 'notice', reference, CASE status WHEN 'cancelled' THEN '1' ELSE '9' END,
                jsonb_build_object('orderID', reference, 'STATUS', '9', 'PAYID', provider_reference),
                CASE status WHEN 'cancelled' THEN 'cancelled' WHEN 'expired' THEN 'pending' ELSE 'paid' END,
                coalesce(paid_at, created_at)
            FROM payments_payment WHERE reference LIKE 'H%%'
            """
        )
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE payments_payment")
        cursor.execute("VACUUM ANALYZE payments_paymentevent")
    print(f"loaded {PAYMENTS:,} earlier payments and their messages in {time.perf_counter() - started:.0f} s")


def _bsn(number: int) -> str:
    """A 9-digit number that passes the eleven test (fictitious, for the drafts)."""
    while True:
        digits = f"{number:09d}"
        total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
        if total % 11 == 0:
            return digits
        number += 1


def _fresh_payments(gemeente, count: int) -> list[dict[str, str]]:
    """``count`` residents who filled in a parkeervergunning and started paying: the signed answers."""
    from plus1.audit.services import Actor
    from plus1.cases.models import RequestDraft
    from plus1.catalog.models import Adoption
    from plus1.connectors import worldline
    from plus1.core import clock
    from plus1.payments.services import ReturnUrls, start_payment

    adoption = Adoption.objects.for_tenant(gemeente).get(process__identificatie="parkeervergunning")
    tomorrow = (clock.today() + datetime.timedelta(days=1)).isoformat()
    answers = {
        "kenteken": "AB-123-C",
        "auto_eigendom": "Van mij",
        "ingangsdatum": tomorrow,
        "telefoonnummer": "0612345678",
    }
    base = f"https://loket.example.nl/{gemeente.slug}/betalen/terug"
    urls = ReturnUrls(f"{base}/betaald/", f"{base}/geweigerd/", f"{base}/fout/", f"{base}/geannuleerd/")
    RequestDraft.objects.filter(tenant=gemeente, owner_bsn__startswith="8", zaak__isnull=True).delete()
    params, number = [], 800_000_000 + int(time.time()) % 100_000 * 1000
    for index in range(count):
        number = int(_bsn(number + 1))
        draft = RequestDraft.objects.create(
            tenant=gemeente, adoption=adoption, owner_bsn=f"{number:09d}", data=answers
        )
        payment = start_payment(
            draft=draft, actor=Actor(type="resident", id=str(index), label="Inwoner"), urls=urls
        ).payment
        fields = {
            "orderID": payment.reference,
            "amount": format(payment.amount.normalize(), "f"),
            "currency": "EUR",
            "STATUS": "9",
            "PAYID": str(3_900_000_000 + index),
            "PM": "iDEAL",
            "BRAND": "iDEAL",
            "NCERROR": "0",
            "ACCEPTANCE": "BENCH1",
        }
        params.append(worldline.feedback_params(fields, sha_out=SHA_OUT))
    return params


def _measure() -> None:
    import httpx
    from django.conf import settings
    from django.db import connection
    from django.db.models import Count

    from plus1.payments.models import Payment
    from plus1.tenants.models import Organisation

    largest = Payment.objects.values("tenant_id").annotate(n=Count("id")).order_by("-n").first()
    gemeente = Organisation.objects.get(pk=largest["tenant_id"])
    print(f"gemeente {gemeente.name}: {largest['n']:,} payments")
    notices = _fresh_payments(gemeente, SAMPLES)
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
        # One address sends every notice here; the limit per address is not what is measured.
        "PLUS1_RATELIMIT_PAYMENT_NOTICE": "1000000/h",
        # Enqueued PDF copies and mails wait in the database queue (no worker runs here).
        "PLUS1_TASK_BACKEND": "django_tasks_db.DatabaseBackend",
    }
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "plus1.wsgi", "-b", f"127.0.0.1:{port}", "-w", WORKERS,
            "--threads", THREADS, "-k", "gthread", "--keep-alive", "0", "--log-level", "warning", "--preload",
        ],
        env=env,
    )  # fmt: skip
    base_url = f"http://127.0.0.1:{port}"
    path = f"/{gemeente.slug}/betalen/melding/"
    try:
        wait_for(f"{base_url}{path}")  # a plain 405: no page, no static files
        meter = CpuMeter({"gunicorn": server.pid, "postgresql": postmaster})
        with httpx.Client(base_url=base_url, timeout=60) as client:
            for label in ("first notice (paid: payment recorded, zaak registered)", "the same notice again"):
                samples = []
                meter.start()
                for params in notices:
                    started = time.perf_counter()
                    response = client.post(path, data=params)
                    samples.append((time.perf_counter() - started) * 1000)
                    assert response.status_code == 200, (response.status_code, response.text[:300])
                meter.stop()
                report(label, samples)
                print(f"  CPU per request: {meter.per(len(samples))}")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    references = [params["orderID"] for params in notices]
    paid = Payment.objects.filter(reference__in=references, status="paid", zaak__isnull=False)
    print(f"  {paid.count()} of {len(notices)} payments recorded paid with their zaak")


if __name__ == "__main__":
    main()
