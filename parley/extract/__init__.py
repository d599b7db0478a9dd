"""Extract: Document -> Article. HTML goes through trafilatura and htmldate, scraped text
through Parley's own rules; both then share the furniture cleaning and language check."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from datetime import datetime
from typing import Any

from parley.errors import ExtractionError
from parley.extract.language import detect_language
from parley.extract.resources import ExtractResources
from parley.records import Article
from parley.sources.decode import decode_document
from parley.sources.document import Document

__all__ = ["ExtractResources", "extract_article", "looks_like_html"]

_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|article|p)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(r"</?(?:p|div|span|a|br|article|section|h[1-6]|script|li)\b[^>]*>", re.I)


def looks_like_html(text: str, content_type: str | None = None) -> bool:
    if content_type and "html" in content_type.lower():
        return True
    head = text[:5000]
    if _HTML_START.match(head):
        return True
    # Markup fragments without a document wrapper still count when tags are dense.
    return len(_HTML_TAGS.findall(head)) >= 5


def extract_article(
    document: Document,
    published: datetime | None = None,
    resources: ExtractResources | None = None,
) -> Article:
    """The clean article of one page. ``published`` is used when the page gives no time.
    ``resources`` are the stage's loaded data files (``ExtractResources.load()``, held by
    the pipeline); None loads them for this call."""
    res = resources if resources is not None else ExtractResources.load()
    text = decode_document(document, res.codecs)
    if looks_like_html(text, document.content_type):
        from parley.extract.html import extract_html_article

        article = extract_html_article(text, document, res)
    else:
        from parley.extract.text import extract_text_article

        article = extract_text_article(text, document, res.furniture)
    if not article.text.strip():
        raise ExtractionError(f"no article text found in {document.source}")
    changes: dict[str, Any] = {}
    for name in ("text", "title"):
        value = getattr(article, name)
        repaired = res.names.repair(value, context=text) if value else value
        if repaired != value:
            changes[name] = repaired
    if changes:
        article = dataclasses.replace(article, **changes)
        changes = {}
    if article.language is None:
        changes["language"] = detect_language(article.text)
    if article.published is None and published is not None:
        changes["published"] = published.isoformat()
        changes["published_source"] = "given"
    elif article.published is not None and article.published_source is None:
        changes["published_source"] = "page"
    if not article.id:
        changes["id"] = article_id(article.text, document.url or document.source)
    return dataclasses.replace(article, **changes) if changes else article


def article_id(text: str, origin: str | None) -> str:
    """A stable id: the same page text from the same place gets the same id in any process."""
    digest = hashlib.sha256()
    digest.update((origin or "").encode("utf-8"))
    digest.update(b"\0")
    digest.update(text.encode("utf-8"))
    return digest.hexdigest()[:16]
