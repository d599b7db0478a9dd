"""Read what a news page says about itself: meta tags, JSON-LD, and the elements around the body.

Everything here only reads the parsed tree; choosing between candidates (which title, which
date) is left to ``html.py`` so that this module stays a plain inventory of the page.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

from parley.extract.resources import ExtractResources

# JSON-LD types that describe the article itself (schema.org CreativeWork subtypes news sites use).
_ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "blogposting",
        "socialmediaposting",
        "liveblogposting",
        "webpage",
        "report",
        "scholarlyarticle",
        "techarticle",
    }
)
_SPLIT_CLASS = re.compile(r"[\s_-]+")
_SPACES = re.compile(r"\s+")
# Elements whose text is never article furniture we want (scripts, navigation, forms).
_SKIP_ANCESTORS = ("nav", "footer", "aside", "form", "script", "style", "noscript")
# Real JSON-LD nests a handful of levels (an article, its author, the author's employer);
# deeper scripts are skipped, and every walk over a value stops at this depth.
MAX_LD_DEPTH = 32
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def norm(text: str | None) -> str:
    """Whitespace collapsed to single spaces, trimmed, and in NFC form: some pages write "ü"
    as "u" plus a combining mark, which no lexicon or gold snippet would match."""
    return unicodedata.normalize("NFC", _SPACES.sub(" ", text or "").strip())


@dataclass(slots=True)
class PageMeta:
    """Candidates for each article field, in the order of trust the page gives them."""

    titles: list[str] = field(default_factory=list)  # og:title, JSON-LD headline, first <h1>
    title_from_tag: str | None = None  # the <title> element, which usually carries the site name
    kickers: list[str] = field(default_factory=list)
    subtitles: list[str] = field(default_factory=list)  # standfirst/dek elements
    descriptions: list[str] = field(default_factory=list)  # og:description, meta description
    published: list[str] = field(default_factory=list)  # raw timestamps, most trusted first
    modified: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)  # raw names from meta and JSON-LD
    bylines: list[str] = field(default_factory=list)  # texts of byline elements
    publishers: list[str] = field(default_factory=list)
    language: str | None = None
    canonical: str | None = None
    captions: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)


def read_page_meta(tree: HtmlElement, res: ExtractResources) -> PageMeta:
    meta = PageMeta()
    props = _meta_properties(tree)
    ld = list(_jsonld_articles(tree))
    _read_titles(tree, props, ld, meta)
    _read_dates(tree, props, ld, meta)
    _read_people(tree, props, ld, meta)
    meta.language = _page_language(tree, props)
    meta.canonical = _canonical(tree, props)
    region = article_region(tree)
    _read_region(region, meta, res)
    return meta


def _meta_properties(tree: HtmlElement) -> dict[str, list[str]]:
    """meta property/name/itemprop -> contents, lower-cased keys, in page order."""
    out: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        content = el.get("content")
        if key and content and content.strip():
            out.setdefault(key.strip().lower(), []).append(content.strip())
    return out


def _first(props: dict[str, list[str]], *keys: str) -> list[str]:
    return [v for k in keys for v in props.get(k, [])]


def _jsonld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        if not raw or json_depth(raw) > MAX_LD_DEPTH:
            # Nesting past the cap is no real page's metadata, and json.loads recurses in C:
            # on a few thousand levels it raises RecursionError, so it is never asked.
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            # Pages often ship JSON-LD with stray control characters or trailing commas;
            # a page we cannot read is simply a page without JSON-LD.
            continue
        yield from _flatten_ld(data)


def json_depth(raw: str) -> int:
    """How deep a JSON text nests its arrays and objects, read without parsing it (strings,
    which may hold brackets, are skipped whole). Malformed text gives a rough figure, which
    is enough: json.loads refuses it anyway."""
    depth = deepest = 0
    for token in _JSON_TOKEN.finditer(raw):
        bracket = token.group()
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif bracket in "]}":
            depth = max(0, depth - 1)
    return deepest


def _flatten_ld(data: Any) -> Iterator[dict[str, Any]]:
    """Every object of a JSON-LD value in document order, with top-level and @graph lists
    opened. Iterative and capped at MAX_LD_DEPTH, so no nesting can exhaust the stack."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_LD_DEPTH:
            continue
        if isinstance(value, list):
            stack.extend((item, depth + 1) for item in reversed(value))
        elif isinstance(value, dict):
            yield value
            graph = value.get("@graph")
            if graph is not None:
                stack.append((graph, depth + 1))


