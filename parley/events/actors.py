"""Who did it, and to whom: map the phrases around a trigger to the entity stage's entities.

A phrase (a dependency subtree) maps to the entity whose mention sits closest to the phrase's
head: "US Secretary of State Mike Pompeo" is Pompeo, "the director of a US research institute
at the North Korean Foreign Ministry" is the ministry, because a compound or adjective
modifier ("US research institute") describes a thing rather than naming who acts. Coordinated
actors ("North Korea and the US") all come back, one per entity.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.tokens import Token

from parley.entities.nominal import (
    CLAUSE_DEPS,
    MODIFIER_DEPS,
    list_members,
    phrase_tokens,
)
from parley.entities.titles import KIN_WORDS
from parley.events.candidates import ALLEGING_PREPS
from parley.events.described import described_party
from parley.events.letters import Letter
from parley.events.pronouns import antecedents_or_topic, person_stand_in, subject_person
from parley.events.titles import name_at
from parley.nlp.index import MentionIndex, MentionRef
from parley.quotes.marks import Quoted
from parley.records import Entity, Quote

RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom", "whose"})
# How many of- and for-phrases a title may run through ("president of the Presidium of the
# Supreme People's Assembly") between the person and the noun a relative clause hangs from.
MAX_TITLE_HOPS = 8
FIRST_PERSON = frozenset({"i", "we", "us", "our", "my", "me", "ours", "mine"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "they", "them", "its", "their", "itself", "themselves"})
GROUP_WORDS = frozenset({"side", "country", "nation", "party", "government", "leader"})
# A gerund's subject, which the parser may make of a name in the phrase ("a letter to X pledging").
GERUND_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# How many distinct parties back "both sides" may look for its two coded ones.
GROUP_LOOKBACK = 6
# Prepositions that place a phrase's head somewhere: the place named there is a venue ("a
# hospital in Kabul", "the reactor at Yongbyon", "troops along the border"), not a party.
VENUE_PREPS = frozenset({"in", "at", "inside", "near", "along", "outside", "off"})
# Verbs of people leaving a place ("refugees fleeing the fighting in X"): the place is their
# origin, not their venue.
FLEEING_VERBS = frozenset({"flee", "escape"})
# Prepositions that open a list of examples of the phrase's head ("sites, including areas in
# X", "islands like Y"): a member's venue is the phrase's.
INCLUDING_PREPS = frozenset({"including", "like"})
# Prepositions that put words in a medium ("said on Twitter", "wrote on her Facebook page",
# "announced via YouTube"): the outlet or platform named there is where they appeared, no
# party to the act.
MEDIUM_PREPS = frozenset({"on", "via"})
# Possessive pronouns of a party: what they own is theirs, not the place it is in.
OWNER_PRONOUNS = frozenset({"its", "their"})
# Words for people from elsewhere: a place in their phrase is where they are, not whose.
OUTSIDER_WORDS = frozenset({"foreign", "foreigner", "overseas"})
# Words for someone sent to another party: their to-phrase names where they are sent, not
# whose they are ("the Lao ambassador to the DPRK" is Laos's, "a delegation to the UN" nobody's
# it names).
ENVOY_WORDS = frozenset(
    {
        "ambassador",
        "envoy",
        "emissary",
        "delegation",
        "delegate",
        "mission",
        "embassy",
        "representative",
        "consul",
        "consulate",
        "attache",
        "observer",
    }
)
# The kinds of entity that are places, which "who" never stands for.
PLACE_KINDS = frozenset({"country", "location"})
# Marks that open a quotation: a statement block is printed unquoted.
QUOTE_OPENERS = frozenset("\u201c\"'\u2018\u00ab\u201e")
# A colon and a paragraph break before a statement's first words: a newline, or the ", ,"
# with which some KCNA copies join paragraphs ("The message said:, ,  I extend ...").
STATEMENT_OPENING = re.compile(r":[ \t]*(?:\n|,[ \t]*,)[\s,]*$")
# Prepositions whose phrase on a person's name says whom the person belongs to ("Ri of the
# Foreign Ministry", "an envoy from Seoul"); a person's other phrases say where or when.
AFFILIATION_PREPS = frozenset({"of", "from", "with"})
# A joint act of a pair of countries glued by hyphens ("the U.S.-ROK joint drills"): the act
# is both partners', so each is a party to what is done about it.
JOINT_WORDS = frozenset({"joint", "combined"})
JOINT_NOUNS = frozenset({"exercise", "drill", "maneuver", "manoeuvre"})
GLUE_HYPHENS = frozenset({"-", "\u2010", "\u2011", "\u2013"})


@dataclass(frozen=True, slots=True)
class Actor:
    """One side of an event: the entity (if the entity stage knows it) and the words.

    Two actors are equal when their words, offsets and entity ids are; the entity itself is
    left out of the comparison (and of the hash) because an entity with thousands of mentions
    hashes slowly. The same words may stand for several parties: a "they" for a list ("China
    and Russia vetoed it. They said ...") is one actor per party of the list."""

    entity: Entity | None = field(compare=False)
    text: str
    start: int
    end: int
    # A party the sentence does not write (aid to the country the text named just before):
    # no words, no offsets of its own.
    implied: bool = False
    who: str | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "who", self.entity.id if self.entity is not None else None)

    @property
    def code(self) -> str | None:
        """The entity's actor code: the entity stage is the one place actors are coded."""
        return self.entity.actor if self.entity else None

    @property
    def resolved(self) -> bool:
        """Whether the words name an entity."""
        return self.entity is not None

    @property
    def key(self) -> str | None:
        """Who this is, for telling two actors apart."""
        return self.entity.id if self.entity is not None else None


