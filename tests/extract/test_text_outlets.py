"""Scraped pages in the layouts of seven kinds of outlet (fixtures written for these tests)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from parley.errors import ExtractionError
from parley.extract.furniture_rules import FurnitureRules
from parley.extract.text import extract_text_article
from parley.records import Article
from parley.sources.document import Document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "text"


def _extract(name: str, rules: FurnitureRules, url: str | None = None) -> Article:
    path = FIXTURES / name
    return extract_text_article(path.read_text(encoding="utf-8"),
                                Document(path.read_bytes(), str(path), url=url), rules)


EXPECTED: dict[str, dict[str, Any]] = {
    "korean-paper.txt": {
        "title": "Seoul and Tokyo trade protests over fishing patrol near disputed islets",
        "genre": None,
        "subtitle": None,
        "published": "2019-03-04T16:12:00+09:00",
        "modified": "2019-03-04T18:40:00+09:00",
        "authors": ("Lee Ji-won",),
        "publisher": "The Korea Herald",  # from the reporter's e-mail domain
        "captions": ("South Korean coast guard vessel patrols waters east of Ulleung Island on "
                     "Sunday. (Yonhap)",),
        "headings": ("Talks stalled since autumn",),
        "first": "South Korea lodged a formal protest with Japan on Monday",
        "last": "if both sides lower their demands.",
        "paragraphs": 5,
        "absent": ("Home >", "Published", "By Lee", "Share", "(Yonhap)", "heraldcorp",
                   "Most Popular", "Seoul stocks", "North Korea\n"),
    },
    "korean-wire.txt": {
        "title": "S. Korea, Japan agree to resume working-level fisheries talks",
        "genre": None,
        "subtitle": None,
        "published": "2019-03-05T11:21:00+09:00",
        "modified": None,
        "authors": ("Kim Soo-yeon",),
        "publisher": "Yonhap News Agency",
        "captions": ("This file photo shows fishing boats moored at a port in Sokcho, Gangwon "
                     "Province. (Yonhap)",),
        "headings": (),
        "first": "South Korea and Japan have agreed to resume working-level talks",
        "last": "spoke with Japan's ambassador by phone on Monday evening.",
        "paragraphs": 4,
        "absent": ("(LEAD)", "SEOUL, March 5", "(Yonhap)", "sykim@", "(END)", "Keywords",
                   "#fisheries"),
    },
    "japanese-paper.txt": {
        "title": ("Tokyo protests after South Korean warship locks fire-control radar on "
                  "patrol plane"),
        "genre": None,
        "subtitle": None,
        "published": "2019-03-06T19:42:00+09:00",
        "modified": None,
        "authors": (),  # an agency story: no person's byline
        "publisher": "The Japan Times",  # the copyright line, ahead of the agency (Kyodo)
        "captions": ("A Maritime Self-Defense Force P-1 patrol plane flies over the Sea of Japan "
                     "in a photo released by the Defense Ministry on Wednesday. | KYODO",),
        "headings": ("Calls for a hotline",),
        "first": "Japan on Wednesday lodged a protest with South Korea",
        "last": "to prevent similar incidents.",
        "paragraphs": 4,
        "absent": ("NATIONAL / POLITICS", "KYODO", "JST", "Article history", "All rights"),
    },
    "american-paper.txt": {
        "title": "U.S. and China Spar Over Sanctions Waivers as Envoys Meet in Geneva",
        "genre": None,
        "subtitle": ("Officials on both sides said the talks would continue, but neither "
                     "signaled it would yield on the core dispute."),
        "published": "2019-04-09",
        "modified": "2019-04-10T09:12:00-04:00",  # ET in April is daylight time
        "authors": ("Ellen Marsh", "Tom Okafor"),
        "publisher": "The New York Times",
        "captions": ("The American envoy, left, and his Chinese counterpart before their "
                     "meeting in Geneva on Tuesday.Credit...Denis Roux/Reuters",),
        "headings": ("What comes next",),
        "first": "American and Chinese negotiators ended two days of talks here",
        "last": "said Priya Natarajan, a sanctions specialist at a Washington research group.",
        "paragraphs": 4,
        "absent": ("Skip to content", "Asia Pacific", "GENEVA —", "By Ellen", "Image",
                   "Continue reading", "contributed reporting", "A version of this article",
                   "Reprints", "©"),
    },
    "american-wire.txt": {
        "title": "Envoys of the two Koreas meet at border village as aid talks resume",
        "genre": None,
        "subtitle": None,
        "published": "2019-03-05T02:05:00-05:00",
        "modified": "2019-03-05T09:47:00-05:00",
        "authors": ("Oliver Grant", "Mina Park"),
        "publisher": "Associated Press",
        "captions": ("South Korean delegates cross the border line at the truce village of "
                     "Panmunjom on Tuesday. (AP Photo/Lee Jin-man, Pool)",),
        "headings": (),
        "first": "Officials from North and South Korea met at their shared border village",
        "last": "before relations could improve.",
        "paragraphs": 3,
        "absent": ("Top Stories", "OLIVER GRANT", "Published", "(AP)", "PANMUNJOM,",
                   "contributed to this report", "Copyright", "redistributed"),
    },
    "british-paper.txt": {
        "title": "Japan and Russia make little headway on Kuril islands dispute in Moscow talks",
        "genre": None,
        "subtitle": ("Foreign ministers agree only to meet again as Tokyo presses for return "
                     "of four islands seized in 1945"),
        # The bare time is the last update; "First published on" is the publication.
        "published": "2019-03-12T09:05:00+00:00",
        "modified": "2019-03-12T14:20:00+00:00",
        "authors": ("Nadia Reyes", "Paul Hart"),
        "publisher": None,
        "captions": ("The two foreign ministers shake hands before their talks in Moscow on "
                     "Monday. Photograph: Ivan Petrov/AFP/Getty Images",),
        "headings": ("A decades-old dispute",),
        "first": "Japan and Russia have made little progress",
        "last": "no deal would be reached before the end of the year.",
        "paragraphs": 5,
        "absent": ("Skip to main", "World\n", "Nadia Reyes", "GMT", "Share", "Topics",
                   "Asia Pacific", "Reuse"),
    },
    "british-wire.txt": {
        "title": "Philippines, China agree to speed up talks on South China Sea code",
        "genre": None,
        "subtitle": None,
        "published": "2019-03-12",  # no zone on the page: the date alone
        "modified": None,  # "Updated 2 hours ago" cannot be placed
        "authors": ("Hana Sato", "Li Wen"),  # reporters, not the editor
        "publisher": "Reuters",
        "captions": (),
        "headings": (),
        "first": "The Philippines and China agreed on Tuesday",
        "last": "an account Beijing denied.",
        "paragraphs": 4,
        "absent": ("World News", "UPDATE 1", "Hana Sato", "Min Read", "MANILA (Reuters)",
                   "Editing by", "Our Standards", "More From"),
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_text_outlets_metadata(name: str, rules: FurnitureRules) -> None:
    article = _extract(name, rules)
    expected = EXPECTED[name]
    got = {key: getattr(article, key) for key in
           ("title", "genre", "subtitle", "published", "modified", "authors", "publisher",
            "captions", "headings")}
    assert got == {key: expected[key] for key in got}
    assert (article.format, article.id, article.language) == ("text", "", None)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_text_outlets_body_is_clean(name: str, rules: FurnitureRules) -> None:
    article = _extract(name, rules)
    expected = EXPECTED[name]
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith(expected["first"])
    assert paragraphs[-1].endswith(expected["last"])
    assert len(paragraphs) == expected["paragraphs"]
    for furniture in expected["absent"]:
        assert furniture not in article.text + "\n", furniture
    for caption in article.captions:
        assert caption not in article.text
    for heading in article.headings:
        assert heading not in paragraphs


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_text_outlets_paragraphs_are_page_lines(name: str, rules: FurnitureRules) -> None:
    # Each paragraph is one line of the page, word for word (a dateline may be cut off).
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    for paragraph in _extract(name, rules).text.split("\n\n"):
        assert any(line.strip().endswith(paragraph) for line in lines) or any(
            line.strip().startswith(paragraph) for line in lines), paragraph


def test_text_outlets_url_gives_publisher_when_page_does_not(rules: FurnitureRules) -> None:
    article = _extract(
        "british-paper.txt", rules, url="https://www.theguardian.com/world/2019/mar/12/x"
    )
    assert article.publisher == "The Guardian"
    assert article.url == "https://www.theguardian.com/world/2019/mar/12/x"


def test_text_furniture_only_page_is_an_extraction_error(rules: FurnitureRules) -> None:
    page = "Home > World > Asia\nShare this article\nAdvertisement\nMost viewed articles\n"
    with pytest.raises(ExtractionError, match="only page furniture"):
        extract_text_article(page, Document(page.encode(), "<text>"), rules)


def test_text_blank_page_is_an_extraction_error(rules: FurnitureRules) -> None:
    with pytest.raises(ExtractionError, match="empty"):
        extract_text_article(" \n\u00a0\n", Document(b" ", "<text>"), rules)


def test_text_page_without_title_starts_with_its_body(rules: FurnitureRules) -> None:
    page = ("The two governments agreed on Friday to extend the fishing accord for another "
            "year, officials in both capitals said after a week of talks.\n\n"
            "Negotiators will meet again in the autumn to discuss quotas.\n")
    article = extract_text_article(page, Document(page.encode(), "<text>"), rules)
    assert article.title is None
    assert article.text.startswith("The two governments agreed on Friday")
    assert article.text.endswith("to discuss quotas.")


def test_text_repeated_long_paragraph_is_kept_once(rules: FurnitureRules) -> None:
    para = ("The envoy said the two sides had narrowed their differences on inspections but "
            "that verification remained the main obstacle to an agreement this year, according "
            "to two officials who were briefed on the talks and asked not to be named because "
            "the discussions were private and continuing into the next week in the capital.")
    page = f"Talks narrow gaps on inspections\n\n{para}\n\n{para}\n\nA second paragraph ends.\n"
    article = extract_text_article(page, Document(page.encode(), "<text>"), rules)
    assert article.text == f"{para}\n\nA second paragraph ends."


def test_text_byline_and_stamp_on_one_line_and_genre_line_above_title(
    rules: FurnitureRules,
) -> None:
    page = ("ANALYSIS\nSanctions talks resume with little hope of a deal\n"
            "By Jane Doe | Published 12 November 2018 08:30 GMT\n"
            "Read more: Earlier talks collapse in the capital\n\n"
            "HANOI (Reuters) - Negotiators met again on Monday, officials said.\n\n"
            "“We will see,” one diplomat said.\n\nSign up for our daily briefing\n"
            "Related stories\nAnother story headline\n")
    article = extract_text_article(page, Document(page.encode(), "<text>"), rules)
    assert (article.genre, article.title) == ("Analysis",
                                              "Sanctions talks resume with little hope of a deal")
    assert article.authors == ("Jane Doe",)
    assert article.published == "2018-11-12T08:30:00+00:00"
    assert article.publisher == "Reuters"
    assert article.text == ("Negotiators met again on Monday, officials said.\n\n"
                            "“We will see,” one diplomat said.")
