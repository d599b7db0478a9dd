"""Fixtures of the store's tests: a tiny corpus written for them, and one pipeline per
session (the model loads once)."""

from __future__ import annotations

import json
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
                      "stances", "failures", "event_months"):  # fmt: skip
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
            # Sums (the monthly rollup's) may add in another order: equal to 9 places.
            rows = [tuple(round(v, 9) if isinstance(v, float) else v for v in r) for r in rows]
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def parley_command(*args: str) -> list[str]:
    """The ``parley`` command of this interpreter, as a real subprocess runs it."""
    return [sys.executable, "-c", "from parley.cli import main; main()", *args]


def run_main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``parley ARGV`` in this process (the session's pipeline is reused)."""
    from parley.cli import main

    with pytest.raises(SystemExit) as done:
        main(argv)
    out, err = capsys.readouterr()
    code = done.value.code
    return (code if isinstance(code, int) else 0), out, err


def event(eid: str, source: str, target: str, cameo: str, day: str, **more: Any) -> dict[str, Any]:
    quad = {"01": 1, "04": 1, "05": 1, "06": 2, "11": 3, "14": 4, "19": 4}[cameo[:2]]
    return {
        "id": eid, "source": "e1", "source_actor": source, "target": "e2", "target_actor": target,
        "cameo": cameo, "plover": more.get("plover", "CONSULT"), "goldstein": more.get("g", 1.0),
        "quad_class": quad, "date": day, "date_source": "text",
        "modality": more.get("modality", "asserted"), "sentence": more.get("sentence", "S."),
        "start": 0, "end": 2, "trigger": [0, 1], "confidence": 0.9,
    }  # fmt: skip


def analysis(aid: str, text: str, day: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    article = {
        "id": aid, "source": "hand", "title": f"Article {aid}", "subtitle": None, "genre": None,
        "published": day, "modified": None, "authors": [], "publisher": None, "language": "en",
        "captions": [], "headings": [], "text": text, "url": None, "format": "text",
        "published_source": "given",
    }  # fmt: skip
    entities = [
        {"id": "e1", "name": "Ann Example", "kind": "person", "actor": "USAGOV", "country": "USA",
         "roles": [], "affiliation": None, "mentions": [{"start": 0, "end": 3, "text": "Ann"}]},
    ]  # fmt: skip
    quotes = [
        {"id": "q1", "text": "we will talk", "kind": "direct", "speaker": "e1",
         "speaker_text": "Ann", "speaker_span": [0, 3], "cue": "said", "cue_span": [4, 8],
         "date": day, "venue": None, "start": 10, "end": 22, "fragments": [[10, 22]]},
    ]  # fmt: skip
    return {
        "schema": "parley.analysis/1", "article": article, "entities": entities, "timexes": [],
        "quotes": quotes, "events": events, "stances": [], "warnings": [],
    }  # fmt: skip


STORY = "Envoys from the two capitals met on the border and agreed to hold talks on fishing rights."


def hand_analyses() -> list[dict[str, Any]]:
    """Three hand-written analyses: a1 with three events, a2 a re-post of a1, a3 apart."""
    return [
        analysis("a1", STORY, "2031-01-05", [
            event("v1", "USAGOV", "PRK", "040", "2031-01-05", sentence="Envoys met on the border."),
            event("v2", "PRK", "USA", "111", "2031-01-06", g=-2.0),
            event("v3", "USA", "PRK", "190", "2031-02-01", modality="hypothetical", g=-10.0),
        ]),
        # A re-post of the same story: its event must not be counted twice.
        analysis("a2", STORY, "2031-01-05", [event("v1", "USAGOV", "PRK", "040", "2031-01-05")]),
        analysis("a3", "Other news about the weather in the south of the country today.",
                 "2031-01-07", [event("v1", "CHN", "JPN", "057", "2031-01-07", plover="SUPPORT")]),
    ]  # fmt: skip


@pytest.fixture(scope="session")
def hand_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of ``hand_analyses()``, built without the model."""
    from parley.sources.corpus import StoredAnalysis
    from parley.store.ingest import IngestOptions, ingest_items

    db = tmp_path_factory.mktemp("hand") / "hand.duckdb"
    items = [StoredAnalysis("hand.jsonl", n, d) for n, d in enumerate(hand_analyses(), 1)]
    ingest_items(items, db, config=Config(), options=IngestOptions())
    return db


@pytest.fixture(scope="session")
def pipeline() -> Iterator[Pipeline]:
    """The default pipeline, which ``parley ingest`` run in this process uses too."""
    yield default_pipeline(Config())
