"""Names of works and slogans in quotation marks, and a story's own headline: their words are
no acts reported.

KCNA and wire copy quote the names of poems, films and slogans: 'carried a poem "Accept warm
blessings from all people"', 'the documentary film "The Leader Paid a Visit to ..."', 'holding
high the slogan "Let us defend the Party with our lives"', and of articles and reports: 'carried
an article titled "History will judge the Rohan pact"'. A verb or an event noun inside such a
name is not an event. The title of a statement, an editorial or a resolution ('a statement
titled "The U.S. should stop the drills"') makes a claim: the events it names stay.

A quoted span is a name when a title noun (``data/title_nouns.txt``) stands right before its
opening mark with nothing but a space between, when "titled", "entitled", "headlined" or "under
the title" stands there and the nearest noun before it is no claim's (``data/claim_nouns.txt``),
when it follows another name in a list ('songs "Footsteps" and "Let's Defend the Party"'), or
when it is written in title case (``title_case``).

A story's own headline, when its text opens with it (``headline_end``), tells again what the
body tells: the real-text gold marks no event there.
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
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z-]*)[ \t]*$")
# The words that give a work's title after its noun: 'an article titled "...', 'a write-up under
# the title of "...', 'a speech, titled, "...', 'articles titled the "...'.
_TITLING = re.compile(
    r"\b(?:titled|entitled|headlined|under\s+the\s+(?:sub-?)?title(?:\s+of)?)"
    r"[ \t]*,?[ \t]*(?:the[ \t]+)?$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_WORDS_BACK = 8  # the words before "titled" read for the noun of what is titled
# What joins the names of a list: 'songs "A", "B" and "C"'.
_LIST_JOIN = re.compile(r"\s*(?:,|and|or|, and|, or)\s*")
_BEFORE = 40  # characters read before an opening mark for its title noun
# A headline, perhaps a deck under it, then a blank line.
_HEADER = re.compile(r"[ \t]*\S[^\n]*\n(?:[ \t]*\S[^\n]*\n)?[ \t]*\n")
# The longest headline or deck line: of 840 PolNeAR train first lines all but 3 run to fewer
# than 20 words; a lead paragraph runs longer.
_HEADLINE_MAX_WORDS = 20


def titled_spans(
    parse: ParseIndex, marks: MarkTable, title_nouns: frozenset[str], claim_nouns: frozenset[str]
) -> list[Quoted]:
    """The quoted spans of the text that name a work, a slogan or a theme, or that hold a
    writer's scare quote, in text order."""
    text = parse.text
    names: list[Quoted] = []
    last: Quoted | None = None
    for quoted in find_quoted(text, marks):
        if _is_name(text, quoted, last, title_nouns, claim_nouns):
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


def _is_name(
    text: str,
    quoted: Quoted,
    last: Quoted | None,
    title_nouns: frozenset[str],
    claim_nouns: frozenset[str],
) -> bool:
    if last is not None and _LIST_JOIN.fullmatch(text, last.end, quoted.start):
        return True
    before = max(0, quoted.start - _BEFORE)
    m = _LAST_WORD.search(text, before, quoted.start)
    if m is not None and _listed(m.group(1), title_nouns):
        return True
    titling = _TITLING.search(text, before, quoted.start)
    if titling is not None and _titles_a_work(text, titling.start(), title_nouns, claim_nouns):
        return True
    return title_case(text, quoted.inner_start, quoted.inner_end)


def _titles_a_work(
    text: str, at: int, title_nouns: frozenset[str], claim_nouns: frozenset[str]
) -> bool:
    """Whether the title given at ``at`` ("titled", "under the title") is a work's: the
    nearest noun of a work or of a claim among the words before it decides ('a press
    statement titled': a claim; 'a special write-up on May 2 under the title': a work). With
    neither, the title is a paper's or a broadcast's ('The Gondor Herald said under the
    title', 'the radio reported under the title'): a statement's is written with its noun."""
    words = _WORD.findall(text, max(0, at - _BEFORE * 2), at)
    for word in reversed(words[-_WORDS_BACK:]):
        if _listed(word, claim_nouns):
            return False
        if _listed(word, title_nouns):
            return True
    return True


def _listed(word: str, nouns: frozenset[str]) -> bool:
    """Whether ``word`` or its singular is one of ``nouns`` (hyphens dropped: "write-ups")."""
    word = word.lower().replace("-", "")
    return word in nouns or _singular(word) in nouns


def _singular(word: str) -> str:
    """A title noun's singular ("songs", "slogans")."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def headline_end(text: str) -> int:
    """Where the story's own headline ends in a text given with it, 0 when it has none: the
    one or two short lines before the text's first blank line, a headline and perhaps a deck,
    when the first is written as a title ("Doe Pledges Aid to Ruritania": every long word
    capitalised) or ends with the semicolon that puts a deck under it ("Doe pledges aid;\nThe
    pledge follows talks.").
    A lead paragraph in sentence case ("Doe pledged aid on Monday.") is never taken: a
    cleaned wire story's first paragraph is as short as a headline."""
    m = _HEADER.match(text)
    if m is None or not text[m.end() :].strip():
        return 0
    lines = [line.strip() for line in m.group(0).split("\n") if line.strip()]
    if any(len(line.split()) > _HEADLINE_MAX_WORDS for line in lines):
        return 0
    first = lines[0]
    return m.end() if first.endswith(";") or _all_capitalised(first) else 0


def _all_capitalised(line: str) -> bool:
    """Whether every word of more than three letters in ``line`` is capitalised, as in a
    headline ("Gondor's King Receives First Envoy From Rohan"). Looser, a lead full of names
    would pass ("The delegation of the Gondor Foreign Ministry led by Secretary Aragorn Elessar
    visited Minas Tirith on Monday": 9 of 11)."""
    words = _WORD.findall(line)
    return len(words) >= 3 and all(w[0].isupper() for w in words if len(w) > 3)


def in_name(offset: int, names: Sequence[Quoted]) -> bool:
    """Whether the character at ``offset`` lies inside one of ``names`` (in text order)."""
    i = bisect_right([n.start for n in names], offset) - 1
    return i >= 0 and offset < names[i].end
