"""Corpus sources: many documents from files, folders, JSON Lines, CSV, WARC and URLs.

``iter_documents(specs, options)`` yields, in a stable order, one ``Document`` per page or
record, or a ``ReadFailure`` for what cannot be read (a corrupt gzip, a JSON line that is not
JSON or has no text, an unreadable file): a bad record never stops the corpus.

A spec is a file (gzip'd or not), a folder (its files, recursively, matching ``--glob``, in
sorted order), an http(s) URL, or ``-`` (paths, one a line, on standard input). Files named
``*.jsonl``/``*.ndjson`` (optionally ``.gz``) hold JSON records; ``*.csv`` CSV records with a
header; ``*.warc``/``*.warc.gz`` WARC response records; anything else is one page. A JSON line
that is a ``parley.analysis/1`` object is passed through as a ``StoredAnalysis`` (an export
ingests again without a second analysis).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from parley.errors import PARLEY_FAILURES, InputError, ParleyError
from parley.records import SCHEMA
from parley.sources.decode import CodecTables
from parley.sources.document import Document
from parley.sources.files import read_bytes, read_path
from parley.sources.sniff import GZIP_MAGIC, MAX_BYTES

__all__ = [
    "FIELD_NAMES",
    "CorpusOptions",
    "ReadFailure",
    "StoredAnalysis",
    "estimate_count",
    "iter_bytes",
    "iter_documents",
    "parse_field_map",
    "record_document",
]

# The canonical record fields and the other names corpora commonly use for them, in order
# of preference. ``--fields published=date`` names a field explicitly and wins over these.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id", "guid", "uuid", "key"),
    "url": ("url", "link", "href", "uri"),
    "published": ("published", "date", "published_at", "pubdate", "datetime", "timestamp"),
    "title": ("title", "headline", "heading"),
    "text": ("text", "body", "content", "story", "article", "fulltext"),
    "html": ("html", "raw_html", "page"),
}
RECORD_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".warc": "warc"}
# CSV bodies run long: a news story in one cell is far over csv's 128 KiB default.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """A document or record that could not be read: stored as a row of ``failures``."""

    source: str
    position: int | None
    code: str
    message: str
    record_id: str | None = None


@dataclass(frozen=True, slots=True)
class StoredAnalysis:
    """A ``parley.analysis/1`` object read back from a JSON Lines export."""

    source: str
    position: int
    data: dict[str, Any]


Item = Document | ReadFailure | StoredAnalysis
Opener = Callable[[], BinaryIO]  # opens a file's raw bytes (a path, or bytes already read)


@dataclass(frozen=True)
class CorpusOptions:
    glob: str = "*"
    fields: Mapping[str, str] = field(default_factory=dict)  # canonical name -> record field
    published: str | None = None  # the publication time when nothing else gives one
    published_from_name: re.Pattern[str] | None = None  # a date in a file's name
    max_bytes: int = MAX_BYTES
    timeout: float = 20.0  # seconds per URL fetch


def parse_field_map(spec: str | None) -> dict[str, str]:
    """``"published=date,text=body"`` -> {"published": "date", "text": "body"}."""
    mapping: dict[str, str] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        name, sep, column = part.partition("=")
        name, column = name.strip(), column.strip()
        if not sep or name not in FIELD_NAMES or not column:
            known = ", ".join(FIELD_NAMES)
            problem = f"{part.strip()!r} is not NAME=FIELD with NAME one of {known}"
            raise InputError(f"--fields: {problem}")
        mapping[name] = column
    return mapping


def iter_documents(
    specs: Iterable[str], options: CorpusOptions, codecs: CodecTables | None = None
) -> Iterator[Item]:
    """Every document the specs name, in order (see the module's docstring). Pages are
    decoded with ``codecs`` (None: loaded once for this iteration)."""
    tables = codecs if codecs is not None else CodecTables.load()
    for spec in specs:
        if spec == "-":
            paths = (line.strip() for line in sys.stdin)
            yield from iter_documents((p for p in paths if p and p != "-"), options, tables)
        elif re.match(r"(?i)https?://", spec):
            yield _fetch(spec, options, tables)
        else:
            yield from _iter_path(Path(spec), options, tables)


def estimate_count(specs: Iterable[str], options: CorpusOptions) -> int | None:
    """About how many documents the specs hold (lines of record files, files of folders),
    for a progress bar's ETA; None when it cannot be told cheaply (stdin, WARC)."""
    total = 0
    for spec in specs:
        if spec == "-":
            return None
        if re.match(r"(?i)https?://", spec):
            total += 1
            continue
        path = Path(spec)
        for file in _files(path, options.glob) if path.is_dir() else [path]:
            kind = container_kind(file)
            if kind == "warc":
                return None
            lines = _count_lines(_opener(file)) if kind else 1
            total += max(lines - 1, 0) if kind == "csv" else lines  # a CSV's header
    return total


def _count_lines(opener: Opener) -> int:
    try:
        with _open_text(opener) as stream:
            return sum(1 for line in stream if line.strip())
    except (OSError, EOFError, zlib.error):
        return 0


def _fetch(url: str, options: CorpusOptions, codecs: CodecTables) -> Document | ReadFailure:
    from parley.sources.web import fetch_url

    try:
        document = fetch_url(
            url, timeout=options.timeout, max_bytes=options.max_bytes, codecs=codecs
        )
    except ParleyError as err:
        return ReadFailure(url, None, err.code, err.message)
    return _with_published(document, url, options)


def _files(folder: Path, glob: str) -> list[Path]:
    # Sorted, so a second run (a resume) meets the files in the same order.
    return sorted(p for p in folder.rglob(glob) if p.is_file())


def _iter_path(path: Path, options: CorpusOptions, codecs: CodecTables) -> Iterator[Item]:
    if path.is_dir():
        for child in _files(path, options.glob):
            yield from _iter_file(child, options, codecs)
    else:
        yield from _iter_file(path, options, codecs)


def _iter_file(path: Path, options: CorpusOptions, codecs: CodecTables) -> Iterator[Item]:
    if container_kind(path) is not None:
        yield from _records(str(path), _opener(path), options)
        return
    try:
        document = read_path(path, options.max_bytes, codecs=codecs)
    except PARLEY_FAILURES as err:
        yield ReadFailure(str(path), None, err.code, err.message)
        return
    yield _with_published(document, path.name, options)


def _opener(path: Path) -> Opener:
    return lambda: path.open("rb")


def iter_bytes(
    name: str, data: bytes, options: CorpusOptions, codecs: CodecTables | None
) -> Iterator[Item]:
    """The items of one file whose bytes were read already (the Spark engine reads them
    through Hadoop's file systems), exactly as ``iter_documents`` gives a file's items:
    ``name`` is the file's name as the user gave it, the items' ``source``."""
    if container_kind(PurePosixPath(name)) is not None:
        yield from _records(name, lambda: io.BytesIO(data), options)
        return
    try:
        document = read_bytes(data, name, options.max_bytes, codecs=codecs)
    except PARLEY_FAILURES as err:
        yield ReadFailure(name, None, err.code, err.message)
        return
    yield _with_published(document, PurePosixPath(name).name, options)


def _records(name: str, opener: Opener, options: CorpusOptions) -> Iterator[Item]:
    """The records of a JSON Lines, CSV or WARC file (gzip'd or not)."""
    kind = container_kind(PurePosixPath(name))
    if kind == "jsonl":
        yield from _guarded(name, _jsonl_records(name, opener, options))
    elif kind == "csv":
        yield from _guarded(name, _csv_records(name, opener, options))
    else:
        from parley.sources.warc import iter_warc

        yield from iter_warc(name, opener, options)


def container_kind(path: PurePosixPath | Path) -> str | None:
    """"jsonl", "csv" or "warc" for a file of records (by its name), None for one page."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return RECORD_SUFFIXES.get(suffixes[-1]) if suffixes else None


def _guarded(name: str, records: Iterator[Item]) -> Iterator[Item]:
    """The records of a file until it breaks (corrupt gzip, unreadable): then one failure."""
    position = 0
    try:
        for item in records:
            position = item.position or position
            yield item
    except (OSError, EOFError, zlib.error, UnicodeDecodeError, csv.Error) as err:
        reason = " ".join(f"{type(err).__name__}: {err}".split())
        yield ReadFailure(name, position + 1, "E100", f"{name}: cannot be read ({reason})")


@contextmanager
def _open_text(opener: Opener) -> Iterator[io.TextIOWrapper]:
    with opener() as raw:
        magic = raw.read(2)
        raw.seek(0)
        inner: BinaryIO = raw
        if magic == GZIP_MAGIC:
            inner = gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[assignment]
        # newline="" keeps CSV cells' own line breaks; errors="replace" so one bad byte costs a
        # character, not the file.
        with io.TextIOWrapper(inner, encoding="utf-8-sig", errors="replace", newline="") as text:
            yield text


def _jsonl_records(name: str, opener: Opener, options: CorpusOptions) -> Iterator[Item]:
    with _open_text(opener) as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as err:
                yield ReadFailure(name, number, "E100", f"line {number} is not JSON ({err})")
                continue
            if not isinstance(value, dict):
                yield ReadFailure(name, number, "E100", f"line {number} is not a JSON object")
            elif value.get("schema") == SCHEMA:
                yield StoredAnalysis(name, number, value)
            else:
                yield record_document(value, name, number, options)


def _csv_records(name: str, opener: Opener, options: CorpusOptions) -> Iterator[Item]:
    with _open_text(opener) as stream:
        reader = csv.DictReader(stream)
        for number, row in enumerate(reader, start=1):
            record = {k: v for k, v in row.items() if k is not None}
            yield record_document(record, name, number, options)


def record_document(
    record: Mapping[str, Any], source: str, position: int, options: CorpusOptions
) -> Document | ReadFailure:
    """One record (a JSON object or a CSV row) as a Document, or the reason it is not one."""
    names = _resolve_fields(record, options.fields)
    values = {name: _text(record.get(column)) for name, column in names.items()}
    record_id = values.get("id")
    html, text = values.get("html"), values.get("text")
    body = html if html and html.strip() else text
    if not body or not body.strip():
        wanted = options.fields.get("text") or "text"
        return ReadFailure(
            source, position, "E103", f"record {position} has no {wanted!r} (nor html)", record_id
        )
    used = set(names.values())
    meta = tuple((str(k), _text(v) or "") for k, v in record.items() if k not in used)
    content_type = "text/html; charset=utf-8" if body is html else "text/plain; charset=utf-8"
    return Document(
        data=body.encode("utf-8", "replace"),
        source=source,
        url=values.get("url") or None,
        content_type=content_type,
        id=record_id or None,
        position=position,
        meta=meta,
        published=values.get("published") or options.published,
        title=values.get("title") or None,
    )


def _resolve_fields(record: Mapping[str, Any], explicit: Mapping[str, str]) -> dict[str, str]:
    """Canonical name -> the record's field that holds it (explicit mapping first)."""
    lowered = {str(k).lower(): k for k in record}
    names: dict[str, str] = {}
    for name, aliases in FIELD_NAMES.items():
        if name in explicit:
            names[name] = explicit[name]
            continue
        for alias in aliases:
            if alias in lowered:
                names[name] = lowered[alias]
                break
    return names


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _with_published(document: Document, name: str, options: CorpusOptions) -> Document:
    """A page's publication time from its file name (``--published-from-name``), else the
    default (``--published``); the page's own time, found later, wins over both."""
    published = options.published
    if options.published_from_name is not None:
        match = options.published_from_name.search(name)
        if match:
            published = (
                match.group("date")
                if "date" in match.groupdict()
                else match.group(1 if match.re.groups else 0)
            )
    if published is None:
        return document
    from dataclasses import replace

    return replace(document, published=published)