def _span(token: Token) -> tuple[int, int]:
    return token.idx, token.idx + len(token)


def _actor(ref: MentionRef) -> Actor:
    return Actor(ref.entity, ref.text, ref.start, ref.end)


def mention_at(mentions: MentionIndex, token: Token) -> Actor | None:
    """The entity whose mention overlaps the token, as an actor."""
    ref = mentions.at(*_span(token))
    return _actor(ref) if ref is not None else None


def resolve_phrase(
    head: Token,
    text: str,
    mentions: MentionIndex,
    quotes: Sequence[Quote],
    places: bool = True,
    letters: Sequence[Letter] = (),
    titles: Sequence[Quoted] = (),
) -> list[Actor]:
    """The actors a phrase names: one per entity, coordinated phrases giving several. A place
    named in the phrase's in/at modifier is where the thing is, not who it is ("a hospital in
    Kabul") when not ``places``: the target of a meeting or a donation is not where it is. Who
    acts is ("opposition groups in Zimbabwe"), and so is what a bombing acts on ("homes in
    southern Gaza"). ``titles``: the text's quoted titles (``parley.quotes.titles``), whose
    names are no parties to the acts around them."""
    # A relative pronoun stands for the noun its clause modifies.
    person = False  # "who": a person, never a bare country or place
    if head.lower_ in RELATIVE_PRONOUNS:
        clause = head.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "relcl":
            pronoun = head.lower_
            head = clause.head
            if pronoun in ("who", "whom", "whose"):
                # "Kim, president of the Presidium of the Assembly who is on a visit": "who"
                # is a person, the one whose title the noun it hangs from is part of.
                head = _titled_person(head)
                person = True
    # A phrase outside a quoted title names no one inside it; one of the title's own words may.
    outside = () if _title_phrase(head, titles) else titles
    actors: list[Actor] = []
    for conjunct in _party_members(head):
        found = _resolve_one(conjunct, text, mentions, quotes, places, letters, outside)
        members = _modifier_members(conjunct, mentions)
        if not members and head.dep_ != "nsubjpass":
            # "condemned the U.S.-ROK joint drills": both partners; "the drills were staged"
            # is what is done, no party.
            members = joint_partners(conjunct, text, mentions)
        if len(members) > 1:
            # "US and British activists", "Eriadori and Calenardhon leaders": each
            # coordinated modifier names an actor of its own, whatever the head noun hit.
            found = members + [a for a in found if a.resolved]
        actors.extend(found)
    # Keep one actor per entity; unresolved words only when nothing resolved.
    seen: set[str] = set()
    resolved = []
    for actor in actors:
        if actor.key is not None and actor.key not in seen:
            seen.add(actor.key)
            resolved.append(actor)
    if person:
        # "the Turkish ambassador to the DPRK Mustafa Saribas who paid a call", parsed as one
        # name: "who" is the envoy, not the country the parser ran into the name.
        first, last = head.left_edge.idx, head.idx + len(head)
        resolved = [
            a
            for a in resolved
            if not (first <= a.start < last and a.entity and a.entity.kind in PLACE_KINDS)
        ]
        if not resolved:
            return [Actor(None, head.text, *_span(head))]
    if resolved:
        return resolved
    return actors[:1]


def _titled_person(noun: Token) -> Token:
    """The named person whose apposed title holds ``noun`` ("Kim Yong Nam" for "Presidium"
    in "Kim Yong Nam, president of the Presidium of the ... Assembly"), else ``noun``."""
    current = noun
    for _ in range(MAX_TITLE_HOPS):
        if current.dep_ == "appos" and current.head.pos_ == "PROPN":
            return current.head
        if current.dep_ not in ("pobj", "prep") or current.head.i == current.i:
            break
        current = current.head
    return noun


