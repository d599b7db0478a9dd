"""What hangs around the walk's path: who could hold the stance (subjects, agents,
possessors), its modality, and its conditions; and the walk's state (``reading.read_term``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from parley.stances.lexicon import Words

__all__ = [
    "FIRST_PERSON",
    "MAX_HOPS",
    "SUBJECTS",
    "UNSHARED",
    "Bounds",
    "Candidate",
    "Walk",
    "candidates_of",
    "conditions_of",
    "modality_of",
    "norm",
    "opens_condition",
    "subject_above",
]

MAX_HOPS = 12
SUBJECTS = frozenset({"nsubj", "csubj"})
# Links across which the head's own act does not reach the token: "lift sanctions and resume
# talks" does not lift the talks.
UNSHARED = frozenset({"conj", "appos", "cc", "parataxis", "dep", "list", "meta"})
RELATIVE = frozenset({"that", "which", "who", "whom"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "ours"})

Bounds = tuple[int, int]  # characters of the evidence the walk stays inside


def norm(text: str) -> str:
    """Lower case with typographic apostrophes made plain ("they’ll" -> "they'll")."""
    return text.lower().replace("\u2019", "'")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A subject, agent or possessor met on the way: the token, the word it hangs on and how
    many steps up the path that word is, the sign the words up to it give (None when none
    decided anything), whether it is a possessor, and whether its word is a stance word."""

    token: int
    governor: int
    hop: int
    sign: int | None
    possessor: bool
    stance: bool


@dataclass
class Walk:
    words: Words
    modality_words: dict[str, str]
    conditions: dict[tuple[str, ...], str]
    polarity: int
    term: int
    act_sign: int = 1
    acted: int | None = None  # the first act or stance word's token
    flips: int = 1
    evals: list[tuple[int, int]] = field(default_factory=list)  # (sign, token)
    mode: str | None = None
    modality: str | None = None
    obligation: bool = False
    condition: tuple[int, int] | None = None
    candidates: list[Candidate] = field(default_factory=list)
    first_person: bool = False
    undecided: bool = False
    stance_words: set[int] = field(default_factory=set)  # tokens read as stance words
    hop: int = 0  # the step of the word being read (the term is 0)
    top_hop: int | None = None
    top_judgement: bool = False  # the topmost word is a judgement ("illegal", "a right")
    # A judging noun read last (its token and the sign it gave): "the provocation", "the
    # threat", which an act above it may take as its object (``reading._read_head``).
    named: tuple[int, int] | None = None

    def sign_so_far(self) -> int | None:
        if self.acted is not None:
            return self.act_sign * self.flips * self.polarity
        if self.evals:
            return self.evals[0][0] * self.flips * self.polarity
        return None


def candidates_of(parent: Token, prev: Token, walk: Walk) -> None:
    if prev.dep_ in UNSHARED and any(
        c.dep_ in SUBJECTS or c.dep_ == "nsubjpass" for c in prev.children
    ):
        return  # "he needs results, and it's essential to ease sanctions": not his words
    sign = walk.sign_so_far()
    stance = parent.i in walk.stance_words
    for child in parent.children:
        if child.i == prev.i:
            continue
        if child.dep_ in SUBJECTS and any(
            g.dep_ == "det" and norm(g.text) in walk.words.negators for g in child.children
        ):
            walk.flips *= -1  # "no president could waive sanctions": nobody does
        if child.dep_ in SUBJECTS or child.dep_ == "poss":
            token = _antecedent(parent, child)
            possessor = child.dep_ == "poss"
            walk.candidates.append(Candidate(token, parent.i, walk.hop, sign, possessor, stance))
            walk.first_person |= norm(child.text) in FIRST_PERSON
        elif child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    walk.candidates.append(Candidate(g.i, parent.i, walk.hop, sign, False, stance))


def subject_above(prev: Token, parent: Token, bounds: Bounds, walk: Walk) -> None:
    """Climb on from an adjunct collecting no meaning, only the first subject met and the
    modal words on the way: in "in order to realize denuclearization, the U.S. should drop
    its hostile policy" the U.S. is asked (an obligation), and holds nothing by being named."""
    for _ in range(MAX_HOPS):
        if not bounds[0] <= parent.idx < bounds[1]:
            return
        modality_of(parent, prev, walk)
        before = len(walk.candidates)
        candidates_of(parent, prev, walk)
        if len(walk.candidates) > before or parent.head.i == parent.i:
            return
        prev, parent = parent, parent.head


def _antecedent(verb: Token, subject: Token) -> int:
    """A relative pronoun's noun: in "a column that mentioned X" the column says it."""
    if subject.lower_ in RELATIVE and verb.dep_ == "relcl":
        return verb.head.i
    return subject.i


def modality_of(parent: Token, prev: Token, walk: Walk) -> None:
    cues = walk.modality_words
    found: list[str] = []
    for child in parent.children:
        word = norm(child.text)
        if word not in cues:
            continue
        if child.dep_ in ("aux", "auxpass") and (child.tag_ == "MD" or word == "going"):
            found.append(cues[word])  # a modal, not the perfect's "have"
        elif child.dep_ in ("advmod", "acomp"):
            found.append(cues[word])  # "had better", "well advised", "it is essential"
    if prev.dep_ == "xcomp" and parent.lemma_.lower() in cues:
        found.append(cues[parent.lemma_.lower()])  # "plan to", "have to", "need to"
    for value in found:
        if value == "obligation":
            walk.obligation = True
        elif walk.modality is None or value == "hypothetical":
            walk.modality = value


def conditions_of(doc: Doc, token: Token, prev: Token | None, walk: Walk) -> None:
    if walk.condition is not None:
        return
    for child in token.children:
        if prev is not None and child.i == prev.i:
            continue
        if opens_condition(doc, child, walk.conditions):
            walk.condition = (child.left_edge.i, child.right_edge.i + 1)
            return
        if child.dep_ == "mark" and child.i < token.i and (norm(child.text),) in walk.conditions:
            # "if ..., there's no need": the parser hung the subordinator on the main verb;
            # the condition runs to the last comma before it.
            commas = [k for k in range(child.i + 1, token.i) if doc[k].text == ","]
            walk.condition = (child.i, commas[-1] if commas else token.i)
            return


def opens_condition(doc: Doc, token: Token, conditions: dict[tuple[str, ...], str]) -> bool:
    """Whether the clause or phrase headed by ``token`` opens with a condition word."""
    if token.dep_ not in ("advcl", "prep", "pcomp"):
        return False
    start = token.left_edge.i
    if token.dep_ != "advcl" and start != token.i:
        return False  # a preposition's phrase opens with the preposition: "until", "before"
    for words in conditions:
        end = start + len(words)
        if end <= len(doc) and tuple(norm(t.text) for t in doc[start:end]) == words:
            return True
    return False
