"""Who did what to whom, and when: events from the dependency parse.

For every sentence: find the words the lexicon codes (verbs, light-verb pairs, event nouns);
fold a to-clause into the verb that governs it ("urged China not to withdraw" is one appeal;
"agreed to meet" is 036); let a reported event replace its reporting verb ("X said it would
attack"); find source and target phrases (active, passive, coordinated, inherited from the
governing clause); map them to entities; then date, modality, Goldstein and QuadClass.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from parley.entities.nominal import list_member, phrase_tokens
from parley.errors import KnowledgeBaseError
from parley.events.actors import (
    Actor,
    mention_at,
    resolve_phrase,
)
from parley.events.coding import (
    COMP_DEPS,
    OBJECT_DEPS,
    Match,
    match_token,
    refine_with_complement,
)
from parley.events.dating import find_date, heads_between, timex_heads
from parley.events.lexicon import DATA, Lexicon, code_info, data_lines, quad_class
from parley.events.modality import find_modality
from parley.events.statements import alleges, appeal_governor, stance_code, stance_of
from parley.nlp.index import MentionIndex
from parley.records import Article, Entity, Event, Quote, Timex

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
# Prepositions whose object is the one acted upon ("pressure on", "sanctions against").
TARGET_PREPS = ("on", "against", "with", "to", "toward", "towards", "at", "into", "upon", "over")
# Prepositions of a verb's object that name the other party: "promised aid to Mozambique",
# "sanctions against X", "accepted demands from the rebels".
OBJECT_TARGET_PREPS = ("to", "against", "on", "toward", "towards", "from")
# Prepositions whose object acts, for event nouns ("the invasion by Mordor").
SOURCE_PREPS = ("by", "from")
# A sentence longer than this is a table or a list run together: no clause structure to read.
MAX_SENTENCE_TOKENS = 600
# How far up a to-clause or reported clause can sit below the verb that governs it.
MAX_GOVERNING_HOPS = 3
REPORTING_CODE = "010"


@dataclass
class Candidate:
    """A coded word on its way to becoming one or more events."""

    match: Match
    code: str
    sentence: Span
    reported_by: Candidate | None = None
    dropped: bool = False
    folded: list[Candidate] = field(default_factory=list)
    # A statement verb whose object names the event it announces: a light verb for it.
    announces: bool = False

    @property
    def token(self) -> Token:
        return self.match.token

    @property
    def is_noun(self) -> bool:
        return self.match.pattern.kind == "N"


# Links from an event word up to the event that carries it: the thing acted upon ("rejected
# an appeal from X", "rejected a US offer to host a summit"), a purpose or manner clause
# ("staged demonstrations to demand reforms", "bombarded the city, killing eight"), a
# relative clause about a participant ("property seized by the army in the 1970s").
SUBORDINATE_DEPS = frozenset(
    {"dobj", "pobj", "prep", "acl", "relcl", "advcl", "xcomp", "pcomp", "compound", "amod",
     "nmod", "npadvmod", "appos", "attr", "oprd", "dative", "agent", "poss"}
)
# Links that make the word's event one of its own: a reported or coordinated clause.
INDEPENDENT_DEPS = frozenset({"ccomp", "conj", "parataxis", "csubj"})
MAX_SUBORDINATE_HOPS = 5


def _subordinate(token: Token, kept: set[int]) -> bool:
    """Whether the word's event is part of another event of the sentence rather than an
    event of its own: CAMEO codes the main event of a clause (one per statement)."""
    current = token
    for _ in range(MAX_SUBORDINATE_HOPS):
        if current.head.i == current.i or current.dep_ in INDEPENDENT_DEPS:
            return False
        if current.dep_ not in SUBORDINATE_DEPS:
            return False
        current = current.head
        if current.i in kept:
            return True
    return False


def _governing(candidate: Candidate, by_index: dict[int, Candidate]) -> Candidate | None:
    """The coded verb whose to-clause or reported clause holds this one, if any."""
    token = candidate.token
    for _ in range(MAX_GOVERNING_HOPS):
        # A to-infinitive the parser hung as an adverbial clause ("have sworn to fight")
        # is the governing verb's complement all the same.
        to_clause = token.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children
        )
        if (token.dep_ not in COMP_DEPS and token.dep_ != "conj" and not to_clause) or (
            token.head.i == token.i
        ):
            return None
        if token.dep_ == "conj":
            # "said that X would meet and agree": the second verb shares the first's governor.
            token = token.head
            continue
        token = token.head
        found = by_index.get(token.i)
        if found is not None and not found.is_noun:
            low, high = sorted((found.token.i, candidate.token.i))
            if "\n\n" in token.doc[low:high].text:
                return None  # a parse that ran across a paragraph break: not one statement
            return found
    return None


def _subject_head(verb: Token) -> tuple[Token | None, bool]:
    """(subject phrase head, passive?) of a verb, inherited from its governor when absent."""
    token = verb
    climbed_xcomp = False
    for _ in range(MAX_GOVERNING_HOPS + 1):
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            # "Old foes Gondor and Osgiliath renewed ties" parses as two subjects: the name.
            names = [c for c in subjects if c.pos_ == "PROPN"]
            return (names or subjects)[0], False
        for child in token.children:
            if child.dep_ in PASSIVE_SUBJECT_DEPS:
                if token.i != verb.i and climbed_xcomp:
                    # "Obama is scheduled to attend", "X was asked to mediate": the one
                    # scheduled or asked is the one who acts.
                    return child, False
                agent = _agent(token)
                return agent, True
        if token.dep_ == "xcomp":
            # Object control: "urged China to ease" makes China the easer.
            objects = [c for c in token.head.children if c.dep_ in ("dobj", "obj")]
            if objects:
                return objects[0], False
            token = token.head
            climbed_xcomp = True
        elif token.dep_ in ("conj", "advcl", "acomp") and token.head.i != token.i:
            # "Arnor is about to restore ties": "about" hangs off "is", which has the subject.
            token = token.head
        elif token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN"):
            # "ten soldiers killed in the raid": the noun is what was done to, not the doer.
            return _agent(token), True
        elif token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN"):
            return token.head, False
        else:
            break
    return None, False


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _prep_objects(token: Token, preps: Sequence[str]) -> list[Token]:
    """The objects of the token's prepositions among ``preps``, in the order ``preps`` ranks
    them ("celebrated Eid at Osgiliath with Gondor": with whom before where)."""
    rank = {p: n for n, p in enumerate(preps)}
    children = sorted(token.children, key=lambda c: (rank.get(c.lower_, len(rank)), c.i))
    found: list[Token] = []
    for child in children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            for g in child.children:
                if g.dep_ != "pobj":
                    continue
                if g.ent_type_ not in ("DATE", "TIME"):
                    found.append(g)
                    continue
                # "On Nov. 10": a date is when, not whom; but "with President Assad
                # Tuesday" hangs the name on the date as a compound.
                found.extend(
                    c
                    for c in g.children
                    if c.dep_ == "compound" and c.ent_type_ not in ("DATE", "TIME", "")
                )
        elif child.dep_ == "dative" and child.pos_ in ("NOUN", "PROPN"):
            found.append(child)
    return found


class _Resolver:
    """Phrases -> actors, with the article's entities, quotes and the actor KB at hand."""

    def __init__(self, text: str, mentions: MentionIndex, quotes: Sequence[Quote]) -> None:
        self.text = text
        self.mentions = mentions
        self.quotes = quotes

    def __call__(self, head: Token | None) -> list[Actor]:
        if head is None:
            return []
        return resolve_phrase(head, self.text, self.mentions, self.quotes)

    def first_resolved(self, heads: Sequence[Token]) -> list[Actor]:
        """The first phrase that names an entity; else the first phrase's words."""
        fallback: list[Actor] = []
        for head in heads:
            actors = self(head)
            if any(a.resolved for a in actors):
                return actors
            if not fallback:
                fallback = actors
        return fallback


