"""Match a word of the parse against the CAMEO lexicon: which code, and which words carry it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.tokens import Token

from parley.events.lexicon import NO_EVENT, Lexicon, Pattern
from parley.nlp.index import ParseIndex

OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd", "dative"})
PREP_DEPS = frozenset({"prep", "prt", "agent"})
JOINED_SUBJECT = "+"
COMP_DEPS = frozenset({"xcomp", "ccomp"})
ADJ_DEPS = frozenset({"acomp", "oprd", "ccomp", "xcomp", "advmod", "dobj"})
MOD_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# "comp:*": any complement clause with a subject of its own.
ANY_CLAUSE = "*"
# "comp:bare": a clause with no subject of its own, the word with no object: "helped keep
# prices low" helps an outcome along, nobody named.
BARE_CLAUSE = "bare"
# "comp:question": a clause that asks something ("asked which states he could win", "asked
# whether Gondor would send troops"): a question put, not an act asked of anyone.
QUESTION_CLAUSE = "question"
# "comp:to": a to-infinitive saying what the word's act is for ("pressure on X to resign";
# ``_to_clause``).
TO_CLAUSE = "to"
# Links of a to-infinitive to a noun (acl) or to the verb that carries it (advcl, xcomp).
TO_CLAUSE_DEPS = frozenset({"acl", "advcl", "xcomp"})
# Verbs whose object is a means and whose to-clause the end it serves ("use the pressure on X
# to bargain"): what the to-clause says is the user's aim, not what is asked of X.
MEANS_VERBS = frozenset({"use", "employ", "exploit", "leverage", "utilize", "utilise"})
QUESTION_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
QUESTION_MARKERS = frozenset({"whether", "if"})
# Entity labels of a date or time: a phrase of one says when, not with or on whom.
TIME_LABELS = frozenset({"DATE", "TIME"})
# "adj:critical/of": an adjective complement with a phrase of that preposition.
ADJ_PREP = "/"
# The copula is the clause's verb when it heads it ("has been critical of X"); as an
# auxiliary ("has been criticised") it is not.
AUX_DEPS = frozenset({"aux", "auxpass"})
# "fact:plain": a clause that states what is with no modal ("the law was flawed").
PLAIN_FACT = "plain"
CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Prepositions by which a passive verb with no doer names its cause: "killed in a landslide",
# "killed during the storm".
CAUSE_PREPS = frozenset({"in", "during"})
# Entity labels of a nation, whose name on a noun makes the noun its forces' act ("Israeli
# fire", "U.S. fire"); a company's is not ("the Malaysia Airlines flight crash").
PARTY_LABELS = frozenset({"NORP", "GPE"})
# Auxiliaries that make a clause what someone ought to do, not what is: "suggested that
# delegates should flip" proposes; "suggested that the rival was weak" asserts.
OBLIGING_AUXES = frozenset({"should", "must", "ought", "shall"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Verbs that make their to-clause what someone ought to do: "suggested that Trump needs to
# unify the party", "has to apologise".
OBLIGING_VERBS = frozenset({"need", "have"})
# Declining comment (011) and the verbs by which a request for comment is answered: with them
# the lexicon codes the answer withheld ("did not respond to a request for comment"), so the
# event is the negated verb, and a request answered is none.
DECLINE_COMMENT_CODE = "011"
ANSWER_VERBS = frozenset({"respond", "reply", "return"})


@dataclass(frozen=True, slots=True)
class Match:
    """A word of the parse coded by a lexicon entry; ``extra`` are the words of its condition."""

    token: Token
    pattern: Pattern
    extra: tuple[Token, ...]

    @property
    def code(self) -> str:
        return self.pattern.code

    @property
    def tokens(self) -> tuple[Token, ...]:
        return (self.token, *self.extra)


def answers_request(match: Match) -> bool:
    """Whether the match codes a request for comment answered or not ("did not respond to a
    request for comment"): its event is the answer withheld, the verb negated."""
    return match.code == DECLINE_COMMENT_CODE and _lemma(match.token) in ANSWER_VERBS


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _children(parse: ParseIndex, token: Token, deps: frozenset[str]) -> Iterable[Token]:
    # From the index's dependents table, labels read there: ``Token.children`` made a Token
    # for every dependent before its label was read, and most have another label.
    doc, labels = token.doc, parse.deps
    return (doc[j] for j in parse.dependents[token.i] if labels[j] in deps)


# How far before its verb a PETRARCH pattern's word may stand.
BEFORE_REACH = 6


def _condition_tokens(
    parse: ParseIndex,
    token: Token,
    pattern: Pattern,
    objects: list[tuple[str, Token]] | None = None,
    predicates: list[tuple[str, Token]] | None = None,
) -> tuple[Token, ...] | None:
    """The words meeting the pattern's condition, () for none needed, None when unmet.
    ``objects``: ``_object_words``, and ``predicates``: ``_predicate_words``,
    when the caller has read them already."""
    if pattern.condition is None:
        return ()
    kind, value = pattern.condition
    if kind == "obj":
        # A value of two words is a noun with its modifier: "ended mediation efforts" ends a
        # mediation, "ended their efforts" no more than anything else (``_noun_is``).
        head = value.rpartition(" ")[2]
        for lemma, word in _object_words(parse, token) if objects is None else objects:
            if lemma == head and (head == value or _noun_is(parse, word, value)):
                return (word,)
        return None
    if kind == "prep":
        for child in _children(parse, token, PREP_DEPS):
            if child.lower_ == value and not _dates_only(child):
                return (child,)
        return None
    if kind == "comp":
        if value == BARE_CLAUSE:
            return () if _bare_outcome(parse, token) else None
        if value == QUESTION_CLAUSE:
            return () if any(asks(c) for c in _children(parse, token, COMP_DEPS)) else None
        if value == TO_CLAUSE:
            return () if _to_clause(parse, token) else None
        for child in _children(parse, token, COMP_DEPS):
            if value == ANY_CLAUSE and any(g.dep_ in CLAUSE_SUBJECT_DEPS for g in child.children):
                # "wants Austria to pay": a clause with a doer of its own, whatever it does;
                # the doer is the one addressed, not a word of the trigger.
                return ()
            if _lemma(child) == value:
                return (child,)
        return None
    if kind == "fact":
        # "fact:*": the clause states what is, with a doer of its own ("suggested that the
        # rival was weak"); the words of the clause are no part of the trigger. "fact:plain"
        # only with no modal either: "agrees the law was flawed" shares a view, "agreed
        # that the sides would meet" settles a plan.
        plain = value == PLAIN_FACT
        facts = (
            c
            for c in _children(parse, token, COMP_DEPS)
            if _states_a_fact(c) and not (plain and _modal(c))
        )
        return () if any(facts) else None
    if kind == "adj":
        # "adj:critical/of": the adjective with its preposition ("has been critical of X"),
        # not the same word in another sense ("it is critical to act").
        lemma, _, with_prep = value.partition(ADJ_PREP)
        for word_lemma, child in (
            _predicate_words(parse, token) if predicates is None else predicates
        ):
            if word_lemma == lemma and (not with_prep or _has_prep(parse, child, with_prep)):
                return (child,)
        return None
    if kind == "mod":
        for child in _children(parse, token, MOD_DEPS):
            if _lemma(child) == value:
                return (child,)
        return None
    if kind == "of":
        # "a message of greeting", "a message of greetings and congratulations": what the
        # noun is of, not any later word of its phrase ("the message Putin extended").
        for prep in _children(parse, token, PREP_DEPS):
            if prep.lower_ != "of":
                continue
            for noun in _children(parse, prep, frozenset({"pobj"})):
                for word in (noun, *_children(parse, noun, frozenset({"conj"}))):
                    if _lemma(word) == value:
                        return (prep, word)
        return None
    if kind == "verb":
        # "poses a threat", "constitutes a threat": the verb whose object the noun is says
        # what the noun names (a danger, not a warning someone made); its passive subject
        # is that object too ("the threat posed"). "verb:present/against": the noun with a
        # phrase of that preposition ("presented evidence against X", not "evidence of Y").
        lemma, _, with_prep = value.partition(ADJ_PREP)
        carried = token.dep_ in OBJECT_DEPS or token.dep_ == "nsubjpass"
        if (
            carried
            and _lemma(token.head) == lemma
            and (not with_prep or _has_prep(parse, token, with_prep))
        ):
            return ()
        return None
    if kind == "subj":
        # "Troops withdrew from the border" is a military retreat, not cut relations; the
        # subject's words are who acts, not the action, so the trigger keeps none of them.
        natural = pattern.code == NO_EVENT
        if _subject_is(parse, token, value, natural):
            return ()
        # An event noun's doer may be its verb's: "the unions launched strikes".
        light = pattern.kind == "N" and token.dep_ in OBJECT_DEPS and token.head.pos_ in VERB_POS
        return () if light and _subject_is(parse, token.head, value, natural) else None
    if kind == "before":
        # A PETRARCH pattern's word before its verb ("- INDICATED * [123]": "X indicated it
        # deplored Y"): a word just before the verb, in its phrase or heading it.
        for other in token.doc[max(token.sent.start, token.i - BEFORE_REACH) : token.i]:
            if value in (_lemma(other), other.lower_) and (
                other.head == token or token.is_ancestor(other) or other.is_ancestor(token)
            ):
                return ()
        return None
    # "word": a word later in the verb's own phrase, as PETRARCH patterns read.
    for other in token.subtree:
        if other.i > token.i and other.i - token.i <= 6 and value in (_lemma(other), other.lower_):
            return (other,)
    aim = _carried_aim(token)
    if pattern.kind == "N" and aim is not None and _lemma(aim) == value:
        return (aim,)
    return None


# Nouns of a gathering that is held only to protest, whose aim the parser hangs on the verb
# of holding it ("held a rally in Seoul on Sunday, demanding the resignation of X", "staged
# a vigil to denounce X"). Not "meeting": "held a meeting, calling for the implementation of
# the declaration" is a meeting.
PROTEST_GATHERINGS = frozenset({"rally", "vigil", "procession"})
# How far after the gathering its holding verb's aim may begin.
MAX_AIM_DISTANCE = 15


def _carried_aim(noun: Token) -> Token | None:
    """The participle or to-infinitive on the verb that holds a protest gathering, after
    the gathering ("held a rally on Monday, demanding ..."; "staged a vigil to denounce
    ..."), which says what the gathering is for; None for any other word."""
    if _lemma(noun) not in PROTEST_GATHERINGS or noun.dep_ not in OBJECT_DEPS:
        return None
    for clause in noun.head.children:
        if (
            clause.dep_ in _AIM_DEPS
            and noun.i < clause.i <= noun.i + MAX_AIM_DISTANCE
            and (clause.tag_ == "VBG" or _to_infinitive(clause))
        ):
            return clause
    return None


_AIM_DEPS = frozenset({"advcl", "xcomp"})


def _to_infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _predicate_words(parse: ParseIndex, token: Token) -> list[tuple[str, Token]]:
    """The words that may meet an "adj" condition of ``token``, with their lemmas, in the
    order they are tried: read once per word, as a common verb has many "adj" patterns."""
    return [
        (_lemma(c), c)
        for c in (*_children(parse, token, ADJ_DEPS), *_object_predicates(parse, token))
    ]


def _object_predicates(parse: ParseIndex, token: Token) -> Iterable[Token]:
    """Adjectives said of the word's object, after it: "held Israel responsible" (the parser
    makes "responsible" the object's modifier, or a clause of the verb's own: ``ADJ_DEPS``)."""
    for child in _children(parse, token, OBJECT_DEPS):
        yield from (a for a in _children(parse, child, _AMOD) if a.i > child.i)
    yield from _children(parse, token, _ADVCL)


def _object_words(parse: ParseIndex, token: Token) -> list[tuple[str, Token]]:
    """The words that may meet an "obj" condition of ``token``, with their lemmas, in the
    order they are tried (the first whose lemma is the condition's meets it). They depend on
    the word alone, so a word with several "obj" patterns reads its children once."""
    words: list[tuple[str, Token]] = []
    if token.dep_ == "acl" and token.tag_ == "VBN":
        # "a report released Tuesday": the noun a participle describes is its object.
        words.append((_lemma(token.head), token.head))
    children = list(token.children)
    for child in children:
        if child.dep_ in OBJECT_DEPS or child.dep_ == "nsubjpass":
            words.append((_lemma(child), child))
            # "impose unprecedented diplomatic and economic pressure": the head noun.
            words.extend((_lemma(conj), conj) for conj in _children(parse, child, _CONJ))
            # "offered 240,000 tons of food assistance": a quantity of it.
            for prep in _children(parse, child, _PREP):
                if prep.lower_ == "of":
                    words.extend((_lemma(noun), noun) for noun in _children(parse, prep, _POBJ))
    if any(child.dep_ in OBJECT_DEPS for child in children):
        # "provided the farmers with better conditions": with a receiver as its object, the
        # thing given is the with-phrase's.
        for prep in children:
            if prep.dep_ in PREP_DEPS and prep.lower_ == "with":
                words.extend((_lemma(noun), noun) for noun in _children(parse, prep, _POBJ))
    return words


_CONJ = frozenset({"conj"})
_AMOD = frozenset({"amod"})
_ADVCL = frozenset({"advcl"})
_PREP = frozenset({"prep"})
_POBJ = frozenset({"pobj"})


def _dates_only(prep: Token) -> bool:
    """Whether a preposition's objects are all dates or times: "called X a liar on Monday"
    says when, it calls on no one."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in TIME_LABELS for o in objects)


def _has_prep(parse: ParseIndex, word: Token, prep: str) -> bool:
    """Whether the word has a phrase of this preposition ("critical of")."""
    return any(c.lower_ == prep for c in _children(parse, word, frozenset({"prep"})))


def asks(clause: Token) -> bool:
    """Whether a complement clause is a question: it opens with a wh-word ("which states",
    "why he was not told") or with "whether" or "if"."""
    first = next((t for t in clause.subtree if not t.is_punct), clause)
    return first.tag_ in QUESTION_TAGS or first.lower_ in QUESTION_MARKERS


def _to_clause(parse: ParseIndex, token: Token) -> bool:
    """Whether a to-infinitive after the word says what its act is for: the word's own
    ("pressure on Rohan to withdraw", "faces pressure to resign") or, for a noun a verb takes
    as its object, the verb's ("put pressure on Rohan to withdraw", where the parser hangs
    the clause on "put")."""
    holders = [token]
    if token.pos_ in NOUN_POS and token.dep_ in OBJECT_DEPS:
        if _lemma(token.head) in MEANS_VERBS:
            return False  # "used the pressure on Rohan to win time": the user's end
        holders.append(token.head)
    return any(
        clause.i > token.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)
        for holder in holders
        for clause in _children(parse, holder, TO_CLAUSE_DEPS)
    )


def _bare_outcome(parse: ParseIndex, token: Token) -> bool:
    """Whether the word's only complement is an outcome with nobody in it: a clause with no
    subject of its own ("the reports helped add momentum", "low prices helped keep inflation
    down"), and no object on the word ("helped him rebuild", "helped China build" name whom
    it helped)."""
    if any(c.dep_ in OBJECT_DEPS for c in token.children):
        return False
    clauses = list(_children(parse, token, COMP_DEPS))
    return bool(clauses) and not any(
        g.dep_ in CLAUSE_SUBJECT_DEPS for c in clauses for g in c.children
    )


def _modal(clause: Token) -> bool:
    """Whether a clause's verb has a modal auxiliary ("would meet", "will resume")."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)


