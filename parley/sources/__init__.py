"""Sources: files, standard input, URLs and in-memory input -> Document (bytes + origin).

Public names: ``Document``; ``document_from_input`` (what ``analyze`` is handed);
``read_source`` / ``read_path`` / ``read_stdin`` (files.py: the CLI's readers, with the
``MAX_BYTES`` cap); ``decode_document`` (decode.py: bytes -> text). ``fetch_url`` lives in
parley.sources.web and is imported only when a URL is read, so file input never loads
the network code.
"""

from __future__ import annotations

from pathlib import Path

from parley.sources.decode import decode_document
from parley.sources.document import Document
from parley.sources.files import MAX_BYTES, read_path, read_source, read_stdin

__all__ = [
    "MAX_BYTES",
    "Document",
    "decode_document",
    "document_from_input",
    "read_path",
    "read_source",
    "read_stdin",
]


def document_from_input(source: str | bytes | Path, url: str | None = None) -> Document:
    """Turn what a Python caller hands ``analyze`` into a Document.

    ``bytes`` are raw page bytes; a ``Path`` is a file to read; a ``str`` is a file path when
    it is one line naming an existing file, and otherwise the page's text itself.
    """
    if isinstance(source, bytes):
        return Document(data=source, source="<bytes>", url=url)
    if isinstance(source, Path) or _names_a_file(source):
        document = read_path(Path(source))
        return Document(document.data, document.source, url or document.url, document.content_type)
    return Document(
        data=source.encode("utf-8"),
        source="<text>",
        url=url,
        content_type="text/plain; charset=utf-8",
    )


def _names_a_file(text: str) -> bool:
    if "\n" in text or len(text) > 4096 or not text.strip():
        return False
    try:
        return Path(text).is_file()
    except OSError:
        return False