def _unnamed_doer(
    verb: Token, resolve: _Resolver, by_index: dict[int, Candidate]
) -> list[Actor]:
    """Who did a passive act that names no agent: the doer of the attack it happened in
    ("killed in Israeli tank shelling", "killed in an air strike by government forces"), or
    where a shot came from ("a mortar bomb was fired at it from the Gaza Strip")."""
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            if prep.lower_ in ("in", "during") and noun.i in by_index:
                inner = by_index[noun.i]
                if inner.is_noun:
                    doers, _ = _noun_actors(inner, resolve, by_index, depth=1)
                    if doers:
                        return doers
            elif prep.lower_ == "from":
                doers = [a for a in resolve(noun) if a.resolved]
                if doers:
                    return doers
    return []


def _verb_actors(
    candidate: Candidate, resolve: _Resolver, by_index: dict[int, Candidate] | None = None
) -> tuple[list[Actor], list[Actor], list[Token]]:
    verb = candidate.token
    subject, passive = _subject_head(verb)
    if subject is None and not passive and candidate.reported_by is not None:
        # "X said it would attack" -- but not "three were killed, police said": a passive
        # without its agent has an unknown doer, not the reporter.
        subject, passive = _subject_head(candidate.reported_by.token)
    sources = resolve(subject)
    if (
        subject is not None
        and not passive
        and subject.lower_ in SPEAKER_PRONOUNS
        and subject.head.dep_ == "ccomp"
        and subject.head.head.pos_ in ("VERB", "AUX")
    ):
        # "Bouteflika said he is prepared to lift the ban": the pronoun subject of a
        # reported clause is its speaker, not whoever was named last.
        speaker, speaker_passive = _subject_head(subject.head.head)
        speakers = [a for a in resolve(speaker) if a.code] if not speaker_passive else []
        person = subject.lower_ in ("he", "she")
        if speakers and all((a.entity is not None and a.entity.kind == "person") == person
                            for a in speakers if a.entity is not None):
            # The words stay the pronoun as written; who it is, the speaker.
            start = subject.idx
            sources = [
                dataclasses.replace(a, text=subject.text, start=start, end=start + len(subject))
                for a in speakers
            ]
    if passive and subject is None and by_index is not None and candidate.code[:2] >= "14":
        sources = _unnamed_doer(verb, resolve, by_index)
        if not sources and candidate.code[:2] == "17":
            # "A missionary was arrested in Lebanon": the state where it happened did it.
            place = _place_target(verb, resolve)
            sources = [place] if place is not None else []
    if (
        subject is not None
        and not any(a.resolved for a in sources)
        and verb.dep_ == "acl"
        and verb.head.i == subject.i
        and subject.dep_ in ("dobj", "obj")
    ):
        # "The PKK issued a declaration demanding ...": the declaration speaks for its issuer.
        issuer, issuer_passive = _subject_head(subject.head)
        if issuer is not None and not issuer_passive:
            sources = resolve(issuer) if any(a.resolved for a in resolve(issuer)) else sources
    condition_words = set(t.i for t in candidate.match.extra)
    target_heads: list[Token] = []
    if passive:
        target_heads += [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            target_heads.append(verb.head)
    target_heads += [
        c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i not in condition_words
    ]
    target_heads += _prep_objects(verb, TARGET_PREPS)
    for word in candidate.match.extra:  # "impose pressure on North Korea", "hold talks with"
        target_heads += _prep_objects(word, TARGET_PREPS)
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    # "condemned the attack by Mordor on Rohan": the object's doer is the one condemned.
    doers = [a for obj in objects for a in resolve.first_resolved(_prep_objects(obj, ("by",)))]
    if any(a.resolved for a in doers):
        target_heads = [h for obj in objects for h in _prep_objects(obj, ("by",))] + target_heads
    for folded in candidate.folded:  # "urged China not to withdraw from talks with X"
        folded_objects = [c for c in folded.token.children if c.dep_ in OBJECT_DEPS]
        target_heads += folded_objects
        target_heads += _prep_objects(folded.token, TARGET_PREPS)
        # "promised to continue military aid to Mozambique": the aid's receiver.
        objects += folded_objects
    for obj in objects:  # "promised aid to Mozambique", "accepted demands from the rebels"
        target_heads += _prep_objects(obj, OBJECT_TARGET_PREPS)
    if candidate.code[:2] == "08":
        # "withdraw its troops from Lebanon": a concession's target is where it leaves.
        target_heads += _prep_objects(verb, ("from",))
        for folded in candidate.folded:
            target_heads += _prep_objects(folded.token, ("from",))
    if candidate.code[:2] in ("02", "10"):
        # "demanded that Israel ease restrictions": the one asked to act is the target.
        for comp in verb.children:
            if comp.dep_ == "ccomp":
                target_heads += [c for c in comp.children if c.dep_ in SUBJECT_DEPS]
    targets = resolve.first_resolved(target_heads)
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


@lru_cache(maxsize=1)
def _receiving_verbs() -> frozenset[str]:
    path = DATA / "receiving_verbs.txt"
    words: set[str] = set()
    for number, fields in data_lines(path):
        if len(fields) != 1 or not fields[0].isalpha():
            raise KnowledgeBaseError(f"{path}:{number}: expected one verb lemma")
        words.add(fields[0].lower())
    return frozenset(words)


def _receiver(noun: Token, resolve: _Resolver, by_index: dict[int, Candidate]) -> list[Actor]:
    """The one an event noun is done to when a receiving verb carries it ("Obama faces
    pressure from Congress"): the verb's subject."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "obj") or verb.i in by_index:
        return []
    if verb.lemma_.lower() not in _receiving_verbs():
        return []
    subject, passive = _subject_head(verb)
    if passive or subject is None:
        return []
    return [a for a in resolve(subject) if a.resolved]


def _light_verb_actors(
    noun: Token, resolve: _Resolver, by_index: dict[int, Candidate]
) -> tuple[list[Actor], list[Actor]] | None:
    """The doer of an event noun that an uncoded verb carries: "launched an air strike
    against X", "began a hunger strike", "engaged Filipino peacekeepers in a firefight"."""
    verb = noun.head
    via_prep = noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ == "in"
    if via_prep:
        verb = verb.head
    elif noun.dep_ not in ("dobj", "obj"):
        return None
    if verb.pos_ != "VERB" or (verb.i in by_index and not by_index[verb.i].announces):
        return None
    subject, passive = _subject_head(verb)
    if passive or subject is None:
        return None
    sources = [a for a in resolve(subject) if a.resolved]
    if not sources:
        return None
    heads = [c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i != noun.i]
    heads += _prep_objects(verb, TARGET_PREPS)
    heads += _prep_objects(noun, TARGET_PREPS)
    # Last, anyone the event noun's own phrase names ("a hunger strike outside Parliament",
    # "in protest of the Russian government's refusal").
    heads.append(noun)
    return sources, [a for a in resolve.first_resolved(heads) if a.resolved]


def _noun_actors(
    candidate: Candidate, resolve: _Resolver, by_index: dict[int, Candidate], depth: int = 0
) -> tuple[list[Actor], list[Actor]]:
    noun = candidate.token
    sources: list[Actor] = []
    targets: list[Actor] = []
    modifiers: list[Actor] = []
    of_actors: list[Actor] = []
    for child in sorted(noun.children, key=lambda t: t.i):
        if child.dep_ == "poss":
            sources += [a for a in resolve(child) if a.resolved]
        elif child.dep_ in ("compound", "amod", "nmod"):
            modifiers += [a for a in resolve(child) if a.resolved]
        elif child.dep_ == "prep":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if not objects:
                continue
            if child.lower_ == "between":
                pair = [a for a in resolve(objects[0]) if a.resolved]
                sources += pair[:1]
                targets += pair[1:2]
            elif child.lower_ == "from" and candidate.code[:2] == "08":
                # "the withdrawal of its troops from Lebanon": where it leaves.
                targets += [a for a in resolve(objects[0]) if a.resolved]
            elif child.lower_ in SOURCE_PREPS:
                sources += [a for a in resolve(objects[0]) if a.resolved]
            elif child.lower_ == "of":
                inner = by_index.get(objects[0].i)
                if inner is not None and inner.is_noun and depth < 2:
                    # "the postponement of talks between X and Y": the talks' actors.
                    s, t = _noun_actors(inner, resolve, by_index, depth + 1)
                    sources, targets = sources + s, targets + t
                else:
                    of_actors += [a for a in resolve(objects[0]) if a.resolved]
            elif child.lower_ in TARGET_PREPS:
                targets += [a for a in resolve(objects[0]) if a.resolved]
    receivers = _receiver(noun, resolve, by_index) if depth == 0 else []
    if receivers:
        return sources, receivers
    if not sources and depth == 0:
        light = _light_verb_actors(noun, resolve, by_index)
        if light is not None:
            sources, more = light
            targets = targets or more
    if of_actors and sources:
        # "Israel's invasion of South Lebanon", "the invasion of Kuwait by Iraq", "Italy
        # announced a suspension of air links with Serbia": with a doer named, the
        # of-phrase is the one acted upon.
        targets = targets or of_actors
    else:
        sources += of_actors
    # "US pressure": a modifier acts; "US-China dialogue": the first acts, the second answers.
    if modifiers and not sources:
        sources = modifiers[:1]
        modifiers = modifiers[1:]
    if modifiers and not targets:
        targets = modifiers[:1]
    return sources, targets


def _conditional_threat(candidate: Candidate) -> Token | None:
    """The if-clause of a reported conditional with a negative outcome, if the reporting verb
    has one: "said that if the US wants delay, there is no need for dialogue" is a warning
    (CAMEO codes a conditional negative statement as a threat)."""
    for comp in candidate.token.children:
        # The quotation's parse may hang off a quotation mark rather than a ccomp.
        if comp.dep_ in ("nsubj", "nsubjpass", "agent"):
            continue
        words = list(comp.subtree)
        conditions = [t.head for t in words if t.dep_ == "mark" and t.lower_ in ("if", "unless")]
        negative = any(t.dep_ == "neg" or t.lower_ in ("no", "never") for t in words)
        if conditions and negative:
            return conditions[0]
    return None


def condition_clause_target(
    candidate: Candidate, resolve: _Resolver, targets: list[Actor]
) -> list[Actor]:
    """The party named in a conditional warning's if-clause ("if the US wants delay")."""
    if any(t.resolved for t in targets):
        return targets
    condition = _conditional_threat(candidate)
    if condition is None:
        return targets
    for token in condition.subtree:
        hit = mention_at(resolve.mentions, token)
        if hit is not None:
            return [hit]
    return targets


def _implicit_target(
    candidate: Candidate, source: Actor, resolve: _Resolver, skip: Sequence[Token] = ()
) -> Actor | None:
    """For a conflictual event with no target: the other country the sentence names, outside
    the source's own phrase ("US and British activists" names no target)."""
    sent = candidate.sentence
    best: Actor | None = None
    inside = {t.i for head in skip for t in head.subtree}
    for token in sent:
        if token.i in inside:
            continue
        hit = mention_at(resolve.mentions, token)
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


# Prepositions that place an action ("protested in Beijing", "will meet in Zurich").
PLACE_PREPS = ("in", "at", "into", "inside")


def _place_target(verb: Token, resolve: _Resolver) -> Actor | None:
    """Where an action with nobody on its receiving end took place, as its target: a protest
    in Beijing is addressed to China, a summit in Switzerland held there, as PETRARCH codes
    them. Only a country or a place the entity stage put in one; the verb's own phrases, or
    its object's ("demolished homes in southern Gaza")."""
    heads = _prep_objects(verb, PLACE_PREPS)
    for obj in verb.children:
        if obj.dep_ in OBJECT_DEPS:
            heads += _prep_objects(obj, PLACE_PREPS)
    for head in heads:
        hit = mention_at(resolve.mentions, head)
        if hit is None:
            for token, _ in phrase_tokens(head):
                hit = mention_at(resolve.mentions, token)
                if hit is not None:
                    break
        if hit is None or hit.entity is None:
            continue
        if hit.entity.kind in ("country", "location") and hit.entity.actor:
            return hit
    return None


# Appeals and demands are addressed to someone: one whose addressee the sentence does not
# name is not taken to be addressed to the speaker's own country.
ADDRESSED_ROOTS = frozenset({"02", "10"})
# Code prefixes of actors that belong to no one country: their acts have no home.
TRANSNATIONAL_PREFIXES = ("IGO", "NGO", "IMG", "MNC", "UIS", "REG")


def _home_target(source: Actor, mentions: MentionIndex) -> Actor | None:
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


def _same_side(one: Sequence[Actor], other: Sequence[Actor]) -> bool:
    """Whether two actor lists share a country (or an actor, for codes without one)."""
    codes = {a.code[:3] for a in one if a.code}
    return any(a.code and a.code[:3] in codes for a in other)


# Pronouns that, as the subject of a reported clause, usually stand for the speaker.
SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})


