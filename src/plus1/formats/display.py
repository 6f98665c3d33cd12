"""Show a stored answer the way a person reads it: a date answer is kept as ISO, shown localised."""

from __future__ import annotations

import datetime

from django.utils import formats


def display_value(value: str, data_type: str = "") -> str:
    """``"2026-12-21"`` of a date field as "21 december 2026" (English: "21 December 2026")."""
    if data_type == "date" and value:
        try:
            return formats.date_format(datetime.date.fromisoformat(value))
        except ValueError:
            return value  # an older answer in another shape: show it as the resident typed it
    return value
