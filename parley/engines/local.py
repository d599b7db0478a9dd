"""The local engine: worker processes run the pipeline, the caller's process writes.

``analyze_batches(config, items, workers=N)`` cuts a stream of items into batches and yields
each batch as ``[(item, result)]`` in input order, where result is the item's ``Analysis``
or ``Failure`` for a ``Document`` and None for anything else (passed through untouched, so
the writer sees every item in order). Each worker process builds one ``Pipeline`` from the
``Config`` (one model each), through the one process pool of ``parley.workers`` that
``Pipeline.pipe(n_process=N)`` uses too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from parley.config import Config
from parley.pipeline import Failure, Item, Pipeline, batches, default_pipeline
from parley.records import Analysis
from parley.sources import Document

__all__ = ["Result", "analyze_batches"]

Result = Analysis | Failure | None
Batch = list[tuple[Any, Result]]

Unwrap = Callable[[Any], Document | None]

_PIPELINE: Pipeline | None = None  # this worker process's pipeline (set by _start_worker)


def _itself(item: Any) -> Document | None:
    return item if isinstance(item, Document) else None


class _Chunk:
    """A batch of items with the documents among them, in order."""

    def __init__(self, items: list[Any], unwrap: Unwrap) -> None:
        self.items = items
        self.documents = [unwrap(item) for item in items]

    def jobs(self) -> list[Item]:
        return [(d, d.published) for d in self.documents if d is not None]

    def merge(self, results: list[Analysis | Failure]) -> Batch:
        """Put each document's result back beside its item; other items get None."""
        found = iter(results)
        return [
            (item, next(found) if doc is not None else None)
            for item, doc in zip(self.items, self.documents, strict=True)
        ]


def analyze_batches(
    config: Config,
    items: Iterable[Any],
    *,
    workers: int = 1,
    batch_size: int = 16,
    pipeline: Pipeline | None = None,
    unwrap: Unwrap = _itself,
) -> Iterator[Batch]:
    """Batches of (item, result) in input order (see the module's docstring). ``unwrap``
    gives the Document inside an item, or None for an item that is not analysed."""
    if workers < 1:
        raise ValueError("workers must be at least 1")
    chunks = (_Chunk(chunk, unwrap) for chunk in batches(items, batch_size))
    if workers == 1:
        local = pipeline
        for chunk in chunks:
            jobs = chunk.jobs()
            if jobs and local is None:
                # Loaded only when there is work; the process's default pipeline, so the
                # API and the CLI in one process share one model.
                local = default_pipeline(config)
            results = list(local.pipe(jobs, batch_size=batch_size)) if local and jobs else []
            yield chunk.merge(results)
        return
    yield from _pooled(config, chunks, workers)


def _pooled(config: Config, chunks: Iterator[_Chunk], workers: int) -> Iterator[Batch]:
    from parley.workers import map_batches

    for chunk, results in map_batches(config, ((c, c.jobs()) for c in chunks), workers):
        yield chunk.merge(results)
