"""The words around an expression: its sentence, and whether they lean forward in time.

Sentences come from the parse when the caller has one (``sentences=``, the character bounds
of the parse's sentences), so every stage agrees on them; otherwise from a regex splitter.
Either way they become a sorted list of cuts, looked up by bisection.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Literal

from parley.time.state import State

# A stop, its spaces and a capital or quote next, or a line break. Written to start with a
# plain class (not an alternation), which re can skip ahead by; the same matches as
# r"[.!?]\s+(?=[A-Z\"'])|\n".
SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)|\s+(?=[A-Z\"']))")
_WORD = re.compile(r"[a-z']+")
_QUOTE_MARK = re.compile(r"\"|''|``|[\u201c\u201d]")
_CUE_LOOKAHEAD = 12  # characters past the window a cue's own condition may read ("due to the")
_CUE_WINDOW = 60  # characters each side of an expression that may hold its tense cue
Lean = Literal["forward", "past"] | None
_SINCE = re.compile(r"\b(?:since|ever\s+since)\s+$", re.I)
# A plan told in the past perfect lay in the past: "had been due to expire Friday", "had been
# scheduled to open Monday". The forward cues after it say nothing of when the day is.
_PAST_PLAN = re.compile(
    r"\bhad\s+(?:been\s+)?(?:\w+ly\s+)?(?:due|scheduled|set|expected|planned|supposed|slated|"
    r"meant|intended)\b"
)


_PAST_AUX = frozenset({"was", "were"})


def _carries(piece: str, at: int, spans: list[tuple[int, int]]) -> bool:
    """True when a forward cue's span starts at the next word after offset ``at``."""
    rest = piece[at:]
    nxt = at + len(rest) - len(rest.lstrip())
    return nxt > at and any(a == nxt for a, _ in spans)


def sentence_cuts(text: str, sentences: Sequence[tuple[int, int]] | None) -> list[int]:
    """The sentence boundaries of ``text``, ascending: where a sentence starts or ends.

    With no ``sentences`` given, the regex splitter's cuts (each where the next sentence
    starts)."""
    if sentences is None:
        return [m.end() for m in SENTENCE_END.finditer(text)]
    return sorted({offset for bounds in sentences for offset in bounds})


def sentence_around(state: State, start: int, end: int) -> tuple[int, int]:
    """From the last cut at or before ``start`` to the first at or after ``end`` (the text's
    ends when there is none): the sentence of the expression, or the sentences it spans."""
    cuts = state.cuts
    before = bisect_right(cuts, start)
    after = bisect_left(cuts, end)
    begin = cuts[before - 1] if before else 0
    finish = cuts[after] if after < len(cuts) else len(state.text)
    return begin, finish


def after_since(state: State, start: int) -> bool:
    """True when "since" governs the expression: "since March" is a time something has lasted
    from, so behind the publication whatever the verbs around say ("has been on patrol since
    March and was scheduled to return")."""
    return bool(_SINCE.search(state.text, max(0, start - 12), start))


def leans_forward(state: State, start: int, end: int) -> bool:
    """True when a forward cue is nearer the expression than any past cue (see ``lean``)."""
    return lean(state, start, end) == "forward"


def lean(state: State, start: int, end: int) -> Lean:
    """ "forward" when a forward cue is nearer the expression than any past cue, "past" when
    a past cue is nearer than any forward cue, None when there is neither.

    Only the words close to the expression count (the clause that governs it, roughly): a
    "will" three clauses away says nothing about "Friday". Past-tense verbs (words in
    ``past_cues.txt`` and other words in -ed that are not forward cues) pin it to the past,
    and so does a "since" right before it.
    """
    if after_since(state, start):
        return "past"
    begin, finish = sentence_around(state, start, end)
    left = max(begin, start - _CUE_WINDOW)
    right = min(finish, end + _CUE_WINDOW // 2)
    # A quotation mark parts a quote from its attribution: the "said" after a quote says
    # nothing of when the speaker's "4 a.m. Thursday" is, nor do the quote's words of a date
    # outside it.
    mark = _QUOTE_MARK.search(state.text, end, right)
    if mark is not None:
        right = mark.start()
    for mark in _QUOTE_MARK.finditer(state.text, left, start):
        left = mark.end()
    nearest_forward: int | None = None
    nearest_past: int | None = None
    for lo, hi in ((left, start), (end, right)):
        piece = state.text[lo:hi].lower()
        spans: list[tuple[int, int]] = []
        # A few characters past the window, for what a cue must not stand before ("due to
        # the cold"); a cue itself must end inside the window.
        reach = state.text[lo : hi + _CUE_LOOKAHEAD].lower()
        plan = _PAST_PLAN.search(piece) if hi == start else None
        for m in state.forward.finditer(reach):
            if m.end() > hi - lo:
                break
            spans.append(m.span())
            if plan is not None and m.start() >= plan.start():
                continue
            dist = start - (lo + m.end()) if hi == start else lo + m.start() - end
            nearest_forward = dist if nearest_forward is None else min(nearest_forward, dist)
        previous = ""
        for m in _WORD.finditer(piece):
            word, before = m.group(0), previous
            previous = word
            if any(a <= m.start() < b for a, b in spans):
                continue
            # A participle after "be" is a passive of a time not yet past or of none: "will
            # be held on Tuesday", "is to be enforced from Thursday", "to be named in March".
            if before == "be":
                continue
            # A past "be" that carries a forward cue is part of it: "were planning a march on
            # Saturday", "was expected to sign Friday" tell a plan, not a past act.
            if word in _PAST_AUX and _carries(piece, m.end(), spans):
                continue
            # A word in -ed is a past verb unless written with a capital: "United",
            # "Mohammed" are names.
            past_form = len(word) > 4 and word.endswith("ed")
            past_form = past_form and state.text[lo + m.start()].islower()
            if word in state.lex.past_cues or past_form:
                dist = start - (lo + m.end()) if hi == start else lo + m.start() - end
                nearest_past = dist if nearest_past is None else min(nearest_past, dist)
    if nearest_forward is not None and (nearest_past is None or nearest_forward < nearest_past):
        return "forward"
    return None if nearest_past is None else "past"
