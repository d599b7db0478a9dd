"""The Spark engine's one writing pass: every table of a run written by one Spark job.

The analysed rows sit in Spark's cache (``spark_tasks.AnalyzeItems``: per batch, each
table's rows pickled together); the driver has decided, per kept article, its storage order
and its near-duplicate original (``Decisions``, broadcast). ``WriteTables`` then turns each
cached partition into Parquet files, one per table and month the partition has rows for,
with pyarrow, in the store's exact column types (``arrow_schema``). No join, no shuffle, and
no job per table: the fixed cost of a Spark job is paid once for all of them.

Commit, safe against retried and speculative task attempts: each attempt writes under its
own folder of the run's staging folder (``OUT/_staging/run-N/p00003-a1/...``) and returns
the list of what it wrote. Spark hands the driver the result of exactly one successful
attempt per partition; the driver moves those files, and only those, to their final names
(``OUT/events/published_month=2012-01/part-r00002-00003.parquet``: run and partition, so a
name is never reused by another run) and then deletes the staging folder with whatever a
failed or duplicate attempt left there. Until the driver commits, the output is as the
previous run left it.

``RewriteFiles``: on a run over an earlier output, the earlier files that hold rows this
run replaces (articles made again, failures of documents that now have a newer outcome) are
written again without those rows, through the same staging and commit.

Files go through pyarrow's file systems (``arrow_fs``): local paths, ``hdfs://`` (libhdfs),
``s3://`` and ``s3a://`` (pyarrow's S3), ``gs://``.
"""

from __future__ import annotations

import pickle
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parley.engines.spark_tables import MONTH_TABLES, PARTITION, columns, partition_value
from parley.engines.spark_tasks import READ, Order, rows_of

__all__ = [
    "Decisions", "RewriteFiles", "Rewritten", "WriteTables", "Written", "arrow_fs",
    "arrow_schema", "rollup_rows", "write_rows",
]  # fmt: skip

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
NO_POSITION = -1  # a failure's key when it has no position (a whole file)
Key = tuple[str, int]  # (source, position) of a document: its failure row's key

# DuckDB's types in the store's schema -> Arrow's, which Parquet carries to DuckDB and Spark
# alike (TIMESTAMPTZ: microseconds in UTC, the Parquet annotation DuckDB reads back as it).
_ARROW = {
    "VARCHAR": "string", "VARCHAR[]": "list<string>", "BIGINT": "int64", "INTEGER": "int32",
    "TINYINT": "int8", "DOUBLE": "float64", "BOOLEAN": "bool", "DATE": "date32",
    "TIMESTAMPTZ": "timestamp[us, tz=UTC]", "BLOB": "binary",
}  # fmt: skip


def arrow_schema(table: str) -> Any:
    """The store table's columns as an Arrow schema, in order."""
    import pyarrow as pa

    made = {
        "string": pa.string(), "list<string>": pa.list_(pa.string()), "int64": pa.int64(),
        "int32": pa.int32(), "int8": pa.int8(), "float64": pa.float64(), "bool": pa.bool_(),
        "date32": pa.date32(), "timestamp[us, tz=UTC]": pa.timestamp("us", tz="UTC"),
        "binary": pa.binary(),
    }  # fmt: skip
    return pa.schema([(name, made[_ARROW[kind]]) for name, kind in columns(table)])


def arrow_fs(uri: str) -> tuple[Any, str]:
    """(pyarrow file system, path in it) of an output folder given as a path or URI."""
    from pyarrow import fs

    if not _SCHEME.match(uri):
        return fs.LocalFileSystem(), str(Path(uri).resolve())
    if uri.startswith("file:"):
        return fs.LocalFileSystem(), re.sub(r"^file:(//)?", "", uri)
    # Hadoop's S3 connector names buckets s3a://; pyarrow's reads the same objects as s3://.
    return fs.FileSystem.from_uri(re.sub(r"^s3a://", "s3://", uri))  # type: ignore[no-any-return]


