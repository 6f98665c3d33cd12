"""Load the shipped register of verwerkingsactiviteiten (catalog/data/verwerkingsactiviteiten.yaml).

The zaaktypen are linked by ``plus1 catalog import``, which creates them; this migration makes
sure the gemeente-wide activities exist from the start.
"""

from pathlib import Path

import yaml
from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "verwerkingsactiviteiten.yaml"
FIELDS = ("name", "purpose", "legal_ground", "retention_years")


def _activities() -> list[dict]:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def load(apps, schema_editor):
    ProcessingActivity = apps.get_model("catalog", "ProcessingActivity")
    for spec in _activities():
        ProcessingActivity.objects.update_or_create(
            code=spec["code"], defaults={name: spec[name] for name in FIELDS}
        )


def unload(apps, schema_editor):
    ProcessingActivity = apps.get_model("catalog", "ProcessingActivity")
    ZaakType = apps.get_model("catalog", "ZaakType")
    codes = [spec["code"] for spec in _activities()]
    ZaakType.objects.filter(processing_activity__code__in=codes).update(processing_activity=None)
    ProcessingActivity.objects.filter(code__in=codes).delete()


class Migration(migrations.Migration):
    dependencies = [("catalog", "0008_add_processing_activity")]

    operations = [migrations.RunPython(load, unload)]