def _states_a_fact(clause: Token) -> bool:
    """Whether a complement clause asserts rather than proposes: it has a subject of its own
    and a finite verb or auxiliary ("the rival was weak", "he beat expectations", "the
    attacks highlight the threat"), none of obligation ("should flip") and no bare
    subjunctive ("that he resign")."""
    if not any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in clause.children):
        return False
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in OBLIGING_AUXES for a in auxes):
        return False
    if clause.lemma_.lower() in OBLIGING_VERBS and any(c.dep_ == "xcomp" for c in clause.children):
        return False
    return clause.tag_ in FINITE_TAGS or any(a.tag_ in FINITE_TAGS or a.tag_ == "MD" for a in auxes)


def _subject_is(parse: ParseIndex, verb: Token, lemma: str, natural: bool = False) -> bool:
    """Whether the verb's subject is the noun ``lemma``, or a quantity of it ("hundreds of
    troops", "some of the soldiers"); ``lemma`` "+" is any subject of two or more joined
    doers ("the U.S. and Japan talked about it": they talked with each other). A passive
    verb's doer is its by-phrase ("two pilots were killed by a crash").

    ``natural``: the doer of a sense that is no event, a disaster or an accident. A passive
    verb with no by-phrase then names it in its in-phrase ("nine people were killed in a
    traffic accident"), and a noun a party's name modifies is that party's act, no accident
    ("killed in Israeli fire")."""
    doers = [
        noun
        for agent in _children(parse, verb, frozenset({"agent"}))
        for noun in _children(parse, agent, frozenset({"pobj"}))
    ]
    if natural and not doers and _passive(verb):
        doers = [
            noun
            for passive in _joined_passives(parse, verb)
            for prep in _children(parse, passive, frozenset({"prep"}))
            if prep.lower_ in CAUSE_PREPS
            for noun in _children(parse, prep, frozenset({"pobj"}))
        ]
    for subject in (*_children(parse, verb, frozenset({"nsubj"})), *doers):
        if lemma == JOINED_SUBJECT:
            if any(c.dep_ == "conj" for c in subject.children):
                return True
            continue
        if natural and _named_by_party(subject):
            continue
        if _noun_is(parse, subject, lemma):
            return True
        for prep in _children(parse, subject, frozenset({"prep"})):
            if prep.lower_ == "of" and any(
                _noun_is(parse, g, lemma) for g in prep.children if g.dep_ == "pobj"
            ):
                return True
    return False


