"""Targets for events whose words name nobody on the receiving end: the party of a warning's
if-clause, the other country of a conflictual sentence, the place an action happened in, the
source's own country."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from parley.entities.nominal import phrase_tokens
from parley.events.actors import Actor, mention_at
from parley.events.candidates import Candidate
from parley.events.clauses import PLACE_PREPS, conditional_threat, prep_objects
from parley.events.coding import OBJECT_DEPS
from parley.events.reading import Reading
from parley.nlp.index import MentionIndex
from parley.records import Entity

__all__ = [
    "ADDRESSED_ROOTS",
    "condition_clause_target",
    "home_target",
    "implicit_target",
    "place_target",
]

# Appeals and demands are addressed to someone: one whose addressee the sentence does not
# name is not taken to be addressed to the speaker's own country.
ADDRESSED_ROOTS = frozenset({"02", "10"})
# Code prefixes of actors that belong to no one country: their acts have no home.
TRANSNATIONAL_PREFIXES = ("IGO", "NGO", "IMG", "MNC", "UIS", "REG")


def condition_clause_target(
    candidate: Candidate, reading: Reading, targets: list[Actor]
) -> list[Actor]:
    """The party named in a conditional warning's if-clause ("if the US wants delay")."""
    if any(t.resolved for t in targets):
        return targets
    condition = conditional_threat(candidate.token)
    if condition is None:
        return targets
    for token in condition.subtree:
        hit = mention_at(reading.mentions, token)
        if hit is not None:
            return [hit]
    return targets


def implicit_target(
    candidate: Candidate, source: Actor, reading: Reading, skip: Sequence[Token] = ()
) -> Actor | None:
    """For a conflictual event with no target: the other country the sentence names, outside
    the source's own phrase ("US and British activists" names no target)."""
    sent = candidate.sentence
    best: Actor | None = None
    inside = {t.i for head in skip for t in head.subtree}
    for token in sent:
        if token.i in inside:
            continue
        hit = mention_at(reading.mentions, token)
        if hit is None or hit.entity is None or source.code is None:
            continue
        entity = hit.entity
        if source.entity is not None and entity.id == source.entity.id:
            continue
        if not entity.actor or entity.actor[:3] == source.code[:3]:
            continue
        best = hit
        break
    return best


def place_target(verb: Token, reading: Reading) -> Actor | None:
    """Where an action with nobody on its receiving end took place, as its target: a protest
    in Beijing is addressed to China, a summit in Switzerland held there, as PETRARCH codes
    them. Only a country or a place the entity stage put in one; the verb's own phrases, or
    its object's ("demolished homes in southern Gaza")."""
    heads = prep_objects(verb, PLACE_PREPS)
    for obj in verb.children:
        if obj.dep_ in OBJECT_DEPS:
            heads += prep_objects(obj, PLACE_PREPS)
    for head in heads:
        hit = mention_at(reading.mentions, head)
        if hit is None:
            for token, _ in phrase_tokens(head):
                hit = mention_at(reading.mentions, token)
                if hit is not None:
                    break
        if hit is None or hit.entity is None:
            continue
        if hit.entity.kind in ("country", "location") and hit.entity.actor:
            return hit
    return None


def home_target(source: Actor, mentions: MentionIndex) -> Actor | None:
    """For an action nobody is named on the receiving end of, the source's own country:
    "Bashir shortened the curfew", "the government lifted a state of emergency" act on their
    country, as both PLOVER and PETRARCH code them (target SDN, USA)."""
    code = source.code
    if not code or len(code) < 3 or not code[:3].isalpha():
        return None
    if code.startswith(TRANSNATIONAL_PREFIXES):
        return None
    # The country entity of the document that the source belongs to; not written in the
    # sentence: no words, no offsets of its own.
    home = _country_entity(code[:3], mentions)
    return Actor(home, "", source.start, source.start, home=True) if home is not None else None


def _country_entity(code: str, mentions: MentionIndex) -> Entity | None:
    """The document's entity coded exactly ``code`` (a country), if it names one."""
    return next((e for e in mentions.by_id.values() if e.actor == code), None)

