"""The overview (``/``): the store's counts, the most active dyads, recent events, failures.

Dyads are read from the monthly rollup (``event_months``), far smaller than the events, and
grouped by the actors' first three letters (their country, for CAMEO-style codes), which
is what a dyad page (``/dyad/USA/PRK``) matches.
"""

from __future__ import annotations

from starlette.requests import Request

from parley.web.pages import Page, Pager, fetch, fetch_page
from parley.web.state import Web
from parley.web.views.common import Where, event_rows

__all__ = ["overview"]

COUNTED = ("articles", "events", "quotes", "entities", "stances", "event_clusters", "failures")

DYADS = """
SELECT a, b, CAST(sum(events) AS BIGINT) AS events,
    CAST(coalesce(sum(events) FILTER (WHERE quad_class >= 3), 0) AS BIGINT) AS conflict,
    round(sum(goldstein_sum) / nullif(sum(goldstein_n), 0), 2) AS mean_goldstein
FROM (
    SELECT least(left(source_actor, 3), left(target_actor, 3)) AS a,
        greatest(left(source_actor, 3), left(target_actor, 3)) AS b,
        events, quad_class, goldstein_sum, goldstein_n
    FROM event_months
    WHERE NOT duplicate AND modality = 'asserted'
        AND left(source_actor, 3) <> left(target_actor, 3)
)
GROUP BY a, b HAVING sum(events) > 0 ORDER BY events DESC, a, b
"""


def overview(request: Request, web: Web) -> Page:
    store = web.store
    size = web.settings.page_size
    with store.cursor() as cur:
        counts: dict[str, int] = {}
        span: dict[str, object] = {}
        for table in COUNTED:
            if store.has(table):
                row = cur.execute(f"SELECT count(*) FROM {table}").fetchone()
                counts[table] = int(row[0]) if row else 0
        if store.has("articles"):
            row = cur.execute(
                "SELECT count(*) FILTER (WHERE duplicate_of IS NOT NULL),"
                " min(published_day), max(published_day) FROM articles"
            ).fetchone()
            counts["near_duplicates"] = int(row[0]) if row else 0
            if row:
                span = {"first": row[1], "last": row[2]}
        dyads = fetch_page(cur, DYADS, [], Pager.of(request, "dyads_page", 10))
        events = event_rows(cur, Where(), Pager.of(request, "events_page", 20),
                            "e.day DESC")  # fmt: skip
        failures = fetch_page(
            cur,
            "SELECT source, position, record_id, stage, code, message, failed_at FROM failures"
            " ORDER BY failed_at DESC, source, position",
            [],
            Pager.of(request, "failures_page", min(size, 20)),
        )
        codes = fetch(
            cur, "SELECT code, count(*) AS n FROM failures GROUP BY code ORDER BY n DESC", []
        )
        runs = fetch(
            cur,
            "SELECT run_id, started, finished, status, ingested, present, duplicates, failed"
            " FROM runs ORDER BY run_id DESC LIMIT 3",
            [],
        )
    data = {
        "counts": counts,
        "span": span,
        "dyads": dyads,
        "recent_events": events,
        "failures": failures,
        "failure_codes": codes,
        "runs": runs,
        "search_index": {"articles": store.search.articles, "quotes": store.search.quotes},
    }
    return Page("overview.html", "Overview", data)