def _party_members(head: Token) -> list[Token]:
    """The parties a phrase lists ("Arnor, Gondor and Rohan"), but not the titles of one
    ("Kim Jong Un, general secretary of the WPK and president of the DPRK" is one party: the
    parser hangs the titles as an apposition holding a list)."""
    return [
        t
        for t in list_members(head)
        if t.i == head.i
        or not (_is_title(t) or (_is_title(t.head) and _is_common(t)) or _second_title(t))
    ]


def _second_title(token: Token) -> bool:
    """A title joined to another with no determiner of its own: "the general secretary of
    the Communist Party of Vietnam and president of Vietnam" is one person holding both
    offices ("the secretary of X and the president of Y" would be two)."""
    first = token.head
    return (
        token.dep_ == "conj"
        and all(_office(t) for t in (token, first))
        and any(c.dep_ == "det" for c in first.children)
        and not any(c.dep_ in ("det", "poss") for c in token.children)
    )


def _office_holder(hit: Actor, title: Token, mentions: MentionIndex) -> Actor:
    """The one party a title and the offices joined to it name ("the general secretary of
    the Communist Party of Vietnam and president of Vietnam"): a state office names its
    holder before a party post, as CAMEO codes a leader by the state they lead."""
    # The name may lie inside the title's of-phrases ("the Party" of "chairman of the Party").
    for _ in range(MAX_TITLE_HOPS):
        if _office(title) or title.dep_ not in ("pobj", "prep") or title.head.i == title.i:
            break
        title = title.head
    held = [hit] + [
        a
        for t in list_members(title)
        if t.i != title.i and _second_title(t)
        for a in [mention_at(mentions, t)]
        if a is not None
    ]
    return next((a for a in held if a.code and a.code.endswith("GOV")), hit)


def _office(token: Token) -> bool:
    """A singular common noun with an of-phrase: "president of Vietnam"."""
    return (
        _is_common(token)
        and token.tag_ == "NN"
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
    )


def _is_title(token: Token) -> bool:
    """An apposition headed by a singular common noun ("general secretary of ..."); a plural
    one is a group in the list ("Kim Jong Un, all the members of the WPK and all the people
    of the DPRK")."""
    return token.dep_ == "appos" and _is_common(token) and token.tag_ != "NNS"


def _is_common(token: Token) -> bool:
    """A common noun written in lower case ("president"), not a name ("Oleg Kozhemyako")."""
    return token.pos_ == "NOUN" and token.text.islower()


def _modifier_members(head: Token, mentions: MentionIndex) -> list[Actor]:
    """The actors of coordinated modifiers of a noun: "US and British activists" is two
    groups of activists, one per country (the entity stage made each a group)."""
    coordinated = [
        c
        for c in head.children
        if c.dep_ in MODIFIER_DEPS and any(g.dep_ == "conj" for g in c.children)
    ]
    if not coordinated:
        return []
    found = (mention_at(mentions, token) for token in list_members(coordinated[0]))
    return [a for a in found if a is not None]


def joint_partners(head: Token, text: str, mentions: MentionIndex) -> list[Actor]:
    """The countries of a hyphen-glued pair before a joint act ("the U.S.-south Korea joint
    military exercises", "U.S.-ROK drills"): each partner, in text order; [] for anything
    else (one country, or a noun that is no joint act). ``text``: the document's."""
    if head.lemma_.lower() not in JOINT_NOUNS and not any(
        c.lower_ in JOINT_WORDS for c in head.children
    ):
        return []
    for child in head.children:
        if child.i > head.i or child.dep_ not in ("compound", "amod", "nmod"):
            continue
        refs = mentions.overlapping(child.left_edge.idx, child.idx + len(child))
        if len(refs) < 2 or any(r.entity.kind != "country" for r in refs):
            continue
        if all(text[a.end : b.start] in GLUE_HYPHENS for a, b in pairwise(refs)):
            return [_actor(r) for r in refs]
    return []


def _conjunct_actors(token: Token, mentions: MentionIndex) -> list[Actor]:
    """The actors named by the words coordinated with ``token``; a name's titles are not
    among them ("Kim Jong Un, general secretary of the WPK and president of the State
    Affairs of the DPRK" names one party, not also the DPRK)."""
    found = (mention_at(mentions, conj) for conj in _party_members(token) if conj.i != token.i)
    return [a for a in found if a is not None]


