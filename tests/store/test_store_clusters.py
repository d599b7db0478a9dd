"""Event clusters (parley.store.clusters): which reports merge into one real-world event, the
counts of a cluster, idempotence, the migration from schema 2, and ``parley cluster``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from parley.config import Config
from parley.sources.corpus import StoredAnalysis
from parley.store.clusters import ClusterSettings, merge_events, read_settings
from parley.store.schema import SCHEMA_VERSION, open_store
from tests.store.conftest import analysis, event, run_main


def article(aid: str, day: str, events: list[dict[str, Any]], **more: Any) -> dict[str, Any]:
    """An analysis with its own text (no near-duplicates unless the text is given)."""
    text = more.pop("text", f"Report {aid} on the talks between the two capitals, written apart.")
    data = analysis(aid, text, day, events)
    data["article"].update(more)
    return data


def ev(eid: str, source: str | None, target: str | None, cameo: str, day: str,
       **more: Any) -> dict[str, Any]:  # fmt: skip
    out = event(eid, source or "USA", target or "USA", cameo, day, **more)
    out["source_actor"], out["target_actor"] = source, target
    out["date_source"] = more.get("date_source", "text")
    out["confidence"] = more.get("confidence", 0.9)
    return out


def store(tmp_path: Path, analyses: list[dict[str, Any]], name: str = "c.duckdb") -> Path:
    from parley.store.ingest import IngestOptions, ingest_items

    db = tmp_path / name
    items = [StoredAnalysis("hand.jsonl", n, d) for n, d in enumerate(analyses, 1)]
    ingest_items(items, db, config=Config(), options=IngestOptions())
    return db


def clusters_of(db: Path) -> dict[tuple[str, str], str]:
    """(article, event) -> cluster id."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT article_id, event_id, cluster_id FROM event_cluster_members"
        ).fetchall()
    finally:
        con.close()
    return {(a, e): c for a, e, c in rows}


def together(db: Path, *keys: tuple[str, str]) -> bool:
    of = clusters_of(db)
    return len({of[k] for k in keys}) == 1


def test_clusters_join_reports_of_one_event_and_count_articles(tmp_path: Path) -> None:
    db = store(tmp_path, [
        article("a1", "2031-03-02", [ev("v1", "USAGOV", "PRK", "043", "2031-03-01")],
                publisher="Daily Wire"),
        article("a2", "2031-03-02", [ev("v1", "USAGOV", "PRK", "040", "2031-03-01"),
                                     ev("v2", "USAGOV", "PRK", "040", "2031-03-02")],
                url="https://www.example.org/a2"),
        article("a3", "2031-03-05", [ev("v1", "USAGOV", "PRK", "043", "2031-03-02",
                                        date_source="published", confidence=0.99)],
                url="https://example.org/a3"),
    ])  # fmt: skip
    assert together(db, ("a1", "v1"), ("a2", "v1"), ("a2", "v2"), ("a3", "v1"))
    con = duckdb.connect(str(db), read_only=True)
    row = con.execute(
        "SELECT cameo, root, day, first_day, last_day, n_events, n_articles, n_outlets,"
        " best_article_id, best_event_id, date_source FROM event_clusters"
    ).fetchone()
    con.close()
    assert row is not None
    cameo, root, day, first, last, n_events, n_articles, n_outlets, best_a, best_e, src = row
    assert (cameo, root) == ("043", "04")  # the most specific code of the cluster
    assert str(day) == "2031-03-01" and src == "text"  # the text's day, named most often
    assert (str(first), str(last)) == ("2031-03-01", "2031-03-02")
    assert (n_events, n_articles) == (4, 3)
    assert n_outlets == 2  # "Daily Wire"; example.org (with and without www.)
    assert (best_a, best_e) == ("a3", "v1")  # the most confident report


