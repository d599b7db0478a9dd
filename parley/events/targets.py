"""Targets for events whose words name nobody on the receiving end: the party of a warning's
if-clause, the other country of a conflictual sentence, the receiver of aid the text named
just before, the place an assault or a curfew is done to. The place any other action happened
in is its venue, no target ("a protest in Beijing" is not addressed to China), and the source's
own country is never taken for a target."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from parley.entities.nominal import phrase_tokens
from parley.events.actors import VENUE_PREPS, Actor, is_place, mention_at
from parley.events.candidates import Candidate
from parley.events.clauses import PLACE_PREPS, conditional_threat, prep_objects
from parley.events.coding import OBJECT_DEPS
from parley.events.reading import Reading

__all__ = [
    "HELD_THING_ROOTS",
    "POSTURE_ROOT",
    "acts_on_places",
    "condition_clause_target",
    "context_target",
    "held_thing_place",
    "implicit_target",
    "place_target",
    "venue_heads",
]

# How far back the text may have named the receiver of aid whose sentence names none: the
# last few parties named, within about two sentences.
CONTEXT_PARTIES = 4
CONTEXT_CHARS = 400
# Roots of acts done to a place rather than in it: concessions (a curfew eased), coercion (a
# curfew imposed), assault, fighting and mass violence ("demolished homes in southern Gaza",
# "retook a village in Cambodia"). The place of any other act is its venue ("talks in Geneva",
# "a naval drill in the West Sea": a show of force is aimed at someone, not at the sea).
PLACE_TARGET_ROOTS = frozenset({"08", "17", "18", "19", "20"})
# Military posture (CAMEO 15: drills, alerts, deployments): a show of force is aimed at
# someone, not at the ground it is held on, whatever preposition names the ground.
POSTURE_ROOT = "15"
# Roots of acts whose object is the receiving end when it names no one but a place holds it:
# a demand, a rebuke, a refusal, a threat or a cut ("suspended aid deliveries in Baghdad",
# "refused to deploy peacekeepers in Iraq", "rejected the vote in Crimea"). A meeting's,
# a protest's or a drill's object in a place is held there (``acts_on_places``): no target.
HELD_THING_ROOTS = frozenset({"10", "11", "12", "13", "16"})
# Verbs whose at-phrase is what they aim at, not a place ("aimed at", "targeted at").
AIMING_VERBS = frozenset({"aim", "target", "direct", "point"})
# The clauses a speaker reports ("said that ...", "..., he said"), and how many to climb.
REPORTED_DEPS = frozenset({"ccomp", "parataxis"})
MAX_REPORT_HOPS = 8
# Auxiliaries of a clause that supposes rather than reports ("could resume", "would pose").
SUPPOSING_AUXILIARIES = frozenset({"could", "would", "might", "may", "can"})


def acts_on_places(code: str) -> bool:
    """Whether an act of this code is done to the place it happens in."""
    return code[:2] in PLACE_TARGET_ROOTS


def condition_clause_target(
    candidate: Candidate, reading: Reading, targets: list[Actor]
) -> list[Actor]:
    """The party named in a conditional warning's if-clause ("if the US wants delay")."""
    if any(t.resolved for t in targets):
        return targets
    condition = conditional_threat(candidate.token, reading.text)
    if condition is None:
        return targets
    for token in condition.subtree:
        hit = mention_at(reading.mentions, token)
        if hit is not None:
            return [hit]
    return targets


def implicit_target(
    candidate: Candidate, sources: Sequence[Actor], reading: Reading, skip: Sequence[Token] = ()
) -> Actor | None:
    """For a conflictual event, an aid or a concession with no target: the other country the
    sentence names, outside the sources' own phrase ("US and British activists" names no
    target) and the places the event happened in ("clashed in Beijing" is not against China).
    Several sources doing it together ("X and Y are encroaching upon the sovereignty of Z ...
    by mobilizing drones") aim it at a country none of them is; parties of a symmetric act
    ("X and Y held talks") are each other's, which the records pair (the caller's check)."""
    sent = candidate.sentence
    codes = [s.code for s in sources]
    if not codes or None in codes:
        return None
    countries = {code[:3] for code in codes if code}
    own = {s.entity.id for s in sources if s.entity is not None}
    inside = {t.i for head in skip for t in head.subtree}
    inside |= _reporters(candidate.token)
    posture = candidate.code[:2] == POSTURE_ROOT
    if not acts_on_places(candidate.code):
        # Places anywhere in the sentence: "a hospital in Kabul", "met in Beijing"; a place
        # phrase the event is told in is not (all) its venue: "the situation in the region
        # reaching the brink of war due to X's exercises for invading Gondor".
        phrase = {t.i for t in candidate.token.subtree}
        for token in sent:
            if token.dep_ == "pobj" and token.head.lower_ in VENUE_PREPS and not _aim(token.head):
                words = {t.i for t in token.subtree}
                inside |= words - phrase if candidate.token.i in words else words
    for token in _aim_first(candidate):
        if token.i in inside:
            continue
        hit = mention_at(reading.mentions, token)
        if hit is None or hit.entity is None:
            continue
        entity = hit.entity
        if entity.id in own or not entity.actor or entity.actor[:3] in countries:
            continue
        if posture and is_place(entity) and _held_on(token):
            continue  # "staged drills on Paekryong Island": the ground a force is shown on
        return hit
    return None


