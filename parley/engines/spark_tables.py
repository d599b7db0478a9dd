"""The Spark engine's output: a folder of Parquet tables with the DuckDB store's schema.

    OUT/meta/          key, value (schema_version): marks a Parley output
    OUT/runs/          one row per run
    OUT/articles/published_month=YYYY-MM/part-*.parquet     (and entities, mentions,
    OUT/events/published_month=YYYY-MM/...                   timexes, quotes, events)
    OUT/failures/      OUT/event_months/

The article tables are partitioned by their article's publication month
(``published_month=__HIVE_DEFAULT_PARTITION__`` holds articles with no known day); their
files hold exactly the store's columns, in the store's order and types (``conform``). A run
rewrites only the month partitions it touched, through a staging folder
(``OUT/_staging``): Spark never overwrites a path it is reading, and a failed run leaves
the previous output as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from parley.store.rollup import ROLLUP_COLUMNS
from parley.store.rows import CHILD_COLUMNS
from parley.store.schema import SCHEMA_VERSION, TABLES, StoreError

__all__ = ["MONTH_TABLES", "PARTITION", "Output", "coercer", "columns", "spark_ddl"]

PARTITION = "published_month"
# The per-article tables, partitioned by month: the articles and every child table the
# writer fills (from rows.py, so a new child table reaches Spark's output too).
MONTH_TABLES = ("articles", *CHILD_COLUMNS)
STAGING = "_staging"

# DuckDB's types in the store's schema -> Spark SQL's (Parquet carries them across).
SPARK_TYPES = {
    "VARCHAR": "string", "VARCHAR[]": "array<string>", "BIGINT": "bigint", "INTEGER": "int",
    "TINYINT": "tinyint", "DOUBLE": "double", "BOOLEAN": "boolean", "DATE": "date",
    "TIMESTAMPTZ": "timestamp", "BLOB": "binary",
}  # fmt: skip
# Python values the row builders make -> what Spark's types take (an int Goldstein value is
# not a double to Spark, a numpy float not a float).
_CONVERT: dict[str, Callable[[Any], Any]] = {
    "DOUBLE": float, "BIGINT": int, "INTEGER": int, "TINYINT": int, "BOOLEAN": bool,
    "BLOB": bytes,
}  # fmt: skip


def columns(table: str) -> list[tuple[str, str]]:
    """(name, DuckDB type) of a store table's columns, in order."""
    text = ROLLUP_COLUMNS if table == "event_months" else TABLES[table]
    out = []
    for line in text.split(","):
        words = line.split()
        if words:
            out.append((words[0], words[1]))
    return out


def spark_ddl(table: str, extra: Iterable[str] = ()) -> str:
    """The table's schema as Spark DDL (names quoted: ``date`` and ``text`` are keywords)."""
    parts = [f"`{name}` {SPARK_TYPES[kind]}" for name, kind in columns(table)]
    return ", ".join([*parts, *extra])


def coercer(table: str) -> Callable[[tuple[Any, ...]], tuple[Any, ...]]:
    converts = [_CONVERT.get(kind) for _, kind in columns(table)]

    def coerce(row: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(
            value if value is None or convert is None else convert(value)
            for value, convert in zip(row, converts, strict=True)
        )

    return coerce


def conform(df: Any, table: str, *, month: bool) -> Any:
    """The table's columns, in order, cast to its types (plus the partition column)."""
    from pyspark.sql import functions as F

    chosen = [F.col(f"`{n}`").cast(SPARK_TYPES[k]).alias(n) for n, k in columns(table)]
    if month:
        chosen.append(F.col(PARTITION))
    return df.select(*chosen)


class Output:
    """The output folder: what an earlier run left, and writing this run's tables."""

    def __init__(self, spark: Any, root: str) -> None:
        self.spark = spark
        self.root = root.rstrip("/") or "/"
        self.fs, _ = self._path(self.root)

    def path(self, table: str) -> str:
        return f"{self.root}/{table}"

    # ---------------------------------------------------------------------- reading ---
    def previous(self) -> bool:
        """True when an earlier run wrote here; StoreError when the folder is something else."""
        meta = self.path("meta")
        if not self._exists(meta):
            if self._exists(self.root) and self._has_children(self.root):
                raise StoreError(
                    f"{self.root} holds files but no Parley output: give another --out"
                )
            return False
        rows = dict(self.read("meta").collect())
        version = int(rows.get("schema_version") or 0)
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"{self.root} has schema version {version}, this Parley writes "
                f"{SCHEMA_VERSION}: give another --out"
            )
        return True

    def read(self, table: str) -> Any:
        month = table in MONTH_TABLES
        schema = spark_ddl(table, [f"`{PARTITION}` string"] if month else [])
        path = self.path(table)
        if not self._exists(path):
            return self.spark.createDataFrame([], schema)
        return self.spark.read.schema(schema).parquet(path)

    # ---------------------------------------------------------------------- writing ---
    def write_months(self, table: str, df: Any, *, staged: bool) -> None:
        """Replace the month partitions ``df`` has rows for; other months stay as they are.
        ``staged``: ``df`` reads this output (earlier rows it keeps), so it is written to the
        staging folder first: Spark must not overwrite files it is reading."""
        rows = conform(df, table, month=True)
        if staged:
            rows = self._stage(table, rows, month=True)
        writer = rows.write.mode("overwrite").partitionBy(PARTITION)
        writer.option("partitionOverwriteMode", "dynamic").parquet(self.path(table))

    def drop_months(self, table: str, months: Iterable[str | None]) -> None:
        """Delete month partitions left with no row (an article re-dated into another)."""
        for month in months:
            self._delete(f"{self.path(table)}/{PARTITION}={_partition_value(month)}")

    def write_whole(self, table: str, df: Any, *, staged: bool = True) -> None:
        rows = conform(df, table, month=False)
        if staged:
            rows = self._stage(table, rows, month=False)
        rows.write.mode("overwrite").parquet(self.path(table))

    def finish(self) -> None:
        self._delete(f"{self.root}/{STAGING}")

    def _stage(self, table: str, df: Any, *, month: bool) -> Any:
        staging = f"{self.root}/{STAGING}/{table}"
        self._delete(staging)  # what a failed run may have left
        writer = df.write.mode("overwrite")
        if month:
            writer = writer.partitionBy(PARTITION)
        writer.parquet(staging)
        schema = spark_ddl(table, [f"`{PARTITION}` string"] if month else [])
        return self.spark.read.schema(schema).parquet(staging)

    # ------------------------------------------------------------- Hadoop's file system ---
    def _path(self, path: str) -> tuple[Any, Any]:
        sc = self.spark.sparkContext
        hadoop = sc._jvm.org.apache.hadoop.fs.Path(path)
        return hadoop.getFileSystem(sc._jsc.hadoopConfiguration()), hadoop

    def _exists(self, path: str) -> bool:
        _, hadoop = self._path(path)
        return bool(self.fs.exists(hadoop))

    def _has_children(self, path: str) -> bool:
        _, hadoop = self._path(path)
        return len(self.fs.listStatus(hadoop)) > 0

    def _delete(self, path: str) -> None:
        _, hadoop = self._path(path)
        if self.fs.exists(hadoop):
            self.fs.delete(hadoop, True)


def _partition_value(month: str | None) -> str:
    return "__HIVE_DEFAULT_PARTITION__" if month is None else month
