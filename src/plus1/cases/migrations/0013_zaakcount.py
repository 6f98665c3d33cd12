"""Kept counts of zaken per gemeente, zaaktype, vertrouwelijkheid and block of ids.

The table and the triggers that keep it are SQL (``plus1.cases.counts``); Django only knows
the model, unmanaged, so its test flush and serialisation leave the rows to the triggers.
"""

from django.db import migrations, models


def install(apps, schema_editor):
    from plus1.cases import counts

    counts.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    from plus1.cases import counts

    counts.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0012_information_request_document_type"),
        ("catalog", "0023_parkeervergunning_employer_statement_condition"),
        ("tenants", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="ZaakCount",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "tenant_id",
                        "zaaktype_id",
                        "confidentiality",
                        "block",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                (
                    "tenant",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tenants.organisation",
                    ),
                ),
                (
                    "zaaktype",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalog.zaaktype",
                    ),
                ),
                ("confidentiality", models.CharField(max_length=20)),
                ("block", models.BigIntegerField()),
                ("zaken", models.BigIntegerField(default=0)),
            ],
            options={"db_table": "cases_zaakcount", "managed": False},
        ),
        migrations.RunPython(install, uninstall),
    ]
