"""Kept counts of zaken, and where a page of the newest-first list lies, without counting.

A list of zaken newest first, filtered by what an application may see (zaaktype and
vertrouwelijkheid), used to cost a count over every visible zaak and an OFFSET over every
zaak above the page: about a second for a page deep in a million. ``ZaakCount`` keeps how
many zaken there are per gemeente, zaaktype, vertrouwelijkheid and block of ids, maintained
by triggers in the transaction of every change (``install_sql``). Summing those rows per
block, newest block first, gives the exact count and tells in which block a page starts, so
the page itself is read from an id range: at most a block and a page of rows, however deep.

Exact, not estimated: the triggers run for every insert, delete and change of zaaktype or
vertrouwelijkheid, whatever path makes it (services, cascades, bulk SQL). The sums only
answer conditions on ``zaaktype_id`` and ``confidentiality``; anything else counts the rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Q, QuerySet, Sum

from .models.counts import BLOCK_BITS, ZaakCount

# The columns of cases_zaak that a ZaakCount condition may name (its own names are the same).
COUNTED_FIELDS = frozenset({"zaaktype_id", "confidentiality"})


@dataclass(frozen=True)
class Window:
    """Where the rows ``offset .. offset + size`` of the newest-first list lie."""

    count: int
    # The page's rows have ``low <= id < high``; ``skip`` rows of that range come before it.
    low: int | None
    high: int | None
    skip: int


# Per database alias: whether its schema has the kept counts (see ``is_kept``).
_KEPT: dict[str, bool] = {}


def is_kept() -> bool:
    """Whether the database the counts are read from has them (migration 0013 ran).

    Asked once per process: an app started on a database not yet migrated counts the rows
    as before instead of failing, until it restarts.
    """
    alias = router.db_for_read(ZaakCount) or "default"
    if alias not in _KEPT:
        connection = connections[alias]
        with connection.cursor() as cursor:
            _KEPT[alias] = "cases_zaakcount" in connection.introspection.table_names(cursor)
    return _KEPT[alias]


def block_sums(tenant_id: int, condition: Q) -> list[tuple[int, int]]:
    """``(block, zaken)`` for the zaken of the gemeente matching ``condition``, newest first.

    ``condition`` may only name ``zaaktype_id`` and ``confidentiality`` (as the autorisatie
    filter and the zaaktype filters do); blocks without such zaken are left out.
    """
    rows = (
        ZaakCount.objects.filter(tenant_id=tenant_id)
        .filter(condition)
        .values_list("block")
        .annotate(zaken=Sum("zaken"))
        .order_by("-block")
    )
    return [(block, zaken) for block, zaken in rows if zaken]


def window(blocks: list[tuple[int, int]], offset: int, size: int) -> Window:
    """The id range and the rows to skip for ``offset`` in the blocks of ``block_sums``."""
    count = sum(zaken for _, zaken in blocks)
    above = 0
    low = high = None
    skip = 0
    for block, zaken in blocks:
        if high is None and above + zaken > offset:
            high, skip = (block + 1) << BLOCK_BITS, offset - above
        if high is not None and above + zaken >= offset + size:
            low = block << BLOCK_BITS
            break
        above += zaken
    if high is not None and low is None:
        low = blocks[-1][0] << BLOCK_BITS
    return Window(count=count, low=low, high=high, skip=skip)


def locate(
    queryset: QuerySet, tenant_id: int, condition: Q, offset: int, size: int
) -> tuple[int, QuerySet, int]:
    """``(count, rows, skip)``: ``queryset`` (the gemeente's zaken matching ``condition``,
    newest first by id) narrowed to the id range of the page at ``offset``; the page is
    ``rows[skip:skip + size]``. A page past the end gets an empty range."""
    found = window(block_sums(tenant_id, condition), offset, size)
    if found.high is None:
        return found.count, queryset.none(), 0
    # The ids first, from the index on (tenant, zaaktype, id) alone, then only those rows:
    # the rows skipped in the block are never read from the table.
    ids = queryset.filter(id__gte=found.low, id__lt=found.high).values("id")[found.skip : found.skip + size]
    return found.count, queryset.filter(id__in=ids), 0


# The triggers that keep ZaakCount equal to cases_zaak. Statement triggers on PostgreSQL add
# a bulk insert of a million zaken up in one statement; a change of zaaktype or
# vertrouwelijkheid is rare and runs a row trigger only when one of them really changed.
_POSTGRESQL_TEMPLATE = """
CREATE TABLE IF NOT EXISTS cases_zaakcount (
    tenant_id bigint NOT NULL,
    zaaktype_id bigint NOT NULL,
    confidentiality varchar(20) NOT NULL,
    block bigint NOT NULL,
    zaken bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, zaaktype_id, confidentiality, block)
);
--
CREATE OR REPLACE FUNCTION cases_zaakcount_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO cases_zaakcount AS c (tenant_id, zaaktype_id, confidentiality, block, zaken)
    SELECT tenant_id, zaaktype_id, confidentiality, id >> {BLOCK_BITS}, count(*) FROM added
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (tenant_id, zaaktype_id, confidentiality, block)
    DO UPDATE SET zaken = c.zaken + EXCLUDED.zaken;
    RETURN NULL;
