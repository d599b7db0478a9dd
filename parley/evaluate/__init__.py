"""Evaluations against the gold data in ``../shared/data``; each returns a Report.

An explicit table, not registration by import: name -> module holding ``run(data_dir, limit=)``.
``REAL_SET`` names the scorers of the real-text gold (``--set real``, ``parley.evaluate.real``):
name -> function taking ``(data_dir, split=, limit=)``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import cast

from parley.config import Config
from parley.errors import EvaluationError
from parley.evaluate.common import Report, check_floors, load_floors

__all__ = [
    "EVALUATIONS",
    "GOLD_SETS",
    "REAL_SET",
    "Report",
    "check_floors",
    "default_data_dir",
    "load_floors",
    "run",
]

EVALUATIONS: dict[str, str] = {
    "extraction": "parley.evaluate.extraction",
    "time": "parley.evaluate.time",
    "actors": "parley.evaluate.actors",
    "quotes": "parley.evaluate.quotes",
    "events": "parley.evaluate.events",
    "agreement": "parley.evaluate.real.agreement",
    "clusters": "parley.evaluate.clusters",
    "stances": "parley.evaluate.stances",
}
# Shared evaluations whose gold has its own dev and test halves (``--split``).
SPLIT_SETS = frozenset({"stances"})
REAL_SET: dict[str, str] = {
    "events": "run_events",
    "quotes": "run_quotes",
}
GOLD_SETS = ("shared", "real")


def default_data_dir() -> Path:
    """``../shared/data`` beside the repository (the checkout), else beside the cwd."""
    repo = Path(__file__).resolve().parents[2]
    for base in (repo, Path.cwd()):
        candidate = base.parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return repo.parent / "shared" / "data"


def run(
    name: str,
    data_dir: Path,
    limit: int | None = None,
    *,
    gold_set: str = "shared",
    split: str = "dev",
    config: Config | None = None,
) -> Report:
    """Run evaluation ``name``; ``gold_set="real"`` scores the real-text gold's ``split``.
    ``config`` chooses the quote finder of the quote evaluations (``--quotes``) and the event
    finder of the event evaluations (``--events``)."""
    quote_options = (
        {"config": config} if name in ("quotes", "events") and config is not None else {}
    )
    if gold_set == "real":
        if name not in REAL_SET:
            raise EvaluationError(f"the real-text set scores {' and '.join(REAL_SET)}, not {name}")
        module = importlib.import_module("parley.evaluate.real.score")
        scorer = cast(Callable[..., Report], getattr(module, REAL_SET[name]))
        return scorer(data_dir, split=split, limit=limit, **quote_options)
    if gold_set != "shared":
        raise EvaluationError(f"unknown gold set {gold_set!r} ({' or '.join(GOLD_SETS)})")
    module = importlib.import_module(EVALUATIONS[name])
    runner = cast(Callable[..., Report], module.run)
    if name in SPLIT_SETS:
        return runner(data_dir, limit=limit, split=split)
    return runner(data_dir, limit=limit, **quote_options)
