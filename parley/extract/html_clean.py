"""Parley's cleaning on top of trafilatura: titles without site names, body lines without
bylines, stamps, captions, headings and footers.

Lines are judged by the same rules as scraped text (``parley.extract.furniture``, which uses
``parley.extract.stamps``), plus the few things only web pages print (share buttons,
"Read more"; ``data/html_furniture.tsv``). ``line_kind`` is the one place that combines them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from parley.extract import furniture
from parley.extract.html_meta import norm
from parley.extract.resources import ExtractResources

# "Jane Doe, Staff Writer" / "Jane Doe | Reuters" / "Jane Doe (AFP)": the name is the first part.
_ROLE_SPLIT = re.compile(r"\s*(?:,|\||/|\(|\)|–|—| - |\bfor\b|\bin\b|@)\s*")
_AND = re.compile(r"\s+(?:and|und|et|y|e|&)\s+|\s*;\s*", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$")
_EMAIL_OR_URL = re.compile(r"@|https?://|www\.", re.IGNORECASE)
# What furniture.classify_line calls article text.
_TEXT_KINDS = frozenset({"text", "blank"})


def line_kind(line: str, res: ExtractResources) -> str | None:
    """What a non-body line is ("byline", "stamp", "footer", "hard_footer", "credit",
    "contributor", "share", "end"), or None for article text."""
    kind = furniture.classify_line(line, res.furniture)
    if kind not in _TEXT_KINDS:
        return kind
    for rule in res.html_rules:
        if rule.pattern.match(line):
            return rule.kind
    return None


# ---------------------------------------------------------------------------------------------
# Titles


@dataclass(frozen=True, slots=True)
class Title:
    text: str | None
    kicker: str | None


def clean_title(
    candidates: list[str],
    site_names: Iterable[str],
    title_tag: str | None = None,
    fallback: str | None = None,
    *,
    res: ExtractResources,
) -> Title:
    """The headline without the site name and without a kicker ("[News analysis] ...").

    ``candidates`` are in the page's order of trust (og:title, JSON-LD, <h1>); ``title_tag``
    is the <title> element, which usually adds the site's name ("Headline | Site"). What
    <title> adds also tells which <h1> is only the site's logo. ``fallback`` (trafilatura's
    guess) is used only when the page gives nothing better.
    """
    sites = {s.casefold() for s in site_names if s}
    from_tag, extra = strip_site_name(title_tag, sites, res, loose=True) if title_tag else ("", [])
    sites |= {e.casefold() for e in extra}
    for candidate in candidates:
        title, _removed = strip_site_name(candidate, sites, res)
        if title and title.casefold() not in sites:
            genre, rest = furniture.split_kicker(title, res.furniture)
            return Title(norm(rest) or None, genre)
    for last in (from_tag, fallback):
        if last:
            genre, rest = furniture.split_kicker(last, res.furniture)
            return Title(norm(rest) or None, genre)
    return Title(None, None)


def strip_site_name(
    title: str, sites: set[str], res: ExtractResources, loose: bool = False
) -> tuple[str, list[str]]:
    """The title without a known site name at either end, and what was taken off.

    ``loose`` (for <title>) also takes off a short last part after a long headline, as in
    "Headline | Reuters", even when the site's name is not known.
    """
    removed: list[str] = []
    title = title.strip()
    changed = True
    while changed:
        changed = False
        for sep in res.selectors.title_separators:
            if sep not in title:
                continue
            head, _, tail = title.rpartition(sep)
            tail_key = tail.strip().casefold()
            known = bool(tail_key) and any(tail_key == s or tail_key in s for s in sites)
            short = loose and _site_like(tail.strip()) and len(head.split()) >= 3
            if head.strip() and (known or short):
                removed.append(tail.strip())
                title, changed = head.strip(), True
                break
            first, _, rest = title.partition(sep)
            if first.strip().casefold() in sites and rest.strip():
                removed.append(first.strip())
                title, changed = rest.strip(), True
                break
    return title, removed


def _site_like(text: str) -> bool:
    """Short and capitalised ("Reuters", "The Korea Herald") or a domain ("example.de")."""
    return bool(text) and len(text.split()) <= 3 and (text[0].isupper() or "." in text)


# ---------------------------------------------------------------------------------------------
# Authors


def clean_authors(
    raw: Iterable[str], res: ExtractResources, publishers: Iterable[str] = ()
) -> tuple[str, ...]:
    """Person names out of bylines and author fields: no "By", roles, agencies, links, or the
    publisher itself (which many sites put in the author field)."""
    names: list[str] = []
    keys: set[str] = {p.casefold() for p in publishers}
    for value in raw:
        for part in _AND.split(_strip_label(norm(value), res)):
            name = _strip_label(_ROLE_SPLIT.split(_strip_label(part, res))[0], res).strip(" :-")
            if name.casefold() in keys:
                continue
            name = _drop_role_words(name, res)
            if not _looks_like_name(name, res):
                continue
            if name.isupper() and len(name.split()) > 1:
                name = name.title()
            if name.casefold() not in keys:
                keys.add(name.casefold())
                names.append(name)
    return tuple(names)


def _strip_label(text: str, res: ExtractResources) -> str:
    text = text.strip(" :-–—|")
    lowered = text.casefold()
    for label in res.selectors.byline_labels:
        if lowered.startswith(label) and (
            label.endswith(":") or len(text) == len(label) or not text[len(label)].isalnum()
        ):
            return _strip_label(text[len(label) :], res)
    return text


def _drop_role_words(name: str, res: ExtractResources) -> str:
    """ "Jane Doe Twitter" or "Jane Doe Redakteur": the name before the role or link word."""
    not_names = res.selectors.not_names
    words = name.split()
    while words and words[-1].casefold().strip(".:") in not_names:
        words.pop()
    return " ".join(words)


def _looks_like_name(name: str, res: ExtractResources) -> bool:
    if not name or _EMAIL_OR_URL.search(name) or any(ch.isdigit() for ch in name):
        return False
    key = name.casefold()
    not_names = res.selectors.not_names
    if furniture.agency_name(name, res.furniture) or key in not_names:
        return False
    if any(word.strip(".") in not_names for word in key.split()):
        return False
    words = name.split()
    return 1 <= len(words) <= 5 and all(_NAME_WORD.match(w) for w in words)


# ---------------------------------------------------------------------------------------------
# Body


@dataclass(slots=True)
class Body:
    paragraphs: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    # Photo captions found in the body text only: lines ending in a credit printed twice.
    captions: list[str] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)  # (why, line), for debugging


def clean_body(
    blocks: list[tuple[str, str]],
    *,
    titles: list[str],
    captions: list[str],
    authors: tuple[str, ...],
    res: ExtractResources,
) -> Body:
    """Paragraphs and section headings out of trafilatura's blocks ("head" or "p", text)."""
    body = Body()
    caption_keys = [c.casefold() for c in captions]
    skip = {t.casefold() for t in titles}
    author_keys = {a.casefold() for a in authors}
    seen: set[str] = set()
    pending: list[str] = []
    total = sum(len(raw) for _kind, raw in blocks) or 1
    read = 0
    in_teasers = False
    lines = [norm(raw) for _kind, raw in blocks]
    copies = repeated_runs([line.casefold() for line in lines])
    counts = Counter(line.casefold() for line in lines if line)
    for index, (kind, raw) in enumerate(blocks):
        read += len(raw)
        line = lines[index]
        key = line.casefold()
        if not line:
            continue
        if key in seen and _is_duplicate(line, key, body, index in copies):
            body.removed.append(("duplicate", line))
            continue
        why = _why_not_body(line, key, skip, caption_keys, author_keys, kind, res)
        if (
            why is None
            and counts[key] > 1
            and furniture.split_credit_tail(line, res.furniture)[1] is not None
        ):
            # A photo caption the page prints twice (a gallery and its lightbox) without
            # marking it as one: both copies are the caption, neither is the story. (Only
            # for text: a byline or stamp printed twice is still read as one.)
            if line not in body.captions:
                body.captions.append(line)
            body.removed.append(("caption", line))
            continue
        if why == "end" and read < _END_FROM * total:
            # A "Related" box early in the page sits inside the article: drop its teaser
            # headlines and go on with the article's next sentence.
            in_teasers = True
        elif why == "end":
            why = "hard_footer"
        if why == "hard_footer" and body.paragraphs:
            # "Related articles", "© 2018 ...": the article is over, the rest is the page's.
            body.removed.append((why, line))
            break
        if why is not None:
            body.removed.append((why, line))
            continue
        if in_teasers and not _is_sentence(line):
            body.removed.append(("teaser", line))
            continue
        in_teasers = False
        if kind == "head" and not _is_sentence(line):
            # A heading counts only once a paragraph follows it: trailing ones ("Comments",
            # "Leave a reply") head page furniture, not the article.
            pending.append(line)
            continue
        body.headings.extend(pending)
        pending.clear()
        seen.add(key)
        body.paragraphs.append(line)
    if not body.paragraphs and body.captions:
        # All trafilatura found is the caption, twice: keep one copy as the text, as a page
        # whose body it missed still has its title, authors and dates to give.
        body.paragraphs.append(body.captions.pop(0))
    return body


