"""Results kept between requests, owned by the app (no module-level state).

A dyad's timeline, turning points and names are the same whichever page of its tables a
request shows, and they cost a third of the dyad page's queries on a large store (on 1M
events: about 125 of its 340 ms CPU). ``Memo`` keeps the latest few under keys that hold
the store's state (``WebStore.state()``: the store file's and its write-ahead log's time
and size, and the number of writes made through this server), so a write from the analyze
page, or a store replaced on disk, is never answered from before it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar, cast

__all__ = ["Memo"]

T = TypeVar("T")


class Memo:
    """The ``size`` results asked for last, by key. Values are shared between requests:
    views must not change them. The largest kept are a dyad's keys of its sides' quotes and
    stances (three short values per row), so a few dyads of 100,000 quotes each stay in
    tens of megabytes."""

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self._values: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The value under ``key``, computed by ``compute`` when it is not kept (outside the
        lock: two first requests for one key may both compute it, and nothing waits)."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return cast(T, self._values[key])
        value = compute()
        with self._lock:
            self._values[key] = value
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()

    def __len__(self) -> int:
        return len(self._values)
