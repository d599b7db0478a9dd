"""Citations: the articles a brief cites, read once per brief, and their passages.

``Sources(con)`` holds the cited articles' rows for one brief (a plain attribute of the
object, not a module cache). ``cite(article_id, start, end, evidence)`` makes a
``Citation`` whose passage is the article's own text at those offsets; ``excerpt`` cuts a
long passage at a word boundary and marks the cut with an ellipsis, so what a sentence quotes
is always a verbatim stretch of the stored text (white space folded).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from parley.brief.model import Citation, Evidence
from parley.brief.queries import article_rows

if TYPE_CHECKING:
    import duckdb

__all__ = [
    "ELLIPSIS",
    "Sources",
    "excerpt",
    "excerpt_around",
    "fold",
    "sentence_around",
    "unquoted",
]

ELLIPSIS = "…"
QUOTE_LIMIT = 320  # characters of a quoted passage in a sentence
PASSAGE_LIMIT = 600  # characters of a passage shown beside a citation


def fold(text: str) -> str:
    """White space folded to single spaces (stored sentences keep the text's line breaks)."""
    return " ".join(text.split())


def excerpt(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` folded, cut to at most ``limit`` characters at a word boundary (the cut
    marked with an ellipsis)."""
    text = fold(text)
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + ELLIPSIS


_OPENING = "“\"‘'"
_CLOSING = "”\"’'"


def unquoted(text: str) -> str:
    """A passage without the quotation marks around it (the brief puts its own around it):
    '"We will not stop it,"' -> 'We will not stop it'."""
    inner = text.strip()
    if len(inner) > 2 and inner[0] in _OPENING and inner[-1] in _CLOSING:
        inner = inner[1:-1].rstrip(" ,")
    return inner


def excerpt_around(text: str, start: int, end: int, limit: int = QUOTE_LIMIT) -> str:
    """Like ``excerpt``, but when ``text`` is too long the words kept are those around
    ``text[start:end]`` (an event's trigger): cuts on either side are marked."""
    if len(fold(text)) <= limit or not 0 <= start < end <= len(text):
        return excerpt(text, limit)
    half = max(0, (limit - (end - start)) // 2)
    left = max(0, start - half)
    right = min(len(text), left + limit)
    left = max(0, min(left, right - limit))
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    inner = fold(text[left:right]).strip(" ,;:")
    return (ELLIPSIS if left > 0 else "") + inner + (ELLIPSIS if right < len(text) else "")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of the sentence holding ``text[start:end]``: from the end of the
    previous sentence (or line) to the end of this one."""
    left = 0
    for mark in (". ", "? ", "! ", "\n"):
        found = text.rfind(mark, 0, start)
        if found >= 0:
            left = max(left, found + len(mark))
    right = len(text)
    for mark in (". ", "? ", "! ", "\n"):
        found = text.find(mark, end)
        if found >= 0:
            right = min(right, found + (1 if mark != "\n" else 0))
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return left, right


class Sources:
    """The articles one brief cites."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.articles: dict[str, dict[str, Any]] = {}

    def load(self, ids: list[str]) -> None:
        missing = sorted({i for i in ids if i not in self.articles})
        for row in article_rows(self.con, missing):
            self.articles[row["article_id"]] = row

    def article(self, article_id: str) -> dict[str, Any]:
        if article_id not in self.articles:
            self.load([article_id])
        return self.articles[article_id]

    def text(self, article_id: str, start: int, end: int) -> str:
        return str(self.article(article_id)["text"] or "")[start:end]

    def cite(self, article_id: str, start: int, end: int, *evidence: Evidence) -> Citation:
        row = self.article(article_id)
        day = row["published_day"]
        return Citation(
            article_id=article_id,
            title=row["title"],
            outlet=row["outlet"],
            published=day.isoformat() if isinstance(day, date) else None,
            url=row["url"],
            start=start,
            end=end,
            passage=excerpt(str(row["text"] or "")[start:end], PASSAGE_LIMIT),
            evidence=evidence,
        )
