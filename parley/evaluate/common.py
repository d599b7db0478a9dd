"""What every evaluation returns, and the pinned floors that CI checks them against."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

from rich.box import SIMPLE_HEAD
from rich.console import Console
from rich.table import Table

from parley.errors import EvaluationError

FLOORS_FILE = Path(__file__).with_name("floors.toml")


@dataclass(frozen=True, slots=True)
class Report:
    """One evaluation's outcome.

    ``metrics`` is flat and stable ("content.exact.f1": 0.61), so floors can name entries;
    ``table`` is the human-readable view the CLI prints.
    """

    name: str
    metrics: dict[str, float]
    table: str
    notes: tuple[str, ...] = field(default=())


Cell = str | int | float | None


def render_table(
    columns: Sequence[str], rows: Sequence[Sequence[Cell]], *, title: str | None = None
) -> str:
    """A plain-text table drawn by Rich: numbers right-aligned (floats to 3 places), the
    same on a terminal and in a log (no colour, a fixed width)."""
    table = Table(title=title, box=SIMPLE_HEAD, title_justify="left", pad_edge=False)
    numeric = [
        bool(rows) and all(isinstance(r[i], int | float) for r in rows if r[i] is not None)
        for i in range(len(columns))
    ]
    for name, is_number in zip(columns, numeric, strict=True):
        table.add_column(name, justify="right" if is_number else "left", no_wrap=True)
    for row in rows:
        table.add_row(*(_cell(value) for value in row))
    out = StringIO()
    Console(file=out, width=160, no_color=True, color_system=None, highlight=False).print(table)
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines()).strip("\n")


def _cell(value: Cell) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def require_dir(path: Path, what: str) -> Path:
    if not path.is_dir():
        raise EvaluationError(f"{what} not found at {path} (pass --data DIR)")
    return path


def load_floors(path: Path = FLOORS_FILE) -> dict[str, dict[str, float]]:
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return {name: {k: float(v) for k, v in table.items()} for name, table in data.items()}


def check_floors(report: Report, floors: dict[str, dict[str, float]] | None = None) -> list[str]:
    """The lines that fail: each metric pinned for this evaluation must be at or above its floor.

    A pinned metric missing from the report fails too, so a renamed metric cannot slip by.
    A report whose data is absent (its metrics say ``skipped``) is not checked.
    """
    if report.metrics.get("skipped"):
        return []
    pinned = (floors if floors is not None else load_floors()).get(report.name, {})
    failures = []
    for metric, floor in sorted(pinned.items()):
        value = report.metrics.get(metric)
        if value is None:
            failures.append(f"{report.name}: {metric} missing from the report (floor {floor})")
        elif value + 1e-9 < floor:
            failures.append(f"{report.name}: {metric} = {value:.4f} is below its floor {floor}")
    return failures


@dataclass
class Counts:
    """True positives, false positives and false negatives, and their P, R and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f
