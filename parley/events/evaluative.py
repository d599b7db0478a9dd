"""What a statement does, read from what it says: criticism, accusation or praise.

State media and politicians rarely "denounce" in so many words; they "say" that the other side's
moves are "a grave provocation", "note" that the talks failed "owing to the reckless acts" of
someone, or "stress" the "immortal exploits" of a leader. CAMEO codes such a speech act by its
content (111 criticize or denounce, 112 accuse, 051 praise), from the speaker to the party the
words are about, not as a bare statement (010) that the event stage leaves out.

``evaluation`` reads a reporting verb's reported words (its complement clause, its object, or
the clause a trailing "..., the statement said" attributes) against ``data/evaluative.tsv``:
the weights of the words of each class are summed, and a class that reaches ``WEIGHT_NEEDED``
and outweighs the other names the code. The target is the party the evaluative words are
about, found on the parse: climbing from each such word to its phrase and its clause's subject
("the puppet group's moves are a grave provocation": the group), then, when the parse gives
none, the one party named in the reported words. Without a named speaker there is no event,
nor for praise of nobody named besides the speaker; a criticism of nobody named is aimed by
the story around it (``adversary.aim_criticism``) or left out: a wrong pair costs an analyst
more than a missing one.
Only the words of one clause are read, and only for the few reporting verbs of an article.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Token

from parley.events.actors import Actor
from parley.events.candidates import Candidate
from parley.events.clauses import SUBJECT_DEPS, agent, prep_objects
from parley.events.reading import Reading

__all__ = ["EVALUATED_CODES", "EvaluativeWords", "evaluation", "party_accused", "party_spoken_of"]

# lemma -> (class, weight, part of speech or "*"), from evaluative.tsv.
EvaluativeWords = Mapping[str, tuple[str, int, str]]

# Statements whose words are read: a bare statement (010) and pessimism (012: "expressed
# concern over the reckless acts of X" condemns X).
EVALUATED_CODES = frozenset({"010", "012"})
CLASS_CODES = {"criticize": "111", "accuse": "112", "praise": "051"}
NEGATIVE = ("criticize", "accuse")
# The summed weight a class needs: one strong word or two leaning ones.
WEIGHT_NEEDED = 2
# How far up from an evaluative word its party may sit (word -> phrase -> clause -> subject).
MAX_HOPS = 4
# The speaker's own subject phrase and its attribution ("in a statement") are not what it said.
SPEAKER_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
# Clauses that are what was said wherever they stand ("The talks failed, he said").
REPORTED_DEPS = frozenset({"ccomp", "parataxis"})
NOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})
# A predicate word is said of its clause's subject ("X is a grave provocation").
PREDICATE_DEPS = frozenset({"attr", "acomp", "oprd"})
# The words of a phrase that say whose it is.
OWNER_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "compound", "amod", "nmod"})
NEGATIONS = frozenset({"not", "no", "never", "n't"})
PARTY_KINDS_EXCLUDED = frozenset({"location"})
# What a verb is done to, and the links from a name up to that object ("the dignity of X").
OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass"})
# Verbs whose object is a victim: a criticism of the act is never aimed at it.
HARM_VERBS = frozenset(
    {
        "hurt", "insult", "slander", "defame", "harm", "damage", "offend", "tarnish",
        "desecrate", "violate", "infringe", "attack", "threaten", "abuse", "humiliate",
        "mock", "ridicule", "disgrace", "encroach", "injure",
    }
)  # fmt: skip
OBJECT_PATH_DEPS = frozenset({"pobj", "prep", "poss", "compound", "amod", "nmod", "appos"})


def evaluation(
    candidate: Candidate, reading: Reading, sources: Sequence[Actor]
) -> tuple[str, list[Actor], list[Actor]] | None:
    """(code, sources, targets) of a statement whose reported words criticise, accuse or
    praise a party; None when they do not, or when praise names no party besides the
    speaker. Criticism that names nobody ("said the situation is grave owing to the reckless
    acts of the warmongers") comes back with no targets: the story may say whom it is aimed
    at (``adversary.aim_criticism``)."""
    speakers = [a for a in sources if a.resolved and a.code]
    if candidate.code not in EVALUATED_CODES or not speakers:
        return None
    words = reading.resources.evaluative_words
    content = _reported_words(candidate.token)
    weights: dict[str, int] = {}
    cues: dict[str, list[Token]] = {}
    for token in content:
        entry = words.get(token.lemma_.lower())
        if entry is None or (entry[2] != "*" and entry[2] != token.pos_) or _negated(token):
            continue
        kind, weight, _ = entry
        weights[kind] = weights.get(kind, 0) + weight
        cues.setdefault(kind, []).append(token)
    negative = sum(weights.get(k, 0) for k in NEGATIVE)
    praise = weights.get("praise", 0)
    if negative >= WEIGHT_NEEDED and negative > praise:
        kind = "accuse" if weights.get("accuse", 0) > weights.get("criticize", 0) else "criticize"
        chosen = [t for k in NEGATIVE for t in cues.get(k, ())]
    elif praise >= WEIGHT_NEEDED and praise > negative:
        kind, chosen = "praise", cues["praise"]
    else:
        return None
    inside = {t.i for t in content}
    targets = _party_of(sorted(chosen, key=lambda t: t.i), inside, reading, speakers)
    if not targets:
        targets = _only_party(content, reading, speakers, harmed_ok=kind == "praise")
    if not targets and kind == "praise":
        return None
    return CLASS_CODES[kind], speakers, targets


def _reported_words(reporter: Token) -> list[Token]:
    """The words a reporting verb reports: its dependents after it and its complement
    clauses, and for a trailing attribution ("..., the statement said") the clause it
    attributes. Its subject and what comes before it ("Soon after the UN's fabrication of a
    resolution, Abe said ...") are who spoke and when, not what was said."""
    words: list[Token] = []
    for child in reporter.children:
        if child.dep_ in SPEAKER_DEPS:
            continue
        if child.i > reporter.i or child.dep_ in REPORTED_DEPS:
            words.extend(child.subtree)
    head = reporter.head
    if reporter.dep_ in ("parataxis", "ccomp") and head.i < reporter.i and head.i != reporter.i:
        inside = {t.i for t in reporter.subtree}
        words += [t for t in head.subtree if t.i not in inside]
    return words


def _is_party(actor: Actor, speakers: Sequence[Actor]) -> bool:
    entity = actor.entity
    if entity is None or not entity.actor or entity.kind in PARTY_KINDS_EXCLUDED:
        return False
    return all(actor.key != s.key and actor.code != s.code for s in speakers)


def _party_of(
    cues: Sequence[Token], inside: set[int], reading: Reading, speakers: Sequence[Actor]
) -> list[Actor]:
    """The party the first evaluative word that has one is about, on the parse."""
    for cue in cues:
        node = cue
        for _ in range(MAX_HOPS):
            for head in _slots(node):
                if head.i not in inside:
                    continue
                found = [a for a in reading.resolve(head, places=False) if _is_party(a, speakers)]
                if found:
                    return found
            if node.head.i == node.i or node.head.i not in inside:
                break
            node = node.head
    return []


def _slots(node: Token) -> list[Token]:
    """The phrases around a word that say whose it is, nearest first: the subject a predicate
    word is said of ("the moves of X are a provocation", "Y was an outstanding leader"), the
    word's own subject, possessor and modifiers ("the puppet group's moves", "U.S. aggression"),
    its of- and by-phrases and the doer of a participle about it, and the word itself when it is
    a name ("the puppet group"). Not the
    clauses inside its phrase ("a criminal act of hurting the dignity of X" is not X's act)."""
    heads: list[Token] = []
    if node.dep_ in PREDICATE_DEPS:
        heads += [c for c in node.head.children if c.dep_ in SUBJECT_DEPS]
    heads += [c for c in node.children if c.dep_ in OWNER_DEPS]
    heads += prep_objects(node, ("of", "by"))
    # "the smear campaign kicked off by the Lee group": the doer of a participle about it.
    heads += [a for c in node.children if c.dep_ == "acl" for a in (agent(c),) if a is not None]
    if node.pos_ in NOUN_POS and node.ent_type_:
        heads.append(node)
    return heads


def _negated(token: Token) -> bool:
    """ "not guilty", "no provocation", "was never illegal": the word is denied, not said
    (a negation on the word, just before it, or on the nearest verb above it)."""
    if token.i > 0 and token.doc[token.i - 1].lower_ in NEGATIONS:
        return True
    node = token
    for _ in range(MAX_HOPS):
        if any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in node.children):
            return True
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _only_party(
    content: Sequence[Token], reading: Reading, speakers: Sequence[Actor], *, harmed_ok: bool
) -> list[Actor]:
    """The one party the reported words name, when they name exactly one; for a criticism
    (``harmed_ok`` False) not a party that is what an act in the words is done to: "the
    reckless acts of the warmongers hurting the dignity of the supreme leadership of the DPRK"
    criticises the warmongers, and the DPRK is the one they hurt."""
    if not content:
        return []
    if not harmed_ok:
        inside = {t.i for t in content}
        doc = content[0].doc
        content = [t for t in content if not _done_to(doc[t.i], inside)]
        if not content:
            return []
    starts = {t.idx for t in content}
    low = min(t.idx for t in content)
    high = max(t.idx + len(t) for t in content)
    found: dict[str, Actor] = {}
    for ref in reading.mentions.overlapping(low, high):
        if ref.start not in starts:
            continue
        actor = Actor(ref.entity, ref.text, ref.start, ref.end)
        if _is_party(actor, speakers) and actor.key is not None:
            found.setdefault(actor.key, actor)
    return list(found.values()) if len(found) == 1 else []


def _done_to(token: Token, inside: set[int]) -> bool:
    """Whether the token sits in what a verb of harm in the reported words is done to,
    through the nouns and of-phrases of that object ("hurting the dignity of the leadership of
    X"); the object of another verb ("never forget the acquittal of a GI who ...") may still
    be the one criticised."""
    node = token
    for _ in range(MAX_HOPS + 2):
        if node.dep_ in OBJECT_DEPS and node.head.i in inside:
            return node.head.lemma_.lower() in HARM_VERBS
        if node.dep_ not in OBJECT_PATH_DEPS or node.head.i == node.i or node.head.i not in inside:
            return False
        node = node.head
    return False


def party_spoken_of(
    verb: Token, reading: Reading, sources: Sequence[Actor], teller: Token | None = None
) -> list[Actor]:
    """The party a statement of belief or will is about, when it names nobody it is made to:
    the first subject of its reported clauses that is a party besides the speaker ("expressed
    belief that the friendly relations between the two countries would develop": the other
    country; "expressed conviction that the DPRK would win": the DPRK). ``teller``: the verb
    that reports the statement ("Wang Yi said China would expand cooperation"): its subject
    tells of the plan, and is not the one it is about."""
    speakers = [a for a in sources if a.resolved and a.code]
    if not speakers:
        return []
    tellers = set()
    if teller is not None:
        tellers = {t.i for c in teller.children if c.dep_ in SPEAKER_DEPS for t in c.subtree}
    return _first_reported_party(verb, reading, speakers, tellers)


def party_accused(verb: Token, reading: Reading) -> list[Actor]:
    """The party an accusation by a speaker with no code is about, when it names nobody it is
    made against: the first subject of its reported clauses that is a party ("critics alleged
    that Freedonia had armed the militia": Freedonia), as it is when the speaker is known."""
    return _first_reported_party(verb, reading, (), set())


def _first_reported_party(
    verb: Token, reading: Reading, speakers: Sequence[Actor], tellers: set[int]
) -> list[Actor]:
    for word in _reported_words(verb):
        if word.dep_ not in SUBJECT_DEPS or word.i in tellers:
            continue
        heads = [word, *prep_objects(word, ("between", "of"))]
        for head in heads:
            found = [a for a in reading.resolve(head, places=False) if _is_party(a, speakers)]
            if found:
                return found
    return []
