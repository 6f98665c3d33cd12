from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0013_zaakcount"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="zaak",
            index=models.Index(
                fields=["tenant", "zaaktype", "id"],
                include=["confidentiality"],
                name="zaak_tenant_zaaktype_id",
            ),
        ),
    ]
