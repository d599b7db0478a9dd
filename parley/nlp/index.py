"""One index of an article's parse, built once and read by every later stage.

spaCy's ``Doc.text`` joins every token on each access and ``Token.sent`` walks the sentences on
every call; stages that each built their own look-up tables paid for the same work three times.
``ParseIndex`` holds the text, the sentences and the token offsets; ``MentionIndex`` adds the
entity stage's mentions (by character and by token) for the stages after it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from operator import itemgetter

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS, TAG
from spacy.tokens import Doc, Span

from parley.records import Entity

__all__ = ["MentionIndex", "MentionRef", "ParseIndex"]

Offsets = tuple[int, int]
_LINE_BREAK = re.compile("\n")


_Columns = tuple[tuple[str, ...], ...]


def _token_columns(doc: Doc) -> tuple[_Columns, tuple[int, ...]]:
    """Every token's lower-case form, lower-case lemma, coarse POS, fine tag and dependency
    label, from one array read (each distinct string id looked up once), and the index of
    each token's syntactic head."""
    if not len(doc):
        return ((), (), (), (), ()), ()
    strings = doc.vocab.strings
    array = doc.to_array([LOWER, LEMMA, POS, TAG, DEP, HEAD])
    # HEAD is the offset to the head, stored unsigned: read back as signed, it is added to
    # each token's own index.
    heads = (numpy.arange(len(doc)) + array[:, 5].astype("int64")).tolist()
    # The ids are 64-bit hashes: turned into Python ints one per token they cost more than
    # the look-ups, so each column is reduced to its distinct ids and small positions first.
    keys, positions = numpy.unique(array[:, :5], return_inverse=True)
    found = [strings[key] for key in keys.tolist()]
    lowered = [value.lower() for value in found]
    rows = positions.reshape(-1, 5).T.tolist()
    columns = (
        tuple(map(found.__getitem__, rows[0])),
        tuple(map(lowered.__getitem__, rows[1])),
        tuple(map(found.__getitem__, rows[2])),
        tuple(map(found.__getitem__, rows[3])),
        tuple(map(found.__getitem__, rows[4])),
    )
    return columns, tuple(heads)


def _dependents(heads: Sequence[int], sents: Sequence[Span]) -> tuple[tuple[int, ...], ...]:
    """Each token's dependents in its own sentence, in text order (``Token.children``)."""
    found: list[list[int]] = [[] for _ in heads]
    bounds = [(s.start, s.end) for s in sents] if sents else [(0, len(heads))]
    for first, end in bounds:
        for j in range(first, end):
            head = heads[j]
            if head != j and first <= head < end:
                found[head].append(j)
    return tuple(map(tuple, found))


