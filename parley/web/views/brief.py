"""The dyad's brief (``/dyad/USA/PRK/brief``: ``parley.brief``), which the dyad page loads
after itself (``parley.js``; a link without script): a brief reads the whole dyad and takes
far longer than the rest of the page.

``parley.brief.render(brief, "html", link_base="")`` writes a whole page whose citations link
to this server's article pages (``/article/<id>#c<start>-<end>``); the dashboard shows its
``<article>`` element inside its own page, styled by the dashboard's own stylesheet (the
brief's inline style would break the Content-Security-Policy anyway). The HTML comes from
the brief's autoescaping templates, so it is markup already.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb
from markupsafe import Markup
from starlette.requests import Request

from parley.errors import ParleyError
from parley.web.pages import Page, actor_code, day_param
from parley.web.state import Web

__all__ = ["BriefBlock", "brief_block", "dyad_brief", "fragment"]


@dataclass(frozen=True, slots=True)
class BriefBlock:
    html: Markup | None  # the brief's <article> element, or None
    data: dict[str, Any]  # the brief as JSON, or why there is none


def dyad_brief(request: Request, web: Web) -> Page:
    a = actor_code(request.path_params["a"])
    b = actor_code(request.path_params["b"])
    since, until = day_param(request, "since"), day_param(request, "until")
    with web.store.cursor() as cur:
        block = brief_block(cur, a, b, since, until)
    data = {"a": a, "b": b, "since": since, "until": until, "brief": block.data}
    return Page("brief.html", f"Brief: {a} and {b}", data, {"brief_html": block.html})


def brief_block(
    cur: duckdb.DuckDBPyConnection, a: str, b: str, since: date | None, until: date | None
) -> BriefBlock:
    try:
        from parley.brief import corpus_brief, render
    except ImportError:
        return BriefBlock(None, {"absent": "this Parley has no briefs yet"})
    try:
        brief = corpus_brief(cur, a, b, since, until)
    except ParleyError as err:
        return BriefBlock(None, {"absent": err.message})
    return BriefBlock(fragment(render(brief, "html", link_base="")), brief.to_dict())


def fragment(page: str) -> Markup | None:
    """The ``<article>`` element of a page the brief's templates wrote."""
    start, end = page.find("<article>"), page.rfind("</article>")
    if start < 0 or end < start:
        return None
    return Markup(page[start : end + len("</article>")])  # escaped by the brief's templates
