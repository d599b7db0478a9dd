"""Hard-wrapped plain text: lines broken at a fixed width joined back into paragraphs.

The text extractor reads one non-blank line as one unit, as a scraper writes a paragraph per
line. Text saved from e-mail, a terminal or a wire feed is often wrapped at a fixed width
(60 to 80 characters) instead, with a blank line or an indent between paragraphs; read line
by line, a wrapped paragraph's lines looked like headlines and captions (no final full stop)
and were dropped from the body.

``unwrap(text)`` joins such lines back, and changes nothing on a page that is not wrapped.
The page is wrapped when its longest line is a plausible wrap width (``MAX_WIDTH`` at most),
at least ``MIN_FULL`` lines, most of those followed by another line, are filled to near
that width, and most of those end inside a sentence (a page of one sentence or paragraph
per line has lines of even length too, each ending a sentence). Then a line is joined to
the next line of its block when the next line's first word would not have fitted after it
within the width: the writer's tool broke the line, not the writer (a title, a short last
line, a list item and a line followed by an indented one are kept as they are). A word
broken with a hyphen at the wrap ("denuclear-" + "ization") is joined without a space,
keeping the hyphen.
"""

from __future__ import annotations

import re
from itertools import pairwise

__all__ = ["MAX_WIDTH", "MIN_FULL", "unwrap"]

MAX_WIDTH = 160  # a longer longest line is a paragraph per line, not a wrap width
MIN_FULL = 3  # lines filled to the width, at the least, for a page to count as wrapped
_NEAR = 0.75  # "filled": at least this share of the width
_LIST_ITEM = re.compile(r"^\s*(?:[-*•▪–—]\s|\d{1,3}[.)]\s|\([a-z0-9]\)\s)")
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_SENTENCE_END = re.compile(r"[.!?…:;]['\"’”)\]]*$")


def unwrap(text: str) -> str:
    """``text`` with its hard-wrapped paragraphs each on one line (see the module)."""
    lines = text.splitlines()
    width = _wrap_width(lines)
    if width is None:
        return text
    out: list[str] = []
    before = ""  # the line before, as written (out[-1] may hold it joined to earlier ones)
    for line in lines:
        if before.strip() and line.strip() and _wrapped(before, line, width):
            joined = out[-1].rstrip()
            glue = "" if _HYPHENATED.search(joined) and line.lstrip()[:1].islower() else " "
            out[-1] = joined + glue + line.strip()
        else:
            out.append(line)
        before = line
    return "\n".join(out)


def _wrap_width(lines: list[str]) -> int | None:
    """The page's wrap width, or None when the page is not hard-wrapped."""
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if not lengths:
        return None
    width = max(lengths)
    if width > MAX_WIDTH or width < 30:
        return None
    followed = [
        line.rstrip()
        for line, nxt in pairwise(lines)
        if line.strip() and nxt.strip()
    ]
    full = [line for line in followed if len(line) >= _NEAR * width]
    if len(full) < MIN_FULL or len(full) * 2 < len(followed):
        return None
    # A wrap falls inside a sentence far more often than at its end; lines that each end a
    # sentence are paragraphs (or sentences) one per line, however even their lengths.
    inside = [line for line in full if not _SENTENCE_END.search(line)]
    if len(inside) < MIN_FULL - 1 or len(inside) * 2 < len(full):
        return None
    return width


def _wrapped(line: str, nxt: str, width: int) -> bool:
    """Whether the break between ``line`` and ``nxt`` (same block) is the wrap's."""
    if _indent(nxt) > _indent(line) or _LIST_ITEM.match(nxt):
        return False  # a new paragraph, or an item of a list
    first = nxt.split(None, 1)[0]
    return len(line.rstrip()) + 1 + len(first) > width


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())
