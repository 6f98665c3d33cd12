"""tests/serialized_rollback.py: the flush leaves every table empty (on PostgreSQL with DELETE of
the filled tables) and the batched restore gives back exactly what Django serialized."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.backends.base.creation import BaseDatabaseCreation

from plus1.catalog.models import Theme
from tests import serialized_rollback
from tests.serialized_rollback import restore_db_from_string

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _filled_tables() -> list[str]:
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with connection.cursor() as cursor:
        return [table for table in tables if _has_rows(cursor, table)]


def _has_rows(cursor, table: str) -> bool:
    cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")  # noqa: S608
    return cursor.fetchone() is not None


def _no_row_by_row_restore(self, data):
    raise AssertionError("the empty tables were restored row by row, not in batches")


def test_the_restored_database_serializes_to_the_string_django_stored(monkeypatch):
    assert BaseDatabaseCreation.deserialize_db_from_string is restore_db_from_string
    monkeypatch.setattr(serialized_rollback, "_django_deserialize", _no_row_by_row_restore)
    stored = connection._test_serialized_contents
    assert Theme.products.through.objects.exists(), "the data has many-to-many rows to restore"
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    assert _filled_tables() == []

    connection.creation.deserialize_db_from_string(stored)

    assert connection.creation.serialize_db_to_string() == stored
    # Restoring twice in one run (the parsed rows are kept) gives the same again.
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(stored)
    assert connection.creation.serialize_db_to_string() == stored


def test_the_flush_on_postgresql_empties_the_filled_tables_and_the_processing_log():
    if connection.vendor != "postgresql":
        pytest.skip("the DELETE flush is PostgreSQL's; SQLite keeps Django's own")
    from plus1.audit.services import Activity, Actor, ObjectRef, build_record
    from plus1.tenants.selectors import get_collective

    build_record(
        tenant=get_collective(),
        actor=Actor.system("test"),
        activity=Activity("test", "Test", "De flush testen", "", 1),
        action="read",
        channel="backoffice",
        obj=ObjectRef("cases.zaak", "1", "ZAAK-2026-0000001"),
    ).save()
    assert {"audit_processingrecord", "tenants_organisation"} <= set(_filled_tables())
    statements = connection.ops.sql_flush(None, connection.introspection.django_table_names())
    assert 'DELETE FROM "tenants_organisation";' in statements
    assert 'TRUNCATE "audit_processingrecord";' in statements
    assert not any("catalog_zaaktype" in statement for statement in statements), "an empty table"

    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)

    assert _filled_tables() == []
