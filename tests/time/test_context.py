"""Which words count as an expression's context: the sentences given by the parse, or the
regex splitter's when none are given. Texts written for these tests; dated Monday
2018-11-12, so a forward-leaning "Friday" is 11-16 and a past one 11-09."""

from __future__ import annotations

import pytest

from parley.time.context import sentence_cuts
from tests.time.conftest import Tag

TEXT = "Aides will travel to Hanoi Friday."


def _friday(tag: Tag, text: str, sentences: tuple[tuple[int, int], ...] | None) -> str:
    return next(t.value for t in tag(text, sentences=sentences) if t.text == "Friday")


def test_context_forward_cue_in_the_same_sentence(tag: Tag) -> None:
    assert _friday(tag, TEXT, None) == "2018-11-16"
    assert _friday(tag, TEXT, ((0, len(TEXT)),)) == "2018-11-16"


def test_context_given_sentences_replace_the_regex_splitter(tag: Tag) -> None:
    # A parse that ends a sentence before "Friday" puts "will" out of its reach.
    cut = TEXT.index("Friday")
    assert _friday(tag, TEXT, ((0, cut - 1), (cut, len(TEXT)))) == "2018-11-09"


def test_context_regex_splitter_when_no_sentences_are_given(tag: Tag) -> None:
    text = "Aides will travel. Friday looks busy."
    assert _friday(tag, text, None) == "2018-11-09"
    # Given as one sentence, the cue reaches it again.
    assert _friday(tag, text, ((0, len(text)),)) == "2018-11-16"


def test_context_no_sentences_given_means_one_sentence(tag: Tag) -> None:
    text = "Aides will travel. Friday looks busy."
    assert _friday(tag, text, ()) == "2018-11-16"


@pytest.mark.parametrize(
    ("sentences", "cuts"),
    [(None, [7, 14]), ((), []), (((0, 5), (6, 12), (13, 20)), [0, 5, 6, 12, 13, 20])],
)
def test_context_sentence_cuts(
    sentences: tuple[tuple[int, int], ...] | None, cuts: list[int]
) -> None:
    assert sentence_cuts("One a. Two b. Three.", sentences) == cuts


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # The quote's "will" governs its Friday, not the nearer "said" of the attribution.
        ('"The envoy will land at 9 a.m. Friday," he said.', "2018-11-16"),
        ("``The envoy will land at 9 a.m. Friday,'' he said.", "2018-11-16"),
        # Nor does a quote's "will" reach a Friday outside it.
        ("At the mayor's rally Friday: \u201cthe bridge will reopen soon.\u201d", "2018-11-09"),
        ('The mayor told reporters on Friday that "we will rebuild."', "2018-11-09"),
    ],
)
def test_context_quotation_marks_part_a_quote_from_its_attribution(
    tag: Tag, text: str, value: str
) -> None:
    assert _friday_in(tag, text) == value


def _friday_in(tag: Tag, text: str) -> str:
    return next(t.value[:10] for t in tag(text) if "Friday" in t.text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A participle after "be" is a passive, no past verb: the plan leans forward.
        ("The new fare rules are to be enforced from Friday.", "2018-11-16"),
        ("The results of the vote will be announced on Friday afternoon.", "2018-11-16TAF"),
        ("Delegates said the bridge would be reopened Friday.", "2018-11-16"),
        # A past verb without "be" still pins the day behind.
        ("The bridge was reopened Friday.", "2018-11-09"),
        ("Engineers reopened the bridge Friday.", "2018-11-09"),
    ],
)
def test_context_participle_after_be_is_no_past_cue(tag: Tag, text: str, value: str) -> None:
    assert [t.value for t in tag(text) if "Friday" in t.text] == [value]


def test_context_participle_after_be_months_ahead(tag: Tag) -> None:
    # Written in November: a March to be held is next year's, not last March.
    found = tag("The games will be staged overseas in March.")
    assert [t.value for t in found] == ["2019-03"]
