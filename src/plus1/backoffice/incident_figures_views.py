"""Figures of the incident register, and the ARO/GIR export and submission (issue 20).

The agressiecoördinator sees the whole gemeente's figures, downloads the export (JSON or CSV,
with names only when ticked) and sends it to ARO. A teamleider sees the counts and trends of
their own team(s) only: no locations, no descriptions, no names. Everyone else: 403.
"""

from __future__ import annotations

import datetime
import json

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from plus1.accounts.constants import Role
from plus1.connectors.aro import AroError
from plus1.incidents.aro_export import batch_as_csv, build_batch, submit_to_aro
from plus1.incidents.figures import IncidentFigures, Period, incident_figures
from plus1.incidents.policies import is_coordinator

from .access import employee_view
from .charts import BarChart, bar_chart

# The longest period one page or export covers: enough for a year-on-year view.
MAX_PERIOD_DAYS = 5 * 366
# The years a period may name.
FIRST_YEAR, LAST_YEAR = 1900, 2999


class PeriodForm(forms.Form):
    van = forms.DateField(
        label=gettext_lazy("Van"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    tot = forms.DateField(
        label=gettext_lazy("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        default = Period.last_months()
        first, last = data.get("van") or default.first, data.get("tot") or default.last
        if not (FIRST_YEAR <= first.year <= LAST_YEAR and FIRST_YEAR <= last.year <= LAST_YEAR):
            # Year 0001 or 9999 would overflow the period's local day bounds (a 500).
            raise forms.ValidationError(
                _("Kies datums tussen %(first)s en %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )
        if last < first:
            raise forms.ValidationError(
                _("De einddatum ligt voor de begindatum. Kies een einddatum op of na de begindatum.")
            )
        if (last - first).days > MAX_PERIOD_DAYS:
            raise forms.ValidationError(_("Kies een periode van hoogstens vijf jaar."))
        data["period"] = Period(first, last)
        return data

    def period(self) -> Period:
        """The chosen period; the last twelve months when nothing (valid) was chosen."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["period"]
        return Period.last_months()


class ExportForm(PeriodForm):
    met_namen = forms.BooleanField(
        label=gettext_lazy("Met namen"),
        required=False,
        help_text=gettext_lazy(
            "Met de naam, het KvK-nummer en de omschrijving van de dader, de locatie en de beschrijving. "
            "Alleen als ARO die echt nodig heeft; het wordt vastgelegd in het verwerkingslog."
        ),
    )


def _month_label(month: datetime.date) -> str:
    return formats.date_format(month, "F Y")


def _charts(figures: IncidentFigures) -> dict[str, BarChart]:
    count = _("Aantal incidenten")
    charts = {
        "per_month": bar_chart(
            [(_month_label(month), n) for month, n in figures.per_month],
            short_labels=[f"{formats.date_format(month, 'b')} {month:%y}" for month, _n in figures.per_month],
            title=_("Incidenten per maand"),
            value_heading=count,
            orientation="vertical",
        ),
        "per_category": bar_chart(figures.per_category, title=_("Incidenten per soort"), value_heading=count),
        "per_channel": bar_chart(figures.per_channel, title=_("Incidenten per kanaal"), value_heading=count),
        "per_team": bar_chart(figures.per_team, title=_("Incidenten per team"), value_heading=count),
        "follow_up": bar_chart(
            [
                (label, share.percent or 0)
                for label, share in (
                    (_("Met aangifte"), figures.with_police_report),
                    (_("Nazorg binnen 24 uur"), figures.aftercare_in_time),
                    (_("Reactie binnen 48 uur"), figures.reaction_in_time),
                )
            ],
            title=_("Opvolging (percentage van de incidenten)"),
            value_heading=_("Percentage"),
        ),
    }
    if figures.per_location:
        charts["per_location"] = bar_chart(
            figures.per_location, title=_("Incidenten per locatie"), value_heading=count
        )
    return charts


@require_GET
@employee_view(roles=[Role.AGRESSIECOORDINATOR, Role.TEAMLEIDER])
def incident_figures_view(request: HttpRequest) -> HttpResponse:
    tenant = request.tenant
    form = PeriodForm(request.GET or None)
    coordinator = is_coordinator(request.user, tenant)
    teams = [] if coordinator else list(request.user.teams.filter(tenant=tenant).order_by("name"))
    figures = incident_figures(
        tenant=tenant, period=form.period(), team_ids=None if coordinator else [team.pk for team in teams]
    )
    context = {
        "nav": "incident-figures",
        "form": form,
        "is_coordinator": coordinator,
        "teams": teams,
        "figures": figures,
        "charts": _charts(figures),
        "follow_up": [
            (_("Met aangifte"), figures.with_police_report),
            (_("Nazorg binnen 24 uur"), figures.aftercare_in_time),
            (_("Reactie binnen 48 uur"), figures.reaction_in_time),
        ],
    }
    return render(request, "backoffice/incidents/figures.html", context)


ARO_PREFIX = "aro"


def _export_page(
    request: HttpRequest,
    *,
    form: ExportForm | None = None,
    aro_form: ExportForm | None = None,
    receipt=None,
    error: AroError | None = None,
    status: int = 200,
) -> HttpResponse:
    """The download form (GET) and the send-to-ARO form (POST, fields of its own), one page."""
    if form is None:
        form = ExportForm()
    if aro_form is None:
        period = form.period()
        aro_form = ExportForm(
            prefix=ARO_PREFIX,
            initial={
                "van": period.first,
                "tot": period.last,
                "met_namen": form.is_bound and form.is_valid() and form.cleaned_data["met_namen"],
            },
        )
    context = {
        "nav": "incident-figures",
        "form": form,
        "aro_form": aro_form,
        "receipt": receipt,
        "error": error,
    }
    return render(request, "backoffice/incidents/export.html", context, status=status)


@require_GET
@employee_view(roles=[Role.AGRESSIECOORDINATOR])
def incident_export_view(request: HttpRequest) -> HttpResponse:
    """The export page; with ``?format=json|csv`` the download itself (logged as an export)."""
    export_format = request.GET.get("format", "")
    form = ExportForm(request.GET or None)
    if export_format not in ("json", "csv"):
        return _export_page(request, form=form)
    if not form.is_valid():
        return _export_page(request, form=form, status=400)
    period = form.cleaned_data["period"]
    batch = build_batch(
        tenant=request.tenant, period=period, with_names=form.cleaned_data["met_namen"], actor=request.actor
    )
    name = f"incidenten-{request.tenant.slug}-{period.first:%Y%m%d}-{period.last:%Y%m%d}"
    if export_format == "csv":
        response = HttpResponse(batch_as_csv(batch), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    else:
        response = HttpResponse(
            json.dumps(batch, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@employee_view(roles=[Role.AGRESSIECOORDINATOR])
def incident_aro_submit_view(request: HttpRequest) -> HttpResponse:
    """Send the chosen period to ARO and show the receipt, or ARO's reasons for refusing."""
    form = ExportForm(request.POST, prefix=ARO_PREFIX)
    if not form.is_valid():
        return _export_page(request, aro_form=form, status=400)
    try:
        receipt = submit_to_aro(
            tenant=request.tenant,
            period=form.cleaned_data["period"],
            with_names=form.cleaned_data["met_namen"],
            actor=request.actor,
        )
    except AroError as exc:
        # ARO refused or could not be reached: the coordinator's request itself was fine, so a
        # normal page with ARO's reasons (a 5xx would read as a fault of Plus1 and hide them).
        return _export_page(request, aro_form=form, error=exc)
    return _export_page(request, aro_form=form, receipt=receipt)
