"""The records of the ``parley.analysis/1`` contract (see DESIGN.md).

Every record is frozen; sequences are tuples so a record can be hashed and shared between
stages without copying. Offsets are Python string indices into ``Article.text``, end exclusive.
``to_dict()`` turns any record into plain JSON types (tuples become lists).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "parley.analysis/1"

Span = tuple[int, int]
EntityKind = Literal["person", "organization", "media", "country", "location", "group", "other"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Modality = Literal["asserted", "negated", "hypothetical", "future"]


_SCALARS = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    # Scalars first: they are most of the values of an analysis, and this runs once per
    # stored article in the writer (is_dataclass and fields() per value cost more than the
    # rest of the conversion together).
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    names = getattr(type(value), "__dataclass_fields__", None)
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    return value


class Record:
    """Mixin: plain-dict and JSON views of a frozen dataclass."""

    def to_dict(self) -> dict[str, Any]:
        out = _plain(self)
        assert isinstance(out, dict)
        return out

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


@dataclass(frozen=True, slots=True)
class Article(Record):
    id: str
    source: str | None
    title: str | None
    subtitle: str | None
    genre: str | None
    published: str | None  # ISO 8601 with UTC offset, or a date, or None
    modified: str | None
    authors: tuple[str, ...]
    publisher: str | None
    language: str | None
    captions: tuple[str, ...]
    headings: tuple[str, ...]
    text: str
    url: str | None = None
    format: Literal["html", "text"] = "text"
    # Where the publication time came from: "page" (the page itself) or "given" (--published).
    published_source: str | None = None

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        id: str = "",
        published: str | None = None,
        source: str | None = "<text>",
        language: str | None = "en",
    ) -> Article:
        """An article that is nothing but its body text (gold files, sentences, tests)."""
        return cls(
            id=id,
            source=source,
            title=None,
            subtitle=None,
            genre=None,
            published=published,
            modified=None,
            authors=(),
            publisher=None,
            language=language,
            captions=(),
            headings=(),
            text=text,
            published_source="given" if published else None,
        )


@dataclass(frozen=True, slots=True)
class Mention(Record):
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity(Record):
    id: str
    name: str
    kind: EntityKind
    actor: str | None
    country: str | None
    roles: tuple[str, ...]
    affiliation: str | None
    mentions: tuple[Mention, ...]
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Timex(Record):
    text: str
    type: TimexType
    value: str
    start: int
    end: int
    # "anchor": resolved against the publication time; "previous": against the last date
    # mentioned; "absolute": needed no anchor; "unresolved": no anchor was available.
    anchor: str = "absolute"


@dataclass(frozen=True, slots=True)
class Quote(Record):
    id: str
    text: str
    kind: QuoteKind
    speaker: str | None
    speaker_text: str | None
    speaker_span: Span | None
    cue: str | None
    cue_span: Span | None
    date: str | None
    venue: str | None
    start: int
    end: int
    fragments: tuple[Span, ...]
    cue_lemma: str | None = None
    # Set when the quotation mark was never closed and the quote was cut at the paragraph end.
    unbalanced: bool = False
    # Set when the attribution reports a stance or act towards a noun phrase ("praised the
    # party", "laid wreaths", "his support for the strike"), or what a thing or deed shows
    # ("the fact shows that ..."), not something said: PolNeAR marks these as attributions, a
    # reader of quotes (and the real-text gold) does not.
    act: bool = False


@dataclass(frozen=True, slots=True)
class Event(Record):
    id: str
    source: str | None
    source_actor: str | None
    target: str | None
    target_actor: str | None
    cameo: str
    plover: str | None
    goldstein: float
    quad_class: int
    date: str | None
    # "text": a time expression of the event's clause; "context": the day the story gave
    # before it for its occasion (``parley.events.dating``); "published": the publication day.
    date_source: Literal["text", "context", "published"] | None
    modality: Modality
    sentence: str
    start: int
    end: int
    trigger: Span
    confidence: float
    plover_mode: str | None = None
    source_text: str | None = None
    target_text: str | None = None
    # Where it happened: the entity of the place its where-phrase names ("talks in Geneva"),
    # and the place as written (``parley.events.location``); a place is never a party.
    location: str | None = None
    location_text: str | None = None


Position = Literal["support", "oppose", "undecided"]
StanceMode = Literal["statement", "demand", "refusal"]
StanceBasis = Literal["text", "event", "context"]


@dataclass(frozen=True, slots=True)
class Stance(Record):
    """Where an actor stands on an issue, and the words that say so.

    ``position`` is towards the issue's measure (docs: "the position scheme"): "support" is
    for sanctions being in place, talks taking place, aid being given...; "oppose" against.
    ``mode`` is how it is said: a plain statement, a demand of someone, or a refusal.
    ``evidence`` names the quotes and events it rests on; ``start``/``end`` bound the
    sentence (or the quote's part) that says it, and ``cue`` the word that decided it.
    """

    id: str
    actor: str  # the entity id of who holds the stance
    actor_code: str | None
    actor_name: str | None
    issue: str
    position: Position
    mode: StanceMode
    evidence: tuple[str, ...]
    sentence: str
    start: int
    end: int
    cue: Span | None = None
    condition: str | None = None  # the condition's words: "until the complete denuclearization..."
    condition_issue: str | None = None
    speaker_role: str | None = None
    date: str | None = None
    modality: Literal["asserted", "future", "hypothetical"] = "asserted"
    reported_by: str | None = None  # the speaker's entity id when the stance is another's
    basis: StanceBasis = "text"  # text: its words; event: an event's code; context: the article
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Analysis(Record):
    article: Article
    entities: tuple[Entity, ...] = ()
    timexes: tuple[Timex, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    stances: tuple[Stance, ...] = ()
    # Things a user should know about this result (e.g. "not English: NLP stages skipped").
    warnings: tuple[str, ...] = ()
    schema: str = field(default=SCHEMA)

    def to_dict(self) -> dict[str, Any]:
        out = Record.to_dict(self)  # not super(): slots=True rebuilds the class
        # The schema name first, as readers expect to see it.
        return {"schema": out.pop("schema"), **out}
