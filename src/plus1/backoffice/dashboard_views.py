"""The team lead's dashboard: workload per employee and status, lead times, overdue zaken."""

import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from plus1.accounts.constants import Role
from plus1.cases import statistics
from plus1.core import clock

from .access import employee_view
from .charts import bar_chart

TREND_WEEKS = 12
LEAD_TIME_DAYS = 365


@employee_view(roles=[Role.TEAMLEIDER])
def dashboard_view(request: HttpRequest) -> HttpResponse:
    tenant = request.tenant
    today = clock.today()
    teams = list(request.user.teams.filter(tenant=tenant).order_by("name"))
    team_ids = [team.pk for team in teams]
    lead_times = statistics.lead_times(
        tenant=tenant, team_ids=team_ids, closed_since=today - datetime.timedelta(days=LEAD_TIME_DAYS)
    )
    trend = statistics.overdue_trend(tenant=tenant, today=today, weeks=TREND_WEEKS, team_ids=team_ids)
    context = {
        "nav": "dashboard",
        "teams": teams,
        "overdue_now": statistics.overdue_now(tenant=tenant, today=today, team_ids=team_ids),
        "per_assignee": bar_chart(
            statistics.open_per_assignee(tenant=tenant, team_ids=team_ids),
            title=_("Open zaken per medewerker"),
            value_heading=_("Open zaken"),
        ),
        "per_status": bar_chart(
            statistics.open_per_status(tenant=tenant, team_ids=team_ids),
            title=_("Open zaken per status"),
            value_heading=_("Open zaken"),
        ),
        "lead_times": lead_times,
        "lead_time_chart": bar_chart(
            [(lead.zaaktype, lead.median_days) for lead in lead_times],
            title=_("Doorlooptijd per zaaktype (mediaan in dagen)"),
            value_heading=_("Mediaan in dagen"),
        ),
        "trend": bar_chart(
            [(point.label, point.overdue) for point in trend],
            short_labels=[str(point.week_end.isocalendar().week) for point in trend],
            title=_("Zaken te laat aan het eind van elke week (laatste 12 weken, per weeknummer)"),
            value_heading=_("Zaken te laat"),
            orientation="vertical",
        ),
    }
    return render(request, "backoffice/dashboard.html", context)
