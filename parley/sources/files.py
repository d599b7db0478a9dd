"""Files: a path, standard input or a URL given on the command line -> Document.

Adds ``read_path``, ``read_stdin`` and ``read_source`` (the CLI's entry: "-" is standard
input, http(s):// a URL, anything else a path) and re-exports ``MAX_BYTES``. Every reader
applies the same cap (checked with stat before reading a file; at most cap + 1 bytes read
from streams), decompresses gzip transparently, and refuses empty input, each with a
parley.errors error whose message names the input.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote

from parley.errors import EmptyInput, InputError, NotAFile, SourceNotFound
from parley.sources.address import redact_url
from parley.sources.decode import CodecTables, with_encoding
from parley.sources.document import Document
from parley.sources.sniff import GZIP_MAGIC, MAX_BYTES, gunzip, too_large

__all__ = ["MAX_BYTES", "read_bytes", "read_path", "read_source", "read_stdin"]

STDIN = "-"
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")
_STDIN_CLOSED = "standard input is closed: pipe a page into parley or give a path"


def read_source(
    spec: str,
    *,
    timeout: float = 20.0,
    max_bytes: int = MAX_BYTES,
    allow_private: bool = False,
    codecs: CodecTables | None = None,
) -> Document:
    """Read what the user named: "-" (standard input), an http(s) URL, or a file path.

    ``timeout`` bounds a URL's whole fetch; ``allow_private`` lets a URL reach private,
    loopback and link-local addresses (see parley.sources.web). ``codecs`` are the tables
    decoding reads (``CodecTables.load()``; None loads them for this call).
    """
    if spec == STDIN:
        return read_stdin(max_bytes, codecs=codecs)
    # The scheme by pattern, not urlsplit: urlsplit raises on some malformed URLs, and those
    # should reach fetch_url, which reports them as FetchError.
    match = _SCHEME.match(spec)
    scheme = match.group(1).lower() if match else ""
    if scheme in ("http", "https"):
        # Imported here so that reading files never loads the network code.
        from parley.sources.web import fetch_url

        return fetch_url(
            spec,
            timeout=timeout,
            max_bytes=max_bytes,
            allow_private=allow_private,
            codecs=codecs,
        )
    if scheme == "file":
        return read_path(_file_url_path(spec), max_bytes, codecs=codecs)
    if scheme:
        raise InputError(
            f"{redact_url(spec)}: Parley reads http:// and https:// URLs, not {scheme}://"
        )
    if not spec.strip():
        raise SourceNotFound("no input named: give a file path, a URL, or - for standard input")
    return read_path(Path(spec), max_bytes, codecs=codecs)


def read_path(
    path: Path, max_bytes: int = MAX_BYTES, *, codecs: CodecTables | None = None
) -> Document:
    """Read one file (gzip'd or not) into a Document whose ``source`` is the path as given."""
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError as err:
        raise SourceNotFound(f"{name}: no such file") from err
    except NotADirectoryError as err:
        # "page.html/x": a parent is a file; for the user it simply does not exist.
        raise SourceNotFound(f"{name}: no such file (a parent is not a folder)") from err
    except PermissionError as err:
        raise InputError(f"{name}: permission denied") from err
    except (OSError, ValueError) as err:
        # ValueError: a NUL inside the path; OSError: name too long, loops of links...
        raise InputError(f"{name}: cannot be read ({_reason(err)})") from err
    if stat.S_ISDIR(info.st_mode):
        raise NotAFile(f"{name} is a folder, not a file")
    if stat.S_ISREG(info.st_mode):
        if info.st_size > max_bytes:
            raise too_large(name, info.st_size, max_bytes)
    elif not stat.S_ISFIFO(info.st_mode):
        # A named pipe is read like standard input (shell process substitution makes them);
        # devices and sockets are not documents.
        raise NotAFile(f"{name} is a device or socket, not a file")
    try:
        with path.open("rb") as stream:
            data = _read_capped(stream, name, max_bytes)
    except PermissionError as err:
        raise InputError(f"{name}: permission denied") from err
    except IsADirectoryError as err:
        raise NotAFile(f"{name} is a folder, not a file") from err
    except OSError as err:
        raise InputError(f"{name}: cannot be read ({_reason(err)})") from err
    return with_encoding(Document(data=_finish(data, name, max_bytes), source=name), codecs)


def read_bytes(
    data: bytes, name: str, max_bytes: int = MAX_BYTES, *, codecs: CodecTables | None = None
) -> Document:
    """A file's bytes read by someone else (the Spark engine, through Hadoop's file systems)
    as ``read_path`` would give them: the same cap, gzip and emptiness checks, and messages."""
    if len(data) > max_bytes:
        raise too_large(name, len(data), max_bytes)
    return with_encoding(Document(data=_finish(data, name, max_bytes), source=name), codecs)


def read_stdin(max_bytes: int = MAX_BYTES, *, codecs: CodecTables | None = None) -> Document:
    """Read standard input (bytes, any encoding) into a Document with ``source`` "-"."""
    name = "standard input"
    stream = sys.stdin
    if stream is None or getattr(stream, "buffer", None) is None:
        raise InputError(_STDIN_CLOSED)
    try:
        interactive = stream.isatty()
    except (ValueError, OSError) as err:  # ValueError: the stream was closed
        raise InputError(_STDIN_CLOSED) from err
    if interactive:
        # Waiting on a terminal looks like a hang; say what was expected instead.
        raise InputError("standard input is a terminal: pipe a page into parley or give a path")
    try:
        data = _read_capped(stream.buffer, name, max_bytes)
    except OSError as err:
        raise InputError(f"{name} cannot be read ({_reason(err)})") from err
    return with_encoding(Document(data=_finish(data, name, max_bytes), source=STDIN), codecs)


def _file_url_path(spec: str) -> Path:
    """file:///a/b%20c -> /a/b c; file://localhost/a works too; other hosts do not."""
    rest = spec[len("file://") :].partition("?")[0].partition("#")[0]
    if not rest.startswith("/"):
        host, _, tail = rest.partition("/")
        if host.lower() != "localhost":
            raise InputError(f"{spec}: Parley reads file:// URLs on this machine only")
        rest = "/" + tail
    return Path(unquote(rest))


def _read_capped(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    # One byte past the cap tells "exactly at the cap" from "over it" without reading more.
    chunks: list[bytes] = []
    left = max_bytes + 1
    while left > 0:
        chunk = stream.read(min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise too_large(name, None, max_bytes)
    return data


def _finish(data: bytes, name: str, max_bytes: int) -> bytes:
    """Decompress gzip (by its magic, whatever the name) and refuse empty input."""
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data, name, max_bytes)
    if not data:
        raise EmptyInput(f"{name} is empty")
    if not data.strip():
        raise EmptyInput(f"{name} holds only white space")
    return data


def _reason(err: OSError | ValueError) -> str:
    if isinstance(err, OSError) and err.errno is not None:
        return os.strerror(err.errno).lower()
    return str(err) or type(err).__name__
