"""Load the communicatiekanalen shipped in catalog/data/communicatiekanalen.json.

The file is our own list (VNG defines the resource but publishes no content); see the data README.
"""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "communicatiekanalen.json"


def _kanalen() -> list[dict]:
    return json.loads(DATA.read_text(encoding="utf-8"))


def load(apps, schema_editor):
    Communicatiekanaal = apps.get_model("catalog", "Communicatiekanaal")
    for spec in _kanalen():
        Communicatiekanaal.objects.update_or_create(
            uuid=spec["uuid"], defaults={"naam": spec["naam"], "omschrijving": spec["omschrijving"]}
        )


def unload(apps, schema_editor):
    Communicatiekanaal = apps.get_model("catalog", "Communicatiekanaal")
    Communicatiekanaal.objects.filter(uuid__in=[spec["uuid"] for spec in _kanalen()]).delete()


class Migration(migrations.Migration):
    dependencies = [("catalog", "0013_add_communicatiekanaal")]
    operations = [migrations.RunPython(load, unload)]
