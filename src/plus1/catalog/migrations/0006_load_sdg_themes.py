"""Load the SDG information areas as themes and link the UPL products to them.

A product's SDG codes come from the UPL itself (``Product.sdg_codes``, 2025) and from the
UPL-SDG mapping of 2021 shipped in catalog/data/ (data/README.md); a product belongs to
every information area of any of its codes.
"""

import csv
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify

DATA = Path(__file__).resolve().parent.parent / "data"
AREAS = "SDG-Informatiegebieden_2021-08-27.csv"
MAPPING = "UPL-SDG-Informatiegebied_2021-10-28.csv"


def _rows(name):
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load(apps, schema_editor):
    Theme = apps.get_model("catalog", "Theme")
    Product = apps.get_model("catalog", "Product")

    areas: dict[str, dict] = {}
    for row in _rows(AREAS):
        area = areas.setdefault(
            row["SDG_IGURI"], {"name": row["SDG_Informatiegebied"], "uri": row["SDG_IGURI"], "codes": []}
        )
        area["codes"].append(row["SDG_Code"])
    themes = {
        uri: Theme.objects.create(
            name=area["name"], slug=slugify(area["name"]), uri=uri, sdg_codes=sorted(area["codes"])
        )
        for uri, area in areas.items()
    }
    theme_of_code = {code: themes[uri] for uri, area in areas.items() for code in area["codes"]}

    mapped_codes: dict[str, set[str]] = {}
    for row in _rows(MAPPING):
        mapped_codes.setdefault(row["URI"], set()).add(row["SDG_Code"])
    links = []
    for product in Product.objects.only("id", "upl_uri", "sdg_codes"):
        codes = set(product.sdg_codes or []) | mapped_codes.get(product.upl_uri, set())
        for theme in {theme_of_code[c] for c in codes if c in theme_of_code}:
            links.append(Theme.products.through(theme_id=theme.id, product_id=product.id))
    Theme.products.through.objects.bulk_create(links)


def unload(apps, schema_editor):
    # The themes are reference data only this migration writes; removing them removes the links.
    apps.get_model("catalog", "Theme").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("catalog", "0005_add_theme_and_product_text")]

    operations = [migrations.RunPython(load, unload)]
