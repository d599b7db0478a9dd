"""Pairing quotation marks, without a model."""

from __future__ import annotations

import pytest

from parley.quotes import QuoteResources
from parley.quotes.marks import MarkTable, find_quoted


@pytest.fixture(scope="module")
def marks(quote_resources: QuoteResources) -> MarkTable:
    return quote_resources.marks


def _inner(text: str, marks: MarkTable) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quoted(text, marks)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “the harbour is closed” today.", ["the harbour is closed"]),
        ('She said "we wait" and left.', ["we wait"]),
        ("''We are ready,'' the minister said.", ["We are ready,"]),
        ("Il a dit « nous partons » hier.", [" nous partons "]),
        ("Er sagte „wir bleiben“ dort.", ["wir bleiben"]),
        ("彼は「帰る」と言った。", ["帰る"]),
        ("“Outer ‘inner words’ outer,” he said.", ["Outer ‘inner words’ outer,"]),
        # Mixed styles, as scraped copy often has them: a curly mark closed by a straight
        # one, and the reverse.
        (
            '“We will win," Berg said. "The quay is ours” he added.',
            ["We will win,", "The quay is ours"],
        ),
    ],
)
def test_marks_pair_every_style(text: str, expected: list[str], marks: MarkTable) -> None:
    assert _inner(text, marks) == expected


def test_marks_unbalanced_quote_is_cut_at_paragraph_end(marks: MarkTable) -> None:
    text = "He said “the ferry never came back.\n\nNext paragraph."
    (q,) = find_quoted(text, marks)
    assert q.unbalanced and not q.continues
    assert text[q.start : q.end] == "“the ferry never came back."


def test_marks_quote_over_two_paragraphs_continues(marks: MarkTable) -> None:
    text = "“First part of the speech.\n\n“Second part,” she said."
    first, second = find_quoted(text, marks)
    assert first.continues and not first.unbalanced
    assert text[second.inner_start : second.inner_end] == "Second part,"


def test_marks_straight_quote_glued_to_word_is_not_an_opening(marks: MarkTable) -> None:
    assert _inner('A 12" pipe and nothing else.', marks) == []
