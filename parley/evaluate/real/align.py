"""Offsets of a story's raw text mapped into the text Parley made of it.

The gold marks offsets in the raw record; Parley's ``article.text`` is that text cleaned (runs
of white space made one, the KCNA ``, , ,`` paragraph joins turned into line breaks, footers
and datelines dropped). The two are aligned word by word: the words (``\\w+``) of each text are
compared with ``difflib.SequenceMatcher`` (no junk heuristic; a few thousand words per story),
and a span maps to the stretch from the first to the last of its words that found a partner.
A span none of whose words survived the cleaning maps to None.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from difflib import SequenceMatcher

__all__ = ["TextMap"]

_WORD = re.compile(r"\w+")

Span = tuple[int, int]


class TextMap:
    """Maps spans of ``source`` (the gold's text) into ``target`` (Parley's text)."""

    def __init__(self, source: str, target: str) -> None:
        self.identity = source == target
        self.source, self.target = source, target
        src = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(source)]
        tgt = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(target)]
        self._src_starts = [s for s, _, _ in src]
        self._src_ends = [e for _, e, _ in src]
        self._tgt = [(s, e) for s, e, _ in tgt]
        self._partner: list[int | None] = [None] * len(src)
        if self.identity:
            self._partner = list(range(len(src)))
            return
        matcher = SequenceMatcher(None, [w for _, _, w in src], [w for _, _, w in tgt], False)
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                self._partner[block.a + k] = block.b + k

    def span(self, start: int, end: int) -> Span | None:
        """``[start, end)`` of the source as a span of the target, or None when none of its
        words is in the target. Offsets inside a word keep their distance from its edges."""
        if self.identity:
            return start, end
        first = bisect_right(self._src_ends, start)  # first word ending after start
        last = bisect_left(self._src_starts, end) - 1  # last word starting before end
        matched = [i for i in range(first, last + 1) if self._partner[i] is not None]
        if not matched:
            return None
        i, j = matched[0], matched[-1]
        pi, pj = self._partner[i], self._partner[j]
        assert pi is not None and pj is not None
        new_start = self._tgt[pi][0] + max(0, start - self._src_starts[i])
        new_end = self._tgt[pj][1] - max(0, self._src_ends[j] - end)
        # Punctuation at the span's edges (a closing quotation mark) comes along when the
        # target has it there too.
        lead = self.source[start : self._src_starts[i]]
        if lead and self.target[new_start - len(lead) : new_start] == lead:
            new_start -= len(lead)
        trail = self.source[self._src_ends[j] : end]
        if trail and self.target[new_end : new_end + len(trail)] == trail:
            new_end += len(trail)
        if new_end <= new_start:
            return None
        return new_start, new_end

    def coverage(self) -> float:
        """The share of the source's words that found a partner in the target."""
        if not self._partner:
            return 1.0
        return sum(p is not None for p in self._partner) / len(self._partner)
