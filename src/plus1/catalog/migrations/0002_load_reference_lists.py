"""Load the UPL gemeente products and the VNG Selectielijst 2020 shipped in catalog/data/."""

import json
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify

DATA = Path(__file__).resolve().parent.parent / "data"


def _read(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def load(apps, schema_editor):
    Product = apps.get_model("catalog", "Product")
    Procestype = apps.get_model("catalog", "SelectielijstProcestype")
    Resultaat = apps.get_model("catalog", "SelectielijstResultaat")
    Omschrijving = apps.get_model("catalog", "ResultaatTypeOmschrijving")

    Product.objects.bulk_create(
        Product(
            upl_name=p["naam"],
            upl_uri=p["uri"],
            slug=slugify(p["naam"])[:200],
            is_for_residents=p["burger"],
            is_for_businesses=p["bedrijf"],
            is_application=p["aanvraag"],
            is_report=p["melding"],
            is_obligation=p["verplichting"],
            is_subsidy=p["subsidie"],
            sdg_codes=p["sdg"],
            legal_bases=p["grondslagen"],
        )
        for p in _read("upl_gemeente_2025-04-30.json")["products"]
    )
    procestypen = Procestype.objects.bulk_create(
        Procestype(
            url=p["url"],
            nummer=p["nummer"],
            jaar=p["jaar"],
            naam=p["naam"],
            omschrijving=p["omschrijving"],
            toelichting=p["toelichting"],
            procesobject=p["procesobject"],
        )
        for p in _read("selectielijst_procestypen_2020.json")
    )
    by_url = {p.url: p for p in procestypen}
    Resultaat.objects.bulk_create(
        Resultaat(
            url=r["url"],
            procestype=by_url[r["procesType"]],
            nummer=r["nummer"],
            volledig_nummer=r["volledigNummer"],
            naam=r["naam"],
            omschrijving=r["omschrijving"],
            herkomst=r["herkomst"],
            waardering=r["waardering"],
            procestermijn=r["procestermijn"] or "",
            bewaartermijn=r["bewaartermijn"] or "",
            toelichting=r["toelichting"],
        )
        for r in _read("selectielijst_resultaten_2020.json")
    )
    Omschrijving.objects.bulk_create(
        Omschrijving(
            url=o["url"], omschrijving=o["omschrijving"], definitie=o["definitie"], opmerking=o["opmerking"]
        )
        for o in _read("resultaattypeomschrijvingen.json")
    )


def unload(apps, schema_editor):
    for model in [
        "SelectielijstResultaat",
        "SelectielijstProcestype",
        "ResultaatTypeOmschrijving",
        "Product",
    ]:
        apps.get_model("catalog", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
