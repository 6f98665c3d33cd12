"""The (tenant, answered_on) index of the answers also holds the columns the dashboards read.

PostgreSQL then answers a gemeente's twelve-month dashboard from the index alone: with five
million answers spread over 342 gemeenten, a gemeente's rows lie on thousands of different table
pages, and visiting them all costs far more than the 100 ms the dashboard may take.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0002_standard_survey_v1"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="answer",
            name="feedback_answer_tenant_day",
        ),
        migrations.AddIndex(
            model_name="answer",
            index=models.Index(
                fields=["tenant", "answered_on", "score", "effort", "process", "team", "channel"],
                name="feedback_answer_tenant_day",
            ),
        ),
    ]
