"""Titles in quotation marks: the names of works, slogans and texts, not words said.

KCNA and wire copy quote the names of poems, films and slogans ('carried a poem "Accept warm
blessings"', 'under the slogan "Let us defend the Party"'), of articles and reports ('an article
titled "History will judge the Rohan pact"') and of texts that make claims ('released the
following press statement "The U.S. should stop the drills"'). One finder serves every stage
that tells them from words said: a title is no statement (quotes), a name in it is no party to
the acts around it, and the acts a work's title names are no events reported (events).

A quoted span of at most ``_MAX_WORDS`` words is a title when a title noun
(``data/title_nouns.tsv``) stands right before its opening mark with only a space between and
it opens with no lower-case letter (one that does is words said of the thing: 'called the
program "worse than amnesty"'); when "titled", "entitled", "headlined" or "(under) the title
(of)" stands there, or a work's noun and "of" or "as" ('on the theme of "...', 'such
slogans as "...'); when it follows another title in a list ('songs "Footsteps" and "Let's
Defend the Party"'), a named one also past a participle that describes it ('poems "A" depicting
the soldiers and "B" ...'); or when it is written in title case (``title_case``), a title no words
name, which may as well be a body's name (``Title.named``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from parley.datafiles import read_rows
from parley.quotes.marks import Quoted

__all__ = ["Title", "TitleNouns", "find_titles", "title_case"]

# The most words a title runs to: a longer span after a noun is a text quoted, not its name.
_MAX_WORDS = 60
_KINDS = ("work", "claim")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
# The word right before an opening mark. Only spaces between: after a colon or a comma the
# quotation is words said ('said in a commentary: "..."').
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z-]*)[ \t]*$")
# The words that give a title: 'an article titled "...', 'a write-up under the title of "...',
# 'a speech, titled, "...', 'articles titled the "...', 'entitled: "...'.
_TITLING = re.compile(
    r"\b(?:titled|entitled|headlined|(?:sub-?)?title(?:\s+of)?)[ \t]*[,:]?[ \t]*(?:the[ \t]+)?$",
    re.IGNORECASE,
)
# A work's noun with "of" or "as" before the mark: 'on the theme of "...', 'under the banner of
# "...', 'such slogans as "...': the name of the theme, not words said.
_WORK_OF = re.compile(r"([A-Za-z][A-Za-z-]*)[ \t]+(?:of|as)[ \t]*$")
# The works so named (not "banner": 'holding high the banner of "..."' is a figure for a cause
# in someone's words, which a quote may be of).
_NAMED_WORKS = frozenset({"theme", "slogan", "motto", "poster", "placard"})
_WORDS_BACK = 8  # the words before "titled" read for the noun of what is titled
_BEFORE = 40  # characters read before an opening mark for its title noun
# A work or a sign shown with its words: 'streamers reading "...', 'a plaque bearing "...',
# 'songs including "...', 'Among the new poems are "...'.
_SHOWN = re.compile(r"([A-Za-z][A-Za-z-]*)[ \t]+(reading|bearing|including|include|are|is)[ \t]*$")
# The words of a sign or an inscription are shown, not said ('letters reading "...' carved or
# printed: the plural is the letters of an inscription, not letters sent).
_SIGNS = frozenset({"streamer", "sign", "signboard", "billboard", "plaque", "inscription"})
_INSCRIBED = frozenset({"reading", "bearing"})
# What joins the titles of a list: 'songs "A", "B" and "C"'.
_LIST_JOIN = re.compile(r"\s*(?:,|and|or|, and|, or)\s*")
# A title described by a participle before the next one: 'poems "A" depicting the soldiers'
# spirit and "B" reflecting ...'. No end mark, colon or quotation mark in the description.
_DESCRIBED_JOIN = re.compile(r",?\s+[a-z]+ing\s[^.?!:;\"“”‘’]{0,200}?,?\s(?:and|or)\s*")


@dataclass(frozen=True, slots=True)
class Title:
    """A quoted span that is a title: its index among the text's quoted spans, the span,
    whether it is the title of a text that makes claims (a statement's, an editorial's), and
    whether words before it name it a title (a title noun, "titled", a list of titles) rather
    than its title case alone: a body's name in marks is written so too ('to condemn the
    "Grand National Party"'), and it may be a party to an act."""

    index: int
    quoted: Quoted
    claim: bool
    named: bool = True


