"""The store's commands: ``parley ingest``, the queries and ``parley export``.

``register(app)`` adds them to the ``parley`` Typer app (parley/cli.py calls it once). Every
command takes ``--db`` (default ``$PARLEY_DB`` or ``./parley.duckdb``).
"""

from __future__ import annotations

import re
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from parley.cli_options import IssuesOption, KbOption, ModelOption, TimeoutOption
from parley.errors import InputError

if TYPE_CHECKING:
    from parley.store.writer import Counts

__all__ = ["DEFAULT_DB", "register"]

DEFAULT_DB = "parley.duckdb"
EXIT_FAILED = 2

DbOption = Annotated[
    Path,
    typer.Option(
        "--db", envvar="PARLEY_DB", help="The store (a DuckDB file; $PARLEY_DB or ./parley.duckdb)."
    ),
]


class Engine(str, Enum):
    local = "local"
    spark = "spark"


def register(app: typer.Typer) -> None:
    """Add the store's commands to the ``parley`` app."""
    from parley.store import query_commands
    from parley.store.attach import attach

    app.command()(ingest)
    query_commands.register(app)
    app.command()(export)
    app.command()(attach)  # Spark's Parquet output as a store (parley/store/attach.py)


def ingest(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders, JSON Lines/CSV/WARC files (gzip'd or not), http(s) URLs, "
            "or - to read paths (one a line) from standard input.",
            metavar="SOURCE...",
        ),
    ] = None,
    db: DbOption = Path(DEFAULT_DB),
    workers: Annotated[
        int, typer.Option(help="Worker processes, each with its own model (1: in this process).")
    ] = 1,
    force: Annotated[
        bool, typer.Option(help="Analyse again documents already in the store.")
    ] = False,
    glob: Annotated[str, typer.Option(help="Which files of a folder to read.")] = "*",
    fields: Annotated[
        str | None,
        typer.Option(help="Record fields by name, e.g. published=date,text=body (JSONL, CSV)."),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication time (ISO 8601) for documents that give none."),
    ] = None,
    published_from_name: Annotated[
        str | None,
        typer.Option(
            help="A regular expression that finds the publication date in a file's name "
            "(its group 'date', or its first group)."
        ),
    ] = None,
    urls: Annotated[
        Path | None, typer.Option(help="A file of URLs, one a line, fetched one at a time.")
    ] = None,
    threshold: Annotated[
        float,
        typer.Option(help="Near-duplicate threshold: estimated Jaccard similarity of shingles."),
    ] = 0.8,
    batch_size: Annotated[
        int, typer.Option(help="Documents per analysis batch (one pipeline call).")
    ] = 16,
    write_batch: Annotated[
        int,
        typer.Option(help="Documents per transaction, at least (or 2 seconds of results)."),
    ] = 128,
    quiet: Annotated[bool, typer.Option(help="No progress and no summary.")] = False,
    model: ModelOption = None,
    kb: KbOption = None,
    issues: IssuesOption = None,
    timeout: TimeoutOption = 120.0,
    engine: Annotated[
        Engine, typer.Option(help="local (worker processes, a DuckDB store) or spark (Parquet).")
    ] = Engine.local,
    out: Annotated[
        str | None, typer.Option(help="Spark: the output folder (a path or hdfs://, s3a://...).")
    ] = None,
    master: Annotated[
        str | None, typer.Option(help="Spark: local[N], spark://HOST:PORT, yarn, ...")
    ] = None,
    partitions: Annotated[
        int | None,
        typer.Option(help="Spark: analysis partitions (default: 4 per core, fewer if small)."),
    ] = None,
    verbose: Annotated[bool, typer.Option(help="Spark: show Spark's own logs.")] = False,
) -> None:
    """Analyse documents into the store: skips what is stored, resumes after a crash."""
    from parley.config import Config
    from parley.sources.corpus import CorpusOptions, parse_field_map
    from parley.store.ingest import IngestOptions
    from parley.store.ingest import ingest as run_ingest

    specs = list(sources or ()) + _read_urls(urls)
    if not specs:
        raise InputError("nothing to ingest: give files, folders, URLs, --urls FILE or -")
    if workers < 1 or batch_size < 1 or write_batch < 1:
        raise InputError("--workers, --batch-size and --write-batch are at least 1")
    if not 0.0 < threshold <= 1.0:
        raise InputError("--threshold is a Jaccard similarity over 0 and at most 1")
    corpus = CorpusOptions(
        glob=glob,
        fields=parse_field_map(fields),
        published=_checked_time(published),
        published_from_name=_pattern(published_from_name),
    )
    config = Config(
        model=model, knowledge=tuple(kb or ()), issues=tuple(issues or ()), timeout=timeout or None
    )
    options = IngestOptions(workers=workers, batch_size=batch_size, write_batch=write_batch,
                            force=force, threshold=threshold)  # fmt: skip
    arguments = {"argv": sys.argv[1:], "workers": workers, "force": force}
    if engine is Engine.spark:
        from parley.engines.spark import SparkOptions, ingest_spark

        if not out:
            raise InputError("--engine spark writes Parquet tables: give --out FOLDER")
        if partitions is not None and partitions < 1:
            raise InputError("--partitions is at least 1")
        chosen = SparkOptions(out, master, partitions, verbose)
        counts = ingest_spark(specs, spark=chosen, config=config, corpus=corpus, options=options,
                              arguments={**arguments, "engine": "spark", "out": out})  # fmt: skip
        _report(counts, quiet)
        return
    if out or master or partitions or verbose:
        raise InputError("--out, --master, --partitions and --verbose are for --engine spark")
    from parley.sources.corpus import estimate_count
    from parley.store.progress import Reporter

    reporter = Reporter(quiet, None if quiet else estimate_count(specs, corpus))
    with reporter:
        counts = run_ingest(specs, db, config=config, corpus=corpus, options=options,
                            arguments=arguments, progress=reporter.update)  # fmt: skip
    _report(counts, quiet)