def _noun_is(parse: ParseIndex, noun: Token, lemma: str) -> bool:
    """Whether the noun is ``lemma``; a lemma of two words names a noun with its modifier
    ("peacekeeping troop": "the Ghanaian peacekeeping troops")."""
    modifier, _, head = lemma.rpartition(" ")
    if _lemma(noun) != head:
        return False
    return not modifier or any(_lemma(m) == modifier for m in _children(parse, noun, MOD_DEPS))


def _passive(verb: Token) -> bool:
    """Whether the verb is passive: "were killed", or a participle describing the noun it
    is done to ("the 26 people killed in the fire")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "acl"


def _joined_passives(parse: ParseIndex, verb: Token) -> list[Token]:
    """The verb and the passives joined to it, which share its phrases: "nine people were
    killed and 26 others injured in a traffic accident" (the parser hangs "injured" on
    "others" and the in-phrase on "injured")."""
    joined = [verb]
    for conj in _children(parse, verb, frozenset({"conj"})):
        if conj.tag_ == "VBN":
            joined.append(conj)
        joined.extend(c for c in _children(parse, conj, frozenset({"acl"})) if c.tag_ == "VBN")
    return joined


def _named_by_party(noun: Token) -> bool:
    """Whether a nation's name modifies the noun ("Israeli fire", "U.S. fire"): its act."""
    return any(
        c.dep_ in ("amod", "compound") and c.ent_type_ in PARTY_LABELS for c in noun.children
    )


