"""Putting a brief together: one code path for a corpus and for one article.

``corpus_brief(con, a, b, since, until)`` briefs a dyad over a period (by default the days of
its events); ``article_brief(con, article_id)`` briefs one stored article (``parley brief
ARTICLE`` first stores the article in a temporary store with the normal writer). Both read
only the store; neither imports a pipeline stage.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from parley.brief.cite import Sources
from parley.brief.context import Context
from parley.brief.events import events_section
from parley.brief.model import Brief, Section
from parley.brief.overview import overview_section
from parley.brief.phrases import Phrases
from parley.brief.positions import positions_section
from parley.brief.queries import Scope, actor_names, dyad_span, principal_dyad
from parley.brief.state import state_section
from parley.brief.voices import voices_section
from parley.brief.watch import watch_section
from parley.errors import InputError

if TYPE_CHECKING:
    import duckdb

__all__ = ["article_brief", "corpus_brief"]

SECTIONS = (
    overview_section, state_section, events_section, positions_section, voices_section,
    watch_section,
)  # fmt: skip


def _context(
    con: duckdb.DuckDBPyConnection,
    scope: Scope,
    kind: str,
    reference: date | None,
    phrases: Phrases | None,
) -> Context:
    from parley.store.output import cameo_names

    names = None
    if scope.dyad is not None:
        found = actor_names(con, list(scope.dyad))
        names = (found.get(scope.dyad[0], scope.dyad[0]), found.get(scope.dyad[1], scope.dyad[1]))
    return Context(
        con=con, scope=scope, phrases=phrases or Phrases.load(), sources=Sources(con),
        kind="article" if kind == "article" else "corpus", reference=reference,
        cameo=cameo_names(), names=names,
    )  # fmt: skip


def _code(value: str) -> str:
    code = (value or "").strip().upper()
    if not code.isalnum():
        raise InputError(f"{value!r} is not an actor code (give codes such as USA or PRKGOV)")
    return code


def corpus_brief(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    since: date | None = None,
    until: date | None = None,
    *,
    phrases: Phrases | None = None,
) -> Brief:
    """The brief of the dyad ``a``:``b`` (either direction; codes match as prefixes) over
    ``since``..``until`` (both days included; a missing end is the dyad's first or last
    event day)."""
    dyad = (_code(a), _code(b))
    if since is None or until is None:
        span = dyad_span(con, dyad)
        if span is not None:
            since = since or span[0]
            until = until or span[1]
    if since is not None and until is not None and since > until:
        raise InputError(f"the period ends ({until}) before it starts ({since})")
    scope = Scope(dyad=dyad, since=since, until=until)
    ctx = _context(con, scope, "corpus", until, phrases)
    values: dict[str, Any] = {"a_name": ctx.a_name, "b_name": ctx.b_name}
    if since is None or until is None:
        # No period given and no event of the dyad to take one from: say so, and only that.
        never = ctx.sentence("overview.corpus_never", absent=True, **values)
        section = Section("overview", ctx.phrases.template("sections.overview"), (never,))
        return Brief("corpus", ctx.phrases.say("titles.corpus_empty", **values), (section,),
                     dyad=dyad, names=ctx.names, since=since, until=until)  # fmt: skip
    title = ctx.phrases.say("titles.corpus", since=since.isoformat(), until=until.isoformat(),
                            **values)  # fmt: skip
    sections = tuple(make(ctx) for make in SECTIONS)
    return Brief("corpus", title, sections, dyad=dyad, names=ctx.names, since=since, until=until)


def article_brief(
    con: duckdb.DuckDBPyConnection,
    article_id: str,
    *,
    dyad: tuple[str, str] | None = None,
    phrases: Phrases | None = None,
) -> Brief:
    """The brief of one stored article; its state section follows ``dyad`` (by default the
    pair of countries its events join most often)."""
    row = con.execute(
        "SELECT title, published_day FROM articles WHERE article_id = ?", [article_id]
    ).fetchone()
    if row is None:
        raise InputError(f"no article {article_id!r} in the store")
    dyad = (_code(dyad[0]), _code(dyad[1])) if dyad else principal_dyad(con, article_id)
    scope = Scope(dyad=dyad, article_id=article_id)
    ctx = _context(con, scope, "article", row[1], phrases)
    title = ctx.phrases.say("titles.article", title=row[0] or article_id)
    sections = tuple(make(ctx) for make in SECTIONS)
    return Brief("article", title, sections, dyad=dyad, names=ctx.names, since=row[1],
                 until=row[1], article_id=article_id)  # fmt: skip