def _report(counts: Counts, quiet: bool) -> None:
    if not quiet:
        typer.echo(summary(counts), err=True)
    if counts.failed:
        raise typer.Exit(EXIT_FAILED)


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"
    csv = "csv"
    gdelt = "gdelt"


def export(
    out: Annotated[
        Path,
        typer.Option(
            "--out", "-o", help="The file (jsonl, gdelt) or folder (parquet, csv) to write."
        ),
    ],
    db: DbOption = Path(DEFAULT_DB),
    format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="jsonl (analyses; they ingest again), parquet or csv "
            "(a file per table), gdelt (GDELT 2.0 event rows).",
        ),
    ] = ExportFormat.jsonl,
) -> None:
    """Export the store: analyses as JSON Lines, tables as Parquet or CSV, events as GDELT."""
    from parley.store.export import export_store
    from parley.store.schema import open_reader

    con = open_reader(db)
    try:
        count = export_store(con, format.value, out)
    except OSError as err:
        raise InputError(f"--out {out}: cannot be written ({err.strerror or err})") from err
    finally:
        con.close()
    typer.echo(f"parley: exported {count:,} rows to {out}", err=True)


def summary(counts: Counts) -> str:
    line = (
        f"parley: ingested {counts.ingested:,}, already present {counts.present:,}, "
        f"near-duplicates {counts.duplicates:,}, failed {counts.failed:,}"
    )
    if counts.codes:
        top = ", ".join(f"{code} x{n}" for code, n in counts.codes.most_common(3))
        line += f" ({top}; see parley failures)"
    return line


def _read_urls(path: Path | None) -> list[str]:
    if path is None:
        return []
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as err:
        raise InputError(f"--urls {path}: cannot be read ({err.strerror or err})") from err
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _checked_time(value: str | None) -> str | None:
    if value is None:
        return None
    from parley.time.anchor import parse_published

    parse_published(value)  # a clear error now rather than one failure per document
    return value


def _pattern(value: str | None) -> re.Pattern[str] | None:
    if value is None:
        return None
    try:
        return re.compile(value)
    except re.error as err:
        raise InputError(f"--published-from-name: not a regular expression ({err})") from err
