"""What keeps the pages fast on large stores, checked by what it does, not by timing (the
times are in bench/bench_serve.py): the rows of a page fetched late, parameters bound without
a search for pandas, titles looked up for a page's rows only, the dyad page's parts run side
by side and still reporting their errors."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest


def _articles(web_store: Path) -> dict[str, tuple[Any, Any]]:
    con = duckdb.connect(str(web_store), read_only=True)
    try:
        rows = con.execute("SELECT article_id, title, published_day FROM articles").fetchall()
    finally:
        con.close()
    return {aid: (title, day.isoformat() if day else None) for aid, title, day in rows}


def test_web_sides_and_actor_rows_carry_their_articles(client: Any, web_store: Path) -> None:
    """Quotes and stances get their titles after the page is cut: each row still names its
    own article's title (and a quote its day), in the dyad's sides and on the actor page."""
    articles = _articles(web_store)
    data = client.get("/dyad/USA/PRK.json").json()
    actor = client.get("/actor/PRK.json").json()
    quotes = [q for side in data["sides"].values() for q in side["quotes"]["rows"]]
    stances = [s for side in data["sides"].values() for s in side["stances"]["rows"]]
    quotes += actor["quotes"]["rows"]
    stances += actor["stances"]["rows"]
    assert quotes and stances
    for row in quotes:
        assert (row["title"], row["published_day"]) == articles[row["article_id"]]
        assert list(row)[-3:] == ["title", "published_day", "speaker_name"]  # columns in place
    for row in stances:
        assert row["title"] == articles[row["article_id"]][0]
        assert "published_day" not in row and list(row)[-2:] == ["title", "quote"]


def test_web_dyad_parts_report_their_errors(client: Any) -> None:
    """The sides' tables are read on another thread: a bad parameter of theirs is still the
    request's one-line 400, not a 500 or a hang."""
    for key in ("a_quotes_page", "b_stances_page"):
        page = client.get(f"/dyad/USA/PRK.json?{key}=0")
        assert page.status_code == 400
        assert key in page.json()["error"]


def test_web_store_fetches_a_page_of_rows_late(web_store: Path) -> None:
    """A page of 50 rows plus one is a top-N of 51: with the store's tuning DuckDB reads the
    sort keys of every row and the other columns of the kept rows only (a join on row ids);
    DuckDB's default stops at 50 rows."""
    from parley.web.store import WebStore

    store = WebStore(web_store)
    sql = "EXPLAIN SELECT * FROM event_clusters ORDER BY n_articles DESC, cluster_id LIMIT 51"
    try:
        with store.cursor() as cur:
            plan = str(cur.execute(sql).fetchall())
    finally:
        store.close()
    assert "rowid" in plan and "SEMI" in plan
    default = duckdb.connect()
    default.execute("CREATE TABLE t AS SELECT range AS n, 'x' || range AS s FROM range(10)")
    plan = str(default.execute("EXPLAIN SELECT * FROM t ORDER BY n LIMIT 51").fetchall())
    assert "SEMI" not in plan  # why the tuning is needed


def test_web_store_binds_parameters_without_looking_for_pandas(web_store: Path) -> None:
    import importlib.util

    from parley.web.store import WebStore

    if sys.modules.get("pandas") is not None:
        pytest.skip("pandas is imported here: DuckDB finds it at once")
    sys.modules.pop("pandas", None)  # as in a fresh process (an earlier test's store set it)
    if importlib.util.find_spec("pandas") is not None:
        pytest.skip("pandas is installed here: DuckDB finds it at once")
    looked: list[str] = []

    class Spy:
        def find_spec(self, name: str, *_: object) -> None:
            looked.append(name)

    store = WebStore(web_store)
    sys.meta_path.insert(0, Spy())  # type: ignore[arg-type]
    try:
        with store.cursor() as cur:
            cur.execute("SELECT count(*) FROM articles WHERE article_id = ?", ["a"]).fetchall()
    finally:
        sys.meta_path.pop(0)
        store.close()
    assert "pandas" not in looked


def test_web_memo_keeps_the_latest_and_computes_each_once() -> None:
    from parley.web.memo import Memo

    memo = Memo(size=2)
    calls: list[str] = []

    def compute(key: str) -> str:
        calls.append(key)
        return key.upper()

    assert [memo.get(k, lambda k=k: compute(k)) for k in ("a", "b", "a", "c", "a", "b")] == [
        "A", "B", "A", "C", "A", "B",
    ]  # fmt: skip
    # "a" was asked again before "c" came, so "b" was the oldest and left first.
    assert calls == ["a", "b", "c", "b"] and len(memo) == 2


