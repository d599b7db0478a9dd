"""The quote stage's indexed look-ups give what a scan of everything gave.

The refactor replaced scans of every quoted span, mention, draft and timex (quadratic on
long articles) with bisections; each look-up is checked here against the plain definition
it replaced, on random inputs. No model: the parse is spaCy's blank English tokenizer.
"""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Span

from parley.nlp.index import MentionRef, ParseIndex
from parley.quotes import QuoteResources
from parley.quotes.attribution import _drop_nested
from parley.quotes.build import DateFinder
from parley.quotes.direct import _at_most_one_paragraph, _paragraph_start, _Spoken
from parley.quotes.drafts import Draft, QuoteState
from parley.quotes.speakers import _Mentions
from parley.records import Entity, Timex

LOOKUPS = settings(max_examples=60, deadline=None, derandomize=True, database=None)
_NLP = spacy.blank("en")

_spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 12)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=25,
)


def _draft(content: list[tuple[int, int]], *, source: bool = True, learned: bool = False) -> Draft:
    cue = (content[0][0], content[0][0] + 1)
    return Draft(
        list(content), (0, 1) if source else None, cue, "say", "direct", 0, learned=learned
    )


@LOOKUPS
@given(
    text=st.text(alphabet=st.sampled_from('ab “”"«»\n'), max_size=50),
    start=st.integers(0, 50),
    width=st.integers(0, 20),
)
def test_lookups_quotes_in_matches_a_scan(
    quote_resources: QuoteResources, text: str, start: int, width: int
) -> None:
    state = QuoteState.build(ParseIndex.build(_NLP(text)), quote_resources)
    end = start + width
    expected = [i for i, q in enumerate(state.quoted) if q.start < end and q.end > start]
    assert state.quotes_in(start, end) == expected


def _entity(n: int) -> Entity:
    kind = ("person", "organization", "country")[n % 3]
    return Entity(f"e{n}", f"E{n}", kind, None, None, (), None, ())  # type: ignore[arg-type]


@LOOKUPS
@given(spans=_spans, start=st.integers(0, 70), width=st.integers(1, 15))
def test_lookups_mentions_match_a_scan(
    spans: list[tuple[int, int]], start: int, width: int
) -> None:
    refs = sorted(
        (MentionRef(s, e, "x", _entity(n)) for n, (s, e) in enumerate(spans)),
        key=lambda r: (r.start, r.end),
    )
    mentions = _Mentions(refs)
    end = start + width
    assert mentions.overlapping(start, end) == [r for r in refs if r.start < end and r.end > start]
    for kinds in (frozenset({"person"}), frozenset({"organization", "country"})):
        scan = next(
            (r.entity for r in reversed(refs) if r.end <= start and r.entity.kind in kinds), None
        )
        assert mentions.before(start, kinds) is scan


@LOOKUPS
@given(
    spans=_spans,
    sentence=st.tuples(st.integers(0, 40), st.integers(0, 40)),
    content=st.tuples(st.integers(0, 60), st.integers(1, 10)),
)
def test_lookups_date_matches_a_scan(
    spans: list[tuple[int, int]], sentence: tuple[int, int], content: tuple[int, int]
) -> None:
    timexes = tuple(
        Timex("x", "DATE" if n % 4 else "TIME", f"20{n:02d}", s, e)
        for n, (s, e) in enumerate(spans)
    )
    lo, hi = min(sentence), max(sentence) + 20
    draft = _draft([(content[0], content[0] + content[1])])
    assert draft.cue is not None
    dates = [
        t
        for t in timexes
        if t.type == "DATE"
        and lo <= t.start
        and t.end <= hi
        and not any(s <= t.start and t.end <= e for s, e in draft.content)
    ]
    scan = min(dates, key=lambda t: abs(t.start - draft.cue[0])).value if dates else None  # type: ignore[index]
    assert DateFinder(timexes).date((lo, hi), draft) == scan


@LOOKUPS
@given(
    contents=st.lists(_spans.filter(bool), max_size=8), learned=st.lists(st.booleans(), max_size=8)
)
def test_lookups_nested_learned_matches_a_scan(
    contents: list[list[tuple[int, int]]], learned: list[bool]
) -> None:
    drafts = [_draft(c, learned=n < len(learned) and learned[n]) for n, c in enumerate(contents)]

    def nested(d: Draft) -> bool:
        assert d.cue is not None
        at = d.cue[0]
        return any(o is not d and any(s <= at < e for s, e in o.content) for o in drafts)

    kept = _drop_nested(drafts, lambda d: d.learned)
    assert kept == [d for d in drafts if not (d.learned and nested(d))]


@LOOKUPS
@given(
    steps=st.lists(
        st.tuples(st.booleans(), st.integers(0, 80), st.integers(1, 9), st.booleans()), max_size=20
    ),
    offset=st.integers(0, 100),
)
def test_lookups_last_speaker_draft_matches_a_scan(
    steps: list[tuple[bool, int, int, bool]], offset: int
) -> None:
    spoken = _Spoken([])
    for extend, start, width, source in steps:
        if extend and spoken.drafts:
            spoken.extend(spoken.drafts[start % len(spoken.drafts)], [(start, start + width)], [])
        else:
            spoken.add(_draft([(start, start + width)], source=source))
        before = [d for d in spoken.drafts if d.end <= offset and d.source is not None]
        assert spoken.before(offset) is (max(before, key=lambda d: d.end) if before else None)


@LOOKUPS
@given(
    text=st.text(alphabet=st.sampled_from("a \n\t"), max_size=30),
    a=st.integers(0, 30),
    b=st.integers(0, 30),
)
def test_lookups_paragraph_tests_match_their_definitions(text: str, a: int, b: int) -> None:
    a, b = min(a, b, len(text)), min(max(a, b), len(text))
    lines = sum(1 for line in text[a:b].split("\n") if line.strip())
    assert _at_most_one_paragraph(text, a, b) == (lines <= 1)
    line_start = text.rfind("\n", 0, b) + 1
    assert _paragraph_start(text, b) == (not text[line_start:b].strip())


@LOOKUPS
@given(
    cuts=st.lists(st.tuples(st.integers(0, 30), st.integers(1, 4)), max_size=8),
    first=st.integers(0, 35),
    width=st.integers(0, 10),
)
def test_lookups_entities_in_matches_a_scan(
    quote_resources: QuoteResources, cuts: list[tuple[int, int]], first: int, width: int
) -> None:
    doc = _NLP(" ".join(f"w{i}" for i in range(40)))
    spans, reached = [], 0
    for start, length in sorted(cuts):  # entities in order, never overlapping
        if start >= reached:
            spans.append(Span(doc, start, start + length, label="ORG"))
            reached = start + length
    doc.ents = spans
    state = QuoteState.build(ParseIndex.build(doc), quote_resources)
    end = first + width
    expected = tuple(s for s in state.entity_spans if s[0] < end and first < s[1])
    assert state.entities_in(first, end) == expected
