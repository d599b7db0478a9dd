"""HTML page -> Article: trafilatura finds the body, htmldate the original day, and Parley's
own reading of the page (``html_meta``) and cleaning (``html_clean``) do the rest.

The page is parsed once; the tree is read for metadata before trafilatura gets it, because
trafilatura prunes while it extracts.
"""

from __future__ import annotations

from typing import Any

import htmldate
import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document as ExtractedPage
from trafilatura.settings import set_date_params
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from parley.errors import ExtractionError
from parley.extract import furniture
from parley.extract.html_clean import clean_authors, clean_body, clean_title
from parley.extract.html_dates import choose_modified, choose_published
from parley.extract.html_meta import PageMeta, norm, read_page_meta
from parley.extract.language import detect_language
from parley.extract.resources import ExtractResources
from parley.extract.stamps import parse_stamp_line
from parley.records import Article
from parley.sources.document import Document

__all__ = ["extract_html_article"]

# trafilatura's options, chosen on its own evaluation set (parley.evaluate.extraction):
# comments are not the article, and tables in news pages are mostly data the article cites.
_TRAFILATURA_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": False,
    # Parley asks htmldate itself (``_original_day``), so trafilatura's own date search can
    # be the quick one.
    "date_extraction_params": set_date_params(extensive=False),
}

# A body whose longest line is shorter than this is a menu, not an article.
_MIN_WORDS = 5
_MIN_UNSPACED_CHARS = 20  # the same for Chinese or Japanese, written without spaces
# Enough text for the language detector to overrule the page's lang attribute.
_MIN_LANGUAGE_TEXT = 400


def extract_html_article(html: str, document: Document, res: ExtractResources) -> Article:
    """The article of one HTML page; ExtractionError when the page holds no article text."""
    tree = _parse(html, document.source)
    meta = read_page_meta(tree, res)
    url = document.url or meta.canonical
    result = _run_trafilatura(tree, url, document.source)
    if not isinstance(result, ExtractedPage) or not (result.text or "").strip():
        raise ExtractionError(f"no article text found in {document.source}")

    host_publisher = furniture.publisher_from_host(url, res.furniture) if url else None
    publishers = meta.publishers + [p for p in (host_publisher, result.sitename) if p]
    title = clean_title(meta.titles, publishers, meta.title_from_tag, result.title, res=res)
    # The page's structured fields first, then trafilatura's reading of it; failing those,
    # the byline lines taken out of the body, then the first byline element (later ones are
    # mostly teasers and comment authors).
    authors = clean_authors(meta.authors, res, publishers) or clean_authors(
        (result.author or "").split(";"), res, publishers
    )
    subtitle = _subtitle(meta, result)
    body = clean_body(
        _blocks(result.body),
        titles=[t for t in (title.text, *meta.titles, meta.title_from_tag) if t],
        captions=meta.captions,
        authors=authors,
        res=res,
    )
    if not any(_is_prose(p) for p in body.paragraphs):
        # Menus and link lists are all trafilatura finds on pages without an article.
        raise ExtractionError(f"no article text found in {document.source}")
    text = "\n\n".join(body.paragraphs)
    if subtitle and _opens(text, subtitle):
        subtitle = None  # the "deck" is the first paragraph: it stays in the body only
    removed_bylines = [line for why, line in body.removed if why == "byline"]
    authors = authors or clean_authors(
        _byline_names(removed_bylines[:2] + meta.bylines[:1], res), res, publishers
    )
    stamp_lines = (line for why, line in body.removed if why == "stamp")
    stamps = [
        s
        for s in (parse_stamp_line(line, res.furniture.stamps) for line in stamp_lines)
        if s is not None
    ]
    published_candidates = meta.published + [s.published for s in stamps if s.published]
    modified_candidates = meta.modified + [s.modified for s in stamps if s.modified]
    published = choose_published(
        published_candidates, _original_day(html, url), modified_candidates
    )
    return Article(
        id="",
        source=document.source,
        title=title.text,
        subtitle=subtitle,
        genre=meta.kickers[0] if meta.kickers else title.kicker,
        published=published,
        modified=choose_modified(modified_candidates, published),
        authors=authors,
        publisher=publishers[0] if publishers else None,
        language=_language(meta.language, text),
        captions=tuple(dict.fromkeys(meta.captions + body.captions)),
        headings=tuple(body.headings),
        text=text,
        url=url,
        format="html",
    )


