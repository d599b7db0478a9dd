"""The stances table: rows from analyses, the migration that adds it, ``parley stances``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pytest

from parley.config import Config
from parley.store.rows import STANCE_COLUMNS
from parley.store.schema import SCHEMA_VERSION, open_store
from tests.store.conftest import STORY, analysis, event, run_main

# The columns the brief writer and the dashboard read, in this order.
BRIEF_COLUMNS = (
    "article_id", "stance_id", "actor", "actor_code", "actor_name", "issue", "position",
    "evidence", "quote_id", "event_id", "sentence", "start_char", "end_char", "speaker_role",
    "date", "day", "duplicate",
)  # fmt: skip


def stance(sid: str, code: str, position: str, date: str, **more: Any) -> dict[str, Any]:
    return {
        "id": sid, "actor": more.get("actor", "e1"), "actor_code": code,
        "actor_name": more.get("name", "Ann Example"), "issue": more.get("issue", "sanctions"),
        "position": position, "mode": more.get("mode", "statement"),
        "evidence": more.get("evidence", ["q1", "v1"]), "sentence": more.get("sentence", STORY),
        "start": 0, "end": len(STORY), "cue": [0, 3], "condition": None,
        "condition_issue": None, "speaker_role": "envoy", "date": date, "modality": "asserted",
        "reported_by": None, "basis": more.get("basis", "text"),
        "confidence": more.get("confidence", 0.6),
    }  # fmt: skip


def analyses() -> list[dict[str, Any]]:
    a1 = analysis("a1", STORY, "2031-01-05", [event("v1", "USAGOV", "PRK", "040", "2031-01-05")])
    a1["stances"] = [
        stance("s1", "USAGOV", "support", "2031-01-05", confidence=0.7),
        stance("s2", "PRK", "oppose", "2031-01-06", name="North Korea", evidence=["v1"],
               sentence="North Korea wants them eased."),
        stance("s3", "PRKGOV", "oppose", "2031-01", name="Foreign Ministry", basis="context",
               confidence=0.3, evidence=["q1"]),
    ]  # fmt: skip
    a2 = json.loads(json.dumps(a1))  # a re-post of a1: its stances must not count twice
    a2["article"]["id"] = "a2"
    a3 = analysis("a3", "Other news about the weather in the south of the country today.",
                  "2031-02-07", [])  # fmt: skip
    a3["stances"] = [stance("s1", "PRK", "oppose", "2031-02-07", confidence=0.8, evidence=[])]
    return [a1, a2, a3]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from parley.sources.corpus import StoredAnalysis
    from parley.store.ingest import IngestOptions, ingest_items

    db = tmp_path_factory.mktemp("stances") / "s.duckdb"
    items = [StoredAnalysis("hand.jsonl", n, d) for n, d in enumerate(analyses(), 1)]
    ingest_items(items, db, config=Config(), options=IngestOptions())
    return db


def _jsonl(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_store_stances_columns_keep_the_agreed_names(store: Path) -> None:
    assert STANCE_COLUMNS[: len(BRIEF_COLUMNS)] == BRIEF_COLUMNS
    con = duckdb.connect(str(store), read_only=True)
    names = [r[0] for r in con.execute("DESCRIBE stances").fetchall()]
    rows = con.execute(
        "SELECT article_id, stance_id, evidence, quote_id, event_id, day, duplicate"
        " FROM stances ORDER BY article_id, stance_id"
    ).fetchall()
    con.close()
    assert tuple(names[: len(BRIEF_COLUMNS)]) == BRIEF_COLUMNS
    first = rows[0]
    assert first[:5] == ("a1", "s1", ["q1", "v1"], "q1", "v1")
    assert str(first[5]) == "2031-01-05" and first[6] is False
    # A month-only date falls back to the article's publication day.
    s3 = next(r for r in rows if r[:2] == ("a1", "s3"))
    assert str(s3[5]) == "2031-01-05"
    assert {r[0] for r in rows if r[6]} == {"a2"}  # the re-post is flagged


def test_store_stances_by_month(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["stances", "--db", str(store), "--actor", "PRK", "--issue", "sanctions",
            "--by", "month", "-f", "jsonl"]  # fmt: skip
    code, out, _ = run_main(argv, capsys)
    assert code == 0
    rows = _jsonl(out)
    assert [
        (r["period"], r["actor"], r["position"], r["stances"], r["articles"]) for r in rows
    ] == [
        ("2031-01-01", "PRK", "oppose", 2, 1),
        ("2031-02-01", "PRK", "oppose", 1, 1),
    ]
    assert rows[0]["strongest"] == "North Korea wants them eased."
    assert rows[0]["strongest_stance"] == "s2" and rows[0]["from_context"] == 1


def test_store_stances_by_code_and_duplicates(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["stances", "--db", str(store), "--by", "year", "--level", "code", "-f", "jsonl"]
    rows = _jsonl(run_main(argv, capsys)[1])
    cells = {(r["actor"], r["position"]): r["stances"] for r in rows}
    assert cells == {("PRK", "oppose"): 2, ("PRKGOV", "oppose"): 1, ("USAGOV", "support"): 1}
    every = _jsonl(run_main([*argv, "--include-duplicates"], capsys)[1])
    assert sum(r["stances"] for r in every) == 7


def test_store_stances_rows_and_filters(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["stances", "--db", str(store), "--position", "oppose", "--basis", "text",
            "--since", "2031-01-06", "-f", "jsonl"]  # fmt: skip
    rows = _jsonl(run_main(argv, capsys)[1])
    assert [(r["article_id"], r["id"], r["date"]) for r in rows] == [
        ("a1", "s2", "2031-01-06"),
        ("a3", "s1", "2031-02-07"),
    ]
    assert rows[0]["evidence"] == ["v1"] and rows[0]["start"] == 0
    code, table, _ = run_main(["stances", "--db", str(store)], capsys)
    assert code == 0 and "North Korea wants them eased." in table


@pytest.mark.parametrize(
    "option", [["--position", "maybe"], ["--basis", "hunch"], ["--level", "region"]]
)
def test_store_stances_bad_options_are_refused(
    store: Path, capsys: pytest.CaptureFixture[str], option: list[str]
) -> None:
    code, _, err = run_main(["stances", "--db", str(store), *option], capsys)
    assert code == 2 and err.startswith("parley: error:")


def test_store_stances_migration_fills_them_from_stored_analyses(
    store: Path, tmp_path: Path
) -> None:
    db = tmp_path / "old.duckdb"
    db.write_bytes(store.read_bytes())
    con = open_store(db)
    before = con.execute("SELECT * FROM stances ORDER BY article_id, stance_id").fetchall()
    con.execute("DROP TABLE stances")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    con = open_store(db)  # version 2 -> the current one
    version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    after = con.execute("SELECT * FROM stances ORDER BY article_id, stance_id").fetchall()
    con.close()
    assert version == (str(SCHEMA_VERSION),)
    assert after == before and len(after) == 7
