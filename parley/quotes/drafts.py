"""Attribution drafts and the state the passes share, with the span helpers they all use.

A ``Draft`` is an attribution under construction: the passes of ``attribution.py`` make
them, a later pass may add content to an earlier one (a quotation continuing an
attribution), and ``build.py`` turns the final list into ``Quote`` records. ``QuoteState``
holds what every pass reads: the parse, the quoted spans with a token -> quoted-span map,
and which quoted spans an attribution has already claimed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from parley.nlp.index import ParseIndex
from parley.quotes.lexicon import Lexicon
from parley.quotes.marks import Quoted, find_quoted
from parley.quotes.resources import QuoteResources
from parley.quotes.titles import find_titles

__all__ = ["DATELINE", "Draft", "Frag", "QuoteState"]

Frag = tuple[int, int]

# Any whitespace, no-break spaces included (".\xa0" ends many scraped sentences).
_TRIM = " \t\n\r\xa0\u2009\u200a\u202f,.;:—–-"
_ABBREVIATION = re.compile(r"(?<![\w.])(?:[A-Za-z]\.)+[A-Za-z]$")
# Words whose period is their own, not the sentence's: name suffixes, company endings and
# the AP's abbreviations of U.S. states ("Joseph R. Biden Jr.", "Sen. Rand Paul, R-Ky.,",
# "a retiree in Carthage, Ill."). PolNeAR keeps the period (on train, 19 sources lost it and
# with it their closing comma). Source: AP style's state abbreviations (our own list).
_ABBREVIATED_WORD = re.compile(
    r"(?<![\w.'’])(?:Jr|Sr|Inc|Corp|Ltd|Bros|Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind"
    r"|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Vt|Va|Wash|Wis|Wyo)$"
)
UTTERANCE_MARKS = frozenset(",.!?;:")
NAME_WORDS = 8  # the longest name or scare quote in marks that ``is_name`` accepts
# A verb with a tense of its own: past, present; with a modal, what a clause can stand on.
TENSED_TAGS = frozenset({"VBD", "VBZ", "VBP"})
FINITE_TAGS = TENSED_TAGS | {"MD"}

# The dateline that opens a wire story ("WASHINGTON (AP) — ", "Pyongyang, October 31 (KCNA)
# -- "): no part of a content, and never a speaker.
DATELINE = re.compile(
    r"(?:[A-Z][A-Z .'’-]+(?:, [A-Z][\w.]*(?: [\w.]+)*)*(?: \([A-Za-z]+\))?"
    # "Pyongyang, October 31 (KCNA) -- ": a city in title case, the day, the agency.
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+)*, [A-Z][a-z]+\.? \d{1,2} \([A-Z]+\)"
    # "Washington (AFP) – ", "Dec 29 (Reuters) - ": a city in title case or a day, the agency.
    r"|(?:[A-Z][a-z]+(?: [A-Z][a-z]+)*|[A-Z][a-z]{2,4}\.? \d{1,2}) \([A-Z][A-Za-z]+\))"
    # The dash: an em or en dash, a horizontal bar ("WASHINGTON ― "), "--", or a hyphen
    # between spaces ("BRUSSELS - ", "LONDON (Reuters) - ").
    r"(?: ?(?:—|–|―|--) ?| - )"
)


@dataclass(slots=True)
class Draft:
    """An attribution under construction (mutable while passes add fragments)."""

    content: list[Frag]
    source: Frag | None
    cue: Frag | None
    cue_lemma: str | None
    kind: str
    anchor: int  # a character offset in the attribution's sentence (date and venue)
    source_token: int | None = None  # doc index of the source's head token
    cue_token: int | None = None
    unbalanced: bool = False
    inherited: bool = False  # the speaker was carried over from an earlier attribution
    learned: bool = False  # found through a learned frame, not a reporting verb
    # A learned frame whose content is a noun phrase: a stance or act ("praised the party",
    # "laid wreaths"), which PolNeAR marks as an attribution but which says nothing.
    act: bool = False
    addressee: Frag | None = None  # "told VOA": whom the statement was made to
    quoted: list[int] = field(default_factory=list)  # indices of the quoted spans it holds
    # The pass and construction that proposed it (a feature of the attribution model):
    # reported, parenthetical, frame:verb, frame:passive, frame:noun, frame:adj, according,
    # direct:cue, direct:inherited, direct:floating, headline.
    rule: str = ""
    # "X quoted Y as saying ...": the phrase and head token of Y, who says what the content
    # holds, while the source (PolNeAR's) stays X, who reports it.
    voice: tuple[Frag, int] | None = None

    @property
    def start(self) -> int:
        return min(s for s, _ in self.content)

    @property
    def end(self) -> int:
        return max(e for _, e in self.content)


@dataclass(slots=True, eq=False)
class QuoteState:
    """One document's shared look-ups, and the quoted spans claimed so far."""

    parse: ParseIndex
    lex: Lexicon
    quoted: list[Quoted]
    in_quote: list[int]  # for each token, the index of the quoted span it sits in, or -1
    titles: frozenset[int] = frozenset()  # the quoted spans that are titles (``titles``)
    claimed: set[int] = field(default_factory=set)
    # The model's named entities as (first token, end token, label): read once per document
    # instead of each token's entity type per draft.
    entity_spans: tuple[tuple[int, int, str], ...] = ()
    _q_starts: list[int] = field(default_factory=list)
    _q_ends: list[int] = field(default_factory=list)
    # The named entities' first and end tokens: spaCy's entities never overlap and come in
    # order, so both rise and two bisections find those a span touches.
    _e_starts: list[int] = field(default_factory=list)
    _e_ends: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, parse: ParseIndex, resources: QuoteResources) -> QuoteState:
        quoted = find_quoted(parse.text, resources.marks)
        in_quote = [-1] * len(parse.doc)
        # A token is in span q when q is the first span ending after it and it starts
        # inside q: the tokens from the end of every earlier span (or q's start, if later)
        # to q's end. Filled span by span by bisection, not by a walk over every token.
        starts = parse.token_starts
        reached = -1  # the furthest end of the spans before q
        for q, span in enumerate(quoted):
            first = max(reached, span.start)
            if first < span.end:
                lo, hi = bisect_left(starts, first), bisect_left(starts, span.end)
                in_quote[lo:hi] = [q] * (hi - lo)
            reached = max(reached, span.end)
        entity_spans = tuple((e.start, e.end, e.label_) for e in parse.ents)
        titles = find_titles(parse.text, quoted, resources.lexicon.title_nouns)
        return cls(
            parse,
            resources.lexicon,
            quoted,
            in_quote,
            titles=frozenset(t.index for t in titles),
            entity_spans=entity_spans,
            _q_starts=[q.start for q in quoted],
            _q_ends=[q.end for q in quoted],
            _e_starts=[s for s, _, _ in entity_spans],
            _e_ends=[e for _, e, _ in entity_spans],
        )

    @property
    def doc(self) -> Doc:
        return self.parse.doc

    @property
    def text(self) -> str:
        return self.parse.text

    def quotes_in(self, start: int, end: int) -> list[int]:
        """The quoted spans overlapping [start, end), in order. Quoted spans never overlap,
        so their starts and ends both rise and two bisections find them."""
        lo = bisect_right(self._q_ends, start)
        hi = bisect_left(self._q_starts, end)
        return list(range(lo, hi))

    def entities_in(self, first: int, end: int) -> tuple[tuple[int, int, str], ...]:
        """The named entities (first token, end token, label) touching tokens [first, end),
        found by bisection instead of a scan of every entity for every draft."""
        lo = bisect_right(self._e_ends, first)
        hi = bisect_left(self._e_starts, end)
        return self.entity_spans[lo:hi]

    def close_quotes(self, frag: Frag) -> Frag:
        """Widen ``frag`` so that no quotation is cut in half."""
        start, end = frag
        for i in self.quotes_in(start, end):
            start, end = min(start, self.quoted[i].start), max(end, self.quoted[i].end)
        return start, end

    def has_words_outside_quotes(self, start: int, end: int, quotes: list[int]) -> bool:
        pos = start
        for i in quotes:
            q = self.quoted[i]
            if any(ch.isalnum() for ch in self.text[pos : max(pos, q.start)]):
                return True
            pos = max(pos, q.end)
        return any(ch.isalnum() for ch in self.text[pos:end])

    def is_title(self, i: int) -> bool:
        """Whether quoted span ``i`` names a work or a text rather than quotes words
        (``parley.quotes.titles``): 'the joint editorial "Glorify this year ..."', "The Great
        Leader Will Always Be with Us". A work published, posted or proclaimed is a thing done,
        not a statement."""
        return i in self.titles

    def is_name(self, i: int, verb: int | None = None, *, naming: bool = False) -> bool:
        """Whether quoted span ``i`` is a name or a scare quote rather than words said: no
        punctuation of its own, and at most three words with no verb ("the much-touted
        "principled dialogue"", "proclaimed an "emergency measure"") or up to eight making
        one noun phrase, unless that phrase is what the verb of saying ``verb`` takes
        ('argued "just part of the primary campaign"'). A short utterance quoted keeps its
        punctuation ("Disgraceful," he said) or has a verb. ``naming``: the words name a thing
        (what a verb of naming gives it), so a comma or a period before the closing mark is
        the sentence's, set inside the marks ('what they called the "Navy Day," ...')."""
        q = self.quoted[i]
        inner = self.text[q.inner_start : q.inner_end]
        if naming:
            inner = inner.rstrip().rstrip(",.")
        words = len(inner.split())
        if words > NAME_WORDS or any(ch in UTTERANCE_MARKS for ch in inner):
            return False
        parse = self.parse
        starts, pos, deps = parse.token_starts, parse.pos, parse.deps
        lo, hi = bisect_left(starts, q.inner_start), bisect_left(starts, q.inner_end)
        if words > 3:
            # Longer, only a noun phrase with no finite verb names a thing ("plan of jointly
            # coping with local provocation", "special New Year address"); a clause is said.
            tops = [t for t in range(lo, hi) if not lo <= parse.heads[t] < hi]
            return (
                len(tops) == 1
                and pos[tops[0]] in ("NOUN", "PROPN")
                and (verb is None or parse.heads[tops[0]] != verb)
                and not any(parse.tags[t] in FINITE_TAGS for t in range(lo, hi))
            )
        # A participle before a noun ("principled dialogue") describes it, no clause.
        return not any(
            pos[t] in ("VERB", "AUX") and deps[t] not in ("amod", "compound") for t in range(lo, hi)
        )

    def sentence_of(self, offset: int) -> Span:
        """The tokens of the (paragraph-clipped) sentence at ``offset``."""
        start, end = self.parse.clipped_sentence_at(offset)
        span = self.parse.char_span(start, end)
        return span if span is not None else self.doc[0:0]


def trim(text: str, start: int, end: int) -> Frag | None:
    """Drop surrounding spaces and loose punctuation; None when nothing is left."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        if text[end - 1] == "." and (
            _ABBREVIATION.search(text, start, end - 1)
            or _ABBREVIATED_WORD.search(text, start, end - 1)
        ):
            break  # "the U.S.", "Jr.": the period belongs to the abbreviation
        end -= 1
    return (start, end) if end > start else None


def around(text: str, s_start: int, a_start: int, a_end: int, s_end: int) -> list[Frag]:
    """The trimmed pieces of a sentence on either side of its attribution (the content of
    an "according to X" or a parenthetical cue), leaving out the empty ones."""
    pieces = (trim(text, s_start, a_start), trim(text, a_end, s_end))
    return [piece for piece in pieces if piece is not None]


def balance(text: str, start: int, end: int) -> Frag:
    """Close a parenthesis the span opened ("the Voice of America (VOA")."""
    piece = text[start:end]
    if piece.count("(") > piece.count(")") and text[end : end + 1] == ")":
        end += 1
    return start, end


def token_span(tokens: list[Token]) -> Frag:
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)
