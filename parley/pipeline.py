"""``Pipeline``: the analysis of many documents with resources loaded once.

    >>> from parley.pipeline import Pipeline               # doctest: +SKIP
    >>> pipeline = Pipeline.from_config(Config())           # doctest: +SKIP
    >>> analysis = pipeline(document)                       # doctest: +SKIP
    >>> for result in pipeline.pipe(documents, n_process=2):  # doctest: +SKIP
    ...     print(result.article.id if isinstance(result, Analysis) else result.message)

A pipeline is built once from a ``Config`` and owns every loaded resource (the spaCy model,
the knowledge base, the lexicons). It pickles as its ``Config``, so a process pool or a Spark
executor rebuilds it once per worker. ``pipe`` keeps input order and returns a document's
failure as a ``Failure`` value (its source, the stage, Parley's error code and message),
never stopping the batch.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parley.analysis import NLP_STAGES, STAGES, Context, Stage, finish
from parley.config import Config
from parley.errors import (
    INTERNAL_ERROR,
    PARLEY_FAILURES,
    InputError,
    InputTooLarge,
    TimeLimitExceeded,
)
from parley.limits import check_seconds, time_limit
from parley.nlp.index import ParseIndex
from parley.nlp.words import WordMemory
from parley.records import Analysis, Article, Record
from parley.resources import Resources
from parley.sources import Document

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "Failure",
    "Pipeline",
    "batches",
    "default_pipeline",
    "document_of",
    "publication_time",
]

# Publication years Parley resolves dates against. Pages emit zero dates ("0001-01-01") and
# far-future placeholders ("9999-12-31"); neither is a publication time.
EARLIEST_YEAR = 1800
# Documents whose batches share one spaCy memory zone (``Pipeline._finish_batch``): their new
# words stay cached for the next batch; a few MB of strings at most before they are freed.
ZONE_DOCUMENTS = 256
# The first zone's size; each next one is twice the last, up to ``ZONE_DOCUMENTS``. Only when
# a zone ends are its frequent words put in the tokenizer's cache (``WordMemory``), and inside a
# zone spaCy caches none: with 256 documents from the start, a run's first 256 documents had
# every word split into its affixes again at each use (a tenth of the parse's time on 100
# unseen PolNeAR articles). A short first zone fills the cache with the common words at once.
FIRST_ZONE_DOCUMENTS = 16
LATEST_YEAR = 2200

Published = str | datetime | None
Item = Document | tuple[Document, Published]


@dataclass(frozen=True, slots=True)
class Failure(Record):
    """One document that could not be analysed, as a value in a batch's results."""

    source: str  # the document's path, URL, or "<text>"
    stage: str  # the stage that failed ("read", "extract", "nlp", ...)
    code: str  # Parley's error code ("E106", "E301"; "E900" for an internal error)
    message: str  # one line for a person

    @property
    def internal(self) -> bool:
        """A bug in Parley (not bad input): the CLI exits 70 for these."""
        return self.code == INTERNAL_ERROR


def _in_zone(nlp: Language) -> bool:
    """Whether the model's vocabulary is in a memory zone (spaCy's stubs omit the flag)."""
    return bool(getattr(nlp.vocab, "in_memory_zone", False))


class _StageError(Exception):
    """Carries the failing stage's name with the error it raised (inside the pipeline only)."""

    def __init__(self, stage: str, error: BaseException) -> None:
        super().__init__(stage)
        self.stage = stage
        self.error = error


