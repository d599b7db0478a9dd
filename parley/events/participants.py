"""Who acted and on whom, for one coded word: the phrases around it mapped to entities.

A verb's sources are its subject (active, or the agent of a passive; inherited from a governing
clause: "urged China to ease" makes China the easer; the speaker for a pronoun in a reported
clause), its targets its objects and the objects of its prepositions. An event noun's are its
possessor, its by-, between-, of- and against-phrases, the verb that carries it ("launched an
air strike against X") or, with a receiving verb ("faces pressure from"), that verb's subject.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Token

from parley.events.actors import (
    FIRST_PERSON,
    JOINT_NOUNS,
    JOINT_WORDS,
    MEDIUM_PREPS,
    SECOND_PERSON,
    VENUE_PREPS,
    Actor,
    in_paraphrase,
    is_place,
    joint_partners,
    mention_at,
)
from parley.events.candidates import (
    ALLEGING_PREPS,
    GREETING_CODE,
    REPORTING_CODE,
    Candidate,
)
from parley.events.clauses import (
    OBJECT_TARGET_PREPS,
    PASSIVE_SUBJECT_DEPS,
    SOURCE_PREPS,
    SPEAKER_PRONOUNS,
    SUBJECT_DEPS,
    TARGET_PREPS,
    agent,
    passive_patient,
    prep_objects,
    subject_head,
)
from parley.events.coding import ADJ_PREP, OBJECT_DEPS
from parley.events.reading import Reading
from parley.events.statements import stance_of
from parley.events.targets import POSTURE_ROOT, acts_on_places, place_target

__all__ = ["noun_actors", "verb_actors"]

# Pronouns that may stand for the one addressed ("told Iran that it must stop").
ADDRESSEE_PRONOUNS = frozenset({"it", "they", "he", "she"})
# Criticism and rejection (CAMEO 11, 12): their at- or against-phrase is what they go at, and
# the doer of an act named there is the one criticised.
DISAPPROVING_ROOTS = frozenset({"11", "12"})
AIMED_PREPS = ("at", "against")
# Words that make a modifier the one an event is aimed at ("anti-DPRK", "DPRK-targeted").
AIMED_WORDS = frozenset({"anti", "targeted", "aimed", "directed", "against"})
# Protests (CAMEO 14) and how many phrases of a protest's clause may name its target.
PROTEST_ROOT = "14"
MAX_PROTESTED = 6
# A protest's clauses that say what it is for ("to demand X", "calling for X"), and the
# prepositions that name what it is over ("a strike over a levy imposed by X").
PURPOSE_DEPS = frozenset({"advcl", "xcomp"})
GRIEVANCE_PREPS = ("over", "against")
# Rejection (CAMEO 12) and the demands it holds out against ("declined to resign despite
# pressure from X", "refused despite calls by X"): who pressed is who is rebuffed.
REJECT_ROOT = "12"
# Mediation (CAMEO 045): "mediated between X and Y", "a mediation effort between X and Y"
# is done by the mediator to both sides, neither of whom mediates.
MEDIATE_CODE = "045"
PRESSING_NOUNS = frozenset(
    {"pressure", "call", "demand", "appeal", "request", "plea", "urging", "ultimatum"}
)
# The target prepositions of a protest, without "at" that says where it is held ("a rally at
# the square").
VENUELESS_PREPS = tuple(p for p in TARGET_PREPS if p != "at")
HYPHENS = frozenset({"-", "\u2010", "\u2011", "\u2013"})
# Verbs whose on-phrase names the one acted on, a medium too ("called on Twitter to remove
# the posts", "cracked down on Facebook", "put pressure on YouTube").
ON_PARTY_VERBS = frozenset({"call", "crack", "clamp", "press", "put", "impose", "spy", "urge"})
# A visit (CAMEO 042) and the verbs of arriving whose in-phrase is the place visited.
VISIT_CODE = "042"
# Peacekeepers sent (CAMEO 074): where they arrive is the country that receives them, as the
# country visited receives a visit.
ARRIVING_CODES = frozenset({VISIT_CODE, "074"})
# Harm to people and things (CAMEO 17-20: coercion, assault, fighting, mass violence): when an
# act does it ("the bombing killed ten"), the act's doer does it.
PLACE_HARM_ROOTS = frozenset({"17", "18", "19", "20"})
ARRIVAL_VERBS = frozenset({"arrive"})
# A state's missions abroad: the place one is opened or closed in is the host country.
MISSION_NOUNS = frozenset({"embassy", "consulate", "legation"})
# What one seeks in a place from the state there ("fled to seek refuge in Arnor", "asked for
# asylum in Rohan"): the place is the one asked, not the venue. Requests are CAMEO 02 and 10.
REFUGE_WORDS = frozenset({"refuge", "asylum", "sanctuary"})
# Nouns of harm done to someone whose of-phrase is always the one harmed, never the doer
# ("the invasion of Afghanistan", "the killing of civilians"); "aggression", "attack" and
# "provocation" are left out: their of-phrase is often the doer ("the aggression of X").
PATIENT_OF_NOUNS = frozenset(
    {
        "invasion",
        "occupation",
        "annexation",
        "bombing",
        "bombardment",
        "shelling",
        "killing",
        "murder",
        "assassination",
        "arrest",
        "detention",
        "abduction",
        "kidnapping",
        "execution",
        "expulsion",
        "blockade",
        "siege",
        "persecution",
        "massacre",
    }
)
REQUEST_ROOTS = frozenset({"02", "10"})
# Nouns that ask for an act to stop ("an end to", "a halt to", "the cessation of").
CESSATION_NOUNS = frozenset(
    {"end", "halt", "stop", "cessation", "suspension", "termination", "stoppage"}
)
# The phrases of the source's own thing acted on that name whom it is for ("went back on his
# pledge to X", "withdrew its support for X", "broke off its talks with X").
OWN_THING_PREPS = ("to", "for", "with", "against", "on", "toward", "towards")
# Support (CAMEO 05) and the prepositions of its carrier verb that name who gets it.
SUPPORT_ROOT = "05"
SUPPORTED_PREPS = ("with", "for", "to")
# Verbs whose subject is the one on the trip, visit or tour an on-phrase names ("is on a trip
# to Asia", "arrived on a visit", "went on a tour of the region").
JOURNEY_VERBS = frozenset({"be", "go", "come", "arrive", "travel", "leave", "embark", "return"})
# Adjectives of zeal whose on/with/in-phrase names what their subject does ("the U.S. is keen on
# sanctions against X", "getting frantic with war drills", "engrossed in confrontation"):
# words of state-media copy (keen on, hell-bent on, engrossed in, busy with, obsessed with,
# frantic with: about 400 times in the two KCNA corpora).
ZEAL_WORDS = frozenset(
    {"keen", "bent", "hell-bent", "frantic", "engrossed", "busy", "obsessed", "intent"}
)
ZEAL_PREPS = frozenset({"on", "with", "in", "upon"})
# Nouns of a bond between two parties ("boost the Sino-DPRK friendly relations", "develop the
# relations between Cuba and the DPRK"): the party of the pair who is not the doer is whom the
# bond is built with.
BOND_NOUNS = frozenset(
    {"relation", "relations", "relationship", "tie", "ties", "friendship", "partnership",
     "alliance", "cooperation", "exchange", "exchanges"}
)  # fmt: skip
# Praise (CAMEO 051: a tribute paid, a wreath laid) and the things a tribute is laid at that
# stand for the one honoured ("before the portrait of X", "at the statue of X").
PRAISE_CODE = "051"
# Acts done before a memorial, for the one it holds: tributes and condolences (018).
MEMORIAL_CODES = frozenset({PRAISE_CODE, "018"})
MEMORIAL_PREPS = ("before", "at", "to", "in front of")
# Intents and agreements (CAMEO 03): one agrees with whose proposal one accepts.
AGREE_ROOT = "03"
# What a visit's "to pay ... to X" pays when X is the one the visit honours.
HOMAGE_NOUNS = frozenset({"homage", "tribute", "respect", "respects", "condolence", "condolences"})
MEMORIALS = frozenset(
    {"portrait", "bier", "statue", "bust", "tomb", "grave", "mausoleum", "monument",
     "memorial", "cemetery", "coffin", "remains", "mural", "mosaic", "tablet"}
)  # fmt: skip


def _unnamed_doer(verb: Token, reading: Reading) -> list[Actor]:
    """Who did a passive act that names no agent: the doer of the attack it happened in
    ("killed in Israeli tank shelling", "killed in an air strike by government forces"), or
    where a shot came from ("a mortar bomb was fired at it from the Gaza Strip")."""
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            if prep.lower_ in ("in", "during") and noun.i in reading.candidates:
                inner = reading.candidates[noun.i]
                if inner.is_noun:
                    doers, _ = noun_actors(inner, reading, depth=1)
                    if doers:
                        return doers
            elif prep.lower_ == "from":
                doers = [a for a in reading.resolve(noun) if a.resolved]
                if doers:
                    return doers
    return []


def _letter_side(pronoun: Token, reading: Reading) -> bool:
    """ "I" or "you" in a printed message: its sender or addressee (``letters``), whatever
    verb the parser hung its clause from."""
    lower = pronoun.lower_
    if lower not in FIRST_PERSON and lower not in SECOND_PERSON:
        return False
    return any(letter.covers(pronoun.idx) for letter in reading.letters)


def _quoted_first_person(pronoun: Token, resolved: Sequence[Actor], reading: Reading) -> bool:
    """Whether an "I" or "we" is the quote stage's to say: it stands for the speaker of the
    quote it is in (or of the statement it continues), not for the subject of the verb the
    parser hung its clause from, which in a run-on of joined paragraphs is the next
    speaker's cue ("I wish I could ride there.", , X, keeper of a granary under the
    Ministry, said:"); or it lies in a paraphrase, whose "we" is the reporter's ("X says we
    should close the border")."""
    if pronoun.lower_ not in FIRST_PERSON:
        return False
    return any(a.resolved for a in resolved) or in_paraphrase(pronoun, reading.text, reading.quotes)


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _between_pair(candidate: Candidate, reading: Reading) -> list[Actor]:
    """The parties of a between-phrase on the word a light verb carries ("talks between X
    and Y were held"), when that word names a symmetric act."""
    verb = candidate.token
    for word in candidate.match.extra:
        if not reading.resources.is_symmetric((word,)):
            continue
        # "talks between X and Y were held", "talks were held between X and Y", "the second
        # round of talks was held ... between X and Y"
        holders = [word, verb]
        if word.dep_ == "pobj" and word.head.lower_ == "of":
            holders.append(word.head.head)
        for prep in (c for holder in holders for c in holder.children):
            if prep.dep_ == "prep" and prep.lower_ == "between":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return _both_sides(obj, reading)
    return []


