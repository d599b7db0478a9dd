"""Third-person pronouns resolved to people: a simple, documented heuristic.

"he", "his", "him" (and the feminine forms) become mentions of a person named before them in
the same sentence or the one before; a person already called "he" is not later "she", nor is
one whose given name says otherwise ("Bernie Sanders", "Carly Fiorina": the lexicon's
``given_names``). Up to three names back are read (the pronouns already linked among them do
not count: "Li Mei said in her speech that she ..." is one name). When only one person is in
reach, it is theirs. When several are, the pronoun goes to the one named as a subject of its
own sentence, if exactly one was ("Donald Trump netted large fees before launching his bid");
else to the one named as a subject, if exactly one was ("Aung San Suu Kyi met Joe Biden. She
will visit ..." is Suu Kyi, not the nearest name); otherwise it is left alone. In the sentence
before, a subject is the main clause's ("X said that Y would come. He left" is X's), and a
pronoun already linked stands for its person as a name would ("X spoke. He flayed ... He urged
..." is X throughout: the second "He" has only the first in reach). A pronoun in a relative
clause is its head's ("Mr. Trump, who scored his third victory"); an object is never its own
clause's subject ("Lee kept calling Park his friend and meeting him": Park, the one other
person there), nor the sender of the message a participle describes ("Lee sent a message to
Park congratulating him": Park); a speaker named after the words it reports is none of the
names in them ("'Kim will win,' he said"). When the text before was about a "he" left alone
and no one is named before the pronoun in its own sentence, the pronoun is left alone too.
Further back, or with no person in reach, the pronoun is left alone: a wrong link costs an
analyst more than a missing one ("the institute director could write on his own authority"
names nobody). Past a sentence about no one a "he" could be (it names no person, quotes no
one, holds no pronoun nor any word for a person, and its subjects are things or bodies), the
one person the sentence before it was about, as its subject, is in reach too ("X visited the
cemetery. The guard of honour lined up. ..., he laid a flower": X). A pronoun inside a name the
model found ("HE" read as a name) is left to the name: one span belongs to one entity.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from parley.entities.cluster import Cluster
from parley.entities.lexicon import Lexicon
from parley.nlp import in_main_clause, main_subject
from parley.nlp.index import ParseIndex

__all__ = ["resolve_pronouns", "sent_words"]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "iobj"})
# What stands before a speaker named after the words it reports ("... win," he said).
_BEFORE_SPEAKER = frozenset({",", '"', "''", "\u201d", "\u2019"})
# Verbs whose subject authors the thing they send or put out (a message, a statement): what
# that thing does to "him", its author does ("sent a letter to X, thanking him").
_AUTHORING_VERBS = frozenset(
    {"send", "forward", "address", "dispatch", "deliver", "issue", "release", "publish", "adopt"}
)
# Relative pronouns a relative clause's subject may be ("the minister, who called on him").
_RELATIVE_PRONOUNS = frozenset({"who", "that"})
# How many preceding names of people to consider before giving up on gender agreement (the
# pronouns linked among them do not count: "Li Mei said in her speech that she ..." is one).
_CANDIDATES = 3


def resolve_pronouns(
    parse: ParseIndex,
    clusters: dict[str, Cluster],
    lex: Lexicon,
    pronouns: list[int],
    quoted: Sequence[tuple[int, int]] = (),
    outlets: frozenset[str] = frozenset(),
) -> None:
    """Add pronoun mentions to person clusters (in place: the clusters are the stage's own).
    ``pronouns``: the tokens that are listed pronouns, in text order (the phrase matcher's);
    ``quoted``: the (start, end) of the text's quotations, in text order. A pronoun outside
    quotation marks stands for no one named only inside them: the people a speaker mentions
    are not the narrative's "he" ('"... saddened by the death of Kim Jong Il," he said. ...
    "I came here," he added' is the speaker, whom the text named before, or no one).
    ``outlets``: the keys of the person clusters the knowledge base knows as a news outlet
    ("Rodong Sinmun" read as a person's name): no one a "he" stands for, nor a name in its
    reach ("Rodong Sinmun says in an article ... He ..." is the leader its words are about)."""
    named = sorted(
        (
            (cand.start, cluster)
            for key, cluster in clusters.items()
            if cluster.kind == "person" and key not in outlets and _may_be_someone(cluster)
            for cand in cluster.cands
        ),
        key=lambda item: item[0],
    )
    if not named or not lex.pronouns:
        return
    for cluster in clusters.values():
        if cluster.kind == "person" and cluster.gender is None:
            cluster.gender = _gender_of_name(cluster, lex.given_names)
    by_name: dict[str, set[int]] = {}  # the people whose given name says their gender
    for cluster in clusters.values():
        if cluster.kind == "person" and cluster.gender is not None:
            by_name.setdefault(cluster.gender, set()).add(id(cluster))
    starts = [start for start, _ in named]
    taken = _Taken(clusters)
    doc = parse.doc
    left: set[int] = set()  # the pronouns left alone so far
    linked: set[int] = set()  # where the pronouns linked so far start
    for i in pronouns:
        token = doc[i]
        begin, end = token.idx, token.idx + len(token)
        # A pronoun by its tag ("his", not "HIS" as a name), and no named mention's.
        if token.pos_ not in ("PRON", "DET") or taken.overlaps(begin, end):
            continue
        gender = lex.pronouns[token.text.lower()]
        sentence = parse.sentence_index(begin)
        barred = _barred(token)
        position = bisect_left(starts, begin) - 1
        outside = () if _inside(begin, quoted) else quoted
        reach = _reach(parse, named, position, sentence, gender, barred, linked, outside)
        if not reach and _about_no_one(parse, sentence - 1, named, lex):
            # "X visited the cemetery. The guard of honour lined up. ..., he laid a flower":
            # past a sentence about no one, the one person the sentence before it was about.
            further = _reach(parse, named, position, sentence, gender, barred, linked, outside, 2)
            reach = further if len(further) == 1 and further[0][1] else []
        # "the minister, who paid a courtesy call on him": an object of the relative clause
        # is not the one the clause is about, who is its doer.
        chosen = None if barred.relative else _relative_antecedent(token, parse, clusters, gender)
        # An object whose clause's doer is known ("When an official told him") is someone
        # else than whom the text was about; any other pronoun may be that unnamed person.
        if chosen is None and (
            barred.subjects
            or any(here for _, _, here in reach)
            or not _about_someone_unnamed(token, parse, lex, left)
        ):
            chosen = _choose(reach, bool(barred.subjects))
        if chosen is None:
            left.add(i)
        else:
            # No gender learned when someone else in reach has it by their given name: a "he"
            # given to X over Y, a man ("X asked Y whether he ..."), does not make X a man.
            if not any(c is not chosen and id(c) in by_name.get(gender, ()) for c, _, _ in reach):
                chosen.gender = gender
            chosen.pronouns.append((begin, end, token.text))
            if token.pos_ == "PRON":  # "he", "him"; not a possessive "his" before a noun
                at = bisect_right(starts, begin)
                starts.insert(at, begin)
                named.insert(at, (begin, chosen))
                linked.add(begin)


def _reach(
    parse: ParseIndex,
    named: list[tuple[int, Cluster]],
    position: int,
    sentence: int,
    gender: str,
    barred: _Barred,
    linked: set[int],
    quoted: Sequence[tuple[int, int]] = (),
    sentences: int = 1,
) -> list[tuple[Cluster, bool, bool]]:
    """The people a pronoun of ``gender`` in ``sentence`` may stand for: those named (or
    called "he"/"she") from ``position`` back to the start of the sentence before, at most
    ``_CANDIDATES`` names of people of either gender (the pronouns ``linked`` before, at these
    offsets, uncounted), none ``barred``; each with whether it was a subject there and
    whether it is in the pronoun's own sentence. Names inside ``quoted`` spans are passed
    over, uncounted (given for a pronoun outside quotation marks)."""
    reach: dict[int, tuple[Cluster, bool, bool]] = {}
    names = 0  # the names read so far, of people of either gender
    excluded: set[int] = set()  # the people a barred word names
    for back in range(position, -1, -1):
        start, cluster = named[back]
        where = parse.sentence_index(start)
        if where < sentence - sentences:
            break
        if quoted and _inside(start, quoted):
            continue
        if start not in linked:
            names += 1
            if names > _CANDIDATES:
                break
        head = _head_of(parse, start)
        if head in barred.subjects:
            excluded.add(id(cluster))
        if cluster.gender not in (None, gender) or head in barred.reported:
            continue
        subject = _is_subject(parse, start, where < sentence)
        seen = reach.get(id(cluster))
        if seen is not None:
            subject = subject or seen[1]
        here = where == sentence or (seen is not None and seen[2])
        reach[id(cluster)] = (cluster, subject, here)
    return [found for key, found in reach.items() if key not in excluded]


def _about_no_one(
    parse: ParseIndex, sentence: int, named: list[tuple[int, Cluster]], lex: Lexicon
) -> bool:
    """Whether sentence ``sentence`` (the one before a pronoun's) is about no one a "he" or
    "she" could be: it names no person and holds no such pronoun, and each of its subjects is
    a plural, a name of something else, or a noun that is no title, office or word for a
    person ("Kim Jong Un visited the cemetery. The guard of honour lined up. Recollecting
    ..., he laid a flower": the guard, a body, is not "he")."""
    if sentence < 1:
        return False
    first, last = parse.sentence_bounds(sentence)
    at = bisect_left([start for start, _ in named], first)
    if at < len(named) and named[at][0] < last:
        return False
    doc = parse.doc
    tokens = parse.sentence_tokens(sentence)
    if not tokens:
        return False
    for k in tokens:
        token = doc[k]
        if token.lower_ in lex.pronouns or token.text in _QUOTE_MARKS:
            return False
        if token.pos_ in ("NOUN", "PROPN") and _person_word(token, lex):
            return False  # "the current nominee's support", "the President's recollection"
        if token.dep_ not in _SUBJECT_DEPS:
            continue
        if token.tag_ in ("NNS", "NNPS") or token.ent_type_ in _THING_TYPES:
            continue
        if token.pos_ != "NOUN":
            return False
    return True


# Quotation marks: words quoted may be about anyone; a reader does not reach past them.
_QUOTE_MARKS = frozenset({'"', "''", "``", "\u201c", "\u201d", "\u2018", "\u2019"})


# Named-entity types of things no "he" stands for.
_THING_TYPES = frozenset(
    {"ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
)
# Nouns for people that are no title: a "he" may be any of them.
_PERSON_NOUNS = frozenset(
    {
        "man",
        "woman",
        "person",
        "father",
        "mother",
        "son",
        "daughter",
        "boy",
        "girl",
        "husband",
        "wife",
        "brother",
        "sister",
        "child",
        "leader",
        "guest",
        "visitor",
        "speaker",
        "author",
        "writer",
        "veteran",
        "soldier",
        "worker",
        "farmer",
        "student",
        "teacher",
        "doctor",
        "officer",
        "official",
        "victim",
        "witness",
        "prisoner",
        "friend",
        "host",
        "driver",
        "resident",
        "citizen",
        "member",
        "head",
        "chief",
        "envoy",
    }
)


def _person_word(token: Token, lex: Lexicon) -> bool:
    """Whether a noun may name a person: a title or office, a member noun, a person noun."""
    lower = token.lemma_.lower()
    return (
        lower in _PERSON_NOUNS
        or lower in lex.member_nouns
        or lower in lex.roles_folded
        or lower in lex.title_heads
        or token.lower_ in lex.roles_folded
    )


def _inside(offset: int, quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether ``offset`` lies inside one of the ``quoted`` spans (in text order)."""
    i = bisect_right(quoted, (offset, _END)) - 1
    return i >= 0 and offset < quoted[i][1]


_END = 1 << 62  # past any offset: (offset, _END) sorts after every span starting there


@dataclass(frozen=True, slots=True)
class _Barred:
    """Whom a pronoun cannot stand for: the people its own clause's subject names (token
    indices of subject words), and the names among the words its speaker reports."""

    subjects: frozenset[int] = frozenset()
    reported: frozenset[int] = frozenset()
    relative: bool = False  # the subject is a relative pronoun ("who"), its clause's noun


def _barred(pronoun: Token) -> _Barred:
    """The subject of an object pronoun's own clause ("Lee kept meeting him": not Lee),
    through the verbs that share it; the names in the clause a speaker pronoun reports
    ("'Kim will win,' he said": not Kim, though the speaker's own "he" in it may be)."""
    verb = pronoun.head
    if pronoun.lower_.endswith("self"):
        return _Barred()  # "Lee cast himself as ...": a reflexive is its clause's subject
    if pronoun.dep_ == "nsubj":
        if pronoun.i == 0 or pronoun.doc[pronoun.i - 1].text not in _BEFORE_SPEAKER:
            return _Barred()
        return _Barred(
            reported=frozenset(
                t.i
                for clause in verb.children
                if clause.dep_ == "ccomp" and clause.i < pronoun.i
                for t in clause.subtree
                if t.pos_ != "PRON"
            )
        )
    if pronoun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
        if verb.pos_ == "NOUN" and verb.dep_ in _OBJECT_DEPS:
            verb = verb.head  # "paid a courtesy call on him", "had talks with him": the verb's
    elif pronoun.dep_ not in _OBJECT_DEPS:
        return _Barred()
    found: set[int] = set()
    for _ in range(3):
        if verb.pos_ not in ("VERB", "AUX"):
            break
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        found.update(c.i for c in subjects)
        if found:
            relative = _relative_subject(verb, subjects)
            if relative:
                # "Kim met the minister, who called on him": "who" is the minister, named
                # by the noun the clause hangs on and by the names set beside it.
                noun = verb.head
                named = [noun, *(c for c in noun.children if c.dep_ == "appos")]
                if noun.dep_ == "appos":
                    named.append(noun.head)
                found.update(t.i for t in named)
                return _Barred(subjects=frozenset(found), relative=True)
            break
        # "offered to give him", "calling X his friend, meeting with him": the subject of
        # the verb the clause hangs from; "sent a message to X, congratulating him": the
        # sender's, whose words the message's are.
        if _shares_subject(verb):
            verb = verb.head
        elif sent_words(verb):
            verb = verb.head.head
        else:
            break
    return _Barred(subjects=frozenset(found))


def _relative_subject(verb: Token, subjects: Sequence[Token]) -> bool:
    """Whether the verb heads a relative clause whose subject is the relative pronoun."""
    return verb.dep_ == "relcl" and any(s.lower_ in _RELATIVE_PRONOUNS for s in subjects)


def sent_words(verb: Token) -> bool:
    """Whether a participle describes the thing its sender's verb sends or puts out ("sent a
    message to X, congratulating him", "issued a statement denouncing him"): what the thing
    does, its author does."""
    thing = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or thing.dep_ not in _OBJECT_DEPS:
        return False
    return thing.head.lemma_.lower() in _AUTHORING_VERBS


def _shares_subject(verb: Token) -> bool:
    """Whether a verb with no subject of its own takes its head verb's: an infinitive or a
    coordinated verb, or a participle set off by a comma ("..., meeting with him"); not one
    right after a noun, which the noun's ("an official of the farm greeting him")."""
    if verb.head.i == verb.i or verb.dep_ not in ("xcomp", "conj", "advcl"):
        return False
    return verb.dep_ != "advcl" or verb.i == 0 or verb.doc[verb.i - 1].pos_ in ("PUNCT", "CCONJ")


def _head_of(parse: ParseIndex, start: int) -> int | None:
    """The head word of the name (or pronoun) starting at ``start``: the first of its words
    whose head lies outside the name."""
    index = parse.token_at(start)
    if index is None:
        return None
    # Up the index's arrays: a step by ``Token.head`` makes a new Token.
    deps, heads = parse.deps, parse.heads
    while deps[index] in ("compound", "flat") and heads[index] > index:
        index = heads[index]
    return index


def _relative_antecedent(
    pronoun: Token, parse: ParseIndex, clusters: dict[str, Cluster], gender: str
) -> Cluster | None:
    """The person a relative clause the pronoun is in is about: "Mr. Trump, who scored his
    third victory" (his: Trump, whoever the sentence is about)."""
    # Up the index's arrays: asked of every pronoun, and each ``Token.head`` made a Token.
    heads, deps, lowers = parse.heads, parse.deps, parse.lowers
    clause = heads[pronoun.i]
    for _ in range(6):
        if deps[clause] == "relcl" or heads[clause] == clause:
            break
        clause = heads[clause]
    if deps[clause] != "relcl":
        return None
    if not any(
        deps[c] == "nsubj" and lowers[c] in ("who", "that") for c in parse.dependents[clause]
    ):
        return None
    head = parse.token_starts[heads[clause]]
    for cluster in clusters.values():
        if cluster.kind != "person" or cluster.gender not in (None, gender):
            continue
        if any(c.start <= head < c.end for c in cluster.cands):
            return cluster
    return None


def _about_someone_unnamed(pronoun: Token, parse: ParseIndex, lex: Lexicon, left: set[int]) -> bool:
    """Whether the text just before the pronoun was about a person no name stands for: the
    subject of a clause it is in before it, else the main subject of the sentence before, is
    a "he"/"she" of the pronoun's gender that was left alone ("... she said. She added ...":
    whoever the first is, the second is too). Such a pronoun is left alone too."""
    sentence = parse.sentence_index(pronoun.idx)
    # Read off the parse index's arrays: a spaCy token for every word of the sentence and
    # every ancestor cost more than the rest of the pronoun pass.
    heads, deps = parse.heads, parse.deps
    governing: set[int] = set()
    k = pronoun.i
    for _ in heads:  # ``Token.ancestors``: each head up to the root, at most one per word
        if heads[k] == k:
            break
        k = heads[k]
        governing.add(k)
    before = [
        j
        for j in range(parse.sents[sentence].start, pronoun.i)
        if deps[j] in _SUBJECT_DEPS and heads[j] in governing
    ]
    if before:
        subject = before[-1]  # "the Chairman said that he ...": whom it is about is here
    elif sentence == 0 or (found := main_subject(parse, sentence - 1)) is None:
        return False
    else:
        subject = found
    return (
        subject in left and lex.pronouns.get(parse.lowers[subject]) == lex.pronouns[pronoun.lower_]
    )


def _may_be_someone(cluster: Cluster) -> bool:
    """Whether a name the model read as a person's may be the one a "he" stands for: one the
    knowledge base knows, one with a title or office, or one of two words or more. A lone
    unknown word with neither ("Songun", "Juche", a plant or a web attack the model took for
    a name) is too often no one at all; people a story names once by one word are rare."""
    return cluster.actor is not None or any(
        len(cand.text.split()) >= 2 or cand.roles or cand.former_roles for cand in cluster.cands
    )


def _gender_of_name(cluster: Cluster, given_names: dict[str, str]) -> str | None:
    """The gender the person's given name says ("Bernie Sanders": m), from their names in
    full (a given name first, then at least one more word); None when they disagree."""
    found = {
        given_names.get(words[0]) for cand in cluster.cands if len(words := cand.text.split()) >= 2
    }
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _is_subject(parse: ParseIndex, start: int, before: bool = False) -> bool:
    """Whether the name starting at ``start`` is the subject of its clause; ``before`` (it
    stands in the sentence before the pronoun's): of its sentence's main clause, or of a verb
    coordinated with it."""
    index = _head_of(parse, start)
    if index is None or parse.deps[index] not in _SUBJECT_DEPS:
        return False
    if not before:
        return True
    return in_main_clause(parse.doc[parse.heads[index]])


def _choose(reach: list[tuple[Cluster, bool, bool]], object_barred: bool) -> Cluster | None:
    """The one person in reach, or the one subject of the pronoun's own sentence, or the one
    subject among all; else nobody ("Donald Trump netted large fees before launching his
    bid": Trump, whoever the sentence before was about). ``object_barred``: an object whose
    clause's subject is set aside; then the one other person named before it in its sentence
    ("Lee kept calling Park his friend and meeting him": Park)."""
    if len(reach) == 1:
        return reach[0][0]
    if object_barred:
        here = [cluster for cluster, _, here in reach if here]
        if len(here) == 1:
            return here[0]
    own = [cluster for cluster, subject, here in reach if subject and here]
    if len(own) == 1:
        return own[0]
    subjects = [cluster for cluster, subject, _ in reach if subject]
    return subjects[0] if len(subjects) == 1 else None


class _Taken:
    """The spans of the named mentions, to tell whether a pronoun lies inside one."""

    def __init__(self, clusters: dict[str, Cluster]) -> None:
        spans = sorted((c.start, c.end) for cluster in clusters.values() for c in cluster.cands)
        self._starts = [start for start, _ in spans]
        # The furthest end among the spans starting at or before each one: mentions of one
        # document never overlap, but the maximum keeps the answer right if they did.
        self._reach: list[int] = []
        for _, end in spans:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def overlaps(self, start: int, end: int) -> bool:
        position = bisect_right(self._starts, end - 1) - 1
        return position >= 0 and self._reach[position] > start
