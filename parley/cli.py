"""The ``parley`` command. Every failure is one line on stderr and a non-zero exit code.

Exit codes: 0 ok; 1 an evaluation under its floor; 2 bad input or usage (Parley's own error);
3 analysed with a warning (e.g. the article is not English: printed, NLP stages skipped);
70 an internal error (a bug: please report it); 130 interrupted (Ctrl-C or SIGTERM). In a
batch, each document's result is written as it finishes and the worst document decides.
"""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from parley.cli_batch import BatchOptions, run_batch
from parley.cli_options import (
    DEFAULT_TIMEOUT,
    EXIT_FLOOR,
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_WARNING,
    EventFinder,
    EventsOption,
    IssuesOption,
    KbOption,
    ModelOption,
    PartiesOption,
    PartyChooser,
    QuoteFinder,
    QuotesOption,
    TimeoutOption,
    fail,
)
from parley.cli_output import Format, Sink, third_party_output, write_atomically
from parley.errors import PARLEY_FAILURES
from parley.sources.address import redact_credentials
from parley.sources.sniff import MAX_BYTES

# Re-exported: the exit codes are part of the command's contract (tests and scripts use them).
__all__ = [
    "EXIT_FLOOR",
    "EXIT_INPUT",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_WARNING",
    "app",
    "main",
]

# Typer's rich help joins the lines of a paragraph: one blank line between paragraphs.
_EXIT_CODES = (
    "Exit codes: 0 ok; 1 an evaluation under its floor; 2 bad input or usage (one line on "
    "stderr: parley: error: ...); 3 analysed with a warning (parley: warning: ...); 70 an "
    "internal error (a bug; PARLEY_DEBUG=1 shows the traceback); 130 interrupted (Ctrl-C "
    "or SIGTERM; a batch keeps the documents already finished). In a batch the worst "
    "document decides."
)


def _examples(*lines: str) -> str:
    return "\n\n".join(("Examples:", *(f"  {line}" for line in lines)))


_ANALYZE_EPILOG = "\n\n".join(
    (
        _EXIT_CODES,
        _examples(
            "parley analyze page.html",
            "parley analyze https://news.example/story --format text",
            "parley analyze day/*.html -o day.jsonl --timeout 60",
            "zcat page.html.gz | parley analyze - --published 2018-11-12T17:37:00+09:00",
        ),
    )
)