def _shared_partners(candidate: Candidate, reading: Reading) -> list[Token]:
    """Whom a joint act with no object of its own was done with, from the with-phrase of the
    verb joined after it: "met and conversed with X", "met and had a talk with X" (the
    parser hangs the phrase under the second verb or its object alone)."""
    verb = candidate.token
    if not reading.resources.is_symmetric((verb,)):
        return []
    found: list[Token] = []
    for conjunct in verb.children:
        if conjunct.dep_ != "conj" or conjunct.i < verb.i or conjunct.pos_ != "VERB":
            continue
        if any(c.dep_ in SUBJECT_DEPS for c in conjunct.children):
            continue  # a clause of its own: "X met Y and Z talked with W"
        found += prep_objects(conjunct, ("with",))
        for obj in conjunct.children:
            if obj.dep_ == "dobj":
                found += prep_objects(obj, ("with",))
    return found


def _raised_objects(verb: Token) -> list[Token]:
    """The object a disapproving verb shares with the verb joined right after it: "condemn
    and reject it", "denounced and rejected the resolution" (the parser hangs the object under
    the last verb alone). Only when nothing but adverbs stands between the two verbs."""
    for conjunct in verb.children:
        if conjunct.dep_ != "conj" or conjunct.i < verb.i or conjunct.pos_ != "VERB":
            continue
        between = verb.doc[verb.i + 1 : conjunct.i]
        if any(t.dep_ not in ("cc", "advmod") for t in between):
            return []
        if any(c.dep_ in SUBJECT_DEPS for c in conjunct.children):
            return []  # a clause of its own: "X condemned and Y rejected it"
        return [c for c in conjunct.children if c.dep_ in ("dobj", "obj")]
    return []


def _both_sides(obj: Token, reading: Reading) -> list[Actor]:
    """The parties of "between X and Y"; the parser may hang Y under a phrase of X's ("between
    the X delegation led by A and the Y delegation"): then the conjunct found deeper."""
    pair = [a for a in reading.resolve(obj) if a.resolved]
    if len(pair) > 1:
        return pair
    for token in obj.subtree:
        if token.dep_ != "conj" or token.i == obj.i:
            continue
        known = {p.key for p in pair}
        more = [a for a in reading.resolve(token) if a.resolved and a.key not in known]
        if more:
            return pair + more[:1]
    return pair


def _addressee(subject: Token, reading: Reading) -> list[Actor]:
    """Who a pronoun in a reported obligation stands for: the one told, not the teller
    ("reminded Syria that it must cooperate", "told Iran that it should stop")."""
    clause = subject.head
    if subject.lower_ not in ADDRESSEE_PRONOUNS or clause.dep_ != "ccomp":
        return []
    if stance_of(clause, reading.resources.stance_cues) != "obligation":
        return []
    told = [c for c in clause.head.children if c.dep_ in ("dobj", "dative") and c.i < clause.i]
    if not told:
        return []
    start = subject.idx
    return [
        dataclasses.replace(a, text=subject.text, start=start, end=start + len(subject))
        for a in reading.resolve(told[0])
        if a.resolved
    ]


def _to_blame(verb: Token) -> bool:
    """Whether the verb is the "blame" of "X is (chiefly) to blame": an infinitive after
    "be" with no object, whose subject is the one blamed, not the one blaming."""
    return (
        verb.lemma_.lower() == "blame"
        and verb.dep_ in ("xcomp", "advcl")  # the parser reads it either way
        and verb.head.lemma_.lower() == "be"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not any(c.dep_ in ("dobj", "obj") for c in verb.children)
    )


