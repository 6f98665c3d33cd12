"""Klantwaardering benchmark on PostgreSQL: 5,000,000 answers over 342 gemeenten, a year.

Every gemeente runs a realistic set of base processes (``plus1.demo.feedback``), with a team.
The answers are spread over gemeenten, processes and the last 365 days with set-based SQL
(INSERT ... SELECT generate_series): scores around 7.3 with a gemeente offset, ease that follows
the score, open remarks, lead times against the norm. Invitations are kept as the nightly worker
keeps them (the last ~120 days: answered ones and the 70% never answered); the MonthlyScore sums
are made from the answers in one GROUP BY.

Measures, through real HTTP against gunicorn (4 processes x 4 threads, as ``zgw_bench``):
- submitting an answer: POST of the portal form of a fresh invitation (target p95 <= 50 ms);
- a teamleider's dashboard of the largest gemeente over 12 months (target p95 <= 100 ms);
- the benchmark page over 12 months (target p95 <= 100 ms);
with the CPU each part (gunicorn, PostgreSQL, this load generator) spent per request.

Run with `bench/run.sh` or `python bench/feedback_bench.py` (DATABASE_URL pointing at PostgreSQL).
PLUS1_BENCH_ANSWERS scales the data set down (e.g. 200000). The loaded database is kept and
reused by the next run (PLUS1_BENCH_KEEPDB=0 loads afresh and drops it afterwards). Prints
figures; asserts nothing.
"""

from __future__ import annotations

import math
import os
import random
import re
import signal
import subprocess
import sys
import time

from harness import CpuMeter, free_port, parent_pid, report, run_on_test_database, wait_for

ANSWERS = int(os.environ.get("PLUS1_BENCH_ANSWERS", "5000000"))
KEEPDB = os.environ.get("PLUS1_BENCH_KEEPDB", "1") != "0"
SAMPLES = int(os.environ.get("PLUS1_BENCH_SAMPLES", "200"))
WORKERS = os.environ.get("PLUS1_BENCH_WORKERS", "4")
THREADS = os.environ.get("PLUS1_BENCH_THREADS", "4")
# Answers older than this have lost their invitation to the nightly worker (30 days valid + 90).
KEPT_DAYS = 120
RESPONSE_RATE = 0.3
# Answers are drawn from this many slots, each a (gemeente, process) in proportion to its volume.
SLOTS = 200_000
TEAM = "Dienstverlening"
PASSWORD = "bench-wachtwoord-lang"  # noqa: S105 - a throw-away test database


def main() -> None:
    run_on_test_database("feedback benchmark", _run, keepdb=KEEPDB)


def _run() -> None:
    from plus1.feedback.models import Answer

    have = Answer.objects.count()
    if abs(have - ANSWERS) > ANSWERS * 0.01:
        if have:
            print(f"found {have:,} answers, want {ANSWERS:,}: loading them afresh")
        _load()
    else:
        print(f"reusing the loaded data set: {have:,} answers")
    _tallies()
    _measure()


def _tallies() -> None:
    """The dashboard's MonthlyTally counts, made from the answers in one GROUP BY if there are none."""
    from plus1.feedback.models import MonthlyTally
    from plus1.feedback.tallies import rebuild_monthly_tallies

    if not MonthlyTally.objects.exists():
        print(f"  {rebuild_monthly_tallies():,} monthly tallies")


def _load() -> None:
    from django.db import connection, transaction

    from plus1.accounts.models import Team
    from plus1.audit.services import Actor
    from plus1.catalog.importer.loader import import_library
    from plus1.demo.feedback import adopt_common_processes
    from plus1.feedback.surveys import current_survey
    from plus1.tenants.models import Organisation

    started = time.perf_counter()
    actor = Actor.system("bench")
    gemeenten = list(Organisation.objects.gemeenten().order_by("cbs_code"))
    if not Team.objects.filter(name=TEAM).exists():
        import_library(actor=actor)
        with transaction.atomic():
            adopt_common_processes(gemeenten, actor)
            Team.objects.bulk_create([Team(tenant=g, name=TEAM) for g in gemeenten])
            with connection.cursor() as cursor:
                cursor.execute(
                    "UPDATE catalog_adoption a SET team_id = t.id FROM accounts_team t "
                    "WHERE t.tenant_id = a.tenant_id AND t.name = %s",
                    [TEAM],
                )
        print(f"{len(gemeenten)} gemeenten run their processes ({time.perf_counter() - started:.0f} s)")
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE feedback_callback, feedback_answer, feedback_invitation, feedback_monthlyscore CASCADE"
        )
    survey = current_survey()
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        # The rows point only to rows that exist (ids made here, slots from real adoptions): skip
        # the per-row foreign-key triggers, which would take longer at COMMIT than the inserts.
        cursor.execute("SET LOCAL session_replication_role = replica")
        _slots(cursor, gemeenten)
        _answers(cursor, survey.pk)
        _invitations(cursor)
        _monthly_scores(cursor)
        cursor.execute("DROP TABLE bench_slot")
    with connection.cursor() as cursor:
        # VACUUM sets the visibility map: without it the dashboard's covering index is no
        # index-only scan (autovacuum would do this later on a live system).
        cursor.execute("VACUUM ANALYZE feedback_answer")
        cursor.execute("VACUUM ANALYZE feedback_invitation")
        cursor.execute("ANALYZE")
    print(f"loaded {ANSWERS:,} answers in {time.perf_counter() - started:.0f} s")


