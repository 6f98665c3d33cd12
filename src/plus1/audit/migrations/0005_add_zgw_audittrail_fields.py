import uuid

from django.db import migrations, models


def fill_uuid_and_main_object(apps, schema_editor):
    AuditEntry = apps.get_model("audit", "AuditEntry")
    for entry in AuditEntry.objects.only("pk", "object_type", "object_id").iterator(chunk_size=2000):
        entry.uuid = uuid.uuid4()
        entry.main_object_type = entry.object_type
        entry.main_object_id = entry.object_id
        entry.save(update_fields=["uuid", "main_object_type", "main_object_id"])


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_add_access_review_settings")]

    operations = [
        # A unique uuid per existing row needs three steps: nullable, filled, then required.
        migrations.AddField(
            model_name="auditentry", name="uuid", field=models.UUIDField(null=True, editable=False)
        ),
        migrations.AddField(
            model_name="auditentry",
            name="main_object_type",
            field=models.CharField(blank=True, max_length=60, verbose_name="soort hoofdobject"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="main_object_id",
            field=models.CharField(blank=True, max_length=100, verbose_name="hoofdobject-id"),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="zgw",
            field=models.JSONField(blank=True, null=True, verbose_name="ZGW-gegevens"),
        ),
        migrations.RunPython(fill_uuid_and_main_object, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="auditentry",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.AddIndex(
            model_name="auditentry",
            index=models.Index(
                fields=["tenant", "main_object_type", "main_object_id"], name="audit_tenant_main_object"
            ),
        ),
    ]
