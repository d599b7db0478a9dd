"""The ``parley`` command. Every failure is one line on stderr and a non-zero exit code.

Exit codes: 0 ok; 1 an evaluation under its floor; 2 bad input or usage (Parley's own error);
3 analysed with a warning (e.g. the article is not English: printed, NLP stages skipped);
70 an internal error (a bug: please report it); 130 interrupted (Ctrl-C or SIGTERM). In a
batch, each document's result is written as it finishes and the worst document decides.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import stat
import sys
import tempfile
import threading
import traceback
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum
from pathlib import Path
from types import FrameType
from typing import IO, TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from parley.cli_options import KbOption, ModelOption, TimeoutOption
from parley.errors import PARLEY_FAILURES, TimeLimitExceeded
from parley.sources.address import redact_credentials, redact_url
from parley.sources.sniff import MAX_BYTES

if TYPE_CHECKING:
    from parley.pipeline import Pipeline
    from parley.records import Analysis

EXIT_FLOOR = 1
EXIT_INPUT = 2
EXIT_WARNING = 3
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130

DEFAULT_TIMEOUT = 120.0
DEFAULT_FETCH_TIMEOUT = 20.0  # a URL's whole fetch, when the document has no limit
MAX_FETCH_TIMEOUT = 30.0

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
    agreement = "agreement"
    all = "all"


class GoldSetName(str, Enum):
    shared = "shared"
    real = "real"


class SplitName(str, Enum):
    dev = "dev"
    test = "test"
    all = "all"


def _fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    typer.echo(f"parley: error: {redact_credentials(message)}", err=True)
    raise typer.Exit(code)


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
    petrarch_actors: Annotated[
        list[Path] | None,
        typer.Option(help="A TABARI/PETRARCH actor or agent dictionary; repeatable."),
    ] = None,
    petrarch_verbs: Annotated[
        list[Path] | None, typer.Option(help="A TABARI/PETRARCH verb dictionary; repeatable.")
    ] = None,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
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
        _fail(f"--timeout: {err} (see parley analyze --help)")
    if max_bytes <= 0:
        _fail(f"--max-bytes must be a number of bytes > 0, not {max_bytes}")
    if len(sources) > 1 and format is Format.html:
        _fail("--format html shows one page; give one source (or use json or text)")
    if len(sources) > 1 and url:
        _fail("--url names one page; give one source with it")
    when = publication_time(published)
    config = Config(
        model=model,
        knowledge=tuple(kb or ()),
        petrarch_actors=tuple(petrarch_actors or ()),
        petrarch_verbs=tuple(petrarch_verbs or ()),
        timeout=timeout,
        max_bytes=max_bytes,
    )
    pipeline = Pipeline.from_config(config)
    options = _Options(url, when, pipeline, timeout, max_bytes, allow_private)
    sink = _Sink.open(output, batch=len(sources) > 1, format=format)
    outcome = _run_batch(sources, options, sink)
    raise typer.Exit(outcome.exit_code())




@dataclass(frozen=True, slots=True)
class _Options:
    """What every document of a batch is analyzed with."""

    url: str | None
    when: datetime | None
    pipeline: Pipeline
    timeout: float
    max_bytes: int
    allow_private: bool


@dataclass(slots=True)
class _Outcome:
    done: int = 0
    failed: bool = False
    internal: bool = False
    warned: bool = False

    def exit_code(self) -> int:
        if self.internal:
            return EXIT_INTERNAL
        if self.failed:
            return EXIT_INPUT
        return EXIT_WARNING if self.warned else 0


class _Stop(BaseException):
    """SIGTERM, turned into the same clean stop as Ctrl-C (never caught as an Exception)."""


class _StopOnSignal:
    """While active, SIGTERM stops the batch between documents' output, never inside a write:
    a signal that arrives while a result is written takes effect right after it."""

    def __init__(self) -> None:
        self.writing = False
        self.requested = False
        self._previous: Any = None

    def __enter__(self) -> _StopOnSignal:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGTERM, self._on_signal)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGTERM, self._previous)

    def _on_signal(self, _signum: int, _frame: FrameType | None) -> None:
        self.requested = True
        if not self.writing:
            raise _Stop

    @contextmanager
    def writing_result(self) -> Iterator[None]:
        self.writing = True
        try:
            yield
        finally:
            self.writing = False
        if self.requested:
            raise _Stop


def _run_batch(sources: list[str], options: _Options, sink: _Sink) -> _Outcome:
    """Analyze each source in order, writing each result as its document finishes."""
    outcome = _Outcome()
    batch = len(sources) > 1
    with _StopOnSignal() as stop, _progress(len(sources)) as advance:
        try:
            for source in sources:
                result = _analyze_reporting(source, options, outcome, batch)
                # A stop requested now takes effect once the result is out and counted.
                with stop.writing_result():
                    if result is not None:
                        sink.write(result)
                        for warning in result.warnings:
                            where = f"{redact_url(source)}: " if batch else ""
                            _say(f"parley: warning: {where}{redact_credentials(warning)}")
                            outcome.warned = True
                    outcome.done += 1
                advance()
        except (KeyboardInterrupt, _Stop):
            sink.close(keep=True)
            _say(f"parley: interrupted after {outcome.done} of {len(sources)} documents")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BaseException:
            sink.close(keep=False)
            raise
    sink.close(keep=True)
    return outcome


def _analyze_reporting(
    source: str, options: _Options, outcome: _Outcome, batch: bool
) -> Analysis | None:
    """One document: its Analysis, or None after reporting why there is none."""
    shown = redact_url(source)
    try:
        return _analyze_one(source, options)
    except PARLEY_FAILURES as err:
        # TimeLimitExceeded (E301) is a BaseException: named here so the batch goes on.
        message = redact_credentials(str(err))
        where = f"{shown}: " if batch and shown not in message else ""
        _say(f"parley: error: {where}{message}")
        outcome.failed = True
    except Exception as err:  # a bug in one document's analysis skips that document only
        if os.environ.get("PARLEY_DEBUG"):
            traceback.print_exc()
        _say(
            f"parley: internal error: {shown}: {type(err).__name__}: "
            f"{redact_credentials(str(err))} (set PARLEY_DEBUG=1 for the traceback)"
        )
        outcome.internal = True
    return None


def _analyze_one(source: str, options: _Options) -> Analysis:
    """Read and analyze one source within the per-document time limit (reading included)."""
    from parley.limits import time_limit
    from parley.sources.files import read_source

    with time_limit(options.timeout, redact_url(source)):
        document = read_source(
            source,
            timeout=min(options.timeout or DEFAULT_FETCH_TIMEOUT, MAX_FETCH_TIMEOUT),
            max_bytes=options.max_bytes,
            allow_private=options.allow_private,
        )
        if options.url:
            document = replace(document, url=options.url)
        # timeout=0: the limit around this block covers the analysis too.
        return options.pipeline(document, published=options.when, timeout=0)


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


class _Sink:
    """Where results go: stdout, or a temporary file beside --output renamed into place.

    A batch writes each result as its document finishes (JSON Lines for json), flushed, so
    a reader of stdout sees results as they come and an interrupted batch keeps them.
    """

    def __init__(self, stream: IO[str], batch: bool, format: Format,
                 target: _AtomicFile | None) -> None:
        self._stream = stream
        self._batch = batch
        self._format = format
        self._target = target
        self._count = 0

    @classmethod
    def open(cls, output: Path | None, *, batch: bool, format: Format) -> _Sink:
        if output is None:
            return cls(sys.stdout, batch, format, None)
        target = _AtomicFile.create(output)
        return cls(target.stream, batch, format, target)

    def write(self, result: Analysis) -> None:
        if self._format is Format.json and self._batch:
            text = result.to_json(indent=None)
        else:
            text = render(result, self._format)
        if self._count and self._format is not Format.json:
            self._stream.write("\n\f\n")  # a page break between reports
        self._stream.write(text + "\n")
        self._stream.flush()
        self._count += 1

    def close(self, *, keep: bool) -> None:
        """Put a file output in place when it holds a result (and ``keep``); else drop it."""
        if self._target is not None:
            self._target.finish(keep=keep and self._count > 0)
            self._target = None


class _AtomicFile:
    """A file written beside its target and renamed over it at the end.

    The temporary file comes from ``mkstemp`` in the target's folder: an unpredictable name,
    created with O_EXCL (so a symlink planted there is never followed), readable by the
    user only until it takes the final mode. An existing target keeps its permission bits;
    a new one gets the usual mode (0666 less the umask). A target that is a symlink is
    replaced by the new file: the link goes, the file it pointed to is left alone.
    """

    def __init__(self, path: Path, tmp: str, stream: IO[str], mode: int) -> None:
        self.path = path
        self.tmp = tmp
        self.stream = stream
        self.mode = mode

    @classmethod
    def create(cls, path: Path) -> _AtomicFile:
        folder = path.parent
        try:
            info = path.lstat()
        except FileNotFoundError:
            info = None
        except OSError as err:
            _fail(f"cannot write {path}: {err.strerror or err}")
        if info is not None and stat.S_ISDIR(info.st_mode):
            _fail(f"{path} is a folder; --output needs a file path")
        if info is not None and not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)):
            _fail(f"{path} is not a regular file; --output replaces a file")
        if not folder.is_dir():
            _fail(f"cannot write {path}: the folder {folder} does not exist")
        mode = _kept_mode(path) if info is not None else _new_file_mode()
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".parley-tmp", dir=folder)
        except OSError as err:
            _fail(f"cannot write {path}: {err.strerror or err}")
        stream = os.fdopen(fd, "w", encoding="utf-8")
        return cls(path, tmp, stream, mode)

    def finish(self, *, keep: bool) -> None:
        try:
            self.stream.close()
            if keep:
                os.chmod(self.tmp, self.mode)
                os.replace(self.tmp, self.path)
                return
        except OSError as err:
            Path(self.tmp).unlink(missing_ok=True)
            _fail(f"cannot write {self.path}: {err.strerror or err}")
        Path(self.tmp).unlink(missing_ok=True)


def _kept_mode(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:  # a dangling symlink: the new file is a new file
        return _new_file_mode()


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _write_atomically(path: Path, content: str) -> None:
    """Write a whole file through _AtomicFile (a failure never leaves it half-written)."""
    target = _AtomicFile.create(path)
    try:
        target.stream.write(content + "\n")
    except BaseException:
        target.finish(keep=False)
        raise
    target.finish(keep=True)


_progress_console: Any = None


def _say(line: str) -> None:
    """One line on stderr, above the progress bar when there is one."""
    if _progress_console is not None:
        _progress_console.print(line, markup=False, highlight=False, soft_wrap=True)
    else:
        typer.echo(line, err=True)


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A Rich progress bar on stderr for a batch, only when stderr is a terminal."""
    global _progress_console
    if total < 2 or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    console = Console(stderr=True)
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("analyzing", total=total)
        _progress_console = console
        try:
            yield lambda: bar.advance(task)
        finally:
            _progress_console = None


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
) -> None:
    """Score Parley against the gold data and print the figures (and peers' where known)."""
    from parley.evaluate import EVALUATIONS, REAL_SET, default_data_dir, run
    from parley.evaluate import check_floors as floors_of
    from parley.evaluate.common import require_dir

    data_dir = require_dir(data or default_data_dir(), "gold data")
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
        report = run(each, data_dir, limit, gold_set=which, split=half)
        typer.echo(f"== {report.name} ==")
        typer.echo(report.table)
        for note in report.notes:
            typer.echo(f"note: {note}")
        typer.echo("")
        metrics[report.name] = report.metrics
        # The real-text floors are pinned on the dev half; the test half is reported, not gated.
        if check_floors and limit is None and (which == "shared" or half == "dev"):
            failures.extend(floors_of(report))
    if json_out is not None:
        _write_atomically(json_out, json.dumps(metrics, indent=2, sort_keys=True))
    for failure in failures:
        typer.echo(f"parley: floor: {failure}", err=True)
    if failures:
        raise typer.Exit(EXIT_FLOOR)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app, turning every error into one line and an exit code."""
    with _third_party_output():
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


class _OneLineHandler(logging.Handler):
    """Library log records (errors only) as Parley's own one-line warnings."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = " ".join(record.getMessage().split())
        except (TypeError, ValueError):  # a library's malformed format arguments
            message = str(record.msg)
        _say(f"parley: warning: {record.name}: {redact_credentials(message)}")


