"""Scraped text -> Article: the page as plain lines, with the furniture a scraper leaves in.

The page is read top to bottom in three parts, with the line classifiers of ``furniture.py``:

1. the head, up to the title: navigation, section labels and genre kickers are skipped;
2. the header, between title and body: stamp lines, bylines, a deck (the subtitle) and captions;
3. the body: paragraphs, with section headings, captions, bylines, contribution notes and soft
   footers taken out, up to the first hard footer ("Most viewed articles"), after which nothing
   is article.

One non-blank line is one unit (a scraper writes one paragraph per line; a page hard-wrapped
at a fixed width has its paragraphs joined back first, ``wrapped.py``). Each kept paragraph
keeps its text exactly, with only its white space normalised, so offsets into ``Article.text``
point at what the page said.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from parley.errors import ExtractionError
from parley.extract.furniture import (
    Byline,
    FurnitureRules,
    agency_name,
    footer_strength,
    genre_name,
    is_copyright_line,
    is_credit_line,
    is_heading_like,
    is_navigation_line,
    is_role_line,
    looks_like_name,
    normalize_line,
    parse_byline,
    parse_contributors,
    parse_dateline,
    publisher_from_copyright,
    publisher_from_emails,
    publisher_from_host,
    split_credit_tail,
    split_kicker,
)
from parley.extract.stamps import StampInfo, parse_stamp_line
from parley.extract.wrapped import unwrap
from parley.records import Article
from parley.sources.document import Document

__all__ = ["extract_text_article"]

# Past these sizes a line is a paragraph, not a title, deck or caption.
_TITLE_MAX_WORDS = 30
_DECK_MAX_WORDS = 40
_CAPTION_MAX_WORDS = 40
# Longer lines are never stamps, bylines, credits or contribution notes.
_FURNITURE_MAX_CHARS = 250
# A repeated line shorter than this is more likely a menu word than a caption.
_REPEAT_MIN_CHARS = 20

# How a paragraph ends; a line without it is a headline, a deck or a caption.
_SENTENCE_END = re.compile(r"[.!?…:;]['\"’”)\]]*$")

Furniture = Literal["stamp", "byline", "contributor", "credit", "footer", "hard_footer"]


@dataclass(slots=True)
class _Page:
    """What has been read so far; only ``extract_text_article`` and its helpers touch it."""

    title: str | None = None
    genre: str | None = None
    subtitle: str | None = None
    published: str | None = None
    published_guessed: bool = False  # read from a time without a label (see StampInfo)
    modified: str | None = None
    authors: list[str] = field(default_factory=list)
    agency: str | None = None
    captions: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)

    def add_caption(self, caption: str) -> None:
        if caption not in self.captions:
            self.captions.append(caption)

    def add_stamp(self, stamp: StampInfo) -> None:
        if stamp.published and not stamp.guessed and self.published_guessed:
            # The unlabelled time seen earlier was the last update (the Guardian's layout).
            self.modified = self.modified or self.published
            self.published, self.published_guessed = stamp.published, False
        elif self.published is None and stamp.published:
            self.published, self.published_guessed = stamp.published, stamp.guessed
        self.modified = self.modified or stamp.modified

    def add_authors(self, names: tuple[str, ...]) -> None:
        for name in names:
            if name not in self.authors:
                self.authors.append(name)


def _words(line: str) -> int:
    return len(line.split())


@dataclass(frozen=True, slots=True)
class _LineReading:
    """What one line says as furniture, before it is applied to a page."""

    kind: Furniture | None
    stamps: tuple[StampInfo, ...] = ()
    bylines: tuple[Byline, ...] = ()


class _LineReader:
    """The furniture tables, and what each line of one page says as furniture. Memoised for
    the page: the extractor asks about the same line several times (title search, deck
    look-ahead, last-paragraph search), and the classifiers are regex-heavy."""

    def __init__(self, rules: FurnitureRules) -> None:
        self.rules = rules
        self._readings: dict[str, _LineReading] = {}

    def read(self, line: str) -> _LineReading:
        reading = self._readings.get(line)
        if reading is None:
            reading = self._readings[line] = _read_line(line, self.rules)
        return reading


def _read_line(line: str, rules: FurnitureRules) -> _LineReading:
    strength = footer_strength(line, rules)
    if strength == "hard":
        return _LineReading("hard_footer")
    if len(line) > _FURNITURE_MAX_CHARS:
        return _LineReading(None)
    if strength == "soft" or is_navigation_line(line):
        return _LineReading("footer")
    stamp = parse_stamp_line(line, rules.stamps)
    if stamp is not None:
        return _LineReading("stamp", stamps=(stamp,))
    if is_credit_line(line, rules):
        return _LineReading("credit")
    byline = parse_byline(line, rules)
    if byline is not None:
        # "By Jane Doe | Published 12 Nov 2018": the byline parser skips the stamp; read it.
        tails = line.split(" | ")[1:]
        stamps = tuple(
            st for st in (parse_stamp_line(p, rules.stamps) for p in tails) if st is not None
        )
        return _LineReading("byline", stamps=stamps, bylines=(byline,))
    if " | " in line:
        # "By Jane Doe | Published 12 Nov 2018": each piece is furniture of its own.
        pieces = [p.strip() for p in line.split(" | ") if p.strip()]
        parsed = [(parse_byline(p, rules), parse_stamp_line(p, rules.stamps)) for p in pieces]
        if all(b is not None or st is not None for b, st in parsed):
            return _LineReading(
                "byline",
                stamps=tuple(st for _, st in parsed if st is not None),
                bylines=tuple(b for b, _ in parsed if b is not None),
            )
    if is_role_line(line):
        return _LineReading("byline")  # "Staff Writer" under a name: nothing to keep
    if parse_contributors(line, rules) is not None:
        return _LineReading("contributor")
    return _LineReading(None)


def _furniture(line: str, page: _Page, reader: _LineReader, *, in_body: bool) -> Furniture | None:
    """Read one line as furniture into ``page``; None when it is text."""
    reading = reader.read(line)
    if reading.kind == "hard_footer" and not in_body:
        return "footer"  # a "Most read" box above the story does not end it
    for stamp in reading.stamps:
        page.add_stamp(stamp)
    for byline in reading.bylines:
        page.add_authors(byline.authors)
        page.agency = page.agency or byline.agency
    return reading.kind


def _kind(line: str, reader: _LineReader, *, in_body: bool) -> Furniture | None:
    """The furniture kind of a line, without reading it into a page."""
    kind = reader.read(line).kind
    return "footer" if kind == "hard_footer" and not in_body else kind


def _find_title(lines: list[str], page: _Page, reader: _LineReader) -> int:
    """Read the head of the page; the index of the first line after the title."""
    for index, line in enumerate(lines):
        if _furniture(line, page, reader, in_body=False) is not None:
            continue
        genre = genre_name(line, reader.rules)
        if genre is not None:
            page.genre = page.genre or genre
            continue
        if _words(line) > _TITLE_MAX_WORDS or line.endswith((".", ":")):
            # The page starts with its body: no title (a line ending with a colon introduces
            # what follows: "The spokesman released the following statement:").
            return index
        if (
            _words(line) <= 3
            and split_kicker(line, reader.rules)[0] is None
            and _title_follows(lines, index, reader)
        ):
            continue  # a section label ("World", "North Korea") above the real title
        genre, title = split_kicker(line, reader.rules)
        page.genre = page.genre or genre
        page.title = title
        return index + 1
    return len(lines)


def _title_follows(lines: list[str], index: int, reader: _LineReader) -> bool:
    """Whether a longer headline comes after the short line at ``index`` (past more labels)."""
    for line in lines[index + 1 : index + 6]:
        if _kind(line, reader, in_body=False) is not None or _words(line) <= 3:
            continue
        return is_heading_like(line)
    return False


def _is_deck(line: str, next_line: str | None, repeated: set[str], reader: _LineReader) -> bool:
    """A short headline-like line under the title, before the body."""
    if _words(line) > _DECK_MAX_WORDS or parse_dateline(line, reader.rules) is not None:
        return False
    if is_heading_like(line) or not _SENTENCE_END.search(line):
        return True
    # A full-sentence deck is known by what follows it: more furniture, not the story.
    return next_line is not None and (
        _is_header_furniture(next_line, reader) or next_line in repeated
    )


def _is_header_furniture(line: str, reader: _LineReader) -> bool:
    return (
        _kind(line, reader, in_body=False) is not None
        or split_credit_tail(line, reader.rules)[1] is not None
    )


def _next(lines: list[str], index: int) -> str | None:
    return lines[index + 1] if index + 1 < len(lines) else None


def _read_header(
    lines: list[str], start: int, page: _Page, repeated: set[str], reader: _LineReader
) -> int:
    """Read stamps, bylines, deck and captions; the index where the body starts."""
    rules = reader.rules
    index = start
    while index < len(lines):
        line = lines[index]
        nxt = _next(lines, index)
        if line == page.title or (page.title and split_kicker(line, rules)[1] == page.title):
            index += 1
            continue
        kind = _furniture(line, page, reader, in_body=False)
        if kind == "credit":
            page.add_caption(line)
        elif kind is None:
            if line in repeated and _words(line) <= _CAPTION_MAX_WORDS:
                page.add_caption(line)
            elif nxt is not None and is_credit_line(nxt, rules):
                page.add_caption(f"{line} {nxt}")
                index += 1
            elif (
                split_credit_tail(line, rules)[1] is not None
                and parse_dateline(line, rules) is None
            ):
                page.add_caption(line)
            elif (name := looks_like_name(line, rules)) and (
                nxt is None
                or _is_header_furniture(nxt, reader)
                or parse_dateline(nxt, rules) is not None
            ):
                # A bare name between furniture lines is a byline without "By" (Reuters).
                page.add_authors((name,))
            elif page.subtitle is None and _is_deck(line, nxt, repeated, reader):
                page.subtitle = line
            else:
                return index
        index += 1
    return index


def _last_text_line(lines: list[str], start: int, reader: _LineReader) -> int:
    """Index of the last line that may be a paragraph, before any hard footer."""
    last = -1
    for index in range(start, len(lines)):
        line = lines[index]
        if footer_strength(line, reader.rules) == "hard":
            break
        if not is_heading_like(line) and _kind(line, reader, in_body=True) is None:
            last = index
    return last


def _read_body(
    lines: list[str], start: int, page: _Page, repeated: set[str], reader: _LineReader
) -> None:
    rules = reader.rules
    last_text = _last_text_line(lines, start, reader)
    pending_heading: str | None = None
    seen: set[str] = set()
    index = start
    while index < len(lines):
        line = lines[index]
        nxt = _next(lines, index)
        kind = _furniture(line, page, reader, in_body=True)
        if kind == "hard_footer":
            break
        if kind == "credit":
            page.add_caption(line)
        elif kind is None:
            text, tail = split_credit_tail(line, rules)
            if line in repeated and _words(line) <= _CAPTION_MAX_WORDS:
                page.add_caption(line)
            elif line in seen:
                pass  # a long paragraph the scraper wrote twice: keep the first
            elif (
                nxt is not None
                and is_credit_line(nxt, rules)
                and _words(line) <= _CAPTION_MAX_WORDS
            ):
                page.add_caption(f"{line} {nxt}")
                index += 1
            elif tail is not None and agency_name(tail, rules) and index >= last_text:
                # "... the ministry said. (Yonhap)": the agency signs off the last paragraph.
                page.agency = page.agency or agency_name(tail, rules)
                _add_paragraph(page, text, pending_heading, rules)
                pending_heading = None
            elif tail is not None:
                page.add_caption(line)
            elif is_heading_like(line):
                if not page.paragraphs:
                    # Before the story starts, a short unpunctuated line describes a photo.
                    page.add_caption(line)
                else:
                    # Kept only if a paragraph follows: a heading sits between paragraphs, and
                    # title-like lines after the last one are links to other stories.
                    pending_heading = line
            else:
                _add_paragraph(page, line, pending_heading, rules)
                pending_heading = None
            seen.add(line)
        index += 1


def _add_paragraph(page: _Page, line: str, heading: str | None, rules: FurnitureRules) -> None:
    if not page.paragraphs:
        dateline = parse_dateline(line, rules)
        if dateline is not None:
            page.agency = page.agency or dateline.agency
            line = line[dateline.end :].strip()
            if not line:
                return
    if heading is not None:
        page.headings.append(heading)
    page.paragraphs.append(line)


def _publisher(
    lines: list[str], page: _Page, document: Document, rules: FurnitureRules
) -> str | None:
    # The page's own claim first (its copyright, its contact address), then where it came
    # from, then the agency whose story it is.
    for line in lines:
        if is_copyright_line(line, rules):
            name = publisher_from_copyright(line, rules)
            if name:
                return name
    for line in lines:
        if "@" in line:
            name = publisher_from_emails(line, rules)
            if name:
                return name
    if document.url:
        name = publisher_from_host(document.url, rules)
        if name:
            return name
    return page.agency


# A run of two or more tokens made only of commas or semicolons ("., , ,  , , ,"): what some
# scrapers leave where they joined a page's paragraphs (the KCNA corpus of 2011-12 ends
# every story with one and joins paragraphs with another). Never prose: one comma is, but not
# one straight after a colon ("issued the following statement:, The U.S. ..."): the same
# corpus joins a statement's introduction to its first paragraph so, with a single comma.
_SEPARATOR_RUN = re.compile(r"\s*[,;](?:\s*[,;])+\s*|(?<=:),(?:\s*[,;])*\s+")
# One comma and two or more spaces after the end of a sentence ("... in bulletin No. 1.,  The
# bulletin said:"): the same corpus's join of two paragraphs, 2,805 times in its stories (prose
# puts one space there: "the U.S., Japan and ..."). Read before the spaces are collapsed, and
# rewritten as a run the splitter knows.
_JOIN_COMMA = re.compile(r"(?<=[.!?…'\"’”)\]]),[ \t]{2,}(?=\S)")
# One comma and ONE space after a word's sentence-ending period, before a capital ("... on
# Sunday., They were awarded"): the same join, 723 times in the corpus's stories; unread, it
# glues a statement's introduction to the paragraph before ("... of Vietnam., The
# vice-president said:"). A word whose period is its own ("Co., Ltd.", "Beaumont, Tex.,
# Mr. Trump", "Biden Jr., Defense Secretary", "the U.S., Japan") is prose: the word must hold
# no period and not be one of these abbreviations (AP style's state abbreviations, company
# endings, name suffixes, months and titles; our own list).
_JOIN_COMMA_TIGHT = re.compile(
    r"(?<![\w.'’])(?!(?:Jr|Sr|Co|Inc|Corp|Ltd|LTD|Bros|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill"
    r"|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Vt|Va|Wash"
    r"|Wis|Wyo|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Gen|Col|Lt|Sgt|Gov|Sen|Rep|Rev|Prof|Dr"
    r"|Mr|Mrs|Ms|St|No|Nos|Vol|etc|vs)\.)(?P<word>[A-Za-z][\w'’\"”)\]-]*\.),[ ](?=[\"“]?[A-Z])"
)
_SENTENCE_CLOSE = re.compile(r"[.!?…:]['\"’”)\]]*$")
# The wire's end-of-story mark written after the last sentence ("... on Thursday. -0-"); on
# a line of its own it is a footer (data/footers.tsv).
_END_MARK = re.compile(r"(?<=[.!?…'\"’”)])\s+(?:-0-|-30-|###|\(END\))$")


# A story signed on its last line with no break before the name: "... on Dec. 31. Rodong News
# Team", "... at greater peril. Ri Hyon Do". After the last sentence end, one to four
# capitalised words and no end of sentence: a signature, never prose (a sentence that ends
# without punctuation is a headline, and a headline does not follow ten words of story).
_GLUED_SIGNATURE = re.compile(
    r"(?P<text>(?:\S+\s+){9,}?\S*[.!?…]['\"’”)\]]*)\s+"
    r"(?P<signature>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})$"
)


def _join_paragraphs(raw: str) -> str:
    """The line with the corpus's one-comma paragraph joins written as a run of commas."""
    return _JOIN_COMMA_TIGHT.sub(r"\g<word>, , ", _JOIN_COMMA.sub(", , ", raw))


