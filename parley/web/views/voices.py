"""The dyad page's two sides: each side's stances and quotes in the articles that report an
event between the two.

Which quotes and stances those are takes one query that reads every event (to find the
dyad's articles); the rest is small. So that query returns only each side's keys, in page
order, and they are kept between requests (``Web.memo``, under the store's state): a page
of a side's table then reads just its own rows, and paging through the dyad's tables does
not read the events again. The rows are those ``quote_rows`` and ``stance_rows`` give
(``parley.web.views.common``), in their order (newest first).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
from starlette.requests import Request

from parley.web.pages import Pager, Rows, fetch
from parley.web.state import Web
from parley.web.views.common import STATEMENT_TEXT, side_clause, with_titles

__all__ = ["Keys", "dyad_voices"]

# One key per row: (article_id, quote_id or stance_id, day the list is ordered by)
Key = tuple[str, str, date | None]
Keys = dict[tuple[str, str], list[Key]]  # ("quotes" | "stances", "a" | "b") -> keys in order

QUOTE_COLUMNS = (
    "q.article_id, q.quote_id, q.text, q.kind, q.speaker, q.speaker_actor, q.speaker_text,"
    " q.cue, q.date, q.start_char, q.end_char, q.act"
)
STANCE_COLUMNS = (
    "s.article_id, s.stance_id, s.actor, s.actor_code, s.actor_name, s.issue, s.position,"
    " s.sentence, s.start_char, s.end_char, s.speaker_role, s.day, s.quote_id, s.event_id"
)


def dyad_voices(
    web: Web, request: Request, a: str, b: str, since: date | None, until: date | None
) -> dict[str, dict[str, Rows | None]]:
    """Each side's page of stances (None in a store without them) and of quotes, by side
    code (``a`` then ``b``; one entry when they are the same code)."""
    size = min(web.settings.page_size, 10)
    stances = web.store.has("stances")
    pagers = {
        (kind, key): Pager.of(request, f"{key}_{kind}_page", size)
        for key in ("a", "b")
        for kind in ("quotes", "stances")
    }
    with web.store.cursor() as cur:
        memo_key = ("voices", web.store.state(), a, b, since, until)
        keys = web.memo.get(memo_key, lambda: _keys(cur, a, b, since, until, stances))
        quotes = _quotes(cur, {k: _slice(keys[("quotes", k)], pagers[("quotes", k)]) for k in "ab"})
        found = {k: _slice(keys[("stances", k)], pagers[("stances", k)]) for k in "ab"}
        stance_pages = _stances(cur, found) if stances else None
    sides: dict[str, dict[str, Rows | None]] = {}
    for side, k in ((a, "a"), (b, "b")):
        side_stances = None
        if stance_pages is not None:
            side_stances = pagers[("stances", k)].rows(stance_pages[k])
        sides[side] = {"quotes": pagers[("quotes", k)].rows(quotes[k]), "stances": side_stances}
    return sides


def _slice(keys: list[Key], pager: Pager) -> list[Key]:
    """The keys of the page ``pager`` asks for, and of one row more (a next page exists)."""
    start = (pager.page - 1) * pager.size
    return keys[start : start + pager.size + 1]


def _keys(
    cur: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    since: date | None,
    until: date | None,
    stances: bool,
) -> Keys:
    """Every key of both sides' quotes and stances in the dyad's articles, in page order, from
    one reading of the events."""
    clause, params = side_clause("e.source_actor", "e.target_actor", a, b)
    days: list[Any] = []
    quote_days = stance_days = ""
    for bound, op in ((since, ">="), (until, "<=")):
        if bound:
            quote_days += f" AND a.published_day {op} ?"
            stance_days += f" AND s.day {op} ?"
            days.append(bound)
    sql = (
        "WITH dyad AS MATERIALIZED (SELECT DISTINCT e.article_id FROM events e"
        f" WHERE NOT e.duplicate AND {clause})"
        " SELECT 'quotes' AS kind, starts_with(q.speaker_actor, ?) AS in_a,"
        " starts_with(q.speaker_actor, ?) AS in_b, q.article_id, q.quote_id AS id,"
        " a.published_day AS day, q.start_char"
        " FROM quotes q JOIN articles a USING (article_id)"
        " WHERE (starts_with(q.speaker_actor, ?) OR starts_with(q.speaker_actor, ?))"
        " AND NOT q.duplicate AND NOT coalesce(q.act, false)"  # statements, not acts
        f" AND q.article_id IN (SELECT article_id FROM dyad){quote_days}"
    )
    values: list[Any] = [*params, a, b, a, b, *days]
    if stances:
        sql += (
            " UNION ALL SELECT 'stances', starts_with(s.actor_code, ?),"
            " starts_with(s.actor_code, ?), s.article_id, s.stance_id, s.day, s.start_char"
            " FROM stances s"
            " WHERE (starts_with(s.actor_code, ?) OR starts_with(s.actor_code, ?))"
            " AND NOT coalesce(s.duplicate, false)"
            f" AND s.article_id IN (SELECT article_id FROM dyad){stance_days}"
        )
        values += [a, b, a, b, *days]
    sql += " ORDER BY kind, day DESC NULLS LAST, article_id, start_char, id"
    keys: Keys = {(kind, k): [] for kind in ("quotes", "stances") for k in "ab"}
    for kind, in_a, in_b, article_id, row_id, day, _ in cur.execute(sql, values).fetchall():
        for k, inside in (("a", in_a), ("b", in_b)):
            if inside:
                keys[(kind, k)].append((article_id, row_id, day))
    return keys


def _values(pages: dict[str, list[Key]]) -> tuple[str, list[Any]]:
    """The keys of both sides' pages as a VALUES table ``k(side, article_id, id, day, i)``."""
    rows = [(k, *key, i) for k, keys in pages.items() for i, key in enumerate(keys)]
    marks = ", ".join("(?, ?, ?, CAST(? AS DATE), ?)" for _ in rows)
    return f"(VALUES {marks}) k(side, article_id, id, day, i)", [x for r in rows for x in r]