def _slots(cursor, gemeenten) -> None:
    """The (gemeente, process) of each slot, in proportion to the gemeente's size and the volume."""
    from plus1.catalog.models import Adoption
    from plus1.catalog.terms import add_term
    from plus1.core import clock
    from plus1.feedback.bulk import DEFAULT_PROFILE, MEAN_SCORE, PROFILES

    today = clock.today()
    gemeente = {}
    for g in gemeenten:
        rng = random.Random(f"bench-{g.cbs_code}")
        gemeente[g.pk] = (min(25.0, rng.lognormvariate(0, 0.8)), rng.gauss(0, 0.45), rng.uniform(0.05, 0.25))
    streams = []
    for adoption in Adoption.objects.select_related("zaaktype", "process"):
        profile = PROFILES.get(adoption.process.identificatie, DEFAULT_PROFILE)
        if profile.volume <= 0:
            continue
        size, offset, late = gemeente[adoption.tenant_id]
        norm = adoption.zaaktype.service_norm or adoption.zaaktype.lead_time
        # The late penalty is taken off in SQL for the late ones; the mean holds the rest.
        mean = MEAN_SCORE + offset + profile.score_offset
        norm_days = max(1, (add_term(today, norm) - today).days)
        streams.append((size * profile.volume, adoption, mean, late, norm_days))
    total = sum(weight for weight, *_ in streams)
    rows, slot = [], 0
    for weight, adoption, mean, late, norm_days in streams:
        for _ in range(max(1, round(weight / total * SLOTS))):
            rows.append(
                (slot, adoption.tenant_id, adoption.process_id, adoption.team_id, norm_days, mean, late)
            )
            slot += 1
    cursor.execute(
        "CREATE TEMP TABLE bench_slot (slot int PRIMARY KEY, tenant_id bigint, process_id bigint, "
        "team_id bigint, norm_days int, mean float, late float)"
    )
    with cursor.copy("COPY bench_slot FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    cursor.execute("ANALYZE bench_slot")


def _answers(cursor, survey_id: int) -> None:
    from plus1.feedback.bulk import LATE_PENALTY, REMARKS

    remarks = [remark for theme in REMARKS.values() for remark in theme]
    cursor.execute("SELECT count(*) FROM bench_slot")
    slots = cursor.fetchone()[0]
    # g * a large prime spreads consecutive answers over the slots (and so over gemeenten).
    cursor.execute(
        f"""
        INSERT INTO feedback_answer (id, tenant_id, invitation_id, survey_id, source, process_id, team_id,
            channel, score, effort, improvement, own_answers, may_call, call_phone, answered_at, answered_on,
            zaak_id, lead_time_days, within_norm)
        SELECT g + 1, s.tenant_id, CASE WHEN x.at > now() - interval '{KEPT_DAYS} days' THEN g + 1 END,
            %(survey)s, 'zaak', s.process_id, s.team_id,
            CASE WHEN x.r1 < 0.6 THEN 'online' WHEN x.r1 < 0.75 THEN 'balie' WHEN x.r1 < 0.87 THEN 'telefoon'
                 WHEN x.r1 < 0.96 THEN 'email' ELSE 'post' END,
            y.score,
            CASE WHEN x.r2 < 0.93 THEN LEAST(5, GREATEST(1, round(1 + (y.score - 1) * 4 / 9.0
                + (x.r3 - 0.5) * 2)))::int END,
            CASE WHEN x.r4 < CASE WHEN y.score <= 6 THEN 0.45 ELSE 0.15 END
                 THEN (%(remarks)s::text[])[1 + floor(x.r5 * %(count)s)::int] ELSE '' END,
            '{{}}', y.score <= 5 AND x.r6 < 0.3, '', x.at, (x.at AT TIME ZONE 'Europe/Amsterdam')::date, NULL,
            CASE WHEN x.late THEN s.norm_days + 1 + floor(x.r6 * s.norm_days)::int
                 ELSE floor(x.r6 * s.norm_days)::int END,
            NOT x.late
        FROM generate_series(0, %(answers)s - 1) AS g
        JOIN bench_slot s ON s.slot = (g::bigint * 2654435761) %% %(slots)s
        CROSS JOIN LATERAL (
            SELECT now() - random() * interval '365 days' - (g %% 1) * interval '1 second' AS at,
                random() < s.late AS late, random() AS r1, random() AS r2, random() AS r3,
                random() AS r4, random() AS r5, random() AS r6,
                random() + random() + random() + random() - 2 AS z
        ) x
        CROSS JOIN LATERAL (
            SELECT CASE WHEN x.r6 < 0.04 THEN 1 + floor(x.r5 * 4)::int
                ELSE LEAST(10, GREATEST(1, round(s.mean - CASE WHEN x.late THEN %(penalty)s ELSE 0 END
                    + x.z * 2.6)))::int END AS score
        ) y
        """,
        {
            "survey": survey_id,
            "remarks": remarks,
            "count": len(remarks),
            "answers": ANSWERS,
            "slots": slots,
            "penalty": LATE_PENALTY,
        },
    )
    cursor.execute("SELECT setval(pg_get_serial_sequence('feedback_answer', 'id'), %s)", [ANSWERS])


def _invitations(cursor) -> None:
    """The answered invitations of the last KEPT_DAYS, and the ones nobody answered."""
    cursor.execute(
        """
        INSERT INTO feedback_invitation (id, tenant_id, uuid, code, source, zaak_id, process_id, team_id,
            channel, created_by_id, created_at, expires_at, used_at, emailed_at)
        SELECT a.invitation_id, a.tenant_id, gen_random_uuid(), '', 'zaak', NULL, a.process_id, a.team_id,
            a.channel, NULL, c.at, c.at + interval '30 days', a.answered_at, c.at
        FROM feedback_answer a
        CROSS JOIN LATERAL (SELECT a.answered_at - random() * interval '2 days' AS at) c
        WHERE a.invitation_id IS NOT NULL
        """
    )
    answered = cursor.rowcount
    unanswered = math.ceil(answered * (1 / RESPONSE_RATE - 1))
    cursor.execute("SELECT count(*) FROM bench_slot")
    slots = cursor.fetchone()[0]
    cursor.execute(
        f"""
        INSERT INTO feedback_invitation (id, tenant_id, uuid, code, source, zaak_id, process_id, team_id,
            channel, created_by_id, created_at, expires_at, used_at, emailed_at)
        SELECT %(start)s + g, s.tenant_id, gen_random_uuid(), '', 'zaak', NULL, s.process_id, s.team_id,
            'online', NULL, c.at, c.at + interval '30 days', NULL, c.at
        FROM generate_series(0, %(count)s - 1) AS g
        JOIN bench_slot s ON s.slot = (g::bigint * 2654435761) %% %(slots)s
        CROSS JOIN LATERAL (
            SELECT now() - random() * interval '{KEPT_DAYS} days' - (g %% 1) * interval '1 second' AS at
        ) c
        """,
        {"start": ANSWERS + 1, "count": unanswered, "slots": slots},
    )
    cursor.execute(
        "SELECT setval(pg_get_serial_sequence('feedback_invitation', 'id'), %s)", [ANSWERS + unanswered + 1]
    )
    print(f"  invitations kept: {answered:,} answered, {unanswered:,} not answered")


def _monthly_scores(cursor) -> None:
    """The sums the benchmark reads; months whose invitations are gone count answers / response rate."""
    cursor.execute(
        """
        INSERT INTO feedback_monthlyscore (tenant_id, process_id, month, invited, answered, score_sum,
            effort_count, effort_sum, lead_time_count, within_norm_count)
        SELECT tenant_id, process_id, date_trunc('month', answered_on)::date,
            ceil(count(*) / %s)::int, count(*), sum(score), count(effort), coalesce(sum(effort), 0),
            count(lead_time_days), count(*) FILTER (WHERE within_norm)
        FROM feedback_answer WHERE process_id IS NOT NULL
        GROUP BY 1, 2, 3
        """,
        [RESPONSE_RATE],
    )
    print(f"  {cursor.rowcount:,} monthly sums")


def _teamleider(gemeente):
    """A teamleider of the gemeente's team, with an authenticator app, and a session to use."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django_otp import DEVICE_ID_SESSION_KEY

    from plus1.accounts.constants import Role
    from plus1.accounts.models import Membership, Team
    from plus1.accounts.services import create_employee, register_totp_device

    username = f"bench-teamleider-{gemeente.slug}"
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        user = create_employee(username=username, password=PASSWORD)
        Membership.objects.create(tenant=gemeente, user=user, role=Role.TEAMLEIDER)
        Team.objects.get(tenant=gemeente, name=TEAM).members.add(user)
        register_totp_device(user=user, key="3132333435363738393031323334353637383930")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = user.totpdevice_set.get().persistent_id
    session.create()
    return session.session_key


def _fresh_invitations(gemeente, count: int) -> list[str]:
    """Invitations of closed zaken, made now and not yet answered: their portal paths."""
    import datetime

    from plus1.catalog.models import Adoption
    from plus1.core import clock
    from plus1.feedback.models import Invitation
    from plus1.feedback.services import invitation_path

    adoptions = list(Adoption.objects.for_tenant(gemeente).order_by("pk"))
    now = clock.now()
    invitations = Invitation.objects.bulk_create(
        [
            Invitation(
                tenant=gemeente,
                source="zaak",
                process_id=adoptions[n % len(adoptions)].process_id,
                team_id=adoptions[n % len(adoptions)].team_id,
                channel="online",
                created_at=now,
                expires_at=now + datetime.timedelta(days=30),
            )
            for n in range(count)
        ]
    )
    return [invitation_path(invitation) for invitation in invitations]


def _measure() -> None:
    import httpx
    from django.conf import settings
    from django.db import connection
    from django.db.models import Count

    from plus1.feedback.models import Answer
    from plus1.tenants.models import Organisation

    largest = Answer.objects.values("tenant_id").annotate(n=Count("id")).order_by("-n").first()
    gemeente = Organisation.objects.get(pk=largest["tenant_id"])
    print(f"gemeente {gemeente.name}: {largest['n']:,} answers in the year")
    session_key = _teamleider(gemeente)
    paths = _fresh_invitations(gemeente, SAMPLES)
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
        # One address sends every answer here; the limit per address is not what is measured.
        "PLUS1_RATELIMIT_FEEDBACK": "1000000/h",
    }
    # Pages with DEBUG off read their static files from the manifest, as in production.
    collect = [sys.executable, "-m", "plus1", "collectstatic", "--noinput", "-v", "0"]
    subprocess.run(collect, env=env, check=True)
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "plus1.wsgi", "-b", f"127.0.0.1:{port}", "-w", WORKERS,
            "--threads", THREADS, "-k", "gthread", "--keep-alive", "0", "--log-level", "warning", "--preload",
        ],
        env=env,
    )  # fmt: skip
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base_url}/")
        meter = CpuMeter({"gunicorn": server.pid, "postgresql": postmaster})
        with httpx.Client(base_url=base_url, timeout=60) as client:
            _submits(client, paths, meter)
        with httpx.Client(base_url=base_url, timeout=60, cookies={"sessionid": session_key}) as client:
            for label, url in (
                ("dashboard, 12 months", "/backoffice/klantwaardering/?periode=12"),
                ("benchmark page, 12 months", "/backoffice/klantwaardering/benchmark/?periode=12"),
            ):
                for _ in range(5):
                    _get(client, url)
                meter.start()
                samples = [_get(client, url) for _ in range(SAMPLES)]
                meter.stop()
                report(label, samples)
                print(f"  CPU per request: {meter.per(len(samples))}")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def _submits(client, paths: list[str], meter) -> None:
    """GET each fresh invitation's form (not timed), then time the POST of the answer."""
    forms = []
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, (response.status_code, response.text[:300])
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)
        forms.append((path, token))
    rng = random.Random(1)
    samples = []
    meter.start()
    for path, token in forms:
        data = {
            "csrfmiddlewaretoken": token,
            "score": str(rng.choice([4, 6, 7, 8, 8, 9, 10])),
            "effort": str(rng.randint(2, 5)),
            "improvement": "De brief was moeilijk te begrijpen." if rng.random() < 0.3 else "",
            "channel": "online",
        }
        started = time.perf_counter()
        response = client.post(path, data=data)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 302, (response.status_code, response.text[:500])
    meter.stop()
    report("submit an answer (POST of the portal form)", samples)
    print(f"  CPU per request: {meter.per(len(samples))}")


def _get(client, url: str) -> float:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code, response.text[:300])
    return elapsed


if __name__ == "__main__":
    sys.exit(main())
