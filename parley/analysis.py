"""The stages of one article's analysis, and ``analyze()``: the one-call convenience.

Data flows one way through an explicit table of stages. Each stage declares what it reads
from the context and the fields it assigns (its records; the time stage also adds a
warning); ``check_stage_order`` confirms that every field is made before it is read, the
way spaCy checks its pipeline. A stage returns its own records and never changes what an
earlier stage made. The loaded resources (model, knowledge
base, lexicons) come from the ``Pipeline`` that runs the stages (``parley.pipeline``).

    sources -> extract -> nlp -> entities -> time -> quotes -> events -> stances -> Analysis
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from parley.config import Config
from parley.nlp.index import MentionIndex, ParseIndex
from parley.records import Analysis, Article, Entity, Event, Quote, Stance, Timex
from parley.resources import Resources
from parley.sources import Document

__all__ = ["STAGES", "Config", "Context", "Stage", "analyze", "check_stage_order"]


@dataclass(frozen=True, slots=True)
class Context:
    """What the stages have made so far. Stages read it; only the pipeline writes it."""

    document: Document
    resources: Resources
    published: datetime | None = None  # a publication time supplied by the caller
    article: Article | None = None
    published_at: datetime | None = None  # the article's publication time, parsed once
    doc: Doc | None = None
    parse: ParseIndex | None = None
    entities: tuple[Entity, ...] = ()
    mentions: MentionIndex | None = None
    timexes: tuple[Timex, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    stances: tuple[Stance, ...] = ()
    warnings: tuple[str, ...] = ()
    skip_nlp: bool = False
    spent: float = 0.0  # seconds this document has used so far (its time limit is one budget)

    @property
    def on(self) -> date | None:
        """The publication day (actors are coded by the offices held on it)."""
        return self.published_at.date() if self.published_at else None


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]  # the context fields this stage makes
    run: Callable[[Context], dict[str, Any]]
    needs_nlp: bool = False  # skipped when the article is not English


def _extract(ctx: Context) -> dict[str, Any]:
    from parley.extract import extract_article

    article = extract_article(ctx.document, ctx.published, ctx.resources.extract)
    return {"article": article}


def _parse(ctx: Context) -> dict[str, Any]:
    assert ctx.article is not None
    doc = ctx.resources.nlp(ctx.article.text)
    return {"doc": doc, "parse": ParseIndex.build(doc, ctx.article.text)}


def _entities(ctx: Context) -> dict[str, Any]:
    from parley.entities import find_entities

    assert ctx.article is not None and ctx.parse is not None
    entities = find_entities(ctx.parse, ctx.article, ctx.on, ctx.resources.entities)
    return {"entities": entities, "mentions": MentionIndex.build(entities, ctx.parse)}


def _time(ctx: Context) -> dict[str, Any]:
    from parley.time import tag_timexes

    assert ctx.article is not None
    sentences = None
    if ctx.parse is not None:
        sentences = tuple(zip(ctx.parse.sent_starts, ctx.parse.sent_ends, strict=True))
    resources = ctx.resources.time
    timexes = tag_timexes(
        ctx.article.text, ctx.published_at, sentences=sentences, resources=resources
    )
    if ctx.published_at is not None:
        return {"timexes": timexes}
    return {"timexes": timexes, "warnings": (*ctx.warnings, _undated(timexes))}


def _undated(timexes: tuple[Timex, ...]) -> str:
    """The warning for an article with no publication time: what goes undated without it."""
    said = "no publication time: events take no date from it"
    unresolved = [t.text for t in timexes if t.anchor == "unresolved"]
    if not unresolved:
        return said
    shown = ", ".join(repr(text) for text in unresolved[:3])
    more = f" and {len(unresolved) - 3} more" if len(unresolved) > 3 else ""
    return f"{said}, and {len(unresolved)} relative time expressions ({shown}{more}) are unresolved"


def _quotes(ctx: Context) -> dict[str, Any]:
    from parley.quotes import find_quotes

    assert ctx.article is not None and ctx.parse is not None and ctx.mentions is not None
    quotes = find_quotes(ctx.parse, ctx.mentions, ctx.article, ctx.timexes, ctx.resources.quotes)
    return {"quotes": quotes}


def _events(ctx: Context) -> dict[str, Any]:
    from parley.events import find_events

    assert ctx.article is not None and ctx.parse is not None and ctx.mentions is not None
    events = find_events(
        ctx.parse,
        ctx.mentions,
        ctx.article,
        ctx.on,
        ctx.timexes,
        ctx.quotes,
        ctx.resources.events,
    )
    return {"events": events}


def _stances(ctx: Context) -> dict[str, Any]:
    from parley.stances import find_stances

    assert ctx.article is not None and ctx.parse is not None and ctx.mentions is not None
    stances = find_stances(
        ctx.parse,
        ctx.mentions,
        ctx.article,
        ctx.on,
        ctx.quotes,
        ctx.events,
        ctx.resources.stances,
    )
    return {"stances": stances}


STAGES: tuple[Stage, ...] = (
    Stage("extract", ("document", "published"), ("article",), _extract),
    Stage("nlp", ("article",), ("doc", "parse"), _parse, needs_nlp=True),
    Stage("entities", ("article", "parse"), ("entities", "mentions"), _entities, needs_nlp=True),
    Stage("time", ("article", "parse"), ("timexes", "warnings"), _time, needs_nlp=True),
    Stage(
        "quotes",
        ("article", "parse", "mentions", "timexes"),
        ("quotes",),
        _quotes,
        needs_nlp=True,
    ),
    Stage(
        "events",
        ("article", "parse", "mentions", "timexes", "quotes"),
        ("events",),
        _events,
        needs_nlp=True,
    ),
    Stage(
        "stances",
        ("article", "parse", "mentions", "quotes", "events"),
        ("stances",),
        _stances,
        needs_nlp=True,
    ),
)
# The stages after extraction, for text taken verbatim as the article body.
NLP_STAGES = STAGES[1:]


def check_stage_order(stages: tuple[Stage, ...] = STAGES) -> None:
    """Raise ValueError when a stage reads a field that no earlier stage made."""
    made = {"document", "resources", "published"}
    for stage in stages:
        missing = [name for name in stage.requires if name not in made]
        if missing:
            raise ValueError(f"stage {stage.name!r} requires {missing} before it is made")
        made.update(stage.assigns)


def finish(ctx: Context) -> Analysis:
    """The Analysis record of a context every stage has run on."""
    assert ctx.article is not None
    return Analysis(
        article=ctx.article,
        entities=ctx.entities,
        timexes=ctx.timexes,
        quotes=ctx.quotes,
        events=ctx.events,
        stances=ctx.stances,
        warnings=ctx.warnings,
    )


def analyze(
    document: Document | None = None,
    *,
    text: str | None = None,
    path: str | Path | None = None,
    data: bytes | None = None,
    published: str | datetime | None = None,
    url: str | None = None,
    config: Config | None = None,
    timeout: float | None = None,
) -> Analysis:
    """Analyze one news page, given as exactly one of: a ``Document``; ``text=`` (the page's
    text, HTML or scraped); ``path=`` (a file to read); ``data=`` (raw bytes in any encoding).

    A string is always text: a file is read only when asked with ``path=``. ``published``
    (ISO 8601 string or datetime) is used when the page gives no publication time; ``url`` is
    the page's address, kept as metadata (nothing is fetched). ``timeout`` (seconds) limits
    the analysis; by default the configuration's limit (120 s) applies. The model and tables
    are loaded once per configuration by ``parley.pipeline.default_pipeline``.
    """
    from parley.pipeline import default_pipeline, document_of

    doc = document_of(document, text=text, path=path, data=data, url=url, config=config)
    return default_pipeline(config)(doc, published=published, timeout=timeout)


def analyze_document(
    document: Document, published: datetime | None = None, config: Config | None = None
) -> Analysis:
    """Analyze a Document already read, with the default pipeline of ``config``."""
    from parley.pipeline import default_pipeline

    return default_pipeline(config)(document, published=published)


def analyze_text(
    text: str,
    published: str | datetime | None = None,
    *,
    config: Config | None = None,
    article_id: str = "",
) -> Analysis:
    """A text taken verbatim as the article body (``Pipeline.analyze_text``)."""
    from parley.pipeline import default_pipeline

    return default_pipeline(config).analyze_text(text, published=published, article_id=article_id)
