"""``analyze(document) -> Analysis``: one article, one pure function.

Data flows one way through an explicit table of stages. Each stage declares what it reads
from the context and the one field it assigns; ``check_stage_order`` confirms that every
field is made before it is read, the way spaCy checks its pipeline. A stage returns its own
records and never changes what an earlier stage made.

    sources -> extract -> nlp -> entities -> time -> quotes -> events -> Analysis
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from parley.config import Config
from parley.records import Analysis, Article, Entity, Event, Quote, Stance, Timex
from parley.sources import Document, document_from_input

__all__ = [
    "STAGES",
    "Config",
    "Context",
    "Stage",
    "analyze",
    "analyze_document",
    "analyze_text",
    "analyze_texts",
]


@dataclass(frozen=True, slots=True)
class Context:
    """What the stages have made so far. Stages read it; only ``run_stages`` writes it."""

    document: Document
    config: Config
    published: datetime | None = None  # a publication time supplied by the caller
    article: Article | None = None
    doc: Doc | None = None
    entities: tuple[Entity, ...] = ()
    timexes: tuple[Timex, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    stances: tuple[Stance, ...] = ()
    warnings: tuple[str, ...] = ()
    skip_nlp: bool = False


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    assigns: str
    run: Callable[[Context], Any]
    needs_nlp: bool = False  # skipped when the article is not English


def _extract(ctx: Context) -> Article:
    from parley.extract import extract_article

    return extract_article(ctx.document, published=ctx.published)


def _parse(ctx: Context) -> Doc:
    from parley.nlp import parse

    assert ctx.article is not None
    return parse(ctx.article.text, ctx.config.model)


def _entities(ctx: Context) -> tuple[Entity, ...]:
    from parley.entities import EntityResources, article_date, find_entities
    from parley.nlp.index import ParseIndex

    assert ctx.article is not None and ctx.doc is not None
    # Loaded per document until the pipeline owns the resources (and the parse index).
    resources = EntityResources.load(ctx.config, ctx.doc.vocab)
    on = article_date(ctx.article.published)
    return find_entities(ParseIndex.build(ctx.doc), ctx.article, on, resources)


def _time(ctx: Context) -> tuple[Timex, ...]:
    from parley.time import tag_timexes

    assert ctx.article is not None
    return tag_timexes(ctx.article.text, ctx.article.published)


def _quotes(ctx: Context) -> tuple[Quote, ...]:
    from parley.quotes import find_quotes

    assert ctx.article is not None and ctx.doc is not None
    return find_quotes(ctx.doc, ctx.article, ctx.entities, ctx.timexes)


def _events(ctx: Context) -> tuple[Event, ...]:
    from parley.events import find_events

    assert ctx.article is not None and ctx.doc is not None
    return find_events(ctx.doc, ctx.article, ctx.entities, ctx.timexes, ctx.quotes, ctx.config)


STAGES: tuple[Stage, ...] = (
    Stage("extract", ("document", "published"), "article", _extract),
    Stage("nlp", ("article",), "doc", _parse, needs_nlp=True),
    Stage("entities", ("article", "doc"), "entities", _entities, needs_nlp=True),
    Stage("time", ("article",), "timexes", _time, needs_nlp=True),
    Stage("quotes", ("article", "doc", "entities", "timexes"), "quotes", _quotes, needs_nlp=True),
    Stage(
        "events",
        ("article", "doc", "entities", "timexes", "quotes"),
        "events",
        _events,
        needs_nlp=True,
    ),
)


def check_stage_order(stages: tuple[Stage, ...] = STAGES) -> None:
    """Raise ValueError when a stage reads a field that no earlier stage made."""
    made = {"document", "config", "published"}
    for stage in stages:
        missing = [name for name in stage.requires if name not in made]
        if missing:
            raise ValueError(f"stage {stage.name!r} requires {missing} before it is made")
        made.add(stage.assigns)


def run_stages(ctx: Context, stages: tuple[Stage, ...] = STAGES) -> Context:
    for stage in stages:
        if stage.needs_nlp and ctx.skip_nlp:
            continue
        if stage.assigns in ("article", "doc") and getattr(ctx, stage.assigns) is not None:
            continue  # made already by the caller (a batch driver parses with nlp.pipe)
        ctx = dataclasses.replace(ctx, **{stage.assigns: stage.run(ctx)})
        if stage.assigns == "article":
            ctx = _after_extract(ctx)
    return ctx


def _after_extract(ctx: Context) -> Context:
    """Flag articles Parley's English models cannot read; their NLP stages are skipped."""
    article = ctx.article
    assert article is not None
    if article.language not in (None, "en"):
        note = f"the article is in {article.language!r}, not English: NLP stages skipped"
        return dataclasses.replace(ctx, skip_nlp=True, warnings=(*ctx.warnings, note))
    return ctx


def analyze_document(
    document: Document, published: datetime | None = None, config: Config | None = None
) -> Analysis:
    """Analyze a Document already read (the CLI and the corpus engines call this)."""
    ctx = Context(document=document, config=config or Config(), published=published)
    return _finish(run_stages(ctx))


def analyze_text(
    text: str,
    published: str | datetime | None = None,
    *,
    config: Config | None = None,
    article_id: str = "",
) -> Analysis:
    """Analyze a text taken verbatim as the article body: no extraction, no cleaning.

    Evaluations use this so that offsets index the gold files' own text. The text is taken
    to be English.
    """
    from parley.time.anchor import parse_published

    when = parse_published(published) if isinstance(published, str) else published
    ctx = _verbatim_context(text, when, config or Config(), article_id)
    return _finish(run_stages(ctx, STAGES[1:]))


def _verbatim_context(text: str, when: datetime | None, config: Config, article_id: str) -> Context:
    from parley.extract import article_id as make_id

    # The caller vouches for the text being English: evaluations feed English gold.
    published = when.isoformat() if when else None
    article = Article.from_text(text, id=article_id or make_id(text, None), published=published)
    document = Document(data=b"", source="<text>")
    return Context(document=document, config=config, published=when, article=article)


def _finish(ctx: Context) -> Analysis:
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


def analyze_texts(
    items: Iterable[tuple[str, str | None]],
    *,
    config: Config | None = None,
    batch_size: int = 16,
) -> Iterator[Analysis]:
    """Analyze many verbatim texts (text, published) in order, parsing them in batches with
    ``nlp.pipe``; the same stages as ``analyze_text``, for corpora and benchmarks."""
    from parley.nlp import parse_many
    from parley.time.anchor import parse_published

    config = config or Config()
    contexts = []
    for text, published in items:
        when = parse_published(published) if published else None
        contexts.append(_verbatim_context(text, when, config, ""))
    pairs = ((ctx.article.text, ctx) for ctx in contexts if ctx.article is not None)
    for doc, ctx in parse_many(pairs, config.model, batch_size=batch_size):
        yield _finish(run_stages(dataclasses.replace(ctx, doc=doc), STAGES[1:]))


def analyze(
    source: str | bytes | Path,
    published: str | datetime | None = None,
    url: str | None = None,
    *,
    config: Config | None = None,
) -> Analysis:
    """Analyze one news page: text, raw bytes (HTML or text, any encoding) or a file path.

    ``published`` (ISO 8601 string or datetime) is used when the page gives no publication
    time; ``url`` is the page's address, kept as metadata (nothing is fetched here).
    """
    from parley.time.anchor import parse_published

    document = document_from_input(source, url=url)
    when = parse_published(published) if isinstance(published, str) else published
    return analyze_document(document, when, config)
