"""Bar charts as server-side SVG: a plain function turns a series into geometry, a template draws it.

``templates/components/bar_chart.svg.html`` renders the result with an accessible title and
the same numbers as a table, so the chart works without JavaScript and for screen readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.text import slugify

LABEL_WIDTH = 230
PLOT_WIDTH = 360
VALUE_WIDTH = 60
ROW_HEIGHT = 32
BAR_THICKNESS = 20
COLUMN_WIDTH = 48
PLOT_HEIGHT = 160
MAX_LABEL_CHARS = 28


@dataclass(frozen=True)
class Bar:
    label: str
    short_label: str
    value: float
    display: str
    x: float
    y: float
    width: float
    height: float
    label_x: float
    label_y: float
    value_x: float
    value_y: float


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    value_heading: str
    orientation: str
    width: int
    height: int
    bars: list[Bar]
    axis: tuple[float, float, float, float]

    @property
    def is_empty(self) -> bool:
        return not self.bars


def _short(label: str, limit: int = MAX_LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _display(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def bar_chart(
    series: Sequence[tuple[str, float]],
    *,
    short_labels: Sequence[str] | None = None,
    title: str,
    value_heading: str,
    orientation: str = "horizontal",
) -> BarChart:
    """Lay out ``series`` (label, value) as bars scaled to the largest value.

    Horizontal bars suit categories with long names (employees, statuses); vertical columns
    suit a time series (weeks). ``short_labels`` replace the labels inside the SVG (columns are
    narrow); the table under the chart always shows the full label.
    """
    top = max((value for _label, value in series), default=0) or 1
    bars = []
    if orientation == "horizontal":
        width, height = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH, max(1, len(series)) * ROW_HEIGHT + 8
        for index, (label, value) in enumerate(series):
            short = short_labels[index] if short_labels else _short(label)
            length = PLOT_WIDTH * value / top
            y = 4 + index * ROW_HEIGHT + (ROW_HEIGHT - BAR_THICKNESS) / 2
            bars.append(
                Bar(
                    label=label,
                    short_label=short,
                    value=value,
                    display=_display(value),
                    x=LABEL_WIDTH,
                    y=y,
                    width=round(length, 1),
                    height=BAR_THICKNESS,
                    label_x=LABEL_WIDTH - 8,
                    label_y=y + BAR_THICKNESS - 5,
                    value_x=round(LABEL_WIDTH + length + 6, 1),
                    value_y=y + BAR_THICKNESS - 5,
                )
            )
        axis = (LABEL_WIDTH, 0, LABEL_WIDTH, height)
    else:
        width, height = max(1, len(series)) * COLUMN_WIDTH + 16, PLOT_HEIGHT + 48
        base = PLOT_HEIGHT + 20
        for index, (label, value) in enumerate(series):
            short = short_labels[index] if short_labels else _short(label, 6)
            length = (PLOT_HEIGHT - 10) * value / top
            x = 8 + index * COLUMN_WIDTH + (COLUMN_WIDTH - BAR_THICKNESS * 1.4) / 2
            bars.append(
                Bar(
                    label=label,
                    short_label=short,
                    value=value,
                    display=_display(value),
                    x=round(x, 1),
                    y=round(base - length, 1),
                    width=BAR_THICKNESS * 1.4,
                    height=round(length, 1),
                    label_x=round(x + BAR_THICKNESS * 0.7, 1),
                    label_y=base + 18,
                    value_x=round(x + BAR_THICKNESS * 0.7, 1),
                    value_y=round(base - length - 6, 1),
                )
            )
        axis = (0, base, width, base)
    return BarChart(
        id=f"chart-{slugify(title)}",
        title=title,
        value_heading=value_heading,
        orientation=orientation,
        width=width,
        height=height,
        bars=bars,
        axis=axis,
    )