def _as_statement(
    candidate: Candidate, resolve: _Resolver, sources: list[Actor], targets: list[Actor]
) -> tuple[str, list[Actor], list[Actor]] | None:
    """A planned or required action as the statement CAMEO codes: (code, sources, targets).

    "will" makes any actor's plan an intent or threat; "would" only when the actor itself
    said it (an analyst's "would" is a guess, not a plan); "must" a demand when someone else
    says it, the one who must act becoming the target."""
    if candidate.is_noun or candidate.code == REPORTING_CODE:
        return None
    asker = appeal_governor(candidate.token)
    if asker is not None:
        asker_head, _ = _subject_head(asker)
        askers = [a for a in resolve(asker_head) if a.resolved]
        if askers and sources:
            return stance_code(candidate.code, "appeal", negated=False) or "020", askers, sources
    stance = stance_of(candidate.token)
    if stance is None:
        return None
    speakers: list[Actor] = []
    if candidate.reported_by is not None:
        speaker_head, _ = _subject_head(candidate.reported_by.token)
        speakers = resolve(speaker_head)
        subject, _ = _subject_head(candidate.token)
        if subject is not None and subject.lower_ in SPEAKER_PRONOUNS and speakers:
            # "French farmers said they would blockade Paris": "they" are the speakers.
            if not any(a.code for a in sources):
                sources = speakers
            if stance == "conditional":
                stance = "intent"
    if stance == "obligation":
        if not speakers or not any(s.resolved for s in speakers) or _same_side(speakers, sources):
            return None
        code = stance_code(candidate.code, stance, negated=False)
        return (code, speakers, sources) if code else None
    if stance == "conditional" and not _same_side(speakers, sources):
        return None
    negated = find_modality(candidate.token) == "negated"
    code = stance_code(candidate.code, stance, negated)
    return (code, sources, targets) if code else None


