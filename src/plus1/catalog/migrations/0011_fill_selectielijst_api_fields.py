"""Fill the uuid of each reference object and the rest of the VNG fields of the result classes.

The uuid is the last segment of the object's VNG URL, so our Referentielijsten API serves the
object under the same identity. The other fields come from the same shipped capture as 0002.
"""

import json
import uuid
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"
# The Taakgebied values (catalog.constants) as they stood when this migration was written.
TAAKGEBIEDEN = (
    "algemeenBestuurEnInrichtingOrganisatie",
    "bedrijfsvoeringEnPersoneel",
    "publiekeInformatieEnRegistratie",
    "burgerzaken",
    "veiligheid",
    "verkeerEnVervoer",
    "economie",
    "onderwijs",
    "sportCultuurEnRecreatie",
    "sociaalDomein",
    "volksgezonheidEnMilieu",
    "vhrosv",
    "heffenBelastingen",
    "alleTaakgebieden",
)


def _uuid_of(url: str) -> uuid.UUID:
    return uuid.UUID(url.rstrip("/").rsplit("/", 1)[1])


def fill(apps, schema_editor):
    for name in ("SelectielijstProcestype", "ResultaatTypeOmschrijving"):
        model = apps.get_model("catalog", name)
        objects = list(model.objects.all())
        for obj in objects:
            obj.uuid = _uuid_of(obj.url)
        model.objects.bulk_update(objects, ["uuid"])

    Resultaat = apps.get_model("catalog", "SelectielijstResultaat")
    shipped = {
        r["url"]: r
        for r in json.loads((DATA / "selectielijst_resultaten_2020.json").read_text(encoding="utf-8"))
    }
    resultaten = list(Resultaat.objects.all())
    for resultaat in resultaten:
        resultaat.uuid = _uuid_of(resultaat.url)
        source = shipped.get(resultaat.url)
        if source is None:
            continue
        resultaat.generiek = source["generiek"]
        resultaat.specifiek = source["specifiek"]
        resultaat.procestermijn_weergave = source["procestermijnWeergave"] or ""
        resultaat.procestermijn_opmerking = source["procestermijnOpmerking"] or ""
        resultaat.taakgebieden = [name for name in TAAKGEBIEDEN if source[name]]
    Resultaat.objects.bulk_update(
        resultaten,
        [
            "uuid",
            "generiek",
            "specifiek",
            "procestermijn_weergave",
            "procestermijn_opmerking",
            "taakgebieden",
        ],
    )


def empty(apps, schema_editor):
    for name in ("SelectielijstProcestype", "ResultaatTypeOmschrijving"):
        apps.get_model("catalog", name).objects.update(uuid=None)
    apps.get_model("catalog", "SelectielijstResultaat").objects.update(
        uuid=None,
        generiek=False,
        specifiek=False,
        procestermijn_weergave="",
        procestermijn_opmerking="",
        taakgebieden=[],
    )


class Migration(migrations.Migration):
    dependencies = [("catalog", "0010_add_selectielijst_api_fields")]
    operations = [migrations.RunPython(fill, empty)]
