"""A party named by a description: "the company", "all the participants", "the organizations".

Stories name a party once and then describe it: "Apple said it would not fund the convention
... the company deciding not to fund", "Kim Jong Un invited labor innovators to the
celebrations ... He congratulated all the participants", "Civic organizations of south Korea
held a rally ... The organizations recalled ...". A definite description with no name of its
own (nothing in its phrase that the entity stage coded) stands for the party the story
introduced under that description:

- a business noun ("the company", "the beverage company", "the firm") is the business named
  last: the one business (actor sector BUS, or a multinational) named in the nearest of the
  sentence and the ``SENTENCES_BACK`` before it that name any;
- a participant noun ("the participants", "all the attendees", "the rally participants") is
  the party the story said took part: the subject of "attended", "took part", "participated",
  the agent of "was attended by", the object of "invited ... to": the one body or group (not
  a person: one person is no participants) all such clues in ``CLUE_SENTENCES`` name;
- a plural noun repeating the head of a body's or group's name ("south Korean civic
  organizations ... The organizations", "labor innovators ... the innovators") is that body,
  when one entity's mention in reach ends in the word;
- a singular noun for a travelling body ("the delegation", "the mission") is the one body
  or group in reach whose mention holds the word ("a delegation of the Ruritanian
  Workers' Party arrived ... The delegation laid a wreath"). The entity stage does not link
  it (``parley.entities.descriptions``: a delegation's two visits of a day would merge in the
  store); an event's side reads it here only;
- a plural noun for visitors ("the guests", "the visitors") is the one party the story said
  came: the subject of "arrived", "visited", "toured", "laid a wreath", "paid tribute" in
  ``CLUE_SENTENCES`` ("X, foreign minister of Ruritania, and his party visited the tower ...
  The guests laid a wreath").

Conservative: two candidates and the description is nobody's. Pronouns are not read here
(``pronouns``), nor titles and singular kind nouns, which the entity stage links itself
(``parley.entities.descriptions``).
"""

from __future__ import annotations

from spacy.tokens import Token

from parley.nlp.index import MentionIndex, MentionRef
from parley.records import Entity

__all__ = ["described_party"]

# Determiners of a description that points back ("the company", "these participants").
POINTING = frozenset({"the", "this", "these", "that", "those"})
# Nouns for a business, written for Parley from ordinary English news usage.
BUSINESS_NOUNS = frozenset(
    {"company", "firm", "corporation", "automaker", "carmaker", "conglomerate", "retailer"}
)
BUSINESS_SECTOR = "BUS"
MULTINATIONAL = "MNC"
# Nouns for those who took part in a gathering.
PARTICIPANT_NOUNS = frozenset({"participant", "attendee", "attendant"})
# Verbs whose subject takes part ("attended the meeting", "took part in the rally").
ATTENDING = frozenset({"attend", "participate"})
# Verbs whose object is brought to take part ("invited labor innovators to the celebrations").
INVITING = frozenset({"invite"})
# Nouns whose of-phrase took part ("with the attendance of many workers").
RELATIVE = frozenset({"who", "that", "which"})
# The relations of a list's members ("X, Y and Z", "X, minister of Y").
LISTED_DEPS = frozenset({"conj", "appos"})
ATTENDANCE = frozenset({"attendance", "participation"})
# Singular nouns for a body that travels and is received, written for Parley from diplomatic
# news usage ("the delegation laid a wreath", "the mission held talks").
DELEGATION_NOUNS = frozenset({"delegation", "mission", "troupe"})
# Plural nouns for those who came on a visit ("The guests laid a wreath", "The visitors
# toured the factory"), and the verbs whose subject the story says came: arrived, visited,
# toured, laid a wreath or paid tribute, left for home.
GUEST_NOUNS = frozenset({"guest", "visitor"})
VISITING_VERBS = frozenset({"arrive", "visit", "tour", "lay", "pay", "leave"})
# The kinds of party that come on a visit: a delegation, or a person with their party.
VISITOR_KINDS = frozenset({"organization", "group", "media", "person"})
# How many sentences before its own a business noun may point back.
SENTENCES_BACK = 3
# How many sentences before its own the clues of who took part are read.
CLUE_SENTENCES = 8
# The entity kinds a repeated plural noun may stand for (bodies and groups, not people or
# places).
BODY_KINDS = frozenset({"organization", "group", "media"})