# Roots of attacks and violence that, claimed by someone else, are an accusation.
ALLEGED_ROOTS = frozenset({"17", "18", "19", "20"})


def _allegation(
    candidate: Candidate, resolve: _Resolver, sources: list[Actor], targets: list[Actor]
) -> tuple[str, list[Actor], list[Actor]] | None:
    """A claimed or alleged attack as the statement CAMEO codes: "The US claimed that ISIL
    had attacked Iraq" is the US accusing ISIL (112); "X claimed that it attacked Y" is X
    claiming responsibility (015). Only for verbs that make a claim ("said" is attribution)."""
    if candidate.code[:2] not in ALLEGED_ROOTS:
        return None
    clause = candidate.token
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "claimed that ISIL had attacked Iraq and taken Mosul"
    if clause.dep_ != "ccomp" or not alleges(clause.head):
        return None
    speaker_head, _ = _subject_head(clause.head)
    speakers = [a for a in resolve(speaker_head) if a.resolved]
    doers = [a for a in sources if a.resolved]
    if not speakers or not doers:
        return None
    subject, _ = _subject_head(candidate.token)
    own = _same_side(speakers, doers) or (
        subject is not None and subject.lower_ in SPEAKER_PRONOUNS
    )
    if own:
        return "015", speakers, targets
    return "112", speakers, doers


