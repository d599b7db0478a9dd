"""The single writer: analyses and failures into the store, one transaction per batch.

Crash safety rests on two things: every batch is one DuckDB transaction (a ``kill -9`` loses
at most the batch in flight; DuckDB's write-ahead log replays committed ones), and every
decision is made in input order against what is already stored, so a resumed run writes
exactly the rows an uninterrupted one would:

- a document whose content hash is stored (same Parley version and configuration) is
  skipped as already present;
- an article id stored earlier in the same corpus (the same text from the same place) is
  also already present: the first record wins;
- an article stored by another Parley version or configuration, or any earlier run under
  ``--force``, is replaced (its old rows deleted in the same transaction);
- a near-duplicate is matched against the articles stored before it, in storage order.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb
import pyarrow as pa

from parley.store.clusters import merge_events
from parley.store.dedup import NearDuplicates, from_bytes, signature, to_bytes
from parley.store.rollup import add_deleted, add_inserted, compact
from parley.store.rows import (
    ARTICLE_COLUMNS,
    CHILD_COLUMNS,
    ArticleInfo,
    ChildRows,
    Row,
    article_row,
    child_rows,
)

__all__ = [
    "FAILURE_COLUMNS", "Counts", "Failed", "StoreWriter", "Stored", "article_info", "failure_row",
]  # fmt: skip

CHILD_TABLES = tuple(CHILD_COLUMNS)


@dataclass(frozen=True, slots=True)
class Stored:
    """An analysis to store (its ``parley.analysis/1`` dict) with where it came from."""

    data: dict[str, Any]
    content_hash: str
    source: str | None
    position: int | None
    record_id: str | None = None
    meta: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Failed:
    """A document that could not be read or analysed: one row of ``failures``."""

    source: str
    position: int | None
    stage: str
    code: str
    message: str
    record_id: str | None = None


@dataclass
class Counts:
    ingested: int = 0
    present: int = 0
    duplicates: int = 0
    failed: int = 0
    codes: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return self.ingested + self.present + self.failed


class StoreWriter:
    """Writes batches into an open store for one run (a row of ``runs``)."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        *,
        parley_version: str,
        config_hash: str,
        arguments: dict[str, Any],
        force: bool = False,
        threshold: float = 0.8,
    ) -> None:
        self.con = con
        self.version = parley_version
        self.config_hash = config_hash
        self.force = force
        self.counts = Counts()
        self.near = NearDuplicates(threshold)
        self._stored: dict[str, tuple[int, str, str]] = {}  # article -> run, version, config
        self._hashes: set[str] = set()  # content hashes stored by this version and config
        self._seq = 0
        self._load()
        self.run_id = self._start_run(arguments)

    # ----------------------------------------------------------------------- reading ---
    def _load(self) -> None:
        rows = self.con.execute(
            "SELECT article_id, run_id, parley_version, config_hash, content_hash, signature,"
            " duplicate_of, seq FROM articles ORDER BY seq"
        ).fetchall()
        for aid, run, version, config, content, sig, dup, seq in rows:
            self._stored[aid] = (run, version, config)
            if version == self.version and config == self.config_hash:
                self._hashes.add(content)
            if sig:
                self.near.add(aid, from_bytes(sig, self.near.permutations), dup)
            self._seq = max(self._seq, seq + 1)

    def _start_run(self, arguments: dict[str, Any]) -> int:
        row = self.con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()
        run_id = int(row[0]) if row else 1
        self.con.execute(
            "INSERT INTO runs (run_id, started, status, arguments, parley_version, config_hash)"
            " VALUES (?, ?, 'running', ?, ?, ?)",
            [run_id, _now(), json.dumps(arguments), self.version, self.config_hash],
        )
        return run_id

    def known(self, content_hash: str) -> bool:
        """True when this content is stored already and will be skipped (not under --force)."""
        return not self.force and content_hash in self._hashes

    def skip(self) -> None:
        """Count a document skipped before analysis as already present."""
        self.counts.present += 1

    def claim(self, content_hash: str) -> None:
        """Reserve a content hash for this run, so its later copies are skipped."""
        self._hashes.add(content_hash)

    # ----------------------------------------------------------------------- writing ---
    def write(self, batch: Sequence[Stored | Failed]) -> None:
        """Store one batch in one transaction."""
        articles: list[Row] = []
        children = ChildRows()
        replaced: list[str] = []
        succeeded: list[tuple[str, int | None]] = []
        failures: list[Row] = []
        now = _now()
        for item in batch:
            if isinstance(item, Failed):
                failures.append(self._failure_row(item, now))
                continue
            succeeded.append((item.source or "", item.position))
            aid = item.data["article"]["id"]
            if not self._wanted(aid, replaced):
                self.counts.present += 1
                continue
            articles.append(self._article(item, now, children))
        self.con.begin()
        try:
            self._delete(replaced, succeeded, failures)
            _insert(self.con, "articles", ARTICLE_COLUMNS, articles)
            for name, rows in children.tables.items():
                _insert(self.con, name, CHILD_COLUMNS[name], rows)
            _insert(self.con, "failures", FAILURE_COLUMNS, failures)
            self._update_run("running")
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    def _wanted(self, aid: str, replaced: list[str]) -> bool:
        stored = self._stored.get(aid)
        if stored is None:
            return True
        run, version, config = stored
        if run == self.run_id:
            return False  # stored earlier in this run: the first record wins
        if self.force or version != self.version or config != self.config_hash:
            replaced.append(aid)
            return True
        return False

    def _article(self, item: Stored, now: datetime, children: ChildRows) -> Row:
        aid = item.data["article"]["id"]
        minhash = signature(item.data["article"].get("text") or "", self.near.permutations)
        match = self.near.match(aid, minhash)
        duplicate_of, similarity = match if match else (None, None)
        self.near.add(aid, minhash, duplicate_of)
        self._stored[aid] = (self.run_id, self.version, self.config_hash)
        self._hashes.add(item.content_hash)
        info = article_info(
            item, seq=self._seq, signature=to_bytes(minhash), match=match,
            version=self.version, config_hash=self.config_hash, run_id=self.run_id, now=now,
        )  # fmt: skip
        self._seq += 1
        self.counts.ingested += 1
        self.counts.duplicates += duplicate_of is not None
        children.extend(child_rows(item.data, duplicate_of is not None))
        return article_row(item.data, info)

    def _failure_row(self, item: Failed, now: datetime) -> Row:
        self.counts.failed += 1
        self.counts.codes[item.code] += 1
        return failure_row(item, self.run_id, now)

    def _delete(
        self, replaced: list[str], succeeded: list[tuple[str, int | None]], failures: list[Row]
    ) -> None:
        if replaced:
            add_deleted(self.con, replaced)  # before their events go
            for name in ("articles", *CHILD_TABLES):
                sql = f"DELETE FROM {name} WHERE list_contains(?, article_id)"
                self.con.execute(sql, [replaced])
        # A document's failure row is replaced by its newest outcome (a retry that worked, or
        # the same failure again), so re-running never duplicates failures.
        keys = succeeded + [(row[0], row[1]) for row in failures]
        if keys:
            key = "source || '#' || coalesce(position, -1)"
            sql = f"DELETE FROM failures WHERE list_contains(?, {key})"
            self.con.execute(sql, [[f"{s}#{-1 if p is None else p}" for s, p in keys]])

    def _update_run(self, status: str) -> None:
        c = self.counts
        self.con.execute(
            "UPDATE runs SET status = ?, finished = ?, ingested = ?, present = ?, duplicates = ?,"
            " failed = ? WHERE run_id = ?",
            [status, _now(), c.ingested, c.present, c.duplicates, c.failed, self.run_id],
        )

    def finish(self, status: str = "done") -> None:
        """Record the run's end (its counts were kept up to date batch by batch), compact
        the monthly rollup the batches added to, and merge the events into clusters again
        (with the store's own settings: those of its last ``parley cluster``)."""
        self.con.begin()
        try:
            compact(self.con)
            merge_events(self.con, transaction=False)
            self._update_run(status)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise


