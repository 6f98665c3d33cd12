"""MonthlyTally: the dashboard's counts per gemeente, month, process, team and channel.

The data step fills it from the answers already there, in one INSERT ... SELECT ... GROUP BY
(PostgreSQL or SQLite); from then on every answer adds itself (``tallies.count_answer_in_tally``).
"""

import django.db.models.deletion
from django.db import migrations, models

EASY_FROM = 4


def fill_from_answers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        month = "date_trunc('month', answered_on)::date"
    else:
        month = "date(answered_on, 'start of month')"
    columns = ", ".join(f"score_{score}" for score in range(1, 11))
    scores = ", ".join(f"SUM(CASE WHEN score = {score} THEN 1 ELSE 0 END)" for score in range(1, 11))
    schema_editor.execute(
        f"""
        INSERT INTO feedback_monthlytally (tenant_id, month, process_key, team_key, channel, answered,
            {columns}, effort_count, effort_sum, easy_count)
        SELECT tenant_id, {month}, COALESCE(process_id, 0), COALESCE(team_id, 0), channel,
            COUNT(*), {scores}, COUNT(effort), COALESCE(SUM(effort), 0),
            SUM(CASE WHEN effort >= {EASY_FROM} THEN 1 ELSE 0 END)
        FROM feedback_answer
        GROUP BY 1, 2, 3, 4, 5
        """  # noqa: S608 - no user input
    )


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0003_answer_index_covers_dashboard"),
        ("tenants", "0004_add_mandate"),
    ]

    operations = [
        migrations.CreateModel(
            name="MonthlyTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("month", models.DateField(verbose_name="maand (eerste dag)")),
                ("process_key", models.PositiveIntegerField(default=0)),
                ("team_key", models.PositiveIntegerField(default=0)),
                (
                    "channel",
                    models.CharField(
                        choices=[
                            ("online", "Online"),
                            ("balie", "Balie"),
                            ("telefoon", "Telefoon"),
                            ("email", "E-mail"),
                            ("post", "Post"),
                        ],
                        max_length=10,
                        verbose_name="kanaal",
                    ),
                ),
                ("answered", models.PositiveIntegerField(default=0)),
                ("score_1", models.PositiveIntegerField(default=0)),
                ("score_2", models.PositiveIntegerField(default=0)),
                ("score_3", models.PositiveIntegerField(default=0)),
                ("score_4", models.PositiveIntegerField(default=0)),
                ("score_5", models.PositiveIntegerField(default=0)),
                ("score_6", models.PositiveIntegerField(default=0)),
                ("score_7", models.PositiveIntegerField(default=0)),
                ("score_8", models.PositiveIntegerField(default=0)),
                ("score_9", models.PositiveIntegerField(default=0)),
                ("score_10", models.PositiveIntegerField(default=0)),
                ("effort_count", models.PositiveIntegerField(default=0)),
                ("effort_sum", models.PositiveIntegerField(default=0)),
                ("easy_count", models.PositiveIntegerField(default=0)),
                (
                    "tenant",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="tenants.organisation",
                        verbose_name="organisatie",
                    ),
                ),
            ],
            options={
                "verbose_name": "maandtelling klantwaardering",
                "verbose_name_plural": "maandtellingen klantwaardering",
                "indexes": [models.Index(fields=["tenant", "month"], name="feedback_tally_tenant_month")],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("tenant", "month", "process_key", "team_key", "channel"),
                        name="feedback_tally_unique",
                    )
                ],
            },
        ),
        migrations.RunPython(fill_from_answers, migrations.RunPython.noop, elidable=True),
    ]