class Pipeline:
    """Parley's analysis with its resources loaded; build with ``Pipeline.from_config``."""

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self._warm = False
        self._stopped = False  # a time limit stopped a document: reload before the next
        # The memory zone consecutive batches share (``_finish_batch``) and how many
        # documents it has seen.
        self._shared_zone: contextlib.ExitStack | None = None
        self._zone_documents = 0
        self._zone_size = FIRST_ZONE_DOCUMENTS  # this zone's, growing to ZONE_DOCUMENTS
        # The frequent words of past zones, kept in the tokenizer's cache between zones.
        self._words = WordMemory()
        self._settled = False  # the first batch has run (every lazy table is loaded)
        _settle()

    @classmethod
    def from_config(cls, config: Config | None = None) -> Pipeline:
        """Load the model and every table the configuration names (once)."""
        return cls(Resources.load(config or Config()))

    @property
    def config(self) -> Config:
        return self.resources.config

    def __reduce__(self) -> tuple[Any, tuple[Config]]:
        # A pipeline travels as its configuration; the receiver loads its own resources.
        return (Pipeline.from_config, (self.config,))

    # ------------------------------------------------------------------ one document ---
    def __call__(
        self, document: Document, *, published: Published = None, timeout: float | None = None
    ) -> Analysis:
        """Analyse one document; raise its ParleyError or TimeLimitExceeded when it fails."""
        ctx = self._context(document, published)
        seconds = self.config.timeout if timeout is None else check_seconds(timeout)
        with self._zone(), time_limit(seconds, document.source):
            try:
                return finish(self._run(ctx, STAGES))
            except _StageError as failed:
                raise failed.error from None

    def analyze_text(
        self,
        text: str,
        *,
        published: Published = None,
        article_id: str = "",
        timeout: float | None = None,
    ) -> Analysis:
        """Analyse a text taken verbatim as the article body: no extraction, no cleaning, so
        offsets index the caller's own text (evaluations feed gold files this way). The text
        is taken to be English."""
        ctx = self._verbatim_context(text, published, article_id)
        seconds = self.config.timeout if timeout is None else check_seconds(timeout)
        with self._zone(), time_limit(seconds, article_id or "<text>"):
            try:
                return finish(self._run(ctx, NLP_STAGES))
            except _StageError as failed:
                raise failed.error from None

    # ----------------------------------------------------------------------- batches ---
    def pipe(
        self,
        items: Iterable[Item],
        *,
        n_process: int = 1,
        batch_size: int = 16,
    ) -> Iterator[Analysis | Failure]:
        """Analyse documents (or (document, published) pairs) in input order; a document
        that fails comes out as a ``Failure`` and the rest go on. ``n_process`` > 1 runs
        worker processes, each rebuilding this pipeline from its ``Config`` once."""
        if n_process < 1:
            raise ValueError("n_process must be at least 1")
        chunks = batches(items, batch_size)
        if n_process == 1:
            self.warm()
            for chunk in chunks:
                yield from self._pipe_chunk(chunk)
            return
        from parley.workers import map_batches

        for _, results in map_batches(self.config, ((None, c) for c in chunks), n_process):
            yield from results

    def pipe_texts(
        self, items: Iterable[tuple[str, Published]], *, batch_size: int = 16
    ) -> Iterator[Analysis | Failure]:
        """Verbatim texts with their publication times, in order (``analyze_text`` batched)."""
        for chunk in batches(items, batch_size):
            contexts: list[Context | Failure] = []
            for text, published in chunk:
                try:
                    contexts.append(self._verbatim_context(text, published, ""))
                except PARLEY_FAILURES as err:
                    contexts.append(_failure("<text>", "read", err))
            yield from self._finish_batch(contexts)

    def _pipe_chunk(self, chunk: list[Item]) -> Iterator[Analysis | Failure]:
        contexts: list[Context | Failure] = []
        for item in chunk:
            document, published = item if isinstance(item, tuple) else (item, None)
            started = time.monotonic()
            try:
                ctx = self._context(document, published)
                with time_limit(self.config.timeout, document.source):
                    ctx = self._run(ctx, STAGES[:1])
                contexts.append(dataclasses.replace(ctx, spent=time.monotonic() - started))
            except _StageError as failed:
                contexts.append(_failure(document.source, failed.stage, failed.error))
            except PARLEY_FAILURES as err:
                contexts.append(_failure(document.source, "read", err))
        yield from self._finish_batch(contexts)

    def _finish_batch(self, contexts: list[Context | Failure]) -> Iterator[Analysis | Failure]:
        """Parse the batch's articles together (spaCy is fastest over batches), then run the
        later stages on each within its own time limit.

        Batches run in a spaCy memory zone that consecutive batches share, up to
        ``ZONE_DOCUMENTS`` documents: the strings and lexemes their texts add to the
        vocabulary are freed when it ends (the records hold plain strings), so a long run's
        memory stays flat instead of growing with every new word. A zone per batch of 16
        made spaCy look up and cache the same common words again every 16 articles (about
        a tenth more parsing time than plain spaCy); shared, it costs next to nothing."""
        self._open_shared_zone()
        try:
            results = list(self._analyse_batch(contexts))
        except BaseException as err:
            if isinstance(err, TimeLimitExceeded) or (
                isinstance(err, _StageError) and isinstance(err.error, TimeLimitExceeded)
            ):
                self._stopped = True
            self._close_shared_zone()
            if self._stopped:
                self._reload()
            raise
        self._zone_documents += len(contexts)
        if not self._settled:
            self._settled = True
            _settle()
        for result in results:
            if isinstance(result, Failure) and result.code == TimeLimitExceeded.code:
                self._stopped = True
        if self._stopped or self._zone_documents >= min(self._zone_size, ZONE_DOCUMENTS):
            self._close_shared_zone()
            self._zone_size = min(2 * self._zone_size, ZONE_DOCUMENTS)
        if self._stopped:
            self._reload()
        yield from results

    def _open_shared_zone(self) -> None:
        # Another pipeline over the same loaded model may be in its zone already (zones
        # must not nest): the batches then run in that one.
        if self._shared_zone is None and not _in_zone(self.resources.nlp):
            stack = contextlib.ExitStack()
            stack.enter_context(self.resources.nlp.memory_zone())
            self._shared_zone, self._zone_documents = stack, 0

    def release(self) -> None:
        """Free the words the last batches added to the model's vocabulary now, rather than
        when their shared memory zone fills (``ZONE_DOCUMENTS``): for a caller that keeps the
        pipeline while idle."""
        self._close_shared_zone()

    def _close_shared_zone(self) -> None:
        """End the batches' zone (spaCy's zones must not nest, and a reload replaces the
        vocabulary it belongs to)."""
        stack, self._shared_zone = self._shared_zone, None
        if stack is not None:
            stack.close()
            if not self._stopped:  # a stopped run reloads its model: nothing to keep
                self._words.keep(self.resources.nlp)

    @contextlib.contextmanager
    def _zone(self) -> Iterator[None]:
        """A spaCy memory zone around one document: the strings and lexemes its
        texts add to the vocabulary are freed at its end (records hold plain strings), so a
        long run's memory stays flat instead of growing with every new word. A time limit
        that stopped spaCy in the middle of an update may leave its vocabulary inconsistent:
        after such a stop the resources are loaded again, before the next document."""
        self._close_shared_zone()
        nlp = self.resources.nlp
        try:
            with contextlib.nullcontext() if _in_zone(nlp) else nlp.memory_zone():
                yield
        except TimeLimitExceeded:
            self._stopped = True
            raise
        except _StageError as failed:
            self._stopped = isinstance(failed.error, TimeLimitExceeded)
            raise
        finally:
            if self._stopped:
                self._reload()

    def _reload(self) -> None:
        self._stopped = False
        # The old resources were frozen out of the collector (``_settle``): thaw them so that
        # their reference cycles are collected once they are dropped.
        gc.unfreeze()
        self.resources = Resources.load(self.config)
        self._words = WordMemory()  # the new model's tokenizer caches nothing yet
        gc.collect()
        _settle()

    def _analyse_batch(self, contexts: list[Context | Failure]) -> Iterator[Analysis | Failure]:
        parsed = self._parse_batch([c for c in contexts if isinstance(c, Context)])
        for ctx in contexts:
            if isinstance(ctx, Failure):
                yield ctx
                continue
            source = ctx.document.source
            ctx = parsed.get(id(ctx), ctx)
            # One limit per document: what reading, extraction and its share of the batch's
            # parse took comes off what the later stages may use.
            left = self.config.timeout - ctx.spent if self.config.timeout else None
            if left is not None and left <= 0:
                message = f"{source} took longer than {self.config.timeout:g} s and was stopped"
                yield _failure(source, "nlp", TimeLimitExceeded(message))
                continue
            try:
                with time_limit(left, source):
                    yield finish(self._run(ctx, NLP_STAGES))
            except _StageError as failed:
                yield _failure(source, failed.stage, failed.error)
            except TimeLimitExceeded as err:  # fired between two stages
                yield _failure(source, "analysis", err)

    def _parse_batch(self, contexts: list[Context]) -> dict[int, Context]:
        """Each context with its parse, keyed by the context's identity. Articles that are too
        long or not English are left to the per-document run, which reports or skips them."""
        todo = [c for c in contexts if _parsable(c, self.config)]
        if len(todo) < 2:
            return {}
        seconds = self.config.timeout
        started = time.monotonic()
        try:
            with time_limit(seconds * len(todo) if seconds else None, "a batch"):
                texts = [(c.article.text, c) for c in todo if c.article is not None]
                docs = list(self.resources.nlp.pipe(texts, as_tuples=True))
        except TimeLimitExceeded:
            return {}  # each document is parsed again alone, within what it has left
        share = (time.monotonic() - started) / len(todo)
        if self._shared_zone is not None:
            for text, _ in texts:
                self._words.see(text)
        parsed: dict[int, Context] = {}
        for doc, ctx in docs:
            assert ctx.article is not None
            parse = ParseIndex.build(doc, ctx.article.text)
            spent = ctx.spent + share
            parsed[id(ctx)] = dataclasses.replace(ctx, doc=doc, parse=parse, spent=spent)
        return parsed

    def warm(self) -> None:
        """Run one small HTML page through extraction, outside any time limit: the HTML
        libraries load their own tables lazily (seconds of CPU on first use), which would
        otherwise count against the first HTML document of a batch."""
        if self._warm:
            return
        self._warm = True
        page = (
            b"<html><head><title>Warm-up</title><meta name='date' content='2020-01-02'>"
            b"</head><body><article><h1>Warm-up</h1><p>The ministers met in Geneva on "
            b"Tuesday, 2 January 2020, and talked about trade.</p></article></body></html>"
        )
        document = Document(data=page, source="<warm-up>", content_type="text/html")
        # A page too small to be an article is fine: the libraries have loaded.
        with contextlib.suppress(_StageError):
            self._run(self._context(document, None), STAGES[:1])

    # ------------------------------------------------------------------- the stages ---
    def _context(self, document: Document, published: Published) -> Context:
        return Context(
            document=document,
            resources=self.resources,
            published=publication_time(published),
            warnings=document.warnings,  # what reading noticed (bytes replaced by U+FFFD...)
        )

    def _verbatim_context(self, text: str, published: Published, article_id: str) -> Context:
        from parley.extract import article_id as make_id

        when = publication_time(published)
        article = Article.from_text(
            text,
            id=article_id or make_id(text, None),
            published=when.isoformat() if when else None,
        )
        document = Document(data=b"", source=article_id or "<text>")
        ctx = Context(document=document, resources=self.resources, published=when)
        return _after_extract(dataclasses.replace(ctx, article=article))

    def _run(self, ctx: Context, stages: tuple[Stage, ...]) -> Context:
        for stage in stages:
            if stage.needs_nlp and ctx.skip_nlp:
                continue
            if stage.name == "nlp" and ctx.doc is not None:
                continue  # parsed already, with the rest of its batch
            try:
                if stage.name == "nlp":
                    _check_length(ctx, self.config)
                made = stage.run(ctx)
            except PARLEY_FAILURES as err:
                raise _StageError(stage.name, err) from err
            except Exception as err:  # a bug in a stage: reported with the stage's name
                raise _StageError(stage.name, err) from err
            ctx = dataclasses.replace(ctx, **made)
            if stage.name == "extract":
                ctx = _after_extract(ctx)
        return ctx