def _ld_types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _jsonld_articles(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """Article objects first; a WebPage only counts when there is no article."""
    objects = list(_jsonld_objects(tree))
    articles = [o for o in objects if _ld_types(o) & (_ARTICLE_TYPES - {"webpage"})]
    yield from articles or [o for o in objects if "webpage" in _ld_types(o)]


def _ld_strings(value: Any, key: str = "name") -> list[str]:
    """Names out of a JSON-LD value that may be a string, an object or a list of either
    (lists in lists too, down to MAX_LD_DEPTH; walked without recursion)."""
    found: list[str] = []
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            inner = item.get(key)
            if isinstance(inner, str):
                found.append(inner)
        elif isinstance(item, list) and depth < MAX_LD_DEPTH:
            stack.extend((x, depth + 1) for x in reversed(item))
    return found


def _text(el: HtmlElement) -> str:
    return norm(el.text_content())


def _read_titles(
    tree: HtmlElement, props: dict[str, list[str]], ld: list[dict[str, Any]], meta: PageMeta
) -> None:
    candidates = _first(props, "og:title", "twitter:title")
    candidates += [h for obj in ld for h in _ld_strings(obj.get("headline"))]
    candidates += [_text(h1) for h1 in tree.iter("h1")][:1]
    title_el = tree.find(".//title")
    if title_el is not None and _text(title_el):
        meta.title_from_tag = _text(title_el)
    meta.titles = [norm(c) for c in candidates if norm(c)]
    meta.descriptions = [
        norm(d)
        for d in _first(props, "og:description", "description", "twitter:description")
        + [s for obj in ld for s in _ld_strings(obj.get("description"))]
        if norm(d)
    ]


def _read_dates(
    tree: HtmlElement, props: dict[str, list[str]], ld: list[dict[str, Any]], meta: PageMeta
) -> None:
    published = _first(
        props,
        "article:published_time",
        "og:published_time",
        "datepublished",
        "published_time",
        "publish-date",
        "pubdate",
        "parsely-pub-date",
        "sailthru.date",
        "dc.date.issued",
        "dcterms.created",
        "date",
    )
    published += [s for obj in ld for s in _ld_strings(obj.get("datePublished"))]
    published += [s for obj in ld for s in _ld_strings(obj.get("dateCreated"))]
    modified = _first(
        props,
        "article:modified_time",
        "og:updated_time",
        "datemodified",
        "last-modified",
        "dcterms.modified",
    )
    modified += [s for obj in ld for s in _ld_strings(obj.get("dateModified"))]
    for el in tree.iter("time"):
        value = el.get("datetime")
        if not value:
            continue
        words = _class_words(el) | {(el.get("itemprop") or "").lower()}
        if words & {"updated", "modified", "datemodified", "update"}:
            modified.append(value)
        else:
            published.append(value)
    meta.published = [p.strip() for p in published if p.strip()]
    meta.modified = [m.strip() for m in modified if m.strip()]


def _read_people(
    tree: HtmlElement, props: dict[str, list[str]], ld: list[dict[str, Any]], meta: PageMeta
) -> None:
    authors = [s for obj in ld for s in _ld_strings(obj.get("author"))]
    authors += _first(props, "author", "article:author", "dc.creator", "byl", "sailthru.author")
    meta.authors = [norm(a) for a in authors if norm(a)]
    publishers = _first(props, "og:site_name", "application-name")
    publishers += [s for obj in ld for s in _ld_strings(obj.get("publisher"))]
    meta.publishers = [norm(p) for p in publishers if norm(p)]


def _page_language(tree: HtmlElement, props: dict[str, list[str]]) -> str | None:
    values = [tree.get("lang"), tree.get("xml:lang")]
    values += _first(props, "content-language", "language", "dc.language", "og:locale")
    for value in values:
        if value:
            code = re.split(r"[-_]", value.strip())[0].lower()
            if len(code) == 2 and code.isalpha() and code.isascii():
                return code
    return None


def _canonical(tree: HtmlElement, props: dict[str, list[str]]) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").strip().lower() == "canonical" and link.get("href"):
            href = str(link.get("href")).strip()
            if href.startswith("http"):
                return href
    urls = [u for u in _first(props, "og:url") if u.startswith("http")]
    return urls[0] if urls else None


def _class_words(el: HtmlElement) -> set[str]:
    """The element's class and id values, whole and split at '-' and '_', lower-cased."""
    words: set[str] = set()
    for attr in ("class", "id"):
        for value in (el.get(attr) or "").lower().split():
            words.add(value)
            words.update(w for w in _SPLIT_CLASS.split(value) if w)
    return words


def article_region(tree: HtmlElement) -> HtmlElement:
    """The element holding the article: <article>, an articleBody, <main>, else <body>."""
    for path in (
        ".//*[@itemprop='articleBody']/ancestor::article[1]",
        ".//article",
        ".//*[@itemprop='articleBody']",
        ".//main",
        ".//body",
    ):
        found = tree.xpath(path)
        if found:
            # The longest candidate: listing pages have many small <article> teasers.
            best: HtmlElement = max(found, key=lambda el: len(el.text_content()))
            return best
    return tree


def _skipped(el: HtmlElement, region: HtmlElement) -> bool:
    node = el.getparent()
    while node is not None and node is not region:
        if node.tag in _SKIP_ANCESTORS:
            return True
        node = node.getparent()
    return False


def _read_region(region: HtmlElement, meta: PageMeta, res: ExtractResources) -> None:
    cues = res.selectors
    page = region.getroottree().getroot()
    # Kickers and decks sit in the article header, which some templates put before <article>;
    # elsewhere on the page the same class names label teasers for other stories.
    header = _header_scope(page)
    for el in page.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "meta", "body", "html"):
            continue
        words = _class_words(el)
        if not words:
            continue
        # The text is read only for elements whose class names a part: reading every
        # container's text would cost time in proportion to the page size squared.
        if words & (cues.kicker | cues.subtitle) and not _in_scope(el, region, header):
            continue
        if words & cues.kicker:
            text = _text(el)
            if 0 < len(text) <= 60 and el.find(".//p") is None:
                meta.kickers.append(text)
        elif words & cues.subtitle:
            text = _text(el)
            if 20 <= len(text) <= 600 and not _mostly_links(el):
                meta.subtitles.append(text)
        elif words & cues.byline and not words & cues.not_byline:
            # Joined with spaces: "von<a>Jane Doe</a>" must not read as "vonJane Doe".
            text = norm(" ".join(el.itertext()))
            if 0 < len(text) <= 150:
                meta.bylines.append(text)
    seen: set[str] = set()
    for el in region.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "figcaption" or (_class_words(el) & cues.caption and el.tag != "img"):
            text = _text(el)
            if text and text not in seen and len(text) <= 1000:
                seen.add(text)
                meta.captions.append(text)
        elif el.tag in ("h2", "h3") and not _skipped(el, region):
            text = _text(el)
            if text:
                meta.headings.append(text)
    # A caption element nested in another caption element gives its text twice over.
    meta.captions = [c for c in meta.captions if not any(c != o and c in o for o in meta.captions)]


def _header_scope(page: HtmlElement) -> set[HtmlElement]:
    """The elements around the headline: the first <h1>'s parent and grandparent."""
    h1 = next(page.iter("h1"), None)
    scope: set[HtmlElement] = set()
    node = h1.getparent() if h1 is not None else None
    for _ in range(2):
        if node is None or node.tag in ("body", "html"):
            break
        scope.add(node)
        node = node.getparent()
    return scope


def _in_scope(el: HtmlElement, region: HtmlElement, header: set[HtmlElement]) -> bool:
    node = el
    while node is not None:
        if node is region or node in header or node.tag == "header":
            return True
        node = node.getparent()
    return False


def _mostly_links(el: HtmlElement) -> bool:
    total = len(el.text_content())
    linked = sum(len(a.text_content()) for a in el.iter("a"))
    return total > 0 and linked > 0.5 * total