def _resolve_one(
    head: Token,
    text: str,
    mentions: MentionIndex,
    quotes: Sequence[Quote],
    places: bool,
    letters: Sequence[Letter] = (),
    titles: Sequence[Quoted] = (),
) -> list[Actor]:
    lower = head.lower_
    # "US" is a country, not "us": pronouns are written in lower case after the first word.
    pronoun = lower in FIRST_PERSON | PERSON_PRONOUNS | THING_PRONOUNS and not head.text.isupper()
    if head.pos_ == "PRON" or pronoun:
        return _resolve_pronoun(head, text, mentions, quotes, letters)
    # At equal depth an apposition comes first: it names the head itself ("his rival Donald
    # Trump", "Clinton's opponent, Bernie Sanders"), where a possessor names someone else.
    ranked = sorted(
        phrase_tokens(head), key=lambda item: (item[1], item[0].dep_ != "appos", item[0].i)
    )
    venues = set() if places and not _located(head) else _venue_tokens(head)
    outlets = _medium_tokens(head)
    sent_to = {i for token, _ in ranked for i in _destination_tokens(token)}
    sent_to |= _person_circumstances(head, mentions)
    sent_to |= _gerund_objects(head, ranked)
    sent_to |= _alleged_acts(head, mentions)
    sent_to |= _relatives(head, ranked)
    sent_to |= _title_words(ranked, titles)
    best_rank: int | None = None
    found: list[Actor] = []
    uncoded: list[Actor] = []
    for token, rank in ranked:
        if best_rank is not None and rank > best_rank:
            if any(a.code for a in found):
                break
            # "Osama bin Laden's al-Qaeda terror network": the closest name has no actor
            # code; a coded one further down the phrase says who acts.
            uncoded = uncoded or found
            found, best_rank = [], None
        if token.dep_ == "poss" and token.pos_ == "PRON" and token.head.i != head.i:
            # "most of his competitors", "a friend of their leader": a pronoun owning a word
            # deeper in the phrase is someone else, whoever "his" is.
            continue
        if token.pos_ == "ADP":
            # A preposition names no one, though a name may run through it ("Koreans in
            # Japan" where the parser hangs "in Japan" on the event noun): its object may.
            continue
        hit = mention_at(mentions, token)
        if hit is None:
            continue
        hit = _office_holder(hit, token, mentions)
        if token.i in venues and hit.entity is not None and is_place(hit.entity, countries=True):
            continue  # "a hospital in Kabul" is not Afghanistan
        if token.i in outlets and hit.entity is not None and hit.entity.kind == "media":
            continue  # "blamed local officials on Twitter": Twitter is where, not whom
        if not places and _place_modifier(token, hit):
            continue  # "the agreement reached at the Hanoi summit" is not Vietnam's
        if token.i in sent_to:
            continue  # "the Lao ambassador to the DPRK" is not the DPRK's
        if uncoded and not hit.code:
            continue
        if found and rank == best_rank:
            # A second name as close to the head but not in a list with the first
            # ("Gollum centre of a row between Radagast", "his rival Donald Trump") does
            # not name a second party: the phrase names one, the first coded one.
            if any(a.code for a in found) or not hit.code:
                continue
            found = []
        best_rank = rank
        found.append(hit)
        # Coordinated names: "Hungarian and Romanian officials" names two actors, and so
        # does "the ambassadors of Arnor and Gondor" (one group's words holding "Arnor").
        for inner, _ in ranked:
            if inner.i == token.i or hit.start <= inner.idx < hit.end:
                found.extend(_conjunct_actors(inner, mentions))
    if found and (any(a.code for a in found) or not uncoded):
        return found
    if uncoded:
        return uncoded
    origin = _fled_from(head, mentions)
    if origin is not None:
        return [origin]
    if lower in GROUP_WORDS or head.lemma_.lower() in GROUP_WORDS:
        group = _resolve_group(head, mentions)
        if group:
            return group
    words = [t for t in head.subtree if t.dep_ not in CLAUSE_DEPS and not t.is_punct]
    left = min((t.idx for t in words), default=head.idx)
    right = max((t.idx + len(t) for t in words), default=head.idx + len(head))
    # Keep the words short: a whole clause is not an actor's name.
    if right - left > 80:
        left, right = _span(head)
    # "the company", "all the participants": the party the story described so before.
    return [Actor(described_party(head, mentions), text[left:right], left, right)]


