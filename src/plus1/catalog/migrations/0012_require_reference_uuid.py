"""Every reference object now has its uuid (0011): make it required and unique."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("catalog", "0011_fill_selectielijst_api_fields")]

    operations = [
        migrations.AlterField(
            model_name=model_name,
            name="uuid",
            field=models.UUIDField(unique=True),
        )
        for model_name in ("selectielijstprocestype", "selectielijstresultaat", "resultaattypeomschrijving")
    ]
