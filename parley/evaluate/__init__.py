"""Evaluations against the gold data in ``../shared/data``; each returns a Report.

An explicit table, not registration by import: name -> module holding ``run(data_dir, limit=)``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import cast

from parley.evaluate.common import Report, check_floors, load_floors

__all__ = ["EVALUATIONS", "Report", "check_floors", "default_data_dir", "load_floors", "run"]

EVALUATIONS: dict[str, str] = {
    "extraction": "parley.evaluate.extraction",
    "time": "parley.evaluate.time",
    "actors": "parley.evaluate.actors",
    "quotes": "parley.evaluate.quotes",
    "events": "parley.evaluate.events",
}


def default_data_dir() -> Path:
    """``../shared/data`` beside the repository (the checkout), else beside the cwd."""
    repo = Path(__file__).resolve().parents[2]
    for base in (repo, Path.cwd()):
        candidate = base.parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return repo.parent / "shared" / "data"


def run(name: str, data_dir: Path, limit: int | None = None) -> Report:
    module = importlib.import_module(EVALUATIONS[name])
    runner = cast(Callable[..., Report], module.run)
    return runner(data_dir, limit=limit)