FAILURE_COLUMNS = (
    "source", "position", "record_id", "stage", "code", "message", "run_id", "failed_at",
)  # fmt: skip


def article_info(
    item: Stored,
    *,
    seq: int,
    signature: bytes,
    match: tuple[str, float] | None,
    version: str,
    config_hash: str,
    run_id: int,
    now: datetime,
) -> ArticleInfo:
    """What an article's row carries beyond its analysis (either engine's writer)."""
    duplicate_of, similarity = match if match else (None, None)
    return ArticleInfo(
        seq=seq,
        record_id=item.record_id,
        source=item.source,
        position=item.position,
        meta=item.meta,
        content_hash=item.content_hash,
        signature=signature,
        duplicate_of=duplicate_of,
        similarity=similarity,
        parley_version=version,
        config_hash=config_hash,
        run_id=run_id,
        ingested_at=now,
    )


def failure_row(item: Failed, run_id: int, now: datetime) -> Row:
    """The ``failures`` row of a document that could not be read or analysed."""
    return (
        item.source, item.position, item.record_id, item.stage, item.code, item.message,
        run_id, now,
    )  # fmt: skip


def _insert(
    con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: list[Row]
) -> None:
    """Insert rows through one Arrow table: DuckDB's executemany runs one statement a row."""
    if not rows:
        return
    arrays = [pa.array([row[i] for row in rows]) for i in range(len(columns))]
    batch = pa.Table.from_arrays(arrays, names=list(columns))
    names = ", ".join(columns)
    con.register("_parley_batch", batch)
    try:
        con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _parley_batch")
        if table == "events":
            add_inserted(con, "_parley_batch")  # the rollup moves in the same transaction
    finally:
        con.unregister("_parley_batch")


def _now() -> datetime:
    return datetime.now(UTC)
