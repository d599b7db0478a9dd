"""HTML pages in four layouts, a German page and a page without an article (fixtures under
tests/fixtures/html, written for these tests): every Article field is checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from parley.errors import ExtractionError
from parley.extract import extract_article
from parley.extract.html import extract_html_article
from parley.extract.resources import ExtractResources
from parley.records import Article
from parley.sources.document import Document

RES = ExtractResources.load()
PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "html"


def _extract(name: str, url: str | None = None) -> Article:
    path = PAGES / name
    return extract_article(Document(data=path.read_bytes(), source=name, url=url))


EXPECTED: dict[str, dict[str, Any]] = {
    "jsonld_news.html": {
        "title": "Envoys agree to resume port talks",
        "subtitle": (
            "Negotiators from both coastal states will meet again in April after a year "
            "without formal contact."
        ),
        "genre": None,
        "published": "2019-03-04T09:15:00+09:00",
        "modified": "2019-03-04T11:40:00+09:00",
        "authors": ("Mina Park", "Tomás Reyes"),
        "publisher": "Harbor Wire",
        "language": "en",
        "captions": (),
        "headings": (),
        "url": "https://harborwire.example/world/2019/03/04/port-talks",
        "paragraphs": 4,
        "first": "The two coastal states agreed on Monday",
        "last_end": "along the disputed quay.",
        "absent": ("By Mina Park", "©", "All rights reserved", "About us", "Home"),
    },
    "time_kicker.html": {
        "title": "Why the grain corridor deal stalled",
        "subtitle": (
            "A promised shipping lane remains closed as both sides trade blame over inspections."
        ),
        "genre": "News analysis",
        "published": "2020-07-21T14:05:00-04:00",
        "modified": "2020-07-22T08:00:00-04:00",
        "authors": ("Daniel Aston",),
        "publisher": "The Meridian Post",
        "language": "en",
        "captions": (),
        "headings": (),
        "url": None,
        "paragraphs": 4,
        "first": "Three weeks after ministers shook hands",
        "last_end": "if the corridor does not open soon.",
        "absent": ("Published", "Updated", "News analysis", "A promised shipping lane"),
    },
    "figures_sections.html": {
        "title": "Summit ends with a framework on river water sharing",
        "subtitle": None,
        "genre": None,
        "published": "2021-11-02T18:30:00+01:00",
        "modified": None,
        "authors": ("Lena Ortiz",),
        "publisher": "Continental Review",
        "language": "en",
        "captions": (
            "Delegates arrive at the summit venue on the lakeshore. (Photo: L. Ortiz)",
            "The new dam seen from the downstream bank in October.",
        ),
        "headings": ("What was agreed", "What comes next"),
        "url": None,
        "paragraphs": 5,
        "first": "Leaders of the five upstream and downstream countries",
        "last_end": "the most difficult part of the talks.",
        "absent": ("Delegates arrive", "The new dam seen", "What was agreed", "What comes next"),
    },
    "byline_footer.html": {
        "title": "Talks between Pyongyang and Washington stall again",
        "subtitle": "Both sides are waiting for the other to move first.",
        "genre": "News analysis",
        "published": "2018-11-12T17:37:00+09:00",
        "modified": None,
        "authors": ("Samuel Okafor",),
        "publisher": "Eastern Courier",
        "language": "en",
        "captions": (),
        "headings": (),
        "url": None,
        "paragraphs": 4,
        "first": "A planned meeting between senior officials",
        "last_end": "without reaching any agreement on a timetable.",
        "absent": ("By Samuel", "Posted on", "Reporting by", "Share this", "[News analysis]"),
    },
}

FIELDS = (
    "title",
    "subtitle",
    "genre",
    "published",
    "modified",
    "authors",
    "publisher",
    "language",
    "captions",
    "headings",
    "url",
)


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    return {name: _extract(name) for name in EXPECTED}


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("field", FIELDS)
def test_html_extract_fields(articles: dict[str, Article], name: str, field: str) -> None:
    assert getattr(articles[name], field) == EXPECTED[name][field]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_html_extract_body_is_clean_paragraphs(articles: dict[str, Article], name: str) -> None:
    article, want = articles[name], EXPECTED[name]
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == want["paragraphs"]
    assert paragraphs[0].startswith(want["first"])
    assert paragraphs[-1].endswith(want["last_end"])
    for furniture in want["absent"]:
        assert furniture not in article.text
    assert article.format == "html"
    assert article.source == name


def test_html_extract_captions_once_each(articles: dict[str, Article]) -> None:
    captions = articles["figures_sections.html"].captions
    assert len(captions) == len(set(captions)) == 2


def test_html_extract_document_url_wins_over_canonical() -> None:
    article = _extract("jsonld_news.html", url="https://mirror.example/port-talks")
    assert article.url == "https://mirror.example/port-talks"


def test_html_extract_german_page_language() -> None:
    article = _extract("german.html")
    assert article.language == "de"
    assert article.title == "Gespräche über Grenzübergang werden fortgesetzt"
    assert article.published == "2022-05-10T10:00:00+02:00"
    assert article.text.startswith("Die Regierungen der beiden Nachbarländer")


@pytest.mark.parametrize(
    "html",
    [
        (PAGES / "no_article.html").read_text(encoding="utf-8"),
        "<html><body></body></html>",
        "<html><head><title>Only a title</title></head><body><p>Hi.</p></body></html>",
        "<<<>>>",
        "<time><html>",  # trips trafilatura's own pruning
    ],
)
def test_html_extract_no_article_raises(html: str) -> None:
    with pytest.raises(ExtractionError, match="no article text found in page.html"):
        extract_html_article(html, Document(data=html.encode(), source="page.html"), RES)


def test_html_extract_dispatcher_fills_id_and_keeps_page_time() -> None:
    article = _extract("jsonld_news.html")
    assert len(article.id) == 16
    assert article.published_source == "page"


def test_html_extract_text_overrules_a_wrong_lang_attribute() -> None:
    html = (PAGES / "german.html").read_text(encoding="utf-8").replace('lang="de"', 'lang="en"')
    article = extract_html_article(html, Document(data=html.encode(), source="german.html"), RES)
    assert article.language == "de"


def test_html_extract_text_without_spaces_is_an_article() -> None:
    # Japanese is written without spaces: a paragraph is one long "word".
    sentence = "両国の代表団は月曜日に港の共同管理について協議を再開することで合意した。"
    html = (
        '<html lang="ja"><head><title>港湾協議が再開</title></head><body><article>'
        f"<h1>港湾協議が再開</h1><p>{sentence}</p><p>{sentence}次回は四月に開かれる。</p>"
        "</article></body></html>"
    )
    article = extract_html_article(html, Document(data=html.encode(), source="ja.html"), RES)
    assert article.text.startswith(sentence)
    assert article.language == "ja"
