"""Klantwaardering in the back office: the dashboard, the themes, the benchmark, the exports.

A gemeente's teamleiders (all teams; they may filter on one) and its kwaliteitsmedewerkers see
their own gemeente's figures and the benchmark. The collective's catalog managers see the
national view only. Everyone else gets "geen toegang". Every page shows aggregates only: an
answer holds no name or BSN, and no text of an answer is shown (the themes show words).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from plus1.accounts.constants import Role
from plus1.accounts.sessions import has_second_factor
from plus1.core import clock
from plus1.feedback import benchmark, exports, selectors, themes
from plus1.feedback.constants import MIN_BENCHMARK_ANSWERS, MIN_BENCHMARK_GEMEENTEN

from .access import employee_view
from .charts import bar_chart
from .feedback_forms import FeedbackFilterForm, PeriodForm

FEEDBACK_ROLES = (Role.TEAMLEIDER, Role.KWALITEITSMEDEWERKER)
EXPORT_FORMATS = ("csv", "json")


def national_view(function: Callable) -> Callable:
    """Let only the collective's catalog managers in (second factor done). Sets ``request.tenant``."""

    @wraps(function)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated or not has_second_factor(request):
            return redirect_to_login(request.get_full_path(), reverse("backoffice:login"))
        collective = benchmark.national_view_organisation(request.user)
        if collective is None:
            return render(request, "backoffice/forbidden.html", status=403)
        request.tenant = collective
        request.is_collective = True
        request.can_see_feedback = True
        return function(request, *args, **kwargs)

    return wrapped


def _value(figure: float | None) -> float:
    return figure if figure is not None else 0


def _filter_query(request: HttpRequest) -> str:
    """The filters of this page as a query string, for the links to the other parts and the exports."""
    query = request.GET.copy()
    query.pop("format", None)
    return query.urlencode()


