"""Where an article names an issue: the terms of the issue files found on the parse.

A term matches word by word on each token's lower-case form or its lemma ("military
exercise" finds "military exercises"); at each token the longest term wins, so a phrase of
polarity 0 ("trade union") hides the shorter term inside it ("trade"). A term written in
capitals (an acronym: "ISA", "NATO") matches only words written so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from parley.nlp.index import ParseIndex
from parley.stances.lexicon import Term

__all__ = ["TermHit", "TermIndex"]


@dataclass(frozen=True, slots=True)
class TermHit:
    """One term found: its tokens ``[start, end)`` and the token that heads them."""

    term: Term
    start: int
    end: int
    head: int

    @property
    def issue(self) -> str:
        return self.term.issue


@dataclass(frozen=True, slots=True, eq=False)
class TermIndex:
    """Terms by their first word, longest first."""

    by_first: dict[str, tuple[Term, ...]]

    @classmethod
    def build(cls, terms: Iterable[Term]) -> TermIndex:
        grouped: dict[str, dict[tuple[tuple[str, ...], str | None], Term]] = {}
        for term in terms:
            # A later file's entry for the same words replaces an earlier one: the user's
            # issue files come after Parley's own.
            grouped.setdefault(term.words[0], {})[term.words, term.pos] = term
        return cls(
            {
                first: tuple(sorted(group.values(), key=lambda t: -len(t.words)))
                for first, group in grouped.items()
            }
        )

    @property
    def issues(self) -> tuple[str, ...]:
        return tuple(sorted({t.issue for ts in self.by_first.values() for t in ts if t.polarity}))

    def find(self, parse: ParseIndex) -> list[TermHit]:
        """Every term in the parse, left to right, none overlapping another."""
        hits: list[TermHit] = []
        lowers, lemmas, by_first = parse.lowers, parse.lemmas, self.by_first
        # Only tokens that can start a term are tried: a set look-up per word, no Token made.
        starts = [
            i
            for i, (lo, le) in enumerate(zip(lowers, lemmas, strict=False))
            if lo in by_first or le in by_first
        ]
        end = 0
        for i in starts:
            if i < end:
                continue  # inside the last term found
            term = self._match_at(parse, i)
            if term is None:
                continue
            end = i + len(term.words)
            if term.polarity:
                hits.append(TermHit(term, i, end, _head(parse.doc, i, end)))
        return hits

    def _match_at(self, parse: ParseIndex, i: int) -> Term | None:
        lower, lemma = parse.lowers[i], parse.lemmas[i]
        for key in (lower, lemma) if lemma != lower else (lower,):
            for term in self.by_first.get(key, ()):
                if _matches(parse, i, term):
                    return term
        return None


def _matches(parse: ParseIndex, i: int, term: Term) -> bool:
    end = i + len(term.words)
    if end > len(parse.lowers):
        return False
    lowers, lemmas = parse.lowers, parse.lemmas
    if not all(lowers[i + k] == word or lemmas[i + k] == word for k, word in enumerate(term.words)):
        return False
    if term.capitals and not parse.doc[i].text.isupper():
        return False  # "Isa" in a name is not the ISA
    return term.pos is None or len(term.words) > 1 or parse.pos[i] == term.pos


def _head(doc: Doc, start: int, end: int) -> int:
    """The token of ``[start, end)`` whose head lies outside it (the last one otherwise)."""
    for k in range(start, end):
        head = doc[k].head.i
        if head == k or not start <= head < end:
            return k
    return end - 1
