"""The analyze page's worker: one process that runs Parley's pipeline, started on first use.

The server never analyses in its own process: a page that makes the analysis hang in
compiled code, or use all the memory, takes down only the worker. The worker is the same as
``parley ingest``'s (``parley.workers``: one ``Pipeline`` built from the ``Config`` once), so
the pipeline's own per-document time limit (``parley.limits``) applies inside it; the server
waits a little longer than that limit and then kills the worker by its process id (a hang
in compiled code can outlast the limit) and starts a fresh one for the next request. One
analysis runs at a time; a second request meanwhile is told the worker is busy.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from parley import workers
from parley.config import Config
from parley.errors import INTERNAL_ERROR, TimeLimitExceeded
from parley.pipeline import Failure
from parley.records import Analysis
from parley.sources import Document

__all__ = ["Analyzer", "Busy"]

GRACE_SECONDS = 10.0  # beyond the pipeline's own limit, before the worker is killed
START_SECONDS = 300.0  # for the worker to load the model


class Busy(Exception):
    """Another analysis is running."""


class Analyzer:
    """Runs one document at a time through the pipeline in a worker process."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._pool: ProcessPoolExecutor | None = None
        self._pid: int | None = None
        self._lock = threading.Lock()

    def analyze(self, document: Document, published: str | None = None) -> Analysis | Failure:
        """The analysis of ``document``, or its failure as a value; ``Busy`` when another
        analysis is running."""
        if not self._lock.acquire(blocking=False):
            raise Busy("another analysis is running: try again in a moment")
        try:
            return self._analyze(document, published)
        finally:
            self._lock.release()

    def _analyze(self, document: Document, published: str | None) -> Analysis | Failure:
        try:
            pool = self._ready()
        except (BrokenProcessPool, FutureTimeout, OSError) as err:
            self.close()
            message = f"the analysis worker could not start ({type(err).__name__})"
            return Failure(document.source, "worker", INTERNAL_ERROR, message)
        limit = (self.config.timeout or START_SECONDS) + GRACE_SECONDS
        future = pool.submit(workers._work, [(document, published)])
        try:
            return future.result(timeout=limit)[0]
        except FutureTimeout:
            self.close()
            message = f"{document.source} took longer than {limit:g} s and was stopped"
            return Failure(document.source, "worker", TimeLimitExceeded.code, message)
        except BrokenProcessPool:
            self.close()
            message = "the analysis worker died (out of memory?) and was restarted"
            return Failure(document.source, "worker", INTERNAL_ERROR, message)

    def _ready(self) -> ProcessPoolExecutor:
        if self._pool is None:
            methods = mp.get_all_start_methods()
            context = mp.get_context("forkserver" if "forkserver" in methods else "spawn")
            self._pool = ProcessPoolExecutor(1, mp_context=context, initializer=workers._start,
                                             initargs=(self.config,))  # fmt: skip
            # The initializer has run (the model is loaded) once a first task comes back; its
            # answer is the worker's process id, which is how a hung worker is stopped.
            self._pid = self._pool.submit(os.getpid).result(timeout=START_SECONDS)
        return self._pool

    def close(self) -> None:
        """Stop the worker (killed: it may be stuck in compiled code)."""
        pool, pid = self._pool, self._pid
        self._pool, self._pid = None, None
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
