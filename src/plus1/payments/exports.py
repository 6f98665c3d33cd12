"""The daily reconciliation as CSV: semicolons and decimal commas (Dutch spreadsheets), never a formula."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from django.utils import timezone

COLUMNS = (
    "soort",
    "betaalkenmerk",
    "kenmerk_provider",
    "bedrag",
    "tijdstip",
    "zaaknummer",
    "betaalmethode",
)
KIND_LABELS = {"paid": "betaald", "refunded": "terugbetaald", "open": "open"}
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A cell: decimal commas for amounts, a quote before anything a spreadsheet would run."""
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def reconciliation_csv(data: Any) -> str:
    """One line per row, then the totals when a whole ``selectors.Reconciliation`` is given.

    ``data``: a Reconciliation or a list of its rows (typed loosely: selectors imports this).
    """
    whole = hasattr(data, "rows")
    rows = data.rows if whole else data
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        at = timezone.localtime(row.at).strftime("%Y-%m-%d %H:%M:%S") if row.at else ""
        writer.writerow(
            safe_cell(value)
            for value in (
                KIND_LABELS.get(row.kind, row.kind),
                row.reference,
                row.provider_reference,
                row.amount,
                at,
                row.zaak_identificatie,
                row.method,
            )
        )
    if whole:
        for label, amount in (
            ("totaal betaald", data.total_paid),
            ("totaal terugbetaald", data.total_refunded),
            ("totaal open", data.total_open),
        ):
            writer.writerow([safe_cell(label), "", "", safe_cell(amount), "", "", ""])
    return out.getvalue()
