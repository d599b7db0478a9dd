"""What the Spark engine's executors run: files into items, items into the store's rows.

Both are picklable callables handed to ``mapPartitions``; they rebuild nothing but what the
local engine builds (the same readers, the same pipeline, the same row builders), so a
document becomes the same rows on either engine.

- ``ReadFiles``: (file URI, bytes) pairs -> (key, (order, item)): every item the corpus
  readers find in the file, keyed by its content hash (a read failure by its place, so it is
  never merged with another). ``order`` is (argument, file, item) numbers: input order.
- ``AnalyzeItems``: the items of a partition, one per content (``Held``: the first in input
  order, how many items had that content, and whether an earlier run stored it) ->
  ``(table, rows)``, each batch's rows of a table pickled together (``rows_of`` reads them;
  each row ends with its document's order and its article's publication month), through
  ``analyze_batches`` and the process's one pipeline (rebuilt from the ``Config`` once per
  Python worker); last, ``(READ, n)``: how many items the partition held. A document that
  cannot be read, analysed or turned into rows is a ``failures`` row: a poisoned document
  never fails the job.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from parley.config import Config
from parley.engines.spark_tables import coercer, columns
from parley.errors import INTERNAL_ERROR
from parley.sources import Document
from parley.sources.corpus import CorpusOptions, ReadFailure, StoredAnalysis, iter_bytes
from parley.store.rows import CHILD_COLUMNS, Row, article_row, child_rows
from parley.store.writer import Failed, Stored, article_info, failure_row

__all__ = [
    "READ", "AnalyzeItems", "FileInfo", "Held", "Keyed", "ReadFiles", "Tagged", "item_key",
    "month_of", "rows_of",
]  # fmt: skip

Order = tuple[int, ...]
Item = Document | ReadFailure | StoredAnalysis
Keyed = tuple[str, tuple[Order, Item]]
# One content's first item (input order), the number of items with that content, and
# whether a finished earlier run stored it with this version and configuration (present).
Held = tuple[str, tuple[Order, Item, int, bool]]
Tagged = tuple[str, Order, Row]
READ = "_read"  # the element that counts a partition's items (not a table)
_DAY = [name for name, _ in columns("articles")].index("published_day")


@dataclass(frozen=True, slots=True)
class FileInfo:
    source: str  # the file's name as the user gave it (the rows' ``source``)
    order: Order  # (argument number, file number)


def item_key(order: Order, item: Item) -> str:
    """Items of one content share a key (the first in input order is analysed); a read
    failure's key is its place, unique."""
    from parley.store.ingest import content_hash

    if isinstance(item, ReadFailure):
        return "failure:" + ".".join(map(str, order))
    return content_hash(item)


def read_file(info: FileInfo, data: bytes, options: CorpusOptions, codecs: Any) -> Iterator[Keyed]:
    """The keyed items of one file's bytes."""
    n = 0
    try:
        for n, item in enumerate(iter_bytes(info.source, data, options, codecs)):
            order = (*info.order, n)
            yield item_key(order, item), (order, item)
    except Exception as err:  # a bug in a reader: this file's failure, not the job's
        failure = ReadFailure(info.source, None, INTERNAL_ERROR, _describe(err))
        order = (*info.order, n + 1)
        yield item_key(order, failure), (order, failure)


@dataclass(frozen=True)
class ReadFiles:
    files: dict[str, FileInfo]  # the file's URI as Spark names it -> where it stands
    options: CorpusOptions

    def __call__(self, pairs: Iterable[tuple[str, bytes]]) -> Iterator[Keyed]:
        from parley.sources.decode import CodecTables

        codecs = CodecTables.load()  # once per partition
        by_path = {_path_of(uri): info for uri, info in self.files.items()}
        for uri, data in pairs:
            # Spark names a file as the listing did; by its path alone should a file system
            # spell its authority otherwise.
            info = self.files.get(uri) or by_path[_path_of(uri)]
            yield from read_file(info, bytes(data), self.options, codecs)


@dataclass(frozen=True)
class RunInfo:
    """What every row of a run carries."""

    run_id: int
    version: str
    config_hash: str
    now: datetime


