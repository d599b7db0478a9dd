"""The Spark engine: ``parley ingest --engine spark --out PATH SOURCE...``.

The same analysis as the local engine, mapped over partitions, written as Parquet tables
with the store's schema (``parley.engines.spark_tables``); ``parley attach`` makes a DuckDB
store of them for every query and export. One run:

1. list the inputs on the driver (``spark_inputs``: a missing path stops the run here);
2. read each file whole through Hadoop's file systems (``binaryFiles``) and split it into
   items with the local engine's readers (``spark_tasks.ReadFiles``);
3. keep the first item of each content (input order) and leave out content an earlier run
   stored with this Parley version and configuration, as the local engine skips it;
4. analyse in ``mapPartitions`` (``spark_tasks.AnalyzeItems``): one pipeline per Python
   worker, rebuilt from the ``Config`` with the user's knowledge files shipped to executors;
   every outcome becomes the local writer's rows, failures included;
5. on the driver, as the local writer decides in input order: the first record of an
   article wins, articles stored earlier are kept or replaced, ``seq`` follows input order,
   near-duplicates are named (``spark_dedup``), the monthly rollup is made with the store's
   own SQL; then the month partitions this run touched are replaced, so a run again over the
   same output overwrites what it re-made and adds no duplicate.

Task retries (a killed worker, a lost executor) recompute a partition from its inputs, and
Spark commits each task's output once: the rows are the same whatever was retried.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from parley.config import Config
from parley.engines.spark_session import Session, ship_files, start_session
from parley.engines.spark_tables import MONTH_TABLES, PARTITION, Output, spark_ddl
from parley.engines.spark_tasks import AnalyzeItems, ReadFiles, RunInfo, rows_of
from parley.errors import PARLEY_FAILURES, EngineError
from parley.sources.corpus import CorpusOptions
from parley.store.ingest import IngestOptions, config_hash
from parley.store.writer import Counts

__all__ = ["SparkOptions", "ingest_spark"]

ORDER = "_order"  # input order of a row's document: (argument, file, item) numbers


@dataclass(frozen=True)
class SparkOptions:
    out: str  # the output folder (any Hadoop file system path)
    master: str | None = None  # None: local[*], or spark-submit's own
    partitions: int | None = None  # analysis partitions (None: 4 x Spark's parallelism)
    verbose: bool = False  # Spark's own logs on the terminal


@dataclass
class _Plan:
    """What one run decided, as DataFrames."""

    articles: Any  # the articles this run stores, final
    children: dict[str, Any] = field(default_factory=dict)
    replaced: Any = None  # (article_id, published_month) of earlier rows this run replaces
    failures: Any = None


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
    session = start_session(spark.master, verbose=spark.verbose)
    failed = True
    try:
        run = _Run(session, spark, config, corpus, options)
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
    ) -> None:
        from parley import __version__

        self.spark = session.spark
        self.sc = self.spark.sparkContext
        self.options = options
        self.corpus = corpus
        self.config = config
        self.output = Output(self.spark, spark.out)
        self.partitions = spark.partitions or max(4 * self.sc.defaultParallelism, 1)
        # Spark SQL's joins and windows shuffle into 200 partitions by default: for the
        # driver's decisions (a few columns per article) that is 200 tasks of nothing each.
        self.spark.conf.set("spark.sql.shuffle.partitions", str(self.partitions))
        self.version = __version__
        self.config_hash = config_hash(config)
        self.now = datetime.now(UTC)
        self.verbose = spark.verbose
        self.started = time.monotonic()

    def say(self, message: str) -> None:
        """A step of the run on stderr, with --verbose (Spark's logs say the rest)."""
        if self.verbose:
            elapsed = time.monotonic() - self.started
            print(f"parley: spark: {elapsed:7.1f} s  {message}", file=sys.stderr, flush=True)

    def run(self, specs: list[str], arguments: dict[str, Any]) -> Counts:
        from pyspark import StorageLevel

        from parley.engines.spark_inputs import list_inputs

        previous = self.output.previous()
        inputs = list_inputs(self.spark, specs, self.corpus)  # a missing path stops us here
        old, run_id = None, 1
        if previous:
            old, run_id = self._earlier()
        else:
            self._write_meta()  # first: the folder is a Parley output from now on
        shipped = ship_files(self.spark, self.config)

        items = self.sc.emptyRDD()
        if inputs.files:
            read = self.sc.binaryFiles(inputs.uris(), minPartitions=self.sc.defaultParallelism)
            items = read.mapPartitions(ReadFiles(inputs.files, self.corpus))
        if inputs.settled:
            items = items.union(self.sc.parallelize(inputs.settled, 1))
        items = items.persist(StorageLevel.MEMORY_AND_DISK)
        total = items.count()
        self.say(f"read {total:,} documents from {len(inputs.files):,} files")
        unique = items.reduceByKey(_first_in_order, self.partitions)
        if old is not None and not self.options.force:
            known = old.where(self._same(old)).select("content_hash")
            known = known.rdd.map(lambda r: (r[0], None))
            unique = unique.subtractByKey(known, self.partitions)
        info = RunInfo(run_id, self.version, self.config_hash, self.now)
        analyse = AnalyzeItems(shipped, info, self.options.batch_size)
        tagged = unique.mapPartitions(analyse).persist(StorageLevel.MEMORY_AND_DISK)
        try:
            plan, duplicates = self._plan(tagged, old)
            counts = self._write(plan, previous, total, duplicates)
            self._finish(run_id, counts, arguments, previous)
            self.say("done")
        finally:
            tagged.unpersist()
            items.unpersist()
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
        frame = self.spark.createDataFrame(meta, spark_ddl("meta"))
        self.output.write_whole("meta", frame, staged=False)

    # ---------------------------------------------------------------------- deciding ---
    def _frame(self, tagged: Any, table: str) -> Any:
        rows = tagged.filter(lambda t: t[0] == table).flatMap(rows_of)
        schema = spark_ddl(table, [f"`{ORDER}` array<bigint>"])
        return self.spark.createDataFrame(rows, schema, verifySchema=False)

    def _plan(self, tagged: Any, old: Any) -> tuple[_Plan, int]:
        from pyspark.sql import Window
        from pyspark.sql import functions as F

        from parley.engines.spark_dedup import near_duplicates

        made = self._frame(tagged, "articles")
        first = Window.partitionBy("article_id").orderBy(ORDER)
        kept = made.withColumn("_n", F.row_number().over(first)).where("_n = 1").drop("_n")
        base, replaced = 0, None
        if old is not None:
            if not self.options.force:  # stored by this version and configuration: present
                present = old.where(self._same(old)).select("article_id")
                kept = kept.join(present, "article_id", "left_anti")
            replaced = old.join(kept.select("article_id"), "article_id", "left_semi")
            replaced = _materialized(replaced.select("article_id", PARTITION))
            base = int(old.agg(F.max("seq")).collect()[0][0] or -1) + 1
        # Materialized before anything is written: nothing read from the output is read again
        # once the output changes.
        kept = _materialized(kept.drop("seq").join(self._seqs(kept, base), "article_id"))
        self.say("analysed; storage order set")

        signatures = kept.select("seq", "article_id", "signature",
                                 F.lit(None).cast("string").alias("duplicate_of"))  # fmt: skip
        if old is not None:
            earlier = old.join(replaced, "article_id", "left_anti")
            signatures = earlier.select(*signatures.columns).unionByName(signatures)
        found = near_duplicates(signatures, base, self.options.threshold)
        self.say(f"near-duplicates found: {len(found):,}")
        matches = self.spark.createDataFrame(
            [(aid, original, similarity) for aid, (original, similarity) in found.items()],
            "article_id string, _original string, _similarity double",
        )
        articles = (
            kept.join(matches, "article_id", "left")
            .withColumn("duplicate_of", F.col("_original"))
            .withColumn("similarity", F.col("_similarity"))
            .withColumn(PARTITION, F.date_format("published_day", "yyyy-MM"))
        )
        keys = articles.select("article_id", ORDER, PARTITION,
                               F.col("duplicate_of").isNotNull().alias("_duplicate"))  # fmt: skip
        plan = _Plan(articles, replaced=replaced)
        for table in MONTH_TABLES[1:]:
            rows = self._frame(tagged, table).join(keys, ["article_id", ORDER])
            if "duplicate" in rows.columns:
                rows = rows.withColumn("duplicate", F.col("_duplicate"))
            plan.children[table] = rows
        # A document's failure row is replaced by its newest outcome, as the local writer does.
        failures = self._frame(tagged, "failures")
        outcomes = made.select("source", "position").unionByName(
            failures.select("source", "position")
        )
        plan.failures = (failures, outcomes)
        return plan, len(found)

    def _same(self, old: Any) -> Any:
        """Stored by a finished run of this Parley version and configuration."""
        same = (old.parley_version == self.version) & (old.config_hash == self.config_hash)
        return same & old._done

    def _seqs(self, kept: Any, base: int) -> Any:
        """Storage order: the kept articles in input order, numbered from ``base`` (a sort
        of two narrow columns in Spark SQL)."""
        from pyspark.sql import Window
        from pyspark.sql import functions as F

        order = Window.orderBy(ORDER)
        number = (F.row_number().over(order) - 1 + base).cast("bigint").alias("seq")
        return kept.select("article_id", number)

    # ----------------------------------------------------------------------- writing ---
    def _write(self, plan: _Plan, previous: bool, total: int, duplicates: int) -> Counts:
        from pyspark.sql import functions as F

        months = {row[0] for row in plan.articles.select(PARTITION).distinct().collect()}
        if plan.replaced is not None:
            months |= {row[0] for row in plan.replaced.select(PARTITION).distinct().collect()}
        in_months = F.col(PARTITION).isin([m for m in months if m is not None])
        if None in months:
            in_months = in_months | F.col(PARTITION).isNull()
        emptied: set[str | None] = set()
        for table in MONTH_TABLES:
            rows = plan.articles if table == "articles" else plan.children[table]
            if previous:
                kept = self.output.read(table).where(in_months)
                kept = kept.join(plan.replaced.select("article_id"), "article_id", "left_anti")
                rows = rows.select(*kept.columns).unionByName(kept)
                if table == "articles":  # a month may have lost its every article
                    emptied = months - {r[0] for r in rows.select(PARTITION).distinct().collect()}
            self.output.write_months(table, rows, staged=previous)
            self.output.drop_months(table, emptied)
            self.say(f"wrote {table}")

        new_failures, outcomes = plan.failures
        failures = new_failures
        if previous:
            key = ["source", F.coalesce("position", F.lit(-1)).alias("_position")]
            done = outcomes.select(*key).distinct()
            earlier = self.output.read("failures").select("*", key[1])
            earlier = earlier.join(done, ["source", "_position"], "left_anti").drop("_position")
            failures = new_failures.select(*earlier.columns).unionByName(earlier)
        self.output.write_whole("failures", failures, staged=previous)

        counts = Counts()
        counts.ingested = plan.articles.count()
        counts.duplicates = duplicates
        for code, n in new_failures.groupBy("code").count().collect():
            counts.codes[code] += int(n)
        counts.failed = sum(counts.codes.values())
        counts.present = total - counts.ingested - counts.failed
        return counts

    def _finish(
        self, run_id: int, counts: Counts, arguments: dict[str, Any], previous: bool
    ) -> None:
        from parley.store.rollup import rollup_select

        self.output.read("events").createOrReplaceTempView("parley_events")
        rollup = self.spark.sql(rollup_select("parley_events"))
        self.output.write_whole("event_months", rollup, staged=False)  # reads events only
        run = [(run_id, self.now, datetime.now(UTC), "done", json.dumps(arguments), self.version,
                self.config_hash, counts.ingested, counts.present, counts.duplicates,
                counts.failed)]  # fmt: skip
        runs = self.spark.createDataFrame(run, spark_ddl("runs"))
        if previous:
            runs = self.output.read("runs").unionByName(runs)
        # Last: from here the run's rows count as a finished run's.
        self.output.write_whole("runs", runs, staged=previous)
        self.output.finish()


def _materialized(df: Any) -> Any:
    from pyspark import StorageLevel

    df = df.persist(StorageLevel.MEMORY_AND_DISK)
    df.count()
    return df


def _first_in_order(a: tuple[Any, Any], b: tuple[Any, Any]) -> tuple[Any, Any]:
    return a if a[0] <= b[0] else b


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split())[:300]
    return type(err).__name__

