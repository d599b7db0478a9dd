"""Repeated lines in an HTML body (issue 8): a story's own repetitions stay in the text, the
page's duplicates (a caption printed twice, a section printed again) do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.extract import extract_article
from parley.extract.html_clean import clean_body, repeated_runs
from parley.extract.resources import ExtractResources
from parley.records import Article
from parley.sources.document import Document

RES = ExtractResources.load()

PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "html" / "repeated_lines.html"
CHANT = "Open the gates, pay the crews!"
STATEMENT = "We will not go back without a contract."
CAPTION = "Marchers cross the old swing bridge on Monday morning. (Photo: R. Falzon)"


@pytest.fixture(scope="module")
def article() -> Article:
    return extract_article(Document(data=PAGE.read_bytes(), source=PAGE.name))


def test_html_repeats_refrain_and_statement_are_kept(article: Article) -> None:
    paragraphs = article.text.split("\n\n")
    assert paragraphs.count(CHANT) == 3
    assert paragraphs.count(STATEMENT) == 2


def test_html_repeats_caption_printed_twice_is_a_caption(article: Article) -> None:
    assert CAPTION not in article.text
    assert article.captions == (CAPTION,)


def test_html_repeats_section_printed_again_is_dropped(article: Article) -> None:
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("Several thousand dockworkers marched")
    assert sum(p.startswith("Several thousand dockworkers") for p in paragraphs) == 1
    assert paragraphs[-1].startswith("The mediator, a retired judge")
    assert len(paragraphs) == 11


@pytest.mark.parametrize(
    ("blocks", "kept"),
    [
        # The same paragraph twice in a row: the template's double, kept once.
        (["The envoy arrived in Oslo on Friday evening.", "The envoy arrived in Oslo on "
          "Friday evening.", "Talks begin on Monday."], 2),
        # A line of separators repeated between paragraphs: kept once.
        (["First paragraph of the story.", "* * *", "Second paragraph here.", "* * *",
          "Third paragraph here."], 4),
        # A slogan between paragraphs, three times: all kept.
        (["No deal without the islands!", "The crowd grew through the afternoon.",
          "No deal without the islands!", "Police closed the square at six.",
          "No deal without the islands!"], 5),
    ],
)
def test_html_repeats_clean_body(blocks: list[str], kept: int) -> None:
    body = clean_body([("p", b) for b in blocks], titles=[], captions=[], authors=(), res=RES)
    assert len(body.paragraphs) == kept


@pytest.mark.parametrize(
    ("keys", "copies"),
    [
        (["a", "b", "c", "x", "a", "b", "c"], {4, 5, 6}),
        (["a", "b", "x", "a", "b"], set()),  # a pair: a two-line refrain stays
        (["a", "b", "c", "d", "y", "b", "c", "d"], {5, 6, 7}),
        (["a", "", "a", "", "a"], set()),  # empty lines never make a run
        (["a"] * 7, {3, 4, 5}),  # the last one is the adjacent rule's
    ],
)
def test_html_repeats_repeated_runs(keys: list[str], copies: set[int]) -> None:
    assert repeated_runs(keys) == copies


def test_html_repeats_repeated_runs_bounded_on_separator_pages() -> None:
    keys = ["|", "row"] * 5000
    assert len(repeated_runs(keys)) > 9000


def test_html_repeats_caption_alone_stays_the_text() -> None:
    # When trafilatura finds nothing but a caption printed twice, one copy is the text.
    blocks = [("p", CAPTION), ("p", CAPTION)]
    body = clean_body(blocks, titles=[], captions=[], authors=(), res=RES)
    assert body.paragraphs == [CAPTION] and body.captions == []