def write_rows(filesystem: Any, path: str, table: str, rows: list[tuple[Any, ...]]) -> None:
    """One Parquet file of a table's rows (values as the row builders make them, coerced)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(table)
    values = list(zip(*rows, strict=True)) if rows else [() for _ in schema]
    arrays = [pa.array(v, type=f.type) for v, f in zip(values, schema, strict=True)]
    filesystem.create_dir(path.rsplit("/", 1)[0], recursive=True)
    pq.write_table(pa.Table.from_arrays(arrays, schema=schema), path, filesystem=filesystem)


@dataclass(frozen=True)
class Decisions:
    """What the driver decided, for the writing tasks."""

    # the document of each kept article (input order) -> (seq, duplicate_of, similarity)
    kept: dict[Order, tuple[int, str | None, float | None]]
    failure_keys: frozenset[Key] = frozenset()  # of the failures earlier runs stored


@dataclass
class Written:
    """What one task wrote: its files (table, month, staged path) and what it counted."""

    files: list[tuple[str, str | None, str]] = field(default_factory=list)
    read: int = 0  # items of its partition, duplicates and present ones included
    ingested: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    outcomes: set[Key] = field(default_factory=set)  # earlier failures given a new outcome
    rollup: dict[tuple[Any, ...], list[Any]] = field(default_factory=dict)  # of its events


def rollup_rows(written: Iterable[Written]) -> list[tuple[Any, ...]]:
    """``event_months`` of the events the tasks wrote, as ``rollup_select`` makes it (one row
    per month and key: the number of events, the sum and number of Goldstein values)."""
    merged: dict[tuple[Any, ...], list[Any]] = {}
    for done in written:
        for key, (events, total, n) in done.rollup.items():
            into = merged.setdefault(key, [0, 0.0, 0])
            into[0] += events
            into[1] += total
            into[2] += n
    return [(*key, e, total if n else None, n) for key, (e, total, n) in sorted(
        merged.items(), key=lambda item: repr(item[0]))]  # fmt: skip


_ARTICLE = [name for name, _ in columns("articles")]
_SEQ, _ID = _ARTICLE.index("seq"), _ARTICLE.index("article_id")
_DUP, _SIM = _ARTICLE.index("duplicate_of"), _ARTICLE.index("similarity")
_SOURCE, _POSITION = _ARTICLE.index("source"), _ARTICLE.index("position")
_FAILURE = [name for name, _ in columns("failures")]
_F_SOURCE, _F_POSITION, _F_CODE = (_FAILURE.index(n) for n in ("source", "position", "code"))


def failure_key(source: str, position: int | None) -> Key:
    return source, NO_POSITION if position is None else position


@dataclass(frozen=True)
class WriteTables:
    """``mapPartitionsWithIndex`` over the analysed partitions: writes them (see above)."""

    staging: str  # this run's staging folder (a path or URI)
    decisions: Any  # Broadcast[Decisions]

    def __call__(self, index: int, elements: Iterable[tuple[str, bytes]]) -> Iterator[Written]:
        decisions: Decisions = self.decisions.value
        done = Written()
        groups: dict[tuple[str, str | None], list[tuple[Any, ...]]] = {}
        for element in elements:
            if element[0] == READ:
                done.read += int(pickle.loads(element[1]))
                continue
            table = element[0]
            for row in rows_of(element):
                values, order, month = list(row[:-2]), tuple(row[-2]), row[-1]
                if self._keep(table, values, order, decisions, done):
                    groups.setdefault((table, month), []).append(tuple(values))
        filesystem, root = arrow_fs(self.staging)
        folder = f"{root}/p{index:05d}-a{_attempt()}"
        for (table, month), rows in sorted(groups.items(), key=lambda g: (g[0][0], g[0][1] or "")):
            name = table if table == "failures" else f"{table}/{PARTITION}={partition_value(month)}"
            path = f"{folder}/{name}/part.parquet"
            write_rows(filesystem, path, table, rows)
            done.files.append((table, month, path))
        yield done

    @staticmethod
    def _keep(
        table: str, values: list[Any], order: Order, decisions: Decisions, done: Written
    ) -> bool:
        """Whether a row is written, its corpus-wide columns filled in; counts on the way."""
        if table == "failures":
            done.codes[values[_F_CODE]] += 1
            key = failure_key(values[_F_SOURCE], values[_F_POSITION])
            if key in decisions.failure_keys:
                done.outcomes.add(key)
            return True
        if table == "articles":  # every record has a new outcome, kept or not
            key = failure_key(values[_SOURCE], values[_POSITION])
            if key in decisions.failure_keys:
                done.outcomes.add(key)
        decided = decisions.kept.get(order)
        if decided is None:  # a later record of a stored article, or one stored before
            return False
        seq, original, similarity = decided
        if table == "articles":
            values[_SEQ], values[_DUP], values[_SIM] = seq, original, similarity
            done.ingested += 1
        elif table in _DUPLICATE:
            values[_DUPLICATE[table]] = original is not None
        if table == "events" and values[_E_DAY] is not None:
            _add_event(done.rollup, values)
        return True


_EVENT = [name for name, _ in columns("events")]
_E_DAY, _E_GOLDSTEIN = _EVENT.index("day"), _EVENT.index("goldstein")
# The rollup's key columns after its month, as the events table holds them.
_E_KEY = [_EVENT.index(name) for name, _ in columns("event_months")[1:6]]


def _add_event(rollup: dict[tuple[Any, ...], list[Any]], values: list[Any]) -> None:
    day = values[_E_DAY]
    key = (day.replace(day=1), *(values[i] for i in _E_KEY))
    into = rollup.setdefault(key, [0, 0.0, 0])
    into[0] += 1
    if values[_E_GOLDSTEIN] is not None:
        into[1] += values[_E_GOLDSTEIN]
        into[2] += 1


# The child tables that flag their article's near-duplicates: where the flag sits.
_DUPLICATE = {
    table: names.index("duplicate")
    for table in MONTH_TABLES[1:]
    if "duplicate" in (names := [name for name, _ in columns(table)])
}


@dataclass(frozen=True)
class Rewritten:
    old: str  # the earlier file's path
    staged: str | None  # its rows but the replaced ones (None: no row is left)


@dataclass(frozen=True)
class RewriteFiles:
    """``mapPartitionsWithIndex`` over (table, path) of earlier files: each one that holds
    rows of a replaced article (or a failure now replaced) written again without them."""

    staging: str
    replaced: Any  # Broadcast[frozenset[str]]: article ids made again by this run
    outcomes: Any  # Broadcast[frozenset[Key]]: earlier failures given a new outcome

    def __call__(self, index: int, files: Iterable[tuple[str, str]]) -> Iterator[Rewritten]:
        import pyarrow.parquet as pq

        filesystem, root = arrow_fs(self.staging)
        replaced: frozenset[str] = self.replaced.value
        outcomes: frozenset[Key] = self.outcomes.value
        for number, (table, path) in enumerate(files):
            found = pq.read_table(path, filesystem=filesystem, schema=arrow_schema(table))
            rows = list(zip(*(c.to_pylist() for c in found.columns), strict=True))
            if table == "failures":
                keys = (failure_key(r[_F_SOURCE], r[_F_POSITION]) for r in rows)
                kept = [r for r, key in zip(rows, keys, strict=True) if key not in outcomes]
            else:
                at = _ID if table == "articles" else 0  # a child table's first column
                kept = [r for r in rows if r[at] not in replaced]
            if len(kept) == len(rows):
                continue
            staged = None
            if kept:
                staged = f"{root}/rewrite-p{index:05d}-a{_attempt()}/{number:05d}.parquet"
                write_rows(filesystem, staged, table, kept)
            yield Rewritten(path, staged)


def _attempt() -> int:
    from pyspark import TaskContext

    context = TaskContext.get()
    return context.attemptNumber() if context is not None else 0
