"""Query results on standard output: a Rich table for a person, CSV or JSON Lines for tools.

Tables show a chosen few columns (CAMEO names beside the codes, the date's source); CSV and
JSON Lines carry every column. JSON Lines rows use the contract's names (``start``, ``end``,
``trigger`` as ``[start, end]``) plus ``article_id``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parley.store.queries import Table

__all__ = ["OutputFormat", "cameo_names", "render"]

# The CAMEO code names are the events stage's data file; read here as data, so the query
# commands never import a stage.
CAMEO_FILE = Path(__file__).resolve().parents[1] / "events" / "data" / "cameo_codes.tsv"
TEXT_WIDTH = 70


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


def cameo_names() -> dict[str, str]:
    from parley.datafiles import read_rows

    if not CAMEO_FILE.is_file():
        return {}
    return {row.fields[0]: row.fields[2] for row in read_rows(CAMEO_FILE, at_least=3)}


def render(table: Table, fmt: OutputFormat, view: str | None = None) -> None:
    """Print ``table`` in ``fmt``; ``view`` picks the table layout of a query."""
    if fmt is OutputFormat.jsonl:
        for row in table.rows:
            sys.stdout.write(json.dumps(_record(table.columns, row), ensure_ascii=False) + "\n")
    elif fmt is OutputFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(table.columns)
        writer.writerows([[_cell(v) for v in row] for row in table.rows])
    else:
        _rich(table, view)


def _record(columns: Sequence[str], row: Sequence[Any]) -> dict[str, Any]:
    out = {name: _plain(value) for name, value in zip(columns, row, strict=True)}
    if "trigger_start" in out and "trigger_end" in out:
        start, end = out.pop("trigger_start"), out.pop("trigger_end")
        out["trigger"] = [start, end] if start is not None else None
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(_plain(value))


# Which columns a person sees per query, and how each is shown.
VIEWS: dict[str, tuple[str, ...]] = {
    "events": ("date", "date_source", "source_actor", "cameo", "plover", "target_actor",
               "modality", "goldstein", "sentence"),
    "quotes": ("date", "published_day", "speaker_actor", "speaker_text", "cue", "kind", "act",
               "text"),
    "stances": ("date", "actor_code", "actor_name", "issue", "position", "mode", "basis",
                "sentence"),
    "stance_periods": ("period", "actor", "issue", "position", "stances", "articles",
                       "strongest_actor", "strongest"),
}  # fmt: skip


def _rich(table: Table, view: str | None) -> None:
    from rich.console import Console
    from rich.table import Table as RichTable

    columns = [c for c in VIEWS.get(view or "", ()) if c in table.columns] or table.columns
    index = {name: table.columns.index(name) for name in columns}
    names = cameo_names() if "cameo" in columns else {}
    out = RichTable(show_lines=False, header_style="bold")
    for name in columns:
        out.add_column(name, overflow="fold")
    for row in table.rows:
        cells = []
        for name in columns:
            value = row[index[name]]
            if name == "cameo" and value:
                cells.append(f"{value} {names.get(str(value), '')}".strip())
            elif name == "act":
                cells.append("act" if value else "")  # a stance or act, not a statement
            elif name in ("sentence", "text") and isinstance(value, str):
                cells.append(_short(value))
            elif name == "source_actor" or name == "target_actor":
                side = name.split("_")[0]
                written = (
                    row[table.columns.index(f"{side}_text")]
                    if f"{side}_text" in table.columns
                    else None
                )
                cells.append(f"{value or '-'}" + (f" ({_short(written, 30)})" if written else ""))
            else:
                cells.append(_cell(value))
        out.add_row(*cells)
    # Piped into a file or a pager, a table is read wide rather than at 80 columns.
    console = Console(soft_wrap=False)
    if not console.is_terminal:
        console = Console(soft_wrap=False, width=200)
    console.print(out)
    console.print(f"{len(table.rows):,} rows", style="dim")


def _short(text: str, width: int = TEXT_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