def verb_actors(
    candidate: Candidate, reading: Reading
) -> tuple[list[Actor], list[Actor], list[Token]]:
    """(sources, targets, heads of the source phrases) of a coded verb."""
    verb = candidate.token
    subject, passive = subject_head(verb, reading.mentions.parse)
    # "The U.S. is chiefly to blame for the tension, the spokesman said": the one who is
    # to blame is blamed; the blaming is the reporter's.
    blamed = subject if _to_blame(verb) else None
    if blamed is not None:
        subject = None
    if (
        (subject is None or subject.tag_ == "WDT")
        and not passive
        and candidate.reported_by is not None
    ):
        # "X said it would attack" -- but not "three were killed, police said": a passive
        # without its agent has an unknown doer, not the reporter. "X issued a statement
        # which denounced Y": the statement's "which" is its issuer's voice.
        subject, passive = subject_head(candidate.reported_by, reading.mentions.parse)
    sources = reading.resolve(subject)
    act = reading.candidates.get(subject.i) if subject is not None else None
    if act is not None and act.is_noun and candidate.code[:2] in PLACE_HARM_ROOTS:
        # "The shelling of Donetsk by X killed ten", "wounded by an Israeli bombing in
        # Gaza": a harm done by an act is done by whoever did the act, not by the place the
        # act hit or happened in. With no doer named ("a roadside bombing near Samarra
        # killed ..."), the place stands for its country's unknown attackers, as PLOVER
        # codes them.
        doers = [a for a in noun_actors(act, reading, depth=1)[0] if a.resolved]
        sources = doers or sources
    # "the Yonphyong Island shelling (incident)": a place the parser makes the subject of
    # the gerund right after it, with no auxiliary, names where the act happened, not who
    # did it; an act done to places (shelling) is done to it.
    site: list[Actor] = []
    if (
        subject is not None
        and verb.tag_ == "VBG"
        and subject.i == verb.i - 1
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    ):
        site = [a for a in sources if a.entity is not None and is_place(a.entity)]
        sources = [a for a in sources if a not in site]
    addressed = _addressee(subject, reading) if subject is not None and not passive else []
    if addressed:
        sources = addressed
    elif (
        subject is not None
        and not passive
        and subject.lower_ in SPEAKER_PRONOUNS
        and not _letter_side(subject, reading)
        and not _quoted_first_person(subject, sources, reading)
        and subject.head.dep_ == "ccomp"
        and subject.head.head.pos_ in ("VERB", "AUX")
    ):
        # "Bouteflika said he is prepared to lift the ban": the pronoun subject of a
        # reported clause is its speaker, not whoever was named last.
        speaker, speaker_passive = subject_head(subject.head.head)
        speakers = [a for a in reading.resolve(speaker) if a.code] if not speaker_passive else []
        person = subject.lower_ in ("he", "she")
        if speakers and all(
            (a.entity is not None and a.entity.kind == "person") == person
            for a in speakers
            if a.entity is not None
        ):
            # The words stay the pronoun as written; who it is, the speaker.
            start = subject.idx
            sources = [
                dataclasses.replace(a, text=subject.text, start=start, end=start + len(subject))
                for a in speakers
            ]
    if passive and subject is None and candidate.code[:2] >= "14":
        sources = _unnamed_doer(verb, reading)
        if not sources and candidate.code[:2] == "17":
            # "A missionary was arrested in Lebanon": the state where it happened did it.
            place = place_target(verb, reading)
            sources = [place] if place is not None else []
    if (
        subject is not None
        and (verb.dep_ == "acl" or (verb.dep_ == "relcl" and _to_infinitive(verb)))
        and verb.head.i == subject.i
        and subject.dep_ in ("dobj", "obj")
    ):
        own = reading.resolve(subject, places=False)
        if not any(a.resolved for a in own):
            # Where the thing was held is not who speaks through it ("held a press
            # conference in Seoul denouncing X" is the holder's, or no one named).
            sources = own
    if (
        subject is not None
        and not any(a.resolved for a in sources)
        and (verb.dep_ == "acl" or (verb.dep_ == "relcl" and _to_infinitive(verb)))
        and verb.head.i == subject.i
        and subject.dep_ in ("dobj", "obj")
    ):
        # "The PKK issued a declaration demanding ...": the declaration speaks for its issuer;
        # "took a measure to cut off roads": the measure is its taker's.
        issuer, issuer_passive = subject_head(subject.head)
        if issuer is not None and not issuer_passive:
            issuers = reading.resolve(issuer)
            if any(a.resolved for a in issuers):
                sources, subject = issuers, issuer
    condition_words = set(t.i for t in candidate.match.extra)
    target_heads: list[Token] = [] if blamed is None else [blamed]
    if passive:
        target_heads += [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        target_heads += passive_patient(verb)
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            target_heads.append(verb.head)
    target_heads += [
        c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i not in condition_words
    ]
    # The event noun's own phrases first ("extended congratulations to X on the birthday of
    # Y": X is congratulated, the birthday is the occasion), then the verb's.
    # Support, sympathy or respect "for" someone goes to them ("expressed support for X").
    preps = (*TARGET_PREPS, "for") if candidate.code[:2] == SUPPORT_ROOT else TARGET_PREPS
    for word in candidate.match.extra:  # "impose pressure on North Korea", "hold talks with"
        target_heads += prep_objects(word, preps)
        target_heads += [
            h
            for h in prep_objects(word, _condition_preps(candidate))
            if not _subject_pronoun(h, sources, reading)
        ]
    target_heads += prep_objects(verb, TARGET_PREPS)
    # "extended congratulations on behalf of the people and on his own behalf to X": the
    # parser hangs the to-phrase on the last "behalf".
    target_heads += [h for b in _behalves(verb) for h in prep_objects(b, ("to",))]
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if not target_heads and not objects and not passive:
        target_heads += _shared_partners(candidate, reading)
    if (
        not target_heads
        and not objects
        and not passive
        and candidate.code[:2] in DISAPPROVING_ROOTS
    ):
        objects = _raised_objects(verb)
        target_heads += objects
    # "condemned the attack by Mordor on Rohan": the object's doer is the one condemned. An
    # active verb has no agent, so its own by-phrase is its object's, however the parser
    # hangs it ("condemned the launch by North Korea").
    # "lashed out at the drills launched by X", "protested against the sanctions imposed by
    # Y": what a criticism or a rejection is aimed at is its object too.
    aimed_at = (
        [h for word in (verb, *candidate.match.extra) for h in prep_objects(word, AIMED_PREPS)]
        if candidate.code[:2] in DISAPPROVING_ROOTS
        else []
    )
    objects_acted_on = [*objects, *aimed_at]
    by_heads = [h for obj in objects_acted_on for h in prep_objects(obj, ("by",))]
    # "supported the statement issued by X", "rejected the resolution adopted by Y": the
    # thing acted on speaks for its author.
    by_heads += [
        h
        for obj in objects_acted_on
        for h in _participle_agents(obj, reading)
        if any(a.code for a in reading.resolve(h))
    ]
    if objects and not passive:
        by_heads += prep_objects(verb, ("by",))
    # "denounced the U.S. invasion of Iraq", "condemned the American sanctions against Cuba":
    # the act's doer, named by a modifier, is the one condemned, not the one it is done to.
    by_heads += [h for obj in objects_acted_on for h in _modifying_doers(obj, reading)]
    doers = reading.first_resolved(by_heads)
    if any(a.resolved for a in doers):
        target_heads = by_heads + target_heads
    if candidate.code == GREETING_CODE and candidate.folded:
        # "asked the ambassador to convey his greetings to X": X is greeted, not the
        # messenger the asking verb names.
        target_heads = [
            h for folded in candidate.folded for h in prep_objects(folded, ("to",))
        ] + target_heads
    for folded in candidate.folded:  # "urged China not to withdraw from talks with X"
        folded_objects = [c for c in folded.children if c.dep_ in OBJECT_DEPS]
        target_heads += folded_objects
        target_heads += prep_objects(folded, TARGET_PREPS)
        # "promised to continue military aid to Mozambique": the aid's receiver.
        objects += folded_objects
    for comp in verb.children:
        # "promised to continue military aid to Mozambique": an uncoded to-clause's objects.
        if comp.dep_ == "xcomp" and comp not in candidate.folded:
            objects += [c for c in comp.children if c.dep_ in OBJECT_DEPS]
            target_heads += prep_objects(comp, TARGET_PREPS)
    if candidate.code[:2] in REQUEST_ROOTS:
        # "called for the resignation of X", "demanded punishing X", "called for toppling
        # X from power": the act asked for is done to the one the demand is aimed at.
        target_heads += _asked_for(verb, reading)
    for obj in objects:  # "promised aid to Mozambique", "accepted demands from the rebels"
        target_heads += prep_objects(obj, OBJECT_TARGET_PREPS)
    for obj in objects:  # last, whose the thing acted on is: "rejected the proposal of X"
        if (verb.lemma_.lower(), "of") not in ALLEGING_PREPS:
            # Not the act one is accused of: "accused the group of confrontation with X".
            target_heads += prep_objects(obj, ("of",))
    if candidate.code[:2] == AGREE_ROOT:
        # "accepted Tunisia's proposal": the proposal's owner is who is agreed with, even
        # when the pattern takes the proposal into the trigger.
        target_heads += [
            c for obj in objects for c in obj.children if c.dep_ == "poss" and c.pos_ != "PRON"
        ]
    if candidate.code[:2] == "08":
        # "withdraw its troops from Lebanon": a concession's target is where it leaves.
        target_heads += prep_objects(verb, ("from",))
        for folded in candidate.folded:
            target_heads += prep_objects(folded, ("from",))
    if candidate.code[:2] in ("02", "10"):
        # "demanded that Israel ease restrictions", "wants Rohan to attack Mordor": the one
        # asked to act is the target, before anyone the asked-for act names.
        asked = [
            c
            for comp in verb.children
            if comp.dep_ == "ccomp"
            for c in comp.children
            if c.dep_ in SUBJECT_DEPS
        ]
        target_heads = asked + target_heads
    elif not objects and not passive and any(a.code for a in sources):
        # "allowed X to hold a rally", "forced X to withdraw": the parser makes the one let
        # or made to act the subject of a to-clause; that one is what the act is done to.
        # Only when a party does it: "the new technology allowed X to ..." is no event.
        target_heads = [
            c
            for comp in verb.children
            if comp.dep_ == "ccomp" and _to_infinitive(comp)
            for c in comp.children
            if c.dep_ in SUBJECT_DEPS
        ] + target_heads
    if candidate.code in MEMORIAL_CODES:
        # "laid a wreath before the portrait of X", "at the statue of X", "expressed
        # condolences before the bier of X": the one honoured or mourned.
        target_heads = _honoured(verb, candidate.match.extra) + target_heads
    if candidate.code == VISIT_CODE:
        # "visited the memorial palace to pay homage to X": a visit of homage is made to
        # the one honoured, not to the building (docs/annotation.md).
        target_heads = _homage_paid(verb) + target_heads
    places = acts_on_places(candidate.code)
    asylum = _asylum_places(verb, candidate) if candidate.code[:2] in REQUEST_ROOTS else []
    reached = _destinations(verb, candidate, sources, reading) or _mission_hosts(
        verb, candidate, sources, reading
    )
    if asylum:
        # "seeks refuge in Arnor": Arnor is asked, whatever else the verb names.
        target_heads = asylum + target_heads
        places = True
    elif not places:
        # "held talks at Yongbyon": where it happened, not with whom; "staged drills on
        # Paekryong Island": where the force was shown, not at whom.
        target_heads = [
            h
            for h in target_heads
            if not _venue(h, reading) and not _posture_site(h, candidate, reading)
        ]
    if reached:
        # "arrived in Pyongyang": the place a visit arrives in is the host it visits.
        target_heads = reached + target_heads
    target_heads = [h for h in target_heads if not _medium(h, verb, reading)]
    # "At the banquet in the Koryo Hotel, the minister vowed ...": a place or occasion set
    # before the subject is the scene, whoever it names.
    target_heads = [h for h in target_heads if not _scene(h, verb, subject)]
    named_for = _in_the_name_of(
        verb, [*objects, *(c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS)]
    )
    honouring = reading.first_resolved(named_for) if named_for else []
    if any(a.resolved for a in honouring):
        # "A wreath in the name of X was laid", "sent a wreath in the name of X": X is who
        # honours, never whom.
        if not any(a.resolved for a in sources):
            sources = honouring
        inside = {t.i for h in named_for for t in h.subtree}
        target_heads = [h for h in target_heads if h.i not in inside]
    if candidate.code[:2] in REQUEST_ROOTS:
        target_heads = _stoppers_first(target_heads, objects, verb, reading)
    target_heads = _past_own_things(target_heads, sources, reading, places)
    partners = _drill_partners(candidate) if candidate.code[:2] == POSTURE_ROOT else []
    if partners:
        # "staged joint drills with the U.S.": the partner stages them too; they are aimed at
        # someone else, if anyone.
        gone = {h.i for h in partners}
        target_heads = [h for h in target_heads if h.i not in gone]
    targets = reading.first_resolved(target_heads, places=places)
    if partners:
        keys = {a.key for a in sources if a.resolved}
        allies = [a for a in reading.first_resolved(partners) if a.resolved and a.key not in keys]
        sources = [*sources, *allies]
    if site and acts_on_places(candidate.code) and not any(a.resolved for a in targets):
        targets = site
    if not any(a.resolved for a in targets):
        targets = _bond_partner(objects, sources, reading) or targets
    if candidate.code[:2] == PROTEST_ROOT and not any(a.resolved for a in targets):
        # "Thousands marched calling for sanctions against X": what it is for names whom.
        targets = _protest_aims([verb], reading, sources) or targets
    if candidate.code[:2] == REJECT_ROOT and not any(a.resolved for a in targets):
        targets = _pressers(verb, reading, sources) or targets
    if candidate.code == MEDIATE_CODE and not any(a.resolved for a in targets):
        targets = _mediated(verb, reading) or targets
    if not any(a.resolved for a in sources):
        # "Talks between X and Y were held": the parties of the light verb's event noun.
        pair = _between_pair(candidate, reading)
        if pair:
            sources, targets = pair, [t for t in targets if t.key not in {a.key for a in pair}]
    heads = [subject] if subject is not None else []
    if subject is not None and subject.head.dep_ == "relcl" and subject.lower_ in ("that", "which"):
        # "a Nov. 2 column by the director ... that warned": the column's date dates it.
        noun = subject.head.head
        heads.append(noun)
        for _ in range(2):
            if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
                break
            noun = noun.head.head
            heads.append(noun)
    return sources, targets, heads


def _drill_partners(candidate: Candidate) -> list[Token]:
    """The with-phrases of a joint drill ("staged joint military exercises with the U.S.",
    "held combined drills together with Japan"): the partners who hold it with the doer."""
    verb = candidate.token
    if candidate.is_noun and verb.dep_ in ("dobj", "obj"):
        verb = verb.head  # "began joint drills with X": the parser may hang it on the verb
    drills = [
        w
        for w in (candidate.token, verb, *candidate.match.extra)
        if w.lemma_.lower() in JOINT_NOUNS and any(c.lower_ in JOINT_WORDS for c in w.children)
    ]
    if not drills:
        return []
    return [h for w in {verb, *drills} for h in prep_objects(w, ("with",))]


def _bond_partner(
    objects: Sequence[Token], sources: Sequence[Actor], reading: Reading
) -> list[Actor]:
    """The other party of the bond a verb acts on, when nothing else names a target: "China
    will boost the Sino-DPRK relations", "we developed the DPRK-Russia relations", "develop
    the relations between Cuba and the DPRK" are done with the DPRK, Russia, the DPRK. The
    pair's member of the doer's own country is the doer, never its target; with no doer
    known, no member is the other one."""
    own = {a.code[:3] for a in sources if a.code}
    if not own:
        return []
    for obj in objects:
        if obj.lower_ not in BOND_NOUNS:
            continue
        pair: list[Actor] = []
        for child in obj.children:
            if child.dep_ in ("compound", "amod", "nmod"):
                pair += reading.resolve(child)
                pair += _hyphened(child, reading)
            elif child.dep_ == "prep" and child.lower_ == "between":
                pair += [
                    a for g in child.children if g.dep_ == "pobj" for a in _both_sides(g, reading)
                ]
        others = [a for a in pair if a.code and a.code[:3] not in own]
        if others and len(others) < len(pair):
            return others[:1]
    return []


def _condition_preps(candidate: Candidate) -> tuple[str, ...]:
    """The preposition an adjective condition requires ("adj:critical/of"): its phrase names
    whom the stance is taken against ("has been critical of X", "grew dismissive of Y"),
    though "of" names no target on other words."""
    condition = candidate.match.pattern.condition
    if condition is None or condition[0] != "adj":
        return ()
    _, _, prep = condition[1].partition(ADJ_PREP)
    return (prep,) if prep else ()


def _subject_pronoun(head: Token, sources: Sequence[Actor], reading: Reading) -> bool:
    """Whether a plain pronoun resolves to the clause's own subject: "people are critical of
    them" is never of the people themselves (only "themselves" could be), so the resolver's
    pick is wrong and the phrase names no one known."""
    if head.pos_ != "PRON" or head.lower_.endswith(("self", "selves")):
        return False
    own = {s.key for s in sources if s.resolved}
    return any(a.key in own for a in reading.resolve(head))


def _in_the_name_of(verb: Token, things: Sequence[Token]) -> list[Token]:
    """The heads X of "in the name of X" hung on the verb, on what it acts on, or on a
    phrase of the verb the parser hung it on ("laid before the portrait | in the name of
    X")."""
    found = []
    placed = [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    for word in (verb, *things, *placed):
        for name in prep_objects(word, ("in",)):
            if name.lower_ == "name":
                found += prep_objects(name, ("of",))
    return found


def _past_own_things(
    heads: list[Token], sources: Sequence[Actor], reading: Reading, places: bool
) -> list[Token]:
    """The target phrases with the source's own things ("his commitment", "its pledge": the
    phrase resolves to its possessor, the source itself) replaced by whom those things are
    for ("went back on his pledge of aid to the Rohan farmers"): the source is never its own
    target, and its pledge is made to someone."""
    own_keys = {a.key for a in sources if a.key is not None}
    own_codes = {a.code for a in sources if a.code}
    if not own_keys:
        return heads
    out: list[Token] = []
    for head in heads:
        owned = any(c.dep_ == "poss" for c in head.children)
        named = [a for a in reading.resolve(head, places) if a.resolved] if owned else []
        if named and all(a.key in own_keys or a.code in own_codes for a in named):
            out += prep_objects(head, OWN_THING_PREPS)
        else:
            out.append(head)
    return out


def _asked_for(verb: Token, reading: Reading) -> list[Token]:
    """Whom a request verb's asked-for act is done to, when no direct object names them: the
    event noun of its for-phrase ("called for the resignation of X", "pressed for sanctions
    against X"), and a party named as the object of a gerund it asks for ("called for
    toppling X", "demanded punishing X"). A thing asked for is not aimed at whoever it
    belongs to ("called for implementing the Party's programme", "for equal rights of
    women"): a for-phrase that is no event noun naming a party, or a gerund's object that is
    not itself a name, gives no one (an event noun's bare words are no target: "called for
    dialogue" is aimed at nobody named)."""
    found: list[Token] = []
    gerunds = [c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG"]
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for word in prep.children:
            inner = reading.candidates.get(word.i)
            if word.dep_ == "pobj" and inner is not None and inner.is_noun:
                if any(a.resolved for a in reading.resolve(word, places=False)):
                    found.append(word)
            elif word.dep_ == "pcomp" and word.tag_ == "VBG":
                gerunds.append(word)
    found += [
        c
        for gerund in gerunds
        if _acts_on_someone(gerund, reading)
        for c in gerund.children
        if c.dep_ in OBJECT_DEPS and _names_a_party(c, reading)
    ]
    return found


def _stoppers_first(
    heads: list[Token], objects: Sequence[Token], verb: Token, reading: Reading
) -> list[Token]:
    """The target phrases of a request to stop an act ("demanded an end to the anti-DPRK
    drills", "called for a halt to the Israeli attacks on Gaza"): whoever must stop it is
    asked, never the one it is done to, so the act's doers come first and no phrase holding
    the act stays."""
    stops = _stops(verb, [*objects, *prep_objects(verb, ("for",))], reading)
    if not stops:
        return heads
    inside = {t.i for stop in stops for phrase in stop.phrases for t in phrase.subtree}
    acts = [stop.act for stop in stops]
    return [
        *(h for stop in stops for h in _act_doers(stop, reading)),
        *(
            h
            for h in heads
            if h.i not in inside
            and not any(h.left_edge.i <= act.i <= h.right_edge.i for act in acts)
        ),
    ]


def requested_stops(verb: Token, reading: Reading) -> list[Token]:
    """The phrases of the acts a request verb asks to stop ("demanded an end to X", "called
    for a halt to X"): no party named inside them is the request's target by default."""
    asked = [*(c for c in verb.children if c.dep_ in OBJECT_DEPS), *prep_objects(verb, ("for",))]
    return [phrase for stop in _stops(verb, asked, reading) for phrase in stop.phrases]


@dataclasses.dataclass(frozen=True, slots=True)
class _Stop:
    """An act asked to stop: its noun, and the phrases that name whom it is done to."""

    act: Token
    phrases: tuple[Token, ...]  # the act's own phrase, and against/on-phrases the parser
    # hung on the stopping noun ("an end to the drills of X | against Y")


def _stops(verb: Token, asked: Sequence[Token], reading: Reading) -> list[_Stop]:
    """The acts a request asks to stop: the nouns after "an end to", "a halt to", "the
    cessation of" among the things asked for (or the verb's own to-phrase right after the
    stopping noun, as the parser may hang it), unless the noun names a party itself ("an
    end to the puppet regime")."""
    out = []
    for word in asked:
        if word.lemma_.lower() not in CESSATION_NOUNS:
            continue
        acts = (
            prep_objects(word, ("to", "of"))
            or [a for a in prep_objects(verb, ("to",)) if a.i > word.i][:1]
        )
        aimed = tuple(prep_objects(word, ("against", "on")))
        for act in acts:
            if mention_at(reading.mentions, act) is None:
                out.append(_Stop(act, (act, *aimed)))
    return out


def _act_doers(stop: _Stop, reading: Reading) -> list[Token]:
    """Who does an act asked to stop: its possessor, a by-phrase, a modifier naming a party
    ("the Israeli attacks", "the U.S. drills"; not "anti-DPRK"), or its of-phrase when
    another phrase names whom it is done to ("the drills of the U.S. against the DPRK")."""
    act = stop.act
    owners = [c for c in act.children if c.dep_ == "poss"] + prep_objects(act, ("by",))
    doers = [d for d in owners if any(a.resolved for a in reading.resolve(d))]
    doers += _doer_modifiers(act, reading)
    if len(stop.phrases) > 1 or prep_objects(act, ("against", "on")):
        doers += [
            d for d in prep_objects(act, ("of",)) if any(a.resolved for a in reading.resolve(d))
        ]
    return doers


def _acts_on_someone(gerund: Token, reading: Reading) -> bool:
    """Whether an asked-for act is done to its object as a party: an act the lexicon codes
    ("expelling", "condemning") or one that turns against someone ("toppling", "punishing":
    ``data/rallying.tsv``); "making", "building" or "glorifying" X asks nothing of X."""
    against = reading.resources.rallying_words.get(gerund.lemma_.lower()) == "against"
    return against or gerund.i in reading.candidates


def _names_a_party(noun: Token, reading: Reading) -> bool:
    """Whether a noun's own words name a party: the noun itself or a name before it ("Yoon",
    "the Lee Myung Bak regime"), not whoever its possessor or of-phrase names ("the Party's
    programme", "the idea of the opposition")."""
    words = [noun, *(c for c in noun.children if c.dep_ in ("compound", "amod", "nmod"))]
    return any(mention_at(reading.mentions, w) is not None for w in words)


def _asylum_places(verb: Token, candidate: Candidate) -> list[Token]:
    """The in-phrases of a request for refuge or asylum ("seeks refuge in Arnor", "asked for
    asylum in Rohan"): the state there is the one asked."""
    words = [verb, *candidate.match.extra]
    sought = [c for w in words for c in w.children if c.dep_ in OBJECT_DEPS]
    sought += prep_objects(verb, ("for",))
    if not any(w.lemma_.lower() in REFUGE_WORDS for w in (*sought, *candidate.match.extra)):
        return []
    return [h for w in (verb, *sought) for h in prep_objects(w, ("in",))]


def _destinations(
    verb: Token, candidate: Candidate, sources: Sequence[Actor], reading: Reading
) -> list[Token]:
    """The places a visit's verb of arriving names with its in-phrase ("arrived in
    Pyongyang", "arrived in Dar-Es-Salaam"): a country, or a town the entity stage put in
    one, is whom the visit is made to, as CAMEO codes a visit (042) to the host. Not the
    source's own country: a party arriving at home ends a trip ("the DPRK delegation
    arrived in Pyongyang", "delegates from across the country arrived in Pyongyang") and
    visits no one, so a source nobody coded ("they", "the delegates") leaves it unknown.
    Peacekeepers arriving ("NATO peacekeeping troops arrived in Bosnia") are received by
    the country they arrive in."""
    if candidate.code not in ARRIVING_CODES or verb.lemma_.lower() not in ARRIVAL_VERBS:
        return []
    home = {a.code[:3] for a in sources if a.code}
    if not home:
        return []
    found = []
    for head in prep_objects(verb, ("in",)):
        hit = mention_at(reading.mentions, head)
        if hit is None or hit.entity is None or not hit.code:
            continue
        if is_place(hit.entity, countries=True) and hit.code[:3] not in home:
            found.append(head)
    return found


def _mission_hosts(
    verb: Token, candidate: Candidate, sources: Sequence[Actor], reading: Reading
) -> list[Token]:
    """The country a party opens or closes an embassy in ("opened an embassy in Tehran",
    "closed its consulate in Gondor"): the one it establishes or cuts relations with, as
    CAMEO codes a mission opened (054) or closed (161), not a venue. Only a mission the
    lexicon's pattern names (the act is its opening or closing): the embassy one visits is
    the host of a visit whose country its own words say ("visited the DPRK embassy in X").
    Whatever the entity stage coded there (the capital, or the phrase "embassy in Tehran"
    as the host's), never the party's own country (a mission at home is none)."""
    home = {a.code[:3] for a in sources if a.code}
    if not home:
        return []
    found = []
    for obj in verb.children:
        if obj.dep_ not in OBJECT_DEPS or obj.lemma_.lower() not in MISSION_NOUNS:
            continue
        if not any(t.i == obj.i for t in candidate.match.tokens):
            continue
        for head in prep_objects(obj, ("in",)):
            hit = mention_at(reading.mentions, head)
            if hit is not None and hit.code and hit.code[:3] not in home:
                found.append(head)
    return found


def _posture_site(head: Token, candidate: Candidate, reading: Reading) -> bool:
    """Whether the phrase is a show of force's on-phrase naming only coded places ("staged
    firing drills on Paekryong Island", "exercises on islands including Paekryong and
    Yonphyong"): where the force was shown, as a venue is. The on-phrase of most acts names
    whom they fall on ("sanctions on Iran", "pressure on Seoul"); a drill or a deployment is
    aimed at someone (its modifier says whom: "anti-DPRK drills"), not at the ground it is
    held on. An uncoded place stays the words of the target ("on the Korean Peninsula")."""
    if candidate.code[:2] != POSTURE_ROOT or head.dep_ != "pobj" or head.head.lower_ != "on":
        return False
    named = [a for a in reading.resolve(head) if a.code]
    return bool(named) and all(a.entity is not None and is_place(a.entity) for a in named)


def _scene(head: Token, verb: Token, subject: Token | None) -> bool:
    """Whether the phrase is an in/at-phrase of the verb set before its subject."""
    prep = head.head
    return (
        subject is not None
        and head.dep_ == "pobj"
        and prep.lower_ in VENUE_PREPS
        and prep.head.i == verb.i
        and prep.i < subject.i
    )


def _venue(head: Token, reading: Reading) -> bool:
    """Whether the phrase is an at/in-phrase naming a site or city ("at Yongbyon"), or a
    name with no actor code there: a place, where a country named there may be a party
    ("lashed out at Iran"). A named site no entity covers ("at the Pyongyang Indoor
    Stadium") is a place too, whatever names its own name holds."""
    if head.dep_ != "pobj" or head.head.lower_ not in VENUE_PREPS:
        return False
    hit = mention_at(reading.mentions, head)
    if hit is None or hit.entity is None:
        return head.pos_ == "PROPN"
    return is_place(hit.entity) or not hit.entity.actor


def _medium(head: Token, verb: Token, reading: Reading) -> bool:
    """Whether the phrase is the verb's own on- or via-phrase naming a news outlet or a
    platform, in its own name or as its page ("on her Facebook page"): where the words came
    out, no party ("Manafort said on Twitter that ..."), unless the verb acts on it ("called
    on Twitter to ...")."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in MEDIUM_PREPS:
        return False
    if verb.i not in (prep.head.i, prep.head.head.i):
        # (The parser hangs it on the verb or on the verb's object: "blamed local officials
        # on Twitter".)
        return False
    if verb.lemma_.lower() in ON_PARTY_VERBS:
        return False
    names = [head, *(c for c in head.children if c.dep_ in ("compound", "poss"))]
    return any(
        (hit := mention_at(reading.mentions, word)) is not None
        and hit.entity is not None
        and hit.entity.kind == "media"
        for word in names
    )


def _named_doers(word: Token, reading: Reading, preps: tuple[str, ...]) -> list[Actor]:
    """Who a noun's own phrases say did it: its ``preps`` phrases ("a greeting from X") and
    the agent of a participle hanging on it ("a message sent by X", "the sanctions imposed
    by X"), when the participle codes no event of its own."""
    heads = prep_objects(word, preps) if preps else []
    heads += _participle_agents(word, reading)
    return [a for h in heads for a in reading.resolve(h) if a.resolved]


def _participle_agents(word: Token, reading: Reading, coded: bool = False) -> list[Token]:
    """The by-phrases of the participles that hang on a noun ("the statement issued by X"),
    when the participle codes no event of its own; with ``coded``, also when it does (the
    author of "a bill signed by X" is X, whether or not the signing is an event too)."""
    return [
        h
        for child in word.children
        if child.dep_ == "acl"
        and child.tag_ == "VBN"
        and (coded or child.i not in reading.candidates)
        for a in child.children
        if a.dep_ == "agent"
        for h in a.children
        if h.dep_ == "pobj"
    ]


def _receiver(noun: Token, reading: Reading) -> list[Actor]:
    """The one an event noun is done to when a receiving verb carries it ("Obama faces
    pressure from Congress"): the verb's subject."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "obj") or verb.i in reading.candidates:
        return []
    if verb.lemma_.lower() not in reading.resources.receiving_verbs:
        return []
    subject, passive = subject_head(verb)
    if passive or subject is None:
        return []
    return [a for a in reading.resolve(subject) if a.resolved]


def _zealous_passive(
    word: Token, noun: Token, reading: Reading
) -> tuple[list[Actor], list[Actor]] | None:
    """The doer of an event noun after "is obsessed with", "is engrossed in" (a participle
    the parser reads as a passive): its subject; the noun's own phrase names the target."""
    subjects = [c for c in word.children if c.dep_ == "nsubjpass"]
    if not subjects or reading.candidates.get(word.i) is not None:
        return None
    sources = [a for a in reading.resolve(subjects[0]) if a.resolved]
    if not sources:
        return None
    heads = [*prep_objects(noun, TARGET_PREPS), noun]
    return sources, [a for a in reading.first_resolved(heads) if a.resolved]


def _light_verb_actors(
    noun: Token, reading: Reading, code: str = ""
) -> tuple[list[Actor], list[Actor]] | None:
    """The doer of an event noun that an uncoded verb carries: "launched an air strike
    against X", "began a hunger strike", "engaged Filipino peacekeepers in a firefight"."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head  # "took part in the rally and demonstration": where the list stands
    verb = noun.head
    # "took part in the rally"; "held civilians as human shields"
    via_prep = noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("in", "as")
    # "X, who is on a trip to Asia,", "the minister arrived on a visit": whoever is on it.
    journey = (
        noun.dep_ == "pobj"
        and verb.dep_ == "prep"
        and verb.lower_ == "on"
        and verb.head.lemma_ in JOURNEY_VERBS
        # A journey goes somewhere ("a trip to Asia", "a tour of the region"); "on that first
        # trip through bankruptcy" goes nowhere.
        and any(c.dep_ == "prep" and c.lower_ in ("to", "of") for c in noun.children)
    )
    # "the U.S. is keen on sanctions", "getting frantic with war drills": the zealous one.
    zeal = (
        noun.dep_ == "pobj"
        and verb.dep_ == "prep"
        and verb.lower_ in ZEAL_PREPS
        and verb.head.lower_ in ZEAL_WORDS
    )
    # "presented the delegation with gifts", "supplied the rebels with arms": the verb's
    # object receives the thing its with-phrase names.
    furnish = (
        noun.dep_ == "pobj"
        and verb.dep_ == "prep"
        and verb.lower_ == "with"
        and any(c.dep_ in OBJECT_DEPS for c in verb.head.children)
    )
    if journey_of_named(noun):
        # "Foreign Minister X on an official visit to Y met ...": the name the on-phrase
        # hangs on is the traveller (not the verb's subject, which may be another).
        # Not a name inside the journey's own phrase ("the orchestra on a visit to France").
        trip = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
        traveller = [
            a for a in reading.resolve(verb.head) if a.resolved and not trip[0] <= a.start < trip[1]
        ]
        if traveller:
            heads = [*prep_objects(noun, TARGET_PREPS), noun]
            return traveller, [a for a in reading.first_resolved(heads) if a.resolved]
    if noun.dep_ == "nsubjpass":
        return _passive_carrier_actors(noun, reading)
    if zeal and verb.head.dep_ != "acomp":
        # "is obsessed with sanctions", parsed as a passive: its subject is the zealous one.
        return _zealous_passive(verb.head, noun, reading)
    if zeal:
        verb = verb.head.head
    elif via_prep or journey or furnish:
        verb = verb.head
        if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "obj"):
            verb = verb.head  # "took part in the rally": the taker of the part
    elif noun.dep_ not in ("dobj", "obj"):
        return None
    carrier = reading.candidates.get(verb.i)
    verbs = ("VERB", "AUX") if journey or zeal else ("VERB",)
    if verb.pos_ not in verbs or (carrier is not None and not carrier.announces):
        return None
    subject, passive = subject_head(verb)
    if passive or subject is None:
        return None
    sources = [a for a in reading.resolve(subject) if a.resolved]
    if not sources:
        return None
    heads = [c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i != noun.i]
    if code in MEMORIAL_CODES:  # "laid a floral basket before the statue of X"
        heads = _honoured(verb, (noun,)) + heads
    # Where a protest is held is no one it is against ("held a rally at the plaza of the
    # station in Seoul"): its aim names them (``_protest_aims``).
    places = code[:2] != PROTEST_ROOT
    preps = TARGET_PREPS if places else VENUELESS_PREPS
    heads += prep_objects(verb, preps)
    heads += prep_objects(noun, preps)
    # Last, anyone the event noun's own phrase names ("a hunger strike outside Parliament",
    # "in protest of the Russian government's refusal").
    heads.append(noun)
    return sources, [a for a in reading.first_resolved(heads, places) if a.resolved]


def _passive_carrier_actors(
    noun: Token, reading: Reading
) -> tuple[list[Actor], list[Actor]] | None:
    """The doer of an event noun that an uncoded passive verb carries as its subject: the
    verb's by-phrase ("a complaint against X was filed by Y", "fresh sanctions were imposed
    by Y"); the noun's own phrases, then the verb's, name the target."""
    verb = noun.head
    carrier = reading.candidates.get(verb.i)
    # A plain statement verb announces the act ("were announced by Y"); any other coded verb
    # is an act on it ("sanctions were denounced by Y" are not Y's).
    announced = carrier is None or carrier.announces or carrier.code == REPORTING_CODE
    if verb.pos_ != "VERB" or not announced:
        return None
    if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in noun.children):
        return None  # "the demands of X were ignored by Y": the act is its owner's, not Y's
    doer = agent(verb)
    if doer is None:
        return None
    sources = [a for a in reading.resolve(doer) if a.resolved]
    if not sources:
        return None
    heads = [*prep_objects(noun, TARGET_PREPS), *prep_objects(verb, TARGET_PREPS)]
    return sources, [a for a in reading.first_resolved(heads) if a.resolved]


def _behalves(verb: Token) -> list[Token]:
    """The verb's on-phrases of a "behalf" ("on his own behalf", "on behalf of X and on his
    own behalf"), each on-phrase of a list, and their "behalf" words: the parser hangs a
    to-phrase after them on either."""
    ons = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"]
    ons += [d for on in ons for d in on.conjuncts if d.lower_ == "on"]
    out = []
    for on in ons:
        behalf = [g for g in on.children if g.dep_ == "pobj" and g.lower_ == "behalf"]
        out += [on, *behalf] if behalf else []
    return out


# Nouns of a journey someone is on ("X on a visit to Y", "on a tour of the region").
JOURNEY_NOUNS = frozenset({"visit", "trip", "tour", "journey", "mission"})


def journey_of_named(noun: Token) -> bool:
    """Whether the journey noun is in an on-phrase that a name hangs on ("Minister X on an
    official visit to Y", "the delegation on a tour of Z"): that name is on the journey.
    The journey goes somewhere (a to- or of-phrase)."""
    on = noun.head
    return (
        noun.lemma_.lower() in JOURNEY_NOUNS
        and noun.dep_ == "pobj"
        and on.dep_ == "prep"
        and on.lower_ == "on"
        and on.head.pos_ in ("PROPN", "NOUN")
        and on.head.i != on.i
        and any(c.dep_ == "prep" and c.lower_ in ("to", "of") for c in noun.children)
    )


def _supported(noun: Token, reading: Reading) -> list[Actor]:
    """Whom support goes to when the verb that carries it names them ("reaffirm our support
    and solidarity with the just cause of X", "expressed support to X"): the phrase of the
    carrier verb's with/for/to-phrase, which the parser hangs on the verb, not the noun."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    # "expressed its support for X": the noun's own for-phrase, first.
    heads = prep_objects(noun, ("for",))
    if noun.dep_ in ("dobj", "obj"):
        heads += prep_objects(noun.head, SUPPORTED_PREPS)
    return [a for a in reading.first_resolved(heads, places=False) if a.resolved]


# Prepositions that name whom an act is done to ("the invasion of Iraq", "sanctions against
# Cuba", "the attack on Gaza").
VICTIM_PREPS = ("of", "against", "on")


def _modifying_doers(noun: Token, reading: Reading) -> list[Token]:
    """The modifiers naming who does the act an event noun names, when a phrase after it
    names whom it is done to: "U.S." of "the U.S. invasion of Iraq", "American" of "the
    American sanctions against Cuba". Without such a phrase a modifier may be the victim
    ("the Iraq invasion"); "anti-DPRK drills" name whom they aim at."""
    inner = reading.candidates.get(noun.i)
    if inner is None or not inner.is_noun:
        return []
    if not any(a.resolved for h in prep_objects(noun, VICTIM_PREPS) for a in reading.resolve(h)):
        return []
    return _doer_modifiers(noun, reading)


def _doer_modifiers(noun: Token, reading: Reading) -> list[Token]:
    """The modifiers before an act noun that name a party doing it ("the U.S. invasion",
    "the Israeli attacks"; not "anti-DPRK drills", which name whom they aim at)."""
    return [
        child
        for child in noun.children
        if child.dep_ in ("compound", "amod", "nmod")
        and child.i < noun.i
        and not _aimed_at(child, noun)
        and any(a.resolved for a in reading.resolve(child))
    ]


def _aimed_at(modifier: Token, noun: Token) -> bool:
    """Whether a modifier names whom the event is aimed at: "anti-DPRK", "DPRK-targeted"."""
    words = list(modifier.subtree)
    if any(w.lower_ in AIMED_WORDS for w in words):
        return True
    first = words[0].i
    doc = noun.doc
    return any(doc[i].lower_ == "anti" for i in range(max(first - 2, 0), first))


def _hyphened(modifier: Token, reading: Reading) -> list[Actor]:
    """The other names joined to a modifier by hyphens ("DPRK" of "the DPRK-U.S. talks", which
    the parser hangs under "U.S.")."""
    found: list[Actor] = []
    for child in modifier.children:
        if child.dep_ not in ("compound", "amod", "nmod"):
            continue
        low, high = sorted((child.i, modifier.i))
        if any(t.text in HYPHENS for t in modifier.doc[low + 1 : high]):
            found += reading.resolve(child)
    return found


def _protested(noun: Token, reading: Reading) -> list[Actor]:
    """The party a protest's own clause acts on: the objects in its participle or relative
    clause ("denouncing X", "calling for impeaching X", "demanding that X resign")."""
    heads: list[Token] = []
    for clause in noun.children:
        if clause.dep_ in ("acl", "relcl"):
            heads += _clause_parties(clause, noun)
    return [a for a in reading.first_resolved(heads, places=False) if a.resolved]


def _clause_parties(clause: Token, outside: Token) -> list[Token]:
    """The first phrases a clause acts on or names as doers, in text order (at most
    ``MAX_PROTESTED``), leaving out ``outside``, the word it hangs from."""
    heads: list[Token] = []
    for word in clause.subtree:
        # The owner of what it is against is whom it is against ("to protest against the
        # authorities' intention"), after the thing itself.
        owners = [c for c in word.children if c.dep_ == "poss"]
        if word.dep_ in ("dobj", "obj", "pobj", "nsubj") and word.i != outside.i:
            heads += [word, *owners]
        if len(heads) >= MAX_PROTESTED:
            break
    return heads


def _protest_aims(
    holders: Sequence[Token], reading: Reading, sources: Sequence[Actor]
) -> list[Actor]:
    """Whom a protest is against when its own phrases name no one: the party of the clause
    that says what it is for ("began a hunger strike on Friday to demand the release of
    X", "marched calling for sanctions against X", "joining strikers in demanding an end to
    the blockade by X", "in demand of the impeachment of X"), else the author of what it is
    over ("stopped work over a levy imposed by X"). A clause of time or cause ("after X
    closed the border") says when or why, not what for; protesters no entity codes get a
    target only this way."""
    heads: list[Token] = []
    for holder in holders:
        for clause in _purposes(holder, reading):
            heads += _clause_parties(clause, holder)
        for thing in prep_objects(holder, GRIEVANCE_PREPS):
            # "struck over a bill signed by X": whoever made the grievance, even when the
            # making ("signed") codes an event of its own.
            heads += _participle_agents(thing, reading, coded=True)
        heads += _demanded(holder, reading)
    own = {a.key for a in sources if a.key is not None}
    return [
        a for a in reading.first_resolved(heads, places=False) if a.resolved and a.key not in own
    ]


def _mediated(verb: Token, reading: Reading) -> list[Actor]:
    """Both sides a mediation is between, from the between-phrase on its verb or on the
    verb's object ("mediated between X and Y", "launched a mediation effort on Saturday
    between X and Y", where the parser hangs the phrase on the verb)."""
    holders = [verb, *(c for c in verb.children if c.dep_ in OBJECT_DEPS)]
    return [
        a
        for holder in holders
        for obj in prep_objects(holder, ("between",))
        for a in _both_sides(obj, reading)
    ]


def _pressers(verb: Token, reading: Reading, sources: Sequence[Actor]) -> list[Actor]:
    """Who pressed for what a rejection refuses ("declined to resign despite pressure by X",
    "refused despite calls from X"): the named party of the despite-phrase's demand noun,
    on the verb or on the clause it refuses to do."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    heads = [
        h
        for holder in holders
        for h in prep_objects(holder, ("despite",))
        if h.lemma_.lower() in PRESSING_NOUNS
    ]
    own = {a.key for a in sources if a.key is not None}
    found = [a for a in reading.first_resolved(heads, places=False) if a.resolved]
    return [a for a in found if a.key not in own]


def _demanded(holder: Token, reading: Reading) -> list[Token]:
    """What a protest's in-phrase of demand asks for ("staged a rally in demand of the
    impeachment of X", "in demand of the withdrawal of X's troops"): its of- and for-phrases."""
    heads: list[Token] = []
    for noun in prep_objects(holder, ("in",)):
        demand = reading.candidates.get(noun.i)
        if demand is not None and demand.is_noun and demand.code[:2] in REQUEST_ROOTS:
            heads += prep_objects(noun, ("of", "for"))
    return heads


def _purposes(holder: Token, reading: Reading) -> list[Token]:
    """The clauses of a protest that say what it demands or denounces: a to-infinitive or
    participle that codes an event of its own ("to demand", "calling for"), or one such inside
    a participle that does not ("joining strikers in demanding"). "Marched to win back their
    old wages" demands nothing of anyone named."""
    found: list[Token] = []
    for clause in holder.children:
        if clause.dep_ not in PURPOSE_DEPS or not (_to_infinitive(clause) or clause.tag_ == "VBG"):
            continue
        if clause.i in reading.candidates:
            found.append(clause)
            continue
        inner = [c for c in clause.children if c.dep_ in PURPOSE_DEPS]
        inner += [g for c in clause.children if c.dep_ == "prep" for g in c.children]
        found += [c for c in inner if c.pos_ == "VERB" and c.i in reading.candidates]
    return found


def _carrier(noun: Token) -> Token | None:
    """The verb an event noun is the object of, directly or through a preposition ("began a
    hunger strike", "took part in the strike")."""
    word = noun
    for _ in range(2):
        if word.dep_ == "pobj" and word.head.dep_ == "prep":
            word = word.head
        elif word.dep_ not in ("dobj", "obj"):
            return None
        word = word.head
        if word.pos_ in ("VERB", "AUX"):
            return word
    return None


def noun_actors(
    candidate: Candidate, reading: Reading, depth: int = 0
) -> tuple[list[Actor], list[Actor]]:
    """(sources, targets) of an event noun; ``depth`` counts nouns nested in of-phrases."""
    noun = candidate.token
    sources: list[Actor] = []
    targets: list[Actor] = []
    modifiers: list[Actor] = []
    of_actors: list[Actor] = []
    aimed: list[Actor] = []
    # "talks between X and Y", "the X-Y talks": both parties act, each on the other (the
    # pairs are made with the records). Nested in another event noun ("the postponement of
    # talks between X and Y") the first still stands for the doer.
    symmetric = depth == 0 and reading.resources.is_symmetric((noun,))
    # "his U.S. visit": with an owner written, even one nobody resolves, the owner acts and a
    # modifier names whom it is done to.
    owned = False
    for child in sorted(noun.children, key=lambda t: t.i):
        if child.dep_ == "poss":
            owned = True
            sources += [a for a in reading.resolve(child) if a.resolved]
        elif child.dep_ in ("compound", "amod", "nmod", "npadvmod") and _aimed_at(child, noun):
            # "anti-DPRK war drills", "DPRK-targeted drills": the one aimed at.
            aimed += [a for a in reading.resolve(child) if a.resolved]
        elif child.dep_ in ("compound", "amod", "nmod"):
            named = [a for a in reading.resolve(child) if a.resolved]
            # "the Yonphyong Island shelling", "the Hanoi summit": a town or island before
            # the event noun is where it happened, never who did it; an act done to places
            # (shelling, occupying) is done to it.
            placed = [a for a in named if a.entity is not None and is_place(a.entity)]
            if acts_on_places(candidate.code):
                aimed += placed
            modifiers += [a for a in named if a not in placed]
            modifiers += [a for a in _hyphened(child, reading) if a.resolved]
        elif child.dep_ == "prep":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if not objects:
                continue
            if child.lower_ == "between" and candidate.code == MEDIATE_CODE:
                targets += _both_sides(objects[0], reading)
            elif child.lower_ == "between":
                pair = (
                    _both_sides(objects[0], reading)
                    if symmetric
                    else [a for a in reading.resolve(objects[0]) if a.resolved]
                )
                if symmetric and len(pair) > 1:
                    # The two sides are all the parties there are ("talks between X and Y
                    # on a visit to X").
                    return pair, []
                sources += pair[:1]
                targets += pair[1:2]
            elif child.lower_ == "from" and candidate.code[:2] == "08":
                # "the withdrawal of its troops from Lebanon": where it leaves.
                targets += [a for a in reading.resolve(objects[0]) if a.resolved]
            elif child.lower_ in SOURCE_PREPS:
                sources += [a for a in reading.resolve(objects[0]) if a.resolved]
            elif child.lower_ == "of":
                inner = reading.candidates.get(objects[0].i)
                asked = _asks_for(candidate, objects[0], reading)
                if inner is not None and inner.is_noun and depth < 2:
                    # "the postponement of talks between X and Y": the talks' actors.
                    s, t = noun_actors(inner, reading, depth + 1)
                    if asked:
                        targets += s + t
                    else:
                        sources, targets = sources + s, targets + t
                elif asked:
                    targets += [a for a in reading.resolve(objects[0], False) if a.resolved]
                else:
                    of_actors += [a for a in reading.resolve(objects[0]) if a.resolved]
                    if not symmetric and objects[0] in candidate.match.extra:
                        # "a message of greeting from X", "a message of sympathy sent by X":
                        # the of-phrase is part of the event's name, and the parser hangs the
                        # sender on its noun ("support of the answer given by X" is not X's).
                        sources += _named_doers(objects[0], reading, SOURCE_PREPS)
            elif child.lower_ in TARGET_PREPS:
                if _posture_site(objects[0], candidate, reading):
                    continue  # "the artillery drill on five islands": held there
                if child.lower_ in VENUE_PREPS and not acts_on_places(candidate.code):
                    # "the meeting at a hotel in Washington", "a rally at Yongbyon": where
                    # it was held, not whom it was held with.
                    if _venue(objects[0], reading):
                        continue
                    found = reading.resolve(objects[0], places=False)
                else:
                    found = reading.resolve(objects[0])
                targets += [a for a in found if a.resolved]
    if not symmetric:
        # "a message sent by X" (not of a joint act: "an agreement forced on X by Y" is not
        # Y's with itself).
        sources += _named_doers(noun, reading, ())
    targets += aimed
    partners = [] if sources else joint_partners(noun, reading.text, reading.mentions)
    if len(partners) > 1:
        # "the U.S.-ROK joint drills": both partners hold them, as "X and Y held drills"
        # does; neither does it to the other (whom it is aimed at stays the target).
        keys = {a.key for a in partners}
        return partners, [t for t in targets if t.key not in keys]
    if not targets and candidate.code[:2] == PROTEST_ROOT:
        # "a rally denouncing the sanctions of X", "a vigil calling for the release of Y":
        # the clause that says what the protest is about names whom it is against.
        targets += _protested(noun, reading)
    receivers = _receiver(noun, reading) if depth == 0 else []
    if receivers:
        if not sources:
            # "won the support of Russia": the of-phrase gives it.
            sources = [a for a in of_actors if a.resolved]
        if not sources:
            # "received a floral basket from X": the parser may hang the from-phrase on the
            # receiving verb rather than on the noun; it still names the doer. "received a
            # floral basket and a letter from X": on the last thing of the list, too.
            # The nearest from-phrase after it only: "a basket and a letter from X and
            # baskets from Y" are X's basket and letter.
            givers = [noun.head, *(c for c in noun.conjuncts if c.i > noun.i)]
            froms = sorted(
                (c for g in givers for c in g.children if c.dep_ == "prep" and c.lower_ == "from"),
                key=lambda c: c.i,
            )
            nearest = next((c for c in froms if c.i > noun.i), None)
            heads = [] if nearest is None else [c for c in nearest.children if c.dep_ == "pobj"]
            sources = [a for h in heads for a in reading.resolve(h) if a.resolved]
        return sources, receivers
    if not sources and depth == 0:
        light = _light_verb_actors(noun, reading, candidate.code)
        if light is not None:
            sources, more = light
            targets = targets or more
    if of_actors and not sources and not symmetric:
        # "the Russian invasion of Ukraine", "the US bombing of Syria": the modifier acts on
        # the one its of-phrase names.
        sources, modifiers = _doer_first(modifiers)
    if depth == 0 and candidate.code[:2] == PROTEST_ROOT and not any(a.resolved for a in targets):
        carrier = _carrier(noun)
        holders = [noun] if carrier is None else [noun, carrier]
        targets = _protest_aims(holders, reading, sources) or targets
    if of_actors and (sources or _harms_its_of_phrase(noun)):
        # "Israel's invasion of South Lebanon", "the invasion of Kuwait by Iraq", "Italy
        # announced a suspension of air links with Serbia": with a doer named, the
        # of-phrase is the one acted upon; and always so after a noun of doing harm to
        # someone ("the 2001 invasion of Afghanistan", "the arrest of the journalists").
        targets = targets or of_actors
    else:
        sources += of_actors
    # "US pressure": a modifier acts; "US-China dialogue": both talk, each to the other;
    # "US-China pressure"? the first acts, the second answers.
    if symmetric and len(modifiers) > 1 and not sources and not targets:
        return modifiers, []
    if not sources and not (owned and not symmetric):
        sources, modifiers = _doer_first(modifiers)
    if modifiers and not targets:
        targets = modifiers[:1]
    if sources and not targets and depth == 0 and candidate.code[:2] == SUPPORT_ROOT:
        targets = _supported(noun, reading)
        if not targets:
            # "in support of the answer given by X", "support for the statement issued by
            # X": the one whose words are supported.
            things = prep_objects(noun, ("of", "for")) + prep_objects(noun.head, SUPPORTED_PREPS)
            heads = [h for thing in things for h in _participle_agents(thing, reading)]
            targets = [a for a in reading.first_resolved(heads, places=False) if a.resolved]
    if depth == 0 and candidate.code[:2] == POSTURE_ROOT:
        # "began joint military exercises with the U.S.": the partner holds them too.
        heads = _drill_partners(candidate)
        allies = [a for a in reading.first_resolved(heads) if a.resolved] if heads else []
        keys = {a.key for a in allies}
        sources = [*sources, *(a for a in allies if a.key not in {s.key for s in sources})]
        targets = [t for t in targets if t.key not in keys]
    return sources, targets


def _asks_for(candidate: Candidate, thing: Token, reading: Reading) -> bool:
    """Whether a request noun's of-phrase is what it asks for, not who asks: an act and the
    one it is done to, an event noun or a noun with an of-phrase of its own that is no party
    itself ("in demand of the impeachment of X", "a demand of the withdrawal of X's troops":
    X is asked), where "the demands of the workers" are the workers' own and "the proposals
    of his candidacy" his."""
    if candidate.code[:2] not in REQUEST_ROOTS or _names_a_party(thing, reading):
        return False
    inner = reading.candidates.get(thing.i)
    return (inner is not None and inner.is_noun) or bool(prep_objects(thing, ("of",)))


def _harms_its_of_phrase(noun: Token) -> bool:
    """Whether a noun of harm's of-phrase names the one harmed: not after "under" ("under
    the occupation of U.S. forces" is theirs)."""
    return noun.lemma_.lower() in PATIENT_OF_NOUNS and noun.head.lower_ != "under"


def _doer_first(modifiers: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """([the doer], the other modifiers) of an event noun's modifiers: the first that is no
    city or region ("the Paris attacks", "the Mumbai bombings": a place before the noun is
    where it happened, and at most whom it hit; a country or a body, "US pressure", acts);
    ([], modifiers) when all are places."""
    for actor in modifiers:
        if actor.entity is None or actor.entity.kind != "location":
            return [actor], [a for a in modifiers if a is not actor]
    return [], modifiers


def _homage_paid(verb: Token) -> list[Token]:
    """Whom the purpose clause of a visit pays homage to: "visited the palace to pay homage
    (tribute, respects, condolences) to X" names X."""
    found: list[Token] = []
    for comp in verb.children:
        if comp.dep_ not in PURPOSE_DEPS or comp.lemma_.lower() != "pay":
            continue
        if any(c.dep_ == "dobj" and c.lemma_.lower() in HOMAGE_NOUNS for c in comp.children):
            found += prep_objects(comp, ("to",))
    return found


def _honoured(verb: Token, extra: Sequence[Token]) -> list[Token]:
    """Whom a tribute laid at a memorial honours: the owner of the portrait, statue, bier or
    tomb the wreath is laid before or at ("before the portrait of X", "at his statue")."""
    found: list[Token] = []
    for word in (verb, *extra):
        for place in prep_objects(word, MEMORIAL_PREPS):
            if place.lemma_.lower() not in MEMORIALS:
                continue
            found += [c for c in place.children if c.dep_ == "poss"]
            found += prep_objects(place, ("of", "to"))
    return found
