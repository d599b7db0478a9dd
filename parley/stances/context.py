"""Statements carried onto the article's dispute.

A news story about a dispute quotes each side's moves, and many of them name no issue: "there
is no need to bother with dialogue", a warning that a country could return to its old policy.
When the article shows two countries holding opposite positions on one issue (the US keeping
sanctions, North Korea demanding they be eased), a demand, rejection, accusation or threat
(CAMEO roots 10 to 13) that one side's actor aims at the other is a move in that dispute: it
is kept as that actor's stance on the issue, with ``basis="context"`` and a low confidence,
so that a reader can tell it from a stance the words state. Only the dispute the article
argues most about is used, and only asserted or future events (not hypothetical ones).
"""

from __future__ import annotations

from collections.abc import Sequence

from parley.nlp.index import MentionIndex
from parley.records import Entity, Event, Quote
from parley.stances.build import Draft

__all__ = ["carry_context"]

MOVE_ROOTS = {"10": "demand", "11": "statement", "12": "refusal", "13": "statement"}
CONFIDENCE = 0.3
# Stances of the two sides an issue needs to be the article's dispute: a passing mention of
# each side is no dispute the article is about.
MIN_WEIGHT = 4


def _country(entity: Entity | None) -> str | None:
    if entity is None:
        return None
    return entity.country or (entity.actor[:3] if entity.actor else None)


def _dispute(drafts: Sequence[Draft]) -> tuple[str, dict[str, int]] | None:
    """The issue on which two countries hold opposite, consistent positions in the most
    stances (the first raised, of equals): the issue and each country's sign."""
    seen: dict[str, dict[str, set[int]]] = {}
    order: list[str] = []
    for draft in sorted(drafts, key=lambda d: d.bounds[0]):
        country = _country(draft.holder)
        if country is None or draft.sign == 0:
            continue
        if draft.issue not in seen:
            order.append(draft.issue)
        seen.setdefault(draft.issue, {}).setdefault(country, set()).add(draft.sign)
    disputes = []
    for rank, issue in enumerate(order):
        sides = {c: next(iter(s)) for c, s in seen[issue].items() if len(s) == 1}
        if 1 in sides.values() and -1 in sides.values():
            weight = sum(1 for d in drafts if d.issue == issue and _country(d.holder) in sides)
            disputes.append((-weight, rank, issue, sides))
    disputes = [d for d in disputes if -d[0] >= MIN_WEIGHT]
    if not disputes:
        return None
    _, _, issue, sides = min(disputes, key=lambda d: (d[0], d[1]))
    return issue, sides


def carry_context(
    drafts: Sequence[Draft],
    mentions: MentionIndex,
    quotes: Sequence[Quote],
    events: Sequence[Event],
) -> list[Draft]:
    """Drafts for the moves of each side of the article's dispute that name no issue."""
    found = _dispute(drafts)
    if found is None:
        return []
    issue, sides = found
    used = {e for d in drafts if d.issue == issue for e in d.events}
    out: list[Draft] = []
    for event in events:
        move = MOVE_ROOTS.get(event.cameo[:2])
        if move is None or event.modality == "hypothetical" or event.id in used:
            continue
        source = mentions.by_id.get(event.source or "")
        target = mentions.by_id.get(event.target or "")
        side, other = _country(source), _country(target)
        if source is None or side not in sides or other not in sides or side == other:
            continue
        if sides[side] == sides[other]:
            continue
        out.append(
            Draft(
                holder=source,
                issue=issue,
                sign=sides[side],
                mode=move,
                bounds=(event.start, event.end),
                quotes=_quotes_of(event, quotes),
                events=(event.id,),
                cue=event.trigger,
                modality="future" if event.modality == "future" else "asserted",
                basis="context",
                confidence=CONFIDENCE,
                date=event.date,
            )
        )
    return out


def _quotes_of(event: Event, quotes: Sequence[Quote]) -> tuple[str, ...]:
    """The quotes that are the event's words: their cue is its trigger, or their content
    holds it, in the event's sentence."""
    t0, t1 = event.trigger
    found = []
    for quote in quotes:
        if not (event.start <= quote.start < event.end or quote.start <= event.start < quote.end):
            continue
        cue = quote.cue_span
        is_cue = cue is not None and cue[0] < t1 and t0 < cue[1]
        if is_cue or quote.start <= t0 < quote.end:
            found.append(quote.id)
    return tuple(found)
