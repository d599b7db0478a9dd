"""Rallying opposition: an appeal to the public to act against someone (CAMEO 113).

"They called upon people from all walks of life to turn out in the struggle for putting an end
to Yoon's regime" is no appeal to the people (020, aimed at nobody who acts on it) but the
speakers rallying the public against the regime: 113, its target the regime. ``rallied_against``
reads an appeal's addressee ("people", "workers", ``data/rallying.tsv``) and the words of the
act asked for ("against", "oust", "an end to"); the party those words act on is the target,
or nobody named (the story's campaign may name it: ``voices.Voice.carry_protest``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from parley.events.actors import Actor
from parley.events.candidates import Candidate
from parley.events.clauses import prep_objects
from parley.events.reading import Reading

__all__ = ["RALLY_CODE", "rallied_against"]

RALLY_CODE = "113"
APPEAL_ROOT = "02"
# Where the public addressed stands: the appeal's object ("urged the people") or its on/upon/to
# phrase ("called on the workers", "appealed to all the people").
ADDRESSEE_DEPS = frozenset({"dobj", "dative"})
ADDRESSEE_PREPS = ("on", "upon", "to")
# The phrases an opposing word acts on ("oust the government", "against the regime", "an end
# to his rule").
OBJECT_DEPS = frozenset({"dobj", "pobj", "poss"})
# A call for a boycott asks everyone to shun what it names, no public need be addressed
# ("called for an Apple boycott", "calls for boycotts of the convention"): the boycotted,
# named by the noun's modifier or its of-phrase, or the gerund's object.
BOYCOTT = "boycott"


def rallied_against(
    candidate: Candidate, reading: Reading, sources: Sequence[Actor]
) -> list[Actor] | None:
    """The parties an appeal to the public rallies it against ([] when none is named); None
    when the appeal is not one (addressed to no public, or asking for nothing against
    anyone)."""
    if candidate.is_noun or candidate.code[:2] != APPEAL_ROOT:
        return None
    words = reading.resources.rallying_words
    verb = candidate.token
    addressees = [c for c in verb.children if c.dep_ in ADDRESSEE_DEPS]
    addressees += prep_objects(verb, ADDRESSEE_PREPS)
    public = [a for a in addressees if words.get(a.lemma_.lower()) == "public"]
    if public:
        asked = [t for t in verb.subtree if t.i > public[0].i]
        cues = [t for t in asked if words.get(t.lemma_.lower()) == "against"]
    else:
        cues = [o for o in prep_objects(verb, ("for",)) if o.lemma_.lower() == BOYCOTT]
    if not cues:
        return None
    known = {s.key for s in sources if s.key is not None}
    for cue in cues:
        for head in _acted_on(cue):
            found = [
                a
                for a in reading.resolve(head, places=False)
                if a.resolved and a.code and a.key not in known
            ]
            if found:
                return found
    return []


def _acted_on(cue: Token) -> list[Token]:
    """The phrases an opposing word acts on: its object, or for a noun ("an end", "the
    ouster") its of- or to-phrase, also when the parser hangs that on the verb carrying it
    ("putting an end to the regime")."""
    heads = [c for c in cue.children if c.dep_ in OBJECT_DEPS]
    if cue.lemma_.lower() == BOYCOTT:
        heads += [c for c in cue.children if c.dep_ == "compound"]  # "an Apple boycott"
    heads += prep_objects(cue, ("of", "to", "against"))
    if cue.pos_ == "NOUN" and cue.dep_ in ("dobj", "obj"):
        heads += prep_objects(cue.head, ("to", "of"))
    return heads
