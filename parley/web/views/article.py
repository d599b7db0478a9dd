"""An article (``/article/<id>``): its text with entities, quotes, events and time expressions
highlighted in place (the one-article HTML report's marks, ``parley.report.html``), its
metadata, the tables of what was found, and links out.

Every passage a row rests on (an event's sentence, a quote, a stance) has an anchor
``c<start>-<end>``, which is where the brief's citations and the other pages' evidence links
point. ``?hl=<start>-<end>`` highlights a passage on the server; ``parley.js`` highlights
the passage a ``#c<start>-<end>`` link names even when no row starts there.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request

from parley.report.html import marks_of, paragraphs_of, segment_paragraph
from parley.web.pages import Page, bad_request, fetch
from parley.web.state import Web
from parley.web.views.common import OUTLET

__all__ = ["Piece", "article", "article_view", "external_url"]

_SPAN = re.compile(r"(\d{1,9})-(\d{1,9})")
_WEB = re.compile(r"https?://[^\s\"'<>]+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of the article's text drawn as one element."""

    text: str
    start: int
    end: int
    classes: str
    href: str | None
    title: str
    anchors: tuple[str, ...]


def article(request: Request, web: Web) -> Page:
    article_id = request.path_params["article_id"]
    highlight = _span(request.query_params.get("hl"))
    with web.store.cursor() as cur:
        found = fetch(
            cur,
            "SELECT article_id, url, source, title, published, published_day, publisher,"
            f" duplicate_of, similarity, ingested_at, analysis, {OUTLET} AS outlet"
            " FROM articles a WHERE article_id = ?",
            [article_id],
        )
        if not found:
            raise HTTPException(404, f"no article {article_id[:40]!r} in this store")
        row = found[0]
        stances: list[dict[str, Any]] = []
        if web.store.has("stances"):
            stances = fetch(
                cur,
                "SELECT stance_id, actor, actor_code, actor_name, issue, position, sentence,"
                " start_char, end_char, speaker_role, quote_id, event_id, day FROM stances"
                " WHERE article_id = ? ORDER BY start_char, stance_id",
                [article_id],
            )
        clusters: dict[str, str] = {}
        if web.store.has("event_cluster_members"):
            clusters = {
                str(event_id): str(cluster_id)
                for event_id, cluster_id in cur.execute(
                    "SELECT event_id, cluster_id FROM event_cluster_members WHERE article_id = ?",
                    [article_id],
                ).fetchall()
            }
    analysis = json.loads(row.pop("analysis") or "{}")
    stored = {k: v for k, v in row.items() if k != "source"}
    stored["source_name"] = _source_name(row.get("source"))
    page = article_view(analysis, stances, clusters, highlight, stored=stored)
    page.data["stored"] = stored
    return page


def article_view(
    analysis: dict[str, Any],
    stances: list[dict[str, Any]],
    clusters: dict[str, str],
    highlight: tuple[int, int] | None = None,
    *,
    stored: dict[str, Any] | None = None,
) -> Page:
    """The page of one analysis (a stored one, or the analyze page's fresh one)."""
    body = analysis.get("article") or {}
    text = str(body.get("text") or "")
    spans = paragraphs_of(text)
    passages = _passages(analysis, stances)
    anchors = _anchors(passages, spans)
    marks = marks_of(analysis)
    paragraphs = [
        _pieces(text, start, end, segment_paragraph(text, start, end, marks), anchors, highlight)
        for start, end in spans
    ]
    entities = {e["id"]: e for e in analysis.get("entities") or ()}
    data = {
        "analysis": analysis,
        "stances": stances,
        "clusters": clusters,
        "stored": stored,
    }
    extra = {
        "article": body,
        "paragraphs": paragraphs,
        "entities": entities,
        "link": external_url((stored or {}).get("url") or body.get("url")),
        "highlight": highlight,
        "triggers": {e["id"]: text[slice(*e["trigger"])] for e in analysis.get("events") or ()},
    }
    return Page("article.html", str(body.get("title") or "(untitled)"), data, extra)


def external_url(url: Any) -> str | None:
    """A link out only to a web page (http or https): never ``javascript:``, ``data:`` or
    a path of this machine."""
    if isinstance(url, str) and _WEB.fullmatch(url.strip()):
        return url.strip()
    return None


def _span(raw: str | None) -> tuple[int, int] | None:
    if not raw:
        return None
    match = _SPAN.fullmatch(raw)
    if not match or int(match.group(1)) >= int(match.group(2)):
        raise bad_request(f"hl={raw[:40]!r}: give the passage as START-END (character offsets)")
    return int(match.group(1)), int(match.group(2))


def _source_name(source: Any) -> str | None:
    """Where the article came from, without this machine's folders: a URL as it is, a path
    by its file name."""
    if not isinstance(source, str) or not source:
        return None
    return source if external_url(source) else PurePath(source).name


def _passages(analysis: dict[str, Any], stances: list[dict[str, Any]]) -> set[tuple[int, int]]:
    """The spans rows rest on: each gets an anchor ``c<start>-<end>``."""
    spans = {(e["start"], e["end"]) for e in analysis.get("events") or ()}
    spans |= {(q["start"], q["end"]) for q in analysis.get("quotes") or ()}
    spans |= {(s["start_char"], s["end_char"]) for s in stances if s.get("start_char") is not None}
    return {(s, e) for s, e in spans if isinstance(s, int) and isinstance(e, int) and s < e}


def _anchors(
    passages: set[tuple[int, int]], paragraphs: list[tuple[int, int]]
) -> dict[int, list[str]]:
    """Each passage's anchor at the offset where it is drawn: its start, or the start of the
    next paragraph when it starts in the blank between two."""
    out: dict[int, list[str]] = {}
    for s, e in sorted(passages):
        at = next((max(s, p) for p, q in paragraphs if q > s), None)
        if at is not None:
            out.setdefault(at, []).append(f"c{s}-{e}")
    return out


def _pieces(
    text: str,
    start: int,
    end: int,
    segments: list[Any],
    anchors: dict[int, list[str]],
    highlight: tuple[int, int] | None,
) -> list[Piece]:
    """The report's segments of one paragraph, cut again where an anchor goes and where the
    highlighted passage starts and ends."""
    cuts = {c for c in anchors if start < c < end}
    if highlight:
        cuts |= {c for c in highlight if start < c < end}
    pieces: list[Piece] = []
    at = start
    for segment in segments:
        seg_end = at + len(segment.text)
        inner = sorted(c for c in cuts if at < c < seg_end)
        for left, right in zip([at, *inner], [*inner, seg_end], strict=True):
            classes = segment.classes
            if highlight and highlight[0] <= left and right <= highlight[1]:
                classes = f"{classes} hl".strip()
            pieces.append(Piece(text[left:right], left, right, classes, segment.href,
                                segment.title, tuple(anchors.get(left, ()))))  # fmt: skip
        at = seg_end
    return pieces