@dataclass(frozen=True, slots=True, eq=False)
class ParseIndex:
    """The parse of ``text`` with its sentences and token offsets."""

    doc: Doc
    text: str
    sents: tuple[Span, ...]
    sent_starts: tuple[int, ...]  # character offset of each sentence's start
    sent_ends: tuple[int, ...]
    token_starts: tuple[int, ...]  # character offset of each token
    token_ends: tuple[int, ...]  # character offset after each token
    line_breaks: tuple[int, ...] = ()  # offset of every "\n" in the text
    # Each token's lower-case form, lower-case lemma and coarse part of speech, read once:
    # the stages' word look-ups scan these strings instead of making a spaCy ``Token`` per
    # word per pass (a quarter of the stages' time went on creating them).
    lowers: tuple[str, ...] = ()
    lemmas: tuple[str, ...] = ()
    pos: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()  # fine-grained tags ("VBG")
    deps: tuple[str, ...] = ()  # dependency labels
    heads: tuple[int, ...] = ()  # the index of each token's head (its own for a root)
    # Each token's dependents in text order, read off ``heads`` once per doc: the stages'
    # walks ask for them hundreds of thousands of times an article set, and each
    # ``Token.children`` made a Token for every dependent before its label was read.
    dependents: tuple[tuple[int, ...], ...] = ()
    # The model's named entities, made once: spaCy builds new spans on every ``Doc.ents``.
    ents: tuple[Span, ...] = ()

    @classmethod
    def build(cls, doc: Doc, text: str | None = None) -> ParseIndex:
        """The index of ``doc``; ``text``, when the caller has it, is the string the doc was
        made from (spaCy's ``Doc.text`` rebuilds it from every token)."""
        sents: tuple[Span, ...] = ()
        if len(doc) and doc.has_annotation("SENT_START"):
            sents = tuple(doc.sents)
        elif len(doc):
            sents = (doc[:],)
        if text is None:
            text = doc.text
        (lowers, lemmas, pos, tags, deps), heads = _token_columns(doc)
        starts: tuple[int, ...] = tuple(doc.to_array("IDX").tolist()) if len(doc) else ()
        return cls(
            doc=doc,
            text=text,
            sents=sents,
            sent_starts=tuple(s.start_char for s in sents),
            sent_ends=tuple(s.end_char for s in sents),
            token_starts=starts,
            token_ends=tuple(map(int.__add__, starts, doc.to_array("LENGTH").tolist())),
            line_breaks=tuple(m.start() for m in _LINE_BREAK.finditer(text)),
            lowers=lowers,
            lemmas=lemmas,
            pos=pos,
            tags=tags,
            deps=deps,
            heads=heads,
            dependents=_dependents(heads, sents),
            ents=tuple(doc.ents),
        )

    def sentence_index(self, offset: int) -> int:
        """The index of the sentence holding ``offset`` (the first one before any sentence)."""
        return max(bisect_right(self.sent_starts, offset) - 1, 0)

    def sentence_bounds(self, index: int) -> Offsets:
        """The character bounds of sentence ``index`` (the whole text when there is none)."""
        if not self.sents:
            return 0, len(self.text)
        return self.sent_starts[index], self.sent_ends[index]

    def sentence_at(self, offset: int) -> Offsets:
        """The bounds of the sentence holding ``offset``."""
        return self.sentence_bounds(self.sentence_index(offset))

    def clipped_sentence_at(self, offset: int) -> Offsets:
        """The sentence holding ``offset``, clipped to its paragraph: the parser sometimes runs
        a sentence over a line break, and no statement or event crosses one."""
        breaks = self.line_breaks
        b = bisect_left(breaks, offset)  # the first break at or after ``offset``
        p_start = breaks[b - 1] + 1 if b > 0 else 0
        p_end = breaks[b] if b < len(breaks) else len(self.text)
        i = bisect_right(self.sent_starts, offset) - 1
        if i < 0:
            return p_start, p_end
        return max(self.sent_starts[i], p_start), min(self.sent_ends[i], p_end)

    def token_at(self, offset: int) -> int | None:
        """The index of the token that starts exactly at ``offset``."""
        position = bisect_right(self.token_starts, offset) - 1
        if position >= 0 and self.token_starts[position] == offset:
            return position
        return None

    def token_covering(self, offset: int) -> int | None:
        """The index of the token whose characters include ``offset``."""
        position = bisect_right(self.token_starts, offset) - 1
        if position < 0:
            return None
        return position if offset < self.token_ends[position] else None

    def sentence_tokens(self, sentence: int) -> range:
        """The indices of the tokens of sentence ``sentence`` (empty when its start is no
        token's)."""
        first, last = self.sentence_bounds(sentence)
        low = self.token_covering(first)
        if low is None:
            return range(0)
        return range(low, bisect_left(self.token_starts, last, lo=low))

    def starts_sentence(self, token: int) -> bool:
        """Whether token ``token`` begins a sentence (``Token.is_sent_start`` of a parsed doc)."""
        if token == 0:
            return True
        offset = self.token_starts[token]
        k = bisect_left(self.sent_starts, offset)
        return k < len(self.sent_starts) and self.sent_starts[k] == offset

    def token_range(self, start: int, end: int) -> tuple[int, int] | None:
        """The first token and the end token of those at least partly inside characters
        [start, end), as spaCy's ``Doc.char_span(..., alignment_mode="expand")`` takes them (a
        start in the space after a token begins at the next token), found on the offsets
        without spaCy's own token look-ups; None where spaCy gives no span."""
        starts, length = self.token_starts, len(self.text)
        if not starts or not 0 <= start < length or not 0 < end <= length:
            return None
        first = bisect_right(starts, start) - 1
        last = bisect_right(starts, end - 1) - 1
        if start == self.token_ends[first]:
            first += 1
        return (first, last + 1) if first <= last + 1 else None

    def char_span(self, start: int, end: int) -> Span | None:
        """The span of ``token_range``."""
        found = self.token_range(start, end)
        return self.doc[found[0] : found[1]] if found is not None else None

    def children(self, token: int) -> list[int]:
        """The indexes of ``token``'s syntactic dependents, in order (as ``Token.children``
        gives them, without making a ``Token`` for each): a dependent is always in its
        head's sentence."""
        return list(self.dependents[token])

    def sentence_end_token(self, token: int) -> int:
        """The index after the last token of the sentence holding token ``token``."""
        if not self.sents:
            return len(self.token_starts)
        return self.sents[self.sentence_index(self.token_starts[token])].end


@dataclass(frozen=True, slots=True)
class MentionRef:
    """One mention of an entity: its offsets, words and the entity."""

    start: int
    end: int
    text: str
    entity: Entity


# A mention's place in text order, then its entity's in the list: never the records (two
# entities may share a span, and records do not compare).
_POSITION = itemgetter(0, 1, 2)
_GLUE_HYPHENS = frozenset("-‐–")


def _starts_word(starts: Sequence[int], offset: int) -> bool:
    i = bisect_left(starts, offset)
    return i < len(starts) and starts[i] == offset


