"""An event cluster (``/cluster/<id>``: one real-world event and every report of it) and one
event (``/event/<article_id>/<event_id>``: one report), each report with its evidence
sentence, linked to that passage of its article."""

from __future__ import annotations

from typing import Any

import duckdb
from starlette.exceptions import HTTPException
from starlette.requests import Request

from parley.web.pages import Page, Pager, Rows, fetch, fetch_page
from parley.web.state import Web
from parley.web.views.common import EVENT_COLUMNS, OUTLET

__all__ = ["cluster", "event"]

REPORTS = (
    "SELECT m.article_id, m.event_id, e.day, e.date, e.source_actor, e.source_text, e.cameo,"
    " e.target_actor, e.target_text, e.modality, e.goldstein, e.sentence, e.start_char,"
    f" e.end_char, e.trigger_start, e.trigger_end, a.title, a.published_day, {OUTLET} AS outlet"
    " FROM event_cluster_members m"
    " JOIN events e ON e.article_id = m.article_id AND e.event_id = m.event_id"
    " JOIN articles a ON a.article_id = m.article_id"
    " WHERE m.cluster_id = ? ORDER BY a.published_day NULLS LAST, a.seq, e.start_char"
)


def cluster(request: Request, web: Web) -> Page:
    cluster_id = request.path_params["cluster_id"]
    if not web.store.has("event_clusters", "event_cluster_members"):
        raise HTTPException(404, "this store has no event clusters yet")
    with web.store.cursor() as cur:
        found = fetch(cur, "SELECT * FROM event_clusters WHERE cluster_id = ?", [cluster_id])
        if not found:
            raise HTTPException(404, f"no event cluster {cluster_id[:40]!r} in this store")
        reports = _reports(cur, cluster_id, Pager.of(request, "page", web.settings.page_size))
    head = found[0]
    return Page("cluster.html", f"Event {_name(head)}", {"cluster": head, "reports": reports})


def event(request: Request, web: Web) -> Page:
    article_id, event_id = request.path_params["article_id"], request.path_params["event_id"]
    with web.store.cursor() as cur:
        found = fetch(
            cur,
            f"SELECT {EVENT_COLUMNS}, e.source, e.target, e.plover_mode, e.confidence,"
            f" e.duplicate, e.location_text, a.title, a.published_day, a.url, {OUTLET} AS outlet"
            " FROM events e JOIN articles a USING (article_id)"
            " WHERE e.article_id = ? AND e.event_id = ?",
            [article_id, event_id],
        )
        if not found:
            raise HTTPException(404, f"no event {event_id[:40]!r} in article {article_id[:40]!r}")
        row = found[0]
        cluster_id, reports = None, None
        if web.store.has("event_clusters", "event_cluster_members"):
            member = cur.execute(
                "SELECT cluster_id FROM event_cluster_members"
                " WHERE article_id = ? AND event_id = ?",
                [article_id, event_id],
            ).fetchone()
            if member:
                cluster_id = str(member[0])
                reports = _reports(cur, cluster_id, Pager.of(request, "page", 20))
    data = {"event": row, "cluster_id": cluster_id, "reports": reports}
    extra = {"sentence": sentence_parts(row)}
    return Page("event.html", f"Event {_name(row)}", data, extra)


def _name(row: dict[str, Any]) -> str:
    return f"{row.get('source_actor') or '?'} {row.get('cameo')} {row.get('target_actor') or '?'}"


def sentence_parts(row: dict[str, Any]) -> tuple[str, str, str]:
    """An event's sentence cut around its trigger (before, trigger, after)."""
    sentence = row.get("sentence") or ""
    start = (row.get("trigger_start") or 0) - (row.get("start_char") or 0)
    end = (row.get("trigger_end") or 0) - (row.get("start_char") or 0)
    if not 0 <= start < end <= len(sentence):
        return sentence, "", ""
    return sentence[:start], sentence[start:end], sentence[end:]


def _reports(cur: duckdb.DuckDBPyConnection, cluster_id: str, pager: Pager) -> Rows:
    return fetch_page(cur, REPORTS, [cluster_id], pager)