def _page(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    return render(
        request,
        template,
        {
            "nav": "feedback",
            "filter_query": _filter_query(request),
            "min_gemeenten": MIN_BENCHMARK_GEMEENTEN,
            "min_answers": MIN_BENCHMARK_ANSWERS,
        }
        | context,
    )


@require_GET
@employee_view(roles=FEEDBACK_ROLES)
def feedback_dashboard_view(request: HttpRequest) -> HttpResponse:
    """Scores, ease and response of the gemeente, per month and week, product, team and channel."""
    form = FeedbackFilterForm(request.GET, tenant=request.tenant)
    scope = form.to_scope()
    dashboard = selectors.dashboard(scope)
    summary = dashboard.summary
    charts = {
        "distribution_chart": bar_chart(
            [
                (_("Cijfer %(score)s") % {"score": score}, count)
                for score, count, _share in summary.distribution
            ]
            if summary.totals.answers
            else [],
            title=_("Verdeling van de rapportcijfers"),
            value_heading=_("Antwoorden"),
        ),
        "month_chart": bar_chart(
            [(point.label, _value(point.figures.average)) for point in dashboard.months],
            short_labels=[formats.date_format(point.start, "M") for point in dashboard.months],
            title=_("Gemiddeld cijfer per maand"),
            value_heading=_("Gemiddeld cijfer"),
            orientation="vertical",
        )
        if summary.totals.answers
        else bar_chart([], title=_("Gemiddeld cijfer per maand"), value_heading=_("Gemiddeld cijfer")),
        "week_chart": bar_chart(
            [(point.label, point.figures.answers) for point in dashboard.weeks],
            short_labels=[str(point.start.isocalendar().week) for point in dashboard.weeks],
            title=_("Antwoorden per week (laatste 13 weken, per weeknummer)"),
            value_heading=_("Antwoorden"),
            orientation="vertical",
        )
        if summary.totals.answers
        else bar_chart([], title=_("Antwoorden per week"), value_heading=_("Antwoorden")),
        "process_chart": bar_chart(
            [(figures.label, _value(figures.average)) for figures in dashboard.processes],
            title=_("Gemiddeld cijfer per product"),
            value_heading=_("Gemiddeld cijfer"),
        ),
        "team_chart": bar_chart(
            [(figures.label, _value(figures.average)) for figures in dashboard.teams],
            title=_("Gemiddeld cijfer per team"),
            value_heading=_("Gemiddeld cijfer"),
        ),
        "channel_chart": bar_chart(
            [(figures.label, _value(figures.average)) for figures in dashboard.channels],
            title=_("Gemiddeld cijfer per kanaal"),
            value_heading=_("Gemiddeld cijfer"),
        ),
    }
    return _page(
        request,
        "backoffice/feedback/dashboard.html",
        {"form": form, "scope": scope, "dashboard": dashboard, "summary": summary, "tab": "dashboard"}
        | charts,
    )


@require_GET
@employee_view(roles=FEEDBACK_ROLES)
def feedback_themes_view(request: HttpRequest) -> HttpResponse:
    """The open answers of the filtered period grouped into themes, with the words that made them."""
    form = FeedbackFilterForm(request.GET, tenant=request.tenant)
    scope = form.to_scope()
    overview = themes.theme_overview(scope)
    chart = bar_chart(
        [(theme.label, theme.answers) for theme in overview.themes] if overview.read else [],
        title=_("Open antwoorden per thema"),
        value_heading=_("Antwoorden"),
    )
    return _page(
        request,
        "backoffice/feedback/themes.html",
        {"form": form, "scope": scope, "overview": overview, "chart": chart, "tab": "themes"},
    )


@require_GET
@employee_view(roles=FEEDBACK_ROLES)
def feedback_benchmark_view(request: HttpRequest) -> HttpResponse:
    """The gemeente's score per product beside the median and quartiles of all gemeenten."""
    form = PeriodForm(request.GET)
    period = selectors.period_of(months=form.months())
    rows = benchmark.benchmark_for_gemeente(tenant=request.tenant, period=period)
    chart = bar_chart(
        [(row.name, row.own_average) for row in rows if row.own_average is not None],
        title=_("Uw gemiddelde cijfer per product"),
        value_heading=_("Gemiddeld cijfer"),
    )
    return _page(
        request,
        "backoffice/feedback/benchmark.html",
        {"form": form, "period": period, "rows": rows, "chart": chart, "tab": "benchmark"},
    )


@require_GET
@national_view
def feedback_national_view(request: HttpRequest) -> HttpResponse:
    """Every product over all gemeenten, for the collective; gemeenten named only when they opted in."""
    form = PeriodForm(request.GET)
    period = selectors.period_of(months=form.months())
    rows = benchmark.national_benchmark(period=period)
    chart = bar_chart(
        [(row.name, row.national_average) for row in rows if row.national_average is not None],
        title=_("Landelijk gemiddelde cijfer per product"),
        value_heading=_("Gemiddeld cijfer"),
    )
    return _page(
        request,
        "backoffice/feedback/national.html",
        {"form": form, "period": period, "rows": rows, "chart": chart},
    )


@require_GET
@employee_view(roles=FEEDBACK_ROLES)
def feedback_export_view(request: HttpRequest) -> HttpResponse:
    """The dashboard's aggregates (and the theme counts) as CSV or JSON: ``?format=csv|json``."""
    kind = request.GET.get("format", "csv")
    if kind not in EXPORT_FORMATS:
        return HttpResponse(
            _("Dit formaat kennen we niet. Kies csv of json."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    form = FeedbackFilterForm(request.GET, tenant=request.tenant)
    scope = form.to_scope()
    dashboard, overview = selectors.dashboard(scope), themes.theme_overview(scope)
    name = f"klantwaardering-{request.tenant.slug}-{clock.today().isoformat()}.{kind}"
    if kind == "json":
        body = json.dumps(exports.export_data(dashboard, overview), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        response = HttpResponse(
            exports.export_csv(dashboard, overview), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
