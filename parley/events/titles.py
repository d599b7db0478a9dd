"""The quoted spans whose words are no acts reported, and a story's own headline.

A verb or an event noun inside the name of a work or a slogan in marks ('carried a poem "Accept
warm blessings"', 'an article titled "History will judge the Rohan pact"') is not an event; the
title of a statement, an editorial or a resolution makes a claim ('a statement titled "The U.S.
should stop the drills"'): the events it names stay (``parley.quotes.titles`` finds both). A
scare quote (``_scare_quote``) names no act either. A story's own headline, when its text opens
with it (``headline_end``), tells again what the body tells: the real-text gold marks no event
there.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from parley.nlp.index import ParseIndex
from parley.quotes.drafts import FINITE_TAGS, NAME_WORDS, UTTERANCE_MARKS
from parley.quotes.marks import Quoted
from parley.quotes.titles import Title

_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
# A headline, perhaps a deck under it, then a blank line.
_HEADER = re.compile(r"[ \t]*\S[^\n]*\n(?:[ \t]*\S[^\n]*\n)?[ \t]*\n")
# The longest headline or deck line: of 840 PolNeAR train first lines all but 3 run to fewer
# than 20 words; a lead paragraph runs longer.
_HEADLINE_MAX_WORDS = 20


def unreported_spans(
    parse: ParseIndex, quoted: Sequence[Quoted], titles: Sequence[Title]
) -> list[Quoted]:
    """The quoted spans of the text (``quoted``, all of them) that name a work, a slogan or a
    theme (the ``titles`` that are no claim's), or that hold a writer's scare quote, in text
    order."""
    works = {t.index for t in titles if not t.claim}
    return [q for i, q in enumerate(quoted) if i in works or _scare_quote(parse, q)]


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


def name_at(offset: int, names: Sequence[Quoted]) -> Quoted | None:
    """The one of ``names`` (in text order) that the character at ``offset`` lies inside."""
    i = bisect_right([n.start for n in names], offset) - 1
    return names[i] if i >= 0 and offset < names[i].end else None
