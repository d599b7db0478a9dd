"""Third-person pronouns resolved to people: a simple, documented heuristic.

"he", "his", "him" (and the feminine forms) become mentions of the nearest person named
before them in the same sentence or the one before; a person already called "he" is not later
"she". Further back, or with no person in reach, the pronoun is left alone: a wrong link costs
an analyst more than a missing one ("the institute director could write on his own authority"
names nobody).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc

from parley.entities.cluster import Cluster
from parley.entities.lexicon import Lexicon
from parley.entities.mentions import Sentences

__all__ = ["resolve_pronouns"]

# How many preceding named people to consider before giving up on gender agreement.
_CANDIDATES = 3


def resolve_pronouns(
    doc: Doc, text: str, clusters: dict[str, Cluster], lex: Lexicon, sents: Sentences
) -> None:
    """Add pronoun mentions to person clusters (in place: the clusters are the stage's own)."""
    named = sorted(
        (
            (cand.start, cluster)
            for cluster in clusters.values()
            if cluster.kind == "person"
            for cand in cluster.cands
        ),
        key=lambda item: item[0],
    )
    if not named or not lex.pronouns:
        return
    starts = [start for start, _ in named]
    # A regex over the text finds the few pronouns faster than a loop over every token.
    words = "|".join(sorted(lex.pronouns, key=len, reverse=True))
    for match in re.finditer(rf"\b(?:{words})\b", text, re.IGNORECASE):
        span = doc.char_span(match.start(), match.end())
        if span is None or len(span) != 1 or span[0].pos_ not in ("PRON", "DET"):
            continue
        gender = lex.pronouns[match.group().lower()]
        sentence = sents.index(match.start())
        position = bisect_left(starts, match.start()) - 1
        for back in range(position, max(position - _CANDIDATES, -1), -1):
            start, cluster = named[back]
            if sents.index(start) < sentence - 1:
                break
            if cluster.gender not in (None, gender):
                continue
            cluster.gender = gender
            cluster.pronouns.append((match.start(), match.end(), match.group()))
            break
