"""The growth benchmark's results: merged per size in bench/results/growth.json, a Markdown
table and a line chart (hand-written SVG: matplotlib is not a dependency of Plus1, and one
chart does not justify adding it).
"""

from __future__ import annotations

import datetime
import json
import math
import subprocess
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
JSON_PATH = RESULTS / "growth.json"
SVG_PATH = RESULTS / "growth.svg"
CPU_SVG_PATH = RESULTS / "growth-cpu.svg"
BASE_SIZE = 100_000
FLAT = 1.5
LABELS = {
    "zgw_list_first": "ZGW list, first page",
    "zgw_list_deep": "ZGW list, deep page",
    "zgw_list_cached": "ZGW list, first page (read cache on)",
    "zgw_detail": "ZGW detail",
    "zgw_create": "ZGW create",
    "portal_mijn_zaken": "Portal Mijn zaken",
    "backoffice_werkvoorraad": "Werkvoorraad, first page",
    "backoffice_dashboard": "Dashboard",
}
TITLES = {
    "p50": "Plus1 growth curve: p50 per request (ms, log) against zaken (log)",
    "cpu": "Plus1 growth curve: app + PostgreSQL CPU per request (ms, log) against zaken (log)",
}
COLOURS = ["#1f77b4", "#d62728", "#7f7f7f", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2"]


def load() -> dict:
    if JSON_PATH.exists():
        return json.loads(JSON_PATH.read_text())
    return {"sizes": {}}


def store(*, size: int, reached: int, figures: dict, label: str = "") -> None:
    """Keep this run's figures for ``size``; the figures they replace stay under ``previous``."""
    results = load()
    earlier = results["sizes"].get(str(size))
    entry = {
        "zaken": reached,
        "measured_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "commit": _commit(),
        "label": label,
        "figures": figures,
    }
    if earlier:
        earlier.pop("previous", None)
        entry["previous"] = earlier
    results["sizes"][str(size)] = entry
    RESULTS.mkdir(exist_ok=True)
    JSON_PATH.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")


def _commit() -> str:
    try:
        # git from PATH, as a developer runs it.
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def _sizes(results: dict) -> list[int]:
    return sorted(int(size) for size in results["sizes"])


def _short(size: int) -> str:
    for unit, name in ((1_000_000, "M"), (1_000, "k")):
        if size >= unit:
            value = size / unit
            return f"{value:.1f}{name}".replace(".0", "")
    return str(size)


def table(results: dict | None = None) -> str:
    """Operation x size: p50 ms, app CPU ms and PostgreSQL CPU ms, with the growth verdict."""
    results = results or load()
    sizes = _sizes(results)
    if not sizes:
        return "(no results yet)"
    top = sizes[-1]
    reached = {size: results["sizes"][str(size)]["zaken"] for size in sizes}
    # A load stopped early (the 10M step) is compared at the size it reached.
    ratio_name = f"{_short(reached[top])}/{_short(BASE_SIZE)}"
    header = ["operation", *[_short(reached[size]) for size in sizes], f"ratio {ratio_name}", "verdict"]
    lines = [
        "Per cell: p50 ms / app CPU ms / PostgreSQL CPU ms per request (read cache off unless said).",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    for name, label in LABELS.items():
        cells, by_size = [], {}
        for size in sizes:
            figure = results["sizes"][str(size)]["figures"].get(name)
            by_size[size] = figure
            cells.append(
                f"{figure['p50']:.1f} / {figure['app_cpu']:.1f} / {figure['pg_cpu']:.1f}" if figure else "-"
            )
        base, last = by_size.get(BASE_SIZE), by_size.get(top)
        if base and last and top > BASE_SIZE:
            latency = last["p50"] / base["p50"]
            cpu = (last["app_cpu"] + last["pg_cpu"]) / max(base["app_cpu"] + base["pg_cpu"], 0.01)
            verdict = f"flat ≤ {FLAT}x" if max(latency, cpu) <= FLAT else "NOT flat"
            ratio = f"p50 {latency:.2f}x, CPU {cpu:.2f}x"
        else:
            ratio, verdict = "-", "-"
        lines.append("| " + " | ".join([label, *cells, ratio, verdict]) + " |")
    return "\n".join(lines)


def print_table() -> None:
    print(table())


def _line(x1: float, y1: float, x2: float, y2: float, colour: str, stroke: int = 1) -> str:
    ends = f'x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"'
    return f'<line {ends} stroke="{colour}" stroke-width="{stroke}"/>'


def _value(figure: dict, metric: str) -> float:
    return figure["p50"] if metric == "p50" else figure["app_cpu"] + figure["pg_cpu"]


def draw(results: dict | None = None) -> Path:
    """The charts of p50 (growth.svg) and of CPU per request (growth-cpu.svg); the first's path.

    Latency carries the noise of the shared cores; CPU per request is the steadier measure.
    """
    results = results or load()
    _draw(results, "cpu", CPU_SVG_PATH)
    return _draw(results, "p50", SVG_PATH)


def _draw(results: dict, metric: str, path: Path) -> Path:
    """A log-log line chart of ``metric`` per operation against the number of zaken."""
    sizes = _sizes(results)
    width, height, left, right, top_margin, bottom = 900, 520, 70, 290, 40, 60
    plot_w, plot_h = width - left - right, height - top_margin - bottom
    values = [
        _value(results["sizes"][str(s)]["figures"][n], metric)
        for s in sizes
        for n in LABELS
        if n in results["sizes"][str(s)]["figures"]
    ] or [1.0]
    low, high = math.floor(math.log10(max(min(values), 0.1))), math.ceil(math.log10(max(values) * 1.01))
    high = max(high, low + 1)
    x_low, x_high = 4, max(7, math.ceil(math.log10(max(sizes or [10**7]))))

    def x(size: float) -> float:
        return left + (math.log10(size) - x_low) / (x_high - x_low) * plot_w

    def y(ms: float) -> float:
        return top_margin + plot_h - (math.log10(max(ms, 0.1)) - low) / (high - low) * plot_h

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{left}" y="24" font-size="15">{TITLES[metric]}</text>',
    ]
    for power in range(low, high + 1):
        parts.append(_line(left, y(10**power), left + plot_w, y(10**power), "#ddd"))
        parts.append(
            f'<text x="{left - 8}" y="{y(10**power) + 4:.1f}" text-anchor="end">{10**power:g}</text>'
        )
    for power in range(x_low, x_high + 1):
        parts.append(_line(x(10**power), top_margin, x(10**power), top_margin + plot_h, "#ddd"))
        below = top_margin + plot_h + 18
        parts.append(
            f'<text x="{x(10**power):.1f}" y="{below}" text-anchor="middle">{_short(10**power)}</text>'
        )
    parts.append(
        f'<text x="{left + plot_w / 2}" y="{height - 15}" text-anchor="middle">zaken in the database</text>'
    )
    for index, (name, label) in enumerate(LABELS.items()):
        colour = COLOURS[index % len(COLOURS)]
        points = [
            (results["sizes"][str(s)]["zaken"], _value(results["sizes"][str(s)]["figures"][name], metric))
            for s in sizes
            if name in results["sizes"][str(s)]["figures"]
        ]
        if not points:
            continue
        polyline = " ".join(f"{x(n):.1f},{y(ms):.1f}" for n, ms in points)
        parts.append(f'<polyline points="{polyline}" fill="none" stroke="{colour}" stroke-width="2"/>')
        parts += [f'<circle cx="{x(n):.1f}" cy="{y(ms):.1f}" r="3" fill="{colour}"/>' for n, ms in points]
        legend_y = top_margin + 10 + index * 20
        parts.append(_line(width - right + 20, legend_y, width - right + 45, legend_y, colour, 2))
        parts.append(f'<text x="{width - right + 52}" y="{legend_y + 4}">{label}</text>')
    parts.append("</svg>")
    RESULTS.mkdir(exist_ok=True)
    path.write_text("\n".join(parts) + "\n")
    return path


if __name__ == "__main__":
    print_table()
    print(f"chart: {draw()}")
