"""Turning points of a dyad's timeline (parley.store.turning) and their place in
``parley timeline``'s output."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from parley.store.turning import turning_points
from tests.store.conftest import run_main
from tests.store.test_store_clusters import article, ev, store


@pytest.fixture
def shifting(tmp_path: Path) -> Path:
    """Three calm months of talks, then a month of threats and shelling, then talks again."""
    analyses = []
    n = 0
    plan = [("2031-01", "040", 1.0), ("2031-02", "043", 2.8), ("2031-03", "057", 8.0),
            ("2031-04", "190", -10.0), ("2031-05", "046", 7.0)]  # fmt: skip
    for month, cameo, g in plan:
        for day in ("03", "12", "21"):
            n += 1
            events = [ev("v1", "USA", "PRK", cameo, f"{month}-{day}", g=g)]
            analyses.append(article(f"a{n}", f"{month}-{day}", events))
    return store(tmp_path, analyses)


def test_turning_points_find_the_shift_and_name_its_clusters(shifting: Path) -> None:
    con = duckdb.connect(str(shifting), read_only=True)
    points = turning_points(con, "USA", "PRK", by="month", top=2)
    one = turning_points(con, "PRK", "USA", by="month", top=1)
    con.close()
    assert [(str(p.period), p.direction) for p in points] == [
        ("2031-04-01", "toward conflict"), ("2031-05-01", "toward cooperation"),
    ]  # fmt: skip
    conflict = points[0]
    assert conflict.goldstein_change < 0 and conflict.conflict_share_change > 0
    assert conflict.previous.isoformat() == "2031-03-01" and conflict.clusters == 3
    assert [e.cameo for e in conflict.events] == ["190", "190", "190"]
    assert all(e.best_article_id and e.best_event_id for e in conflict.events)
    assert [str(p.period) for p in one] == ["2031-04-01"]  # either direction of the dyad


def test_turning_points_need_two_periods(shifting: Path) -> None:
    con = duckdb.connect(str(shifting), read_only=True)
    from datetime import date

    assert turning_points(con, "USA", "PRK", since=date(2031, 1, 1), until=date(2031, 1, 31)) == []
    assert turning_points(con, "USA", "CHN") == []
    con.close()


def test_timeline_prints_turning_points(shifting: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["timeline", "--db", str(shifting), "--dyad", "USA:PRK", "--by", "month"]
    code, out, _ = run_main([*base, "-f", "jsonl", "--turning-points", "1"], capsys)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["kind"] for r in records] == ["period"] * 5 + ["turning_point"]
    assert records[-1]["period"] == "2031-04-01" and records[-1]["events"][0]["cluster_id"]
    code, out, _ = run_main(base, capsys)
    assert code == 0 and "Turning points" in out and "toward conflict" in out
    code, out, _ = run_main([*base, "-f", "csv"], capsys)
    assert code == 0 and "turning" not in out  # CSV stays one table of periods
