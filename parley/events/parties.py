"""The source/target chooser: which of a sentence's parties an event's sides are
(``Config.parties`` "model").

The rules (``participants.py``, ``actors.py``) give each event a source and a target; the
chooser reads, for each side, the candidates the sentence offers: the rules' own choice, every
other coded entity mentioned in the event's sentence and, for the target, nobody. Each
candidate is a row of feature strings about where it stands to the trigger (the dependency path
between them, its own relation and preposition, before or after, how far), what it is (its
actor code's sector, its entity kind, a pronoun, a venue of the event, inside quotation
marks), how it stands to the other side (same country) and whether the rules chose it. A
logistic regression (thinc's ``SparseLinear``, the layer of the event filter and the quote
attribution model) gives each P(its code is the gold's); the best candidate replaces the
rules' choice only when its probability beats the rules' by more than the margin chosen by
cross-validation (``meta.json`` "threshold"). The model ships as ``parley/events/parties/``
(``meta.json``, ``weights.bin``); ``parley train parties`` makes it (``parties_train.py``).
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from parley.events.model import _QUOTE_MARKS, _bucket, _sector, party_kind
from parley.nlp.index import MentionIndex, MentionRef, ParseIndex
from parley.quotes.model import ThresholdModel
from parley.records import Event

__all__ = [
    "FORMAT",
    "LENGTH",
    "MODEL_DIR",
    "SIDES",
    "Candidate",
    "PartyModel",
    "candidates",
    "choose",
    "choose_parties",
    "with_party",
]

FORMAT = "parley.events.parties/1"
LENGTH = 2**16  # hash slots, as the event filter's: 256 kB of float32 weights
MODEL_DIR = Path(__file__).with_name("parties")
SIDES = ("source", "target")
_PATH_STEPS = 3  # relations kept on each leg of a dependency path; longer paths are "far"
_REACH = 2  # dependency steps from the trigger within which a party is a candidate


@dataclass(frozen=True, slots=True)
class Candidate:
    """One party an event's side could be: an entity (``entity`` None and ``code`` None:
    nobody), whether the rules chose it, and its feature row."""

    side: str
    entity: str | None
    code: str | None
    text: str | None
    chosen: bool
    row: list[str]


def _token(parse: ParseIndex, offset: int) -> int:
    return max(bisect_right(parse.token_starts, offset) - 1, 0)


def _head_token(parse: ParseIndex, start: int, end: int) -> int:
    """The token of [start, end) whose head lies outside it (the phrase's head)."""
    first = _token(parse, start)
    last = max(bisect_left(parse.token_starts, end) - 1, first)
    for i in range(first, last + 1):
        if not first <= parse.heads[i] <= last or parse.heads[i] == i:
            return i
    return first


def _ancestors(parse: ParseIndex, i: int) -> list[int]:
    chain = [i]
    while parse.heads[chain[-1]] != chain[-1] and len(chain) < 40:
        chain.append(parse.heads[chain[-1]])
    return chain


def _path(parse: ParseIndex, token: int, trigger: int) -> tuple[str, int]:
    """The dependency path from the candidate's head up to the lowest common ancestor with
    the trigger ("nsubj", "pobj<prep"), then how many steps down to the trigger ("^1"), and
    its length; "far" beyond ``_PATH_STEPS`` steps on either leg."""
    up, down = _ancestors(parse, token), _ancestors(parse, trigger)
    common = next((a for a in up if a in down), None)
    if common is None:
        return "apart", 99
    legs = up[: up.index(common)]
    steps = down.index(common)
    if len(legs) > _PATH_STEPS or steps > _PATH_STEPS:
        return "far", len(legs) + steps
    rels = "<".join(parse.deps[i] for i in legs) or "self"
    return (f"{rels}^{steps}" if steps else rels), len(legs) + steps


def _reach(parse: ParseIndex, ref: MentionRef, trigger: int) -> int:
    """How many dependency steps part the mention's head from the trigger (99: no path)."""
    return _path(parse, _head_token(parse, ref.start, ref.end), trigger)[1]


def _quoted(parse: ParseIndex, start: int, offset: int) -> bool:
    before = parse.text[start:offset]
    return sum(before.count(m) for m in _QUOTE_MARKS) % 2 == 1


def _nearest(refs: Sequence[MentionRef], parse: ParseIndex, trigger: int) -> MentionRef:
    """The mention closest to the trigger in the parse, then in the text."""
    at = _token(parse, trigger)
    return min(refs, key=lambda r: (_reach(parse, r, at), abs(r.start - trigger), r.start))


def _row(
    event: Event,
    side: str,
    ref: MentionRef | None,
    code: str | None,
    text: str | None,
    chosen: bool,
    parse: ParseIndex,
    rank: int,
) -> list[str]:
    root = event.cameo[:2]
    at = _token(parse, event.trigger[0])
    other = event.target_actor if side == "source" else event.source_actor
    kind = party_kind(code, text)
    row = [
        "bias",
        f"side={side}",
        f"chosen={chosen}|{side}",
        f"kind={kind}|{side}",
        f"kind.chosen={kind}|{chosen}|{side}",
        f"sector={_sector(code)}|{side}",
        f"sector.root={_sector(code)}|{side}|{root}",
        f"same.country={bool(code and other and code[:3] == other[:3])}|{side}",
        f"rank={_bucket(rank, (0, 1))}|{side}",
    ]
    if ref is None:
        row.append(f"mention={'none' if not code else 'elsewhere'}|{side}")
        row.append(f"mention.chosen={'none' if not code else 'elsewhere'}|{chosen}|{side}")
        return row
    head = _head_token(parse, ref.start, ref.end)
    dep = parse.deps[head]
    prep = parse.lowers[parse.heads[head]] if dep == "pobj" else "-"
    path = _path(parse, head, at)[0]
    before = ref.start < event.trigger[0]
    distance = abs(head - at)
    venue = ref.entity.id == event.location
    # Inside quotation marks on one side of the trigger and not the other.
    quoted = _quoted(parse, event.start, ref.start) != _quoted(parse, event.start, event.trigger[0])
    row += [
        f"entity={ref.entity.kind}|{side}",
        f"dep={dep}|{side}",
        f"prep={prep}|{side}",
        f"prep.root={prep}|{side}|{root}",
        f"path={path}|{side}",
        f"path.root={path}|{side}|{root}",
        f"path.chosen={path}|{chosen}|{side}",
        f"before={before}|{side}",
        f"before.dep={before}|{dep}|{side}",
        f"distance={_bucket(distance, (1, 3, 6, 12))}|{side}",
        f"venue={venue}|{side}",
        f"quoted={quoted}",
        f"lemma.path={parse.lemmas[at].lower()}|{path}|{side}",
    ]
    return row


def candidates(event: Event, parse: ParseIndex, mentions: MentionIndex) -> list[Candidate]:
    """Both sides' candidates of one event: the rules' choice first, then the other coded
    entities of its sentence nearest the trigger first, then (target) nobody."""
    lo = bisect_left(mentions.starts, event.start)
    hi = bisect_left(mentions.starts, event.end)
    by_entity: dict[str, list[MentionRef]] = {}
    for ref in mentions.refs[lo:hi]:
        if ref.end <= event.end:
            by_entity.setdefault(ref.entity.id, []).append(ref)
    near = {e: _nearest(refs, parse, event.trigger[0]) for e, refs in by_entity.items()}
    at = _token(parse, event.trigger[0])
    out: list[Candidate] = []
    for side in SIDES:
        entity, code, text = (
            (event.source, event.source_actor, event.source_text)
            if side == "source"
            else (event.target, event.target_actor, event.target_text)
        )
        other = event.target if side == "source" else event.source
        chosen_ref = near.get(entity) if entity else None
        out.append(
            Candidate(
                side,
                entity,
                code,
                text,
                True,
                _row(event, side, chosen_ref, code, text, True, parse, 0),
            )
        )
        # Only parties within reach of the trigger in the parse: a sentence that runs on
        # over several clauses (state-media copy joins paragraphs) offers its far parties to
        # every event, and on unseen KCNA stories a chooser given them all picked wrong 28
        # times to 8. Never the event's venue: a place is no party (issue 11).
        others = sorted(
            (
                r
                for e, r in near.items()
                if e not in (entity, other, event.location)
                and r.entity.actor
                and _reach(parse, r, at) <= _REACH
            ),
            key=lambda r: (_reach(parse, r, at), abs(r.start - event.trigger[0]), r.start),
        )
        for rank, ref in enumerate(others, start=1):
            code = ref.entity.actor
            out.append(
                Candidate(
                    side,
                    ref.entity.id,
                    code,
                    ref.text,
                    False,
                    _row(event, side, ref, code, ref.text, False, parse, rank),
                )
            )
        if side == "target" and (entity or code or text):
            out.append(
                Candidate(
                    side,
                    None,
                    None,
                    None,
                    False,
                    _row(event, side, None, None, None, False, parse, 0),
                )
            )
    return out


def choose(
    cands: Sequence[Candidate], probabilities: Sequence[float], margin: float
) -> dict[str, Candidate]:
    """Each side's new party, where the best candidate beats the rules' choice by more than
    ``margin`` (absent: the rules' choice stands). Two sides never end as one party."""
    out: dict[str, Candidate] = {}
    final: dict[str, str | None] = {}
    for side in SIDES:
        scored = [(p, c) for c, p in zip(cands, probabilities, strict=True) if c.side == side]
        rules = next(((p, c) for p, c in scored if c.chosen), None)
        if rules is None:
            continue
        final[side] = rules[1].entity
        best_p, best = max(scored, key=lambda pc: pc[0])  # the first of equals: the rules'
        if not best.chosen and best_p - rules[0] > margin:
            out[side] = best
            final[side] = best.entity
    if final.get("source") and final.get("source") == final.get("target"):
        return {}
    return out


def with_party(event: Event, chosen: dict[str, Candidate]) -> Event:
    """The event with the chosen parties on its sides."""
    if not chosen:
        return event
    changes: dict[str, str | None] = {}
    for side, c in chosen.items():
        changes |= {side: c.entity, f"{side}_actor": c.code, f"{side}_text": c.text}
    return dataclasses.replace(event, **changes)  # type: ignore[arg-type]


@dataclass(slots=True, eq=False)
class PartyModel(ThresholdModel):
    """The source/target chooser: P(a candidate's code is the gold's); ``threshold`` is the
    margin by which the best candidate must beat the rules' choice."""

    FORMAT: ClassVar[str] = FORMAT
    WHAT: ClassVar[str] = "the source/target chooser"
    REMAKE: ClassVar[str] = "`parley train parties`, or use --parties rules"

    @classmethod
    def load(cls, folder: Path = MODEL_DIR) -> PartyModel:
        return cls.read(folder)


def choose_parties(
    events: tuple[Event, ...], parse: ParseIndex, mentions: MentionIndex, model: PartyModel
) -> tuple[Event, ...]:
    """The events with each side the chooser prefers by more than its margin."""
    out = []
    for event in events:
        cands = candidates(event, parse, mentions)
        if all(c.chosen for c in cands):
            out.append(event)  # one candidate a side: nothing to choose
            continue
        probabilities = model.probabilities([c.row for c in cands])
        out.append(with_party(event, choose(cands, probabilities, model.threshold)))
    return tuple(out)
