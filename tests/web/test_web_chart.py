"""The timeline chart's geometry (parley.web.chart): stacked bars, the Goldstein line, the
axis, turning points and skipped periods."""

from __future__ import annotations

from datetime import date
from typing import Any

from parley.web.chart import QUADS, timeline_chart


def _row(day: date, goldstein: float | None = None, **counts: int) -> dict[str, Any]:
    return {"period": day, "events": sum(counts.values()), "mean_goldstein": goldstein, **counts}


def test_web_chart_stacks_bars_by_quad_class() -> None:
    rows = [
        _row(date(2031, 1, 1), 2.0, verbal_coop=3, material_conflict=1),
        _row(date(2031, 3, 1), -5.0, verbal_conflict=6),
    ]
    chart = timeline_chart(rows, "month", [])
    assert [b.fill for b in chart.bars] == [QUADS[0][2], QUADS[3][2], QUADS[2][2]]
    first, second, third = chart.bars
    assert first.y == second.y + second.h  # stacked: the conflict piece sits on the cooperation
    assert abs(first.h / second.h - 3.0) < 0.01
    assert abs(third.h / first.h - 2.0) < 0.01
    # February had no events: it keeps its slot, empty, so the axis is time.
    assert [label for _, label in chart.x_ticks] == ["2031-01", "2031-02", "2031-03"]
    assert chart.breaks == []
    assert int(chart.y_ticks[-1][1]) >= 6  # the axis reaches above the highest bar
    assert len(chart.line.split()) == 2 and len(chart.dots) == 2
    assert "2031-01: 3 verbal cooperation" in first.title


def test_web_chart_marks_turning_points_and_skipped_periods() -> None:
    rows = [_row(date(1950, 6, 1), 1.0, verbal_coop=1), _row(date(2031, 5, 1), -8.0,
            material_conflict=2)]  # fmt: skip
    turning = [{"period": date(2031, 5, 1), "direction": "toward conflict"}]
    chart = timeline_chart(rows, "month", turning)
    assert len(chart.breaks) == 1  # 80 years without events are left out, and marked
    assert [m.label for m in chart.marks] == ["▼"]
    assert chart.marks[0].x > chart.breaks[0]
    assert "toward conflict" in chart.marks[0].title


def test_web_chart_of_nothing_is_empty() -> None:
    chart = timeline_chart([], "week", [])
    assert chart.bars == [] and chart.line == "" and chart.marks == []
