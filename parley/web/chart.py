"""The timeline chart, drawn on the server as SVG: no script, nothing fetched, works offline.

``timeline_chart(rows, by, turning)`` lays out the dyad's timeline: one stacked bar per
period (events by QuadClass), the mean Goldstein value as a line on its own axis (-10 to
+10), and each turning point as a marked line. It returns geometry only; the template
``_timeline.html`` draws it, so every label passes through the autoescaping templates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

__all__ = ["QUADS", "Chart", "timeline_chart"]

# (column of the timeline query, label, colour): cooperation in blues, conflict in reds.
QUADS = (
    ("verbal_coop", "verbal cooperation", "#9cc3e6"),
    ("material_coop", "material cooperation", "#2f6fad"),
    ("verbal_conflict", "verbal conflict", "#f0a35e"),
    ("material_conflict", "material conflict", "#c0392b"),
)
WIDTH, HEIGHT = 920, 280
LEFT, RIGHT, TOP, BOTTOM = 48, 52, 26, 42
MAX_SLOTS = 400  # periods drawn one slot each, gaps included, up to this many


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    w: float
    h: float
    fill: str
    title: str


@dataclass(frozen=True, slots=True)
class Mark:
    x: float
    label: str
    title: str


@dataclass(slots=True)
class Chart:
    width: int
    height: int
    left: int
    right: float
    top: int
    bottom: float
    bars: list[Bar] = field(default_factory=list)
    line: str = ""  # the mean Goldstein polyline's points
    dots: list[tuple[float, float, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    g_ticks: list[tuple[float, str]] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    breaks: list[float] = field(default_factory=list)  # where the axis skips empty periods
    legend: tuple[tuple[str, str, str], ...] = QUADS


def timeline_chart(rows: list[dict[str, Any]], by: str, turning: list[dict[str, Any]]) -> Chart:
    """The chart of ``rows`` (the timeline query's, one per period) with ``turning``
    points (dicts with ``period``, ``direction``, ``change``)."""
    right, bottom = WIDTH - RIGHT, HEIGHT - BOTTOM
    chart = Chart(WIDTH, HEIGHT, LEFT, right, TOP, bottom)
    if not rows:
        return chart
    slots = _slots([r["period"] for r in rows], by)
    where = {p: i for i, p in enumerate(slots)}
    step = (right - LEFT) / len(slots)
    # The axis ends on a round count above the highest bar, so no bar touches the top.
    top_count = _ticks(max(int(r["events"] or 0) for r in rows) or 1)[-1]
    height = bottom - TOP

    def y_of(count: float) -> float:
        return bottom - height * count / top_count

    def g_of(value: float) -> float:
        return bottom - height * (value + 10.0) / 20.0

    points = []
    for row in rows:
        i = where[row["period"]]
        x, below = LEFT + i * step, 0.0
        label = _label(row["period"], by)
        for column, name, colour in QUADS:
            count = float(row.get(column) or 0)
            if count:
                y = y_of(below + count)
                chart.bars.append(Bar(round(x + step * 0.1, 2), round(y, 2), round(step * 0.8, 2),
                                      round(y_of(below) - y, 2), colour,
                                      f"{label}: {int(count)} {name}"))  # fmt: skip
                below += count
        if row.get("mean_goldstein") is not None:
            cx, cy = round(x + step / 2, 2), round(g_of(float(row["mean_goldstein"])), 2)
            points.append(f"{cx},{cy}")
            chart.dots.append((cx, cy, f"{label}: mean Goldstein {row['mean_goldstein']:+.2f}"))
    chart.line = " ".join(points)
    for count in _ticks(top_count):
        chart.y_ticks.append((round(y_of(count), 2), str(count)))
    for value in (-10, -5, 0, 5, 10):
        chart.g_ticks.append((round(g_of(value), 2), f"{value:+d}" if value else "0"))
    for i in range(1, len(slots)):
        if slots[i] != _next(slots[i - 1], by):
            chart.breaks.append(round(LEFT + i * step, 2))
    every = max(1, round(len(slots) / 8))
    for i in range(0, len(slots), every):
        chart.x_ticks.append((round(LEFT + (i + 0.5) * step, 2), _label(slots[i], by)))
    for point in turning:
        period = point.get("period")
        if period in where:
            x = round(LEFT + (where[period] + 0.5) * step, 2)
            direction = str(point.get("direction") or "")
            arrow = "▲" if "cooperation" in direction else "▼"
            chart.marks.append(Mark(x, arrow, f"turning point {_label(period, by)}: {direction}"))
    return chart


def _slots(periods: list[date], by: str) -> list[date]:
    """Every period from the first to the last, gaps included (an empty month is drawn as
    empty), unless that would be more than ``MAX_SLOTS``; then the periods as given."""
    first, last = min(periods), max(periods)
    slots: list[date] = []
    current = first
    while current <= last and len(slots) <= MAX_SLOTS:
        slots.append(current)
        current = _next(current, by)
    return slots if len(slots) <= MAX_SLOTS else sorted(set(periods))


def _next(day: date, by: str) -> date:
    if by == "day":
        return day + timedelta(days=1)
    if by == "week":
        return day + timedelta(days=7)
    if by == "month":
        return date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date(day.year + 1, 1, 1)


def _label(day: date, by: str) -> str:
    if by == "year":
        return str(day.year)
    if by == "month":
        return day.strftime("%Y-%m")
    return day.isoformat()


def _ticks(top: int) -> list[int]:
    """Round counts from 0 to at least ``top`` for the left axis, about five of them."""
    raw = top / 5
    magnitude = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return list(range(0, top + step, step))
