"""The growth benchmark's data set: a Plus1 installation that grows from 10,000 to 10,000,000 zaken.

Shaped like a real installation rather than one gemeente with everything:
- all 342 gemeenten adopt all processes of the shared library (28 zaaktypen each), with three
  teams per gemeente that the adopted processes are divided over;
- zaken are spread over the gemeenten by a Zipf-like weight (the largest, Amsterdam, gets about
  6 %, the smallest about 0.1 %), like population;
- the load adds history going back in time: zaak number g is registered ``g / PER_DAY`` days
  before ``TODAY`` (about 2,740 a day: 10M zaken are ten years). Zaken of the last weeks are
  open, older ones closed, so the open work stays about the same from 1M on while the archive
  grows, as in a real installation;
- resident r (BSN r, 9 digits) submitted zaken 5r .. 5r+4, all in one gemeente: Mijn zaken
  shows a handful;
- every zaak has its status (the current one) and its initiator rol.

The load is resumable: ``growth_progress`` holds how many zaken are loaded; each batch inserts
zaken g = loaded .. loaded+batch-1 with their status and rol and moves the counter in the same
transaction, so an interrupted load continues where its last commit stopped and never repeats
a number. Zaak numbers are ZAAK-G-<g> (a prefix the app never hands out, so zaken created
through the API during the measurements never collide with later loads).
"""

from __future__ import annotations

import datetime
import time

from dataset import defaults_for

TODAY = datetime.date(2026, 12, 7)
PER_DAY = 2740
PER_RESIDENT = 5
SLOTS = 100_000
# Multiplier that walks all SLOTS (coprime with 100,000): consecutive residents land in
# gemeenten all over the country, so every batch grows every gemeente a little.
SLOT_STEP = 7919
ZIPF = 0.7
TEAMS = ("Burgerzaken", "Vergunningen", "Zorg")
# The gemeente measured: the largest one of the installation.
MEASURED_CBS = "GM0363"
MEASURED_RSIN = "100000009"

ZAAK_COLUMNS = (
    "id, uuid, tenant_id, identificatie, bronorganisatie, zaaktype_id, omschrijving, confidentiality, "
    "registered_on, started_on, planned_end_on, ended_on, team_id, current_status_id, suspension_reason, "
    "extension_reason, extended_by, archive_nomination, version, created_at"
)
STATUS_COLUMNS = "id, uuid, zaak_id, statustype_id, set_at, note"
ROL_COLUMNS = "uuid, zaak_id, roltype_id, subject_type, bsn, kvk_number, name, email"

# One row per g of the batch with everything the three inserts need: the gemeente (by the
# resident's slot), the zaaktype and its team, the dates and whether the zaak is still open.
_SOURCE = """
    FROM generate_series(%(lo)s::bigint, %(hi)s::bigint - 1) AS g
    CROSS JOIN LATERAL (
        SELECT (g / {per_day})::int AS age, DATE '{today}' - (g / {per_day})::int AS reg
    ) d
    CROSS JOIN LATERAL (
        SELECT (d.age < 45 OR (d.age < 120 AND g %% 10 = 0)) AS open
    ) o
    JOIN growth_slot s ON s.slot = ((g / {per_resident}) * {step}) %% {slots}
    JOIN growth_zaaktype zt ON zt.tenant_id = s.tenant_id AND zt.k = g %% %(kinds)s
"""


def _source() -> str:
    return _SOURCE.format(
        per_day=PER_DAY, today=TODAY.isoformat(), per_resident=PER_RESIDENT, step=SLOT_STEP, slots=SLOTS
    )


def loaded(cursor) -> int:
    """How many zaken the load has committed (0 before the set-up)."""
    cursor.execute("SELECT to_regclass('growth_progress') IS NOT NULL")
    if not cursor.fetchone()[0]:
        return 0
    cursor.execute("SELECT loaded FROM growth_progress")
    return cursor.fetchone()[0]


def ordered_gemeenten() -> list:
    """The gemeenten, largest first: the measured one, then the rest by id."""
    from plus1.tenants.models import Organisation

    gemeenten = list(Organisation.objects.gemeenten().order_by("id"))
    gemeenten.sort(key=lambda g: g.cbs_code != MEASURED_CBS)
    return gemeenten


