"""The collective publishes its standard survey, version 1, so every database has it from the start."""

import datetime

from django.db import migrations

# A copy of plus1.feedback.surveys.STANDARD_SURVEY_V1 as it was when this migration was written.
V1 = {
    "intro": (
        "Wij willen graag weten hoe het ging. Wilt u een paar korte vragen beantwoorden? "
        "Het kost ongeveer 1 minuut. Uw naam staat niet bij uw antwoorden."
    ),
    "score_label": "Welk rapportcijfer geeft u onze dienstverlening?",
    "effort_label": "Het was makkelijk om dit bij de gemeente te regelen.",
    "improvement_label": "Wat kan beter?",
    "published_on": datetime.date(2026, 1, 1),
}


def publish_v1(apps, schema_editor):
    Organisation = apps.get_model("tenants", "Organisation")
    SurveyVersion = apps.get_model("feedback", "SurveyVersion")
    collective = Organisation.objects.filter(kind="collective").first()
    if collective is None:
        return
    SurveyVersion.objects.get_or_create(tenant=collective, version=1, defaults=V1)


def withdraw_v1(apps, schema_editor):
    SurveyVersion = apps.get_model("feedback", "SurveyVersion")
    Answer = apps.get_model("feedback", "Answer")
    # Answers protect their survey: only a version nobody answered goes.
    SurveyVersion.objects.filter(version=1, tenant__kind="collective").exclude(
        pk__in=Answer.objects.values("survey_id")
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
        ("tenants", "0002_load_gemeenten_2025"),
    ]

    operations = [migrations.RunPython(publish_v1, withdraw_v1)]
