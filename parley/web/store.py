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

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from parley.store.schema import open_reader, open_store
from parley.store.search import IndexState, index_state, load_fts

__all__ = ["Settings", "WebStore"]

MIB = 1024 * 1024


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
        self.con = open_store(path) if writable else open_reader(path)
        self.fts = load_fts(self.con)
        self.con.execute("SET enable_external_access = false")
        self.con.execute("SET lock_configuration = true")
        self.write_lock = threading.Lock()  # one write at a time, as the store wants
        self.tables: frozenset[str] = frozenset()
        self.search = IndexState(False, False)
        self.refresh()

    def refresh(self) -> None:
        """Read again which tables exist and whether the search index covers them."""
        with self.cursor() as cur:
            rows = cur.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
            ).fetchall()
            self.tables = frozenset(str(row[0]) for row in rows)
            self.search = index_state(cur) if self.fts else IndexState(False, False)

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