def word_kind(pos: str, dep: str = "") -> str | None:
    """The lexicon's kind of word for a coarse part of speech (and its link, which tells a
    copula heading its clause from an auxiliary): V(erb), N(oun) or none."""
    if pos in VERB_POS or (pos == "AUX" and dep and dep not in AUX_DEPS):
        return "V"
    if pos in NOUN_POS:
        return "N"
    return None


def misread_verb(pos: str, dep: str, lemma: str, lexicon: Lexicon) -> bool:
    """Whether a word the tagger called a noun may be the clause's verb: the root, with a verb
    of that lemma in the lexicon ("The ministry strongly denounces and rejects ...", where
    "denounces" is read as a plural noun). ``match_token`` then checks it has a subject."""
    return pos in NOUN_POS and dep == "ROOT" and lexicon.has("V", lemma)


def _kind(token: Token, lexicon: Lexicon) -> str | None:
    """V or N for the lexicon: a root noun with a subject of its own is a verb misread."""
    if misread_verb(token.pos_, token.dep_, _lemma(token), lexicon) and any(
        c.dep_ == "nsubj" for c in token.children
    ):
        return "V"
    return word_kind(token.pos_, token.dep_)


def match_token(parse: ParseIndex, token: Token, lexicon: Lexicon) -> Match | None:
    """The lexicon entry that codes this word (a verb, or a noun naming an event), if any."""
    kind = _kind(token, lexicon)
    if kind is None:
        return None
    objects: list[tuple[str, Token]] | None = None
    predicates: list[tuple[str, Token]] | None = None
    for pattern in lexicon.lookup(kind, _lemma(token)):
        if pattern.condition is not None:
            if objects is None and pattern.condition[0] == "obj":
                objects = _object_words(parse, token)
            elif predicates is None and pattern.condition[0] == "adj":
                predicates = _predicate_words(parse, token)
        extra = _condition_tokens(parse, token, pattern, objects, predicates)
        if extra is not None:
            # A sense the lexicon marks as no event ("released a statement") leaves the
            # word uncoded rather than falling back to the bare word's code.
            return None if pattern.code == NO_EVENT else Match(token, pattern, extra)
    return None


def refine_with_complement(
    governing: str, complement: str, table: Mapping[tuple[str, str], str]
) -> str | None:
    """The sub-code for a governing event and the event of its to-clause, if CAMEO has one
    ("agreed to meet" is 036, "promised to send arms" 0332; ``table`` is
    ``complement_codes.tsv`` with its sub-codes, the complement's longest code first)."""
    for n in (4, 3, 2):
        if len(complement) >= n and (governing[:2], complement[:n]) in table:
            return table[(governing[:2], complement[:n])]
    return None
