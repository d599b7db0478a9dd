"""Fuzzing the quote stage: any mix of words, quotation marks and punctuation gives quotes
whose offsets hold, never an exception (textacy's extractors crash on an unbalanced mark).

The whole stage runs on a real parse (the session's spaCy pipeline) with entities built by
hand. Hypothesis is derandomized and keeps no example database: the same examples every run.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.nlp.index import MentionIndex, ParseIndex
from parley.quotes import QuoteResources, find_quotes
from parley.quotes.build import quote_text
from parley.records import Article, Entity, Mention, Quote, Timex

pytestmark = pytest.mark.model

FUZZ = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

NAMES = ("Ines Varga", "Oskar Holm", "the ministry")
WORDS = (
    *NAMES,
    "said",
    "says",
    "told",
    "warned",
    "added",
    "according",
    "to",
    "that",
    "he",
    "she",
    "they",
    "it",
    "called",
    "for",
    "urged",
    "claims",
    "the",
    "deal",
    "talks",
    "will",
    "not",
    "resume",
    "on",
    "Tuesday",
    "a",
    "spokesman",
    "Update",
    "MATTHEWS",
    "who",
    "is",
    "wary",
    "of",
    "expected",
    "in",
    "an",
    "interview",
    "with",
    "Reuters",
    "was",
    "criticized",
    "by",
)
MARKS = ("“", "”", "‘", "’", '"', "'", "''", "``", "«", "»", "„", "「", "」", "『", "』")
PUNCT = (",", ".", ":", ";", "—", "–", "--", "(", ")", "?", "!", "\n", "\n\n", " ", "\xa0")

_piece = st.sampled_from(WORDS) | st.sampled_from(MARKS) | st.sampled_from(PUNCT)
_glue = st.sampled_from(("", " ", " ", " "))
_texts = st.lists(st.tuples(_piece, _glue), max_size=60).map(
    lambda parts: "".join(p + g for p, g in parts)
) | st.text(alphabet=st.sampled_from("ab “”\"'«»:,.\n—"), max_size=40)


def _entities(text: str) -> tuple[Entity, ...]:
    out = []
    for n, name in enumerate(NAMES, 1):
        spans = []
        at = text.find(name)
        while at >= 0:
            spans.append(Mention(at, at + len(name), name))
            at = text.find(name, at + 1)
        kind: Any = "person" if n < 3 else "organization"
        out.append(Entity(f"e{n}", name, kind, None, None, (), None, tuple(spans)))
    return tuple(out)


def _timexes(text: str) -> tuple[Timex, ...]:
    at = text.find("Tuesday")
    return (Timex("Tuesday", "DATE", "2018-11-13", at, at + 7),) if at >= 0 else ()


def _check(text: str, quotes: tuple[Quote, ...]) -> None:
    assert [q.id for q in quotes] == [f"q{i}" for i in range(1, len(quotes) + 1)]
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        # What was said: the fragments as written, an interrupting attribution left out.
        assert q.text == quote_text(text, list(q.fragments))
        assert q.text.startswith(text[q.fragments[0][0] : q.fragments[0][1]])
        assert q.fragments and all(q.start <= s < e <= q.end for s, e in q.fragments)
        for span in (q.speaker_span, q.cue_span):
            assert span is None or 0 <= span[0] < span[1] <= len(text)
        assert q.speaker in (None, "e1", "e2", "e3")
        assert q.kind in ("direct", "indirect", "mixed")


def _run(nlp: Any, resources: QuoteResources, text: str) -> tuple[Quote, ...]:
    parse = ParseIndex.build(nlp(text))
    entities = _entities(text)
    mentions = MentionIndex.build(entities, parse)
    article = Article.from_text(text, id="fuzz", source=None)
    return find_quotes(parse, mentions, article, _timexes(text), resources)


@FUZZ
@given(text=_texts)
def test_quotes_fuzz_any_mix_of_words_and_marks(
    nlp: Any, quote_resources: QuoteResources, text: str
) -> None:
    _check(text, _run(nlp, quote_resources, text))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "“",
        '"',
        "”",
        "“”",
        '""""""',
        "“ ” “ ” “",
        "“We leave today,” Ines Varga said.",  # a quotation at the very start
        "Ines Varga said: “We leave today and we will not come back",  # open at the very end
        "Ines Varga said: “We leave today and we will not come back.”",  # closed at the end
        "” Ines Varga said “",
        "“\n“\n“\n",
        "He said that\n\n“",
        "according to",
        "according to Oskar Holm",
        "Oskar Holm:",
        "OSKAR: “”",
        "“Oskar Holm said,” said Oskar Holm, “said.”",
    ],
)
def test_quotes_edge_texts_give_a_result(
    nlp: Any, quote_resources: QuoteResources, text: str
) -> None:
    _check(text, _run(nlp, quote_resources, text))
