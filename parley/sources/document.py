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
