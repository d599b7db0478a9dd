"""The story's adversary as the target of a warning or a rallying call that names nobody.

"We officially warn that we may exercise our self-defensive power at any moment" names no one
warned, but the story does: the party that, a sentence or two away, acts against the one who
warns ("the ROK refuses to respect the border declared by the DPRK"), or that the one who warns
acts against ("demanded the authorities stop the construction ... They called on the people
to turn out in the actions"). CAMEO codes a threat and rallying opposition (113) towards
that party; the gold of real stories does too (``docs/annotation.md``).

``aim_at_adversary`` runs over a story's coded drafts once they are all known: a threat (13)
or a rallying call (113) with one source and no target takes, as an implied target, the other
party of the nearest hostile event (roots 10 to 20) within ``ADVERSARY_REACH`` sentences
either way that sets the source's side against another side: the source's side acts on the
other, or the other acts on the source's side. A side is an actor code, and a country with its
own bodies ("PRK" and "PRKGOV" stand together). A story with no such event keeps its
targetless warnings.

``aim_criticism`` does the same for a criticism read from words that name nobody ("said the
situation is reaching an uncontrollable phase owing to the reckless acts of the warmongers",
``evaluative``): it is aimed at the party the nearest hostile event sets against the speaker's
side, or, in the stories where one body after another condemns the same party, at the party
the nearest verbal hostility (a demand, criticism, rejection, threat or protest: roots 10 to
14) of another speaker is aimed at, when that party is not the speaker's side. With neither,
it is left out: a criticism of nobody is a bare statement.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Sequence

from parley.events.actors import Actor
from parley.events.records import Coded

__all__ = ["ADVERSARY_REACH", "aim_at_adversary", "aim_criticism"]

ADVERSARY_REACH = 3
THREAT_ROOT = "13"
RALLY_CODE = "113"
# Roots of hostile acts: demand, disapprove, reject, threaten, protest, force posture, reduce
# relations, coerce, assault, fight, mass violence.
HOSTILE_ROOTS = frozenset({"10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"})
COUNTRY_LENGTH = 3
# Verbal hostility whose target a later speaker's criticism of nobody named may share.
VERBAL_HOSTILE_ROOTS = frozenset({"10", "11", "12", "13", "14"})


def _aimless(coded: Coded) -> bool:
    code = coded.info.code
    aimed = code[:2] == THREAT_ROOT or code == RALLY_CODE
    return (
        aimed
        and len(coded.sources) == 1
        and coded.sources[0].code is not None
        and not any(t.resolved for t in coded.targets)
    )


def _same_side(a: str, b: str) -> bool:
    """One actor code, or a country and its own bodies ("PRK", "PRKGOV")."""
    if a == b:
        return True
    bare = len(a) == COUNTRY_LENGTH or len(b) == COUNTRY_LENGTH
    return bare and a[:COUNTRY_LENGTH] == b[:COUNTRY_LENGTH]


def _other_party(coded: Coded, side: str) -> Actor | None:
    """The party a hostile event sets against ``side``, if it sets one."""
    if coded.info.code[:2] not in HOSTILE_ROOTS:
        return None
    sources = [s for s in coded.sources if s.code]
    targets = [t for t in coded.targets if t.resolved and t.code]
    if len(sources) != 1 or len(targets) != 1:
        return None
    source, target = sources[0], targets[0]
    assert source.code is not None and target.code is not None
    if _same_side(source.code, target.code):
        return None
    if _same_side(source.code, side):
        return target
    if _same_side(target.code, side):
        return source
    return None


def aim_at_adversary(coded: Sequence[Coded], sentence_starts: Sequence[int]) -> list[Coded]:
    """The drafts, with a warning or rallying call that names nobody aimed at the party the
    nearest hostile event sets against its source (``sentence_starts``: the sentences' first
    characters)."""
    out = list(coded)
    aimless = [k for k, c in enumerate(out) if _aimless(c)]
    if not aimless:
        return out

    def sentence(c: Coded) -> int:
        return bisect_right(sentence_starts, c.candidate.token.idx) - 1

    where = [sentence(c) for c in out]
    for k in aimless:
        side = out[k].sources[0].code
        assert side is not None
        best: tuple[int, int, Actor] | None = None
        for j, other in enumerate(out):
            distance = abs(where[j] - where[k])
            if j == k or distance > ADVERSARY_REACH:
                continue
            party = _other_party(other, side)
            if party is None:
                continue
            # Nearest first; between two as near, the one before.
            rank = (distance, 0 if where[j] <= where[k] else 1)
            if best is None or rank < best[:2]:
                best = (*rank, party)
        if best is not None:
            start = out[k].candidate.token.idx
            implied = Actor(best[2].entity, "", start, start, implied=True)
            out[k] = dataclasses.replace(out[k], targets=(implied,))
    return out


def _shared_target(coded: Coded, sides: Sequence[str]) -> Actor | None:
    """The one party a verbal hostility is aimed at, when it is on none of ``sides``."""
    if coded.unaimed or coded.info.code[:2] not in VERBAL_HOSTILE_ROOTS:
        return None
    targets = [t for t in coded.targets if t.resolved and t.code]
    if len(targets) != 1:
        return None
    code = targets[0].code
    assert code is not None
    if any(_same_side(code, side) for side in sides):
        return None
    return targets[0]


def aim_criticism(coded: Sequence[Coded], sentence_starts: Sequence[int]) -> list[Coded]:
    """The drafts, with each criticism that names nobody (``Coded.unaimed``) aimed at the
    story's adversary of its speaker, else at the party another speaker's verbal hostility
    nearby is aimed at; those the story gives no target are left out."""
    out = list(coded)
    if not any(c.unaimed for c in out):
        return out

    def sentence(c: Coded) -> int:
        return bisect_right(sentence_starts, c.candidate.token.idx) - 1

    where = [sentence(c) for c in out]
    for k, draft in enumerate(out):
        if not draft.unaimed:
            continue
        sides = [s.code for s in draft.sources if s.code]
        best: tuple[int, int, int, Actor] | None = None
        for j, other in enumerate(out):
            distance = abs(where[j] - where[k])
            if j == k or distance > ADVERSARY_REACH:
                continue
            # The speaker's own adversary first; then whom the other speakers condemn.
            found = [(0, p) for side in sides for p in (_other_party(other, side),) if p]
            shared = _shared_target(other, sides)
            if shared is not None:
                found.append((1, shared))
            for kind, party in found:
                rank = (kind, distance, 0 if where[j] <= where[k] else 1)
                if best is None or rank < best[:3]:
                    best = (*rank, party)
        if best is not None:
            start = draft.candidate.token.idx
            implied = Actor(best[3].entity, "", start, start, implied=True)
            out[k] = dataclasses.replace(draft, targets=(implied,), unaimed=False)
    return [c for c in out if not c.unaimed]
