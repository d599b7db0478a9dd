"""WARC files (gzip'd or not) -> one Document per HTTP response that holds a page.

Uses warcio (pure Python; reading is far faster than the analysis it feeds). A response
record with an HTML, XHTML or plain-text body becomes a Document whose ``url`` is the
record's target URI and whose ``position`` is the record's number in the file (from 1);
other records (requests, metadata, images, redirects) are skipped. The crawl time
(WARC-Date) is kept as metadata, not taken for the publication time: a page is usually
crawled long after it was published. A record over the size cap is a failure; a file that
breaks (a corrupt gzip member, a cut record) yields one failure and stops there, keeping
every record read before it.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from parley.sources.document import Document
from parley.sources.sniff import describe_size

if TYPE_CHECKING:
    from parley.sources.corpus import CorpusOptions, ReadFailure

__all__ = ["PAGE_TYPES", "iter_warc"]

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def iter_warc(
    name: str, opener: Callable[[], BinaryIO], options: CorpusOptions
) -> Iterator[Document | ReadFailure]:
    """The pages of the WARC file ``name``, whose bytes ``opener`` opens."""
    from parley.sources.corpus import ReadFailure

    position = 0
    try:
        with opener() as stream:
            for position, record in enumerate(ArchiveIterator(stream), start=1):
                item = _record_document(record, name, position, options)
                if item is not None:
                    yield item
    except OSError as err:
        yield ReadFailure(name, position + 1, "E100", f"{name}: cannot be read ({_reason(err)})")
    except (ArchiveLoadFailed, EOFError, ValueError, zlib.error) as err:
        # The file is damaged from here on: what was read before it is kept.
        message = f"{name}: WARC record {position + 1} is damaged ({_reason(err)})"
        yield ReadFailure(name, position + 1, "E100", message)


def _record_document(
    record: Any, name: str, position: int, options: CorpusOptions
) -> Document | ReadFailure | None:
    from parley.sources.corpus import ReadFailure

    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    content_type = record.http_headers.get_header("Content-Type")
    if status != "200" or not _is_page(content_type):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    data = record.content_stream().read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        message = f"{url}: the page is over the limit of {describe_size(options.max_bytes)}"
        return ReadFailure(name, position, "E106", message, record_id)
    if not data.strip():
        return ReadFailure(name, position, "E103", f"{url}: the page is empty", record_id)
    crawled = record.rec_headers.get_header("WARC-Date")
    return Document(
        data=data,
        source=name,
        url=url,
        content_type=content_type,
        id=record_id,
        position=position,
        meta=(("crawled", crawled),) if crawled else (),
        published=options.published,
    )


def _is_page(content_type: str | None) -> bool:
    if not content_type:
        return False
    return content_type.split(";")[0].strip().lower() in PAGE_TYPES


def _reason(err: BaseException) -> str:
    return " ".join(f"{type(err).__name__}: {err}".split())
