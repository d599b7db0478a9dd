"""Exports: the JSON Lines round trip, Parquet and CSV per table, and GDELT 2.0 rows."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from tests.store.conftest import dump, run_main

TABLES = (
    "articles", "entities", "mentions", "timexes", "quotes", "events", "stances", "failures",
    "runs",
)  # fmt: skip


def test_store_jsonl_export_ingests_into_the_same_rows(
    hand_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "export.jsonl"
    code, _, err = run_main(["export", "--db", str(hand_store), "-f", "jsonl", "-o", str(out)],
                            capsys)  # fmt: skip
    assert code == 0 and "exported 3 rows" in err
    fresh = tmp_path / "fresh.duckdb"
    code, _, _ = run_main(["ingest", str(out), "--db", str(fresh)], capsys)
    assert code == 0
    assert dump(fresh) == dump(hand_store)


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_store_table_exports_write_one_file_per_table(
    hand_store: Path, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / fmt
    out.mkdir()
    (out / "stale.txt").write_text("replaced by the export")
    code, _, _ = run_main(["export", "--db", str(hand_store), "-f", fmt, "-o", str(out)], capsys)
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.{fmt}" for t in TABLES)
    reader = "read_parquet" if fmt == "parquet" else "read_csv"
    row = duckdb.sql(f"SELECT count(*) FROM {reader}('{out / ('events.' + fmt)}')").fetchone()
    assert row == (5,)


def test_store_gdelt_export_has_61_typed_columns(
    hand_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "events.gdelt.tsv"
    code, _, _ = run_main(
        ["export", "--db", str(hand_store), "-f", "gdelt", "-o", str(out)], capsys
    )
    assert code == 0
    rows = list(csv.reader(out.open(encoding="utf-8"), delimiter="\t"))
    # Asserted events of original articles only: a1/v1, a1/v2, a3/v1.
    assert len(rows) == 3 and {len(r) for r in rows} == {61}
    first = rows[0]
    assert int(first[0]) > 0 and len({r[0] for r in rows}) == 3  # GLOBALEVENTID
    assert (first[1], first[2], first[3]) == ("20310105", "203101", "2031")
    assert float(first[4]) == pytest.approx(2031.011, abs=1e-3)  # FractionDate
    assert (first[5], first[6], first[7], first[12]) == ("USAGOV", "ANN EXAMPLE", "USA", "")
    assert (first[26], first[27], first[28], first[29]) == ("040", "040", "04", "1")
    assert float(first[30]) == 1.0
    # NumMentions, NumSources, NumArticles: a1 and its re-post, neither with a web host.
    assert (first[31], first[32], first[33]) == ("2", "1", "2")
    assert len(first[59]) == 14 and first[59].isdigit()  # DATEADDED
    again = tmp_path / "again.tsv"
    run_main(["export", "--db", str(hand_store), "-f", "gdelt", "-o", str(again)], capsys)
    assert again.read_text() == out.read_text()  # stable ids, stable order


def test_store_malformed_analysis_line_is_a_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.store.conftest import hand_analyses, write_jsonl

    good = hand_analyses()[2]
    broken = {**good, "article": {**good["article"], "id": "b1"}, "events": [{"id": "v1"}]}
    path = write_jsonl(tmp_path / "mixed.jsonl", [good, broken, {"schema": "parley.analysis/1"}])
    db = tmp_path / "s.duckdb"
    code, _, err = run_main(["ingest", str(path), "--db", str(db)], capsys)
    assert code == 2 and "ingested 1" in err and "failed 2" in err
