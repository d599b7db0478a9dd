"""The brief as records: sections of sentences, each sentence with the citations it rests on.

A ``Sentence`` is only ever made from stored rows: its ``citations`` name the articles and the
rows (events, quotes, stances, event clusters, time expressions) behind it, with the offsets
of the passage in the article's text; ``quotes`` are the verbatim passages its text quotes;
``figures`` are the numbers its text states, by name, so a test can recompute each from the
store. A sentence with no citation states that the store holds nothing of a kind
(``absent``), and says so rather than inventing. Nothing here reads the store.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal

__all__ = ["Brief", "Citation", "Evidence", "Figure", "Section", "Sentence"]

EvidenceTable = Literal["articles", "events", "quotes", "stances", "event_clusters", "timexes"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """One stored row a citation rests on: its table and its id within the article
    (``event_id``, ``quote_id``, ``stance_id``, ``timex_index``; a cluster's ``cluster_id``;
    the article's own id for ``articles``)."""

    table: EvidenceTable
    id: str


@dataclass(frozen=True, slots=True)
class Citation:
    """An article and the passage of it a sentence rests on (``start``/``end`` index the
    article's text, end exclusive; ``passage`` is that text, white space folded)."""

    article_id: str
    title: str | None
    outlet: str | None
    published: str | None  # the publication day, YYYY-MM-DD
    url: str | None
    start: int
    end: int
    passage: str
    evidence: tuple[Evidence, ...]

    @property
    def anchor(self) -> str:
        """The passage's anchor on an article page: ``c<start>-<end>``."""
        return f"c{self.start}-{self.end}"


@dataclass(frozen=True, slots=True)
class Figure:
    """A number a sentence states, with the name of what it counts."""

    name: str
    value: float


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    citations: tuple[Citation, ...] = ()
    quotes: tuple[str, ...] = ()  # verbatim passages the text quotes (maybe cut, ending in …)
    figures: tuple[Figure, ...] = ()
    absent: bool = False  # states that the store holds nothing of a kind

    def figure(self, name: str) -> float | None:
        return next((f.value for f in self.figures if f.name == name), None)


@dataclass(frozen=True, slots=True)
class Section:
    key: str  # overview | state | events | positions | voices | watch
    title: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Brief:
    kind: Literal["article", "corpus"]
    title: str
    sections: tuple[Section, ...]
    dyad: tuple[str, str] | None = None
    names: tuple[str, str] | None = None  # the two sides' names, as the store gives them
    since: date | None = None
    until: date | None = None
    article_id: str | None = None

    def sentences(self) -> Iterator[Sentence]:
        for section in self.sections:
            yield from section.sentences

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types (dates as ISO strings): the brief's JSON form."""
        plain: dict[str, Any] = _plain(asdict(self))
        return plain


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