def _reported_stance(
    candidate: Candidate, resolve: _Resolver, speakers: list[Actor]
) -> tuple[str, list[Actor], list[Actor]] | None:
    """A statement whose reported clause holds no coded action but a plan or a requirement:
    "Russia said Sudan must return the helicopter" is a demand of Russia's on Sudan (100);
    "Israel will evacuate the settlements, a spokesman said" Israel's intent (030)."""
    for comp in candidate.token.children:
        if comp.dep_ not in ("ccomp", "parataxis") or comp.pos_ not in ("VERB", "AUX"):
            continue
        stance = stance_of(comp)
        if stance is None or find_modality(comp) == "negated":
            continue
        subject, _passive = _subject_head(comp)
        if subject is None or subject.i < 0:
            continue
        actors = [a for a in resolve(subject) if a.resolved]
        if not actors:
            continue
        if stance == "obligation":
            if _same_side(speakers, actors) or not any(s.resolved for s in speakers):
                continue
            return "100", speakers, actors
        if stance == "conditional" and not _same_side(speakers, actors):
            continue
        objects = [c for c in comp.children if c.dep_ in OBJECT_DEPS]
        objects += _prep_objects(comp, TARGET_PREPS)
        return "030", actors, [a for a in resolve.first_resolved(objects) if a.resolved]
    return None


