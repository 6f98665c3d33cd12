"""Full-text index over Product.search_document, in each database's own way.

PostgreSQL: a GIN index on to_tsvector('dutch', search_document), matching the expression in
catalog.search. SQLite: an FTS5 table of Snowball-stemmed words, rowid = product id.
"""

import re

import snowballstemmer
from django.db import migrations
from django.db.models import F

WORD = re.compile(r"[a-z0-9]+")


def create(apps, schema_editor):
    Product = apps.get_model("catalog", "Product")
    Product.objects.update(search_document=F("upl_name"))
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX catalog_product_search ON catalog_product "
            "USING gin (to_tsvector('dutch', search_document))"
        )
    elif vendor == "sqlite":
        schema_editor.execute("CREATE VIRTUAL TABLE catalog_product_fts USING fts5(document)")
        stemmer = snowballstemmer.stemmer("dutch")
        rows = [
            (pk, " ".join(stemmer.stemWords(WORD.findall(name.lower()))))
            for pk, name in Product.objects.values_list("id", "upl_name")
        ]
        with schema_editor.connection.cursor() as cursor:
            cursor.executemany("INSERT INTO catalog_product_fts (rowid, document) VALUES (%s, %s)", rows)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS catalog_product_search")
    elif vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS catalog_product_fts")


class Migration(migrations.Migration):
    dependencies = [("catalog", "0003_product_search_document")]
    operations = [migrations.RunPython(create, drop)]
