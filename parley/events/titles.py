"""Names of works and slogans in quotation marks: their words are no acts reported.

KCNA and wire copy quote the names of poems, films and slogans: 'carried a poem "Accept warm
blessings from all people"', 'the documentary film "The Leader Paid a Visit to ..."', 'holding
high the slogan "Let us defend the Party with our lives"'. A verb or an event noun inside such a
name is not an event. The title of a statement, an article or a resolution ('a statement
titled "The U.S. should stop the drills"') makes a claim: the events it names stay.

A quoted span is a name when a title noun (``data/title_nouns.txt``) stands right before its
opening mark with nothing but a space between, when it follows another name in a
list ('songs "Footsteps" and "Let's Defend the Party"'), or when it is written in title case
(``title_case``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from parley.nlp.index import ParseIndex
from parley.quotes.drafts import FINITE_TAGS, NAME_WORDS, UTTERANCE_MARKS, title_case
from parley.quotes.marks import MarkTable, Quoted, find_quoted

# The word right before an opening mark. Only spaces between: after a colon or a comma the
# quotation is words said ('said in a commentary: "..."').
_LAST_WORD = re.compile(r"([A-Za-z]+)[ \t]*$")
# What joins the names of a list: 'songs "A", "B" and "C"'.
_LIST_JOIN = re.compile(r"\s*(?:,|and|or|, and|, or)\s*")
_BEFORE = 40  # characters read before an opening mark for its title noun


def titled_spans(parse: ParseIndex, marks: MarkTable, title_nouns: frozenset[str]) -> list[Quoted]:
    """The quoted spans of the text that name a work, a slogan or a theme, or that hold a
    writer's scare quote, in text order."""
    text = parse.text
    names: list[Quoted] = []
    last: Quoted | None = None
    for quoted in find_quoted(text, marks):
        if _is_name(text, quoted, last, title_nouns):
            names.append(quoted)
            last = quoted
        else:
            last = None
            if _scare_quote(parse, quoted):
                names.append(quoted)
    return names


def _scare_quote(parse: ParseIndex, quoted: Quoted) -> bool:
    """Whether a quoted span is a phrase the writer holds at a distance inside their own
    sentence, not words said: 'to use the "summit" as a card', 'showing off food "aid"',
    'cried out for "slapping more stringent sanctions"'. Running words stand right before
    its opening mark (no colon or comma that introduces speech), and it is a short phrase:
    at most eight words, no punctuation of an utterance, no finite verb."""
    text = parse.text
    k = quoted.start
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k == 0 or not text[k - 1].isalnum():
        return False
    inner = text[quoted.inner_start : quoted.inner_end]
    if len(inner.split()) > NAME_WORDS or any(ch in UTTERANCE_MARKS for ch in inner):
        return False
    lo = bisect_left(parse.token_starts, quoted.inner_start)
    hi = bisect_left(parse.token_starts, quoted.inner_end)
    return not any(parse.tags[t] in FINITE_TAGS for t in range(lo, hi))


def _is_name(text: str, quoted: Quoted, last: Quoted | None, title_nouns: frozenset[str]) -> bool:
    if last is not None and _LIST_JOIN.fullmatch(text, last.end, quoted.start):
        return True
    m = _LAST_WORD.search(text, max(0, quoted.start - _BEFORE), quoted.start)
    if m is not None:
        word = m.group(1).lower()
        if word in title_nouns or _singular(word) in title_nouns:
            return True
    return title_case(text, quoted.inner_start, quoted.inner_end)


def _singular(word: str) -> str:
    """A title noun's singular ("songs", "slogans")."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def in_name(offset: int, names: Sequence[Quoted]) -> bool:
    """Whether the character at ``offset`` lies inside one of ``names`` (in text order)."""
    i = bisect_right([n.start for n in names], offset) - 1
    return i >= 0 and offset < names[i].end