def described_party(head: Token, mentions: MentionIndex) -> Entity | None:
    """The party the description ``head`` (a noun whose phrase names no entity) stands for,
    or None."""
    if head.pos_ != "NOUN" or not head.text.islower() or not _pointing(head):
        return None
    lemma = head.lemma_.lower()
    if lemma in BUSINESS_NOUNS and head.tag_ == "NN":
        return _business_before(head, mentions)
    if lemma in PARTICIPANT_NOUNS and head.tag_ == "NNS":
        return _took_part(head, mentions)
    if lemma in GUEST_NOUNS and head.tag_ == "NNS" and not _modified(head):
        return _visitors(head, mentions)
    if head.tag_ == "NNS" or (lemma in DELEGATION_NOUNS and head.tag_ == "NN"):
        return _repeated_head(head, mentions)
    return None


def _pointing(head: Token) -> bool:
    """Whether the noun has a determiner pointing back and no name or possessor of its own
    ("the company", "all the participants"; not "a company", "its participants")."""
    children = list(head.children)
    if any(c.dep_ == "poss" or c.pos_ == "PROPN" for c in children):
        return False
    return any(c.dep_ == "det" and c.lower_ in POINTING for c in children)


def _first_token(head: Token, count: int) -> int:
    """The first token of the sentence ``count`` sentences before the head's."""
    start = head.sent.start
    for _ in range(count):
        if start == 0:
            break
        start = head.doc[start - 1].sent.start
    return start


def _business(entity: Entity) -> bool:
    actor = entity.actor or ""
    return actor[3:6] == BUSINESS_SECTOR or actor.startswith(MULTINATIONAL)


def _business_before(head: Token, mentions: MentionIndex) -> Entity | None:
    """The one business named in the nearest sentence (the head's own, before it, or one of
    ``SENTENCES_BACK`` before) that names any."""
    doc = head.doc
    end = head.idx
    start = head.sent.start
    for _ in range(SENTENCES_BACK + 1):
        begin = doc[start].idx
        found = {
            r.entity.id: r.entity
            for r in mentions.overlapping(begin, end)
            if r.end <= head.idx and _business(r.entity)
        }
        if found:
            return next(iter(found.values())) if len(found) == 1 else None
        if start == 0:
            return None
        end = begin
        start = doc[start - 1].sent.start
    return None


def _took_part(head: Token, mentions: MentionIndex) -> Entity | None:
    """The one body or group the story said took part, in the clues before the head: those
    that say so in words ("took part", "participated", "attended") before those that only
    list who was there or was asked ("Present there were ...", "invited ...")."""
    doc = head.doc
    told: dict[str, Entity] = {}
    listed: dict[str, Entity] = {}
    unsure = False
    for token in doc[_first_token(head, CLUE_SENTENCES) : head.i]:
        parties, said = _clue_parties(token)
        for party in parties:
            if not said and _unnamed_member(party, mentions):
                unsure = True  # "Present were ... and artistes of various countries"
            for entity in _phrase_entities(party, mentions):
                if entity.kind in BODY_KINDS and entity.actor:
                    (told if said else listed)[entity.id] = entity
    found = told or ({} if unsure else listed)
    return next(iter(found.values())) if len(found) == 1 else None


def _modified(head: Token) -> bool:
    """Whether the noun has words of its own that say which ("the foreign guests", "the
    two visitors"): then it is not simply those who came."""
    return any(c.dep_ in ("compound", "amod", "nummod") for c in head.children)


