"""The ``parley`` command. Every failure is one line on stderr and a non-zero exit code.

Exit codes: 0 ok; 1 an evaluation under its floor; 2 bad input or usage (Parley's own error);
3 analysed with a warning (e.g. the article is not English: printed, NLP stages skipped);
70 an internal error (a bug: please report it); 130 interrupted.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from parley.errors import ParleyError

if TYPE_CHECKING:
    from parley.analysis import Config
    from parley.records import Analysis

EXIT_FLOOR = 1
EXIT_INPUT = 2
EXIT_WARNING = 3
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130

app = typer.Typer(
    name="parley",
    help="Parley reads international-relations news and turns it into evidence-linked data.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


class Format(str, Enum):
    json = "json"
    text = "text"
    html = "html"


class EvaluationName(str, Enum):
    extraction = "extraction"
    time = "time"
    actors = "actors"
    quotes = "quotes"
    events = "events"
    all = "all"


def _fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    typer.echo(f"parley: error: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def analyze(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="File paths, - for standard input, or http(s) URLs. One source prints one "
            "result; several print one JSON object per line (JSON Lines), and a bad one is "
            "reported and skipped.",
            metavar="SOURCE...",
        ),
    ],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    published: Annotated[
        str | None,
        typer.Option(help="Publication time (ISO 8601) to use when the page gives none."),
    ] = None,
    url: Annotated[str | None, typer.Option(help="The page's URL, kept as metadata.")] = None,
    model: Annotated[
        str | None,
        typer.Option(help="Any installed spaCy pipeline (default: en_core_web_sm 3.8.0)."),
    ] = None,
    kb: Annotated[
        list[Path] | None,
        typer.Option(help="An extra actor knowledge file (Parley TSV); repeatable."),
    ] = None,
    petrarch_actors: Annotated[
        list[Path] | None,
        typer.Option(help="A TABARI/PETRARCH actor or agent dictionary; repeatable."),
    ] = None,
    petrarch_verbs: Annotated[
        list[Path] | None, typer.Option(help="A TABARI/PETRARCH verb dictionary; repeatable.")
    ] = None,
    timeout: Annotated[
        float, typer.Option(help="Seconds allowed per document (0: no limit).")
    ] = 120.0,
    max_bytes: Annotated[int, typer.Option(help="Size cap per document, in bytes.")] = 20
    * 1024
    * 1024,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
) -> None:
    """Analyze news pages and print parley.analysis/1 results."""
    from parley.analysis import Config
    from parley.time.anchor import parse_published

    if len(sources) > 1 and format is Format.html:
        _fail("--format html shows one page; give one source (or use json or text)")
    if len(sources) > 1 and url:
        _fail("--url names one page; give one source with it")
    when = parse_published(published) if published else None
    config = Config(
        model=model,
        knowledge=tuple(kb or ()),
        petrarch_actors=tuple(petrarch_actors or ()),
        petrarch_verbs=tuple(petrarch_verbs or ()),
    )
    rendered: list[str] = []
    failed = warned = False
    for source in sources:
        try:
            result = _analyze_one(source, url, when, config, timeout, max_bytes)
        except ParleyError as err:
            if len(sources) == 1:
                raise
            where = "" if source in str(err) else f"{source}: "
            typer.echo(f"parley: error: {where}{err}", err=True)
            failed = True
            continue
        except Exception as err:  # in a batch, one document's bug skips that document only
            if len(sources) == 1:
                raise
            typer.echo(f"parley: internal error: {source}: {type(err).__name__}: {err}", err=True)
            failed = True
            continue
        if format is Format.json and len(sources) > 1:
            rendered.append(result.to_json(indent=None))
        else:
            rendered.append(render(result, format))
        for warning in result.warnings:
            where = f"{source}: " if len(sources) > 1 else ""
            typer.echo(f"parley: warning: {where}{warning}", err=True)
            warned = True
    joiner = "\n" if format is Format.json else "\n\f\n"
    if output is not None and rendered:
        _write_atomically(output, joiner.join(rendered))
    elif rendered:
        typer.echo(joiner.join(rendered))
    if failed:
        raise typer.Exit(EXIT_INPUT)
    if warned:
        raise typer.Exit(EXIT_WARNING)


def _analyze_one(
    source: str,
    url: str | None,
    when: datetime | None,
    config: Config,
    timeout: float,
    max_bytes: int,
) -> Analysis:
    """Read and analyze one source within the per-document time limit."""
    from parley.analysis import analyze_document
    from parley.limits import time_limit
    from parley.sources.files import read_source

    with time_limit(timeout, source):
        document = read_source(source, timeout=min(timeout or 20.0, 30.0), max_bytes=max_bytes)
        if url:
            document = replace(document, url=url)
        return analyze_document(document, when, config)


def render(result: object, format: Format) -> str:
    from parley.records import Analysis

    assert isinstance(result, Analysis)
    if format is Format.json:
        return result.to_json()
    if format is Format.text:
        from parley.report.text import render_text

        return render_text(result)
    from parley.report.html import render_html

    return render_html(result)


def _write_atomically(path: Path, content: str) -> None:
    """Write via a temporary file and rename, so a failure never leaves a half-written file."""
    if path.is_dir():
        _fail(f"{path} is a folder; --output needs a file path")
    tmp = path.with_name(f".{path.name}.parley-tmp")
    try:
        tmp.write_text(content + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        _fail(f"cannot write {path}: {err.strerror or err}")


@app.command()
def evaluate(
    name: Annotated[EvaluationName, typer.Argument(help="Which evaluation to run.")],
    data: Annotated[
        Path | None, typer.Option(help="The gold data folder (default: ../shared/data).")
    ] = None,
    limit: Annotated[
        int | None, typer.Option(help="Score only the first N items of each set (quick look).")
    ] = None,
    check_floors: Annotated[
        bool, typer.Option("--check-floors", help="Exit 1 when a score is below its pinned floor.")
    ] = False,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the metrics as JSON to this file.")
    ] = None,
) -> None:
    """Score Parley against the gold data and print the figures (and peers' where known)."""
    from parley.evaluate import EVALUATIONS, default_data_dir, run
    from parley.evaluate import check_floors as floors_of
    from parley.evaluate.common import require_dir

    data_dir = require_dir(data or default_data_dir(), "gold data")
    names = list(EVALUATIONS) if name is EvaluationName.all else [name.value]
    failures: list[str] = []
    metrics: dict[str, dict[str, float]] = {}
    for each in names:
        report = run(each, data_dir, limit)
        typer.echo(f"== {report.name} ==")
        typer.echo(report.table)
        for note in report.notes:
            typer.echo(f"note: {note}")
        typer.echo("")
        metrics[report.name] = report.metrics
        if check_floors and limit is None:
            failures.extend(floors_of(report))
    if json_out is not None:
        _write_atomically(json_out, json.dumps(metrics, indent=2, sort_keys=True))
    for failure in failures:
        typer.echo(f"parley: floor: {failure}", err=True)
    if failures:
        raise typer.Exit(EXIT_FLOOR)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turning every error into one line and an exit code."""
    try:
        code = app(args=argv, standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except ParleyError as err:
        typer.echo(f"parley: error: {err}", err=True)
        sys.exit(EXIT_INPUT)
    except KeyboardInterrupt:
        typer.echo("parley: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except Exception as err:
        import click

        if isinstance(err, click.exceptions.ClickException):
            typer.echo(f"parley: error: {err.format_message()} (see parley --help)", err=True)
            sys.exit(EXIT_INPUT)
        if isinstance(err, click.exceptions.Abort):
            typer.echo("parley: aborted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        if os.environ.get("PARLEY_DEBUG"):
            raise
        typer.echo(
            f"parley: internal error: {type(err).__name__}: {err} "
            "(set PARLEY_DEBUG=1 for the traceback)",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)


# The corpus store's commands (ingest, queries, export): parley/store/commands.py.
from parley.store.commands import register as _register_store  # noqa: E402

_register_store(app)
