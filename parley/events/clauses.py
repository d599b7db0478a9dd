"""Reading a clause on the dependency parse: its subject (active, passive, inherited from the
governing clause), its agent, the objects of its prepositions, a conditional warning."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from parley.nlp.index import ParseIndex

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
# Prepositions whose object is the one acted upon ("pressure on", "sanctions against").
TARGET_PREPS = ("on", "against", "with", "to", "toward", "towards", "at", "into", "upon", "over")
# Prepositions of a verb's object that name the other party: "promised aid to Mozambique",
# "sanctions against X", "accepted demands from the rebels".
OBJECT_TARGET_PREPS = ("to", "against", "on", "toward", "towards", "from")
# Prepositions whose object acts, for event nouns ("the invasion by Mordor").
SOURCE_PREPS = ("by", "from")
# Nouns of a preposition whose of-phrase is the party the doer acts for, never the one acted
# upon: "congratulated X on behalf of the government of Y" speaks for Y, to X.
PRINCIPAL_NOUNS = frozenset({"behalf"})
# Prepositions that place an action ("protested in Beijing", "will meet in Zurich").
PLACE_PREPS = ("in", "at", "into", "inside")
_CONDITION_WORD = re.compile(r"\b(?:if|unless)\b", re.IGNORECASE)
# The nouns of an outcome clause that a "no" denies: its subject, object or predicate.
_OUTCOME_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "attr", "expl"})
# Pronouns that, as the subject of a reported clause, usually stand for the speaker.
SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
# How far up a to-clause or reported clause can sit below the verb that governs it.
MAX_GOVERNING_HOPS = 3


# Verbs whose object is summoned or met, not told to act: their to-clause is the subject's
# purpose ("summoned the ambassador to complain" is the summoner's complaint; "urged China to
# ease" is China's easing). The parser reads it as an xcomp or an advcl at random.
PURPOSE_VERBS = frozenset({"summon", "receive", "meet", "visit", "host", "telephone", "phone"})


# Prepositions before a gerund whose doer is the subject of the verb they hang from.
_SAME_DOER_PREPOSITIONS = frozenset(
    ("by", "as", "after", "before", "while", "through", "in", "upon", "when", "since")
)


def _name_under_adverb(verb: Token) -> Token | None:
    """A subject the parser hung on the adverb before the verb: "Ambassador Tong Chol Ho
    courteously conveyed ..." parses "Ho" as a compound of "courteously"."""
    for adverb in verb.children:
        if adverb.dep_ != "advmod" or adverb.i > verb.i:
            continue
        names = [c for c in adverb.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if names:
            return names[-1]
    return None


def _subject_under_preposition(verb: Token) -> Token | None:
    """A subject the parser hung on a phrase set between it and its verb: "We will in the
    future, too, fully support ..." parses "We" as the subject of "in"."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i > verb.i:
            continue
        subjects = [c for c in prep.children if c.dep_ == "nsubj" and c.i < prep.i]
        if subjects:
            return subjects[0]
    return None


def _subject_after_opening(verb: Token) -> Token | None:
    """A subject the parser joined to the noun of an opening phrase: "With the signing of
    the accord, the government and the rebels have agreed" parses "government" as a
    conjunct of "accord". The conjunct counts when a comma comes before it and its phrase
    ends right where the verb's own words (auxiliaries, negation) begin."""
    first = min([c.i for c in verb.lefts if c.dep_ in _VERB_WORDS] + [verb.i])
    for prep in verb.lefts:
        if prep.dep_ != "prep":
            continue
        for word in prep.subtree:
            if (
                word.dep_ == "conj"
                and word.pos_ in ("NOUN", "PROPN")
                and word.right_edge.i == first - 1
                and word.left_edge.i > 0
                and word.doc[word.left_edge.i - 1].text == ","
            ):
                return word
    return None


# Verbs whose passive without a by-phrase says what state its subject is in ("is committed
# to", "is determined to", "is prepared to"), when the parser does not read the participle
# as an adjective.
# "was closeted with the U.S.": the one closeted meets (issue 11).
_STATE_PASSIVES = frozenset(
    {"closet", "commit", "dedicate", "devote", "determine", "prepare", "resolve"}
)
# The verb's own words before it: "have not yet agreed".
_VERB_WORDS = frozenset({"aux", "auxpass", "neg"})


def _dependents(token: Token, deps: frozenset[str], parse: ParseIndex | None) -> list[Token]:
    """``token``'s dependents with one of the labels ``deps``, in order: from the index's
    table when there is one (``Token.children`` makes a Token of every dependent)."""
    if parse is None or parse.doc is not token.doc:
        return [c for c in token.children if c.dep_ in deps]
    doc, labels = token.doc, parse.deps
    return [doc[j] for j in parse.dependents[token.i] if labels[j] in deps]


def subject_head(verb: Token, parse: ParseIndex | None = None) -> tuple[Token | None, bool]:
    """(subject phrase head, passive?) of a verb, inherited from its governor when absent.
    ``parse``: the doc's index, when the caller has it (its dependents are read there)."""
    token = verb
    climbed_xcomp = False
    for _ in range(MAX_GOVERNING_HOPS + 1):
        subjects = _dependents(token, SUBJECT_DEPS, parse)
        if not subjects and token.i == verb.i and own_passive(verb):
            # "The prisoners held for a year were freed by X": a passive conjunct names its
            # own doer; the subject it shares with the active verb before it is the one
            # acted upon (see ``passive_patient``).
            return agent(verb), True
        if subjects:
            # "Old foes Gondor and Osgiliath renewed ties" parses as two subjects: the name.
            names = [c for c in subjects if c.pos_ == "PROPN"]
            subject = (names or subjects)[0]
            doers = [c for c in subject.children if c.dep_ == "nsubj"]
            if subject.dep_ == "csubj" and subject.tag_ == "VBG" and doers:
                # "Foreign guests staying in the DPRK visited ...", parsed as a clause
                # subject: the guests visited, not their stay.
                return doers[0], False
            return subject, False
        stranded = (
            _name_under_adverb(token)
            or _subject_under_preposition(token)
            or _subject_after_opening(token)
        )
        if stranded is not None:
            return stranded, False
        for child in _dependents(token, PASSIVE_SUBJECT_DEPS, parse):
            if token.i != verb.i and climbed_xcomp:
                # "Obama is scheduled to attend", "X was asked to mediate": the one
                # scheduled or asked is the one who acts.
                return child, False
            doer = agent(token)
            if doer is None and token.lemma_.lower() in _STATE_PASSIVES:
                # "Vietnam is committed to opening up": a state its subject is in, which
                # the parser reads as a passive; the one committed is the one who acts.
                return child, False
            return doer, True
        if token.dep_ == "xcomp":
            # Object control: "urged China to ease" makes China the easer.
            objects = [c for c in token.head.children if c.dep_ in ("dobj", "obj")]
            if objects and token.head.lemma_.lower() not in PURPOSE_VERBS:
                return objects[0], False
            token = token.head
            climbed_xcomp = True
        elif token.dep_ in ("conj", "advcl", "acomp") and token.head.i != token.i:
            # "Arnor is about to restore ties": "about" hangs off "is", which has the subject.
            token = token.head
        elif (
            token.dep_ == "pcomp"
            and token.tag_ == "VBG"
            and token.head.lower_ in _SAME_DOER_PREPOSITIONS
            and (governor := _gerund_governor(token.head.head)) is not None
        ):
            # "used such violence as detaining the protestors", "responded by arresting
            # them": the one who used or responded does it ("accused X of attacking" and
            # "praised X for releasing" are X's acts, "warned against attacking" no one's).
            token = governor
        elif (
            token.dep_ == "pcomp"
            and token.tag_ == "VBG"
            and token.head.lower_ in ("for", "of")
            and (judged := _judged_party(token.head.head)) is not None
        ):
            # "thanked you for sending a message", "extend thanks to you for sending",
            # "accused X of attacking": the one thanked, praised or accused did it.
            return judged, False
        elif token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN"):
            # "ten soldiers killed in the raid": the noun is what was done to, not the doer.
            return agent(token), True
        elif token.dep_ in ("acl", "relcl") and token.head.pos_ in ("NOUN", "PROPN"):
            return token.head, False
        else:
            break
    return None, False


# Nouns of thanks and congratulation: "extend thanks to X for ..." thanks X.
_THANKS_WORDS = frozenset({"thanks", "gratitude", "appreciation", "congratulations"})


def _judged_party(verb: Token) -> Token | None:
    """The party a verb judges for a deed ("thanked X for", "accused X of"): its object when
    the object is a name or a pronoun, or the to-phrase of thanks extended ("extend thanks to
    X for")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for child in verb.children:
        if child.dep_ not in ("dobj", "obj"):
            continue
        if child.pos_ in ("PROPN", "PRON"):
            return child
        if child.lower_ in _THANKS_WORDS:
            to = [
                g
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ == "to"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            return to[0] if to else None
    return None


def _gerund_governor(head: Token) -> Token | None:
    """The verb a gerund's preposition hangs from, directly or through its object ("used
    force such as detaining ...")."""
    if head.pos_ in ("VERB", "AUX"):
        return head
    if head.dep_ in ("dobj", "obj") and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return None


def own_passive(verb: Token) -> bool:
    """Whether a conjunct verb with no subject of its own is a passive with its own by-phrase
    ("... and were released by X"), so that the subject it shares is not its doer."""
    return (
        verb.dep_ == "conj"
        and verb.head.i != verb.i
        and any(c.dep_ == "auxpass" for c in verb.children)
        and agent(verb) is not None
    )


def passive_patient(verb: Token) -> list[Token]:
    """The subject a passive conjunct shares with the verb it is joined to: the one it acts
    upon ("The prisoners held for a year were freed by X": the prisoners)."""
    if not own_passive(verb):
        return []
    shared = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
    return [c for c in verb.head.children if c.dep_ in shared]


def agent(verb: Token) -> Token | None:
    """The noun of a passive verb's by-phrase ("was attacked by Mordor")."""
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def prep_objects(token: Token, preps: Sequence[str]) -> list[Token]:
    """The objects of the token's prepositions among ``preps``, in the order ``preps`` ranks
    them ("celebrated Eid at Osgiliath with Gondor": with whom before where)."""
    rank = {p: n for n, p in enumerate(preps)}
    children = sorted(token.children, key=lambda c: (rank.get(c.lower_, len(rank)), c.i))
    found: list[Token] = []
    for child in children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            for g in child.children:
                if g.dep_ != "pobj" or g.lower_ in PRINCIPAL_NOUNS:
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


def conditional_threat(reporter: Token, text: str) -> Token | None:
    """The if-clause of a reported conditional with a negative outcome, if the reporting verb
    has one: "said that if the US wants delay, there is no need for dialogue" is a warning
    (CAMEO codes a conditional negative statement as a threat). ``text``: the document's.

    The if-clause must be a condition (an adverbial clause, not the "whether" of "I don't
    know if freedom is ...") and the denial must be the outcome's own ("there is no need",
    "will never talk"), not the condition's: "would be screaming if a prosecution is not
    pursued" and "may move if he doesn't do well" deny nothing that is threatened."""
    first, last = reporter.left_edge, reporter.right_edge
    if not _CONDITION_WORD.search(text, first.idx, last.idx + len(last)):
        return None  # no "if" in the clause: its words need not be read one by one
    for comp in reporter.children:
        # The quotation's parse may hang off a quotation mark rather than a ccomp.
        if comp.dep_ in ("nsubj", "nsubjpass", "agent"):
            continue
        for word in comp.subtree:
            if word.dep_ != "mark" or word.lower_ not in ("if", "unless"):
                continue
            condition = word.head
            if _condition_of(condition) and _denied_outcome(condition.head):
                return word.head
            if any(c.dep_ == "pobj" for c in word.children) and _denied_outcome(condition):
                # The parser read "if" as a preposition heading the condition's subject
                # ("if the US' discussion ... means ..., there's no need"), hanging it on the
                # outcome's own verb: the condition is still a condition.
                return word.head
    return None


def _condition_of(clause: Token) -> bool:
    """Whether an if-clause qualifies the clause it hangs on: an adverbial clause, or one the
    parser took for a complement but that comes before its head ("if X means Y, there's no
    need", "means" under "'s"); "know if freedom is" comes after, and asks."""
    return clause.dep_ == "advcl" or (clause.dep_ == "ccomp" and clause.i < clause.head.i)


def _denied_outcome(outcome: Token) -> bool:
    """Whether the clause a condition qualifies denies its own act or thing: a negator on
    its verb ("will not talk", "will never"), or "no" on its subject, object or predicate
    ("there is no need for dialogue", "no talks will be held")."""
    for child in outcome.children:
        if child.dep_ == "neg" or child.lower_ in ("no", "never"):
            return True
        if child.dep_ in _OUTCOME_NOUN_DEPS and any(
            g.dep_ == "det" and g.lower_ == "no" for g in child.children
        ):
            return True
    return False