def _held_on(token: Token) -> bool:
    """Whether the word lies in an on-phrase ("on islands including Paekryong")."""
    for _ in range(MAX_REPORT_HOPS):
        if token.dep_ == "pobj" and token.head.lower_ == "on":
            return True
        if token.head.i == token.i or token.dep_ in ("ROOT", "nsubj", "dobj", "ccomp"):
            return False
        token = token.head
    return False


def _aim_first(candidate: Candidate) -> list[Token]:
    """The sentence's words in the order they may name an event's aim: for an event noun, its
    own phrase first ("concern over the warlike forces' exercises for invading Gondor" is aimed
    at Gondor, not at the one concerned, who talks of the act), then the rest in text order."""
    sent = candidate.sentence
    if not candidate.is_noun:
        return list(sent)
    own = sorted(candidate.token.subtree, key=lambda t: t.i)
    inside = {t.i for t in own}
    return own + [t for t in sent if t.i not in inside]


def _aim(prep: Token) -> bool:
    """Whether an at-phrase says what something is aimed at ("drills aimed at the use of
    nuclear weapons against X"), not where it is."""
    return prep.lower_ == "at" and prep.head.lemma_.lower() in AIMING_VERBS


def _reporters(token: Token) -> set[int]:
    """The words of whoever reports a scenario an event is in ("Mark Fitzpatrick, formerly of
    the State Department, told VOA that X could resume attacks"): the speaker and their
    office are the ones who foresee it, not the ones it would be done to. (A reported act
    that happened may be done to the reporter's country: "..., Belgrade radio said".)"""
    words: set[int] = set()
    supposed = False  # the clause says what could or would happen, not what did
    for _ in range(MAX_REPORT_HOPS):
        if token.head.i == token.i:
            break
        supposed = supposed or any(
            c.dep_ == "aux" and c.lower_ in SUPPOSING_AUXILIARIES for c in token.children
        )
        reported = token.dep_ in REPORTED_DEPS
        token = token.head
        if reported and supposed:
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    words.update(t.i for t in child.subtree)
    return words


def context_target(candidate: Candidate, source: Actor, reading: Reading) -> Actor | None:
    """For aid or a concession whose sentence names no receiver: the last other country
    the text named just before ("... talks with the DPRK. The U.S. promised to offer food
    assistance" is aid to the DPRK). Not written in the sentence: no words of its own."""
    if source.code is None or len(source.code) < 3:
        return None
    start = candidate.sentence.start_char
    for ref in reversed(reading.mentions.distinct_before(start, CONTEXT_PARTIES)):
        entity = ref.entity
        if start - ref.end > CONTEXT_CHARS:
            break
        if entity.kind != "country" or not entity.actor or entity.actor[:3] == source.code[:3]:
            continue
        return Actor(entity, "", source.start, source.start, implied=True)
    return None


def venue_heads(verb: Token) -> list[Token]:
    """The places the verb's action happened in: its own in/at-phrases and its object's."""
    heads = prep_objects(verb, PLACE_PREPS)
    for obj in verb.children:
        if obj.dep_ in OBJECT_DEPS:
            heads += prep_objects(obj, PLACE_PREPS)
            # "shortened the curfew imposed in Sudan": where the thing acted on holds.
            for clause in obj.children:
                if clause.dep_ == "acl":
                    heads += prep_objects(clause, PLACE_PREPS)
    return heads


def place_target(verb: Token, reading: Reading) -> Actor | None:
    """Where an action took place: for an arrest with no agent, the state that made it; for
    an act done to a place (``acts_on_places``: "imposed a curfew in Cizre"), its target.
    Only a country or a place the entity stage put in one; the verb's own phrases, or its
    object's ("demolished homes in southern Gaza")."""
    for head in venue_heads(verb):
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


def held_thing_place(
    candidate: Candidate, sources: Sequence[Actor], targets: Sequence[Actor], reading: Reading
) -> Actor | None:
    """For an act whose target phrase names no one (``HELD_THING_ROOTS``), the country or place
    of the phrase's own in/at-phrase: what was cut, refused or condemned there is done to that
    place ("suspended aid deliveries in Baghdad" to Iraq). Never the source's own country
    ("rejected the bill in parliament in Seoul"), and only the phrase's head's own place, not
    a place further down ("rejected the plan of the office in Geneva")."""
    own = {s.code[:3] for s in sources if s.code}
    if not own:
        return None
    for target in targets:
        if target.resolved or target.implied:
            continue
        head = _phrase_head(candidate.sentence, target.start, target.end)
        if head is None:
            continue
        for place in prep_objects(head, PLACE_PREPS):
            hit = mention_at(reading.mentions, place)
            if hit is None or hit.entity is None or not hit.code:
                continue
            if is_place(hit.entity, countries=True) and hit.code[:3] not in own:
                return hit
    return None


def _phrase_head(sent: Span, start: int, end: int) -> Token | None:
    """The word of the sentence that heads the characters from ``start`` to ``end``."""
    for token in sent:
        if start <= token.idx < end and not start <= token.head.idx < end:
            return token
        if token.head.i == token.i and start <= token.idx < end:
            return token
    return None