def test_web_dyad_summary_kept_until_the_store_changes(web_store: Path, tmp_path: Path) -> None:
    """The dyad's timeline (and the keys of its sides' rows) are computed once for every page
    of its tables, and again after a write through the server (the analyze page's
    ``refresh``)."""
    import shutil
    import warnings

    from parley.web.app import create_app
    from parley.web.store import Settings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    copy = tmp_path / "writable.duckdb"
    shutil.copy(web_store, copy)
    app = create_app(Settings(db=copy, allow_store=True, hosts=("testserver",)))
    web = app.state.web
    with TestClient(app) as client:
        first = client.get("/dyad/USA/PRK.json").json()
        again = client.get("/dyad/USA/PRK.json?events_page=2&size=3").json()
        # Kept: the dyad's timeline with its turning points, and the keys of its sides' rows.
        assert len(web.memo) == 2 and again["timeline"] == first["timeline"]
        with web.store.write_lock, web.store.cursor() as cur:
            cur.execute(
                "INSERT INTO event_months SELECT DATE '2031-03-01', 'USA', 'PRK', 1,"
                " 'asserted', false, 5, 10.0, 5"
            )
        web.store.refresh()
        after = client.get("/dyad/USA/PRK.json").json()
    months = {row["period"]: row["events"] for row in after["timeline"]}
    assert months["2031-03-01"] == 2 + 5 and len(web.memo) == 4


@pytest.mark.parametrize(
    "query",
    ["", "size=1", "size=1&a_quotes_page=2&b_stances_page=2", "size=2&b_quotes_page=2",
     "since=2031-04-01", "until=2031-04-30&size=1"],
)  # fmt: skip
@pytest.mark.parametrize(("a", "b"), [("USA", "PRK"), ("PRK", "USA"), ("USA", "USA")])
def test_web_dyad_sides_as_one_query_per_table_gave(
    web_store: Path, a: str, b: str, query: str
) -> None:
    """The sides read from kept keys give the rows that the queries over a table of the
    dyad's articles gave (``quote_rows`` and ``stance_rows``), page by page."""
    from datetime import date
    from urllib.parse import parse_qsl

    from starlette.requests import Request

    from parley.web.app import create_app
    from parley.web.pages import Pager
    from parley.web.store import Settings
    from parley.web.views.common import Where, quote_rows, side_clause, stance_rows
    from parley.web.views.voices import dyad_voices

    params = dict(parse_qsl(query))
    since, until = (
        date.fromisoformat(params[k]) if k in params else None for k in ("since", "until")
    )
    size = int(params.get("size", 10))
    app = create_app(Settings(db=web_store, hosts=("testserver",)))
    web = app.state.web
    request = Request({"type": "http", "method": "GET", "path": f"/dyad/{a}/{b}",
                       "query_string": query.encode(), "headers": [], "app": app})  # fmt: skip
    expected = {}
    try:
        found = dyad_voices(web, request, a, b, since, until)
        with web.store.cursor() as cur:
            clause, values = side_clause("e.source_actor", "e.target_actor", a, b)
            cur.execute(
                "CREATE TEMP TABLE d AS SELECT article_id, published_day FROM articles WHERE"
                " article_id IN (SELECT e.article_id FROM events e WHERE NOT e.duplicate"
                f" AND {clause})",
                values,
            )
            for side, key in ((a, "a"), (b, "b")):
                quotes, stances = Where(), Where()
                quotes.add("starts_with(q.speaker_actor, ?)", side)
                quotes.days("a.published_day", since, until)
                stances.add("starts_with(s.actor_code, ?)", side)
                stances.days("s.day", since, until)
                quote_pager = Pager.of(request, f"{key}_quotes_page", size)
                stance_pager = Pager.of(request, f"{key}_stances_page", size)
                expected[side] = {
                    "quotes": quote_rows(cur, quotes, quote_pager, "d"),
                    "stances": stance_rows(cur, stances, stance_pager, "d"),
                }
    finally:
        web.store.close()
        web.pool.shutdown()
    assert found == expected
    if a != b:  # the fixture's quotes and stances are all between USA and PRK
        assert all(t["quotes"].rows or t["stances"].rows for t in found.values())