def _quotes(cur: duckdb.DuckDBPyConnection, pages: dict[str, list[Key]]) -> dict[str, list[Any]]:
    """Both sides' pages of quotes with their speakers' names (one reading of the entities,
    the largest table) and their articles' titles."""
    out: dict[str, list[Any]] = {k: [] for k in pages}
    if not any(pages.values()):
        return out
    table, params = _values(pages)
    sql = (
        "SELECT p.*, en.name AS speaker_name FROM ("
        f" SELECT k.side AS _side, k.i AS _i, {QUOTE_COLUMNS},"
        " CAST(NULL AS VARCHAR) AS title, k.day AS published_day"
        f" FROM quotes q JOIN {table} ON q.article_id = k.article_id AND q.quote_id = k.id) p"
        " LEFT JOIN entities en ON en.article_id = p.article_id AND en.entity_id = p.speaker"
        " ORDER BY p._side, p._i"
    )
    return _split(with_titles(cur, fetch(cur, sql, params)), out)


def _stances(cur: duckdb.DuckDBPyConnection, pages: dict[str, list[Key]]) -> dict[str, list[Any]]:
    """Both sides' pages of stances, each with the quote it rests on, and their titles."""
    out: dict[str, list[Any]] = {k: [] for k in pages}
    if not any(pages.values()):
        return out
    table, params = _values(pages)
    sql = (
        f"SELECT p.*, {STATEMENT_TEXT} AS quote FROM ("
        f" SELECT k.side AS _side, k.i AS _i, {STANCE_COLUMNS}, CAST(NULL AS VARCHAR) AS title"
        f" FROM stances s JOIN {table} ON s.article_id = k.article_id AND s.stance_id = k.id) p"
        " LEFT JOIN quotes q ON q.article_id = p.article_id AND q.quote_id = p.quote_id"
        " ORDER BY p._side, p._i"
    )
    return _split(with_titles(cur, fetch(cur, sql, params)), out)


def _split(rows: list[dict[str, Any]], out: dict[str, list[Any]]) -> dict[str, list[Any]]:
    for row in rows:
        side = row.pop("_side")
        row.pop("_i")
        out[side].append(row)
    return out