@dataclass(frozen=True, slots=True)
class TitleNouns:
    """The nouns a title follows (``data/title_nouns.tsv``): a work's ("poem", "film",
    "article") and a claim's ("statement", "resolution", "editorial"). A title given by
    "titled" takes the kind of the nearest title noun before it; with none it is a paper's or a
    broadcast's ('The Gondor Herald said under the title'), a work's. A title in a list takes
    the kind of the one before it."""

    works: frozenset[str] = frozenset()
    claims: frozenset[str] = frozenset()

    @classmethod
    def read(cls, path: Path) -> TitleNouns:
        """Read a noun-and-kind table: each line a noun and "work" or "claim"."""
        kinds: dict[str, set[str]] = {kind: set() for kind in _KINDS}
        for row in read_rows(path, 2):
            noun, kind = row.fields[0].lower(), row.fields[1]
            if kind not in kinds:
                raise row.fail(f"unknown kind {kind!r} (one of {', '.join(_KINDS)})")
            if not noun.isalpha():
                raise row.fail(f"expected one noun, got {noun!r}")
            kinds[kind].add(noun)
        return cls(frozenset(kinds["work"]), frozenset(kinds["claim"]))

    def kind(self, word: str) -> str | None:
        """ "work", "claim" or None for ``word`` or its singular ("songs", "write-ups")."""
        word = word.lower().replace("-", "")
        for form in (word, _singular(word)):
            if form in self.works:
                return "work"
            if form in self.claims:
                return "claim"
        return None


def find_titles(text: str, quoted: Sequence[Quoted], nouns: TitleNouns) -> list[Title]:
    """The titles among the quoted spans of ``text`` (all of them, in order), in order."""
    titles: list[Title] = []
    last: Title | None = None
    for i, span in enumerate(quoted):
        last = _title(text, i, span, last, nouns)
        if last is not None:
            titles.append(last)
    return titles


def _title(text: str, i: int, span: Quoted, last: Title | None, nouns: TitleNouns) -> Title | None:
    """Quoted span ``i`` as a title, or None; ``last``: the span before it, if a title."""
    if span.words(text) > _MAX_WORDS:
        return None
    if last is not None and _LIST_JOIN.fullmatch(text, last.quoted.end, span.start):
        return Title(i, span, last.claim, last.named)
    if (
        last is not None
        and last.named
        and _DESCRIBED_JOIN.fullmatch(text, last.quoted.end, span.start)
        and text[span.inner_start : span.inner_end].lstrip()[:1].isupper()
    ):
        return Title(i, span, last.claim)
    before = max(0, span.start - _BEFORE)
    m = _LAST_WORD.search(text, before, span.start)
    kind = nouns.kind(m.group(1)) if m is not None else None
    if kind is not None and not text[span.inner_start : span.inner_end].lstrip()[:1].islower():
        return Title(i, span, kind == "claim")
    named = _WORK_OF.search(text, before, span.start)
    if named is not None and _singular(named.group(1).lower()) in _NAMED_WORKS:
        return Title(i, span, claim=False)
    if _shown(text, before, span, nouns):
        return Title(i, span, claim=False)
    titling = _TITLING.search(text, before, span.start)
    if titling is not None:
        return Title(i, span, _titled_claim(text, titling.start(), nouns))
    if title_case(text, span.inner_start, span.inner_end):
        return Title(i, span, claim=False, named=False)
    return None


def _shown(text: str, before: int, span: Quoted, nouns: TitleNouns) -> bool:
    """Whether the words before ``span`` show it as a work's name or a sign's words ('songs
    including "...', 'Among the new poems are "...', 'streamers reading "...', 'letters
    reading "...'), its first letter no lower-case one ('the plan is "worse than useless"' is
    words said of the plan)."""
    m = _SHOWN.search(text, before, span.start)
    if m is None or text[span.inner_start : span.inner_end].lstrip()[:1].islower():
        return False
    noun, verb = m.group(1).lower(), m.group(2).lower()
    if nouns.kind(noun) == "work":
        return True
    return verb in _INSCRIBED and (noun == "letters" or _singular(noun) in _SIGNS)


def _titled_claim(text: str, at: int, nouns: TitleNouns) -> bool:
    """Whether the title given at ``at`` ("titled", "under the title") is a claim's: the
    nearest title noun among the words before it decides ('a press statement titled': a
    claim's; 'a special write-up on May 2 under the title': a work's); with none, a work's."""
    words = _LATIN_WORD.findall(text, max(0, at - _BEFORE * 2), at)
    for word in reversed(words[-_WORDS_BACK:]):
        kind = nouns.kind(word)
        if kind is not None:
            return kind == "claim"
    return False


def _singular(word: str) -> str:
    """A title noun's singular ("songs", "slogans", "stories")."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def title_case(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is written as a title: at least three words, the first
    capitalised, and most of those longer than three letters capitalised ("The Great Leader
    Will Always Be with Us")."""
    words: list[str] = _WORD.findall(text, start, end)
    if len(words) < 3 or not words[0][0].isupper():
        return False
    long: list[str] = [w for w in words if len(w) > 3]
    capital = sum(1 for w in long if w[0].isupper())
    return capital >= 2 and capital >= 0.75 * len(long)
