"""What every evaluation returns, and the pinned floors that CI checks them against."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

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
    """
    pinned = (floors if floors is not None else load_floors()).get(report.name, {})
    failures = []
    for metric, floor in sorted(pinned.items()):
        value = report.metrics.get(metric)
        if value is None:
            failures.append(f"{report.name}: {metric} missing from the report (floor {floor})")
        elif value + 1e-9 < floor:
            failures.append(f"{report.name}: {metric} = {value:.4f} is below its floor {floor}")
    return failures
