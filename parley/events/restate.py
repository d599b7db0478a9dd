"""Restating an action as the statement CAMEO codes: a plan as an intent or threat, a
requirement as a demand, wanting someone else to act as an appeal, a claimed attack as an
accusation (or a claim of responsibility), a reported plan or requirement as a statement."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from parley.events.actors import Actor
from parley.events.candidates import REPORTING_CODE, Candidate
from parley.events.clauses import SPEAKER_PRONOUNS, TARGET_PREPS, prep_objects, subject_head
from parley.events.coding import OBJECT_DEPS
from parley.events.lexicon import by_action
from parley.events.modality import find_modality
from parley.events.reading import Reading
from parley.events.statements import alleges, appeal_governor, stance_code, stance_of

__all__ = ["allegation", "as_statement", "reported_stance", "same_side"]

# CAMEO's threat, not otherwise specified.
THREAT_CODE = "130"
# An attack made ready for (CAMEO 152, increase military alert status), and the roots of
# the attacks (assault, fighting, mass violence).
ALERT_CODE = "152"
READIED_ROOTS = frozenset({"18", "19", "20"})
# A demand of no more particular kind (CAMEO 100).
DEMAND_CODE = "100"
# Roots of attacks and violence that, claimed by someone else, are an accusation.
ALLEGED_ROOTS = frozenset({"17", "18", "19", "20"})
# Words by which a speaker names itself as an attack's target in the clause it reports.
VICTIM_PRONOUNS = frozenset({"it", "us", "them"})


# Verbs of being or becoming: "will" before them forecasts a state, it announces no act.
STATE_VERBS = frozenset({"be", "become", "remain", "emerge", "stay", "prove", "seem", "appear"})
# Verbs of having, getting, needing or expecting: "will" before them foretells what befalls
# the subject ("he'll still get coverage", "he would gain ground", "Trump will exceed
# expectations"), it announces nothing the subject will do to anyone.
FORECAST_VERBS = frozenset(
    {"have", "get", "gain", "need", "expect", "exceed", "face", "suffer", "lose", "see"}
)


def same_side(one: Sequence[Actor], other: Sequence[Actor]) -> bool:
    """Whether two actor lists share a country (or an actor, for codes without one)."""
    codes = {a.code[:3] for a in one if a.code}
    return any(a.code and a.code[:3] in codes for a in other)


def as_statement(
    candidate: Candidate, reading: Reading, sources: list[Actor], targets: list[Actor]
) -> tuple[str, list[Actor], list[Actor]] | None:
    """A planned or required action as the statement CAMEO codes: (code, sources, targets).

    "will" makes any actor's plan an intent or threat; "would" only when the actor itself
    said it (an analyst's "would" is a guess, not a plan); "must" a demand when someone else
    says it, the one who must act becoming the target."""
    res = reading.resources
    if candidate.is_noun or candidate.code == REPORTING_CODE:
        return None
    asker = appeal_governor(candidate.token, res.stance_cues)
    if asker is not None:
        asker_head, _ = subject_head(asker)
        askers = [a for a in reading.resolve(asker_head) if a.resolved]
        if askers and sources:
            code = stance_code(candidate.code, "appeal", False, res.statement_codes)
            return code or "020", askers, sources
    stance = stance_of(candidate.token, res.stance_cues)
    if stance is None:
        return None
    speakers: list[Actor] = []
    if candidate.reported_by is not None:
        speaker_head, _ = subject_head(candidate.reported_by)
        speakers = reading.resolve(speaker_head)
        subject, _ = subject_head(candidate.token)
        if subject is not None and subject.lower_ in SPEAKER_PRONOUNS and speakers:
            # "French farmers said they would blockade Paris": "they" are the speakers.
            if not any(a.code for a in sources):
                sources = speakers
            if stance == "conditional":
                stance = "intent"
    if stance == "obligation":
        # "The president reminded Syria that it must cooperate": the telling is the event,
        # a demand on Syria, even when the text does not say whose president (issue 11: the
        # main clause's speech act is the event).
        named = any(a.resolved for a in (*speakers, *sources))
        if not speakers or not named or same_side(speakers, sources):
            return None
        # An action CAMEO gives no demand sub-code ("announced that the president must agree
        # to changes") is still required of the one who must act: a demand (100).
        code = stance_code(candidate.code, stance, False, res.statement_codes) or DEMAND_CODE
        return code, speakers, sources
    if stance == "conditional" and not same_side(speakers, sources):
        return None
    negated = find_modality(candidate.token, res.modality_cues) == "negated"
    readied = candidate.code[:2] in READIED_ROOTS and _readied(candidate.token)
    if stance == "intent" and not negated and readied:
        # "The army prepared to resume shelling the town", "rebels were preparing to
        # attack": forces made ready for an attack, a raised military alert (152), not a
        # threat anyone voiced ("is prepared to strike" stays a threat).
        return ALERT_CODE, sources, targets
    if stance == "intent" and not negated and _unless(candidate):
        # "will withdraw its force from Chad unless the president holds elections": a plan
        # made a condition of another's act is a threat, whatever the plan.
        code = by_action(res.statement_codes["threat"], candidate.code) or THREAT_CODE
        return code, sources, targets
    code = stance_code(candidate.code, stance, negated, res.statement_codes)
    return (code, sources, targets) if code else None


def _readied(verb: Token) -> bool:
    """Whether the verb's to-clause (or a chain of them) hangs on "prepare" as the clause's
    own finite or progressive verb ("prepared to resume shelling", "were preparing to
    attack"), not on the adjective of readiness ("is prepared to", "be prepared to")."""
    token = verb
    for _ in range(3):
        if token.dep_ != "xcomp" or token.head.i == token.i:
            return False
        token = token.head
        if token.lemma_.lower() == "prepare":
            return token.tag_ in ("VBD", "VBG", "VBZ", "VBP") and not any(
                c.dep_ in ("auxpass", "cop") for c in token.children
            )
    return False


def _unless(candidate: Candidate) -> bool:
    """Whether the verb's clause (or a verb it is coordinated with) holds an unless-clause."""
    token = candidate.token
    for verb in (token, token.head if token.dep_ == "conj" else token):
        for clause in verb.children:
            if clause.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "unless" for m in clause.children
            ):
                return True
    return False


def allegation(
    candidate: Candidate, reading: Reading, sources: list[Actor], targets: list[Actor]
) -> tuple[str, list[Actor], list[Actor]] | None:
    """A claimed or alleged attack as the statement CAMEO codes: "The US claimed that ISIL
    had attacked Iraq" is the US accusing ISIL (112); "X claimed that it attacked Y" is X
    claiming responsibility (015). Only for verbs that make a claim ("said" is attribution),
    but for an attack on the speaker itself: "Gondor said a shell was fired at it" is Gondor
    accusing the attacker."""
    res = reading.resources
    if candidate.code[:2] not in ALLEGED_ROOTS:
        return None
    clause = candidate.token
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "claimed that ISIL had attacked Iraq and taken Mosul"
    if clause.dep_ != "ccomp":
        return None
    speaker_head, _ = subject_head(clause.head)
    speakers = [a for a in reading.resolve(speaker_head) if a.resolved]
    doers = [a for a in sources if a.resolved]
    if not speakers or not doers:
        return None
    if not alleges(clause.head, res.stance_cues):
        # "Gondor said a shell was fired at it from Mordor": the speaker tells of an attack on
        # itself, a complaint against the attacker; a third party's "said" only attributes.
        if candidate.reported_by is None or not _told_by_victim(speakers, doers, targets):
            return None
        return "112", speakers, doers
    subject, _ = subject_head(candidate.token)
    own = same_side(speakers, doers) or (subject is not None and subject.lower_ in SPEAKER_PRONOUNS)
    if own:
        return "015", speakers, targets
    return "112", speakers, doers


def _told_by_victim(speakers: list[Actor], doers: list[Actor], targets: list[Actor]) -> bool:
    """Whether an attack's target is the speaker itself, named by a pronoun ("fired at it",
    "it was shelled by", "attacked us"), and the doers are someone else. A target named by
    its name ("killed two Gondor soldiers, the army said") is told, not complained of."""
    own = [t for t in targets if t.resolved and t.text.lower() in VICTIM_PRONOUNS]
    return bool(own) and same_side(speakers, own) and not same_side(speakers, doers)


def reported_stance(
    candidate: Candidate, reading: Reading, speakers: list[Actor]
) -> tuple[str, list[Actor], list[Actor]] | None:
    """A statement whose reported clause holds no coded action but a plan or a requirement:
    "Russia said Sudan must return the helicopter" is a demand of Russia's on Sudan (100);
    "Israel will evacuate the settlements, a spokesman said" Israel's intent (030)."""
    res = reading.resources
    for comp in candidate.token.children:
        if comp.dep_ not in ("ccomp", "parataxis") or comp.pos_ not in ("VERB", "AUX"):
            continue
        stance = stance_of(comp, res.stance_cues)
        if stance is None or find_modality(comp, res.modality_cues) == "negated":
            continue
        if stance == "intent" and (
            comp.lemma_.lower() in STATE_VERBS | FORECAST_VERBS or _is_passive(comp)
        ):
            # "The unions will surely emerge victorious", "X will be a strong country", "he
            # would gain ground", "the contest will be decided by the delegates": a forecast
            # of a state or of what befalls the subject, not a plan to act.
            continue
        subject, _passive = subject_head(comp)
        if subject is None or subject.i < 0:
            continue
        actors = [a for a in reading.resolve(subject) if a.resolved]
        if not actors:
            continue
        if stance == "obligation":
            if not speakers or same_side(speakers, actors):
                continue
            return DEMAND_CODE, speakers, actors
        if stance == "conditional" and not same_side(speakers, actors):
            continue
        objects = [c for c in comp.children if c.dep_ in OBJECT_DEPS]
        objects += prep_objects(comp, TARGET_PREPS)
        return "030", actors, [a for a in reading.first_resolved(objects) if a.resolved]
    return None


def _is_passive(verb: Token) -> bool:
    """Whether the verb is passive ("will be decided"): its subject undergoes the act."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
