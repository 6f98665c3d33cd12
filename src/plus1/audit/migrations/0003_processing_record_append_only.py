"""Make the processing log append-only in the database itself.

An UPDATE is always refused; a DELETE only for rows whose ``keep_until`` date has not passed,
so the retention purge (``plus1 processing-log purge``) works and nothing else does. The
application role cannot get around it without DDL rights (dropping the trigger), which a
production database role for Plus1 should not have for this table (docs/processing-log.md).
"""

from django.db import migrations

MESSAGE = "processing records are append-only"

SQLITE_FORWARD = [
    f"""CREATE TRIGGER audit_processingrecord_no_update BEFORE UPDATE ON audit_processingrecord
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER audit_processingrecord_no_delete BEFORE DELETE ON audit_processingrecord
    WHEN OLD.keep_until >= date('now')
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}: kept until its retention ends'); END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS audit_processingrecord_no_update",
    "DROP TRIGGER IF EXISTS audit_processingrecord_no_delete",
]

POSTGRES_FORWARD = [
    f"""CREATE OR REPLACE FUNCTION audit_processingrecord_guard() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE' THEN
            RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF OLD.keep_until >= CURRENT_DATE THEN
            RAISE EXCEPTION '{MESSAGE}: kept until its retention ends'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN OLD;
    END;
    $$""",
    """CREATE TRIGGER audit_processingrecord_append_only
    BEFORE UPDATE OR DELETE ON audit_processingrecord
    FOR EACH ROW EXECUTE FUNCTION audit_processingrecord_guard()""",
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS audit_processingrecord_append_only ON audit_processingrecord",
    "DROP FUNCTION IF EXISTS audit_processingrecord_guard()",
]


def forward(apps, schema_editor):
    _run(schema_editor, SQLITE_FORWARD, POSTGRES_FORWARD)


def reverse(apps, schema_editor):
    _run(schema_editor, SQLITE_REVERSE, POSTGRES_REVERSE)


def _run(schema_editor, sqlite: list[str], postgres: list[str]) -> None:
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": sqlite, "postgresql": postgres}.get(vendor)
    if statements is None:
        raise NotImplementedError(f"No append-only trigger for {vendor}.")
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_processing_record")]

    operations = [migrations.RunPython(forward, reverse)]