def set_up() -> None:
    """Library, adoptions, teams and the helper tables; does nothing when already done."""
    from django.db import connection, transaction

    with connection.cursor() as cursor:
        if loaded(cursor) or _table_exists(cursor, "growth_progress"):
            return
    from plus1.accounts.models import Team
    from plus1.audit.services import Actor
    from plus1.catalog.importer.loader import import_library
    from plus1.catalog.models import Adoption, ZaakType

    started = time.perf_counter()
    with transaction.atomic():
        if not ZaakType.objects.exists():
            import_library(actor=Actor.system("growth-bench"))
        zaaktypen = [z for z in ZaakType.objects.order_by("process__identificatie") if z.is_published]
        gemeenten = ordered_gemeenten()
        measured = gemeenten[0]
        if not measured.rsin:
            measured.rsin = MEASURED_RSIN
            measured.save(update_fields=["rsin"])
        teams = Team.objects.bulk_create(
            [Team(tenant=gemeente, name=name) for gemeente in gemeenten for name in TEAMS]
        )
        team_of = {(team.tenant_id, team.name): team for team in teams}
        # Straight rows, not adopt_process: 9,576 adoptions with an audit row each would take
        # minutes; the benchmark needs the result, not the history.
        Adoption.objects.bulk_create(
            [
                Adoption(
                    tenant=gemeente,
                    process_id=zaaktype.process_id,
                    zaaktype=zaaktype,
                    team=team_of[(gemeente.id, TEAMS[k % len(TEAMS)])],
                )
                for gemeente in gemeenten
                for k, zaaktype in enumerate(zaaktypen)
            ]
        )
        weights = [1 / (rank + 1) ** ZIPF for rank in range(len(gemeenten))]
        total = sum(weights)
        slots, position = [], 0
        for rank, gemeente in enumerate(gemeenten):
            share = SLOTS - position if rank == len(gemeenten) - 1 else round(SLOTS * weights[rank] / total)
            slots += [(position + i, gemeente.id, gemeente.rsin) for i in range(share)]
            position += share
        kinds = []
        for k, zaaktype in enumerate(zaaktypen):
            statustypen = list(zaaktype.statustypen.order_by("volgnummer").values_list("id", flat=True))
            initiator = zaaktype.roltypen.get(generic="initiator").id
            kinds.append(
                (k, zaaktype.id, zaaktype.omschrijving[:80], statustypen[:-1], statustypen[-1], initiator)
            )
        with connection.cursor() as cursor:
            cursor.execute("CREATE TABLE growth_slot (slot int PRIMARY KEY, tenant_id bigint, rsin text)")
            cursor.executemany("INSERT INTO growth_slot VALUES (%s, %s, %s)", slots)
            cursor.execute(
                "CREATE TABLE growth_zaaktype (tenant_id bigint, k int, zaaktype_id bigint, "
                "omschrijving text, team_id bigint, open_statuses bigint[], last_status bigint, "
                "initiator_id bigint, "
                "PRIMARY KEY (tenant_id, k))"
            )
            cursor.executemany(
                "INSERT INTO growth_zaaktype VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                [
                    (
                        gemeente.id,
                        k,
                        zt,
                        name,
                        team_of[(gemeente.id, TEAMS[k % len(TEAMS)])].id,
                        opened,
                        last,
                        ini,
                    )
                    for gemeente in gemeenten
                    for k, zt, name, opened, last, ini in kinds
                ],
            )
            cursor.execute("CREATE TABLE growth_progress (loaded bigint NOT NULL)")
            cursor.execute("INSERT INTO growth_progress VALUES (0)")
            cursor.execute("ANALYZE growth_slot, growth_zaaktype")
    took = time.perf_counter() - started
    print(f"set-up: {len(gemeenten)} gemeenten x {len(zaaktypen)} zaaktypen in {took:.0f} s")


def _table_exists(cursor, name: str) -> bool:
    cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [name])
    return cursor.fetchone()[0]


