"""SQL the pages share: events, quotes and stances as rows that link to their evidence.

Every query is parameterised; the only text spliced into SQL is fixed in this module
(column lists, the clauses below). Near-duplicate articles are left out, as in the query
commands, so no count holds a story twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from parley.store.clusters import _OUTLET as _CLUSTER_OUTLET
from parley.store.queries import Where as StoreWhere
from parley.web.pages import Pager, Rows, fetch

__all__ = [
    "OUTLET",
    "STATEMENT_TEXT",
    "Where",
    "event_rows",
    "quote_rows",
    "side_clause",
    "stance_rows",
    "with_articles",
    "with_titles",
]

# An article's outlet (of ``articles a``), as the clusters count outlets: its publisher, else
# its URL's host, else its source file's name.
OUTLET = _CLUSTER_OUTLET

EVENT_COLUMNS = (
    "e.article_id, e.event_id, e.day, e.date, e.date_source, e.source_actor, e.source_text,"
    " e.cameo, e.plover, e.target_actor, e.target_text, e.quad_class, e.goldstein,"
    " e.modality, e.sentence, e.start_char, e.end_char, e.trigger_start, e.trigger_end"
)


@dataclass
class Where(StoreWhere):
    """The store queries' WHERE builder, with the pages' day range."""

    def days(self, column: str, since: date | None, until: date | None) -> None:
        if since:
            self.add(f"{column} >= ?", since)
        if until:
            self.add(f"{column} <= ?", until)


def side_clause(source: str, target: str, a: str, b: str) -> tuple[str, list[str]]:
    """Rows between actors ``a`` and ``b`` (code prefixes) in either direction."""
    one_way = f"(starts_with({source}, ?) AND starts_with({target}, ?))"
    return f"({one_way} OR {one_way})", [a, b, b, a]


def with_articles(
    cur: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]], key: str = "article_id"
) -> list[dict[str, Any]]:
    """``rows`` with their articles' ``title`` and ``published_day``, looked up by id through
    the articles' index (a join would read the id of every stored article)."""
    found = _articles(cur, {row[key] for row in rows if row.get(key)})
    for row in rows:
        row["title"], row["published_day"] = found.get(row.get(key), (None, None))
    return rows


def with_titles(cur: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` (of one page) with their articles' titles, as ``with_articles``: a query that
    joins the articles for their titles reads the title of every article it joins, before
    the page is cut."""
    found = _articles(cur, {row["article_id"] for row in rows if row.get("article_id")})
    for row in rows:
        row["title"] = found.get(row.get("article_id"), (None, None))[0]
    return rows


def _articles(cur: duckdb.DuckDBPyConnection, ids: set[str]) -> dict[Any, tuple[Any, Any]]:
    """The title and publication day of each of ``ids``. The ids go in as a list of
    constants: DuckDB answers ``IN (?, ?, ...)`` through the articles' index, but ``= ANY(?)``
    of one list parameter with a join over the whole table (8 ms against 15 for 51 ids among
    333,334 articles)."""
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    sql = f"SELECT article_id, title, published_day FROM articles WHERE article_id IN ({marks})"
    return {aid: (title, day) for aid, title, day in cur.execute(sql, sorted(ids)).fetchall()}


def event_rows(
    cur: duckdb.DuckDBPyConnection, where: Where, pager: Pager, order: str = "e.day DESC"
) -> Rows:
    """A page of events (near-duplicates left out) with their articles' titles, looked up
    for that page only."""
    where.add("NOT e.duplicate")
    limit, extra = pager.sql()
    sql = (
        f"SELECT {EVENT_COLUMNS} FROM events e{where.sql()}"
        f" ORDER BY {order} NULLS LAST, e.article_id, e.event_id{limit}"
    )
    return pager.rows(with_articles(cur, fetch(cur, sql, [*where.params, *extra])))


# A quote's words as a stance's quote: none for a stance or act ("praised the party"), which
# is no statement to put in quotation marks.
STATEMENT_TEXT = "CASE WHEN coalesce(q.act, false) THEN NULL ELSE q.text END"


def quote_rows(
    cur: duckdb.DuckDBPyConnection,
    where: Where,
    pager: Pager,
    articles: str = "articles",
    *,
    acts: bool = False,
) -> Rows:
    """A page of quotes with their speakers' names and their articles (``articles``: the
    table of the articles to look in, with their ``article_id`` and ``published_day``): the
    statements, or with ``acts`` the stances and acts reported ("praised the party",
    ``quotes.act``). The page is cut before the speakers' names are joined (the entities are
    the largest table) and its articles' titles looked up."""
    where.add("NOT q.duplicate")
    where.add("coalesce(q.act, false) = ?", acts)
    limit, extra = pager.sql()
    sql = (
        "SELECT p.*, en.name AS speaker_name FROM ("
        " SELECT q.article_id, q.quote_id, q.text, q.kind, q.speaker, q.speaker_actor,"
        " q.speaker_text, q.cue, q.date, q.start_char, q.end_char, q.act,"
        " CAST(NULL AS VARCHAR) AS title, a.published_day"
        f" FROM quotes q JOIN {articles} a USING (article_id){where.sql()}"
        f" ORDER BY a.published_day DESC NULLS LAST, q.article_id, q.start_char{limit}) p"
        " LEFT JOIN entities en ON en.article_id = p.article_id AND en.entity_id = p.speaker"
        " ORDER BY p.published_day DESC NULLS LAST, p.article_id, p.start_char"
    )
    return pager.rows(with_titles(cur, fetch(cur, sql, [*where.params, *extra])))


def stance_rows(
    cur: duckdb.DuckDBPyConnection, where: Where, pager: Pager, articles: str = "articles"
) -> Rows:
    """A page of stances, each with the quote it rests on (when it rests on one and that is a
    statement, not a stance or act: the stance's sentence shows then); as ``quote_rows`` for
    ``articles``."""
    where.add("NOT coalesce(s.duplicate, false)")
    limit, extra = pager.sql()
    sql = (
        f"SELECT p.*, {STATEMENT_TEXT} AS quote FROM ("
        " SELECT s.article_id, s.stance_id, s.actor, s.actor_code, s.actor_name, s.issue,"
        " s.position, s.sentence, s.start_char, s.end_char, s.speaker_role, s.day,"
        " s.quote_id, s.event_id, CAST(NULL AS VARCHAR) AS title"
        f" FROM stances s JOIN {articles} a USING (article_id)"
        f"{where.sql()} ORDER BY s.day DESC NULLS LAST, s.article_id, s.start_char{limit}) p"
        " LEFT JOIN quotes q ON q.article_id = p.article_id AND q.quote_id = p.quote_id"
        " ORDER BY p.day DESC NULLS LAST, p.article_id, p.start_char"
    )
    return pager.rows(with_titles(cur, fetch(cur, sql, [*where.params, *extra])))
