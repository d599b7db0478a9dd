"""The role titles found once per document: the same titles, with the same sectors, as the
window loops they replace found, cut into the same tokens as the pipeline's tokenizer."""

from __future__ import annotations

import pytest

from parley.entities.lexicon import load_lexicon
from parley.entities.phrases import RoleMatcher, phrase_tokenizer


def test_phrases_tokenizer_cuts_titles_as_the_pipeline_does(nlp) -> None:  # type: ignore[no-untyped-def]
    lex = load_lexicon()
    forms = [f for title in lex.roles for f in (title, title.lower(), title.title())]
    ours = phrase_tokenizer(nlp.vocab, forms)
    for form in forms:
        assert [t.text for t in ours(form)] == [t.text for t in nlp.tokenizer(form)], form


def _window_titles(doc, lex, most: int = 6) -> dict[int, tuple[int, str]]:  # type: ignore[no-untyped-def]
    """The longest title with a sector at each token, found the old way: every window."""
    found: dict[int, tuple[int, str]] = {}
    for i in range(len(doc)):
        for size in range(min(most, len(doc) - i), 0, -1):
            sector = lex.roles_folded.get(doc[i : i + size].text.casefold())
            if sector is not None:
                found[i] = (i + size, sector)
                break
    return found


@pytest.mark.parametrize(
    "text",
    [
        "China's foreign minister met the Secretary-General and Sen. Ada Byrne in Geneva.",
        "The national security advisor of Iraq and the DEFENSE SECRETARY spoke on Monday.",
        "A former Minister of National Defense, two lawmakers and the President of Armenia.",
    ],
)
def test_phrases_titles_match_the_window_search(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    lex = load_lexicon()
    doc = nlp(text)
    spans = RoleMatcher(lex, nlp.vocab).find(doc)
    expected = _window_titles(doc, lex)
    assert {i: spans.longest_from(i, 6) for i in expected} == expected
    assert all(spans.longest_from(i, 6) is None for i in range(len(doc)) if i not in expected)


def test_phrases_longest_title_ending_before_a_token(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("He met the national security advisor of Iraq.")
    spans = RoleMatcher(load_lexicon(), nlp.vocab).find(doc)
    of = next(t.i for t in doc if t.text == "of")
    start, sector = spans.longest_to(of, 6) or (-1, "")
    assert doc[start:of].text == "national security advisor"
    assert sector == "GOV"
    assert spans.longest_to(of, 2) is None  # longer than two tokens


def test_phrases_matcher_without_the_pipeline_vocab(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The Foreign Minister arrived.")
    spans = RoleMatcher(load_lexicon()).find(doc)
    assert spans.longest_from(1, 6) == (3, "GOV")