def _run_trafilatura(tree: HtmlElement, url: str | None, source: str) -> Any:
    try:
        return trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, output_format="python", **_TRAFILATURA_OPTIONS
        )
    except AttributeError as err:
        # The one failure seen escaping bare_extraction, which turns TypeError and ValueError
        # into None itself: its pruning removes a matched node through getparent(), None
        # when the node is the root of a broken tree ("<time><html>"; found by fuzzing
        # random and mutated pages, never by the 1,190 real evaluation pages). That page has
        # no article we can read, which is a result. Anything else is a bug to surface.
        raise ExtractionError(
            f"no article text found in {source} (trafilatura failed: {type(err).__name__})"
        ) from err


def _original_day(html: str, url: str | None) -> str | None:
    """htmldate's first-publication day, read from the page's markup as a string: given
    trafilatura's parsed tree instead, htmldate skips its search of the raw markup and
    misses dates it finds from the string (measured on htmldate's own evaluation pages)."""
    # htmldate downloads a string that starts with "http" and has no space: never that.
    markup = " " + html if html.startswith("http") else html
    try:
        day = htmldate.find_date(markup, original_date=True, extensive_search=True, url=url)
    except ValueError:
        # What htmldate raises by design: its loader refuses input it takes for a URL it
        # could not fetch (kept out above), and date parsing raises it on impossible dates
        # that htmldate mostly guards itself. Fuzzing found nothing else escaping; the
        # page's own stamps remain.
        return None
    return day if isinstance(day, str) else None


def _is_prose(line: str) -> bool:
    words = line.split()
    return len(words) >= _MIN_WORDS or any(len(w) >= _MIN_UNSPACED_CHARS for w in words)


def _language(declared: str | None, text: str) -> str | None:
    """The page's declared language, unless the text plainly says otherwise: templates often
    keep lang="en" on pages written in other languages, and the NLP stages trust this field."""
    if declared is None or len(text) < _MIN_LANGUAGE_TEXT:
        return declared
    return detect_language(text) or declared


def _parse(html: str, source: str) -> HtmlElement:
    try:
        tree = load_html(html)
    except (TypeError, ValueError) as err:
        # The loader's own refusals (TypeError for a type it does not read, ValueError from
        # lxml for text it cannot take); it returns None for the rest of what it cannot parse.
        raise ExtractionError(f"cannot parse HTML in {source}: {err}") from err
    if tree is None:
        raise ExtractionError(f"no article text found in {source}")
    return tree


def _blocks(body: Any) -> list[tuple[str, str]]:
    """("head" | "table" | "p", text) for the top-level elements of trafilatura's output."""
    blocks: list[tuple[str, str]] = []
    if body is None:
        return blocks
    _loose_text(body.text, blocks)
    for child in body:
        tail, child.tail = child.tail, None  # text after the element is not part of it...
        if child.tag == "head":
            blocks.append(("head", norm("".join(child.itertext()))))
        else:
            text = xmltotxt(child, False)
            # Table rows ("| a | b |") would read as navigation to the line rules: mark them.
            kind = "table" if child.tag == "table" else "p"
            blocks.extend((kind, line) for line in text.split("\n") if line.strip())
        child.tail = tail
        _loose_text(tail, blocks)  # ... but it is text of the body: a paragraph of its own
    return blocks


def _loose_text(text: str | None, blocks: list[tuple[str, str]]) -> None:
    """Text that trafilatura left directly in its output body, outside any element (the
    words after a <head> or a <p> whose own markup was broken)."""
    if text and text.strip():
        blocks.extend(("p", line) for line in text.split("\n") if line.strip())


def _byline_names(bylines: list[str], res: ExtractResources) -> list[str]:
    """Names in byline elements, read by the scraped-text byline rules when they can."""
    names: list[str] = []
    for line in bylines:
        parsed = furniture.parse_byline(line, res.furniture)
        names.extend(parsed.authors if parsed is not None else [line])
    return names


def _subtitle(meta: PageMeta, result: Any) -> str | None:
    """A standfirst element, else the page description when it is not just the opening."""
    if meta.subtitles:
        return meta.subtitles[0]
    body_start = norm(getattr(result, "text", "") or "")[:2000].casefold()
    for description in meta.descriptions:
        if not _is_opening(description, body_start):
            return description
        break  # the main description is the opening; others repeat it
    return None


def _is_opening(description: str, body_start: str) -> bool:
    key = description.rstrip(" .…").casefold()
    if key.endswith("..."):
        key = key[:-3]
    return bool(key) and (key[:120] in body_start)


def _opens(text: str, subtitle: str) -> bool:
    return text[: len(subtitle) + 5].casefold().startswith(subtitle.casefold())
