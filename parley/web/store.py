"""The served store: one DuckDB connection for the app, one cursor per request.

The store is opened read-only unless the server was started with ``--allow-store`` (then
the analyze page may write an analysis through the store's normal writer). Either way the
connection is locked down once the search extension is loaded: no SQL run through it can
read or write a file outside the store (``enable_external_access``), and no later statement
can change that (``lock_configuration``). What the pages need to know about the store
(which tables it has, whether the search index covers it) is read once at start and again
after a write.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from parley.store.schema import open_reader, open_store
from parley.store.search import IndexState, index_state, load_fts

__all__ = ["Settings", "WebStore", "skip_missing_pandas"]

MIB = 1024 * 1024
# A page's table is a top-N (``ORDER BY ... LIMIT size + 1``) over a large filtered scan.
# DuckDB then reads only the sort keys of every row and fetches the other columns for the
# rows kept ("late materialization", by row id), but only up to 50 rows by default, and it
# pushes the kept row ids into that second scan as a list only up to 50 values: a page of
# 50 rows plus the one that tells a next page exists missed both (the dyad page's merged
# events on 1M events: 71 -> 40 ms CPU). Raised to cover pages up to 100 rows; larger pages
# (``?size=``, at most 500) are read whole, as before.
TUNING = (("late_materialization_max_rows", 101), ("dynamic_or_filter_threshold", 101))


@dataclass(frozen=True, slots=True)
class Settings:
    """How the app was started (``parley serve``'s options)."""

    db: Path
    allow_store: bool = False  # the analyze page may store what it analyses
    analyze_timeout: float = 60.0  # seconds for one analysis on the analyze page
    upload_limit: int = 2 * MIB  # bytes of one analyze request (text or file)
    page_size: int = 50  # rows of a table per page unless ?size= asks otherwise
    hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")  # Host headers answered


class WebStore:
    """The store as the pages read it."""

    def __init__(self, path: Path, *, writable: bool = False) -> None:
        self.path = path
        self.writable = writable
        skip_missing_pandas()
        self.con = open_store(path) if writable else open_reader(path)
        self.fts = load_fts(self.con)
        for name, value in TUNING:
            self.con.execute(f"SET GLOBAL {name} = {int(value)}")
        self.con.execute("SET enable_external_access = false")
        self.con.execute("SET lock_configuration = true")
        self.write_lock = threading.Lock()  # one write at a time, as the store wants
        self.tables: frozenset[str] = frozenset()
        self.search = IndexState(False, False)
        self.writes = -1  # writes made through this server (refresh counts them)
        self.refresh()

    def refresh(self) -> None:
        """Read again which tables exist and whether the search index covers them (at start
        and after each write)."""
        self.writes += 1
        with self.cursor() as cur:
            rows = cur.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
            ).fetchall()
            self.tables = frozenset(str(row[0]) for row in rows)
            self.search = index_state(cur) if self.fts else IndexState(False, False)

    def state(self) -> tuple[int, ...]:
        """What results read from the store depend on: the number of writes made through
        this server, and the time and size of the store's file and of its write-ahead log
        (another process cannot write while this one reads, but a file can be replaced)."""
        marks = [self.writes]
        for path in (self.path, self.path.with_name(self.path.name + ".wal")):
            try:
                found = path.stat()
            except OSError:
                marks += [0, 0]
            else:
                marks += [found.st_mtime_ns, found.st_size]
        return tuple(marks)

    def has(self, *tables: str) -> bool:
        return all(table in self.tables for table in tables)

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own for one request (DuckDB connections are not shared between
        threads; cursors of one connection are)."""
        cur = self.con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    def close(self) -> None:
        self.con.close()


def skip_missing_pandas() -> None:
    """Let DuckDB's look for pandas fail at once where pandas is not installed.

    DuckDB's Python client runs ``import pandas`` each time it binds a query parameter (to
    tell pandas values apart), and a failed import is not remembered: every try searches the
    whole import path again, about 0.1 ms, some 230 times for the dyad page (40 ms of its
    300 on 1M events). ``None`` in ``sys.modules`` is Python's own record of a module known
    to be missing: the import then fails without a search. Nothing changes where pandas is
    installed."""
    if "pandas" not in sys.modules and importlib.util.find_spec("pandas") is None:
        sys.modules["pandas"] = None  # type: ignore[assignment]
