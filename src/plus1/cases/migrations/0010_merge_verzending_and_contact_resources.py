"""Joins the two independent additions of issue 5: verzendingen and the zaak contact resources."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0009_add_verzending"),
        ("cases", "0009_add_zaak_contact_resources"),
    ]

    operations = []
