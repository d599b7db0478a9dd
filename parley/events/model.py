"""The event filter: which of the rules' events to keep (``--events model``).

The rules (``extract.py``) propose every event; the filter reads each one as the rules
coded it and the parse around its trigger, and drops those a logistic regression judges
wrong. It is thinc's ``SparseLinear`` over hashed feature strings, the layer and encoding of
the quote attribution model (``parley.quotes.model``): no new dependency, a few dozen
features an event, CPU only. The model ships as a folder, ``parley/events/model/``:

    meta.json    format version, threshold, hash table size, training settings, the
                 cross-validated and dev figures it was chosen by
    weights.bin  the layer's parameters (thinc's ``Model.to_bytes``)

``parley train events`` makes it (``train.py``); ``EventResources.load`` reads it once per
pipeline when ``Config.events`` is "model", and nothing here caches it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from parley.nlp.index import ParseIndex
from parley.quotes.model import ThresholdModel
from parley.records import Event

__all__ = [
    "FORMAT",
    "LENGTH",
    "MODEL_DIR",
    "EventModel",
    "event_features",
    "filter_events",
    "kept",
    "party_kind",
]

FORMAT = "parley.events.filter/1"
LENGTH = 2**16  # hash slots: 256 kB of float32 weights, for some thousands of features
MODEL_DIR = Path(__file__).with_name("model")

_MODALS = frozenset({"could", "would", "may", "might", "will", "shall", "should", "must", "can"})
_PRONOUNS = frozenset(
    {"he", "she", "it", "they", "we", "i", "you", "this", "that", "those", "these", "who"}
)
_QUOTE_MARKS = ('"', "\u201c", "\u201d")


def _bucket(n: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _sector(code: str | None) -> str:
    if not code:
        return "none"
    return code[3:6] or "country"


def party_kind(code: str | None, text: str | None) -> str:
    """What kind of party an event's side is: none, uncoded, a pronoun or coded."""
    words = (text or "").lower().split()
    if not code:
        return "uncoded" if text else "none"
    return "pronoun" if len(words) == 1 and words[0] in _PRONOUNS else "coded"


def _party(side: str, code: str | None, text: str | None) -> list[str]:
    return [f"{side}={party_kind(code, text)}", f"{side}.sector={_sector(code)}"]


def event_features(events: Sequence[Event], parse: ParseIndex) -> list[list[str]]:
    """One row of feature strings for each event of an article: the rules' code and
    modality, the trigger's word and its place in the parse, the parties' kinds, and the
    other events of its sentence."""
    sentence_of = [parse.sentence_index(e.trigger[0]) for e in events]
    per_sentence = Counter(sentence_of)
    per_trigger = Counter((e.trigger[0], e.trigger[1]) for e in events)
    roots_in: dict[int, set[str]] = {}
    for e, s in zip(events, sentence_of, strict=True):
        roots_in.setdefault(s, set()).add(e.cameo[:2])
    rows = []
    for event, sent in zip(events, sentence_of, strict=True):
        root, code = event.cameo[:2], event.cameo
        at = max(bisect_right(parse.token_starts, event.trigger[0]) - 1, 0)
        lemma = parse.lemmas[at].lower() if parse.lemmas else ""
        head = parse.heads[at] if parse.heads else at
        deps = parse.deps[at] if parse.deps else ""
        kids = [i for i in range(max(at - 6, 0), min(at + 7, len(parse.heads))) if
                parse.heads[i] == at and i != at]  # fmt: skip
        kid_deps = {parse.deps[i] for i in kids}
        modal = any(parse.lowers[i] in _MODALS for i in kids)
        start = parse.sent_starts[sent] if parse.sent_starts else 0
        before = parse.text[start : event.trigger[0]]
        quoted = sum(before.count(m) for m in _QUOTE_MARKS) % 2 == 1
        same_country = bool(
            event.source_actor
            and event.target_actor
            and event.source_actor[:3] == event.target_actor[:3]
        )
        row = [
            "bias",
            f"root={root}",
            f"code={code}",
            f"quad={event.quad_class}",
            f"lemma={lemma}",
            f"lemma.root={lemma}|{root}",
            f"pos={parse.pos[at] if parse.pos else ''}",
            f"tag={parse.tags[at] if parse.tags else ''}",
            f"dep={deps}",
            f"dep.root={deps}|{root}",
            f"head.pos={parse.pos[head] if parse.pos else ''}",
            f"head.lemma={parse.lemmas[head].lower() if parse.lemmas and head != at else '-'}",
            f"modality={event.modality}",
            f"modality.root={event.modality}|{root}",
            f"mode={event.plover_mode or '-'}",
            f"neg={'neg' in kid_deps}",
            f"modal={modal}",
            f"passive={'nsubjpass' in kid_deps or 'auxpass' in kid_deps}",
            f"quoted={quoted}",
            f"words={_bucket(event.trigger[1] - event.trigger[0], (8, 16))}",
            f"sentence={_bucket(sent, (0, 1, 3))}",
            f"in.sentence={_bucket(per_sentence[sent], (1, 2, 3, 5))}",
            f"same.trigger={_bucket(per_trigger[event.trigger], (1, 2))}",
            f"same.country={same_country}",
            f"date={event.date_source or '-'}",
            f"confidence={round(event.confidence, 1)}",
            *_party("source", event.source_actor, event.source_text),
            *_party("target", event.target_actor, event.target_text),
            f"dyad={_sector(event.source_actor)}>{_sector(event.target_actor)}|{root}",
        ]
        row.extend(f"other.root={r}" for r in sorted(roots_in[sent] - {root}))
        rows.append(row)
    return rows


@dataclass(slots=True, eq=False)
class EventModel(ThresholdModel):
    """The event filter: P(the rules' event is right), the threshold below which an event is
    dropped, its metadata."""

    FORMAT: ClassVar[str] = FORMAT
    WHAT: ClassVar[str] = "the event filter"
    REMAKE: ClassVar[str] = "`parley train events`, or use --events rules"

    @classmethod
    def load(cls, folder: Path = MODEL_DIR) -> EventModel:
        return cls.read(folder)


def kept(sentences: Sequence[int], probabilities: Sequence[float], threshold: float) -> list[bool]:
    """Which events stay: those at or above ``threshold``, and in every sentence the one the
    model trusts most (a sentence the rules code keeps an event: the filter weeds out
    duplicates and wrong readings beside a right one, it does not decide that a sentence
    says nothing)."""
    best: dict[int, int] = {}
    for i, (s, p) in enumerate(zip(sentences, probabilities, strict=True)):
        if s not in best or p > probabilities[best[s]]:
            best[s] = i
    tops = set(best.values())
    return [p >= threshold or i in tops for i, p in enumerate(probabilities)]


def filter_events(
    events: tuple[Event, ...], parse: ParseIndex, model: EventModel
) -> tuple[Event, ...]:
    """The events the model keeps (``kept``), in their order."""
    if not events:
        return events
    probabilities = model.probabilities(event_features(events, parse))
    sentences = [parse.sentence_index(e.trigger[0]) for e in events]
    mask = kept(sentences, probabilities, model.threshold)
    return tuple(e for e, keep in zip(events, mask, strict=True) if keep)
