"""The lexicon's phrases found once per document: the same titles, with the same sectors, as
the window loops they replace found, cut into the same tokens as the pipeline's tokenizer;
regional phrases only where their regex matches."""

from __future__ import annotations

import pytest

from parley.entities.lexicon import load_lexicon
from parley.entities.phrases import PhraseMatchers, RegionalPhrases, RoleSpans, phrase_tokenizer


def test_phrases_tokenizer_cuts_titles_as_the_pipeline_does(nlp) -> None:  # type: ignore[no-untyped-def]
    lex = load_lexicon()
    forms = [f for title in lex.roles for f in (title, title.lower(), title.title())]
    ours = phrase_tokenizer(nlp.vocab, forms)
    for form in forms:
        assert [t.text for t in ours(form)] == [t.text for t in nlp.tokenizer(form)], form


def _roles(text_or_doc, nlp, vocab=True) -> RoleSpans:  # type: ignore[no-untyped-def]
    lex = load_lexicon()
    doc = nlp(text_or_doc) if isinstance(text_or_doc, str) else text_or_doc
    matchers = PhraseMatchers(lex, RegionalPhrases.build(lex), nlp.vocab if vocab else None)
    return matchers.find(doc).roles


def _window_titles(doc, lex, most: int = 6) -> dict[int, tuple[int, str]]:  # type: ignore[no-untyped-def]
    """The longest title with a sector at each token, found the old way: every window."""
    found: dict[int, tuple[int, str]] = {}
    for i in range(len(doc)):
        for size in range(min(most, len(doc) - i), 0, -1):
            sector = lex.roles_folded.get(doc[i : i + size].text.casefold())
            if sector is not None:
                found[i] = (i + size, sector)
                break
    # A rank inside a longer title with no sector is no rank: "General" of "Secretary-General".
    for i in range(len(doc)):
        for size in range(min(most, len(doc) - i), 1, -1):
            key = doc[i : i + size].text.casefold()
            if key in lex.roles_folded and lex.roles_folded[key] is None:
                for j in range(i, i + size):
                    if j in found and found[j][1] == "MIL" and found[j][0] <= i + size:
                        del found[j]
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
    spans = _roles(doc, nlp)
    expected = _window_titles(doc, lex)
    assert {i: spans.longest_from(i, 6) for i in expected} == expected
    assert all(spans.longest_from(i, 6) is None for i in range(len(doc)) if i not in expected)


def test_phrases_longest_title_ending_before_a_token(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("He met the national security advisor of Iraq.")
    spans = _roles(doc, nlp)
    of = next(t.i for t in doc if t.text == "of")
    start, sector = spans.longest_to(of, 6) or (-1, "")
    assert doc[start:of].text == "national security advisor"
    assert sector == "GOV"
    assert spans.longest_to(of, 2) is None  # longer than two tokens


def test_phrases_matcher_without_the_pipeline_vocab(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The Foreign Minister arrived.")
    spans = _roles(doc, nlp, vocab=False)
    assert spans.longest_from(1, 6) == (3, "GOV")


def test_phrases_regional_only_where_the_regex_matches(nlp) -> None:  # type: ignore[no-untyped-def]
    lex = load_lexicon()
    regional = RegionalPhrases.build(lex)
    text = "The North and the South met; the North Korean envoy and THE NORTH did not."
    found = PhraseMatchers(lex, regional, nlp.vocab).find(nlp(text)).regions
    assert [text[start:end] for start, end, _ in found] == ["The North", "the South"]


def test_phrases_titles_as_written(nlp) -> None:  # type: ignore[no-untyped-def]
    lex = load_lexicon()
    text = "Secretary of State Ada Byrne met the SECRETARY OF STATE."
    found = PhraseMatchers(lex, RegionalPhrases.build(lex), nlp.vocab).find(nlp(text)).titles
    # Case counts for a title before a name: the capitals are no listed title; the longest
    # listed title at a place comes first.
    assert {text[start : ends[0]] for start, ends in found.items()} == {"Secretary of State"}
    assert text[0 : found[0][1]] == "Secretary"