def _fled_from(head: Token, mentions: MentionIndex) -> Actor | None:
    """The country or place people named by a plural noun are fleeing ("refugees fleeing the
    civil war in Liberia", "civilians escaping Mosul"): where they come from, so whose people
    they are, as "refugees from Liberia" says. The participle's clause is left out of the
    phrase's own words, so it is read here."""
    if head.tag_ not in ("NNS", "NNPS"):
        return None
    for clause in head.children:
        if clause.dep_ != "acl" or clause.lemma_.lower() not in FLEEING_VERBS:
            continue
        for token in clause.subtree:
            hit = mention_at(mentions, token)
            if hit is not None and hit.entity is not None and is_place(hit.entity, True):
                return hit
    return None


def _gerund_objects(head: Token, ranked: Sequence[tuple[Token, int]]) -> set[int]:
    """The words of the gerund clauses inside a phrase ("the workers of the plant for
    manufacturing machines of Korean style", "a campaign for boycotting American beef"): what
    a gerund acts on is not who the phrase's head is. A subject the parser gives the gerund
    stays ("a letter to Kim pledging loyalty" hangs "Kim" there)."""
    out: set[int] = set()
    for token, _ in ranked:
        if token.dep_ != "pcomp" or token.i == head.i:
            continue
        kept = {t.i for c in token.children if c.dep_ in GERUND_SUBJECTS for t in c.subtree}
        out |= {t.i for t in token.subtree} - kept
    return out


def _alleged_acts(head: Token, mentions: MentionIndex) -> set[int]:
    """The words of the act the object of an accusation is charged with ("accused the group
    of escalating confrontation with X", "charged the forces with aggression against Y"), the
    parser hanging it on the object: the one accused is the object, not whom the act is done
    to. An of-phrase naming a party ("accused the authorities of Japan of ...") stays."""
    verb = head.head
    if head.dep_ not in ("dobj", "obj") or verb.i == head.i:
        return set()
    out: set[int] = set()
    for prep in head.children:
        if prep.dep_ != "prep" or (verb.lemma_.lower(), prep.lower_) not in ALLEGING_PREPS:
            continue
        for act in prep.children:
            if act.pos_ != "PROPN" and mention_at(mentions, act) is None:
                out |= {t.i for t in prep.subtree}
    return out


def _relatives(head: Token, ranked: Sequence[tuple[Token, int]]) -> set[int]:
    """The words of a kinship apposition's of-phrase ("Zhou Wei, daughter of Zhou Baozhong",
    "Ri, widow of ex-President X"): the relative named there does not do what the person
    does, coded or not."""
    out: set[int] = set()
    for token, _ in ranked:
        if token.dep_ != "appos" or token.i == head.i or token.lemma_.lower() not in KIN_WORDS:
            continue
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                out |= {t.i for t in child.subtree}
    return out


def _title_words(ranked: Sequence[tuple[Token, int]], titles: Sequence[Quoted]) -> set[int]:
    """The words of a phrase that sit inside one of the quoted ``titles`` ('in an article
    "Members ... mourn the demise of General Kim Jong Il in tears"', 'an opera "Liang Shanbo
    and Zhu Yingtai"'): a name there is what the work is about, not who acts or whom it acts
    on. The parser may make the title itself the subject of the verb after it."""
    return {token.i for token, _ in ranked if name_at(token.idx, titles) is not None}


def _title_phrase(head: Token, titles: Sequence[Quoted]) -> bool:
    """Whether a phrase is one of a title's own words, hung on a word of the same title ('an
    article "We mourn the demise of Kim Jong Il"': whom "mourn" there acts on)."""
    own = name_at(head.idx, titles)
    return own is not None and (head.head.i == head.i or own.start <= head.head.idx < own.end)


def _located(head: Token) -> bool:
    """Whether a place the phrase names is only where its head is, never whose it is, even
    of who acts: people from elsewhere ("foreigners staying in the DPRK"), or a thing
    "its" or "their" owner holds ("the consulate and its branch in Dandong", "their troops
    in south Korea": the owner's, whatever the pronoun stands for)."""
    return _outsiders(head) or any(
        c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS for c in head.children
    )


def _outsiders(head: Token) -> bool:
    """Whether the phrase names people from elsewhere ("foreigners", "foreign guests"):
    where they are ("staying in the DPRK") is not whose they are."""
    if head.lemma_.lower() in OUTSIDER_WORDS:
        return True
    return any(c.dep_ in ("amod", "compound") and c.lower_ in OUTSIDER_WORDS for c in head.children)


def _place_modifier(token: Token, hit: Actor) -> bool:
    """Whether a place (a town, a province, an island: not a country) names a thing before
    its noun: "the Hanoi summit", "the Jeju naval base construction". The place says where
    or what the thing is, not whose; before a plural noun it may say whose people they are
    ("Jeju islanders", "Gaza officials"), and a country before any noun is a party ("the
    U.S. sanctions")."""
    return (
        hit.entity is not None
        and is_place(hit.entity)
        and token.dep_ in ("compound", "nmod")
        and token.head.tag_ == "NN"
    )