def grow_to(target: int, *, batch: int, stop_at: float | None = None) -> int:
    """Load zaken until ``target`` are there (or ``stop_at``, a time.time(), has passed).

    Returns the number loaded. Each batch is one transaction that also moves the counter.
    """
    from django.db import connection, transaction

    from plus1.cases.models import Rol, Status, Zaak

    parts, extra = {}, {}
    for name, model, listed in (
        ("zaak", Zaak, ZAAK_COLUMNS),
        ("status", Status, STATUS_COLUMNS),
        ("rol", Rol, ROL_COLUMNS),
    ):
        columns, values, extra[name] = defaults_for(model, listed)
        parts |= {f"{name}_columns": listed + columns, f"{name}_values": values}
    with connection.cursor() as cursor:
        done = loaded(cursor)
        cursor.execute(
            "SELECT count(*) FROM growth_zaaktype "
            "WHERE tenant_id = (SELECT tenant_id FROM growth_slot WHERE slot = 0)"
        )
        kinds = cursor.fetchone()[0]
        cursor.execute(
            "SELECT pg_get_serial_sequence('cases_zaak', 'id'), pg_get_serial_sequence('cases_status', 'id')"
        )
        zaak_seq, status_seq = cursor.fetchone()
    source = _source()
    while done < target:
        if stop_at is not None and time.time() >= stop_at:
            print(f"stopped at {done:,} zaken: time is up", flush=True)
            break
        hi = min(target, done + batch)
        count = hi - done
        started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")
            cursor.execute("SELECT loaded FROM growth_progress FOR UPDATE")
            if cursor.fetchone()[0] != done:
                raise RuntimeError("another load is running on this database")
            ids = {}
            for name, sequence in (("zaak", zaak_seq), ("status", status_seq)):
                # Reserve a block of ids: zaak and status point at each other, and with both
                # ids known up front each row is written once (no UPDATE of 500k zaken).
                cursor.execute("SELECT nextval(%s)", [sequence])
                ids[name] = cursor.fetchone()[0]
                cursor.execute("SELECT setval(%s, %s)", [sequence, ids[name] + count])
            params = {"lo": done, "hi": hi, "kinds": kinds, "zaak": ids["zaak"], "status": ids["status"]}
            cursor.execute(
                f"""
                INSERT INTO cases_zaak ({parts["zaak_columns"]})
                SELECT %(zaak)s + (g - %(lo)s), gen_random_uuid(), s.tenant_id,
                    'ZAAK-G-' || lpad(g::text, 8, '0'), coalesce(s.rsin, ''),
                    zt.zaaktype_id, zt.omschrijving,
                    'zaakvertrouwelijk', d.reg, d.reg, d.reg + 56,
                    CASE WHEN o.open THEN NULL
                         ELSE LEAST(d.reg + 10 + (g %% 40)::int, DATE '{TODAY}' - 1) END,
                    zt.team_id, %(status)s + (g - %(lo)s), '', '', '', '', 1,
                    d.reg::timestamptz{_named(parts["zaak_values"], "zd")}
                {source}
                """,
                params | _numbered("zd", extra["zaak"]),
            )
            # The status and rol rows are built to be consistent (every id they point at
            # exists), so their foreign-key checks are skipped: at commit they would look up
            # four references per zaak one by one. Not for the zaken themselves: the kept
            # counts of the ZGW list (cases.counts) are triggers that must fire on them.
            cursor.execute("SET LOCAL session_replication_role = replica")
            cursor.execute(
                f"""
                INSERT INTO cases_status ({parts["status_columns"]})
                SELECT %(status)s + (g - %(lo)s), gen_random_uuid(), %(zaak)s + (g - %(lo)s),
                    CASE WHEN o.open THEN zt.open_statuses[1 + (g %% array_length(zt.open_statuses, 1))::int]
                         ELSE zt.last_status END,
                    d.reg::timestamptz, ''{_named(parts["status_values"], "sd")}
                {source}
                """,
                params | _numbered("sd", extra["status"]),
            )
            cursor.execute(
                f"""
                INSERT INTO cases_rol ({parts["rol_columns"]})
                SELECT gen_random_uuid(), %(zaak)s + (g - %(lo)s), zt.initiator_id, 'natuurlijk_persoon',
                    lpad((g / {PER_RESIDENT})::text, 9, '0'), '', 'Inwoner ' || (g / {PER_RESIDENT}), ''
                    {_named(parts["rol_values"], "rd")}
                {source}
                """,
                params | _numbered("rd", extra["rol"]),
            )
            cursor.execute("UPDATE growth_progress SET loaded = %s", [hi])
        done = hi
        print(f"  loaded {done:,} zaken ({count / (time.perf_counter() - started):,.0f} per s)", flush=True)
    return done


def _named(values: str, prefix: str) -> str:
    """The ``, %s, %s::jsonb`` default values of defaults_for as named placeholders."""
    pieces = values.split("%s")
    named = [f"{piece}%({prefix}{index})s" for index, piece in enumerate(pieces[:-1])]
    return "".join(named) + pieces[-1]


def _numbered(prefix: str, params: list) -> dict:
    return {f"{prefix}{index}": value for index, value in enumerate(params)}


def analyze() -> None:
    """VACUUM ANALYZE the grown tables: fresh statistics and a visibility map, as autovacuum
    would leave them in a running installation."""
    from django.db import connection

    started = time.perf_counter()
    with connection.cursor() as cursor:
        tables = "cases_zaak, cases_status, cases_rol"
        if _table_exists(cursor, "cases_zaakcount"):
            tables += ", cases_zaakcount"  # the ZGW list's kept counts (cases.counts)
        cursor.execute(f"VACUUM (ANALYZE) {tables}")
    print(f"  vacuum analyze: {time.perf_counter() - started:.0f} s", flush=True)
