"""The Spark engine's output: a folder of Parquet tables with the DuckDB store's schema.

    OUT/meta/          key, value (schema_version): marks a Parley output
    OUT/runs/          one row per run
    OUT/articles/published_month=YYYY-MM/part-*.parquet     (and entities, mentions,
    OUT/events/published_month=YYYY-MM/...                   timexes, quotes, events)
    OUT/failures/      OUT/event_months/

The article tables are partitioned by their article's publication month
(``published_month=__HIVE_DEFAULT_PARTITION__`` holds articles with no known day); their
files hold exactly the store's columns, in the store's order and types. Each run adds its
own files (``part-rRUN-PART.parquet``) and writes again only the earlier files that hold
rows it replaces, through a staging folder (``OUT/_staging``) that the driver commits from
once every job has succeeded (``spark_write``): a failed run leaves the previous output as
it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from parley.store.rollup import ROLLUP_COLUMNS
from parley.store.rows import CHILD_COLUMNS
from parley.store.schema import SCHEMA_VERSION, TABLES, StoreError

__all__ = [
    "MONTH_TABLES", "PARTITION", "Output", "coercer", "columns", "partition_value", "spark_ddl",
]  # fmt: skip

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
    """The output folder: what an earlier run left, and putting this run's files in place.
    Earlier tables are read by Spark (``read``, for the run's joins); files are listed,
    written, moved and deleted through pyarrow's file systems, as the writing tasks write
    them (``spark_write``)."""

    def __init__(self, spark: Any, root: str) -> None:
        from parley.engines.spark_write import arrow_fs

        self.spark = spark
        self.root = root.rstrip("/") or "/"
        self.fs, self.base = arrow_fs(self.root)

    def path(self, table: str) -> str:
        return f"{self.root}/{table}"

    def staging(self, run_id: int) -> str:
        """This run's staging folder, as the tasks name it (a path or URI)."""
        return f"{self.root}/{STAGING}/run-{run_id}"

    # ---------------------------------------------------------------------- reading ---
    def previous(self) -> bool:
        """True when an earlier run wrote here; StoreError when the folder is something else."""
        import pyarrow.parquet as pq

        meta = self.files("meta")
        if not meta:
            if self._kind(self.base) == "dir" and self._children(self.base):
                raise StoreError(
                    f"{self.root} holds files but no Parley output: give another --out"
                )
            return False
        rows = dict(zip(*pq.read_table(meta[0], filesystem=self.fs).to_pydict().values(),
                        strict=True))  # fmt: skip
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
        if not self.files(table):
            return self.spark.createDataFrame([], schema)
        return self.spark.read.schema(schema).parquet(self.path(table))

    def files(self, table: str, months: Iterable[str | None] | None = None) -> list[str]:
        """The table's Parquet files (paths in ``self.fs``), of some months only if given;
        Hadoop's hidden files (``_...``, ``.``...) left out, as every reader leaves them."""
        from pyarrow import fs

        folders = [f"{self.base}/{table}"]
        if months is not None:
            folders = [f"{folders[0]}/{PARTITION}={partition_value(m)}" for m in months]
        found = []
        for folder in folders:
            if self._kind(folder) != "dir":
                continue
            for info in self.fs.get_file_info(fs.FileSelector(folder, recursive=True)):
                parts = info.path[len(folder) :].strip("/").split("/")
                hidden = any(part.startswith(("_", ".")) for part in parts)
                if info.type == fs.FileType.File and info.path.endswith(".parquet") and not hidden:
                    found.append(info.path)
        return sorted(found)

    # ---------------------------------------------------------------------- writing ---
    def write_file(self, table: str, name: str, rows: list[tuple[Any, ...]]) -> None:
        """A small table's rows (meta, this run's row of runs) written from the driver."""
        from parley.engines.spark_write import write_rows

        write_rows(self.fs, f"{self.base}/{table}/{name}", table, rows)

    def final_name(self, table: str, month: str | None, run_id: int, part: int) -> str:
        folder = f"{self.base}/{table}"
        if table in MONTH_TABLES:
            folder += f"/{PARTITION}={partition_value(month)}"
        return f"{folder}/part-r{run_id:05d}-{part:05d}.parquet"

    def move(self, source: str, target: str) -> None:
        self.fs.create_dir(target.rsplit("/", 1)[0], recursive=True)
        self.fs.move(source, target)

    def delete_file(self, path: str) -> None:
        self.fs.delete_file(path)

    def drop_empty_months(self, table: str) -> None:
        """Month folders left with no file (every article of the month re-dated)."""
        from pyarrow import fs

        folder = f"{self.base}/{table}"
        if self._kind(folder) != "dir":
            return
        for info in self.fs.get_file_info(fs.FileSelector(folder)):
            if info.type == fs.FileType.Directory and not self._children(info.path):
                self.fs.delete_dir(info.path)

    def write_whole(self, table: str, df: Any) -> None:
        """A table Spark computes (the rollup), written by Spark in place of the last one."""
        rows = conform(df, table, month=False)
        rows.write.mode("overwrite").parquet(self.path(table))

    def finish(self) -> None:
        self._delete_dir(f"{self.base}/{STAGING}")

    # ----------------------------------------------------------------- file system ---
    def _kind(self, path: str) -> str:
        from pyarrow import fs

        kind = self.fs.get_file_info(path).type
        return {fs.FileType.Directory: "dir", fs.FileType.File: "file"}.get(kind, "none")

    def _children(self, path: str) -> bool:
        from pyarrow import fs

        return bool(self.fs.get_file_info(fs.FileSelector(path, allow_not_found=True)))

    def _delete_dir(self, path: str) -> None:
        if self._kind(path) == "dir":
            self.fs.delete_dir(path)


def partition_value(month: str | None) -> str:
    """A month's folder name (Hive's for a null partition value)."""
    return "__HIVE_DEFAULT_PARTITION__" if month is None else month
