"""The matching rules of the real-text scorer and of the agreement between annotators.

Both sides are first turned into plain records in one coordinate system (Parley's
``article.text`` for the scorer, the raw story text for agreement), with each event's sentence
given as an index; the rules then never look at where the records came from.

Events (``match_events``), one to one within a sentence; a pair must agree on:

* ``strict``: the CAMEO root (first two digits) and the source and target codes (``None``
  agrees with ``None`` only: an event with a stated actor and one without do not match);
* ``root``: the CAMEO root alone;
* ``country``: the root and the actors' countries (the first three letters; IGO and NGO
  codes whole, since "IGO" alone names no organisation);
* ``plover``: the PLOVER event type alone (CAMEO codes of one root may fall in two types);
* ``dyad``: the source and target codes, whatever the root (agreement's root kappa is over
  these pairs, so that a disagreement on the code is not hidden by the matching).

Within a sentence the candidates of one key are paired in trigger order.

Quotes (``match_quotes``): a predicted quote matches a gold one when their content overlaps by
at least 0.3 of the shorter of the two (in characters), paired greedily by decreasing overlap.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

from parley.evaluate.common import Counts

__all__ = [
    "LEVELS",
    "Counts",
    "EntityView",
    "EventView",
    "QuoteView",
    "cohen_kappa",
    "country",
    "entity_code_accuracy",
    "match_events",
    "match_quotes",
    "quote_overlap",
    "split_actors",
]

Span = tuple[int, int]
LEVELS = ("strict", "root", "country", "plover", "dyad")
QUOTE_OVERLAP = 0.3
_INTERNATIONAL = ("IGO", "NGO", "MNC")


@dataclass(frozen=True, slots=True)
class EventView:
    """One event in the shared coordinates; ``sentence`` None: its trigger has no place there."""

    sentence: int | None
    trigger: Span | None
    source: str | None
    target: str | None
    cameo: str
    modality: str
    date: str | None
    plover: str | None = None  # the PLOVER type (the gold's own, else from the CAMEO code)


@dataclass(frozen=True, slots=True)
class QuoteView:
    content: tuple[Span, ...]
    speaker: str | None  # the speaker's actor code
    speaker_spans: tuple[Span, ...]  # where the speaker is named (any of them may overlap)
    block: bool = False


@dataclass(frozen=True, slots=True)
class EntityView:
    id: str
    name: str
    code: str | None
    spans: tuple[Span, ...]


@dataclass
class Share:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0


def country(code: str | None) -> str | None:
    """The country part of an actor code ("PRKGOV" -> "PRK"; IGO codes stay whole)."""
    if code is None or code.startswith(_INTERNATIONAL):
        return code
    return code[:3]


def _key(event: EventView, level: str) -> Hashable:
    root = event.cameo[:2]
    if level == "strict":
        return (event.sentence, root, event.source, event.target)
    if level == "root":
        return (event.sentence, root)
    if level == "country":
        return (event.sentence, root, country(event.source), country(event.target))
    if level == "dyad":
        return (event.sentence, event.source, event.target)
    if level == "plover":
        return (event.sentence, event.plover)
    raise ValueError(f"unknown matching level {level!r}")


def match_events(
    gold: Sequence[EventView], predicted: Sequence[EventView], level: str
) -> list[tuple[EventView, EventView]]:
    """The one-to-one pairs (gold, predicted) under the rule ``level``."""
    pool: dict[Hashable, list[EventView]] = defaultdict(list)
    for event in sorted(predicted, key=_position):
        if event.sentence is not None:
            pool[_key(event, level)].append(event)
    pairs = []
    for event in sorted(gold, key=_position):
        if event.sentence is None:
            continue
        candidates = pool.get(_key(event, level))
        if candidates:
            pairs.append((event, candidates.pop(0)))
    return pairs


def _position(event: EventView) -> tuple[int, int]:
    return (event.sentence if event.sentence is not None else -1, (event.trigger or (0, 0))[0])


# ------------------------------------------------------------------- quotes ---
def _length(spans: Sequence[Span]) -> int:
    return sum(e - s for s, e in _union(spans))


def _union(spans: Sequence[Span]) -> list[Span]:
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _intersection(a: Sequence[Span], b: Sequence[Span]) -> int:
    total = 0
    for s1, e1 in _union(a):
        for s2, e2 in _union(b):
            total += max(0, min(e1, e2) - max(s1, s2))
    return total


def quote_overlap(a: Sequence[Span], b: Sequence[Span]) -> float:
    """The characters both cover, as a share of the shorter of the two."""
    shorter = min(_length(a), _length(b))
    return _intersection(a, b) / shorter if shorter else 0.0


def match_quotes(
    gold: Sequence[QuoteView], predicted: Sequence[QuoteView]
) -> list[tuple[QuoteView, QuoteView]]:
    """One-to-one pairs whose content overlaps by >= 0.3 of the shorter, best first."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            ratio = quote_overlap(g.content, p.content)
            if ratio >= QUOTE_OVERLAP:
                candidates.append((-ratio, i, j))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates):
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((gold[i], predicted[j]))
    return pairs


