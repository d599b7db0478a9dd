"""``parley attach PARQUET_DIR --db PATH``: the Spark engine's output as a DuckDB store.

The Parquet tables are imported into a fresh store file (the schema of
``parley.store.schema``, its indexes, the monthly rollup as Spark wrote it), so every query,
``parley sql`` (which may not read files) and every export work on it as on a store the
local engine made. An import rather than views over the files: DuckDB reads Parquet at
hundreds of MB/s, the store then needs nothing beside it, and its indexes serve the queries.

The store is built under a temporary name beside ``--db`` and renamed into place, so a
reader never sees half of it. Attaching again (after another Spark run) replaces a store
that attach made; a store that ``parley ingest`` made is never overwritten.

An output of schema 4 (before ``quotes.act``) is attached too, every quote a statement, as
the store's own migration from 4 leaves quotes whose analyses hold no mark; older outputs
lack whole tables and are refused.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from parley.store.commands import DEFAULT_DB, DbOption
from parley.store.schema import SCHEMA_VERSION, TABLES, StoreError

__all__ = ["attach", "attach_parquet"]

ATTACHED_FROM = "attached_from"  # the meta key of a store that attach made
OLDEST = 4  # the oldest output schema attached: 4 lacks only quotes.act


def attach_parquet(folder: Path, db: Path) -> dict[str, int]:
    """Import the Parquet output in ``folder`` into a store at ``db``; rows per table."""
    import duckdb

    from parley.store.clusters import merge_events
    from parley.store.schema import open_store

    _check_output(folder)
    _check_target(db)
    tmp = db.with_name(f".{db.name}.parley-attach")
    _remove(tmp)
    counts: dict[str, int] = {}
    con = open_store(tmp)
    try:
        con.begin()
        for table in TABLES:
            if table != "meta":
                counts[table] = _import(con, folder, table)
        # Event clusters span articles: merged here from the imported events, as the local
        # writer merges after each ingest (Spark writes the per-article tables only).
        merge_events(con, transaction=False)
        con.execute("UPDATE quotes SET act = false WHERE act IS NULL")  # a schema 4 output
        con.execute(
            "INSERT INTO meta VALUES (?, ?), ('attached_at', ?)",
            [ATTACHED_FROM, str(folder.resolve()), datetime.now(UTC).isoformat()],
        )
        con.commit()
    except duckdb.Error as err:
        con.close()
        _remove(tmp)
        raise StoreError(f"{folder}: cannot be imported ({_first_line(err)})") from err
    con.close()
    os.replace(tmp, db)
    return counts


def _files(folder: Path, table: str) -> list[str]:
    """The table's Parquet files, leaving out Hadoop's hidden ones (``_...``, ``.``...)."""
    root = folder / table
    if not root.is_dir():
        return []
    found = []
    for path in sorted(root.rglob("*.parquet")):
        parts = path.relative_to(root).parts
        if not any(part.startswith(("_", ".")) for part in parts):
            found.append(str(path))
    return found


def _import(con: object, folder: Path, table: str) -> int:
    import duckdb

    assert isinstance(con, duckdb.DuckDBPyConnection)
    files = _files(folder, table)
    if not files:
        return 0
    source = "read_parquet(?, hive_partitioning = false, union_by_name = true)"
    held = {r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {source}", [files]).fetchall()}
    # By name, not by position: the files hold the store's columns (an older output lacks
    # the newer ones, left empty), and the partition column lives in folder names only
    # (hive_partitioning off, so it is never read).
    names = ", ".join(f'"{c}"' for c in _columns(con, table) if c in held)
    con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {source}", [files])
    row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


def _columns(con: object, table: str) -> list[str]:
    import duckdb

    assert isinstance(con, duckdb.DuckDBPyConnection)
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
        " ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [str(row[0]) for row in rows]


def _check_output(folder: Path) -> None:
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]+:/", str(folder)):  # Path() keeps one slash
        raise StoreError(
            f"{folder}: attach reads a folder on this machine: copy the output here first "
            "(e.g. hdfs dfs -get, aws s3 sync)"
        )
    meta = _files(folder, "meta")
    if not folder.is_dir() or not meta:
        raise StoreError(f"{folder} is not the output of parley ingest --engine spark")
    import duckdb

    con = duckdb.connect()
    try:
        rows = dict(con.execute("SELECT key, value FROM read_parquet(?)", [meta]).fetchall())
    finally:
        con.close()
    version = int(rows.get("schema_version") or 0)
    if not OLDEST <= version <= SCHEMA_VERSION:
        raise StoreError(
            f"{folder} has schema version {version}, this Parley reads {OLDEST} to "
            f"{SCHEMA_VERSION}"
        )


def _check_target(db: Path) -> None:
    if not db.exists():
        return
    import duckdb

    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as err:
        raise StoreError(f"{db} cannot be opened ({_first_line(err)}): give another --db") from err
    try:
        row = con.execute("SELECT count(*) FROM meta WHERE key = ?", [ATTACHED_FROM]).fetchone()
    except duckdb.Error:
        row = None
    finally:
        con.close()
    if not row or not row[0]:
        raise StoreError(
            f"{db} is a store that parley attach did not make (it is never overwritten): "
            "give another --db"
        )


def _remove(path: Path) -> None:
    for stray in (path, path.with_name(path.name + ".wal")):
        if stray.exists():
            stray.unlink()


def _first_line(err: BaseException) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__


def attach(
    folder: Annotated[
        Path,
        typer.Argument(
            help="The output folder of parley ingest --engine spark.", metavar="PARQUET_DIR"
        ),
    ],
    db: DbOption = Path(DEFAULT_DB),
) -> None:
    """Make a store of the Spark engine's Parquet output, for every query and export."""
    counts = attach_parquet(folder, db)
    articles, events = counts.get("articles", 0), counts.get("events", 0)
    typer.echo(f"parley: attached {articles:,} articles and {events:,} events to {db}", err=True)