@dataclass(frozen=True, slots=True, eq=False)
class MentionIndex:
    """The entities' mentions in text order, looked up by characters or tokens.

    The entity stage gives no span to two entities; should a caller's entities share one, the
    order falls back to the entity's position in the list, so sorting never compares entities
    (comparing them crashed a whole article once).
    """

    refs: tuple[MentionRef, ...]
    starts: tuple[int, ...]
    by_id: dict[str, Entity] = field(default_factory=dict)
    by_token: dict[int, Entity] = field(default_factory=dict)
    longest: int = 0  # characters of the longest mention: how far back one can reach
    # One byte per character, 1 where some mention lies: most look-ups are of words no
    # mention covers, answered by one search of these bytes instead of a walk of mentions.
    cover: bytearray = field(default_factory=bytearray)
    # Starts of mentions glued by a hyphen to the one before ("ROK" of "U.S.-ROK", which the
    # tokenizer keeps one word): a look-up of that word gets its first country, not these.
    glued: frozenset[int] = frozenset()
    # The parse the mentions were indexed on, for the later stages' walks of its words.
    parse: ParseIndex | None = None

    @classmethod
    def build(cls, entities: Sequence[Entity], parse: ParseIndex | None = None) -> MentionIndex:
        keyed = [
            (m.start, m.end, n, m, e)
            for n, e in enumerate(entities)
            for m in e.mentions
            if m.end > m.start
        ]
        keyed.sort(key=_POSITION)
        refs = tuple(MentionRef(start, end, m.text, e) for start, end, _, m, e in keyed)
        by_token: dict[int, Entity] = {}
        glued: frozenset[int] = frozenset()
        if parse is not None:
            text, starts = parse.text, parse.token_starts
            glued = frozenset(
                ref.start
                for before, ref in pairwise(refs)
                if ref.start == before.end + 1
                and text[before.end] in _GLUE_HYPHENS
                and not _starts_word(starts, ref.start)
            )
            for ref in refs:
                first = bisect_right(starts, ref.start - 1)
                for i in range(first, bisect_left(starts, ref.end, first)):
                    by_token.setdefault(i, ref.entity)
        cover = bytearray(max((r.end for r in refs), default=0))
        for ref in refs:
            cover[ref.start : ref.end] = b"\x01" * (ref.end - ref.start)
        return cls(
            refs=refs,
            starts=tuple(r.start for r in refs),
            by_id={e.id: e for e in entities},
            by_token=by_token,
            longest=max((r.end - r.start for r in refs), default=0),
            cover=cover,
            glued=glued,
            parse=parse,
        )

    def overlapping(self, start: int, end: int) -> list[MentionRef]:
        """Every mention overlapping [start, end), in text order."""
        out: list[MentionRef] = []
        if end > start and self.cover.find(1, start, end) < 0:
            return out
        i = bisect_right(self.starts, end - 1)
        # Mentions are short; look back a bounded way for ones that began before ``start``.
        for j in range(i - 1, max(-1, i - 40), -1):
            ref = self.refs[j]
            if ref.start + self.longest <= start:
                break  # this mention and every earlier one end before ``start``
            if ref.start < end and ref.end > start:
                out.append(ref)
        out.reverse()
        return out

    def at(self, start: int, end: int) -> MentionRef | None:
        """The longest mention overlapping [start, end) (the first of equals in text order)."""
        # ``overlapping``'s walk without its list: the stages ask this of most nouns and
        # verbs, and most of those lie in no mention (the byte search answers them).
        if end > start and self.cover.find(1, start, end) < 0:
            return None
        best: MentionRef | None = None
        refs, longest = self.refs, self.longest
        i = bisect_right(self.starts, end - 1)
        for j in range(i - 1, max(-1, i - 40), -1):
            ref = refs[j]
            if ref.start + longest <= start:
                break
            # Walking back, ``>=`` keeps the earlier of two equally long mentions.
            if (
                ref.start < end
                and ref.end > start
                and (best is None or ref.end - ref.start >= best.end - best.start)
                and not (ref.start in self.glued and refs[j - 1].end > start)
            ):
                best = ref
        return best

    def before(self, offset: int, person: bool | None = None) -> MentionRef | None:
        """The last mention ending at or before ``offset`` (of a person or not, when asked)."""
        i = bisect_right(self.starts, offset - 1)
        for j in range(i - 1, max(-1, i - 60), -1):
            ref = self.refs[j]
            if ref.end > offset:
                continue
            if person is None or (ref.entity.kind == "person") == person:
                return ref
        return None

    def distinct_before(self, offset: int, count: int, *, people: bool = False) -> list[MentionRef]:
        """The last ``count`` distinct entities mentioned before ``offset``: not persons unless
        ``people``."""
        found: list[MentionRef] = []
        i = bisect_right(self.starts, offset - 1)
        for j in range(i - 1, max(-1, i - 80), -1):
            ref = self.refs[j]
            if ref.end > offset or (ref.entity.kind == "person" and not people):
                continue
            if all(f.entity.id != ref.entity.id for f in found):
                found.append(ref)
            if len(found) == count:
                break
        return list(reversed(found))

    def entity_of_token(self, token: int) -> Entity | None:
        """The entity whose mention covers token ``token`` (needs the index built with a parse)."""
        return self.by_token.get(token)
