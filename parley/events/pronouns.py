"""What "they", "them", "it" and "its" stand for when they act: the party the text was
talking about, or nobody.

The entity stage links "he" and "she" to people; a group or a country called "they" or "it"
is left to this pass, which looks only where a reader would: the pronoun's own sentence
before it and the sentence before that. A place is never the one acting ("took place in
Seoul. They condemned ..." is not Seoul), nor is a name inside a place phrase ("at the
Pyongyang Indoor Stadium"), nor a person. Of the parties left, the one the text was about
wins: the subject of the previous sentence's main clause, or a subject earlier in the same
sentence (an earlier "they" that was itself resolved counts, so "They condemned ... They
accused ..." is one party); with no subject among them, the one party in reach; with several,
nobody: a wrong party costs an analyst more than a missing one. Three things a reader never
takes: an object pronoun's own clause doer ("X denounced Y and urged them": them is Y, the one
other party before it in its sentence); the words a speaker pronoun reports ("Y has been ruined,
they said"); and, when the sentence before was about someone no entity names ("..., the
statement said." or an "it" nobody could resolve), any other party of it: the pronoun is left
empty here, and ``antecedent_or_topic`` gives that subject, so that the event pass can ask the quote
stage who spoke there (``actors``). A "they" whose antecedent is one member of a list ("China and
Russia vetoed the draft. They said ...") stands for the whole list (``antecedents_or_topic``), as
the list itself would: each of its parties, or, when one member names nobody, as before.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from parley.entities.nominal import list_members
from parley.entities.pronouns import sent_words
from parley.nlp import in_main_clause
from parley.nlp.index import MentionIndex, MentionRef, ParseIndex
from parley.records import Entity

__all__ = [
    "PLURAL_PRONOUNS",
    "SINGULAR_PRONOUNS",
    "antecedent",
    "antecedent_or_topic",
    "antecedents_or_topic",
    "person_stand_in",
    "subject_person",
]

PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves", "theirs"})
SINGULAR_PRONOUNS = frozenset({"it", "its", "itself"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "iobj"})
# Prepositions whose object is where something is: its names are venues, not parties.
PLACE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "inside",
        "outside",
        "along",
        "across",
        "around",
        "throughout",
        "within",
        "off",
    }
)
# How deep a chain of pronouns may go back ("They ... They ... They ...").
MAX_CHAIN = 8
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Adjectives whose to-clause is their subject's own doing ("it was able to repulse"): the
# "it" before them stands for someone, not for the clause.
SUBJECT_ADJECTIVES = frozenset(
    {
        "able",
        "unable",
        "ready",
        "willing",
        "unwilling",
        "eager",
        "likely",
        "unlikely",
        "sure",
        "certain",
        "bound",
        "determined",
        "set",
        "due",
        "free",
        "afraid",
        "anxious",
        "keen",
    }
)
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Nouns for the people who travel or act with a person ("X and his party", "X and her
# entourage", "X and its staff members"), written for Parley from ordinary news usage; and
# the words that join them to that person.
COMPANY_NOUNS = frozenset(
    {"party", "entourage", "suite", "retinue", "staff", "member", "wife", "husband", "aide"}
)
COMPANY_OWNERS = frozenset({"his", "her", "its"})
WITH_COMPANY = frozenset({"together", "along"})
# How a title reaches the name it is of ("Chief of the General Staff Ri Yong Ho").
TITLE_DEPS = frozenset({"appos", "compound", "flat", "conj"})


@dataclass(frozen=True, slots=True)
class _Candidate:
    entity: Entity | None  # None: an earlier pronoun the text was about, unresolved
    subject: bool  # the subject of its clause (of the main clause, in the previous sentence)
    here: bool = False  # in the pronoun's own sentence
    token: int = -1  # the subject that names nobody ("it added", "the statement said")
    # The parties of the list the antecedent is one of ("China and Russia vetoed ... They
    # said"), the antecedent's own entity among them; empty when it stands alone.
    members: tuple[Entity, ...] = ()


def antecedent(head: Token, mentions: MentionIndex, depth: int = 0) -> Entity | None:
    """The entity a third-person "they"/"it" (``head``) stands for, or None."""
    chosen = _chosen(head, mentions, depth)
    return chosen.entity if chosen is not None else None


def antecedent_or_topic(head: Token, mentions: MentionIndex) -> tuple[Entity | None, Token | None]:
    """``antecedent``'s entity, and, when it names nobody, the subject the "they"/"it"
    continues that names nobody Parley knows: an earlier "it" nobody could name ("..., it
    added. It called on ...") or a subject noun that names no entity ("..., the statement
    said. It called on ..."); (None, None) when the pronoun could mean several parties. One
    search for both."""
    chosen = _chosen(head, mentions, 0)
    if chosen is None:
        return None, None
    if chosen.entity is not None or chosen.token < 0:
        return chosen.entity, None
    return None, head.doc[chosen.token]


def antecedents_or_topic(
    head: Token, mentions: MentionIndex
) -> tuple[tuple[Entity, ...], Token | None]:
    """``antecedent_or_topic`` for an event's party: every party of the list a "they" stands
    for ("China and Russia vetoed the draft. They said ...": both, as the list itself would
    be; "The ministers of Ruritania and Freedonia met. They agreed ...": both ministers'
    countries), the one entity otherwise; no entity when it names nobody."""
    chosen = _chosen(head, mentions, 0)
    if chosen is None:
        return (), None
    if chosen.members:
        return chosen.members, None
    if chosen.entity is not None or chosen.token < 0:
        return ((chosen.entity,) if chosen.entity is not None else ()), None
    return (), head.doc[chosen.token]


def subject_person(head: Token, mentions: MentionIndex) -> Entity | None:
    """The person a subject "he" or "she" the entity stage left alone stands for: the subject
    the text was about, the nearest one before it in its own sentence (not of the words it
    reports) or of the previous sentence's main clause, when that subject names a person
    ("Merkel, addressing a meeting, expressed concern ... The crisis is the largest, she
    said"). When that subject names nobody ("The chairman of the forum praised ... He
    expressed"), or no person ("the commander ... cheers of "Hurrah!" ... He paid tribute"),
    nobody: the nearest name is often an object, a listed official or the leader mourned."""
    if head.dep_ not in SUBJECT_DEPS:
        return None
    doc = head.doc
    own, begin = _segment_starts(head, _parse_of(head, mentions))
    # "The crisis is the largest, she said": not whom the words reported are about; but
    # "..., Cruz will have a tougher time, should he win the nomination" is Cruz.
    objects = any(c.dep_ in OBJECT_DEPS for c in head.head.children)
    reported = set() if objects else _reported_before(head)
    # Its own sentence: the nearest subject before it.
    for token in reversed(doc[own : head.i]):
        if token.dep_ in SUBJECT_DEPS and token.i not in reported:
            return _person_named(token, mentions)
    # The sentence before: its first subject, or a name before its first finite verb (where
    # the parser, reading a run-on of joined paragraphs, found no subject).
    first = next((t for t in doc[begin:own] if t.dep_ in SUBJECT_DEPS), None)
    for token in doc[begin:own]:
        if token is first or token.tag_ in FINITE_TAGS:
            break
        ref = mentions.at(token.idx, token.idx + len(token))
        if ref is not None and ref.entity.kind == "person":
            return ref.entity
    if first is None:
        return None
    if first.dep_ == "nsubjpass":
        # "The exhibits were presented by Pak Myong Sun, a painter ... She told KCNA": the
        # doer of a passive is whom the text goes on about.
        for agent in (c for c in first.head.children if c.dep_ == "agent"):
            for name in (c for c in agent.children if c.dep_ == "pobj"):
                found = _person_named(name, mentions)
                if found is not None:
                    return found
    return _person_named(first, mentions)


def person_stand_in(entity: Entity | None) -> bool:
    """Whether a "he" or "she" may stand for ``entity``: a person, or the office, body or
    country a speaker described by office acts for ("The permanent observer of Palestine
    accused Israel ... He said": Palestine); never a newspaper or a news agency, whose "he"
    is the person its printed words are about ("..., the paper noted, and continued: ...
    Whenever he provided field guidance, he visited ...": the leader, not the paper). On 750
    unseen stories every "he" given a paper or an agency (4) was such a misreading."""
    return entity is None or entity.kind != "media"


def _person_named(subject: Token, mentions: MentionIndex) -> Entity | None:
    """The person a subject names: its own mention's, or the one person its titles hold
    ("Vice Marshal and Chief of the General Staff Ri Yong Ho, member of ...")."""
    ref = mentions.at(subject.idx, subject.idx + len(subject))
    if ref is not None:
        return ref.entity if ref.entity.kind == "person" else None
    people: dict[str, Entity] = {}
    layer = [subject]
    for _ in range(2):
        layer = [c for t in layer for c in t.children if c.dep_ in TITLE_DEPS]
        for token in layer:
            ref = mentions.at(token.idx, token.idx + len(token))
            if ref is not None and ref.entity.kind == "person":
                people[ref.entity.id] = ref.entity
    return next(iter(people.values())) if len(people) == 1 else None


def _segment_starts(head: Token, parse: ParseIndex) -> tuple[int, int]:
    """Where the pronoun's sentence and the one before it start, a paragraph break counting
    as a sentence end: some KCNA copies join paragraphs with ", ," ("... Europe., ,  The
    crisis is ..., she said"), which the parser reads as one sentence. Reads the parse's
    sentences and words; a ``Token`` only past such a join."""
    here = parse.sentence_index(parse.token_starts[head.i])
    starts = [parse.sents[here].start]
    if starts[0] > 0:
        starts.append(parse.sents[here - 1].start)
    doc, lowers = head.doc, parse.lowers
    for i in range(starts[-1] + 1, head.i):
        if lowers[i] == "," and lowers[i - 1] in (",", "."):
            after = i + 1
            while after < head.i and (doc[after].is_punct or doc[after].is_space):
                after += 1
            starts.append(after)
    below = sorted({s for s in starts if s <= head.i}, reverse=True)
    own = below[0]
    return own, below[1] if len(below) > 1 else own


def _chosen(head: Token, mentions: MentionIndex, depth: int) -> _Candidate | None:
    lower = head.lower_
    plural = lower in PLURAL_PRONOUNS
    if not plural and lower not in SINGULAR_PRONOUNS:
        return None
    if _expletive(head):
        # "It is the consistent policy of the DPRK Government to enhance cooperation": the
        # clause is the policy holder's doing; with no holder, nobody.
        owner = _holder(head.head, mentions)
        return _Candidate(owner, True) if owner is not None else None
    leader = _leader_with_entourage(head, mentions)
    if leader is not None:
        return _Candidate(leader, True)
    doc = head.doc
    # The words are read from the parse's arrays: a spaCy ``Token`` is made only for a word
    # that may be the antecedent.
    parse = _parse_of(head, mentions)
    pos, lowers, deps = parse.pos, parse.lowers, parse.deps
    starts, ends = parse.token_starts, parse.token_ends
    number = parse.sentence_index(starts[head.i])
    sentence = parse.sents[number]
    previous = parse.sents[number - 1] if sentence.start > 0 else None
    begin = previous.start if previous is not None else sentence.start
    found: list[_Candidate] = []
    seen: set[int] = set()  # token indices already read as part of a mention
    # "X denounced Y and urged them to apologize": an object is not its own clause's doer.
    doers = _own_subjects(head)
    # "Y has been ruined, they deplored": the speaker is none of the words it reports.
    reported = _reported_before(head)
    for i in range(head.i - 1, begin - 1, -1):
        if i in seen or _in_place_phrase(i, parse):
            continue
        in_previous = previous is not None and i < sentence.start
        candidate: _Candidate | None = None
        same_number = PLURAL_PRONOUNS if plural else SINGULAR_PRONOUNS
        if i in doers or i in reported:
            continue
        if pos[i] == "PRON" and lowers[i] in same_number:
            # An earlier "they" the text was about stands for the same party.
            if depth < MAX_CHAIN and deps[i] in SUBJECT_DEPS:
                token = doc[i]
                earlier = _chosen(token, mentions, depth + 1)
                entity = earlier.entity if earlier is not None else None
                if entity is not None:
                    members = earlier.members if earlier is not None and plural else ()
                    candidate = _Candidate(
                        entity, _subject(token, in_previous), not in_previous, members=members
                    )
                elif in_previous and _subject(token, in_previous):
                    # "..., it added. It called on ...": the text is about whoever that "it"
                    # was, whom nobody could name; not another party of its sentence.
                    candidate = _Candidate(None, True, token=i)
        else:
            ref = mentions.at(starts[i], ends[i])
            if ref is None and in_previous and _unnamed_subject(i, parse, plural):
                # "..., the statement said. It called on ...": the text is about the
                # statement's author, whom no entity names; not another party.
                candidate = _Candidate(None, True, token=i)
            elif ref is not None:
                words = parse.token_range(ref.start, ref.end)
                if words is not None:
                    seen.update(range(words[0], min(words[1], head.i + 1)))
                head_token = _mention_head(ref, doc)
                if head_token is not None and head_token.i in doers:
                    continue
                if head_token is not None:
                    candidate = _named(ref.entity, head_token, mentions, head, in_previous)
        if candidate is not None:
            found.append(candidate)
    if doers and plural:
        # "They laid flowers before paying tribute to them": nor the party that doer "they"
        # stands for, nor a list the doer is one of ("X and Y ..., X promising to bomb them").
        doing = {e.id for i in doers for e in _referents(doc[i], mentions, depth)}
        doing |= {p for i in doers for p in _company_parties(doc[i], mentions)}
        found = [c for c in found if not doing & {e.id for e in _entities(c)}]
    if doers:
        # An object pronoun whose clause's doer is set aside: the one other party named before
        # it in its sentence ("denounced the authorities ... and urged them"), if one.
        here = {_party(c): c for c in found if c.here and c.entity is not None}
        if here:
            return next(iter(here.values())) if len(here) == 1 else None
    return _choose(found)


def _leader_with_entourage(head: Token, mentions: MentionIndex) -> Entity | None:
    """The person a subject "they" (or "their") takes up with the people who came with them:
    the subject the text was about (``_company_subject``) names a person with an actor code,
    and the words from that subject to its verb bring their party along ("X, chairwoman of
    ..., together with members of its leadership visited the embassy. They laid a floral
    basket ...", "X and his party arrived ... They ..."). The party acts as the one who leads
    it; a person alone is never "they" (``_fits``), and a subject with no such company, or a
    person of no known country, leaves the pronoun to the rest of the pass."""
    subject = _company_subject(head, _parse_of(head, mentions))
    person = _person_named(subject, mentions) if subject is not None else None
    return person if person is not None and person.actor else None


def _company_subject(head: Token, parse: ParseIndex) -> Token | None:
    """The subject a "they"/"their" continues when its words bring company along: the
    nearest subject before the pronoun in its sentence, else the first of the previous
    sentence's main clause (of a paragraph joined to the pronoun's, its first subject)."""
    if head.lower_ not in PLURAL_PRONOUNS or head.dep_ not in (*SUBJECT_DEPS, "poss"):
        return None
    doc = head.doc
    own, begin = _segment_starts(head, parse)
    before = [t for t in doc[own : head.i] if t.dep_ in SUBJECT_DEPS]
    subject: Token | None
    if before:
        subject = before[-1]
    else:
        found = [t for t in doc[begin:own] if t.dep_ in SUBJECT_DEPS and begin <= t.head.i < own]
        main = [t for t in found if in_main_clause(t.head)]
        # A paragraph the copy joined to the pronoun's with ", ," is parsed as one sentence
        # with it: its own first subject is whom it was about.
        joined = begin >= head.sent.start
        subject = main[0] if main else (found[0] if found and joined else None)
    if subject is None or subject.pos_ == "PRON" or subject.head.i <= subject.i:
        return None
    return subject if _brings_company(doc[subject.left_edge.i : subject.head.i]) else None


def _company_parties(doer: Token, mentions: MentionIndex) -> set[str]:
    """Every party named in the words of the subject a doer "they" continues with its
    company ("X, chairman of the Y Party, and his party ... They ... paid tribute to them":
    neither X nor the Y Party is "them")."""
    subject = _company_subject(doer, _parse_of(doer, mentions))
    if subject is None:
        return set()
    words = doer.doc[subject.left_edge.i : subject.head.i]
    found = (mentions.at(t.idx, t.idx + len(t)) for t in words)
    return {ref.entity.id for ref in found if ref is not None}


def _brings_company(words: Span) -> bool:
    """Whether a subject's words name the people who go with its person: "together with"
    or "along with" anyone, or a company noun owned by a pronoun ("his party", "its staff
    members", "members of her delegation")."""
    for token in words:
        if token.lower_ == "with" and token.i > 0 and token.nbor(-1).lower_ in WITH_COMPANY:
            return True
        lemma = token.lemma_.lower()
        if lemma not in COMPANY_NOUNS or token.tag_ not in ("NN", "NNS"):
            continue
        if lemma == "member" and token.tag_ != "NNS":
            continue  # "X, a member of its Presidium": a title, not company
        owners = [c for c in token.children if c.dep_ == "poss"]
        owners += [
            o
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children
            for o in pobj.children
            if o.dep_ == "poss"
        ]
        if any(o.lower_ in COMPANY_OWNERS for o in owners):
            return True
    return False


def _referents(token: Token, mentions: MentionIndex, depth: int) -> tuple[Entity, ...]:
    """The parties a doer names, or a doer "they" stands for."""
    if token.lower_ not in PLURAL_PRONOUNS or depth >= MAX_CHAIN:
        ref = mentions.at(token.idx, token.idx + len(token))
        return (ref.entity,) if ref is not None else ()
    chosen = _chosen(token, mentions, depth + 1)
    return _entities(chosen) if chosen is not None else ()


def _entities(candidate: _Candidate) -> tuple[Entity, ...]:
    if candidate.members:
        return candidate.members
    return (candidate.entity,) if candidate.entity is not None else ()


def _named(
    entity: Entity, head: Token, mentions: MentionIndex, pronoun: Token, in_previous: bool
) -> _Candidate | None:
    """The candidate a mention (its head word ``head``) makes, if ``pronoun`` may stand for
    it. A "they" stands for the whole list its antecedent is a member of ("China and Russia
    vetoed ..."); people listed so are "they" or "their" too when they are the subject ("Kim
    and Putin held talks. They agreed ..."), but not "them" ("X and Y ..., X promising to
    bomb them" is neither)."""
    plural = pronoun.lower_ in PLURAL_PRONOUNS
    parse = _parse_of(head, mentions)
    if not plural:
        return (
            _Candidate(entity, _subject(head, in_previous), not in_previous)
            if _fits(entity, head, plural, parse)
            else None
        )
    listed = _listed(head, mentions)
    subject = _subject(_list_head(head) if listed else head, in_previous)
    people = listed and subject and pronoun.dep_ in (*SUBJECT_DEPS, "poss")
    if not _fits(entity, head, plural, parse) and not people:
        return None
    return _Candidate(entity, subject, not in_previous, members=listed)


def _list_head(token: Token) -> Token:
    """The first member of the list a word is a later member of ("Russia" of "China and
    Russia"): the one the parser makes the subject."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _listed(head: Token, mentions: MentionIndex) -> tuple[Entity, ...]:
    """The parties of the list a mention's head word is a member of, when there are two or
    more: names joined by "and" ("China and Russia", "Japan, South Korea and the U.S."), or
    joined inside a phrase whose head is one party ("delegations of the DPRK and the U.S.").
    People count here, a list of them being "they" ("Kim and Putin met. They ..."); places do
    not, nor a title's list ("X, secretary of the party and president of the state" is
    one)."""
    root = _list_head(head)
    if _in_place_phrase(root.i, _parse_of(root, mentions)):
        return ()  # "Koreans in Uzbekistan and the United States": where they are
    found: dict[str, Entity] = {}
    for member in list_members(root):
        if member.i != root.i and member.dep_ == "appos" and member.pos_ == "NOUN":
            continue  # a title of the first member, not a party of its own
        ref = mentions.at(member.idx, member.idx + len(member)) or _inner_name(member, mentions)
        if ref is None:
            # A member no name says ("officials and workers of the plant"): who the list
            # is, and so the "they", is unclear.
            return ()
        found.setdefault(ref.entity.id, ref.entity)
        # The list may run inside the mention's words ("delegations of the DPRK and the U.S.").
        for inner in _tokens_of(ref, head.doc):
            if inner.i == member.i or not any(c.dep_ == "conj" for c in inner.children):
                continue
            for other in list_members(inner)[1:]:
                hit = mentions.at(other.idx, other.idx + len(other))
                if hit is not None:
                    found.setdefault(hit.entity.id, hit.entity)
    parties = tuple(e for e in found.values() if e.kind != "location")
    kinds = {e.kind == "person" for e in parties}
    return parties if len(parties) > 1 and len(found) == len(parties) and len(kinds) == 1 else ()


def _inner_name(member: Token, mentions: MentionIndex) -> MentionRef | None:
    """The first name in a list member's own words ("delegates of China" of "delegates of
    China and Gondor"), the later members' words left out."""
    later = {t.i for c in member.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    for token in member.subtree:
        if token.i not in later:
            ref = mentions.at(token.idx, token.idx + len(token))
            if ref is not None:
                return ref
    return None


def _expletive(head: Token) -> bool:
    """An "it" that stands for nothing but the clause after it ("claimed that it was
    necessary to hold a dialogue", "It is a fact to be proud of that the youth support the
    Party"): the subject of "be" whose clause, or the word it calls the subject, has a
    to- or that-clause after the pronoun."""
    verb = head.head
    if head.lower_ != "it" or head.dep_ != "nsubj" or verb.lemma_ != "be":
        return False
    holders = [verb]
    for word in verb.children:
        if word.dep_ in ("acomp", "attr") and word.lower_ not in SUBJECT_ADJECTIVES:
            holders.append(word)
        elif word.dep_ in ("acomp", "attr"):
            return False  # "nor would it have been able to found the army": the party
    clauses = [c for holder in holders for c in holder.children if c.i > head.i]
    if any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in clauses):
        return True
    # "It is the fixed policy of Rohan to criticize ...", the to-clause parsed as a modifier.
    return len(holders) > 1 and any(
        c.dep_ in ("advcl", "acl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in clauses
    )


def _holder(verb: Token, mentions: MentionIndex) -> Entity | None:
    """Whose stand, policy or will the word "be" calls its subject is: the name of its
    of-phrase or its possessor ("the fixed stand of the WPK", "the DPRK's will")."""
    for word in (c for c in verb.children if c.dep_ == "attr"):
        for child in word.children:
            owners = [child] if child.dep_ == "poss" else []
            if child.dep_ == "prep" and child.lower_ == "of":
                owners = [c for c in child.children if c.dep_ == "pobj"]
            for owner in owners:
                ref = mentions.at(owner.idx, owner.idx + len(owner))
                if ref is not None:
                    return ref.entity
    return None


def _unnamed_subject(token: int, parse: ParseIndex, plural: bool) -> bool:
    """A noun of the number of the pronoun that is the main subject of its sentence."""
    if parse.pos[token] not in ("NOUN", "PROPN") or not _subject(parse.doc[token], True):
        return False
    return (parse.tags[token] in PLURAL_TAGS) == plural


def _reported_before(pronoun: Token) -> set[int]:
    """The words of the clause a subject pronoun's verb reports, when it stands before the
    pronoun ("Under the regime the station has been reduced to a mouthpiece, they said")."""
    if pronoun.dep_ != "nsubj":
        return set()
    verb = pronoun.head
    return {
        t.i
        for clause in verb.children
        if clause.dep_ in ("ccomp", "parataxis") and clause.i < pronoun.i
        for t in clause.subtree
    }


def _own_subjects(pronoun: Token) -> set[int]:
    """The subject words of the clause whose object the pronoun is (through a coordinated
    verb's shared subject): they cannot be whom an object pronoun stands for."""
    verb = pronoun.head
    plural = pronoun.lower_ in PLURAL_PRONOUNS
    if pronoun.dep_ == "pobj" and verb.dep_ in ("prep", "dative"):
        verb = verb.head
        if verb.dep_ in OBJECT_DEPS and verb.pos_ in ("NOUN", "PROPN"):
            # "presented gifts to them": the phrase of the thing given, the giver's too.
            verb = verb.head
    elif pronoun.dep_ not in OBJECT_DEPS:
        return set()
    found: set[int] = set()
    for _ in range(3):
        found.update(c.i for c in verb.children if c.dep_ in SUBJECT_DEPS)
        if found:
            break
        if verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        elif verb.tag_ == "VBG" and verb.dep_ in ("pcomp", "advcl") and plural:
            # "They laid flowers before paying tribute to them": the gerund's doer is its
            # verb's.
            verb = verb.head.head if verb.dep_ == "pcomp" else verb.head
        elif sent_words(verb):  # "sent a letter to the workers, thanking them": the sender
            verb = verb.head.head
        else:
            break
    return found


def _choose(found: list[_Candidate]) -> _Candidate | None:
    """The nearest subject; else the one party in reach; else nobody."""
    for candidate in found:
        if candidate.subject:
            return candidate
    distinct = {_party(c): c for c in found if c.entity is not None}
    return next(iter(distinct.values())) if len(distinct) == 1 else None


def _party(candidate: _Candidate) -> str:
    """Who a candidate is: its entity, or the list it is a member of, which is one party for
    "they" ("Kim Il Sung and Kim Jong Il ... paid tribute to them")."""
    return " ".join(sorted(e.id for e in _entities(candidate)))


def _fits(entity: Entity, head: Token, plural: bool, parse: ParseIndex) -> bool:
    """Whether an entity may be called "they" (``plural``) or "it": no person, no place; a
    group named by a plural noun is "they", never "it"."""
    if entity.kind in ("person", "location") or _in_place_phrase(head.i, parse):
        return False
    if entity.kind == "group" and head.tag_ in PLURAL_TAGS:
        return plural
    return True


def _subject(token: Token, in_previous: bool) -> bool:
    """A subject; in the sentence before, only the subject of its main clause (or of a verb
    coordinated with it) counts."""
    if token.dep_ not in SUBJECT_DEPS:
        return False
    if not in_previous:
        return True
    return in_main_clause(token.head)


def _in_place_phrase(token: int, parse: ParseIndex) -> bool:
    """Whether word ``token`` lies in an in/at phrase (its head word included). Reads the
    parse's arrays: each step up by ``Token.head`` made a new ``Token``."""
    heads, deps, lowers = parse.heads, parse.deps, parse.lowers
    current = token
    for _ in range(6):
        head, dep = heads[current], deps[current]
        if dep == "pobj" and lowers[head] in PLACE_PREPS:
            return True
        if head == current or dep not in _PLACE_PHRASE_DEPS:
            return False
        current = head
    return False


# The dependencies through which a word belongs to the phrase of its head.
_PLACE_PHRASE_DEPS = frozenset({"compound", "amod", "pobj", "flat", "nmod", "poss"})


def _parse_of(token: Token, mentions: MentionIndex) -> ParseIndex:
    """The parse index of ``token``'s doc: the one the mentions were indexed on."""
    parse = mentions.parse
    return parse if parse is not None and parse.doc is token.doc else ParseIndex.build(token.doc)


def _tokens_of(ref: MentionRef, doc: Doc) -> list[Token]:
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    return list(span) if span is not None else []


def _mention_head(ref: MentionRef, doc: Doc) -> Token | None:
    """The mention's head word: the one whose head lies outside the mention."""
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    return span.root if span is not None else None
