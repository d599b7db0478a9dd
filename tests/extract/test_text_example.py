"""The project's example page (examples/wire-report.txt) extracts with all its furniture read."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.extract.furniture_rules import FurnitureRules
from parley.extract.text import extract_text_article
from parley.records import Article
from parley.sources.document import Document

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "wire-report.txt"


@pytest.fixture(scope="module")
def example(rules: FurnitureRules) -> Article:
    return extract_text_article(EXAMPLE.read_text(encoding="utf-8"),
                                Document(EXAMPLE.read_bytes(), "examples/wire-report.txt"), rules)


def test_text_example_metadata(example: Article) -> None:
    assert example.title == ("Seoul and Tokyo trade accusations as survey ship standoff stalls "
                             "maritime border talks")
    assert example.genre == "News analysis"
    assert example.subtitle == ("Both sides dig in after a week of protests over a Japanese "
                                "research vessel near the median line")
    assert (example.published, example.modified) == ("2024-03-12T18:05:00+09:00",
                                                     "2024-03-13T09:30:00+09:00")
    assert example.authors == ("Han Seo-yeon", "Kenji Watanabe")
    assert example.publisher == "The Hankyoreh"
    assert len(example.captions) == 1
    assert example.headings == ("Tokyo denies wrongdoing", "Pressure from fishermen")


def test_text_example_body(example: Article) -> None:
    paragraphs = example.text.split("\n\n")
    assert paragraphs[0].startswith("South Korea and Japan ended a second day of talks")
    assert paragraphs[-1].endswith("The statement did not mention the survey ship.")
    assert len(paragraphs) == 13
    for furniture in ("Home >", "[News analysis]", "Posted on", "By Han", "SEOUL —",
                      "photo released", "Please direct", "©", "Most viewed", "Related stories"):
        assert furniture not in example.text, furniture