def _visitors(head: Token, mentions: MentionIndex) -> Entity | None:
    """The party the story said came, in the clues before the head: the subjects of
    "arrived", "visited", "toured", "laid a wreath", "paid tribute", "left for home". One
    actor code among them, or nobody ("a delegation of X led by Y arrived" is X's however
    it is named; a story of two visiting parties leaves "the guests" unknown)."""
    found: dict[str, Entity] = {}
    for token in head.doc[_first_token(head, CLUE_SENTENCES) : head.i]:
        if token.pos_ != "VERB" or token.lemma_.lower() not in VISITING_VERBS:
            continue
        for subject in (c for c in token.children if c.dep_ == "nsubj"):
            for entity in _phrase_entities(subject, mentions):
                if entity.kind in VISITOR_KINDS and entity.actor:
                    found.setdefault(entity.actor, entity)
    return next(iter(found.values())) if len(found) == 1 else None


def _phrase_entities(party: Token, mentions: MentionIndex) -> list[Entity]:
    """The entities the phrase of ``party`` names; with none, the entity one of whose
    mentions elsewhere is the phrase's name ("labor innovators" again, which the index of
    the event stage's parties may leave out here: "gifts sent to labor innovators who
    participated")."""
    start, end = party.left_edge.idx, party.right_edge.idx + len(party.right_edge)
    found = [ref.entity for ref in mentions.overlapping(start, end)]
    if found:
        return found
    words = [t for t in party.lefts if t.dep_ in ("compound", "amod")] + [party]
    name = " ".join(t.lower_ for t in words)
    return [e for e in mentions.by_id.values() if any(m.text.lower() == name for m in e.mentions)]


def _unnamed_member(party: Token, mentions: MentionIndex) -> bool:
    """Whether a list of those present holds people no entity is named for ("artistes of
    various countries", "officials concerned"): then who the participants are is not one
    party."""
    for member in party.subtree:
        if member.tag_ != "NNS" or (member.i != party.i and member.dep_ not in LISTED_DEPS):
            continue
        own = [t for t in member.subtree if t.i == member.i or t.dep_ not in LISTED_DEPS]
        if not any(mentions.at(t.idx, t.idx + len(t)) for t in own):
            return True
    return False


def _clue_parties(word: Token) -> tuple[list[Token], bool]:
    """The heads of the phrases a clause of taking part names as taking part, and whether
    it says they took part ("X attended", "X took part", "X, who participated", "was
    attended by X") or only lists who was there or was asked ("invited X to", "Present
    there were X", "with the attendance of X")."""
    lemma = word.lemma_.lower()
    children = list(word.children)
    if word.pos_ == "NOUN":
        if lemma not in ATTENDANCE:
            return [], False
        of = [g for c in children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        return of, False
    if word.pos_ not in ("VERB", "AUX"):
        return [], False
    if lemma == "be" and any(c.lower_ == "present" for c in children):
        return [c for c in children if c.dep_ in ("attr", "nsubj")], False
    part = any(c.dep_ == "dobj" and c.lower_ == "part" for c in children)
    if lemma in ATTENDING or (lemma == "take" and part):
        agents = [g for c in children if c.dep_ == "agent" for g in c.children]
        subjects = [c for c in children if c.dep_ == "nsubj"]
        # "labor innovators who participated": the relative pronoun is the noun it hangs on.
        if word.dep_ == "relcl" and any(c.lower_ in RELATIVE for c in subjects):
            subjects = [word.head]
        return subjects + agents, True
    if lemma in INVITING:
        return [c for c in children if c.dep_ == "dobj"], False
    return [], False


def _repeated_head(head: Token, mentions: MentionIndex) -> Entity | None:
    """The one body or group whose mention in the head's sentence or the ``SENTENCES_BACK``
    before it holds the head's word ("civic organizations" for "the organizations", "a
    delegation of the party" for "the delegation")."""
    if any(c.dep_ in ("compound", "amod", "nummod") for c in head.children):
        return None  # "the two organizations", "the other groups": a part, or others
    begin = head.doc[_first_token(head, SENTENCES_BACK)].idx
    word = head.lower_
    found: dict[str, Entity] = {}
    for ref in mentions.overlapping(begin, head.idx):
        if ref.end <= head.idx and _holds(ref, word) and ref.entity.kind in BODY_KINDS:
            found[ref.entity.id] = ref.entity
    if len(found) != 1:
        return None
    entity = next(iter(found.values()))
    return entity if entity.actor else None


def _holds(ref: MentionRef, word: str) -> bool:
    return word in ref.text.lower().split()
