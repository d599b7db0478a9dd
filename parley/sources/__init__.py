"""Sources: files, standard input, URLs and in-memory input -> Document (bytes + origin).

Public names: ``Document``; ``document_from_input`` (what ``analyze`` is handed);
``read_source`` / ``read_path`` / ``read_stdin`` (files.py: the CLI's readers, with the
``MAX_BYTES`` cap); ``decode_text`` / ``decode_document`` / ``with_encoding`` (decode.py:
bytes -> text, with the codec and the warnings). Every reader returns a Document whose
codec is chosen and whose ``warnings`` say what reading noticed: a caller that builds the
Analysis starts its warnings with them. ``fetch_url`` lives in parley.sources.web and is
imported only when a URL is read, so file input never loads the network code (httpx).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from parley.sources.decode import (
    CodecTables,
    DecodedText,
    decode_document,
    decode_text,
    with_encoding,
)
from parley.sources.document import Document
from parley.sources.files import MAX_BYTES, read_path, read_source, read_stdin
from parley.sources.sniff import GZIP_MAGIC as _GZIP_MAGIC
from parley.sources.sniff import gunzip as _gunzip
from parley.sources.sniff import too_large as _too_large

__all__ = [
    "MAX_BYTES",
    "CodecTables",
    "DecodedText",
    "Document",
    "decode_document",
    "decode_text",
    "document_from_input",
    "read_path",
    "read_source",
    "read_stdin",
    "with_encoding",
]


def document_from_input(
    source: str | bytes | Path,
    url: str | None = None,
    *,
    max_bytes: int = MAX_BYTES,
    codecs: CodecTables | None = None,
) -> Document:
    """Turn what a Python caller hands ``analyze`` into a Document, its codec chosen.

    ``bytes`` are raw page bytes (gzip'd or not); a ``Path`` is a file to read; a ``str`` is
    a file path when it is one line naming an existing file, and otherwise the page's text
    itself. Every kind gets the same ``max_bytes`` cap (after each layer of decompression)
    as the command line; decoding warnings travel in ``Document.warnings``. ``codecs`` are
    the tables decoding reads (None: loaded for this call).
    """
    if isinstance(source, bytes):
        data = _capped(source, "<bytes>", max_bytes)
        return with_encoding(Document(data=data, source="<bytes>", url=url), codecs)
    if isinstance(source, Path) or _names_a_file(source):
        document = read_path(Path(source), max_bytes, codecs=codecs)
        return replace(document, url=url or document.url)
    data = _capped(source.encode("utf-8"), "<text>", max_bytes)
    return Document(
        data=data,
        source="<text>",
        url=url,
        content_type="text/plain; charset=utf-8",
        encoding="utf-8",
    )


def _capped(data: bytes, name: str, max_bytes: int) -> bytes:
    if len(data) > max_bytes:
        raise _too_large(name, len(data), max_bytes)
    return _gunzip(data, name, max_bytes) if data.startswith(_GZIP_MAGIC) else data


def _names_a_file(text: str) -> bool:
    if "\n" in text or len(text) > 4096 or not text.strip():
        return False
    try:
        return Path(text).is_file()
    except OSError:
        return False
