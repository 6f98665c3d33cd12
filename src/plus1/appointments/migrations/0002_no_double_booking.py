"""PostgreSQL only: no two booked appointments of one counter overlap (btree_gist exclusion).

The service checks the same under a row lock; this constraint is the database's own guarantee.
SQLite has no exclusion constraints, so there the migration does nothing.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE appointments_appointment
    ADD CONSTRAINT appointments_no_overlap_per_counter
    EXCLUDE USING gist (counter_id WITH =, tstzrange(start, "end", '[)') WITH &&)
    WHERE (status = 'booked');
"""
DROP = "ALTER TABLE appointments_appointment DROP CONSTRAINT IF EXISTS appointments_no_overlap_per_counter;"


def add_constraint(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_constraint(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("appointments", "0001_initial")]

    operations = [migrations.RunPython(add_constraint, drop_constraint, elidable=False)]
