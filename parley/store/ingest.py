"""``ingest``: documents in, rows out. Reads the sources in order, skips what is stored,
sends the rest through the local engine, and hands every batch to the one writer."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parley.config import Config
from parley.sources import Document
from parley.sources.corpus import CorpusOptions, ReadFailure, StoredAnalysis, iter_documents
from parley.store.schema import open_store
from parley.store.writer import Counts, Failed, Stored, StoreWriter

if TYPE_CHECKING:
    from parley.engines.local import Result
    from parley.pipeline import Pipeline

__all__ = [
    "IngestOptions", "config_hash", "content_hash", "ingest", "ingest_items", "outcome",
]  # fmt: skip

Progress = Callable[[Counts], None]

WRITE_SECONDS = 2.0  # a slow stream (URLs) still commits what it has this often


@dataclass(frozen=True)
class IngestOptions:
    workers: int = 1
    batch_size: int = 16  # documents per analysis batch (one pipeline call in a worker)
    # Documents per transaction at least (whole analysis batches), unless WRITE_SECONDS pass
    # first: DuckDB's cost per statement and per commit is large against one batch's rows.
    write_batch: int = 128
    force: bool = False
    threshold: float = 0.8  # near-duplicate Jaccard similarity


def ingest(
    specs: Iterable[str],
    db: Path,
    *,
    config: Config,
    corpus: CorpusOptions,
    options: IngestOptions,
    arguments: dict[str, Any] | None = None,
    progress: Progress | None = None,
    pipeline: Pipeline | None = None,
) -> Counts:
    """Ingest every document the specs name into the store at ``db``; the counts at the end."""
    return ingest_items(
        iter_documents(specs, corpus), db, config=config, options=options,
        arguments=arguments, progress=progress, pipeline=pipeline,
    )  # fmt: skip


def ingest_items(
    items: Iterable[Document | ReadFailure | StoredAnalysis],
    db: Path,
    *,
    config: Config,
    options: IngestOptions,
    arguments: dict[str, Any] | None = None,
    progress: Progress | None = None,
    pipeline: Pipeline | None = None,
) -> Counts:
    con = open_store(db)  # first: a locked or foreign store fails before the model loads
    try:
        from parley import __version__
        from parley.engines.local import analyze_batches

        writer = StoreWriter(
            con, parley_version=__version__, config_hash=config_hash(config),
            arguments=arguments or {}, force=options.force, threshold=options.threshold,
        )  # fmt: skip
        status = "interrupted"
        try:
            todo = _unseen(items, writer, progress)
            batches = analyze_batches(
                config, todo, workers=options.workers, batch_size=options.batch_size,
                pipeline=pipeline, unwrap=_document,
            )  # fmt: skip
            pending: list[Stored | Failed] = []
            last = time.monotonic()
            for batch in batches:
                pending.extend(outcome(h.item, h.digest, result) for h, result in batch)
                if len(pending) >= options.write_batch or time.monotonic() - last > WRITE_SECONDS:
                    writer.write(pending)
                    pending, last = [], time.monotonic()
                    if progress:
                        progress(writer.counts)
            if pending:
                writer.write(pending)
            status = "done"
        finally:
            writer.finish(status)
        if status == "done":
            from parley.store.search import build_index

            build_index(con)  # full-text search (parley.store.search); a snapshot, so rebuilt
        return writer.counts
    finally:
        con.close()


def _unseen(
    items: Iterable[Document | ReadFailure | StoredAnalysis],
    writer: StoreWriter,
    progress: Progress | None,
) -> Iterator[_Hashed]:
    """Items with their content hash, leaving out those already stored (counted as present)."""
    for item in items:
        digest = "" if isinstance(item, ReadFailure) else content_hash(item)
        if digest and writer.known(digest):
            writer.skip()
            if progress and writer.counts.present % 100 == 0:
                progress(writer.counts)
            continue
        if digest:
            writer.claim(digest)
        yield _Hashed(item, digest)


@dataclass(frozen=True, slots=True)
class _Hashed:
    item: Document | ReadFailure | StoredAnalysis
    digest: str


def _document(hashed: _Hashed) -> Document | None:
    """What the engine analyses: the document inside a hashed item (nothing else is)."""
    return hashed.item if isinstance(hashed.item, Document) else None


def outcome(
    item: Document | ReadFailure | StoredAnalysis, digest: str, result: Result
) -> Stored | Failed:
    """What the writer stores for one item and its result (either engine's)."""
    from parley.pipeline import Failure
    from parley.records import Analysis

    if isinstance(item, ReadFailure):
        return Failed(item.source, item.position, "read", item.code, item.message, item.record_id)
    if isinstance(item, StoredAnalysis):
        return _stored_analysis(item, digest)
    if isinstance(result, Failure):
        return Failed(item.source, item.position, result.stage, result.code, result.message,
                      item.id)  # fmt: skip
    assert isinstance(result, Analysis)
    data = result.to_dict()
    if item.title:
        # The record's own title is the source's metadata; the extractor saw only the body.
        data["article"]["title"] = item.title
    return Stored(data, digest, item.source, item.position, item.id, item.meta)


def _stored_analysis(item: StoredAnalysis, digest: str) -> Stored | Failed:
    """An exported analysis, with the provenance the export kept beside it; a malformed one
    is a failure row, not a crash of the whole ingest."""
    data = dict(item.data)
    problem = _malformed(data)
    if problem:
        message = f"line {item.position} is not a valid parley.analysis/1 object ({problem})"
        return Failed(item.source, item.position, "read", "E100", message)
    kept = data.pop("stored", None) or {}
    if not isinstance(kept, dict):
        kept = {}
    meta = tuple((str(k), str(v)) for k, v in (kept.get("meta") or {}).items())
    return Stored(
        data,
        kept.get("content_hash") or digest,
        kept.get("source", item.source),
        kept.get("position", item.position),
        kept.get("record_id"),
        meta,
    )


def _malformed(data: dict[str, Any]) -> str | None:
    """Why ``data`` cannot become rows, or None: building them is the check."""
    from parley.store.rows import child_rows, day_of

    article = data.get("article")
    if not isinstance(article, dict) or not isinstance(article.get("id"), str):
        return "no article id"
    if not isinstance(article.get("text"), str):
        return "no article text"
    try:
        child_rows(data, False)
        day_of(article.get("published"))
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as err:
        return f"{type(err).__name__}: {err}"
    return None


def content_hash(item: Document | StoredAnalysis) -> str:
    """What decides the analysis: the bytes and the metadata the pipeline reads."""
    digest = hashlib.sha256()
    if isinstance(item, StoredAnalysis):
        kept = item.data.get("stored") or {}
        if kept.get("content_hash"):
            return str(kept["content_hash"])
        digest.update(json.dumps(item.data, sort_keys=True).encode("utf-8"))
        return digest.hexdigest()
    for part in (item.url, item.published, item.title, item.content_type):
        digest.update((part or "").encode("utf-8"))
        digest.update(b"\0")
    digest.update(item.data)
    return digest.hexdigest()


def config_hash(config: Config) -> str:
    """What in a configuration changes results: the model and the contents of every file."""
    parts: dict[str, Any] = {"model": config.model, "max_chars": config.max_chars}
    for name in ("knowledge", "petrarch_actors", "petrarch_verbs"):
        paths: tuple[Path, ...] = getattr(config, name)
        parts[name] = [_file_digest(path) for path in paths]
    if config.issues:  # only when given, so the hashes of stores made before stay the same
        parts["issues"] = [_file_digest(path) for path in config.issues]
    blob = json.dumps(parts, sort_keys=True).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:16]


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return f"unreadable:{path}"
