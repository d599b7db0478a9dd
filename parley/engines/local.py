"""The local engine: worker processes run the pipeline, the caller's process writes.

``analyze_batches(config, items, workers=N)`` cuts a stream of items into batches and yields
each batch as ``[(item, result)]`` in input order, where result is the item's ``Analysis``
or ``Failure`` for a ``Document`` and None for anything else (passed through untouched, so
the writer sees every item in order). Each worker process builds one ``Pipeline`` from the
``Config`` (one model each); at most ``2 x workers`` batches are in flight, so a corpus of
any size streams through bounded memory.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from parley.config import Config
from parley.errors import INTERNAL_ERROR
from parley.pipeline import Failure, Pipeline, batches, default_pipeline
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

    def jobs(self) -> list[tuple[Document, str | None]]:
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
    methods = mp.get_all_start_methods()
    # forkserver: workers start from a clean process, not a copy of the writer's state
    # (its open database, its threads).
    context = mp.get_context("forkserver" if "forkserver" in methods else "spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                               initargs=(config,))  # fmt: skip
    pending: deque[tuple[_Chunk, Future[list[Analysis | Failure]] | None]] = deque()
    try:
        for chunk in chunks:
            jobs = chunk.jobs()
            # A batch with nothing to analyse (read failures, stored analyses) needs no worker.
            pending.append((chunk, pool.submit(_work, jobs) if jobs else None))
            if len(pending) >= 2 * workers:
                yield _collect(*pending.popleft())
        while pending:
            yield _collect(*pending.popleft())
    finally:
        for _, future in pending:
            if future is not None:
                future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(chunk: _Chunk, future: Future[list[Analysis | Failure]] | None) -> Batch:
    if future is None:
        return chunk.merge([])
    try:
        results = future.result()
    except BrokenProcessPool as err:
        # A worker died (killed, out of memory): the batch fails as a whole, visibly.
        failure = f"a worker process died while analysing this batch ({err})"
        results = [Failure(d.source, "worker", INTERNAL_ERROR, failure) for d, _ in chunk.jobs()]
    return chunk.merge(results)


def _start_worker(config: Config) -> None:
    global _PIPELINE
    _PIPELINE = Pipeline.from_config(config)


def _work(jobs: list[tuple[Document, str | None]]) -> list[Analysis | Failure]:
    assert _PIPELINE is not None, "worker used before its pipeline was built"
    return list(_PIPELINE.pipe(jobs, batch_size=max(len(jobs), 1)))
