"""The dashboard's aggregates as rows, for the CSV and JSON exports. Figures only: no text, no name."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from .selectors import Dashboard, Figures
from .themes import ThemeOverview

COLUMNS = (
    "onderdeel",
    "label",
    "antwoorden",
    "gemiddeld_cijfer",
    "gemak_gemiddeld",
    "aandeel_makkelijk",
    "respons_percentage",
)
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _figures_row(part: str, figures: Figures) -> dict:
    return {
        "onderdeel": part,
        "label": figures.label,
        "antwoorden": figures.answers,
        "gemiddeld_cijfer": figures.average,
        "gemak_gemiddeld": figures.effort_average,
        "aandeel_makkelijk": figures.easy_share,
    }


def export_data(dashboard: Dashboard, themes: ThemeOverview) -> dict:
    """The aggregates of a dashboard as one JSON-ready dictionary."""
    scope, summary = dashboard.scope, dashboard.summary
    return {
        "gemeente": scope.tenant.name,
        "periode": {"van": scope.period.since.isoformat(), "tot_en_met": scope.period.until.isoformat()},
        "filter": {
            "proces": scope.process.identificatie if scope.process else None,
            "team": scope.team.name if scope.team else None,
            "kanaal": scope.channel or None,
        },
        "totaal": _figures_row("totaal", summary.totals),
        "verdeling": [
            {"cijfer": score, "antwoorden": count, "aandeel": share}
            for score, count, share in summary.distribution
        ],
        "respons": {
            "uitgenodigd": summary.response.invited,
            "beantwoord": summary.response.answered,
            "percentage": summary.response.rate,
        },
        "per_maand": [
            _figures_row("maand", point.figures) | {"start": point.start.isoformat()}
            for point in dashboard.months
        ],
        "per_week": [
            _figures_row("week", point.figures) | {"start": point.start.isoformat()}
            for point in dashboard.weeks
        ],
        "per_proces": [_figures_row("proces", figures) for figures in dashboard.processes],
        "per_team": [_figures_row("team", figures) for figures in dashboard.teams],
        "per_kanaal": [_figures_row("kanaal", figures) for figures in dashboard.channels],
        "themas": {
            "gelezen": themes.read,
            "meer_dan_gelezen": themes.is_capped,
            "themas": [
                {
                    "thema": theme.label,
                    "antwoorden": theme.answers,
                    "aandeel": theme.share,
                    "woorden": dict(theme.words),
                }
                for theme in themes.themes
            ],
        },
    }


def _safe(value) -> str:
    """A cell: decimal commas (the semicolon-separated Dutch spreadsheet), never a formula."""
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def export_csv(dashboard: Dashboard, themes: ThemeOverview) -> str:
    """The aggregates as one table (semicolons, for Dutch spreadsheets): one row per figure."""
    data = export_data(dashboard, themes)
    rows = [data["totaal"]]
    rows += [
        {
            "onderdeel": "verdeling",
            "label": _("cijfer %(score)s") % {"score": row["cijfer"]},
            "antwoorden": row["antwoorden"],
        }
        for row in data["verdeling"]
    ]
    rows.append(
        {
            "onderdeel": "respons",
            "label": _("%(answered)s van %(invited)s uitnodigingen beantwoord")
            % {"answered": data["respons"]["beantwoord"], "invited": data["respons"]["uitgenodigd"]},
            "antwoorden": data["respons"]["beantwoord"],
            "respons_percentage": data["respons"]["percentage"],
        }
    )
    for part in ("per_maand", "per_week", "per_proces", "per_team", "per_kanaal"):
        rows += data[part]
    rows += [
        {"onderdeel": "thema", "label": theme["thema"], "antwoorden": theme["antwoorden"]}
        for theme in data["themas"]["themas"]
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_safe(row.get(column)) for column in COLUMNS])
    return buffer.getvalue()
