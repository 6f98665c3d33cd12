"""relevanteAndereZaken become ZaakLink rows: one source for the Zaken API and the back office.

Until now the Zaken API kept a zaak's relevanteAndereZaken as JSON on the zaak, and the back
office its own ZaakLink rows; neither showed the other's. This migration

1. lets a ZaakLink point at a zaak outside this register by URL (``other`` empty, ``url`` set;
   exactly one of the two), and gives the aardRelatie labels the standard's direction;
2. moves every JSON entry into a row: a URL of a zaak of the same gemeente becomes a link to
   that zaak; any other URL (a zaak elsewhere, a deleted zaak, another gemeente's zaak, which
   the API never accepted) is kept as it was, by URL only, so no link crosses gemeenten;
3. drops the JSON column.

Reverse: the column comes back with every link of the zaak in it (what the API showed), the
links to a zaak of this register stay rows (what the back office showed), and the links by
URL only, which the old rows cannot hold, go.
"""

import re
import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# A Zaken API zaak URL: .../zaken/api/v1/zaken/<uuid>, on whichever host it was given.
ZAAK_URL = re.compile(r"/zaken/api/v1/zaken/([0-9a-fA-F-]{32,36})/?$")
RELATIONS = {"vervolg", "onderwerp", "bijdrage"}


def _uuid(url):
    match = ZAAK_URL.search(url.split("?", 1)[0])
    try:
        return uuid.UUID(match.group(1)) if match else None
    except ValueError:
        return None


def json_to_rows(apps, schema_editor):
    Zaak = apps.get_model("cases", "Zaak")
    ZaakLink = apps.get_model("cases", "ZaakLink")
    zaken = Zaak.objects.only("pk", "tenant_id", "relevante_andere_zaken").order_by("pk")
    for zaak in zaken.iterator(chunk_size=500):
        entries = [entry for entry in zaak.relevante_andere_zaken or [] if isinstance(entry, dict)]
        if not entries:
            continue
        wanted = {}
        for entry in entries:
            url = str(entry.get("url") or "")[:1000]
            relation = str(entry.get("aardRelatie") or "")
            if not url or relation not in RELATIONS:
                continue
            found = _uuid(url)
            other = (
                Zaak.objects.filter(tenant_id=zaak.tenant_id, uuid=found).exclude(pk=zaak.pk).first()
                if found
                else None
            )
            key = ("zaak", other.pk) if other else ("url", url)
            wanted.setdefault(key, (other, url, relation))
        existing = {
            ("zaak", link.other_id): link for link in ZaakLink.objects.filter(zaak=zaak, other__isnull=False)
        }
        for key, (other, url, relation) in wanted.items():
            if key in existing:
                # Linked in the back office too: the row stays, with the API's aardRelatie.
                ZaakLink.objects.filter(pk=existing[key].pk).update(relation=relation)
            else:
                ZaakLink.objects.create(zaak=zaak, other=other, url="" if other else url, relation=relation)


def rows_to_json(apps, schema_editor):
    Zaak = apps.get_model("cases", "Zaak")
    ZaakLink = apps.get_model("cases", "ZaakLink")
    base = settings.PLUS1_BASE_URL.rstrip("/")
    by_zaak = {}
    for link in ZaakLink.objects.select_related("other").order_by("zaak_id", "id").iterator():
        url = f"{base}/zaken/api/v1/zaken/{link.other.uuid}" if link.other_id else link.url
        by_zaak.setdefault(link.zaak_id, []).append({"url": url, "aardRelatie": link.relation})
    for zaak_id, entries in by_zaak.items():
        Zaak.objects.filter(pk=zaak_id).update(relevante_andere_zaken=entries)
    ZaakLink.objects.filter(other__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0010_merge_verzending_and_contact_resources"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="zaaklink",
            options={
                "ordering": ["zaak", "id"],
                "verbose_name": "gerelateerde zaak",
                "verbose_name_plural": "gerelateerde zaken",
            },
        ),
        migrations.AddField(
            model_name="zaaklink",
            name="url",
            field=models.URLField(blank=True, max_length=1000, verbose_name="adres van een zaak elders"),
        ),
        migrations.AlterField(
            model_name="zaaklink",
            name="other",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="cases.zaak",
            ),
        ),
        migrations.AlterField(
            model_name="zaaklink",
            name="relation",
            field=models.CharField(
                choices=[
                    ("vervolg", "Die zaak was de aanleiding voor deze zaak (vervolg)"),
                    ("onderwerp", "Deze zaak gaat over die zaak (onderwerp)"),
                    ("bijdrage", "Deze zaak helpt die zaak verder (bijdrage)"),
                ],
                max_length=20,
                verbose_name="soort relatie",
            ),
        ),
        migrations.AddConstraint(
            model_name="zaaklink",
            constraint=models.UniqueConstraint(
                condition=models.Q(("url", ""), _negated=True),
                fields=("zaak", "url"),
                name="zaaklink_unique_url",
            ),
        ),
        migrations.AddConstraint(
            model_name="zaaklink",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("other__isnull", False), ("url", "")),
                    models.Q(("other__isnull", True), models.Q(("url", ""), _negated=True)),
                    _connector="OR",
                ),
                name="zaaklink_other_or_url",
            ),
        ),
        migrations.RunPython(json_to_rows, rows_to_json),
        migrations.RemoveField(
            model_name="zaak",
            name="relevante_andere_zaken",
        ),
    ]
