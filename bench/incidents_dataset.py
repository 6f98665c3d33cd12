"""The incidents benchmark's data set: zaken and incidents loaded with set-based SQL.

``load_zaken`` follows ``dataset.load_zaken`` (resident r owns zaken r*20 .. r*20+19 in gemeente
r % 342, one team per gemeente) but clones one zaak made by ``create_zaak``, so every column the
models have is filled (``zgw_bench.clone``). ``load_incidents`` clones one report made by
``report_incident`` with its tasks, and adds maatregelen.
"""

from __future__ import annotations

import time

from dataset import HANDLERS_PER_TEAM, PER_RESIDENT
from zgw_bench import clone

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


def load_zaken(connection, *, count: int) -> None:
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
            [count],
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
    print(f"loaded {count:,} zaken over {len(gemeenten)} gemeenten in {time.perf_counter() - started:.0f} s")

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


def load_incidents(connection, *, count: int, zaken: int) -> None:
    """``count`` reports with their tasks and measures, cloned from one made by ``report_incident``.

    Incident g belongs to the measured gemeente for g < MEASURED_SHARE * count, else to
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
    in_measured = int(count * MEASURED_SHARE)
    others = len(gemeenten) - 1
    residents_per_gemeente = max(1, zaken // PER_RESIDENT // len(gemeenten))
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
                FROM generate_series(0, {count} - 1) AS g
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
