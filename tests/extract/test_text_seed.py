"""The seed article (a real scraped Hankyoreh page) comes out with every field right."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.extract.furniture_rules import FurnitureRules
from parley.extract.text import extract_text_article
from parley.records import Article
from parley.sources.document import Document

CAPTION = ("US Secretary of State Mike Pompeo shakes hands with (from the left) Chinese "
           "Minister of National Defense Wei Fenghe")


@pytest.fixture(scope="module")
def seed_article(seed_path: Path, rules: FurnitureRules) -> Article:
    return extract_text_article(seed_path.read_text(encoding="utf-8"),
                                Document(seed_path.read_bytes(), str(seed_path)), rules)


def test_text_seed_title_genre_subtitle(seed_article: Article) -> None:
    assert seed_article.title == ("Continued deadlock in N. Korea-US negotiations after "
                                  "postponement of high-level talks")
    assert seed_article.genre == "News analysis"
    assert seed_article.subtitle == "Delays of talks puts Seoul in an awkward position"


def test_text_seed_stamps(seed_article: Article) -> None:
    assert seed_article.published == "2018-11-12T17:37:00+09:00"
    assert seed_article.modified == "2019-10-19T20:29:00+09:00"


def test_text_seed_people_and_publisher(seed_article: Article) -> None:
    assert seed_article.authors == ("Park Min-hee",)
    assert seed_article.publisher == "The Hankyoreh"
    assert seed_article.format == "text"
    assert seed_article.id == ""


def test_text_seed_caption_once_and_out_of_body(seed_article: Article) -> None:
    assert seed_article.captions == (CAPTION,)
    assert CAPTION not in seed_article.text


def test_text_seed_headings_in_order_and_out_of_body(seed_article: Article) -> None:
    assert seed_article.headings == (
        "Trumpian “strategic patience”?",
        "North Korea’s possible return to 2-track policy",
        "S. Korea needs to persuade US more actively",
    )
    for heading in seed_article.headings:
        assert heading not in seed_article.text.split("\n\n")


def test_text_seed_body_is_clean(seed_article: Article) -> None:
    text = seed_article.text
    assert text.startswith("After the postponement of high-level talks")
    assert text.endswith("through the newly established South Korea-US working group.")
    for furniture in ("Posted on", "KST", "By Park Min-hee", "staff reporter",
                      "english@hani.co.kr", "Most viewed", "Delays of talks", "[News analysis]"):
        assert furniture not in text
    assert len(text.split("\n\n")) == 12