@contextmanager
def _third_party_output() -> Iterator[None]:
    """Route what libraries print on their own into Parley's one-line warnings.

    Python warnings (e.g. dateutil's UnknownTimezoneWarning) become one
    ``parley: warning: ...`` line each, once per message; library log records below ERROR
    (trafilatura's and htmldate's chatter about a page) are dropped, errors become one line.
    Without a handler on the root logger, Python would print them raw on stderr.
    """
    seen: set[str] = set()

    def show(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: Any = None,
        line: str | None = None,
    ) -> None:
        text = " ".join(str(message).split())
        if text not in seen:
            seen.add(text)
            _say(f"parley: warning: {category.__name__}: {redact_credentials(text)}")

    def unraisable(info: Any) -> None:
        # A time limit that fired inside a finalizer is dropped by Python and fires again
        # (parley.limits); anything else a finalizer raised is one line, not a traceback.
        if isinstance(info.exc_value, TimeLimitExceeded):
            return
        _say(f"parley: warning: ignored in a finalizer: {type(info.exc_value).__name__}")

    handler = _OneLineHandler(logging.ERROR)
    root = logging.getLogger()
    root.addHandler(handler)
    previous_hook = sys.unraisablehook
    sys.unraisablehook = unraisable
    try:
        with warnings.catch_warnings():
            warnings.showwarning = show
            yield
    finally:
        root.removeHandler(handler)
        sys.unraisablehook = previous_hook


# The corpus store's commands (ingest, queries, export): parley/store/commands.py.
from parley.store.commands import register as _register_store  # noqa: E402

_register_store(app)
