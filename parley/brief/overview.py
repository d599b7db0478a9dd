"""The sources a brief reads: for one article its title, outlet, date, label, authors,
subtitle and opening; for a corpus how many articles from how many outlets, first to last."""

from __future__ import annotations

from datetime import date

from parley.brief.cite import excerpt
from parley.brief.context import Context
from parley.brief.model import Evidence, Section, Sentence
from parley.brief.queries import Pick, corpus_articles, picked_rows

__all__ = ["lead_span", "overview_section"]

LEAD_LIMIT = 420


def overview_section(ctx: Context) -> Section:
    make = _article if ctx.kind == "article" else _corpus
    return Section("overview", ctx.phrases.template("sections.overview"), tuple(make(ctx)))


def lead_span(text: str) -> tuple[int, int]:
    """The article's opening: its first paragraph, cut after a sentence when it is long."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    if end - start > LEAD_LIMIT:
        cut = text.rfind(". ", start, start + LEAD_LIMIT)
        if cut > start:
            end = cut + 1
    return start, end


def _article(ctx: Context) -> list[Sentence]:
    assert ctx.scope.article_id is not None
    aid = ctx.scope.article_id
    row = ctx.sources.article(aid)
    text = str(row["text"] or "")
    start, end = lead_span(text)
    cite = [ctx.sources.cite(aid, start, end, Evidence("articles", aid))]
    title = row["title"] or excerpt(text[start:end], 80)
    out = []
    day: date | None = row["published_day"]
    if day is None:
        out.append(ctx.sentence("overview.article_undated", cite, quotes=(title,), title=title))
    elif row["outlet"]:
        out.append(ctx.sentence("overview.article", cite, quotes=(title,), title=title,
                                outlet=row["outlet"], published=day.isoformat()))  # fmt: skip
    else:
        out.append(ctx.sentence("overview.article_no_outlet", cite, quotes=(title,), title=title,
                                published=day.isoformat()))  # fmt: skip
    if row["genre"]:
        out.append(ctx.sentence("overview.genre", cite, quotes=(row["genre"],), genre=row["genre"]))
    if row["authors"]:
        out.append(ctx.sentence("overview.authors", cite, authors=", ".join(row["authors"])))
    if row["subtitle"]:
        out.append(ctx.sentence("overview.subtitle", cite, quotes=(row["subtitle"],),
                                subtitle=row["subtitle"]))  # fmt: skip
    if end > start:
        lead = excerpt(text[start:end], LEAD_LIMIT + 40)
        out.append(ctx.sentence("overview.lead", cite, quotes=(lead,), lead=lead))
    return out


def _corpus(ctx: Context) -> list[Sentence]:
    scope = ctx.scope
    assert scope.since is not None and scope.until is not None
    found = corpus_articles(ctx.con, scope)
    if not found["articles"]:
        return [ctx.sentence(
            "overview.corpus_none", absent=True, a_name=ctx.a_name, b_name=ctx.b_name,
            since=scope.since.isoformat(), until=scope.until.isoformat(),
        )]  # fmt: skip
    ends = dict.fromkeys((found["first_id"], found["last_id"]))
    picks = [Pick(aid, "e.article_id = ?", (aid,), order="e.start_char, e.event_id")
             for aid in ends]  # fmt: skip
    picked = picked_rows(ctx.con, scope, picks)
    ctx.preload(row for rows in picked.values() for row in rows)
    citations = [ctx.cite_event(row) for aid in ends for row in picked[aid]]
    noun = ctx.phrases.noun
    return [ctx.sentence(
        "overview.corpus", citations,
        figures={"articles_read": found["articles"], "outlets_read": found["outlets"]},
        articles=noun("article", found["articles"]), outlets=noun("outlet", found["outlets"]),
        first=found["first"].isoformat(), last=found["last"].isoformat(),
        a_name=ctx.a_name, b_name=ctx.b_name,
    )]  # fmt: skip