def find_events_in_doc(
    doc: Doc,
    article: Article,
    entities: Sequence[Entity],
    timexes: Sequence[Timex],
    quotes: Sequence[Quote],
    lexicon: Lexicon,
    extra_verbs: bool = False,
) -> tuple[Event, ...]:
    candidates: list[Candidate] = []
    for sent in doc.sents:
        if len(sent) > MAX_SENTENCE_TOKENS:
            continue
        for token in sent:
            match = match_token(token, lexicon)
            if match is not None:
                candidates.append(Candidate(match, match.code, sent))
    by_index = {c.token.i: c for c in candidates}
    verb_words = {t.i for c in candidates if not c.is_noun for t in c.match.extra}

    # Fold clauses into their governors, deepest first so chains settle bottom-up.
    for candidate in sorted(candidates, key=lambda c: -len(list(c.token.ancestors))):
        if candidate.is_noun:
            continue
        governor = _governing(candidate, by_index)
        if governor is None:
            continue
        if governor.code == REPORTING_CODE:
            governor.dropped = True
            candidate.reported_by = governor
        else:
            candidate.dropped = True
            governor.folded.append(candidate)
            refined = refine_with_complement(governor.code, candidate.code)
            if refined and governor.match.pattern.condition is None:
                governor.code = refined
    for candidate in candidates:
        token = candidate.token
        if candidate.is_noun and token.i in verb_words:
            candidate.dropped = True  # the verb already codes it: "imposed sanctions"
        elif candidate.is_noun and token.dep_ == "pobj" and token.head.lower_ == "of":
            owner = by_index.get(token.head.head.i)
            if owner is not None and owner.is_noun:
                # "the postponement of talks": the talks did not take place; one event.
                candidate.dropped = True

    for candidate in candidates:
        token = candidate.token
        if not candidate.is_noun or candidate.dropped or token.dep_ not in ("dobj", "obj"):
            continue
        owner = by_index.get(token.head.i)
        if owner is not None and owner.code == REPORTING_CODE and not owner.dropped:
            # "Italy announced a suspension of air links with Serbia": what was announced
            # is the event, done by whoever announced it.
            owner.dropped = True
            owner.announces = True

    kept = {c.token.i for c in candidates if not c.dropped}
    for candidate in candidates:
        if not candidate.dropped and _subordinate(candidate.token, kept):
            candidate.dropped = True

    resolve = _Resolver(doc.text, MentionIndex.build(entities), quotes)
    heads = timex_heads(doc, timexes)
    positions = [i for i, _ in heads]
    events: dict[tuple[object, ...], Event] = {}
    for candidate in candidates:
        if candidate.dropped:
            continue
        info = code_info(candidate.code)
        if info is None:
            continue
        if candidate.is_noun:
            sources, targets = _noun_actors(candidate, resolve, by_index)
            if not sources and not targets:
                continue  # an event noun with nobody attached is a topic, not an event
            actor_heads: list[Token] = []
        else:
            if candidate.code == REPORTING_CODE:
                condition = _conditional_threat(candidate)
                if condition is not None:
                    candidate.code = "130"
                    info = code_info("130")
                    assert info is not None
            sources, targets, actor_heads = _verb_actors(candidate, resolve, by_index)
            if candidate.code == REPORTING_CODE:
                reported = _reported_stance(candidate, resolve, sources)
                if reported is not None:
                    candidate.code, sources, targets = reported
                    info = code_info(candidate.code)
                    assert info is not None
            if candidate.code == "130" and condition_clause_target(candidate, resolve, targets):
                targets = condition_clause_target(candidate, resolve, targets)
            if not sources and not targets:
                continue
            alleged = _allegation(candidate, resolve, sources, targets)
            restated = alleged or _as_statement(candidate, resolve, sources, targets)
            if restated is not None:
                new_code, sources, targets = restated
                new_info = code_info(new_code)
                if new_info is not None:
                    candidate.code, info = new_code, new_info
        if len(sources) == 1 and not any(t.resolved for t in targets) and info.code[:2] >= "09":
            implicit = _implicit_target(candidate, sources[0], resolve, actor_heads[:1])
            if implicit is not None:
                targets = [implicit]
        if sources and not any(t.resolved for t in targets) and not candidate.is_noun:
            place = _place_target(candidate.token, resolve)
            if place is not None:
                targets = [place]
        if sources and not any(t.resolved for t in targets) and not candidate.is_noun:
            # "Ethiopia departed from Libya": the party left is the other side.
            left = [
                a
                for a in resolve.first_resolved(_prep_objects(candidate.token, ("from",)))
                if a.resolved and all(a.key != s.key for s in sources)
            ]
            targets = left[:1] or targets
        # A bare statement stays addressed to nobody (``_main_events`` drops those).
        if (
            len(sources) == 1
            and not any(t.resolved for t in targets)
            and info.code != REPORTING_CODE
            and info.code[:2] not in ADDRESSED_ROOTS
        ):
            home = _home_target(sources[0], resolve.mentions)
            if home is not None:
                targets = [home]
        resolved_sources = list({s.key: s for s in sources if s.key is not None}.values())
        reciprocal = (
            len(resolved_sources) > 1
            and not any(t.resolved for t in targets)
            and bool(actor_heads)
            and _coordinated(actor_heads[0])
            and not _through_advcl(candidate.token, actor_heads[0])
        )
        token = candidate.token
        sent = candidate.sentence
        in_sentence = heads_between(heads, positions, sent.start, sent.end)
        date, date_source = find_date(token, actor_heads, in_sentence, article.published)
        modality = find_modality(token)
        trigger = _trigger_span(candidate.match)
        either_sources: list[Actor | None] = list(sources) or [None]
        either_targets: list[Actor | None] = list(targets) or [None]
        # An actor is not its own target ("X reneged on his commitment"): the event stands,
        # without that target.
        pairs = list(
            dict.fromkeys(
                (s, None if s and t and _own_target(s, t) else t)
                for s in either_sources
                for t in either_targets
            )
        )
        if reciprocal:
            # "Gondor and Osgiliath delayed their meeting", "Brazil and the US seek to deepen
            # a partnership": parties acting together with nobody else act on each other, one
            # event per ordered pair, as CAMEO codes a joint action.
            pairs = [
                (s, t) for s in resolved_sources for t in resolved_sources if s.key != t.key
            ]
        elif any(t is not None for _, t in pairs):
            pairs = [(s, t) for s, t in pairs if t is not None or len(either_targets) == 1]
        for source, target in pairs:
            confidence = _confidence(candidate, source, target, extra_verbs)
            event = Event(
                id="",
                source=source.entity.id if source and source.entity else None,
                source_actor=source.code if source else None,
                target=target.entity.id if target and target.entity else None,
                target_actor=target.code if target else None,
                cameo=info.code,
                plover=info.plover,
                goldstein=info.goldstein,
                quad_class=quad_class(info.code),
                date=date,
                date_source=date_source,  # type: ignore[arg-type]
                modality=modality,  # type: ignore[arg-type]
                sentence=article.text[sent.start_char : sent.end_char],
                start=sent.start_char,
                end=sent.end_char,
                trigger=trigger,
                confidence=confidence,
                plover_mode=info.plover_mode,
                source_text=source.text if source else None,
                target_text=(target.text or None) if target else None,
            )
            key = (event.start, event.trigger, event.cameo, event.source_text, event.target_text)
            events.setdefault(key, event)
    ordered = sorted(_main_events(events.values()), key=lambda e: (e.start, e.trigger))
    return tuple(dataclasses.replace(e, id=f"v{n}") for n, e in enumerate(ordered, start=1))


