"""The discourse around a pronoun or a description that speaks: which attributions lie
inside what someone else says, the speaker the report is following, and the subjects of
the sentences just before.

A reporter writes "he said", "it noted", "the commentary added" about whoever the report
is following: the speaker of the last attribution made in the reporter's own voice, or
else the subject of the sentences just before. Words inside someone's quote are that
speaker's, not the report's: a "we" there is the speaker, a "they" someone the speaker
talks about, and a country the quote names is never who is quoting it. Only the few
tokens of the sentences before a pronoun are read, never the whole text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from parley.nlp.index import ParseIndex
from parley.quotes.drafts import Draft

__all__ = ["Contents", "Said", "clause_subjects", "is_plural", "recent_subjects"]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_PLURAL_PRONOUNS = frozenset({"they", "we", "them", "us"})
# How many sentences before a pronoun's own are read for its antecedent.
SUBJECT_REACH = 2


@dataclass(frozen=True, slots=True)
class Said:
    """The attribution a report is following: its speaker (None when the words name
    nobody Parley can resolve), whether the speaker as written is plural, and whether it
    is a person ("the permanent observer of Palestine" is one, though the entity its words
    resolve to is the country), and whether the words name a text that speaks for its
    author ("the message said": an "it" after it is the message, whoever wrote it)."""

    entity_id: str | None
    plural: bool
    person: bool = False
    text: bool = False


class Contents:
    """Every draft's content pieces by where they start, with the furthest end so far, so
    "which draft's words hold this offset" is a bisection and a short walk back."""

    def __init__(self, drafts: Sequence[Draft]) -> None:
        self._drafts = drafts
        pieces = sorted((s, e, n) for n, d in enumerate(drafts) for s, e in d.content)
        self._starts = [s for s, _, _ in pieces]
        self._pieces = pieces
        self._reach: list[int] = []
        for _, e, _ in pieces:
            self._reach.append(max(e, self._reach[-1]) if self._reach else e)

    def holders(self, at: int) -> list[int]:
        """The drafts whose content holds offset ``at``, innermost (latest start) first."""
        out: list[int] = []
        j = bisect_right(self._starts, at) - 1
        while j >= 0 and self._reach[j] > at:
            s, e, n = self._pieces[j]
            if s <= at < e and n not in out:
                out.append(n)
            j -= 1
        return out

    def enclosing(self, n: int, draft: Draft) -> int | None:
        """The draft whose words hold draft ``n``'s attribution (its cue, else its source):
        the innermost one other than itself; None for an attribution in the report's own
        voice."""
        anchor = _anchor(draft)
        if anchor is None or draft.rule == "block":
            return None  # a statement block's introduction is the report's own paragraph
        return next(
            (m for m in self.holders(anchor) if m != n and not self._holds(n, draft, m)), None
        )

    def _holds(self, n: int, draft: Draft, m: int) -> bool:
        """Whether draft ``n``'s content holds draft ``m``'s attribution: two drafts each
        inside the other's words ("X, the statement said" read twice) nest in neither."""
        anchor = _anchor(self._drafts[m])
        return anchor is not None and any(s <= anchor < e for s, e in draft.content)


def _anchor(draft: Draft) -> int | None:
    where = draft.cue or draft.source
    return where[0] if where is not None else None


def is_plural(token: Token) -> bool:
    """A plural noun phrase: a plural noun or pronoun, or names joined by "and"."""
    if token.lower_ in _PLURAL_PRONOUNS or token.tag_ in _PLURAL_TAGS:
        return True
    return any(c.dep_ == "conj" for c in token.children) and any(
        c.dep_ == "cc" and c.lower_ == "and" for c in token.children
    )


def clause_subjects(pronoun: Token) -> list[Token]:
    """The subjects of the clauses above the pronoun's own, in its sentence and before it,
    nearest first ("The warmongers are mistaken if they think ...": "warmongers"). None
    for a pronoun of the main clause ("..., it said"): the parser makes a parenthetical
    attribution the sentence's root, so what it reports is never its antecedent."""
    out: list[Token] = []
    verb = pronoun.head
    while verb.head.i != verb.i:
        verb = verb.head
        subject = next(
            (c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.i < pronoun.i), None
        )
        if subject is not None:
            out.append(subject)
    return out


def recent_subjects(parse: ParseIndex, pronoun: Token) -> list[Token]:
    """The subjects of the main clauses of the ``SUBJECT_REACH`` sentences before the
    pronoun's, nearest first."""
    out: list[Token] = []
    if not parse.sents:
        return out
    own = parse.sentence_index(pronoun.idx)
    for k in range(own - 1, max(own - 1 - SUBJECT_REACH, -1), -1):
        root = parse.sents[k].root
        subjects = [c for c in root.children if c.dep_ in _SUBJECT_DEPS]
        if subjects:
            out.append(subjects[0])
    return out