app = typer.Typer(
    name="parley",
    help="Parley reads international-relations news and turns it into evidence-linked data.",
    epilog="\n\n".join(
        (
            _EXIT_CODES,
            _examples(
                "parley analyze page.html",
                "parley analyze a.html b.html c.txt > results.jsonl",
                "parley evaluate quotes --limit 20",
            ),
        )
    ),
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


class EvaluationName(str, Enum):
    extraction = "extraction"
    time = "time"
    actors = "actors"
    quotes = "quotes"
    events = "events"
    agreement = "agreement"
    clusters = "clusters"
    stances = "stances"
    all = "all"


class GoldSetName(str, Enum):
    shared = "shared"
    real = "real"


class SplitName(str, Enum):
    dev = "dev"
    test = "test"
    all = "all"


def _show_version(value: bool) -> None:
    if value:
        from parley import __version__

        typer.echo(f"parley {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print Parley's version and exit.",
            callback=_show_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Parley reads international-relations news and turns it into evidence-linked data."""


@app.command(epilog=_ANALYZE_EPILOG)
def analyze(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="File paths, - for standard input, or http(s) URLs. One source prints one "
            "result; several print one JSON object per line (JSON Lines) as each document "
            "finishes, and a bad one is reported and skipped.",
            metavar="SOURCE...",
        ),
    ],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    published: Annotated[
        str | None,
        typer.Option(help="Publication time (ISO 8601) to use when the page gives none."),
    ] = None,
    url: Annotated[str | None, typer.Option(help="The page's URL, kept as metadata.")] = None,
    model: ModelOption = None,
    kb: KbOption = None,
    issues: IssuesOption = None,
    petrarch_actors: Annotated[
        list[Path] | None,
        typer.Option(help="A TABARI/PETRARCH actor or agent dictionary; repeatable."),
    ] = None,
    petrarch_verbs: Annotated[
        list[Path] | None, typer.Option(help="A TABARI/PETRARCH verb dictionary; repeatable.")
    ] = None,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    quotes: QuotesOption = QuoteFinder.model,
    events: EventsOption = EventFinder.rules,
    parties: PartiesOption = PartyChooser.rules,
    max_bytes: Annotated[
        int, typer.Option(help="Size cap per document, in bytes (after decompression).")
    ] = MAX_BYTES,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private",
            help="Let URLs reach private, loopback and link-local addresses (refused by "
            "default: a page must not make Parley probe your network).",
        ),
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file instead of stdout (atomically; checked before any work).",
        ),
    ] = None,
) -> None:
    """Analyze news pages and print parley.analysis/1 results."""
    from parley.config import Config
    from parley.limits import check_seconds
    from parley.pipeline import Pipeline, publication_time

    try:
        check_seconds(timeout)
    except ValueError as err:
        fail(f"--timeout: {err} (see parley analyze --help)")
    if max_bytes <= 0:
        fail(f"--max-bytes must be a number of bytes > 0, not {max_bytes}")
    if len(sources) > 1 and format is Format.html:
        fail("--format html shows one page; give one source (or use json or text)")
    if len(sources) > 1 and url:
        fail("--url names one page; give one source with it")
    when = publication_time(published)
    config = Config(
        model=model,
        knowledge=tuple(kb or ()),
        petrarch_actors=tuple(petrarch_actors or ()),
        petrarch_verbs=tuple(petrarch_verbs or ()),
        issues=tuple(issues or ()),
        timeout=timeout,
        max_bytes=max_bytes,
        quotes=quotes.value,
        events=events.value,
        parties=parties.value,
    )
    pipeline = Pipeline.from_config(config)
    options = BatchOptions(url, when, pipeline, timeout, max_bytes, allow_private)
    sink = Sink.open(output, batch=len(sources) > 1, format=format)
    outcome = run_batch(sources, options, sink)
    raise typer.Exit(outcome.exit_code())


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
    gold_set: Annotated[
        GoldSetName,
        typer.Option(
            "--set",
            help="shared: the gold sets in --data; real: the real-text gold "
            "(docs/annotation.md; events and quotes).",
        ),
    ] = GoldSetName.shared,
    split: Annotated[
        SplitName,
        typer.Option(help="The real-text gold's half to score (test only when a work is done)."),
    ] = SplitName.dev,
    quotes: QuotesOption = QuoteFinder.model,
    events: EventsOption = EventFinder.rules,
    parties: PartiesOption = PartyChooser.rules,
) -> None:
    """Score Parley against the gold data and print the figures (and peers' where known)."""
    from parley.config import Config
    from parley.evaluate import EVALUATIONS, REAL_SET, default_data_dir, run
    from parley.evaluate import check_floors as floors_of
    from parley.evaluate.common import require_dir

    data_dir = require_dir(data or default_data_dir(), "gold data")
    config = Config(quotes=quotes.value, events=events.value, parties=parties.value)
    # (evaluation, gold set, split): "all" scores the real-text gold's dev half only.
    runs: list[tuple[str, str, str]]
    if name is EvaluationName.all and gold_set is GoldSetName.real:
        runs = [(each, "real", split.value) for each in REAL_SET]
    elif name is EvaluationName.all:
        runs = [(each, "shared", "dev") for each in EVALUATIONS]
        runs += [(each, "real", "dev") for each in REAL_SET]
    else:
        runs = [(name.value, gold_set.value, split.value)]
    failures: list[str] = []
    metrics: dict[str, dict[str, float]] = {}
    for each, which, half in runs:
        report = run(each, data_dir, limit, gold_set=which, split=half, config=config)
        typer.echo(f"== {report.name} ==")
        typer.echo(report.table)
        for note in report.notes:
            typer.echo(f"note: {note}")
        typer.echo("")
        metrics[report.name] = report.metrics
        # Floors are pinned on dev halves; a test half is reported, not gated.
        if check_floors and limit is None and half == "dev":
            failures.extend(floors_of(report))
    if json_out is not None:
        write_atomically(json_out, json.dumps(metrics, indent=2, sort_keys=True))
    for failure in failures:
        typer.echo(f"parley: floor: {failure}", err=True)
    if failures:
        raise typer.Exit(EXIT_FLOOR)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turning every error into one line and an exit code."""
    with third_party_output():
        code = _run(argv)
    sys.exit(code)


def _run(argv: list[str] | None) -> int:
    try:
        code = app(args=argv, standalone_mode=False)
        return code if isinstance(code, int) else 0
    except typer.Exit as done:
        return done.exit_code
    except PARLEY_FAILURES as err:
        typer.echo(f"parley: error: {redact_credentials(str(err))}", err=True)
        return EXIT_INPUT
    except KeyboardInterrupt:
        typer.echo("parley: interrupted", err=True)
        return EXIT_INTERRUPTED
    except Exception as err:
        import click

        if isinstance(err, click.exceptions.ClickException):
            message = redact_credentials(err.format_message())
            typer.echo(f"parley: error: {message} (see parley --help)", err=True)
            return EXIT_INPUT
        if isinstance(err, click.exceptions.Abort):
            typer.echo("parley: aborted", err=True)
            return EXIT_INTERRUPTED
        if os.environ.get("PARLEY_DEBUG"):
            raise
        typer.echo(
            f"parley: internal error: {type(err).__name__}: {redact_credentials(str(err))} "
            "(set PARLEY_DEBUG=1 for the traceback)",
            err=True,
        )
        return EXIT_INTERNAL


# The corpus store's commands (ingest, queries, export): parley/store/commands.py.
from parley.store.commands import register as _register_store  # noqa: E402

_register_store(app)

# Event clusters (parley cluster): parley/store/cluster_commands.py.
from parley.store.cluster_commands import register as _register_clusters  # noqa: E402

_register_clusters(app)

# Training the quote attribution model: parley/cli_train.py (outside the quotes package,
# so importing the CLI imports no stage).
from parley.cli_train import register as _register_training  # noqa: E402

_register_training(app)

# Stances in the store: parley/store/stance_commands.py.
from parley.store.stance_commands import register as _register_stances  # noqa: E402

_register_stances(app)

# Briefs (parley brief): parley/brief/commands.py.
from parley.brief.commands import register as _register_brief  # noqa: E402

_register_brief(app)

# The dashboard's commands (serve, index): parley/web/commands.py.
from parley.web.commands import register as _register_web  # noqa: E402

_register_web(app)
