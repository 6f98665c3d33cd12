from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0003_add_change_stamp"),
    ]

    operations = [
        # Only adds a column with a default: existing stamps start at 0, so every kept access
        # of a running process is simply loaded once more.
        migrations.AddField(
            model_name="changestamp",
            name="access_value",
            field=models.BigIntegerField(default=0),
        ),
    ]
