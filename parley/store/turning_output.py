"""Turning points on standard output, under ``parley timeline``'s table: a Rich table for a
person, extra JSON Lines records (``"kind": "turning_point"``) for tools. CSV stays one table
of periods."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from parley.store.output import OutputFormat, cameo_names

if TYPE_CHECKING:
    from parley.store.turning import TurningPoint

__all__ = ["render_turning_points"]


def render_turning_points(points: Sequence[TurningPoint], fmt: OutputFormat) -> None:
    if fmt is OutputFormat.jsonl:
        for point in points:
            sys.stdout.write(json.dumps(point.to_dict(), default=str, ensure_ascii=False) + "\n")
    elif fmt is OutputFormat.table:
        _rich(points)


def _rich(points: Sequence[TurningPoint]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=False)
    if not console.is_terminal:
        console = Console(soft_wrap=False, width=200)
    if not points:
        console.print("no turning points (fewer than two periods with event clusters)", style="dim")
        return
    names = cameo_names()
    out = Table(title="Turning points", title_justify="left", header_style="bold")
    for column in ("period", "direction", "Δ Goldstein", "Δ conflict share", "made by (cluster: "
                   "day, dyad, code, articles, evidence)"):  # fmt: skip
        out.add_column(column, overflow="fold")
    for p in points:
        made = []
        for e in p.events:
            code = f"{e.cameo} {names.get(str(e.cameo), '')}".strip()
            sentence = " ".join((e.best_sentence or "").split())
            sentence = sentence if len(sentence) <= 90 else sentence[:89] + "…"
            made.append(
                f"{e.cluster_id}: {e.day} {e.source_actor or '-'} → {e.target_actor or '-'} "
                f"{code}, {e.n_articles} art. ({e.best_article_id}/{e.best_event_id}) {sentence}"
            )
        out.add_row(
            f"{p.period} (from {p.previous})",
            p.direction,
            f"{p.goldstein_change:+.2f}",
            f"{p.conflict_share_change:+.3f}",
            "\n".join(made) or "-",
        )
    console.print(out)
