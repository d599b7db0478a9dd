"""Fixtures of the store's tests: a tiny corpus written for them, and one pipeline per
session (the model loads once)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from parley.config import Config
from parley.pipeline import Pipeline, default_pipeline

# Original short stories, written for these tests (not taken from any corpus).
STORIES = (
    "The foreign minister of Norway met his Japanese counterpart in Oslo on Monday. The two "
    "ministers discussed fishing quotas in the Barents Sea and agreed to meet again in March.",
    "Chile recalled its ambassador to Peru on Tuesday after a dispute over a border crossing. "
    "A spokesman for the Chilean government said the recall was temporary.",
    "Kenya and Tanzania signed a trade agreement in Nairobi on Wednesday. President Ruto "
    "praised the deal as a step toward a common market.",
    "The United Nations Security Council condemned the missile launch on Thursday. Diplomats "
    "said a new resolution could be put to a vote next week.",
    "Germany pledged 40 million euros in aid to flood victims in Pakistan. The German "
    "development minister announced the pledge in Berlin on Friday.",
    "Protesters gathered outside the parliament in Lima on Saturday to demand early elections. "
    "Police said the march was peaceful.",
    "Canada and Denmark settled their long dispute over Hans Island on Sunday, dividing the "
    "small island between them. Both governments welcomed the settlement.",
    "India accused Pakistan of violating the ceasefire along the Line of Control. An Indian "
    "army officer said two soldiers were wounded in the shelling.",
)


def records(count: int, start: int = 1) -> list[dict[str, Any]]:
    """``count`` corpus records cycling through the stories, each made distinct."""
    out = []
    for n in range(start, start + count):
        story = STORIES[(n - 1) % len(STORIES)]
        out.append({
            "id": f"story-{n}",
            "date": f"2031-05-{(n - 1) % 28 + 1:02d}",
            "title": f"Story number {n}",
            "url": f"https://news.example.org/{n}",
            "text": f"{story} This was report number {n} of the day.",
            "desk": "world",
        })  # fmt: skip
    return out


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    lines = [row if isinstance(row, str) else json.dumps(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


VOLATILE = {"run_id", "ingested_at", "failed_at"}  # differ between runs by design


def dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row but the volatile columns, sorted: equal dumps mean equal stores."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in ("articles", "entities", "mentions", "timexes", "quotes", "events",
                      "failures"):  # fmt: skip
            columns = [
                row[0]
                for row in con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
                    " ORDER BY ordinal_position",
                    [table],
                ).fetchall()
                if row[0] not in VOLATILE
            ]
            names = ", ".join(columns)
            rows = con.execute(f"SELECT {names} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def parley_command(*args: str) -> list[str]:
    """The ``parley`` command of this interpreter, as a real subprocess runs it."""
    return [sys.executable, "-c", "from parley.cli import main; main()", *args]


def run_parley(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PARLEY_PROGRESS_SECONDS": "0"}
    return subprocess.run(
        parley_command(*args), capture_output=True, text=True, timeout=timeout, env=env,
        check=False,
    )  # fmt: skip


def run_main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``parley ARGV`` in this process (the session's pipeline is reused)."""
    from parley.cli import main

    with pytest.raises(SystemExit) as done:
        main(argv)
    out, err = capsys.readouterr()
    code = done.value.code
    return (code if isinstance(code, int) else 0), out, err


@pytest.fixture(scope="session")
def pipeline() -> Iterator[Pipeline]:
    """The default pipeline, which ``parley ingest`` run in this process uses too."""
    yield default_pipeline(Config())
