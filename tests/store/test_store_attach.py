"""``parley attach``: a folder of Parquet tables in the Spark engine's layout becomes a store
(built here by DuckDB itself, so these tests need neither Spark nor Java)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from parley.store.attach import attach_parquet
from parley.store.schema import StoreError
from tests.store.conftest import dump, run_main

TABLES = ("meta", "runs", "articles", "entities", "mentions", "timexes", "quotes", "events",
          "failures", "event_months")  # fmt: skip
MONTHS = ("articles", "entities", "mentions", "timexes", "quotes", "events")


def as_parquet(db: Path, out: Path) -> Path:
    """The store's tables written as the Spark engine writes them: one folder per table, the
    article tables partitioned by publication month, Hadoop's marker files beside them."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        for table in TABLES:
            folder = out / table
            folder.mkdir(parents=True)
            (folder / "_SUCCESS").write_bytes(b"")
            if table in MONTHS:
                month = "strftime(a.published_day, '%Y-%m') AS published_month"
                rows = "t.*" if table != "articles" else "a.*"
                join = " t JOIN articles a USING (article_id)" if table != "articles" else " a"
                query = f"SELECT {rows}, {month} FROM {table}{join}"
                options = "FORMAT parquet, PARTITION_BY (published_month)"
                con.execute(f"COPY ({query}) TO '{folder}' ({options}, OVERWRITE_OR_IGNORE)")
            else:
                con.execute(f"COPY {table} TO '{folder / 'part-0.parquet'}' (FORMAT parquet)")
    finally:
        con.close()
    return out


def test_store_attach_imports_every_table(hand_store: Path, tmp_path: Path) -> None:
    out = as_parquet(hand_store, tmp_path / "out")
    counts = attach_parquet(out, tmp_path / "attached.duckdb")
    assert counts["articles"] == 3
    assert dump(tmp_path / "attached.duckdb") == dump(hand_store)


def test_store_attach_cli_then_queries(
    hand_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = as_parquet(hand_store, tmp_path / "out")
    db = tmp_path / "attached.duckdb"
    code, _, err = run_main(["attach", str(out), "--db", str(db)], capsys)
    assert code == 0 and "attached 3 articles" in err
    outputs = []
    for store in (hand_store, db):
        _, printed, _ = run_main(["events", "--db", str(store), "--dyad", "USA:PRK",
                                  "--format", "csv"], capsys)  # fmt: skip
        outputs.append(printed)
    assert outputs[0].count("\n") > 1 and outputs[0] == outputs[1]
    # Attaching again replaces the store attach made.
    assert run_main(["attach", str(out), "--db", str(db)], capsys)[0] == 0


def test_store_attach_refuses_what_is_not_an_output(tmp_path: Path) -> None:
    (tmp_path / "stuff").mkdir()
    with pytest.raises(StoreError, match="not the output of parley ingest --engine spark"):
        attach_parquet(tmp_path / "stuff", tmp_path / "a.duckdb")
    with pytest.raises(StoreError, match="copy the output here first"):
        attach_parquet(Path("hdfs://cluster/parley/out"), tmp_path / "a.duckdb")


def test_store_attach_never_overwrites_an_ingested_store(
    hand_store: Path, tmp_path: Path
) -> None:
    out = as_parquet(hand_store, tmp_path / "out")
    before = hand_store.read_bytes()
    with pytest.raises(StoreError, match="parley attach did not make"):
        attach_parquet(out, hand_store)
    assert hand_store.read_bytes() == before
