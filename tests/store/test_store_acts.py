"""A quote marked ``act`` (a stance or act, "praised the accord", not something said) in the
store: its column, the quotes query and its ``--statements-only``, the exports, re-ingest,
and the migration of a store made before the column (schema 4)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import duckdb
import pytest

from parley.config import Config
from parley.store.schema import SCHEMA_VERSION, open_store
from tests.store.conftest import analysis, dump, run_main

# Original text written for this test: a statement (q1) and an act (q2) of the same speaker.
TEXT = "Ann said we will talk. Ann praised the fishing accord on Monday."


def _with_act(aid: str) -> dict[str, Any]:
    data = analysis(aid, TEXT, "2031-03-02", [])
    data["quotes"][0].update(start=10, end=22, fragments=[[10, 22]])
    data["quotes"].append({
        "id": "q2", "text": "the fishing accord", "kind": "indirect", "speaker": "e1",
        "speaker_text": "Ann", "speaker_span": [23, 26], "cue": "praised", "cue_span": [27, 34],
        "date": "2031-03-02", "venue": None, "start": 35, "end": 53, "fragments": [[35, 53]],
        "act": True,
    })  # fmt: skip
    return data


def _ingest(db: Path, analyses: list[dict[str, Any]]) -> Path:
    from parley.sources.corpus import StoredAnalysis
    from parley.store.ingest import IngestOptions, ingest_items

    items = [StoredAnalysis("acts.jsonl", n, d) for n, d in enumerate(analyses, 1)]
    ingest_items(items, db, config=Config(), options=IngestOptions())
    return db


def _acts(db: Path) -> list[tuple[str, str, bool]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT article_id, quote_id, act FROM quotes ORDER BY article_id, quote_id"
        ).fetchall()
    finally:
        con.close()
    return [(a, q, act) for a, q, act in rows]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return _ingest(tmp_path / "acts.duckdb", [_with_act("b1")])


def test_store_acts_column_holds_the_mark(store: Path) -> None:
    assert _acts(store) == [("b1", "q1", False), ("b1", "q2", True)]


def test_store_acts_reingest_is_idempotent(store: Path) -> None:
    before = dump(store)
    _ingest(store, [_with_act("b1")])
    assert dump(store) == before


def test_store_acts_quotes_query_marks_and_filters(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_main(["quotes", "--db", str(store), "-f", "jsonl"], capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [(r["id"], r["act"]) for r in rows] == [("q1", False), ("q2", True)]
    _, out, _ = run_main(["quotes", "--db", str(store), "-f", "jsonl", "--statements-only"],
                         capsys)  # fmt: skip
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["q1"]
    _, out, _ = run_main(["quotes", "--db", str(store), "-f", "csv"], capsys)
    assert [r["act"] for r in csv.DictReader(out.splitlines())] == ["False", "True"]
    _, out, _ = run_main(["quotes", "--db", str(store)], capsys)
    cells = {line.split("│")[-2].strip(): line.split("│")[-3].strip()
             for line in out.splitlines() if line.count("│") > 3}  # fmt: skip
    assert cells["we will talk"] == "" and cells["the fishing accord"] == "act"


def test_store_acts_exports_carry_the_mark(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "csv"
    out.mkdir()
    code, _, _ = run_main(["export", "--db", str(store), "-f", "csv", "-o", str(out)], capsys)
    rows = list(csv.DictReader((out / "quotes.csv").read_text("utf-8").splitlines()))
    assert code == 0 and [(r["quote_id"], r["act"]) for r in rows] == [
        ("q1", "false"), ("q2", "true"),
    ]  # fmt: skip
    lines = tmp_path / "export.jsonl"
    run_main(["export", "--db", str(store), "-f", "jsonl", "-o", str(lines)], capsys)
    quotes = json.loads(lines.read_text("utf-8").splitlines()[0])["quotes"]
    assert [q.get("act", False) for q in quotes] == [False, True]
    fresh = tmp_path / "fresh.duckdb"
    code, _, _ = run_main(["ingest", str(lines), "--db", str(fresh)], capsys)
    assert code == 0 and dump(fresh) == dump(store)


def _as_schema_4(db: Path, *, keep_mark_in_analysis: bool) -> None:
    """The store as a Parley of schema 4 left it: no ``act`` column (and, for analyses made
    before the mark existed, no ``act`` in the stored analysis either)."""
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE quotes DROP COLUMN act")
    if not keep_mark_in_analysis:
        rows = con.execute("SELECT article_id, analysis FROM articles").fetchall()
        for aid, text in rows:
            data = json.loads(text)
            for quote in data["quotes"]:
                quote.pop("act", None)
            con.execute("UPDATE articles SET analysis = ? WHERE article_id = ?",
                        [json.dumps(data, ensure_ascii=False), aid])  # fmt: skip
    con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    con.close()


@pytest.mark.parametrize("keep", [False, True])
def test_store_acts_migration_from_schema_4(store: Path, keep: bool) -> None:
    before = {t: rows for t, rows in dump(store).items() if t not in ("quotes", "articles")}
    _as_schema_4(store, keep_mark_in_analysis=keep)
    con = open_store(store)  # schema 4 -> the current one
    version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    columns = [r[0] for r in con.execute("DESCRIBE quotes").fetchall()]
    count = con.execute("SELECT count(*) FROM quotes").fetchone()
    con.close()
    assert version == (str(SCHEMA_VERSION),) and SCHEMA_VERSION >= 5
    assert columns[-1] == "act" and count == (2,)
    # Old analyses hold no mark: every quote a statement; a mark the analysis kept is kept.
    assert _acts(store) == [("b1", "q1", False), ("b1", "q2", keep)]
    after = {t: rows for t, rows in dump(store).items() if t not in ("quotes", "articles")}
    assert after == before
    _ingest(store, [_with_act("b2")])  # the migrated store takes new rows as a new one does
    assert _acts(store)[2:] == [("b2", "q1", False), ("b2", "q2", True)]


def test_store_acts_fresh_store_has_the_migrated_column_order(tmp_path: Path) -> None:
    from parley.store.rows import QUOTE_COLUMNS

    con = open_store(tmp_path / "new.duckdb")
    columns = tuple(r[0] for r in con.execute("DESCRIBE quotes").fetchall())
    con.close()
    assert columns == QUOTE_COLUMNS and columns[-1] == "act"


def test_store_acts_attach_of_a_schema_4_output(store: Path, tmp_path: Path) -> None:
    """A Spark output written before the column (schema 4) attaches, every quote a
    statement; an older one is refused."""
    from parley.store.attach import attach_parquet
    from parley.store.schema import StoreError
    from tests.store.test_store_attach import as_parquet

    old = tmp_path / "old.duckdb"
    old.write_bytes(store.read_bytes())
    _as_schema_4(old, keep_mark_in_analysis=True)
    out = as_parquet(old, tmp_path / "out")
    attached = tmp_path / "attached.duckdb"
    attach_parquet(out, attached)
    assert _acts(attached) == [("b1", "q1", False), ("b1", "q2", False)]
    expected = {t: rows for t, rows in dump(store).items() if t != "quotes"}
    assert {t: rows for t, rows in dump(attached).items() if t != "quotes"} == expected
    meta = duckdb.connect()
    meta.execute(f"COPY (SELECT 'schema_version' AS key, '3' AS value)"
                 f" TO '{out / 'meta' / 'part-0.parquet'}' (FORMAT parquet)")  # fmt: skip
    meta.close()
    refused = f"schema version 3, this Parley reads 4 to {SCHEMA_VERSION}"
    with pytest.raises(StoreError, match=refused):
        attach_parquet(out, tmp_path / "refused.duckdb")
