"""Third-person pronouns resolved to people: a simple, documented heuristic.

"he", "his", "him" (and the feminine forms) become mentions of a person named before them in
the same sentence or the one before; a person already called "he" is not later "she", nor is
one whose given name says otherwise ("Bernie Sanders", "Carly Fiorina": the lexicon's
``given_names``). When only one person is in reach, it is theirs. When several are, the
pronoun goes to the one named as a subject, if exactly one of them was ("Aung San Suu Kyi
met Joe Biden. She will visit ..." is Suu Kyi, not the nearest name); otherwise it is left
alone. In the sentence before, a subject is the main clause's ("X said that Y would come.
He left" is X's), and a pronoun already linked stands for its person as a name would ("X
spoke. He flayed ... He urged ..." is X throughout: the second "He" has only the first in
reach). Further back, or with no person in reach, the pronoun is left alone too: a wrong
link costs an analyst more than a missing one ("the institute director could write on his
own authority" names nobody).
A pronoun inside a name the model found ("HE" read as a name) is left to the name: one span
belongs to one entity.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from parley.entities.cluster import Cluster
from parley.entities.lexicon import Lexicon
from parley.nlp import in_main_clause
from parley.nlp.index import ParseIndex

__all__ = ["resolve_pronouns"]

# How many preceding named people to consider before giving up on gender agreement.
_CANDIDATES = 3


def resolve_pronouns(
    parse: ParseIndex, clusters: dict[str, Cluster], lex: Lexicon, pronouns: list[int]
) -> None:
    """Add pronoun mentions to person clusters (in place: the clusters are the stage's own).
    ``pronouns``: the tokens that are listed pronouns, in text order (the phrase matcher's)."""
    named = sorted(
        (
            (cand.start, cluster)
            for cluster in clusters.values()
            if cluster.kind == "person"
            for cand in cluster.cands
        ),
        key=lambda item: item[0],
    )
    if not named or not lex.pronouns:
        return
    for cluster in clusters.values():
        if cluster.kind == "person" and cluster.gender is None:
            cluster.gender = _gender_of_name(cluster, lex.given_names)
    starts = [start for start, _ in named]
    taken = _Taken(clusters)
    doc = parse.doc
    for i in pronouns:
        token = doc[i]
        begin, end = token.idx, token.idx + len(token)
        # A pronoun by its tag ("his", not "HIS" as a name), and no named mention's.
        if token.pos_ not in ("PRON", "DET") or taken.overlaps(begin, end):
            continue
        gender = lex.pronouns[token.text.lower()]
        sentence = parse.sentence_index(begin)
        position = bisect_left(starts, begin) - 1
        reach: dict[int, tuple[Cluster, bool]] = {}  # id(cluster) -> (cluster, as subject)
        for back in range(position, max(position - _CANDIDATES, -1), -1):
            start, cluster = named[back]
            if parse.sentence_index(start) < sentence - 1:
                break
            if cluster.gender not in (None, gender):
                continue
            subject = _is_subject(parse, start, parse.sentence_index(start) < sentence)
            seen = reach.get(id(cluster))
            reach[id(cluster)] = (cluster, subject or (seen is not None and seen[1]))
        chosen = _choose(list(reach.values()))
        if chosen is not None:
            chosen.gender = gender
            chosen.pronouns.append((begin, end, token.text))
            if token.pos_ == "PRON":  # "he", "him"; not a possessive "his" before a noun
                at = bisect_right(starts, begin)
                starts.insert(at, begin)
                named.insert(at, (begin, chosen))


def _gender_of_name(cluster: Cluster, given_names: dict[str, str]) -> str | None:
    """The gender the person's given name says ("Bernie Sanders": m), from their names in
    full (a given name first, then at least one more word); None when they disagree."""
    found = {
        given_names.get(words[0])
        for cand in cluster.cands
        if len(words := cand.text.split()) >= 2
    }
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _is_subject(parse: ParseIndex, start: int, before: bool = False) -> bool:
    """Whether the name starting at ``start`` is the subject of its clause; ``before`` (it
    stands in the sentence before the pronoun's): of its sentence's main clause, or of a verb
    coordinated with it."""
    index = parse.token_at(start)
    if index is None:
        return False
    token = parse.doc[index]
    # The name's head word: the first of its words whose head lies outside the name.
    while token.dep_ in ("compound", "flat") and token.head.i > token.i:
        token = token.head
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if not before:
        return True
    return in_main_clause(token.head)


def _choose(reach: list[tuple[Cluster, bool]]) -> Cluster | None:
    """The one person in reach, or the one subject among several; else nobody."""
    if len(reach) == 1:
        return reach[0][0]
    subjects = [cluster for cluster, subject in reach if subject]
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
