"""The query commands over a store built from hand-written analyses (no model needed)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.store.conftest import run_main


@pytest.fixture(scope="module")
def store(hand_store: Path) -> Path:
    return hand_store


def jsonl(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def test_store_events_dyad_either_direction(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_main(
        ["events", "--db", str(store), "--dyad", "prk:usa", "-f", "jsonl"], capsys
    )
    rows = jsonl(out)
    assert code == 0
    assert [(r["article_id"], r["id"]) for r in rows] == [("a1", "v1"), ("a1", "v2"), ("a1", "v3")]
    first = rows[0]
    assert (first["start"], first["end"], first["trigger"], first["cameo"]) == (0, 2, [0, 1], "040")


def test_store_events_filters(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def ids(*args: str) -> list[str]:
        _, out, _ = run_main(["events", "--db", str(store), "-f", "jsonl", *args], capsys)
        return [f"{r['article_id']}/{r['id']}" for r in jsonl(out)]

    assert ids("--root", "04") == ["a1/v1"]
    assert ids("--plover", "support") == ["a3/v1"]
    assert ids("--source", "PRK") == ["a1/v2"]
    assert ids("--modality", "hypothetical") == ["a1/v3"]
    assert ids("--since", "2031-01-06", "--until", "2031-01-31") == ["a1/v2", "a3/v1"]
    assert ids("--text", "border ENVOYS") == ["a1/v1"]
    assert ids("--root", "04", "--include-duplicates") == ["a1/v1", "a2/v1"]
    assert ids("--limit", "1") == ["a1/v1"]


def test_store_events_table_names_cameo_codes(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_main(["events", "--db", str(store), "--root", "04"], capsys)
    assert code == 0 and "040" in out and "consult" in out.lower() and "text" in out


def test_store_timeline_counts_asserted_once(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["timeline", "--db", str(store), "--dyad", "USA:PRK", "--by", "month", "-f", "csv"]
    code, out, _ = run_main(args, capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    # January: v1 (verbal coop) and v2 (verbal conflict); the re-post and the hypothetical
    # February event are left out.
    assert rows == [{
        "period": "2031-01-01", "verbal_coop": "1", "material_coop": "0",
        "verbal_conflict": "1", "material_conflict": "0", "events": "2", "mean_goldstein": "-0.5",
    }]  # fmt: skip


def test_store_quotes_actors_failures(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_main(["quotes", "--db", str(store), "--speaker", "ann", "-f", "jsonl"], capsys)
    rows = jsonl(out)
    assert [(r["article_id"], r["speaker_name"], r["speaker_actor"]) for r in rows] == [
        ("a1", "Ann Example", "USAGOV"), ("a3", "Ann Example", "USAGOV"),
    ]  # fmt: skip
    _, out, _ = run_main(["actors", "--db", str(store), "-f", "jsonl"], capsys)
    assert [(r["actor"], r["articles"]) for r in jsonl(out)] == [("USAGOV", 2)]
    code, out, _ = run_main(["failures", "--db", str(store), "-f", "csv"], capsys)
    assert code == 0 and out.splitlines() == [
        "source,position,record_id,stage,code,message,failed_at"
    ]


def test_store_sql_is_read_only(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_main(["sql", "SELECT count(*) AS n FROM events", "--db", str(store),
                             "-f", "csv"], capsys)  # fmt: skip
    assert (code, out.split()) == (0, ["n", "5"])
    code, _, err = run_main(["sql", "DELETE FROM events", "--db", str(store)], capsys)
    assert code == 2 and "read-only" in err
    code, _, err = run_main(["sql", "COPY events TO 'x.csv'", "--db", str(store)], capsys)
    assert code == 2 and "disabled" in err


def test_store_query_without_a_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_main(["events", "--db", str(tmp_path / "none.duckdb")], capsys)
    assert code == 2 and "no store at" in err


def test_store_repost_is_flagged_with_its_events(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    query = (
        "SELECT a.article_id, a.duplicate_of, bool_and(e.duplicate) FROM articles a"
        " JOIN events e USING (article_id) GROUP BY ALL ORDER BY 1"
    )
    _, out, _ = run_main(["sql", query, "--db", str(store), "-f", "csv"], capsys)
    assert out.splitlines()[1:] == ["a1,,False", "a2,a1,True", "a3,,False"]
