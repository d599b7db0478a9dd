"""When: the date of a time expression governing the event's clause, else the publication date.

"During a press conference ... on Nov. 9, Pompeo urged" is dated by "Nov. 9" (it sits in the
clause of "urged"); "Trump said on Nov. 7 that ..." dates the reported event by the saying when
the reported clause names no date of its own. A time expression inside another clause (a
relative clause, a quotation) does not date this event.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from parley.records import Timex

# Clauses that carry their own time: left out of the trigger's clause.
OTHER_CLAUSE_DEPS = frozenset({"ccomp", "relcl", "parataxis", "conj", "advcl", "acl", "csubj"})
# Links through which an event takes the date of the clause that governs it.
INHERIT_DEPS = frozenset({"ccomp", "xcomp", "conj", "advcl", "pcomp", "pobj", "prep", "dobj"})
DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2}|-Q\d)?$")
MAX_HOPS = 4


def clause_tokens(head: Token) -> set[int]:
    """Indices of the tokens in ``head``'s own clause."""
    out: set[int] = set()
    stack = [head]
    while stack:
        token = stack.pop()
        out.add(token.i)
        stack.extend(c for c in token.children if c.dep_ not in OTHER_CLAUSE_DEPS)
    return out


def timex_heads(doc: Doc, timexes: Sequence[Timex]) -> list[tuple[int, Timex]]:
    """Each dated time expression with the index of a token it covers."""
    out: list[tuple[int, Timex]] = []
    for timex in timexes:
        if timex.type not in ("DATE", "TIME") or not DATE_VALUE.match(timex.value[:10]):
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.root.i, timex))
    return sorted(out, key=lambda item: item[0])


def heads_between(
    heads: Sequence[tuple[int, Timex]], positions: Sequence[int], start: int, end: int
) -> Sequence[tuple[int, Timex]]:
    """The time expressions whose head token lies in [start, end) (a sentence): an event's
    clause never reaches outside its sentence, so only these can date it. ``heads`` are in
    token order and ``positions`` are their head tokens."""
    return heads[bisect_left(positions, start) : bisect_left(positions, end)]


def _date_in(tokens: set[int], heads: Iterable[tuple[int, Timex]], near: int) -> str | None:
    inside = [(abs(i - near), timex) for i, timex in heads if i in tokens]
    if not inside:
        return None
    value = min(inside, key=lambda item: item[0])[1].value
    return value[:10] if len(value) >= 10 else value


def find_date(
    trigger: Token,
    extra_heads: Sequence[Token],
    heads: Sequence[tuple[int, Timex]],
    published: str | None,
) -> tuple[str | None, str | None]:
    """(date, "text" | "published") for the event whose trigger this is."""
    if heads:
        tokens = clause_tokens(trigger)
        for head in extra_heads:  # the actor phrases: "a Nov. 2 column ... that warned"
            tokens |= clause_tokens(head)
        found = _date_in(tokens, heads, trigger.i)
        token = trigger
        hops = 0
        while found is None and hops < MAX_HOPS and token.dep_ in INHERIT_DEPS:
            token = token.head
            hops += 1
            found = _date_in(clause_tokens(token), heads, token.i)
        if found is not None:
            return found, "text"
    if published:
        return published[:10], "published"
    return None, None
