"""Quotation marks: pair them, paragraph by paragraph, into quoted spans.

Pairs come from ``data/marks.tsv`` (curly, straight, « », „ ", 「」, the doubled apostrophes
of wire text). Only the outer level counts: single quotes inside double quotes are part of
the quotation. A mark that is never closed is cut at the paragraph end and flagged
``unbalanced``, unless the next paragraph opens with a mark again, which is how a quotation
running over several paragraphs is written; then the pieces are chained with ``continues``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters after which a straight (undirected) mark opens rather than closes.
_OPEN_CONTEXT = frozenset(" \t\n([{—–-/:;")
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Quoted:
    """One quoted span: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    unbalanced: bool = False
    continues: bool = False  # the quotation goes on in the next paragraph's quoted span

    def words(self, text: str) -> int:
        return len(text[self.inner_start : self.inner_end].split())


def _mark_at(text: str, i: int, marks: tuple[str, ...]) -> str | None:
    for mark in marks:  # longest first, so '' wins over '
        if text.startswith(mark, i):
            return mark
    return None


@dataclass(frozen=True, slots=True)
class MarkTable:
    """The quotation-mark pairs, prepared once: which closers each opener takes, the
    openers longest first, and a pattern of every character that can begin a mark."""

    closers_of: dict[str, tuple[str, ...]]  # opening -> its closings, longest first
    openers: tuple[str, ...]  # longest first, so '' wins over '
    candidate: re.Pattern[str]

    @classmethod
    def build(cls, pairs: tuple[tuple[str, str], ...]) -> MarkTable:
        closers: dict[str, set[str]] = {}
        for opening, closing in pairs:
            closers.setdefault(opening, set()).add(closing)
        firsts = {m[0] for pair in pairs for m in pair}
        return cls(
            closers_of={o: tuple(sorted(c, key=len, reverse=True)) for o, c in closers.items()},
            openers=tuple(sorted(closers, key=len, reverse=True)),
            candidate=re.compile("[" + re.escape("".join(sorted(firsts))) + "]"),
        )


def find_quoted(text: str, marks: MarkTable) -> list[Quoted]:
    """Every outer quoted span of ``text``, in order (so their starts and their ends both
    rise). Never raises on unbalanced marks."""
    closers_of, openers = marks.closers_of, marks.openers
    # Jump from one possible mark character to the next (a per-character loop over long
    # articles cost more than the rest of the stage).
    candidate = marks.candidate
    out: list[Quoted] = []
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    for index, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        open_at: int | None = None
        open_mark = ""
        while i < p_end:
            hit = candidate.search(text, i, p_end)
            if hit is None:
                break
            i = hit.start()
            if open_at is None:
                mark = _mark_at(text, i, openers)
                if mark is None:
                    i += 1
                    continue
                toggles = mark in closers_of[mark]
                if toggles and i > p_start and text[i - 1] not in _OPEN_CONTEXT:
                    i += len(mark)  # a straight mark glued to a word: a stray, not an opening
                    continue
                open_at, open_mark = i, mark
                i += len(mark)
                continue
            mark = _mark_at(text, i, closers_of[open_mark])
            if mark is None:
                i += 1
                continue
            if i > open_at + len(open_mark):
                out.append(Quoted(open_at, i + len(mark), open_at + len(open_mark), i))
            open_at = None
            i += len(mark)
        if open_at is not None:
            end = p_end
            while end > open_at and text[end - 1].isspace():
                end -= 1
            inner = open_at + len(open_mark)
            if end > inner:
                nxt = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
                continues = nxt is not None and _mark_at(text, nxt, openers) is not None
                out.append(Quoted(open_at, end, inner, end, not continues, continues))
    return out
