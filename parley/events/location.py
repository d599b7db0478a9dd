"""Where an event happened: the named place of its where-phrase ("talks in Geneva", "rioted
at a jail in East Timor's capital Dili", "demonstrated in the northern city of Kirkuk").

PLOVER records an event's location beside its actors; ICEWS and GDELT geocode each event. A
place here is never a party (``targets``: "talks in Beijing" are not addressed to China): it is
told apart as the event's ``location``, the entity the entity stage found (a country or a
place in one), so that a corpus can keep apart two same-day visits to two capitals.

The where-phrases read, in this order: the trigger's own in/at/near... phrases, then those of
what it acts on and of the verb a trigger noun is the object of ("held talks in Geneva",
"talks were held in Geneva"), then the destination of a journey or a dispatch ("return to
Geneva", "sent personnel to Bosnia"), then the same of the verb whose purpose the trigger is,
then the doers' own where-phrases ("a bombing near Samarra killed"). Within a phrase the most
precise place wins: a city over the country it lies in ("a jail in East Timor's capital Dili":
Dili), the first of equals ("in Shenyang City of Liaoning Province": Shenyang). A name that
says whose, not where, is no place ("at the DPRK-Russia summit"), and clauses inside a phrase
are not read ("at a summit that discussed Syria" was not held in Syria).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from parley.events.pronouns import PLACE_PREPS
from parley.nlp.index import MentionIndex, MentionRef, ParseIndex

__all__ = ["event_location"]

# Entity kinds that name where something is, the more precise first.
PLACE_RANK = {"location": 0, "country": 1}
# Verbs of going or sending somewhere: their to-phrase is where the act takes place.
JOURNEY_VERBS = frozenset(
    {
        "arrive",
        "come",
        "deploy",
        "dispatch",
        "fly",
        "go",
        "head",
        "move",
        "return",
        "send",
        "travel",
    }
)
# Verbs whose object is the place itself ("visited Beijing", "toured the border area").
VISIT_VERBS = frozenset({"visit", "tour"})
# Nouns of a place whose of-phrase names it ("the city of Kirkuk", "the streets of Seoul").
PLACE_NOUNS = frozenset(
    {
        "area",
        "base",
        "border",
        "camp",
        "capital",
        "city",
        "county",
        "district",
        "island",
        "outskirts",
        "peninsula",
        "port",
        "province",
        "region",
        "square",
        "street",
        "suburb",
        "town",
        "village",
        "zone",
    }
)
# Dependents of a phrase that are a clause of their own, not part of the place.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})
# What a trigger noun's verb may hold it as ("held talks", "talks were held", "talks took place").
NOUN_SLOTS = frozenset({"dobj", "obj", "nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})


def event_location(token: Token, mentions: MentionIndex) -> MentionRef | None:
    """The named place where the act of ``token`` (the trigger's head) happened, or None."""
    for phrase in _where_phrases(token, mentions.parse):
        place = _named_place(phrase, mentions)
        if place is not None:
            return place
    return None


def _where_phrases(token: Token, parse: ParseIndex | None) -> Iterator[Token]:
    """The heads of the phrases that may say where, the trigger's own first; then those of
    the verb whose purpose the trigger is ("sent personnel to Bosnia to investigate"), then
    its doers' ("a roadside bombing near Samarra killed", "Koreans in Tashkent held")."""
    yield from _own_phrases(token, parse)
    if token.dep_ in ("xcomp", "advcl") and token.head.pos_ in ("VERB", "AUX"):
        yield from _own_phrases(token.head, parse)
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            yield from _prep_objects(child, PLACE_PREPS, parse)


def _own_phrases(token: Token, parse: ParseIndex | None) -> Iterator[Token]:
    holders = [token]
    verb = _noun_verb(token)
    if verb is not None:
        holders.append(verb)
    holders += [c for h in list(holders) for c in h.children if c.dep_ in OBJECT_DEPS]
    for holder in holders:
        yield from _prep_objects(holder, PLACE_PREPS, parse)
    for holder in holders[:2]:
        lemma = holder.lemma_.lower()
        if lemma in JOURNEY_VERBS:
            yield from _prep_objects(holder, frozenset({"to", "into"}), parse)
            for obj in holder.children:  # "sent personnel to Bosnia"
                if obj.dep_ in OBJECT_DEPS:
                    yield from _prep_objects(obj, frozenset({"to", "into"}), parse)
        if lemma in VISIT_VERBS:
            yield from (c for c in holder.children if c.dep_ in OBJECT_DEPS)


def _noun_verb(token: Token) -> Token | None:
    """The verb a trigger noun is the object or subject of ("held talks", "talks were
    held"), or whose phrase it heads ("retook the village after fierce fighting")."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif token.dep_ not in NOUN_SLOTS:
        return None
    return head if head.pos_ in ("VERB", "AUX") and head.i != token.i else None


def _prep_objects(token: Token, preps: frozenset[str], parse: ParseIndex | None) -> Iterator[Token]:
    if parse is None or parse.doc is not token.doc:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                yield from (g for g in child.children if g.dep_ == "pobj")
        return
    # The index's dependents, labels and words: no Token for a dependent that is no
    # preposition of these (most are not).
    doc, table, deps, lowers = token.doc, parse.dependents, parse.deps, parse.lowers
    for c in table[token.i]:
        if deps[c] == "prep" and lowers[c] in preps:
            yield from (doc[g] for g in table[c] if deps[g] == "pobj")


def _named_place(head: Token, mentions: MentionIndex) -> MentionRef | None:
    """The most precise place named in the phrase of ``head``."""
    best: MentionRef | None = None
    for token in _phrase(head):
        ref = mentions.at(token.idx, token.idx + len(token))
        if ref is None or ref.entity.kind not in PLACE_RANK or not _where(token, head, ref):
            continue
        if best is None or PLACE_RANK[ref.entity.kind] < PLACE_RANK[best.entity.kind]:
            best = ref
    return best


def _where(token: Token, head: Token, ref: MentionRef) -> bool:
    """Whether the place names where, not whose ("at the DPRK-Russia summit" was not held in
    Russia): the name is the phrase itself, the object of its where- or of-phrase, or the
    name of a place noun ("the capital Kabul", "Shenyang City", "a West Bank camp", "Iraq's
    capital")."""
    root = token
    while root.head.i != root.i and ref.start <= root.head.idx < ref.end:
        root = root.head
    if root.i == head.i or root.dep_ == "pobj":
        return True
    return root.dep_ in ("appos", "compound", "poss") and root.head.lemma_.lower() in PLACE_NOUNS


def _phrase(head: Token) -> Iterator[Token]:
    """The words of a noun phrase with its where- and place-of phrases, no clauses."""
    yield head
    for child in head.children:
        if child.dep_ in CLAUSE_DEPS or child.dep_ == "cc":
            continue
        if child.dep_ == "prep":
            of_place = child.lower_ == "of" and head.lemma_.lower() in PLACE_NOUNS
            if child.lower_ not in PLACE_PREPS and not of_place:
                continue
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield from _phrase(obj)
            continue
        yield from _phrase(child)