def test_clusters_cover_every_event_once_and_merge_is_idempotent(tmp_path: Path) -> None:
    db = store(tmp_path, [
        article("a1", "2031-01-05", [ev("v1", "CHN", "JPN", "057", "2031-01-05"),
                                     ev("v2", None, "JPN", "111", "2031-01-05")]),
        article("a2", "2031-01-06", [ev("v1", "JPN", "CHN", "057", "2031-01-05"),
                                     ev("v2", None, "JPN", "111", "2031-01-05")]),
    ])  # fmt: skip
    con = duckdb.connect(str(db))
    first = con.execute("SELECT * FROM event_clusters ORDER BY cluster_id").fetchall()
    members = con.execute("SELECT * FROM event_cluster_members ORDER BY ALL").fetchall()
    assert len(members) == 4 == len({(a, e) for _, a, e in members})
    merge_events(con)
    merge_events(con)
    assert con.execute("SELECT * FROM event_clusters ORDER BY cluster_id").fetchall() == first
    assert con.execute("SELECT * FROM event_cluster_members ORDER BY ALL").fetchall() == members
    con.close()
    # 057 (sign an agreement) is symmetric: either order is one act. An unknown source is
    # nobody in particular: its events stay alone.
    assert together(db, ("a1", "v1"), ("a2", "v1"))
    assert not together(db, ("a1", "v2"), ("a2", "v2"))


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        # (cameo, source, target, day, date source) of two reports in two articles
        (("111", "USA", "PRK", "2031-04-01", "text"), ("111", "PRK", "USA", "2031-04-01", "text"),
         False),  # a directed act reversed is another act
        (("111", "USA", "PRK", "2031-04-01", "text"), ("111", "USA", "PRK", "2031-04-02", "text"),
         True),  # text dates: ±1 day
        (("111", "USA", "PRK", "2031-04-01", "text"), ("111", "USA", "PRK", "2031-04-03", "text"),
         False),
        (("111", "USA", "PRK", "2031-04-01", "published"),
         ("111", "USA", "PRK", "2031-04-04", "published"), True),  # publication dates: ±3 days
        (("111", "USA", "PRK", "2031-04-01", "published"),
         ("111", "USA", "PRK", "2031-04-05", "published"), False),
        (("042", "USA", "PRK", "2031-04-01", "text"), ("043", "USA", "PRK", "2031-04-01", "text"),
         False),  # a visit made and a visit hosted: one root, incompatible codes
        (("040", "USA", "PRK", "2031-04-01", "text"), ("046", "PRK", "USA", "2031-04-01", "text"),
         True),  # consult (unspecified) and negotiate: compatible, and both symmetric
        (("111", "USA", "PRK", "2031-04-01", "text"), ("112", "USA", "PRK", "2031-04-01", "text"),
         False),  # criticize and accuse: two codes of a root that are no refinement of each other
        (("111", "USA", "PRK", "2031-04-01", "text"),
         ("110", "USA", "PRKMED", "2031-04-01", "text"), False),  # the media are another party
        (("040", "KORGOV", "USAGOV", "2031-04-01", "text"),
         ("040", "KORMIL", "USA", "2031-04-01", "text"), True),  # organs of one state: one party
        (("111", "IGOUNO", "PRK", "2031-04-01", "text"),
         ("111", "IGOGOV", "PRK", "2031-04-01", "text"), False),  # IGOs keep their codes
    ],
)  # fmt: skip
def test_clusters_merge_rules(
    tmp_path: Path, first: tuple[str, ...], second: tuple[str, ...], merged: bool
) -> None:
    analyses = []
    for n, (cameo, source, target, day, basis) in enumerate((first, second), 1):
        one = ev("v1", source, target, cameo, day, date_source=basis)
        analyses.append(article(f"a{n}", day, [one]))
    db = store(tmp_path, analyses)
    assert together(db, ("a1", "v1"), ("a2", "v1")) is merged


def test_clusters_modality_and_near_duplicates(tmp_path: Path) -> None:
    story = "A long report on the border talks, written once and posted twice by two sites today."
    db = store(tmp_path, [
        article("a1", "2031-05-01", [ev("v1", "IND", "PAK", "046", "2031-05-01")], text=story),
        article("a2", "2031-05-01", [ev("v1", "IND", "PAK", "046", "2031-05-01")], text=story,
                url="https://copy.example.net/a2"),
        article("a3", "2031-05-01", [ev("v1", "IND", "PAK", "046", "2031-05-01",
                                        modality="hypothetical")]),
    ])  # fmt: skip
    assert together(db, ("a1", "v1"), ("a2", "v1"))
    assert not together(db, ("a1", "v1"), ("a3", "v1"))
    con = duckdb.connect(str(db), read_only=True)
    n_events, n_articles, n_outlets = con.execute(
        "SELECT n_events, n_articles, n_outlets FROM event_clusters WHERE n_events = 2"
    ).fetchone() or (0, 0, 0)
    con.close()
    # The copy's event belongs to the cluster, but the story counts once; the copy's site is
    # one more outlet that carried it.
    assert (n_events, n_articles, n_outlets) == (2, 1, 2)