def _own_target(source: Actor, target: Actor) -> bool:
    """Whether the target is the source itself, or its country's own people in a group
    ("Mordor reneged on its pledge to Mordor's farmers"); the home country taken as the
    target of an act on nobody named is not."""
    if target.home or source.key is None:
        return False
    if source.key == target.key:
        return True
    one, other = source.entity, target.entity
    if one is None or other is None or not one.actor or not other.actor:
        return False
    return one.kind == "country" and other.kind == "group" and other.actor[:3] == one.actor


def _through_advcl(verb: Token, subject: Token) -> bool:
    """Whether the verb took its subject from a clause it modifies ("forces must ensure
    security to allow supplies in": the forces do not allow each other anything)."""
    token = verb
    for _ in range(MAX_GOVERNING_HOPS + 2):
        if token.i == subject.head.i or token.head.i == token.i:
            return False
        if token.dep_ == "advcl":
            return True
        token = token.head
    return False


def _coordinated(head: Token) -> bool:
    """Whether a phrase names several parties side by side ("Gondor and Rohan", "US and
    British activists"), not one inside another ("Ithilen's minister Calimehtar")."""
    return any(list_member(c) for c in head.children) or any(
        c.dep_ in ("compound", "amod", "nmod")
        and c.text[:1].isupper()
        and any(g.dep_ == "conj" and g.text[:1].isupper() for g in c.children)
        for c in head.children
    )


