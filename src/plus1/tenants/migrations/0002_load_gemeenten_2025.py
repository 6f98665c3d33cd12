"""Load the 342 gemeenten of 1 January 2025 (CBS) and the collective organisation."""

import csv
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify

DATA = Path(__file__).resolve().parent.parent / "data" / "gemeenten_2025.csv"


def load(apps, schema_editor):
    Organisation = apps.get_model("tenants", "Organisation")
    with DATA.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    existing = set(Organisation.objects.values_list("cbs_code", flat=True))
    Organisation.objects.bulk_create(
        Organisation(
            kind="gemeente",
            name=row["Gemeentenaam"],
            slug=slugify(row["Gemeentenaam"]),
            cbs_code=row["GemeentecodeGM"],
            province=row["Provincienaam"],
            province_code=row["ProvinciecodePV"],
        )
        for row in rows
        if row["GemeentecodeGM"] not in existing
    )
    Organisation.objects.get_or_create(
        kind="collective",
        defaults={
            "name": "Plus1 Collectief",
            "slug": "collectief",
            "contact_email": "catalogus@plus1.example",
        },
    )


def unload(apps, schema_editor):
    Organisation = apps.get_model("tenants", "Organisation")
    Organisation.objects.filter(kind__in=["gemeente", "collective"]).delete()


class Migration(migrations.Migration):
    dependencies = [("tenants", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
