"""One meeting told by two joined verbs: "X met and had a talk with Y".

The parser hangs the with-phrase under the second verb (or its object) alone, so the first
verb, read by itself, meets nobody: an event X -> nobody beside the events X -> Y and Y -> X
of the second (``participants`` lends the phrase to the first verb when the second is no
event: "met and conversed with Y"). Both verbs tell one meeting (``docs/annotation.md``: one
event per act, source and target), so the first verb's draft is dropped when a verb joined
after it (``conj``) tells a meeting (CAMEO 04) by the same doers with at least the receivers
the first names, and someone. KCNA writes the shape about 80 times in its two corpora ("met
and had a talk with", "met and had a friendly talk with"). Joined verbs of other roots are
other acts and stay ("will beat to death the group and blow up their bases").

``drop_told_twice`` runs over a story's coded drafts once their targets are complete.
"""

from __future__ import annotations

from collections.abc import Sequence

from parley.events.records import Coded

__all__ = ["MEETING_ROOT", "drop_told_twice"]

# Meetings and talks (CAMEO 04): two joined verbs of another root are two acts ("will beat
# to death the group and blow up their bases" are two threats, each its own event).
MEETING_ROOT = "04"


def _doers(coded: Coded) -> frozenset[str]:
    return frozenset(a.key for a in coded.sources if a.key is not None)


def _aimed(coded: Coded) -> bool:
    return any(t.resolved for t in coded.targets)


def _receivers(coded: Coded) -> frozenset[str]:
    return frozenset(t.key for t in coded.targets if t.key is not None)


def _told_by_conjunct(coded: Coded, verbs: dict[int, list[Coded]]) -> bool:
    """Whether a verb joined after ``coded``'s verb tells the same act, by the same doers,
    with the receivers ``coded`` names (if any) and at least one."""
    doers, receivers = _doers(coded), _receivers(coded)
    root = coded.info.code[:2]
    if not doers or root != MEETING_ROOT:
        return False
    verb = coded.candidate.token
    return any(
        other.info.code[:2] == root
        and _doers(other) == doers
        and _aimed(other)
        and receivers <= _receivers(other)
        for conjunct in verb.children
        if conjunct.dep_ == "conj" and conjunct.i > verb.i
        for other in verbs.get(conjunct.i, ())
    )


def drop_told_twice(coded: Sequence[Coded]) -> list[Coded]:
    """The drafts without a verb's act that a verb joined after it tells again with its
    receiver ("met and had a talk with Y": the "met")."""
    verbs: dict[int, list[Coded]] = {}
    for c in coded:
        if not c.candidate.is_noun:
            verbs.setdefault(c.candidate.token.i, []).append(c)
    return [c for c in coded if c.candidate.is_noun or not _told_by_conjunct(c, verbs)]
