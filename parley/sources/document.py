"""Document: the raw bytes of one page and where they came from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Document:
    data: bytes
    source: str  # a path, a URL, "-" for standard input, or "<text>"/"<bytes>" for API input
    url: str | None = None  # the page's own URL when known (fetched from, or given)
    content_type: str | None = None  # e.g. "text/html; charset=euc-kr" from an HTTP header
    # The codec the readers chose for ``data`` (decode_text uses it instead of guessing again);
    # None: not chosen yet.
    encoding: str | None = None
    # What the reader noticed and the Analysis should carry (e.g. "... bytes replaced").
    warnings: tuple[str, ...] = ()
    # Set by the corpus readers (parley.sources.corpus) for a record inside a container:
    id: str | None = None  # the record's own id ("KCNA_2011:1"), when it has one
    position: int | None = None  # its line (JSON Lines), record (CSV, WARC) number, from 1
    meta: tuple[tuple[str, str], ...] = ()  # the record's other fields, kept as metadata
    published: str | None = None  # the publication time the record (or file name) gives
    title: str | None = None  # the record's own title, when it gives one