def is_place(entity: Entity, countries: bool = False) -> bool:
    """Whether an entity is a place (with ``countries``, a country too). The model may tag a
    town a person ("Jeju", "Kanggye", "Mangyongdae"); the entity stage keeps the model's kind
    but codes it as its knowledge-base place row does, as a bare country code. A person never
    gets one (the knowledge base's people all carry a role, and a person's country alone
    gives no code), so a "person" coded as a bare country with no roles is that place."""
    if entity.kind == "location" or (countries and entity.kind == "country"):
        return True
    return (
        entity.kind == "person"
        and entity.actor is not None
        and entity.actor == entity.country
        and not entity.roles
    )


def _venue_tokens(head: Token) -> set[int]:
    """The words of the phrase's place modifiers ("in Kabul" of "a hospital in Kabul", and
    "in Pyongyang" of "your birthday here in Pyongyang", under its adverb, and of "staying
    in the DPRK", under its participle)."""
    holders = [head, *(c for c in head.children if c.dep_ in ("advmod", "acl"))]
    found = {
        t.i
        for holder in holders
        for child in holder.children
        if child.dep_ == "prep" and child.lower_ in VENUE_PREPS
        for t in child.subtree
    }
    # "sites, including areas in North Phyongan Province": the members of an including-list
    # are the head's own kind, and their places are venues as the head's would be.
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in INCLUDING_PREPS:
            for member in child.children:
                if member.dep_ == "pobj":
                    found |= _venue_tokens(member)
    return found


def _medium_tokens(head: Token) -> set[int]:
    """The words of the phrase's on- and via-modifiers ("officials on Twitter"): an outlet or
    platform named there is where words came out, no one the phrase names."""
    return {
        t.i
        for child in head.children
        if child.dep_ == "prep" and child.lower_ in MEDIUM_PREPS
        for t in child.subtree
    }


def _person_circumstances(head: Token, mentions: MentionIndex) -> set[int]:
    """The words of a named person's circumstance phrases ("Benedict XVI in an address
    during his visit to Cuba", "Choe on a visit to Moscow"): where the person is or goes
    does not say whose the person is. Their of- and from-phrases may ("Ri of the Foreign
    Ministry"), and so may an apposition (not a prepositional phrase)."""
    hit = mentions.at(*_span(head))
    if hit is None or hit.entity is None or hit.entity.kind != "person":
        return set()
    return {
        t.i
        for child in head.children
        if child.dep_ == "prep" and child.lower_ not in AFFILIATION_PREPS
        for t in child.subtree
    }


def _destination_tokens(word: Token) -> set[int]:
    """The words of an envoy's to-phrase ("to the DPRK" of "the Lao ambassador to the DPRK"):
    where the envoy is sent."""
    if word.pos_ != "NOUN" or word.lemma_.lower() not in ENVOY_WORDS:
        return set()
    return {
        t.i
        for child in word.children
        if child.dep_ == "prep" and child.lower_ == "to"
        for t in child.subtree
    }


# Nouns that count countries ("the two countries", "both nations").
_NATION_NOUNS = frozenset(("country", "nation", "state"))


def _resolve_group(head: Token, mentions: MentionIndex) -> list[Actor]:
    """'the two sides', 'both countries': the last two distinct parties named before; people
    only when fewer than two bodies or countries were ("Kim Jong Un met Putin. The two sides
    agreed ...")."""
    counted = any(c.lower_ in ("two", "both") for c in head.children)
    if not counted or head.tag_ not in ("NNS", "NNPS"):
        return []
    # "the two countries" are two countries: a state body and its country ("the State Affairs
    # of the DPRK" and "the DPRK") are one of them.
    nations = head.lemma_.lower() in _NATION_NOUNS
    parties = _last_parties(head, mentions, people=False, nations=nations)
    if len(parties) < 2:
        parties = _last_parties(head, mentions, people=True, nations=nations)
    return [_actor(ref) for ref in reversed(parties)]


