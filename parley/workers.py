"""Worker processes that run the pipeline: the one process pool behind
``Pipeline.pipe(n_process=N)`` and ``parley ingest --workers N``.

Each worker rebuilds one ``Pipeline`` from the ``Config`` (one model per process) and
analyses whole batches. ``map_batches`` streams: at most ``2 x workers`` batches are in
flight, so a corpus of any size passes through bounded memory, and results come back in input
order. A worker that dies (killed, out of memory) fails its batch, each document as a
``Failure`` with the internal-error code; the pool is rebuilt and the next batches go on.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from parley.config import Config
from parley.errors import INTERNAL_ERROR
from parley.pipeline import Failure, Item, Pipeline
from parley.records import Analysis

__all__ = ["map_batches"]

Key = TypeVar("Key")
Results = list[Analysis | Failure]

_PIPELINE: Pipeline | None = None  # this worker process's pipeline (set by _start)


def map_batches(
    config: Config,
    batches: Iterable[tuple[Key, list[Item]]],
    workers: int,
    *,
    start: Callable[[Config], None] | None = None,
    work: Callable[[list[Item]], Results] | None = None,
) -> Iterator[tuple[Key, Results]]:
    """Each (key, batch) as (key, its results), in input order, from ``workers`` processes.
    An empty batch needs no worker and gives an empty list. ``start`` and ``work`` (module
    functions, run in the workers) replace the pipeline's own, for tests."""
    start = start or _start
    work = work or _work
    if workers < 1:
        raise ValueError("workers must be at least 1")
    methods = mp.get_all_start_methods()
    # forkserver: workers start from a clean process, not a copy of the caller's state (an
    # open database, its threads).
    context = mp.get_context("forkserver" if "forkserver" in methods else "spawn")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=context, initializer=start,
                                   initargs=(config,))  # fmt: skip

    pool = new_pool()
    pending: deque[tuple[Key, list[Item], Future[Results] | None]] = deque()
    try:
        for key, batch in batches:
            pending.append((key, batch, pool.submit(work, batch) if batch else None))
            if len(pending) >= 2 * workers:
                key, results, broken = _collect(*pending.popleft())
                yield key, results
                if broken:
                    pool, pending = _restart(pool, pending, new_pool, work)
        while pending:
            key, results, broken = _collect(*pending.popleft())
            yield key, results
            if broken:
                pool, pending = _restart(pool, pending, new_pool, work)
    finally:
        for _, _, future in pending:
            if future is not None:
                future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(
    key: Key, batch: list[Item], future: Future[Results] | None
) -> tuple[Key, Results, bool]:
    if future is None:
        return key, [], False
    try:
        return key, future.result(), False
    except BrokenProcessPool as err:
        message = f"a worker process died while analysing this batch ({err})"
        failures: Results = [Failure(_source(i), "worker", INTERNAL_ERROR, message) for i in batch]
        return key, failures, True


def _restart(
    pool: ProcessPoolExecutor,
    pending: deque[tuple[Key, list[Item], Future[Results] | None]],
    new_pool: Callable[[], ProcessPoolExecutor],
    work: Callable[[list[Item]], Results],
) -> tuple[ProcessPoolExecutor, deque[tuple[Key, list[Item], Future[Results] | None]]]:
    """A broken pool fails every batch still in it: resubmit them to a new pool."""
    pool.shutdown(wait=False, cancel_futures=True)
    fresh = new_pool()
    again: deque[tuple[Key, list[Item], Future[Results] | None]] = deque(
        (key, batch, fresh.submit(work, batch) if batch else None) for key, batch, _ in pending
    )
    return fresh, again


def _source(item: Item) -> str:
    document = item[0] if isinstance(item, tuple) else item
    return document.source


def _start(config: Config) -> None:
    global _PIPELINE
    _PIPELINE = Pipeline.from_config(config)
    _PIPELINE.warm()


def _work(batch: list[Item]) -> Results:
    assert _PIPELINE is not None, "worker used before its pipeline was built"
    return list(_PIPELINE.pipe(batch, batch_size=max(len(batch), 1)))
