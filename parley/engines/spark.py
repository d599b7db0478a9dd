"""The Spark engine: ``parley ingest --engine spark --out PATH SOURCE...``.

The same analysis as the local engine, mapped over partitions, written as Parquet tables
with the store's schema (``parley.engines.spark_tables``); ``parley attach`` makes a DuckDB
store of them for every query and export. One run:

1. list the inputs on the driver (``spark_inputs``: a missing path stops the run here);
2. read each file whole through Hadoop's file systems (``binaryFiles``) and split it into
   items with the local engine's readers (``spark_tasks.ReadFiles``);
3. keep the first item of each content (input order, counting the others) and mark content
   an earlier run stored with this Parley version and configuration, as the local engine
   skips it;
4. analyse in ``mapPartitions`` (``spark_tasks.AnalyzeItems``): one pipeline per Python
   worker, rebuilt from the ``Config`` with the user's knowledge files shipped to executors;
   every outcome becomes the local writer's rows, failures included, kept in Spark's cache;
5. decide as the local writer decides, in input order: the first record of an article wins,
   articles stored earlier are kept or replaced, ``seq`` follows input order (on the driver,
   from each article's id and order), near-duplicates are named (``spark_dedup``, one job);
6. write every table in one job from the cached rows (``spark_write``: pyarrow, each task
   attempt in its own staging folder), write again the earlier files holding rows this run
   replaces, commit on the driver, then the monthly rollup with the store's own SQL and the
   run's row last. A run again over the same output overwrites what it re-made and adds no
   duplicate.

Task retries (a killed worker, a lost executor) recompute a partition from its inputs, and
the driver commits the files of one successful attempt per partition: the rows are the
same whatever was retried.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from parley.config import Config
from parley.engines.spark_daemon import PRELOAD
from parley.engines.spark_session import Session, ship_files, start_session
from parley.engines.spark_tables import MONTH_TABLES, PARTITION, Output, columns
from parley.engines.spark_tasks import AnalyzeItems, ReadFiles, RunInfo, rows_of
from parley.engines.spark_write import (
    Decisions,
    Key,
    RewriteFiles,
    Rewritten,
    WriteTables,
    failure_key,
    rollup_rows,
)
from parley.errors import PARLEY_FAILURES, EngineError
from parley.sources.corpus import CorpusOptions
from parley.store.ingest import IngestOptions, config_hash
from parley.store.writer import Counts

__all__ = ["SparkOptions", "ingest_spark"]

BYTES_PER_PARTITION = 1 << 20  # about 700 KCNA stories, 25 s of analysis on one core
SIGNATURES_PER_TASK = 10_000  # articles per near-duplicate task (1 KB signature per band)
ORDER = "_order"  # input order of a row's document: (argument, file, item) numbers
_ARTICLE = [name for name, _ in columns("articles")]
_ID, _SIGNATURE = _ARTICLE.index("article_id"), _ARTICLE.index("signature")


@dataclass(frozen=True)
class SparkOptions:
    out: str  # the output folder (any Hadoop file system path)
    master: str | None = None  # None: local[*], or spark-submit's own
    partitions: int | None = None  # analysis partitions (None: ``default_partitions``)
    verbose: bool = False  # Spark's own logs on the terminal


def ingest_spark(
    specs: Iterable[str],
    *,
    spark: SparkOptions,
    config: Config,
    corpus: CorpusOptions,
    options: IngestOptions,
    arguments: dict[str, Any] | None = None,
) -> Counts:
    """Run the corpus through Spark into ``spark.out``; the counts at the end."""
    started = time.monotonic()
    session = start_session(spark.master, verbose=spark.verbose)
    failed = True
    try:
        run = _Run(session, spark, config, corpus, options, started)
        counts = run.run(list(specs), arguments or {})
        failed = False
        return counts
    except PARLEY_FAILURES:
        raise
    except Exception as err:  # py4j and Spark raise their own exceptions
        where = f" (Spark's log: {session.log})" if session.log else ""
        raise EngineError(f"the Spark job failed: {_first_line(err)}{where}") from err
    finally:
        session.stop(keep_log=failed)


class _Run:
    def __init__(
        self,
        session: Session,
        spark: SparkOptions,
        config: Config,
        corpus: CorpusOptions,
        options: IngestOptions,
        started: float,
    ) -> None:
        from parley import __version__

        self.spark = session.spark
        self.sc = self.spark.sparkContext
        self.options = options
        self.corpus = corpus
        self.config = config
        self.output = Output(self.spark, spark.out)
        self.chosen = spark.partitions
        self.partitions = spark.partitions or max(4 * self.sc.defaultParallelism, 1)
        # Spark SQL's joins and windows shuffle into 200 partitions by default: for the
        # driver's decisions (a few columns per article) that is 200 tasks of nothing each.
        self.spark.conf.set("spark.sql.shuffle.partitions", str(self.partitions))
        self.version = __version__
        self.config_hash = config_hash(config)
        self.now = datetime.now(UTC)
        self.verbose = spark.verbose
        self.started = started

    def say(self, message: str) -> None:
        """A step of the run on stderr, with --verbose (Spark's logs say the rest)."""
        if self.verbose:
            elapsed = time.monotonic() - self.started
            print(f"parley: spark: {elapsed:7.1f} s  {message}", file=sys.stderr, flush=True)

    def run(self, specs: list[str], arguments: dict[str, Any]) -> Counts:
        from pyspark import StorageLevel

        from parley.engines.spark_inputs import list_inputs

        self.say("Spark started")
        previous = self.output.previous()
        inputs = list_inputs(self.spark, specs, self.corpus)  # a missing path stops us here
        old, run_id = None, 1
        if previous:
            old, run_id = self._earlier()
        else:
            self._write_meta()  # first: the folder is a Parley output from now on
        if self.chosen is None:  # sized to the input, now that it is listed
            self.partitions = default_partitions(inputs.size, self.sc.defaultParallelism)
            self.spark.conf.set("spark.sql.shuffle.partitions", str(self.partitions))
        shipped = ship_files(self.spark, self.config)
        # The executors' daemon builds the default pipeline before forking workers when the
        # workers will want that one (see ``spark_daemon``).
        self.sc.environment[PRELOAD] = "1" if shipped == Config() else "0"
        self.say(f"{len(inputs.files):,} input files listed")

        items = self.sc.emptyRDD()
        if inputs.files:
            read = self.sc.binaryFiles(inputs.uris(), minPartitions=self.sc.defaultParallelism)
            items = read.mapPartitions(ReadFiles(inputs.files, self.corpus))
        if inputs.settled:
            items = items.union(self.sc.parallelize(inputs.settled, 1))
        # One item per content, the first in input order, with how many there were (the
        # rest are counted as present, as the local engine counts a content met again).
        unique: Any = items.mapValues(_one).reduceByKey(_first_in_order, self.partitions)
        if old is not None and not self.options.force:  # content an earlier run stored
            known = old.where(self._same(old)).select("content_hash").distinct()
            known = known.rdd.map(lambda r: (r[0], True))
            unique = unique.leftOuterJoin(known, self.partitions).mapValues(_present)
        else:
            unique = unique.mapValues(lambda held: (*held, False))
        info = RunInfo(run_id, self.version, self.config_hash, self.now)
        analyse = AnalyzeItems(shipped, info, self.options.batch_size)
        tagged = unique.mapPartitions(analyse).persist(StorageLevel.MEMORY_AND_DISK)
        try:
            decisions, replaced, duplicates = self._decide(tagged, old)
            counts, rollup = self._write(tagged, decisions, replaced, run_id, previous)
            counts.duplicates = duplicates
            self._finish(run_id, counts, arguments, None if previous else rollup)
            self.say("done")
        finally:
            tagged.unpersist()
        return counts

    def _earlier(self) -> tuple[Any, int]:
        """The stored articles, each marked ``_done`` when the run that wrote it finished
        (rows of a run that died part-way are made again, never taken as present), and this
        run's number."""
        from pyspark.sql import functions as F

        wanted = ("article_id", "seq", "run_id", "parley_version", "config_hash", "content_hash",
                  "signature", "duplicate_of", PARTITION)  # fmt: skip
        old = self.output.read("articles").select(*wanted)
        runs = self.output.read("runs")
        done = runs.where(F.col("status") == "done").select("run_id", F.lit(True).alias("_done"))
        old = old.join(done, "run_id", "left").fillna(False, subset=["_done"]).persist()
        last = max(
            int(runs.agg(F.max("run_id")).collect()[0][0] or 0),
            int(old.agg(F.max("run_id")).collect()[0][0] or 0),
        )
        return old, last + 1

    def _write_meta(self) -> None:
        from parley.store.schema import SCHEMA_VERSION

        meta = [("schema_version", str(SCHEMA_VERSION)), ("written_by", "parley --engine spark")]
        self.output.write_file("meta", "part-00000.parquet", meta)

    # ---------------------------------------------------------------------- deciding ---
    def _decide(self, tagged: Any, old: Any) -> tuple[Decisions, dict[str, str | None], int]:
        """Per kept article, its storage order and near-duplicate original (as the local
        writer decides them, in input order); the earlier articles this run replaces (id ->
        month); the number of near-duplicates."""
        from pyspark.sql import functions as F

        from parley.engines.spark_dedup import near_duplicates

        articles = tagged.filter(_is_articles)
        keys = articles.flatMap(_article_keys)
        base, replaced = 0, {}
        if old is not None:
            if not self.options.force:  # stored by this version and configuration: present
                present = old.where(self._same(old)).select("article_id").rdd.map(_keyed)
                keys = keys.subtractByKey(present, self.partitions)
            base = int(old.agg(F.max("seq")).collect()[0][0] or -1) + 1
        # The first record of each article, in input order, numbered from ``base``: the
        # one job that runs the analysis (its rows stay in Spark's cache for the writing).
        first: dict[str, list[int]] = {}
        for article_id, order in keys.collect():
            if article_id not in first or order < first[article_id]:
                first[article_id] = order
        ordered = sorted(first.items(), key=lambda kept: kept[1])
        seqs = {aid: base + n for n, (aid, _) in enumerate(ordered)}
        self.say(f"analysed; {len(seqs):,} articles to store")

        # Near-duplicates among the kept articles and those stored before: their signatures
        # taken from the cached rows in the same Python workers (a DataFrame join would
        # need a second Python worker per task, started while the first waits).
        kept = self.sc.broadcast({tuple(first[aid]): (aid, seq) for aid, seq in seqs.items()})
        members = articles.flatMap(_KeptSignatures(kept))
        ids = self.sc.broadcast(frozenset(seqs))
        if old is not None and seqs:
            stored = old.select("article_id", PARTITION, "seq", "duplicate_of", "signature").rdd
            replaced = dict(stored.filter(_Among(ids)).map(lambda r: (r[0], r[1])).collect())
            members = stored.filter(_Among(ids, among=False)).flatMap(_stored_member).union(members)
        try:
            found = {}
            if seqs:
                parts = self._small_partitions(len(seqs), old is not None)
                found = near_duplicates(members, base, self.options.threshold, old, parts)
        finally:
            kept.unpersist()
            ids.unpersist()
        self.say(f"near-duplicates found: {len(found):,}")
        decided = {
            tuple(first[aid]): (seq, *found.get(aid, (None, None))) for aid, seq in seqs.items()
        }
        failure_keys: frozenset[Key] = frozenset()
        if old is not None:
            earlier_failures = self.output.read("failures").select("source", "position")
            failure_keys = frozenset(failure_key(s, p) for s, p in earlier_failures.collect())
        return Decisions(decided, failure_keys), replaced, len(found)

    def _small_partitions(self, articles: int, stored: bool = False) -> int:
        """Tasks for a job over a few values per article (signatures): none (the driver
        scores them) when a first run's fit one task, else one per core, more only for a
        large run (a task per ``SIGNATURES_PER_TASK`` articles), never more than the
        analysis has."""
        if not stored and articles <= SIGNATURES_PER_TASK:
            return 0
        wanted = max(self.sc.defaultParallelism, -(-articles // SIGNATURES_PER_TASK))
        return max(1, min(wanted, self.partitions))

    def _same(self, old: Any) -> Any:
        """Stored by a finished run of this Parley version and configuration."""
        same = (old.parley_version == self.version) & (old.config_hash == self.config_hash)
        return same & old._done

    # ----------------------------------------------------------------------- writing ---
    def _write(
        self,
        tagged: Any,
        decisions: Decisions,
        replaced: dict[str, str | None],
        run_id: int,
        previous: bool,
    ) -> tuple[Counts, list[tuple[Any, ...]]]:
        """Every table in one job; the earlier files holding replaced rows written again;
        then the commit (see ``spark_write``)."""
        staging = self.output.staging(run_id)
        self.output.finish()  # what a failed run may have left in staging
        shared = self.sc.broadcast(decisions)
        try:
            written = tagged.mapPartitionsWithIndex(WriteTables(staging, shared)).collect()
        finally:
            shared.unpersist()
        self.say(f"wrote {sum(len(w.files) for w in written):,} files")
        outcomes = frozenset().union(*(w.outcomes for w in written))
        rewrites = self._rewrite(staging, replaced, outcomes) if previous else []
        # The commit: from here the output changes.
        for rewritten in rewrites:
            if rewritten.staged is None:
                self.output.delete_file(rewritten.old)
            else:
                self.output.move(rewritten.staged, rewritten.old)
        for part, done in enumerate(written):
            for table, month, path in done.files:
                self.output.move(path, self.output.final_name(table, month, run_id, part))
        if rewrites:
            for table in MONTH_TABLES:
                self.output.drop_empty_months(table)
        counts = Counts()
        for done in written:
            counts.ingested += done.ingested
            counts.codes.update(done.codes)
        counts.failed = sum(counts.codes.values())
        counts.present = sum(w.read for w in written) - counts.ingested - counts.failed
        return counts, rollup_rows(written)

    def _rewrite(
        self, staging: str, replaced: dict[str, str | None], outcomes: frozenset[Key]
    ) -> list[Rewritten]:
        """The earlier files that hold rows this run replaces, written again without them."""
        files = []
        if replaced:
            months = set(replaced.values())
            files += [(t, p) for t in MONTH_TABLES for p in self.output.files(t, months)]
        if outcomes:
            files += [("failures", p) for p in self.output.files("failures")]
        if not files:
            return []
        ids = self.sc.broadcast(frozenset(replaced))
        keys = self.sc.broadcast(outcomes)
        try:
            task = RewriteFiles(staging, ids, keys)
            parts = min(len(files), self.partitions)
            found = self.sc.parallelize(files, parts).mapPartitionsWithIndex(task).collect()
        finally:
            ids.unpersist()
            keys.unpersist()
        self.say(f"rewrote {len(found):,} earlier files")
        return list(found)

    def _finish(
        self,
        run_id: int,
        counts: Counts,
        arguments: dict[str, Any],
        rollup: list[tuple[Any, ...]] | None,
    ) -> None:
        """The monthly rollup, then the run's row. ``rollup``: this run's events rolled up
        by the writing tasks, the whole table on a first run; over an earlier output, the
        store's own SQL over every stored event, in Spark."""
        from parley.store.rollup import rollup_select

        if rollup is not None:
            self.output.write_file("event_months", "part-00000.parquet", rollup)
        else:
            self.output.read("events").createOrReplaceTempView("parley_events")
            rows = self.spark.sql(rollup_select("parley_events"))
            self.output.write_whole("event_months", rows)  # reads events only
        run = [(run_id, self.now, datetime.now(UTC), "done", json.dumps(arguments), self.version,
                self.config_hash, counts.ingested, counts.present, counts.duplicates,
                counts.failed)]  # fmt: skip
        # Last, a file of its own: from here the run's rows count as a finished run's.
        self.output.write_file("runs", f"part-r{run_id:05d}.parquet", run)
        self.output.finish()


def default_partitions(size: int, parallelism: int) -> int:
    """The analysis partitions of a run reading ``size`` bytes on ``parallelism`` cores: 4
    per core, which keeps every core busy to the end of a large run and a retried task
    small, but no more than one per ``BYTES_PER_PARTITION`` of input, at least one per core.
    Each Python task costs a fixed 0.1 s or so, and a small run cut into many short tasks
    scaled worse: 400 KCNA stories (0.6 MB) on local[2] took 6.3 to 6.5 s to analyse in 8
    partitions, 5.4 s in 2."""
    cores = max(parallelism, 1)
    by_size = -(-size // BYTES_PER_PARTITION)
    return max(cores, min(4 * cores, by_size))


def _is_articles(element: tuple[str, bytes]) -> bool:
    return element[0] == "articles"


def _article_keys(element: tuple[str, bytes]) -> list[tuple[str, list[int]]]:
    """(article id, order) of the article rows of an analysed element."""
    return [(row[_ID], row[-2]) for row in rows_of(element)]


def _keyed(row: Any) -> tuple[Any, None]:
    return row[0], None


@dataclass(frozen=True)
class _KeptSignatures:
    """(seq, article id, None, signature) of the kept articles among an element's rows."""

    kept: Any  # Broadcast[dict[order, (article id, seq)]]

    def __call__(self, element: tuple[str, bytes]) -> Iterator[tuple[int, str, None, bytes]]:
        kept = self.kept.value
        for row in rows_of(element):
            decided = kept.get(tuple(row[-2]))
            if decided is not None and decided[0] == row[_ID] and row[_SIGNATURE] is not None:
                yield decided[1], row[_ID], None, bytes(row[_SIGNATURE])


@dataclass(frozen=True)
class _Among:
    """Earlier article rows (id first) whose article this run makes again, or the others."""

    ids: Any  # Broadcast[frozenset[str]]
    among: bool = True

    def __call__(self, row: Any) -> bool:
        return (row[0] in self.ids.value) == self.among


def _stored_member(row: Any) -> list[tuple[int, str, str | None, bytes]]:
    """An earlier article (id, month, seq, original, signature) as a near-duplicate member."""
    return [] if row[4] is None else [(int(row[2]), row[0], row[3], bytes(row[4]))]


def _one(held: tuple[Any, Any]) -> tuple[Any, Any, int]:
    return (*held, 1)


def _present(joined: tuple[tuple[Any, Any, int], bool | None]) -> tuple[Any, Any, int, bool]:
    return (*joined[0], joined[1] is not None)


def _first_in_order(a: tuple[Any, Any, int], b: tuple[Any, Any, int]) -> tuple[Any, Any, int]:
    """The first of two items of one content (input order), counting both."""
    first = a if a[0] <= b[0] else b
    return first[0], first[1], a[2] + b[2]


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split())[:300]
    return type(err).__name__