def _last_parties(
    head: Token, mentions: MentionIndex, *, people: bool, nations: bool = False
) -> list[MentionRef]:
    # The last two coded parties: an uncoded name between them ("the Panmunjom Mission") is
    # rarely a side.
    parties: list[MentionRef] = []
    for ref in reversed(mentions.distinct_before(head.idx, GROUP_LOOKBACK, people=people)):
        # A place is where the sides met ("talks in Beijing. The two sides agreed"), not one.
        if ref.entity.kind == "location" or _names_a_venue(ref, head):
            continue
        actor = ref.entity.actor
        if not actor or any(p.entity.actor == actor for p in parties):
            continue
        if any(_one_country(p.entity, ref.entity) for p in parties):
            # Two people of one country are one side ("Kim Jong Un met Putin ... Choe Son
            # Hui and Lavrov attended. The two sides ..."): the leader and his minister.
            continue
        same = next(
            (i for i, p in enumerate(parties) if p.entity.country == ref.entity.country),
            None,
        )
        if nations and ref.entity.country is not None and same is not None:
            # "the two countries" are countries: the country itself over a body of it (not
            # over a person, who may be the one speaking of the two).
            if ref.entity.kind == "country" and parties[same].entity.kind == "organization":
                parties[same] = ref
            continue
        if len(parties) == 2:
            # Two countries found; further back only their own names may stand in.
            continue
        parties.append(ref)
        if len(parties) == 2 and not nations:
            break
    return parties


def _one_country(one: Entity, other: Entity) -> bool:
    """Whether two coded entities, one of them a person, are of one country."""
    if "person" not in (one.kind, other.kind) or not one.actor or not other.actor:
        return False
    return one.actor[:3] == other.actor[:3]


def _names_a_venue(ref: MentionRef, head: Token) -> bool:
    """Whether a mention earlier in the document is the object of an in/at phrase."""
    span = head.doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in VENUE_PREPS


def _resolve_pronoun(
    head: Token,
    text: str,
    mentions: MentionIndex,
    quotes: Sequence[Quote],
    letters: Sequence[Letter] = (),
) -> list[Actor]:
    start, end = _span(head)
    lower = head.lower_
    letter = next((x for x in letters if x.covers(start)), None)
    if letter is not None and lower in FIRST_PERSON | SECOND_PERSON:
        # In a printed message "I" is its sender and "you" the one it was sent to.
        side = letter.senders if lower in FIRST_PERSON else letter.addressees
        return [Actor(entity, head.text, start, end) for entity in side]
    if lower in FIRST_PERSON:
        speaker = _first_person_speaker(head, text, mentions, quotes)
        return [Actor(speaker, head.text, start, end)]
    if lower not in PERSON_PRONOUNS | THING_PRONOUNS:
        # "Those who oppose it", "others", "some": no one named, not the last name.
        return [Actor(None, head.text, start, end)]
    if lower in THING_PRONOUNS:
        # "They", "it": the party the text was talking about, never merely the nearest name.
        # A "they" for a list is each of its parties, as the list would be.
        listed, topic = antecedents_or_topic(head, mentions)
        if listed:
            return [Actor(entity, head.text, start, end) for entity in listed]
        found = _speaking_topic(head, topic, mentions, quotes) if topic is not None else None
        return [Actor(found, head.text, start, end)]
    own = mentions.at(start, end)
    if own is not None and own.start == start and own.end == end:
        # The entity stage linked this "he" itself (the one subject in reach, not the nearest
        # name): one coder decides who a pronoun is.
        return [Actor(own.entity, head.text, start, end)]
    if head.dep_ in ("nsubj", "nsubjpass"):
        # A subject "he": the person the text was about, or the speaker the quote stage
        # followed; never merely the nearest name ("... cheers of "Hurrah!" He paid tribute").
        found = subject_person(head, mentions)
        if found is None:
            found = _quoted_speaker(start, end, mentions, quotes)
        return [Actor(found if person_stand_in(found) else None, head.text, start, end)]
    hit = mentions.before(start, True)
    # Only the recent past: a pronoun rarely reaches back more than a few sentences.
    if hit is not None and start - hit.end < 400 and person_stand_in(hit.entity):
        return [Actor(hit.entity, head.text, start, end)]
    found = _quoted_speaker(start, end, mentions, quotes)
    return [Actor(found if person_stand_in(found) else None, head.text, start, end)]


