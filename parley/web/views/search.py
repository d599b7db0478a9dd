"""Search (``/search?q=...``): full text over articles and quotes, with filters by date
(``since``, ``until``: the article's publication day), actor (``actor``: a code or prefix,
mentioned in the article, or the quote's speaker) and outlet (``outlet``: words of the
publisher or the URL's host).

Ranked by BM25 through DuckDB's fts index when it covers the store (``parley.store.search``);
otherwise every word must appear (ILIKE), newest first, and the page says so.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import duckdb
from starlette.requests import Request

from parley.web.pages import (
    Page,
    Pager,
    Rows,
    actor_code,
    day_param,
    fetch_page,
    text_param,
)
from parley.web.state import Web
from parley.web.views.common import OUTLET, Where

__all__ = ["search", "snippet"]

SNIPPET = 240  # characters of text around the first word found
_WORD = re.compile(r"\w+")


def search(request: Request, web: Web) -> Page:
    q = text_param(request, "q")
    since, until = day_param(request, "since"), day_param(request, "until")
    raw_actor = text_param(request, "actor", 24)
    actor = actor_code(raw_actor, 400) if raw_actor else None
    outlet = text_param(request, "outlet", 100)
    words = _WORD.findall(q)
    ranked = web.store.search
    articles: Rows | None = None
    quotes: Rows | None = None
    if words:
        size = web.settings.page_size
        with web.store.cursor() as cur:
            articles = _articles(cur, q, words, since, until, actor, outlet, ranked.articles,
                                 Pager.of(request, "page", size))  # fmt: skip
            quotes = _quotes(cur, q, words, since, until, actor, outlet, ranked.quotes,
                             Pager.of(request, "quotes_page", size))  # fmt: skip
    for row in articles.rows if articles else ():
        row["snippet"] = snippet(row.pop("text") or "", words)
    data: dict[str, Any] = {
        "q": q,
        "since": since,
        "until": until,
        "actor": actor,
        "outlet": outlet,
        "ranked": {"articles": ranked.articles, "quotes": ranked.quotes},
        "articles": articles,
        "quotes": quotes,
    }
    return Page("search.html", f"Search: {q}" if q else "Search", data)


def snippet(text: str, words: list[str]) -> list[tuple[str, bool]]:
    """A stretch of ``text`` around the first word of the query it holds, cut into pieces
    that are (text, is a query word), for highlighting."""
    lowered = text.lower()
    found = [i for i in (lowered.find(w.lower()) for w in words) if i >= 0]
    first = min(found, default=0)
    left = max(0, first - SNIPPET // 3)
    piece = text[left : left + SNIPPET]
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    out: list[tuple[str, bool]] = [("…", False)] if left else []
    at = 0
    for match in pattern.finditer(piece):
        out.append((piece[at : match.start()], False))
        out.append((match.group(), True))
        at = match.end()
    out.append((piece[at:], False))
    if left + SNIPPET < len(text):
        out.append(("…", False))
    return [(t, hit) for t, hit in out if t]


def _filters(where: Where, since: date | None, until: date | None, outlet: str) -> None:
    where.days("a.published_day", since, until)
    for word in outlet.split():
        where.add(f"{OUTLET} ILIKE ?", f"%{word}%")


def _articles(
    cur: duckdb.DuckDBPyConnection,
    q: str,
    words: list[str],
    since: date | None,
    until: date | None,
    actor: str | None,
    outlet: str,
    ranked: bool,
    pager: Pager,
) -> Rows:
    where = Where()
    _filters(where, since, until, outlet)
    if actor:
        where.add("a.article_id IN (SELECT article_id FROM entities WHERE starts_with(actor, ?))",
                  actor)  # fmt: skip
    columns = f"a.article_id, a.title, a.published_day, {OUTLET} AS outlet, a.text"
    if ranked:
        where.add("score IS NOT NULL")
        sql = (
            f"SELECT {columns}, score FROM (SELECT *, fts_main_articles.match_bm25(article_id, ?)"
            f" AS score FROM articles) a{where.sql()} ORDER BY score DESC, a.seq"
        )
        return fetch_page(cur, sql, [q, *where.params], pager)
    for word in words:
        where.add("(a.title ILIKE ? OR a.text ILIKE ?)", f"%{word}%", f"%{word}%")
    sql = (
        f"SELECT {columns}, NULL AS score FROM articles a{where.sql()}"
        " ORDER BY a.published_day DESC NULLS LAST, a.seq"
    )
    return fetch_page(cur, sql, where.params, pager)


def _quotes(
    cur: duckdb.DuckDBPyConnection,
    q: str,
    words: list[str],
    since: date | None,
    until: date | None,
    actor: str | None,
    outlet: str,
    ranked: bool,
    pager: Pager,
) -> Rows:
    where = Where()
    where.add("NOT q.duplicate")
    _filters(where, since, until, outlet)
    if actor:
        where.add("starts_with(q.speaker_actor, ?)", actor)
    columns = (
        "q.article_id, q.quote_id, q.text, q.speaker_actor, q.speaker_text, q.start_char,"
        f" q.end_char, coalesce(q.act, false) AS act, a.title, a.published_day, {OUTLET} AS outlet"
    )
    if ranked:
        where.add("score IS NOT NULL")
        sql = (
            f"SELECT {columns}, score FROM (SELECT *,"
            " fts_main_quote_search.match_bm25(key, ?) AS score FROM quote_search) s"
            " JOIN quotes q ON q.article_id = s.article_id AND q.quote_id = s.quote_id"
            f" JOIN articles a ON a.article_id = q.article_id{where.sql()}"
            " ORDER BY score DESC, a.seq, q.start_char"
        )
        return fetch_page(cur, sql, [q, *where.params], pager)
    for word in words:
        where.add("q.text ILIKE ?", f"%{word}%")
    sql = (
        f"SELECT {columns}, NULL AS score FROM quotes q JOIN articles a USING (article_id)"
        f"{where.sql()} ORDER BY a.published_day DESC NULLS LAST, a.seq, q.start_char"
    )
    return fetch_page(cur, sql, where.params, pager)
