"""``parley analyze`` over many sources: each read and analysed within its time limit, its
result written as it finishes, a bad one reported and skipped, SIGTERM and Ctrl-C ending the
batch cleanly with the finished results kept."""

from __future__ import annotations

import os
import signal
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from types import FrameType
from typing import TYPE_CHECKING, Any

import typer

from parley.cli_options import EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_WARNING
from parley.cli_output import Sink, progress, say
from parley.errors import PARLEY_FAILURES
from parley.sources.address import redact_credentials, redact_url

if TYPE_CHECKING:
    from parley.pipeline import Pipeline
    from parley.records import Analysis

__all__ = ["BatchOptions", "Outcome", "analyze_one", "run_batch"]

DEFAULT_FETCH_TIMEOUT = 20.0  # a URL's whole fetch, when the document has no limit
MAX_FETCH_TIMEOUT = 30.0


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What every document of a batch is analyzed with."""

    url: str | None
    when: datetime | None
    pipeline: Pipeline
    timeout: float
    max_bytes: int
    allow_private: bool


@dataclass(slots=True)
class Outcome:
    done: int = 0
    failed: bool = False
    internal: bool = False
    warned: bool = False

    def exit_code(self) -> int:
        if self.internal:
            return EXIT_INTERNAL
        if self.failed:
            return EXIT_INPUT
        return EXIT_WARNING if self.warned else 0


class _Stop(BaseException):
    """SIGTERM, turned into the same clean stop as Ctrl-C (never caught as an Exception)."""


class _StopOnSignal:
    """While active, SIGTERM stops the batch between documents' output, never inside a write:
    a signal that arrives while a result is written takes effect right after it."""

    def __init__(self) -> None:
        self.writing = False
        self.requested = False
        self._previous: Any = None

    def __enter__(self) -> _StopOnSignal:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGTERM, self._on_signal)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGTERM, self._previous)

    def _on_signal(self, _signum: int, _frame: FrameType | None) -> None:
        self.requested = True
        if not self.writing:
            raise _Stop

    @contextmanager
    def writing_result(self) -> Iterator[None]:
        self.writing = True
        try:
            yield
        finally:
            self.writing = False
        if self.requested:
            raise _Stop


def run_batch(sources: list[str], options: BatchOptions, sink: Sink) -> Outcome:
    """Analyze each source in order, writing each result as its document finishes."""
    outcome = Outcome()
    batch = len(sources) > 1
    with _StopOnSignal() as stop, progress(len(sources)) as advance:
        try:
            for source in sources:
                result = analyze_reporting(source, options, outcome, batch)
                # A stop requested now takes effect once the result is out and counted.
                with stop.writing_result():
                    if result is not None:
                        sink.write(result)
                        for warning in result.warnings:
                            where = f"{redact_url(source)}: " if batch else ""
                            say(f"parley: warning: {where}{redact_credentials(warning)}")
                            outcome.warned = True
                    outcome.done += 1
                advance()
        except (KeyboardInterrupt, _Stop):
            sink.close(keep=True)
            say(f"parley: interrupted after {outcome.done} of {len(sources)} documents")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BaseException:
            sink.close(keep=False)
            raise
    sink.close(keep=True)
    return outcome


def analyze_reporting(
    source: str, options: BatchOptions, outcome: Outcome, batch: bool
) -> Analysis | None:
    """One document: its Analysis, or None after reporting why there is none."""
    shown = redact_url(source)
    try:
        return analyze_one(source, options)
    except PARLEY_FAILURES as err:
        # TimeLimitExceeded (E301) is a BaseException: named here so the batch goes on.
        message = redact_credentials(str(err))
        where = f"{shown}: " if batch and shown not in message else ""
        say(f"parley: error: {where}{message}")
        outcome.failed = True
    except Exception as err:  # a bug in one document's analysis skips that document only
        if os.environ.get("PARLEY_DEBUG"):
            traceback.print_exc()
        say(
            f"parley: internal error: {shown}: {type(err).__name__}: "
            f"{redact_credentials(str(err))} (set PARLEY_DEBUG=1 for the traceback)"
        )
        outcome.internal = True
    return None


def analyze_one(source: str, options: BatchOptions) -> Analysis:
    """Read and analyze one source within the per-document time limit (reading included)."""
    from parley.limits import time_limit
    from parley.sources.files import read_source

    with time_limit(options.timeout, redact_url(source)):
        document = read_source(
            source,
            timeout=min(options.timeout or DEFAULT_FETCH_TIMEOUT, MAX_FETCH_TIMEOUT),
            max_bytes=options.max_bytes,
            allow_private=options.allow_private,
            codecs=options.pipeline.resources.extract.codecs,
        )
        if options.url:
            document = replace(document, url=options.url)
        # timeout=0: the limit around this block covers the analysis too.
        return options.pipeline(document, published=options.when, timeout=0)