def test_clusters_windows_are_settings_kept_in_the_store(tmp_path: Path) -> None:
    def report(n: int, day: str) -> dict[str, Any]:
        return article(f"a{n}", day, [ev("v1", "USA", "PRK", "111", day)])

    db = store(tmp_path, [report(1, "2031-04-01"), report(2, "2031-04-03")])
    assert not together(db, ("a1", "v1"), ("a2", "v1"))
    con = open_store(db)
    stats = merge_events(con, ClusterSettings(text_window=2))
    assert stats.events == 2 and stats.clusters == 1
    assert read_settings(con).text_window == 2
    con.close()
    # The merge after the next ingest keeps the store's own settings.
    store(tmp_path, [report(3, "2031-06-01")])
    assert together(db, ("a1", "v1"), ("a2", "v1"))


def test_clusters_settings_are_checked() -> None:
    with pytest.raises(ValueError, match="text_window"):
        ClusterSettings(text_window=-1)


def test_clusters_migration_from_schema_2(tmp_path: Path) -> None:
    db = store(tmp_path, [
        article("a1", "2031-01-05", [ev("v1", "USA", "PRK", "040", "2031-01-05")]),
        article("a2", "2031-01-06", [ev("v1", "PRK", "USA", "040", "2031-01-05")]),
    ])  # fmt: skip
    before = clusters_of(db)
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE event_clusters")
    con.execute("DROP TABLE event_cluster_members")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    con = open_store(db)
    version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    con.close()
    assert version == (str(SCHEMA_VERSION),)
    assert clusters_of(db) == before and len(set(before.values())) == 1


def test_clusters_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = store(tmp_path, [
        article("a1", "2031-04-01", [ev("v1", "USA", "PRK", "111", "2031-04-01")]),
        article("a2", "2031-04-03", [ev("v1", "USA", "PRK", "111", "2031-04-03")]),
    ])  # fmt: skip
    code, _, err = run_main(["cluster", "--db", str(db), "--text-window", "2", "--spread"], capsys)
    assert code == 0 and "2 events in 1 clusters" in err
    code, _, err = run_main(["cluster", "--db", str(db), "--published-window", "-3"], capsys)
    assert code == 2 and "published-window" in err


def test_clusters_take_a_story_date_at_the_report_day(tmp_path: Path) -> None:
    """An event dated by its story's occasion (an earlier sentence's day) merges by the day
    its article was published, with the publication window: two reports of one happening
    published a day apart join, though their stories' occasions lie a week apart."""
    db = store(tmp_path, [
        article("a1", "2031-06-10", [ev("v1", "USA", "PRK", "111", "2031-06-02",
                                        date_source="context")]),
        article("a2", "2031-06-11", [ev("v1", "USA", "PRK", "111", "2031-06-09",
                                        date_source="context")]),
        article("a3", "2031-06-11", [ev("v1", "USA", "PRK", "111", "2031-06-02")]),
    ])  # fmt: skip
    assert together(db, ("a1", "v1"), ("a2", "v1"))
    assert not together(db, ("a1", "v1"), ("a3", "v1"))
    con = duckdb.connect(str(db), read_only=True)
    sources = con.execute("SELECT DISTINCT date_source FROM event_clusters ORDER BY 1").fetchall()
    con.close()
    assert sources == [("published",), ("text",)]


def test_clusters_keep_apart_the_acts_of_two_people_of_one_party(tmp_path: Path) -> None:
    def person_article(aid: str, name: str) -> dict[str, Any]:
        data = article(aid, "2031-05-02", [ev("v1", "RURGOV", "FREGOV", "042", "2031-05-02")])
        data["entities"][0]["name"] = name
        return data

    db = store(tmp_path, [
        person_article("a1", "Olga Premier"), person_article("a2", "Olga Premier"),
        person_article("a3", "Ivan Deputy"),
    ])  # fmt: skip
    # One minister's visit reported twice is one event; another minister's the same day is not.
    assert together(db, ("a1", "v1"), ("a2", "v1"))
    assert not together(db, ("a1", "v1"), ("a3", "v1"))


def test_clusters_keep_apart_visits_to_two_named_places(tmp_path: Path) -> None:
    def place_article(aid: str, place: str) -> dict[str, Any]:
        data = article(aid, "2031-05-02", [ev("v1", "RURGOV", "FRE", "042", "2031-05-02")])
        data["entities"].append(
            {"id": "e2", "name": place, "kind": "location", "actor": "FRE", "country": "FRE",
             "roles": [], "affiliation": None, "mentions": []}
        )  # fmt: skip
        return data

    db = store(tmp_path, [
        place_article("a1", "Old Harbour"), place_article("a2", "Old Harbour"),
        place_article("a3", "Glass Museum"),
    ])  # fmt: skip
    # A delegation's visit to one place reported twice is one event; its visit the same day
    # to another place is another, as a minister's visit is not another minister's.
    assert together(db, ("a1", "v1"), ("a2", "v1"))
    assert not together(db, ("a1", "v1"), ("a3", "v1"))