@dataclass(frozen=True)
class AnalyzeItems:
    config: Config  # as shipped (knowledge files by name; see spark_session.ship_files)
    run: RunInfo
    batch_size: int
    shipped: bool = True  # False: the paths are usable as they are (tests, one machine)

    def __call__(self, held: Iterable[Held]) -> Iterator[tuple[str, bytes]]:
        from parley.engines.local import analyze_batches

        _crash_once_if_asked()

        config = self.config
        if self.shipped:
            from parley.engines.spark_session import executor_config

            config = executor_config(config)
        read = [0]

        def wanted() -> Iterator[tuple[str, Order, Item]]:
            for digest, (order, item, copies, present) in held:
                read[0] += copies
                if not present:  # stored by an earlier run: counted, not analysed again
                    yield digest, order, item

        # workers=1: this Python worker is the worker; the pipeline is the process's default
        # one, built from the Config on first use and kept for the next partitions.
        batches = analyze_batches(config, wanted(), batch_size=self.batch_size, unwrap=_document)
        for batch in batches:
            tables: dict[str, list[tuple[Any, ...]]] = {}
            for (digest, order, item), result in batch:
                for table, row_order, row, month in self._rows(order, item, digest, result):
                    tables.setdefault(table, []).append((row, list(row_order), month))
            # One element per table and batch, its rows pickled together: picking one
            # table's rows out of the cached partition later unpickles only that table's.
            for table, rows in tables.items():
                coerce = coercer(table)
                made = [(*coerce(r), order, month) for r, order, month in rows]
                yield table, pickle.dumps(made, protocol=5)
        yield READ, pickle.dumps(read[0], protocol=5)

    def _rows(
        self, order: Order, item: Item, digest: str, result: Any
    ) -> Iterator[tuple[str, Order, Row, str | None]]:
        from parley.store.ingest import outcome

        try:
            made = outcome(item, digest, result)
            rows = list(_tagged(made, order, self.run))
        except Exception as err:  # the analysis cannot become rows: its failure row instead
            source = getattr(item, "source", "")
            position = getattr(item, "position", None)
            made = Failed(source, position, "store", INTERNAL_ERROR, _describe(err))
            rows = list(_tagged(made, order, self.run))
        # Every row of a document sits in its article's month (a failure in none).
        month = month_of(rows[0][2][_DAY]) if rows[0][0] == "articles" else None
        for table, row_order, row in rows:
            yield table, row_order, row, month


def month_of(day: Any) -> str | None:
    """The partition of an article published on ``day`` (a date, or None): YYYY-MM."""
    return None if day is None else f"{day.year:04d}-{day.month:02d}"


def rows_of(element: tuple[str, bytes]) -> list[tuple[Any, ...]]:
    """The rows an ``AnalyzeItems`` element holds (each ends with its document's order and
    its article's month)."""
    rows: list[tuple[Any, ...]] = pickle.loads(element[1])
    return rows


def _tagged(made: Stored | Failed, order: Order, run: RunInfo) -> Iterator[Tagged]:
    if isinstance(made, Failed):
        yield "failures", order, failure_row(made, run.run_id, run.now)
        return
    from parley.store.dedup import signature, to_bytes

    text = made.data["article"].get("text") or ""
    # Corpus-wide columns (seq, duplicate_of, similarity) are filled in on the driver.
    info = article_info(
        made, seq=-1, signature=to_bytes(signature(text)), match=None,
        version=run.version, config_hash=run.config_hash, run_id=run.run_id, now=run.now,
    )  # fmt: skip
    yield "articles", order, article_row(made.data, info)
    for table, rows in child_rows(made.data, False).tables.items():
        assert table in CHILD_COLUMNS
        for row in rows:
            yield table, order, row


def _path_of(uri: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(uri).path


def _document(hashed: tuple[str, Order, Item]) -> Document | None:
    item = hashed[2]
    return item if isinstance(item, Document) else None


def _describe(err: BaseException) -> str:
    return " ".join(f"{type(err).__name__}: {err}".split())


CRASH_ONCE = "PARLEY_SPARK_CRASH_ONCE"


def _crash_once_if_asked() -> None:
    """Fault injection for the retry test: when the environment names a marker file (Spark
    passes a driver's ``SparkContext.environment`` to its Python workers) and the marker does
    not exist yet, the first analysis task to get here makes it and kills its own worker, as
    an out-of-memory kill would; Spark must retry the task elsewhere. Unset in normal runs."""
    marker = os.environ.get(CRASH_ONCE)
    if not marker:
        return
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return
    os.kill(os.getpid(), signal.SIGKILL)
