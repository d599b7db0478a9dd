"""Offsets of a story's raw text mapped into the text Parley made of it.

The gold marks offsets in the raw record; Parley's ``article.text`` is that text cleaned (runs
of white space made one, the KCNA ``, , ,`` paragraph joins turned into line breaks, footers
and datelines dropped). The two are aligned word by word: the words (``\\w+``) of each text are
compared with ``difflib.SequenceMatcher`` (no junk heuristic; a few thousand words per story),
and a span maps to the stretch from the first to the last of its characters that found a
partner. Where words differ only by the white space cleaning put in or took out (a scraper's
"ComradeKim Jong Uninvited", Parley's "Comrade Kim Jong Un invited"), the differing stretch
is aligned letter by letter. A span none of whose letters survived the cleaning maps to None.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

__all__ = ["TextMap"]

_WORD = re.compile(r"\w+")
_GAP_MAX = 2000  # characters: longer differing stretches are not aligned letter by letter

Span = tuple[int, int]


class TextMap:
    """Maps spans of ``source`` (the gold's text) into ``target`` (Parley's text)."""

    def __init__(self, source: str, target: str) -> None:
        self.identity = source == target
        self.source, self.target = source, target
        # The target offset of each source character that found a partner.
        self._char: list[int | None] = []
        if self.identity:
            return
        src = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(source)]
        tgt = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(target)]
        self._char = [None] * len(source)
        matcher = SequenceMatcher(None, [w for _, _, w in src], [w for _, _, w in tgt], False)
        for tag, a0, a1, b0, b1 in matcher.get_opcodes():
            if tag == "equal":
                for k in range(a1 - a0):
                    (s0, s1, _), (t0, _, _) = src[a0 + k], tgt[b0 + k]
                    for offset in range(s1 - s0):
                        self._char[s0 + offset] = t0 + offset
            elif tag == "replace":
                self._align_characters(src[a0][0], src[a1 - 1][1], tgt[b0][0], tgt[b1 - 1][1])

    def _align_characters(self, s0: int, s1: int, t0: int, t1: int) -> None:
        """Words that differ only by white space a cleaning step put in or took out
        ("ComradeKim" / "Comrade Kim") are aligned letter by letter."""
        if max(s1 - s0, t1 - t0) > _GAP_MAX:
            return
        a, b = self.source[s0:s1], self.target[t0:t1]
        for block in SequenceMatcher(None, a, b, False).get_matching_blocks():
            for k in range(block.size):
                if a[block.a + k].isalnum():
                    self._char[s0 + block.a + k] = t0 + block.b + k

    def span(self, start: int, end: int) -> Span | None:
        """``[start, end)`` of the source as a span of the target, or None when none of its
        letters is in the target."""
        if self.identity:
            return start, end
        mapped = [i for i in range(start, min(end, len(self._char))) if self._char[i] is not None]
        if not mapped:
            return None
        first, last = mapped[0], mapped[-1]
        new_start = self._char[first]
        last_at = self._char[last]
        assert new_start is not None and last_at is not None
        new_end = last_at + 1
        # Punctuation at the span's edges (a closing quotation mark) comes along when the
        # target has it there too.
        lead = self.source[start:first]
        if lead and self.target[new_start - len(lead) : new_start] == lead:
            new_start -= len(lead)
        trail = self.source[last + 1 : end]
        if trail and self.target[new_end : new_end + len(trail)] == trail:
            new_end += len(trail)
        if new_end <= new_start:
            return None
        return new_start, new_end

    def coverage(self) -> float:
        """The share of the source's word characters that found a partner in the target."""
        if self.identity:
            return 1.0
        letters = [i for i, ch in enumerate(self.source) if ch.isalnum() or ch == "_"]
        if not letters:
            return 1.0
        return sum(self._char[i] is not None for i in letters) / len(letters)