def _settle() -> None:
    """Move every object alive now (the loaded model, knowledge base and lexicons, which
    live as long as the pipeline) out of the garbage collector's generations. The collector
    otherwise walks them again in each of its full passes, which an analysis's many small
    records set off: about a twentieth of the stages' time. Frozen objects are still freed
    when nothing refers to them; only a reference cycle among them would outlive its use."""
    gc.freeze()


def _after_extract(ctx: Context) -> Context:
    """Parse the publication time once; flag articles Parley's English models cannot read
    (their NLP stages are skipped)."""
    article = ctx.article
    assert article is not None
    warnings = list(ctx.warnings)
    published_at = None
    if article.published:
        published_at = _page_time(article.published)
        if published_at is None:
            warnings.append(
                f"the publication time {article.published!r} is out of range "
                f"({EARLIEST_YEAR}-{LATEST_YEAR}) and was dropped"
            )
            article = dataclasses.replace(article, published=None, published_source=None)
    skip = ctx.skip_nlp
    if article.language not in (None, "en"):
        warnings.append(f"the article is in {article.language!r}, not English: NLP stages skipped")
        skip = True
    return dataclasses.replace(
        ctx, article=article, published_at=published_at, warnings=tuple(warnings), skip_nlp=skip
    )


def _page_time(value: str) -> datetime | None:
    from parley.time.anchor import parse_published

    try:
        when = parse_published(value)
    except InputError:
        return None
    return when if EARLIEST_YEAR <= when.year <= LATEST_YEAR else None


