"""Ingest into the store: every table filled, idempotence, --force, poisoned documents,
and the clear errors for a locked, foreign or newer store."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from parley.config import Config
from parley.pipeline import Pipeline
from parley.sources.corpus import CorpusOptions
from parley.store.ingest import IngestOptions, ingest
from parley.store.schema import StoreError, open_reader, open_store
from tests.store.conftest import dump, records, run_main, write_jsonl


def _ingest(pipeline: Pipeline, db: Path, *specs: Path, force: bool = False):  # type: ignore[no-untyped-def]
    return ingest(
        [str(s) for s in specs], db, config=Config(), corpus=CorpusOptions(),
        options=IngestOptions(force=force, batch_size=4), pipeline=pipeline,
    )  # fmt: skip


def _count(db: Path, table: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0
    finally:
        con.close()


def test_store_ingest_fills_every_table(tmp_path: Path, pipeline: Pipeline) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records(8))
    db = tmp_path / "s.duckdb"
    counts = _ingest(pipeline, db, corpus)
    assert (counts.ingested, counts.failed) == (8, 0)
    for table in ("articles", "entities", "mentions", "timexes", "events"):
        assert _count(db, table) > 0, table
    con = duckdb.connect(str(db), read_only=True)
    row = con.execute(
        "SELECT record_id, title, published, published_day, meta, position, analysis"
        " FROM articles WHERE record_id = 'story-3'"
    ).fetchone()
    con.close()
    assert row is not None
    record_id, title, published, day, meta, position, analysis = row
    assert (record_id, title, position) == ("story-3", "Story number 3", 3)
    assert published.startswith("2031-05-03") and str(day) == "2031-05-03"
    assert json.loads(meta) == {"desk": "world"}
    assert json.loads(analysis)["schema"] == "parley.analysis/1"


def test_store_two_workers_store_what_one_does(tmp_path: Path, pipeline: Pipeline) -> None:
    # Worker processes (parley.workers) rebuild the pipeline from its Config: same rows.
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records(6))
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    _ingest(pipeline, one, corpus)
    counts = ingest(
        [str(corpus)], two, config=Config(), corpus=CorpusOptions(),
        options=IngestOptions(workers=2, batch_size=2),
    )  # fmt: skip
    assert (counts.ingested, counts.failed) == (6, 0)
    assert dump(two) == dump(one)


def test_store_ingest_twice_is_idempotent(tmp_path: Path, pipeline: Pipeline) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records(6))
    db = tmp_path / "s.duckdb"
    _ingest(pipeline, db, corpus)
    before = dump(db)
    again = _ingest(pipeline, db, corpus)
    assert (again.ingested, again.present) == (0, 6)
    assert dump(db) == before


def test_store_force_replaces_without_duplicates(tmp_path: Path, pipeline: Pipeline) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records(4))
    db = tmp_path / "s.duckdb"
    _ingest(pipeline, db, corpus)
    before = dump(db)
    forced = _ingest(pipeline, db, corpus, force=True)
    assert forced.ingested == 4
    after = dump(db)
    # The same rows, stored again after the old ones: only the storage order moved on.
    assert after["articles"] == sorted(((4 + r[0], *r[1:]) for r in before["articles"]), key=repr)
    assert {k: v for k, v in after.items() if k != "articles"} == {
        k: v for k, v in before.items() if k != "articles"
    }


def test_store_poisoned_records_become_failures(tmp_path: Path, pipeline: Pipeline) -> None:
    rows: list[object] = list(records(12))
    rows[2] = "{not json"
    rows[5] = {"id": "no-text", "title": "A record without a body"}
    rows[9] = {"id": "blank", "text": "   "}
    corpus = write_jsonl(tmp_path / "corpus.jsonl", rows)
    db = tmp_path / "s.duckdb"
    counts = _ingest(pipeline, db, corpus)
    assert (counts.ingested, counts.failed) == (9, 3)
    con = duckdb.connect(str(db), read_only=True)
    failed = con.execute("SELECT position, code FROM failures ORDER BY position").fetchall()
    con.close()
    assert failed == [(3, "E100"), (6, "E103"), (10, "E103")]
    # Running again retries the failures: they stay one row each.
    _ingest(pipeline, db, corpus)
    assert _count(db, "failures") == 3 and _count(db, "articles") == 9


def test_store_corrupt_gzip_keeps_what_was_read(tmp_path: Path, pipeline: Pipeline) -> None:
    data = gzip.compress(("\n".join(json.dumps(r) for r in records(3)) + "\n").encode())
    corpus = tmp_path / "cut.jsonl.gz"
    corpus.write_bytes(data[: len(data) - 12])  # the end of the stream is missing
    db = tmp_path / "s.duckdb"
    counts = _ingest(pipeline, db, corpus)
    assert counts.failed == 1 and counts.ingested >= 1


def test_store_second_writer_gets_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "s.duckdb"
    open_store(db).close()
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records(1))
    # Another process holds the store open for writing (plain DuckDB: it starts fast).
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
         "print('open', flush=True); sys.stdin.read()", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        code, _, err = run_main(["ingest", str(corpus), "--db", str(db)], capsys)
    finally:
        holder.communicate("", timeout=30)
    assert code == 2
    assert f"open in another process (process {holder.pid})" in err and "Traceback" not in err


def test_store_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    db = tmp_path / "notes.duckdb"
    db.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a DuckDB database"):
        open_store(db)
    assert db.read_text().startswith("these are my notes")


def test_store_refuses_a_newer_schema(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    open_store(db).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="newer than this Parley"):
        open_store(db)
    with pytest.raises(StoreError, match="newer than this Parley"):
        open_reader(db)


def test_store_cli_exit_code_and_summary(
    tmp_path: Path, pipeline: Pipeline, capsys: pytest.CaptureFixture[str]
) -> None:
    rows: list[object] = [*records(2), "{oops"]
    corpus = write_jsonl(tmp_path / "corpus.jsonl", rows)
    db = str(tmp_path / "s.duckdb")
    code, _, err = run_main(["ingest", str(corpus), "--db", db], capsys)
    assert code == 2, err
    assert "ingested 2, already present 0, near-duplicates 0, failed 1 (E100 x1" in err
    code, _, err = run_main(["ingest", str(corpus), "--db", db, "--quiet"], capsys)
    assert (code, err) == (2, "")
    good = write_jsonl(tmp_path / "good.jsonl", records(2))
    code, _, err = run_main(["ingest", str(good), "--db", db], capsys)
    assert code == 0 and "already present 2" in err


def test_store_ingest_warc_and_url_list(
    tmp_path: Path, pipeline: Pipeline, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from parley.sources import Document
    from tests.store.test_store_sources import PAGE, _warc

    warc = tmp_path / "crawl.warc.gz"
    _warc(warc, True)

    def fake_fetch(url: str, **_: object) -> Document:
        return Document(data=PAGE.replace("border", url).encode(), source=url, url=url,
                        content_type="text/html")  # fmt: skip

    monkeypatch.setattr("parley.sources.web.fetch_url", fake_fetch)
    urls = tmp_path / "urls.txt"
    urls.write_text("# to read\nhttps://news.example/from-list\n")
    db = tmp_path / "s.duckdb"
    code, _, err = run_main(["ingest", str(warc), "--urls", str(urls), "--db", str(db),
                             "--published", "2031-04-01"], capsys)  # fmt: skip
    assert code == 0, err
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT url, position, published_day FROM articles ORDER BY seq").fetchall()
    con.close()
    assert [(u, p) for u, p, _ in rows] == [
        ("https://news.example/0", 1), ("https://news.example/2", 3),
        ("https://news.example/from-list", None),
    ]  # fmt: skip


def test_store_older_schema_is_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from parley.store import schema

    db = tmp_path / "s.duckdb"
    open_store(db).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    con.close()
    steps: list[int] = []
    monkeypatch.setitem(schema.MIGRATIONS, 0, lambda con: steps.append(0))
    open_store(db).close()
    assert steps == [0]
    reader = open_reader(db)
    version = reader.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    reader.close()
    assert version == (str(schema.SCHEMA_VERSION),)
