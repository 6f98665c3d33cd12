from django.db import migrations

# The kanalen of the ZGW standard and the kenmerken each carries (Notificaties API 1.0.1).
KANALEN = {
    "zaken": ["bronorganisatie", "zaaktype", "vertrouwelijkheidaanduiding"],
    "documenten": ["bronorganisatie", "informatieobjecttype", "vertrouwelijkheidaanduiding"],
    "besluiten": ["verantwoordelijke_organisatie", "besluittype"],
    "zaaktypen": ["catalogus"],
    "besluittypen": ["catalogus"],
    "informatieobjecttypen": ["catalogus"],
    "autorisaties": [],
}


def load(apps, schema_editor):
    Kanaal = apps.get_model("notifications", "Kanaal")
    for naam, filters in KANALEN.items():
        Kanaal.objects.get_or_create(naam=naam, defaults={"filters": filters})


def unload(apps, schema_editor):
    apps.get_model("notifications", "Kanaal").objects.filter(naam__in=KANALEN).delete()


class Migration(migrations.Migration):
    dependencies = [("notifications", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
