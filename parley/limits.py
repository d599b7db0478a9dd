"""The per-document time limit: a document that takes too long is stopped, not waited for.

``time_limit(seconds, what)`` raises ``TimeLimitExceeded`` (E301) inside the block once it has
run ``seconds``. In a process's main thread a real-time interval timer delivers it (a signal
also interrupts a blocking system call); in any other thread a watchdog timer raises it
asynchronously in that thread. Either way it arrives between two Python bytecodes, so one long
call into compiled code finishes first. ``TimeLimitExceeded`` derives from ``BaseException``:
no ``except Exception`` can swallow it (see ``parley.errors``).
"""

from __future__ import annotations

import ctypes
import math
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from parley.errors import TimeLimitExceeded

DEFAULT_SECONDS = 120.0


def check_seconds(seconds: float | None) -> float | None:
    """The limit as given, or ValueError for one that is negative, not a number or infinite
    (0 and None mean no limit)."""
    if seconds is None:
        return None
    if math.isnan(seconds) or math.isinf(seconds) or seconds < 0:
        raise ValueError(f"a time limit must be a finite number of seconds >= 0, not {seconds}")
    return seconds or None


@contextmanager
def time_limit(seconds: float | None, what: str) -> Iterator[None]:
    """Raise TimeLimitExceeded when the block runs longer than ``seconds`` (None or 0: never)."""
    seconds = check_seconds(seconds)
    if not seconds:
        yield
        return
    message = f"{what} took longer than {seconds:g} s and was stopped"
    if threading.current_thread() is threading.main_thread():
        with _alarm(seconds, message):
            yield
    else:
        with _watchdog(seconds, message):
            yield


@contextmanager
def _alarm(seconds: float, message: str) -> Iterator[None]:
    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise TimeLimitExceeded(message)

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, expire)
    # An enclosing limit keeps running: the inner one may only shorten it, and the outer one
    # is set again, for the time it has left, when the inner block ends.
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    if outer and outer < seconds:
        signal.setitimer(signal.ITIMER_REAL, outer)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            left = outer - (time.monotonic() - started)
            # Past due already: fire the outer limit at once rather than never.
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))


class _Expired(TimeLimitExceeded):
    """Raised asynchronously in a worker thread; a class, since that API takes no instance."""

    message_text = "a document took longer than its time limit and was stopped"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.message_text)


@contextmanager
def _watchdog(seconds: float, message: str) -> Iterator[None]:
    target = threading.get_ident()
    done = threading.Event()
    lock = threading.Lock()
    fired = False

    def expire() -> None:
        nonlocal fired
        with lock:
            if done.is_set():
                return
            fired = True
            # The async-exception API takes a class; a fresh subclass carries this message.
            kind = type("_Expired", (_Expired,), {"message_text": message})
            ctypes.pythonapi.PyThreadState_SetAsyncExc(
                ctypes.c_ulong(target), ctypes.py_object(kind)
            )

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            done.set()
            timer.cancel()
        if fired:
            # The exception may still be pending if the block ended just as it fired: clear it
            # here rather than let it surface in the caller's next lines.
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
