"""The query commands over a store built from hand-written analyses (no model needed)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from parley.config import Config
from parley.sources.corpus import StoredAnalysis
from parley.store.ingest import IngestOptions, ingest_items
from tests.store.conftest import run_main


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


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("queries") / "q.duckdb"
    items = [
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
    stored = [StoredAnalysis("hand.jsonl", n, data) for n, data in enumerate(items, start=1)]
    ingest_items(stored, db, config=Config(), options=IngestOptions())
    return db


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