# An "end" heading ("Related", "Weitere Themen") ends the article only once this share of
# the page's extracted text has been read; earlier, it heads a box inside the article.
_END_FROM = 0.5


def _is_sentence(line: str) -> bool:
    """Prose set in a heading element (a deck in an <h2>, a whole section in an <h3>): it
    reads as text, not as a section title."""
    words = len(line.split())
    return words > 25 or (words >= 12 and line.endswith((".", "!", "?", "…", '"', "”")))


def _why_not_body(
    line: str,
    key: str,
    skip: set[str],
    caption_keys: list[str],
    author_keys: set[str],
    kind: str,
    res: ExtractResources,
) -> str | None:
    if key in skip:
        return "title"
    if any(_is_caption(key, c) for c in caption_keys):
        return "caption"
    if key in author_keys or _strip_label(line, res).casefold() in author_keys:
        return "byline"
    if len(line) <= 250 and kind != "table":
        return line_kind(line, res)
    return None


# A stretch of at least this many paragraphs printed again in the same order is the page
# repeating a section (a second copy of the article for another layout, a gallery's
# captions again); a refrain or a statement's repeated line comes alone or in a pair.
_MIN_REPEATED_RUN = 3
# Earlier copies of one line compared when looking for runs: bounds the work on pages that
# repeat a separator line thousands of times.
_MAX_COPIES_COMPARED = 16