END $$;
--
CREATE OR REPLACE FUNCTION cases_zaakcount_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO cases_zaakcount AS c (tenant_id, zaaktype_id, confidentiality, block, zaken)
    SELECT tenant_id, zaaktype_id, confidentiality, id >> {BLOCK_BITS}, -count(*) FROM removed
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (tenant_id, zaaktype_id, confidentiality, block)
    DO UPDATE SET zaken = c.zaken + EXCLUDED.zaken;
    RETURN NULL;
END $$;
--
CREATE OR REPLACE FUNCTION cases_zaakcount_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO cases_zaakcount AS c (tenant_id, zaaktype_id, confidentiality, block, zaken)
    VALUES (OLD.tenant_id, OLD.zaaktype_id, OLD.confidentiality, OLD.id >> {BLOCK_BITS}, -1),
           (NEW.tenant_id, NEW.zaaktype_id, NEW.confidentiality, NEW.id >> {BLOCK_BITS}, 1)
    ON CONFLICT (tenant_id, zaaktype_id, confidentiality, block)
    DO UPDATE SET zaken = c.zaken + EXCLUDED.zaken;
    RETURN NULL;
END $$;
--
CREATE OR REPLACE FUNCTION cases_zaakcount_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM cases_zaakcount;
    RETURN NULL;
END $$;
--
CREATE OR REPLACE TRIGGER cases_zaakcount_added AFTER INSERT ON cases_zaak
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION cases_zaakcount_added();
--
CREATE OR REPLACE TRIGGER cases_zaakcount_removed AFTER DELETE ON cases_zaak
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION cases_zaakcount_removed();
--
CREATE OR REPLACE TRIGGER cases_zaakcount_moved
    AFTER UPDATE OF tenant_id, zaaktype_id, confidentiality, id ON cases_zaak FOR EACH ROW
    WHEN (OLD.tenant_id <> NEW.tenant_id OR OLD.zaaktype_id <> NEW.zaaktype_id
          OR OLD.confidentiality <> NEW.confidentiality OR OLD.id >> {BLOCK_BITS} <> NEW.id >> {BLOCK_BITS})
    EXECUTE FUNCTION cases_zaakcount_moved();
--
CREATE OR REPLACE TRIGGER cases_zaakcount_emptied AFTER TRUNCATE ON cases_zaak
    FOR EACH STATEMENT EXECUTE FUNCTION cases_zaakcount_emptied();
