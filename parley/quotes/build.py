"""The last step: drafts become ``Quote`` records, with their speaker, date and venue.

``date`` is the value of a DATE time expression in the statement's sentence, outside what
was said and nearest the cue, never the publication date; ``venue`` is where the statement
was made when the sentence says so.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from parley.nlp.index import ParseIndex
from parley.quotes.drafts import Draft
from parley.quotes.lexicon import Lexicon
from parley.records import Entity, Quote, Timex

__all__ = ["DateFinder", "build_quote", "quote_text"]


class DateFinder:
    """The calendar DATE expressions of one article by where they start, so a sentence's
    dates are a bisection away (a scan of every timex for every quote was quadratic)."""

    def __init__(self, timexes: tuple[Timex, ...]) -> None:
        dates = [
            (t.start, n, t)
            for n, t in enumerate(timexes)
            if t.type == "DATE" and t.value[:1].isdigit()  # not PRESENT_REF and the like
        ]
        dates.sort(key=lambda item: item[:2])
        self.starts = [s for s, _, _ in dates]
        self.dates = [(n, t) for _, n, t in dates]

    def date(self, sentence: tuple[int, int], draft: Draft) -> str | None:
        """A DATE of the statement's own sentence, outside what was said; the nearest to
        the cue (the first in the time stage's order among equals)."""
        lo, hi = sentence
        if draft.cue is None:
            return None
        cue_at = draft.cue[0]
        best: tuple[int, int, str] | None = None
        for k in range(bisect_left(self.starts, lo), bisect_right(self.starts, hi)):
            n, t = self.dates[k]
            if t.end <= hi and _outside_content(draft, t.start, t.end):
                key = (abs(t.start - cue_at), n, t.value)
                if best is None or key < best:
                    best = key
        return best[2] if best is not None else None


def build_quote(
    n: int,
    draft: Draft,
    parse: ParseIndex,
    speaker: Entity | None,
    dates: DateFinder,
    lex: Lexicon,
) -> Quote:
    """Quote ``q<n>`` from a finished draft."""
    text = parse.text
    start, end = draft.start, draft.end
    sentence = parse.clipped_sentence_at(draft.anchor)
    return Quote(
        id=f"q{n}",
        text=quote_text(text, draft.content),
        kind=draft.kind,  # type: ignore[arg-type]
        speaker=speaker.id if speaker is not None else None,
        speaker_text=text[draft.source[0] : draft.source[1]] if draft.source else None,
        speaker_span=draft.source,
        cue=text[draft.cue[0] : draft.cue[1]] if draft.cue else None,
        cue_span=draft.cue,
        date=None if draft.inherited else dates.date(sentence, draft),
        venue=_venue(text, sentence, draft, lex),
        start=start,
        end=end,
        fragments=tuple(draft.content),
        cue_lemma=draft.cue_lemma,
        unbalanced=draft.unbalanced,
        act=draft.act,
    )


def quote_text(text: str, fragments: list[tuple[int, int]]) -> str:
    """What was said: the content's fragments in order. Between two fragments, only spaces
    and punctuation are kept as written (a statement block's paragraph breaks); words there
    are the attribution that interrupts the quote ("“A,” he said, “B.”" gives "“A,” “B.”"),
    which is not part of what was said, so one space stands in for them."""
    pieces = sorted(fragments)
    if not pieces:
        return ""
    out = [text[pieces[0][0] : pieces[0][1]]]
    reached = pieces[0][1]
    for start, end in pieces[1:]:
        if end <= reached:
            continue  # a fragment inside an earlier one adds nothing
        start = max(start, reached)
        gap = text[reached:start]
        out.append(gap if not any(ch.isalnum() for ch in gap) else " ")
        out.append(text[start:end])
        reached = end
    return "".join(out)


def _outside_content(draft: Draft, start: int, end: int) -> bool:
    return not any(s <= start and end <= e for s, e in draft.content)


def _venue(text: str, sentence: tuple[int, int], draft: Draft, lex: Lexicon) -> str | None:
    """ "press conference", "opinion piece in the Washington Post", "the Voice of America"."""
    if draft.cue is None:
        return None
    if draft.addressee is not None:
        words = text[draft.addressee[0] : draft.addressee[1]]
        if any(w.strip("(),") in lex.media_words for w in words.split()):
            return words.rstrip(",")
    lo, hi = sentence
    lowered = text[lo:hi].lower()
    for phrase, venue in lex.venues:
        at = _find_word(lowered, phrase)
        if at < 0 or not _outside_content(draft, lo + at, lo + at + len(phrase)):
            continue
        rest = text[lo + at + len(phrase) : hi]
        after = rest.split()
        # "an opinion piece that ran in the Washington Post": name the outlet too.
        for i, w in enumerate(after[:6]):
            if w == "in" and i + 1 < len(after):
                name = _capitalised_run(after[i + 1 :])
                if name:
                    return f"{venue} in {name}"
        return venue
    return None


def _find_word(haystack: str, phrase: str) -> int:
    start = 0
    while True:
        at = haystack.find(phrase, start)
        if at < 0:
            return -1
        before = haystack[at - 1] if at else " "
        after_i = at + len(phrase)
        after = haystack[after_i] if after_i < len(haystack) else " "
        if not before.isalnum() and not after.isalnum():
            return at
        start = at + 1


def _capitalised_run(words: list[str]) -> str:
    out: list[str] = []
    for i, w in enumerate(words):
        bare = w.strip(",.;:")
        if i == 0 and bare.lower() == "the":
            out.append(bare)
            continue
        if not bare or not bare[0].isupper():
            break
        out.append(bare)
        if bare != w:
            break
    return " ".join(out) if len(out) > (1 if out and out[0].lower() == "the" else 0) else ""
