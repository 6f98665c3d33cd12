"""Databases that imported parkeervergunning v1 give it the employer's-statement condition.

The library's parkeervergunning (now version 2) says the employer's or lease company's statement
is required after the answer "Van mijn werkgever" or "Van een leasebedrijf" (catalog.conditions).
Gemeenten still on v1 get the same rule for new requests: only the unchanged import of the
shipped v1 file is touched (matched by its digest, which moves to the digest v1 has with the
condition). Running zaken keep everything they have; the condition only steers new requests.
"""

from django.db import migrations

OLD_DIGEST = "62ec27dd953f466ac6c02978f79bf8950191cd2f5236da55b3c8ff0d705a994d"
NEW_DIGEST = "70509295f5fff45f79b8dda3ba0f8b4eadae60d795449e849d6fc09956451cb6"
STATEMENT = "Verklaring gebruik auto van werkgever of leasebedrijf"
CONDITION = {"field": "auto_eigendom", "values": ["Van mijn werkgever", "Van een leasebedrijf"]}


def forwards(apps, schema_editor):
    ZaakType = apps.get_model("catalog", "ZaakType")
    Link = apps.get_model("catalog", "ZaakTypeInformatieObjectType")
    for zaaktype in ZaakType.objects.filter(source_digest=OLD_DIGEST):
        Link.objects.filter(zaaktype=zaaktype, informatieobjecttype__omschrijving=STATEMENT).update(
            required_when=CONDITION
        )
        ZaakType.objects.filter(pk=zaaktype.pk).update(source_digest=NEW_DIGEST)


def backwards(apps, schema_editor):
    ZaakType = apps.get_model("catalog", "ZaakType")
    Link = apps.get_model("catalog", "ZaakTypeInformatieObjectType")
    for zaaktype in ZaakType.objects.filter(source_digest=NEW_DIGEST):
        Link.objects.filter(zaaktype=zaaktype, informatieobjecttype__omschrijving=STATEMENT).update(
            required_when={}
        )
        ZaakType.objects.filter(pk=zaaktype.pk).update(source_digest=OLD_DIGEST)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0022_required_when_conditions")]

    operations = [migrations.RunPython(forwards, backwards)]
