"""A dyad (``/dyad/USA/PRK``): its timeline chart with turning points, its merged events with
their report counts, each side's stances and quotes, and the brief.

``a`` and ``b`` are actor codes or prefixes (``USA`` covers ``USAGOV``), either direction.
The timeline comes from the store's own timeline query (the monthly rollup by month or
year), the turning points from ``parley.store.turning`` and the merged events from
``event_clusters``; when a store has no clusters yet the page lists the events themselves.
Quotes and stances are those in articles reporting an event between the two sides
(``parley.web.views.voices``).
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast

import duckdb
from starlette.requests import Request

from parley.store.queries import Filters, timeline
from parley.store.turning import Period, turning_points
from parley.web.chart import timeline_chart
from parley.web.pages import Page, Pager, Rows, actor_code, choice_param, day_param, fetch
from parley.web.state import Web
from parley.web.views.common import Where, event_rows, side_clause, with_articles
from parley.web.views.voices import dyad_voices

__all__ = ["dyad", "names_of"]

PERIODS = ("month", "week", "day", "year")
ORDERS = ("reports", "date")
CLUSTER_COLUMNS = (
    "c.cluster_id, c.day, c.first_day, c.last_day, c.source_actor, c.cameo, c.plover,"
    " c.target_actor, c.quad_class, c.goldstein, c.modality, c.n_events, c.n_articles,"
    " c.n_outlets, c.best_article_id, c.best_event_id, c.best_sentence"
)


def dyad(request: Request, web: Web) -> Page:
    a = actor_code(request.path_params["a"])
    b = actor_code(request.path_params["b"])
    by = choice_param(request, "by", PERIODS)
    order = choice_param(request, "order", ORDERS)
    since, until = day_param(request, "since"), day_param(request, "until")
    pager = Pager.of(request, "events_page", web.settings.page_size)
    # Three parts that share nothing run side by side, each on a cursor of its own: the
    # merged events, the sides' quotes and stances, and the timeline with its turning points
    # (kept between requests: it does not depend on which page of the tables is shown).
    listing = web.pool.submit(_listing, web, a, b, since, until, order, pager)
    voices = web.pool.submit(dyad_voices, web, request, a, b, since, until)
    key = ("dyad", web.store.state(), a, b, by, since, until)
    periods, turning, names = web.memo.get(key, lambda: _summary(web, a, b, by, since, until))
    merged, events = listing.result()
    sides = voices.result()
    data: dict[str, Any] = {
        "a": a,
        "b": b,
        "names": names,
        "by": by,
        "order": order,
        "since": since,
        "until": until,
        "timeline": periods,
        "turning_points": turning,
        "clusters": merged,
        "events": events,
        "sides": sides,
        "brief": {"url": _brief_url(a, b, since, until)},
    }
    title = f"{names.get(a) or a} and {names.get(b) or b}"
    extra = {"chart": timeline_chart(periods, by, turning)}
    return Page("dyad.html", title, data, extra)


def _brief_url(a: str, b: str, since: date | None, until: date | None) -> str:
    days = "&".join(f"{k}={v}" for k, v in (("since", since), ("until", until)) if v)
    return f"/dyad/{a}/{b}/brief" + (f"?{days}" if days else "")


Summary = tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, str]]


def _summary(web: Web, a: str, b: str, by: str, since: date | None, until: date | None) -> Summary:
    """The timeline, its turning points and the two sides' names."""
    with web.store.cursor() as cur:
        filters = Filters(dyad=(a, b), since=since, until=until, limit=None)
        table = timeline(cur, filters, cast(Period, by))
        periods = [dict(zip(table.columns, row, strict=True)) for row in table.rows]
        turning = []
        if web.store.has("event_clusters"):
            turning = _turning(cur, a, b, by, since, until)
        return periods, turning, names_of(cur, [a, b])


def _listing(
    web: Web, a: str, b: str, since: date | None, until: date | None, order: str, pager: Pager
) -> tuple[Rows | None, Rows | None]:
    """The page of merged events, or of the events themselves in a store without clusters."""
    with web.store.cursor() as cur:
        if web.store.has("event_clusters"):
            return _clusters(cur, a, b, since, until, order, pager), None
        return None, event_rows(cur, _dyad_events(a, b, since, until), pager)


def names_of(cur: duckdb.DuckDBPyConnection, codes: list[str]) -> dict[str, str]:
    """The name each code goes by most often among the entities carrying exactly it."""
    rows = cur.execute(
        "SELECT actor, mode(name) FROM entities WHERE actor IN (SELECT unnest(?)) GROUP BY actor",
        [codes],
    ).fetchall()
    return {str(code): str(name) for code, name in rows if name}


def _dyad_events(a: str, b: str, since: date | None, until: date | None) -> Where:
    where = Where()
    clause, params = side_clause("e.source_actor", "e.target_actor", a, b)
    where.add(clause, *params)
    where.days("e.day", since, until)
    return where


def _clusters(
    cur: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    since: date | None,
    until: date | None,
    order: str,
    pager: Pager,
) -> Rows:
    where = Where()
    clause, params = side_clause("c.source_actor", "c.target_actor", a, b)
    where.add(clause, *params)
    where.days("c.day", since, until)
    where.add("NOT coalesce(c.duplicate, false)")
    sort = "n_articles DESC, day DESC" if order == "reports" else "day DESC, n_articles"
    limit, extra = pager.sql()
    # The best reports' titles are looked up for the page only: a dyad may hold hundreds of
    # thousands of clusters.
    sql = (
        f"SELECT {CLUSTER_COLUMNS} FROM event_clusters c{where.sql()}"
        f" ORDER BY {sort} NULLS LAST, cluster_id{limit}"
    )
    rows = with_articles(cur, fetch(cur, sql, [*where.params, *extra]), "best_article_id")
    for row in rows:
        row["best_title"] = row.pop("title")
        row.pop("published_day")
    return pager.rows(rows)


def _turning(
    cur: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    by: str,
    since: date | None,
    until: date | None,
) -> list[dict[str, Any]]:
    """The dyad's turning points (``parley.store.turning``), as plain dicts."""
    period = cast(Period, by)  # one of PERIODS, checked by choice_param
    return [p.to_dict() for p in turning_points(cur, a, b, period, since, until, top=3)]