"""
# The SQL holds no input: only BLOCK_BITS, a constant.
_POSTGRESQL = [
    statement.strip().replace("{BLOCK_BITS}", str(BLOCK_BITS))
    for statement in _POSTGRESQL_TEMPLATE.split("\n--\n")
]

_SQLITE_UPSERT = (
    "INSERT INTO cases_zaakcount (tenant_id, zaaktype_id, confidentiality, block, zaken) "
    "VALUES ({row}.tenant_id, {row}.zaaktype_id, {row}.confidentiality, {row}.id >> {bits}, {delta}) "
    "ON CONFLICT (tenant_id, zaaktype_id, confidentiality, block) DO UPDATE SET zaken = zaken + ({delta});"
)


def _sqlite_upsert(row: str, delta: int) -> str:
    return _SQLITE_UPSERT.format(row=row, bits=BLOCK_BITS, delta=delta)


_SQLITE = [
    """CREATE TABLE IF NOT EXISTS cases_zaakcount (
        tenant_id bigint NOT NULL,
        zaaktype_id bigint NOT NULL,
        confidentiality varchar(20) NOT NULL,
        block bigint NOT NULL,
        zaken bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id, zaaktype_id, confidentiality, block)
    )""",
    "CREATE TRIGGER IF NOT EXISTS cases_zaakcount_added AFTER INSERT ON cases_zaak BEGIN "
    + _sqlite_upsert("NEW", 1)
    + " END",
    "CREATE TRIGGER IF NOT EXISTS cases_zaakcount_removed AFTER DELETE ON cases_zaak BEGIN "
    + _sqlite_upsert("OLD", -1)
    + " END",
    "CREATE TRIGGER IF NOT EXISTS cases_zaakcount_moved "
    "AFTER UPDATE OF tenant_id, zaaktype_id, confidentiality, id ON cases_zaak "
    "WHEN OLD.tenant_id IS NOT NEW.tenant_id OR OLD.zaaktype_id IS NOT NEW.zaaktype_id "
    "OR OLD.confidentiality IS NOT NEW.confidentiality "
    f"OR OLD.id >> {BLOCK_BITS} IS NOT NEW.id >> {BLOCK_BITS} "
    "BEGIN " + _sqlite_upsert("OLD", -1) + " " + _sqlite_upsert("NEW", 1) + " END",
]

TRIGGERS = ("cases_zaakcount_added", "cases_zaakcount_removed", "cases_zaakcount_moved")

_REFILL = (
    "INSERT INTO cases_zaakcount (tenant_id, zaaktype_id, confidentiality, block, zaken) "  # noqa: S608
    f"SELECT tenant_id, zaaktype_id, confidentiality, id >> {BLOCK_BITS}, count(*) FROM cases_zaak "
    f"GROUP BY tenant_id, zaaktype_id, confidentiality, id >> {BLOCK_BITS}"
)


def install(connection: BaseDatabaseWrapper) -> None:
    """Create the table and its triggers where missing, and count the zaken anew.

    The triggers come first: on PostgreSQL creating them locks out writers to cases_zaak
    until this transaction ends, so no zaak is missed between the refill and the triggers.
    """
    with connection.cursor() as cursor:
        statements = _POSTGRESQL if connection.vendor == "postgresql" else _SQLITE
        for statement in statements:
            cursor.execute(statement)
        cursor.execute("DELETE FROM cases_zaakcount")
        cursor.execute(_REFILL)


def uninstall(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for name in (*TRIGGERS, "cases_zaakcount_emptied"):
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON cases_zaak")
                cursor.execute(f"DROP FUNCTION IF EXISTS {name}()")
        else:
            for name in TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute("DROP TABLE IF EXISTS cases_zaakcount")


def installed_triggers(connection: BaseDatabaseWrapper) -> set[str]:
    """The names of the counting triggers on cases_zaak that the database has."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'cases_zaak'::regclass AND NOT tgisinternal"
            )
        else:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'cases_zaak'"
            )
        return {row[0] for row in cursor.fetchall()} & {*TRIGGERS, "cases_zaakcount_emptied"}