def split_signature(line: str) -> tuple[str, str | None]:
    """(text, signature) when the line is a paragraph with its author's name glued after the
    last sentence; (line, None) otherwise."""
    m = _GLUED_SIGNATURE.fullmatch(line)
    if m is None or m["signature"][-1:] in ".!?…":
        return line, None
    return m["text"], m["signature"]


def split_scraped_line(line: str) -> list[str]:
    """The line without a trailing run of separator-only tokens or an end-of-story mark,
    cut into paragraphs where such a run follows the end of a sentence ("...Republic., ,
    The message said") or a single comma follows a colon ("The message said:, We ...").
    A run elsewhere inside a sentence is left as written."""
    line = _END_MARK.sub("", line)
    pieces: list[str] = []
    start = 0
    for run in _SEPARATOR_RUN.finditer(line):
        head = line[start : run.start()]
        if run.end() == len(line) or _SENTENCE_CLOSE.search(head):
            pieces.append(head.strip())
            start = run.end()
    pieces.append(line[start:].strip())
    return [piece for piece in pieces if piece]


def extract_text_article(text: str, document: Document, rules: FurnitureRules) -> Article:
    """The clean article of a page given as plain text (see the module docstring), read with
    the furniture tables ``rules`` (``ExtractResources.furniture``)."""
    lines = [
        piece
        for raw in unwrap(text).splitlines()
        for piece in split_scraped_line(normalize_line(_join_paragraphs(raw)))
        if piece
    ]
    if not lines:
        raise ExtractionError(f"no article text found in {document.source}: the page is empty")
    # Only the page's last line can carry its signature; on a line of its own the name is a
    # byline like any other, and the story keeps its last sentence (a one-line story would
    # otherwise read as a headline with no body).
    text_end, signature = split_signature(lines[-1])
    if signature is not None:
        lines[-1:] = [text_end, signature]
    counts = Counter(line for line in lines if len(line) >= _REPEAT_MIN_CHARS)
    repeated = {line for line, n in counts.items() if n > 1}
    page = _Page()
    reader = _LineReader(rules)
    body_start = _read_header(lines, _find_title(lines, page, reader), page, repeated, reader)
    _read_body(lines, body_start, page, repeated, reader)
    if signature is not None and (name := looks_like_name(signature, rules)):
        page.add_authors((name,))
    if not page.paragraphs:
        raise ExtractionError(
            f"no article text found in {document.source}: only page furniture "
            f"({len(lines)} lines, none of them a paragraph)"
        )
    return Article(
        id="",
        source=document.source,
        title=page.title,
        subtitle=page.subtitle,
        genre=page.genre,
        published=page.published,
        modified=page.modified,
        authors=tuple(page.authors),
        publisher=_publisher(lines, page, document, rules),
        language=None,
        captions=tuple(page.captions),
        headings=tuple(page.headings),
        text="\n\n".join(page.paragraphs),
        url=document.url,
        format="text",
    )