def speaker_right(gold: QuoteView, predicted: QuoteView) -> bool:
    """Same actor code (both known), or the predicted speaker is named where the gold's is."""
    if gold.speaker is not None and gold.speaker == predicted.speaker:
        return True
    return _intersection(gold.speaker_spans, predicted.speaker_spans) > 0


# ----------------------------------------------------------------- entities ---
@dataclass
class EntityTally:
    coded: Share = field(default_factory=Share)  # entities with a code: the code right
    uncoded: int = 0  # entities over a gold actor with no code at all


def entity_code_accuracy(
    gold_actors: Sequence[tuple[Span, str]], entities: Sequence[EntityView]
) -> EntityTally:
    """Every (entity, gold actor mention) pair whose spans overlap: is the entity's code the
    gold's? A gold mention counted once per entity, however many of its mentions touch it."""
    tally = EntityTally()
    seen: set[tuple[str, Span]] = set()
    for span, code in gold_actors:
        for entity in entities:
            if (entity.id, span) in seen or not _intersection([span], entity.spans):
                continue
            seen.add((entity.id, span))
            if entity.code is None:
                tally.uncoded += 1
            else:
                tally.coded.add(entity.code == code)
    return tally


def split_actors(gold_actors: Sequence[tuple[Span, str]], entities: Sequence[EntityView]) -> int:
    """How many gold actors Parley splits over two or more entities: the gold mentions of one
    code touched by several entities whose names share a word ("Yoon" / "Yoon Suk Yeol"),
    or one gold mention touched by several entities ("Kim" + "Jong Un")."""
    by_code: dict[str, set[str]] = defaultdict(set)
    split = 0
    for span, code in gold_actors:
        touching = [e for e in entities if _intersection([span], e.spans)]
        if len({e.id for e in touching}) > 1:
            split += 1
        by_code[code].update(e.id for e in touching)
    names = {e.id: frozenset(e.name.lower().split()) for e in entities}
    for ids in by_code.values():
        ordered = sorted(ids)
        if any(
            _same_name(names[a], names[b]) for k, a in enumerate(ordered) for b in ordered[k + 1 :]
        ):
            split += 1
    return split


def _same_name(a: frozenset[str], b: frozenset[str]) -> bool:
    """One name is the other or a part of it ("Yoon" and "Yoon Suk Yeol"; "G7" twice); two
    people who share a family name ("Kim Jong Un", "Kim Yo Jong") are not one."""
    return bool(a and b) and (a <= b or b <= a)


# ---------------------------------------------------------------- agreement ---
def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float:
    """Cohen's kappa of two raters' labels on the same items: (po - pe) / (1 - pe)."""
    if not pairs:
        return 0.0
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum(first[label] * second[label] for label in first) / (n * n)
    if expected >= 1.0:
        return 1.0 if observed >= 1.0 else 0.0
    return (observed - expected) / (1.0 - expected)


def shares(
    pairs: Sequence[tuple[EventView, EventView]], test: Callable[[EventView, EventView], bool]
) -> Share:
    share = Share()
    for gold, predicted in pairs:
        share.add(test(gold, predicted))
    return share
