"""Faster rollback of the transactional tests: same empty and refilled database, less work.

Every ZGW API test talks to a live server, so it runs in real transactions
(``django_db(transaction=True, serialized_rollback=True)``). After each, Django empties every
table (the flush) and, before the next, puts back the reference data the migrations loaded
(gemeenten, products, the selectielijst, permissions: about 2,000 rows). Both dominated these
tests' run time, most of all on PostgreSQL:

- the restore wrote one ``save()`` per row (an UPDATE and an INSERT each). Here the very same
  rows go in per model, in the order of the serialized data, with the raw INSERT that
  ``save(raw=True)`` uses (no field's ``pre_save``, so timestamps stay as serialized), batched;
  many-to-many rows likewise; then Django's own constraint check. The parsed data is kept
  between tests (it never changes during a run). When a table still has rows (the first such
  test of a run), or a model has a parent table, it falls back to Django's row by row restore.
- the flush on PostgreSQL truncated all ~140 tables in one statement (new files for every
  table); here only the filled tables are emptied (``flush_sql``).

``tests/architecture/test_serialized_rollback.py`` proves the restored database serializes to
the same string Django stored, and that the flush leaves every table empty.
"""

from __future__ import annotations

from collections import defaultdict
from io import StringIO

_parsed: dict[tuple[str, str], list[tuple[type, list]]] = {}


def _parse(connection, data: str) -> list[tuple[type, list]] | None:
    """The objects of ``data`` grouped per model (through models last), or None if the fast
    restore cannot write them (a model with a parent table)."""
    from django.core import serializers

    rows: dict[type, list] = defaultdict(list)
    through_rows: dict[type, list] = defaultdict(list)
    for deserialized in serializers.deserialize("json", StringIO(data), using=connection.alias):
        obj = deserialized.object
        model = type(obj)
        if model._meta.parents:
            return None
        rows[model].append(obj)
        for name, targets in (deserialized.m2m_data or {}).items():
            field = model._meta.get_field(name)
            through = field.remote_field.through
            source = through._meta.get_field(field.m2m_field_name()).attname
            target = through._meta.get_field(field.m2m_reverse_field_name()).attname
            through_rows[through].extend(through(**{source: obj.pk, target: pk}) for pk in targets)
    return [*rows.items(), *through_rows.items()]


def restore_db_from_string(self, data: str) -> None:
    """Reload the database from ``serialize_db_to_string()`` output (see the module docstring)."""
    from django.db.transaction import atomic

    connection = self.connection
    key = (connection.alias, data)
    if key not in _parsed:
        _parsed[key] = _parse(connection, data)
    groups = _parsed[key]
    # Django's save() updates a row that is still there (the first such test of a run, or after
    # a flush that recreated the permissions); plain INSERTs are only right on empty tables.
    if groups is None or any(model._base_manager.using(connection.alias).exists() for model, _ in groups):
        _django_deserialize(self, data)
        return
    table_names = set()
    with atomic(using=connection.alias):
        with connection.constraint_checks_disabled():
            for model, objs in groups:
                meta = model._meta
                has_pk = objs[0].pk is not None
                fields = [
                    f
                    for f in meta.local_concrete_fields
                    if not getattr(f, "generated", False) and (has_pk or f is not meta.auto_field)
                ]
                batch = max(connection.ops.bulk_batch_size(fields, objs), 1)
                for start in range(0, len(objs), batch):
                    model._base_manager.using(connection.alias)._insert(
                        objs[start : start + batch], fields=fields, using=connection.alias, raw=True
                    )
                table_names.add(meta.db_table)
        connection.check_constraints(table_names=table_names)


def flush_sql(self, style, tables, *, reset_sequences=False, allow_cascade=False) -> list[str]:
    """PostgreSQL: empty only the tables that have rows, with DELETE (see the module docstring).

    Django truncates all tables in one statement, which on PostgreSQL gives every table new
    files: most of a transactional test's teardown. Row by row DELETE of the few filled tables
    leaves the same empty database; the foreign keys are checked at the end of the flush's
    transaction (Django makes them deferrable). A table with a trigger of its own (the
    append-only processing log) is still truncated, as Django does: TRUNCATE fires no row
    trigger. Sequences restart and cascades stay with Django's statement.
    """
    if reset_sequences or allow_cascade or not tables:
        return _django_sql_flush(
            self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
    quote = self.quote_name
    with self.connection.cursor() as cursor:
        cursor.execute(
            # Table names from Django's introspection, quoted; the values are parameters.
            " UNION ALL ".join(f"SELECT %s WHERE EXISTS (SELECT 1 FROM {quote(table)})" for table in tables),  # noqa: S608
            list(tables),
        )
        filled = [row[0] for row in cursor.fetchall()]
        cursor.execute(
            "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            # The triggers keeping the zaken's counts (plus1.cases.counts) follow a DELETE too;
            # a TRUNCATE of cases_zaak alone would be refused for the tables referring to it.
            "WHERE NOT t.tgisinternal AND t.tgname NOT LIKE 'cases_zaakcount%'"
        )
        triggered = {row[0] for row in cursor.fetchall()}
    sql = ["SET CONSTRAINTS ALL DEFERRED;"]
    truncated = [table for table in filled if table in triggered]
    if truncated:
        sql.append(f"TRUNCATE {', '.join(quote(table) for table in truncated)};")
    sql.extend(f"DELETE FROM {quote(table)};" for table in filled if table not in triggered)  # noqa: S608
    return sql if len(sql) > 1 else []


_django_deserialize = None
_django_sql_flush = None


def pytest_configure(config) -> None:
    global _django_deserialize, _django_sql_flush
    import django.db.models  # noqa: F401  (the backends import it; loaded first, no import cycle)
    from django.db.backends.base.creation import BaseDatabaseCreation
    from django.db.backends.postgresql.operations import DatabaseOperations

    if _django_deserialize is None:
        _django_deserialize = BaseDatabaseCreation.deserialize_db_from_string
        BaseDatabaseCreation.deserialize_db_from_string = restore_db_from_string
        _django_sql_flush = DatabaseOperations.sql_flush
        DatabaseOperations.sql_flush = flush_sql
