"""Resolve a speaker span to a document entity.

In order: an entity mention overlapping the span's head; a pronoun to the nearest
compatible speaker before it (the previous quote's speaker first, since reporters say
"he added" right after naming someone); a description ("the newspaper") to the nearest
entity of a kind it can name. Vague sources ("some analysts") get no entity. The byline's
reporters are never speakers of what the article says.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Token

from parley.nlp.index import MentionIndex, MentionRef
from parley.quotes.lexicon import Lexicon
from parley.records import Entity

__all__ = ["SpeakerResolver"]

_PERSONS = frozenset({"person"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_GROUPS = frozenset({"organization", "media", "country", "group"})


class _Mentions:
    """Mentions in text order (``MentionIndex``'s order) with look-ups by position.

    ``reach[j]`` is the furthest end among the first j + 1 mentions, so the mentions
    overlapping a span are found by walking back from the span's end only while one of them
    can still reach into it: the same mentions, in the same order, as a scan of all."""

    def __init__(self, refs: list[MentionRef]) -> None:
        self.refs = refs
        self.starts = [r.start for r in refs]
        self.reach: list[int] = []
        for r in refs:
            self.reach.append(max(r.end, self.reach[-1]) if self.reach else r.end)
        self._of_kinds: dict[frozenset[str], tuple[list[MentionRef], list[int]]] = {}

    def overlapping(self, start: int, end: int) -> list[MentionRef]:
        out: list[MentionRef] = []
        j = bisect_left(self.starts, end) - 1
        while j >= 0 and self.reach[j] > start:
            if self.refs[j].end > start:
                out.append(self.refs[j])
            j -= 1
        out.reverse()
        return out

    def before(self, offset: int, kinds: frozenset[str]) -> Entity | None:
        """The entity of the last mention (in text order) ending by ``offset`` of one of
        ``kinds``. A mention ending by ``offset`` starts before it, and only the few that
        straddle ``offset`` are skipped on the way back."""
        if kinds not in self._of_kinds:
            chosen = [r for r in self.refs if r.entity.kind in kinds]
            self._of_kinds[kinds] = (chosen, [r.start for r in chosen])
        refs, starts = self._of_kinds[kinds]
        for j in range(bisect_left(starts, offset) - 1, -1, -1):
            if refs[j].end <= offset:
                return refs[j].entity
        return None


class SpeakerResolver:
    """Entity look-ups over one document's mentions."""

    def __init__(
        self, doc: Doc, mentions: MentionIndex, lexicon: Lexicon, authors: tuple[str, ...]
    ) -> None:
        self.doc = doc
        self.lex = lexicon
        banned = {a.casefold() for a in authors}
        self.mentions = _Mentions(
            [r for r in mentions.refs if r.entity.name.casefold() not in banned]
        )

    def at(self, start: int, end: int, head: int | None) -> Entity | None:
        """The entity mentioned in [start, end), preferring the mention of the head word."""
        hits = self.mentions.overlapping(start, end)
        if not hits:
            return None
        if head is not None:
            for r in hits:
                if r.start <= head < r.end:
                    return r.entity
        # The first named entity of "X, a professor at Y" is the speaker, not Y.
        return hits[0].entity

    def _citer(self, antecedent: Token, previous: Entity | None) -> Entity | None:
        """A text that speaks ("a column that warned ...") with no entity of its own speaks
        through whoever cites it: the subject of the verb the text hangs on ("The newspaper
        referred to a column that warned ..."). None when nobody cites it."""
        verb = antecedent.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or subjects[0].i == antecedent.i:
            return None
        subject = subjects[0]
        span = (subject.left_edge.idx, subject.idx + len(subject.text))
        return self.resolve(span, subject.i, previous)

    def before(self, offset: int, kinds: frozenset[str]) -> Entity | None:
        """The entity of the nearest mention ending before ``offset`` of one of ``kinds``."""
        return self.mentions.before(offset, kinds)

    def resolve(
        self, span: tuple[int, int] | None, head_token: int | None, previous: Entity | None
    ) -> Entity | None:
        """The entity a speaker span refers to, or None (vague, unknown, or no span)."""
        if span is None:
            return None
        start, end = span
        head = self.doc[head_token] if head_token is not None else None
        if head is not None and head.lower_ in _RELATIVE:
            clause = head.head
            while clause.dep_ == "conj" and clause.head.i != clause.i:
                clause = clause.head  # "a column that mentioned ... and warned that ..."
            if clause.dep_ == "relcl":
                # "Sanders, who said ...": the speaker is the relative clause's antecedent.
                head = clause.head
                start, end = head.idx, head.idx + len(head.text)
                if self.at(start, end, head.idx) is None:
                    return self._citer(head, previous)
        head_at = head.idx if head is not None else None
        direct = self.at(start, end, head_at)
        if direct is None and head is not None and not start <= head.idx < end:
            # A text that speaks for its author ("The message said:", statement blocks):
            # the span names the text, the head token is the author named elsewhere.
            direct = self.at(head.idx, head.idx + len(head.text), head.idx)
        if direct is not None:
            return direct
        if head is None:
            return None
        word = head.lower_
        if word in self.lex.pronouns:
            kind = self.lex.pronouns[word]
            wanted = _PERSONS if kind == "person" else _GROUPS if kind == "group" else None
            if previous is not None and (wanted is None or previous.kind in wanted):
                return previous
            return self.before(start, wanted or (_PERSONS | _GROUPS))
        lemma = head.lemma_.lower()
        determiners = {c.lower_ for c in head.children if c.dep_ == "det"}
        if lemma in self.lex.vague_heads and "the" not in determiners:
            return None
        kinds = self.lex.descriptions.get(lemma)
        if kinds is not None and determiners & {"the", "this", "that"}:
            if previous is not None and previous.kind in kinds:
                return previous
            return self.before(start, kinds)
        return None