def publication_time(value: Published) -> datetime | None:
    """A caller's publication time, parsed and checked (InputError for one out of range)."""
    from parley.time.anchor import parse_published

    if value is None:
        return None
    when = parse_published(value) if isinstance(value, str) else value
    if not EARLIEST_YEAR <= when.year <= LATEST_YEAR:
        raise InputError(
            f"publication time {when.isoformat()} is out of range ({EARLIEST_YEAR}-{LATEST_YEAR})"
        )
    return when


def _check_length(ctx: Context, config: Config) -> None:
    assert ctx.article is not None
    size = len(ctx.article.text)
    if size > config.max_chars:
        raise InputTooLarge(
            f"the article's text has {size:,} characters, over the limit of "
            f"{config.max_chars:,} (Config.max_chars)"
        )


def _parsable(ctx: Context, config: Config) -> bool:
    return (
        ctx.article is not None
        and not ctx.skip_nlp
        and ctx.doc is None
        and len(ctx.article.text) <= config.max_chars
    )


def _failure(source: str, stage: str, error: BaseException) -> Failure:
    if isinstance(error, PARLEY_FAILURES):
        return Failure(source, stage, error.code, error.message)
    message = " ".join(f"{type(error).__name__}: {error}".split())
    return Failure(source, stage, INTERNAL_ERROR, message)


def batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """``items`` in lists of ``size`` (the last one shorter), in order."""
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= max(size, 1):
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# ------------------------------------------------------------- the default pipeline ---
_DEFAULT: Pipeline | None = None  # the one pipeline ``parley.analyze`` keeps between calls


def default_pipeline(config: Config | None = None) -> Pipeline:
    """The pipeline ``parley.analyze`` uses: built on first use and kept for the same
    configuration (a different configuration replaces it)."""
    global _DEFAULT
    config = config or Config()
    if _DEFAULT is None or _DEFAULT.config != config:
        _DEFAULT = Pipeline.from_config(config)
    return _DEFAULT


def document_of(
    document: Document | None = None,
    *,
    text: str | None = None,
    path: str | Path | None = None,
    data: bytes | None = None,
    url: str | None = None,
    config: Config | None = None,
) -> Document:
    """The one Document a caller named with exactly one of document, text, path or data."""
    from parley.sources import read_path

    given = [
        name
        for name, v in (("document", document), ("text", text), ("path", path), ("data", data))
        if v is not None
    ]
    if len(given) != 1:
        raise TypeError(
            "give exactly one of a Document, text=, path= or data= "
            f"(got {', '.join(given) or 'none'})"
        )
    if document is not None:
        if not isinstance(document, Document):
            raise TypeError(
                f"the first argument is a Document, not {type(document).__name__}: "
                "use text=, path= or data="
            )
        return dataclasses.replace(document, url=url) if url else document
    if text is not None:
        if not isinstance(text, str):
            raise TypeError(f"text= takes a str, not {type(text).__name__}")
        return Document(
            data=text.encode("utf-8", "replace"),  # a lone surrogate becomes "?"
            source="<text>",
            url=url,
            content_type="text/plain; charset=utf-8",
        )
    if data is not None:
        if not isinstance(data, bytes | bytearray):
            raise TypeError(f"data= takes bytes, not {type(data).__name__}")
        return Document(data=bytes(data), source="<bytes>", url=url)
    assert path is not None
    read = read_path(Path(path), (config or Config()).max_bytes)
    return dataclasses.replace(read, url=url) if url else read