def _first_person_speaker(
    head: Token, text: str, mentions: MentionIndex, quotes: Sequence[Quote]
) -> Entity | None:
    """Whom an "I", "we" or "our" (``head``) outside a printed message stands for.

    The speaker of the quote it is in, a quotation's before a paraphrase's (a run-on of joined
    paragraphs may hang one speaker's words on the next one's cue); nobody in a paraphrase
    outside a printed statement, which speaks in the reporter's person. Outside any quote with
    a known speaker, or in one whose speaker is that same "we" ("We firmly reject ...", which
    the quote stage reads as an attribution of its own), the author of the statement block it
    continues (``_statement_author``). Else nobody: the nearest name is not who speaks.
    ``text``: the document's (``Doc.text`` joins every token again when read)."""
    start = head.idx
    covering = sorted(
        (q for q in quotes if q.start <= start < q.end), key=lambda q: q.kind != "direct"
    )
    for quote in covering:
        if quote.speaker not in mentions.by_id:
            continue
        if _paraphrase(quote, start, text):
            # A paraphrase speaks in the reporter's person: its "we" is the writer's ("X
            # says we should close the border"), its "I" the writer; only a statement printed
            # after a colon keeps its author's.
            return None
        return mentions.by_id[quote.speaker]
    if any(not _own_voice(q) for q in covering):
        return None  # someone Parley cannot name speaks here ("..., he said")
    return _statement_author(start, text, mentions, quotes)


def in_paraphrase(head: Token, text: str, quotes: Sequence[Quote]) -> bool:
    """Whether the pronoun ``head`` lies in reported words that only paraphrase ("X says we
    should ...") and in no quotation: they speak in the reporter's person (``text``: the
    document's)."""
    start = head.idx
    covering = [q for q in quotes if q.start <= start < q.end]
    return bool(covering) and all(_paraphrase(q, start, text) for q in covering)


def _paraphrase(quote: Quote, start: int, text: str) -> bool:
    """Whether ``quote`` is a paraphrase, not a statement printed after a colon, at ``start``."""
    return quote.kind == "indirect" and not any(
        s <= start and _opens_statement(text, s) for s, _ in quote.fragments
    )


def _own_voice(quote: Quote) -> bool:
    """Whether the quote's speaker is written as a first-person pronoun nobody resolved."""
    return quote.speaker is None and (quote.speaker_text or "").lower() in FIRST_PERSON


def _statement_author(
    start: int, text: str, mentions: MentionIndex, quotes: Sequence[Quote]
) -> Entity | None:
    """The known author of the nearest statement block before ``start``: a quote with a part
    that opens unquoted after a colon ("... issued the following press statement:", "...,
    the statement said, and went on:"). State media print the statement to the story's end,
    its author speaking as "we" or "I" in every paragraph, though the quote stage ends the
    block at a paragraph reporting someone else's words within it ("The ROK claims ...")."""
    best: tuple[int, Entity] | None = None
    for quote in quotes:
        speaker = mentions.by_id.get(quote.speaker) if quote.speaker else None
        if speaker is None:
            continue
        for opening, _ in quote.fragments:
            later = best is None or opening > best[0]
            if opening < start and later and _opens_statement(text, opening):
                best = (opening, speaker)
    return best[1] if best is not None else None


def _opens_statement(text: str, at: int) -> bool:
    """Whether the words at ``at`` open unquoted after a colon and the paragraph break that
    follows it (KCNA copies write the break as a newline or as ", ,")."""
    before = text[max(0, at - 12) : at]
    return (
        at < len(text)
        and text[at] not in QUOTE_OPENERS
        and STATEMENT_OPENING.search(before) is not None
    )


def _speaking_topic(
    head: Token, topic: Token, mentions: MentionIndex, quotes: Sequence[Quote]
) -> Entity | None:
    """Whom an "it" or "they" that speaks stands for when it continues a subject that names
    nobody and speaks too ("..., the statement said. It called on ...", "..., it added. It
    appealed to ..."): the speaker the quote stage resolved for both attributions. Not when
    the subject the text was about does not speak ("The report terms the measure a
    violation ... it calls for"): the report is not the speaker followed. ``topic``: that
    subject (``antecedent_or_topic``)."""
    spoke = _quoted_speaker(topic.idx, topic.idx + len(topic), mentions, quotes, covering=True)
    found = _quoted_speaker(head.idx, head.idx + len(head), mentions, quotes)
    return found if found is not None and found is spoke else None


def _quoted_speaker(
    start: int,
    end: int,
    mentions: MentionIndex,
    quotes: Sequence[Quote],
    covering: bool = False,
) -> Entity | None:
    """The speaker the quote stage resolved for the attribution whose source is the words
    [start, end) (``covering``: whose source holds them, "the statement" for its head word),
    for a pronoun the event pass cannot name: a "he" or "she" no name in reach or link of
    the entity stage resolves ("X in his speech said ... He urged ...": the person the
    report follows, through its chain of "he" subjects), an "it" that continues a speaking
    subject (``_speaking_topic``). One resolver of speakers, not two."""
    for quote in quotes:
        span = quote.speaker_span
        if span is None or quote.speaker not in mentions.by_id:
            continue
        if span == (start, end) or (covering and span[0] <= start and end <= span[1]):
            return mentions.by_id[quote.speaker]
    return None