def repeated_runs(keys: list[str]) -> set[int]:
    """Indices of lines that repeat, with their neighbours, a run of at least
    _MIN_REPEATED_RUN earlier lines in the same order (empty lines never match)."""
    copies: set[int] = set()
    earlier: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        if not key:
            continue
        for first in earlier.get(key, [])[:_MAX_COPIES_COMPARED]:
            if index in copies:
                break
            length = 0
            while (
                index + length < len(keys)
                and first + length < index
                and keys[index + length]
                and keys[first + length] == keys[index + length]
            ):
                length += 1
            if length >= _MIN_REPEATED_RUN:
                copies.update(range(index, index + length))
        earlier.setdefault(key, []).append(index)
    return copies


def _is_duplicate(line: str, key: str, body: Body, in_repeated_run: bool) -> bool:
    """Whether a paragraph already kept is printed again as page furniture, not as the
    article's own repetition. Dropped: the same paragraph twice in a row (a caption or
    teaser the template prints twice), a copy inside a repeated run of paragraphs, and a
    line with no letters (table rules, separators). Kept: a refrain or a repeated line of a
    statement, between other paragraphs."""
    if in_repeated_run or (body.paragraphs and body.paragraphs[-1].casefold() == key):
        return True
    return not any(ch.isalpha() for ch in line)


def _is_caption(key: str, caption: str) -> bool:
    if key == caption:
        return True
    # trafilatura sometimes keeps the caption without its credit, or the credit alone.
    return len(key) >= 25 and (caption.startswith(key) or (key in caption and len(key) > 40))