def _main_events(events: Iterable[Event]) -> list[Event]:
    """Leave out bare statements: a "said" (010) that a sentence's other event already
    accounts for, or that is addressed to nobody, is attribution rather than an event."""
    events = list(events)
    coded = {e.start for e in events if e.cameo != REPORTING_CODE}
    return [
        e
        for e in events
        if e.cameo != REPORTING_CODE or (e.start not in coded and e.target_actor is not None)
    ]


def _trigger_span(match: Match) -> tuple[int, int]:
    token = match.token
    words = [token] + [t for t in match.extra if abs(t.i - token.i) <= 3]
    start = min(t.idx for t in words)
    end = max(t.idx + len(t) for t in words)
    return start, end


def _confidence(
    candidate: Candidate, source: Actor | None, target: Actor | None, extra_verbs: bool
) -> float:
    """A plain score: how much of the who-did-what-to-whom the parse could pin down."""
    score = 0.45
    if source and source.resolved:
        score += 0.25
    if target and target.resolved and target.text:  # not a home country taken as target
        score += 0.15
    if candidate.match.pattern.condition is not None:
        score += 0.1
    if candidate.is_noun:
        score -= 0.1
    if candidate.code == REPORTING_CODE:
        score -= 0.1
    if extra_verbs and not candidate.match.pattern.origin.startswith("verbs.tsv"):
        score -= 0.05
    return round(min(0.95, max(0.05, score)), 2)
