"""Where an event happened in the store: ``events.location`` and ``location_text``, the
migration of a store made before them (schema 5), and event clusters that keep apart two
acts in two countries."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import duckdb
import pytest

from parley.store.export import GDELT_COLUMNS
from parley.store.rows import EVENT_COLUMNS
from parley.store.schema import SCHEMA_VERSION, open_store
from tests.store.conftest import dump, run_main
from tests.store.test_store_clusters import article, ev, store, together

# Two places of two countries, written for these tests.
PLACES = {"Valmora": "RUR", "Ostrel": "FRE"}


def _placed(aid: str, place: str | None) -> dict[str, Any]:
    """A report of one visit on one day, made in ``place`` (None: the report names none)."""
    event = ev("v1", "RURGOV", "FREGOV", "042", "2031-05-02")
    data = article(aid, "2031-05-02", [event])
    if place is not None:
        data["entities"].append({
            "id": "e3", "name": place, "kind": "location", "actor": PLACES[place],
            "country": PLACES[place], "roles": [], "affiliation": None,
            "mentions": [{"start": 0, "end": 6, "text": place}],
        })  # fmt: skip
        event.update(location="e3", location_text=place)
    return data


def _locations(db: Path) -> list[tuple[str, str, str | None, str | None]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT article_id, event_id, location, location_text FROM events ORDER BY ALL"
        ).fetchall()
    finally:
        con.close()


def test_store_location_columns_hold_the_place(tmp_path: Path) -> None:
    db = store(tmp_path, [_placed("a1", "Valmora"), _placed("a2", None)])
    assert _locations(db) == [("a1", "v1", "e3", "Valmora"), ("a2", "v1", None, None)]


def test_store_location_fresh_store_has_the_migrated_column_order(tmp_path: Path) -> None:
    con = open_store(tmp_path / "new.duckdb")
    columns = tuple(r[0] for r in con.execute("DESCRIBE events").fetchall())
    con.close()
    assert columns == EVENT_COLUMNS and columns[-2:] == ("location", "location_text")


def test_store_location_migration_from_schema_5(tmp_path: Path) -> None:
    db = store(tmp_path, [_placed("a1", "Valmora"), _placed("a2", None)])
    before = {t: rows for t, rows in dump(db).items() if t != "events"}
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE events DROP COLUMN location_text")
    con.execute("ALTER TABLE events DROP COLUMN location")
    con.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    con.close()
    con = open_store(db)  # schema 5 -> the current one, the places read from the analyses
    version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    columns = tuple(r[0] for r in con.execute("DESCRIBE events").fetchall())
    con.close()
    assert version == (str(SCHEMA_VERSION),) and columns == EVENT_COLUMNS
    assert _locations(db) == [("a1", "v1", "e3", "Valmora"), ("a2", "v1", None, None)]
    assert {t: rows for t, rows in dump(db).items() if t != "events"} == before


def test_store_location_keeps_apart_acts_in_two_countries(tmp_path: Path) -> None:
    db = store(tmp_path, [
        _placed("a1", "Valmora"), _placed("a2", "Valmora"), _placed("a3", "Ostrel"),
        _placed("a4", None),
    ])  # fmt: skip
    # One visit to Valmora told twice is one event; a visit to Ostrel that day is another; a
    # report that names no place may be either (it joins the first).
    assert together(db, ("a1", "v1"), ("a2", "v1"), ("a4", "v1"))
    assert not together(db, ("a1", "v1"), ("a3", "v1"))


def test_store_location_in_the_gdelt_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = store(tmp_path, [_placed("a1", "Valmora"), _placed("a2", None)])
    out = tmp_path / "events.tsv"
    code, _, _ = run_main(["export", "--db", str(db), "-f", "gdelt", "-o", str(out)], capsys)
    rows = list(csv.reader(out.open(encoding="utf-8"), delimiter="\t"))
    geo = GDELT_COLUMNS.index("ActionGeo_Type")
    # A city by name (no gazetteer: no type, FIPS code or coordinates); no place, no name.
    assert code == 0 and [r[geo : geo + 3] for r in rows] == [["", "Valmora", ""], ["", "", ""]]


def test_store_location_in_the_events_query(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = store(tmp_path, [_placed("a1", "Valmora"), _placed("a2", None)])
    code, out, _ = run_main(["events", "--db", str(db), "-f", "jsonl"], capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    places = sorted((r["article_id"], r["location"], r["location_text"]) for r in rows)
    assert code == 0 and places == [("a1", "e3", "Valmora"), ("a2", None, None)]
