"""Where the command line's results and messages go: the output formats, a file written
atomically (``-o``), one-line messages above a progress bar, and third-party warnings and log
records routed into Parley's own one-line warnings."""

from __future__ import annotations

import logging
import os
import stat
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import typer

from parley.cli_options import fail
from parley.errors import TimeLimitExceeded
from parley.sources.address import redact_credentials

if TYPE_CHECKING:
    from parley.records import Analysis

__all__ = [
    "AtomicFile",
    "Format",
    "Sink",
    "progress",
    "render",
    "say",
    "third_party_output",
    "write_atomically",
]


class Format(str, Enum):
    json = "json"
    text = "text"
    html = "html"


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


class Sink:
    """Where results go: stdout, or a temporary file beside --output renamed into place.

    A batch writes each result as its document finishes (JSON Lines for json), flushed, so
    a reader of stdout sees results as they come and an interrupted batch keeps them.
    """

    def __init__(
        self, stream: IO[str], batch: bool, format: Format, target: AtomicFile | None
    ) -> None:
        self._stream = stream
        self._batch = batch
        self._format = format
        self._target = target
        self._count = 0

    @classmethod
    def open(cls, output: Path | None, *, batch: bool, format: Format) -> Sink:
        if output is None:
            return cls(sys.stdout, batch, format, None)
        target = AtomicFile.create(output)
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


class AtomicFile:
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
    def create(cls, path: Path) -> AtomicFile:
        folder = path.parent
        try:
            info = path.lstat()
        except FileNotFoundError:
            info = None
        except OSError as err:
            fail(f"cannot write {path}: {err.strerror or err}")
        if info is not None and stat.S_ISDIR(info.st_mode):
            fail(f"{path} is a folder; --output needs a file path")
        if info is not None and not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)):
            fail(f"{path} is not a regular file; --output replaces a file")
        if not folder.is_dir():
            fail(f"cannot write {path}: the folder {folder} does not exist")
        mode = kept_mode(path) if info is not None else new_file_mode()
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".parley-tmp", dir=folder)
        except OSError as err:
            fail(f"cannot write {path}: {err.strerror or err}")
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
            fail(f"cannot write {self.path}: {err.strerror or err}")
        Path(self.tmp).unlink(missing_ok=True)


def kept_mode(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:  # a dangling symlink: the new file is a new file
        return new_file_mode()


def new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomically(path: Path, content: str) -> None:
    """Write a whole file through AtomicFile (a failure never leaves it half-written)."""
    target = AtomicFile.create(path)
    try:
        target.stream.write(content + "\n")
    except BaseException:
        target.finish(keep=False)
        raise
    target.finish(keep=True)


_progress_console: Any = None


def say(line: str) -> None:
    """One line on stderr, above the progress bar when there is one."""
    if _progress_console is not None:
        _progress_console.print(line, markup=False, highlight=False, soft_wrap=True)
    else:
        typer.echo(line, err=True)


@contextmanager
def progress(total: int) -> Iterator[Callable[[], None]]:
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


class OneLineHandler(logging.Handler):
    """Library log records (errors only) as Parley's own one-line warnings."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = " ".join(record.getMessage().split())
        except (TypeError, ValueError):  # a library's malformed format arguments
            message = str(record.msg)
        say(f"parley: warning: {record.name}: {redact_credentials(message)}")


@contextmanager
def third_party_output() -> Iterator[None]:
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
            say(f"parley: warning: {category.__name__}: {redact_credentials(text)}")

    def unraisable(info: Any) -> None:
        # A time limit that fired inside a finalizer is dropped by Python and fires again
        # (parley.limits); anything else a finalizer raised is one line, not a traceback.
        if isinstance(info.exc_value, TimeLimitExceeded):
            return
        say(f"parley: warning: ignored in a finalizer: {type(info.exc_value).__name__}")

    handler = OneLineHandler(logging.ERROR)
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
