"""The per-document time limit: a document that takes too long is stopped, not waited for."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from parley.errors import TimeLimitExceeded

DEFAULT_SECONDS = 120.0


@contextmanager
def time_limit(seconds: float | None, what: str) -> Iterator[None]:
    """Raise TimeLimitExceeded when the block runs longer than ``seconds``.

    Uses a real-time interval timer, so it works only in the main thread of a process (the
    CLI and each worker process); elsewhere, or with ``seconds`` None or 0, it does nothing.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise TimeLimitExceeded(f"{what} took longer than {seconds:g} s and was stopped")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
