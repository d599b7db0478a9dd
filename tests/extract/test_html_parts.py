"""The pieces of HTML extraction on hand-built inputs: dates, titles, authors, body lines,
page metadata and the data-file loader."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from parley.errors import KnowledgeBaseError
from parley.extract.html import _blocks
from parley.extract.html_clean import clean_authors, clean_body, clean_title, line_kind
from parley.extract.html_data import parse_line_rules, parse_selectors
from parley.extract.html_dates import choose_modified, choose_published, parse_stamp
from parley.extract.html_meta import read_page_meta
from parley.extract.resources import ExtractResources

RES = ExtractResources.load()


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2018-11-12T17:37:00+09:00", "2018-11-12T17:37:00+09:00"),
        ("2018-11-12T08:37:00Z", "2018-11-12T08:37:00+00:00"),
        ("2018-11-12T17:37:00+0900", "2018-11-12T17:37:00+09:00"),
        ("2018-11-12 17:37:00+09:00", "2018-11-12T17:37:00+09:00"),
        ("2018-11-12T17:37:00", "2018-11-12"),  # no offset: the day only
        ("2018-11-12", "2018-11-12"),
        ("Mon, 12 Nov 2018 17:37:00 +0900", "2018-11-12T17:37:00+09:00"),
    ],
)
def test_html_dates_parse_stamp(raw: str, iso: str) -> None:
    stamp = parse_stamp(raw)
    assert stamp is not None and stamp.iso() == iso


@pytest.mark.parametrize("raw", ["yesterday", "", "2018-13-45", "1542012000"])
def test_html_dates_parse_stamp_rejects(raw: str) -> None:
    assert parse_stamp(raw) is None


def test_html_dates_published_agrees_with_original_day() -> None:
    stamps = ["2018-11-12T17:37:00+09:00"]
    assert choose_published(stamps, "2018-11-12") == "2018-11-12T17:37:00+09:00"


def test_html_dates_published_accepts_utc_day() -> None:
    # 01:00 in Seoul is the previous day in UTC, which htmldate may report.
    assert choose_published(["2018-11-13T01:00:00+09:00"], "2018-11-12") == (
        "2018-11-13T01:00:00+09:00"
    )


def test_html_dates_published_prefers_original_day_on_disagreement() -> None:
    assert choose_published(["2019-10-19T20:29:00+09:00"], "2018-11-12") == "2018-11-12"


def test_html_dates_published_ignores_htmldate_reading_the_update() -> None:
    published = ["2020-07-21T14:05:00-04:00"]
    modified = ["2020-07-22T08:00:00-04:00"]
    assert choose_published(published, "2020-07-22", modified) == "2020-07-21T14:05:00-04:00"


def test_html_dates_published_without_htmldate() -> None:
    assert choose_published(["2018-11-12", "2018-11-12T17:37:00+09:00"], None) == (
        "2018-11-12T17:37:00+09:00"
    )
    assert choose_published(["2018-11-12"], None) == "2018-11-12"
    assert choose_published([], None) is None


def test_html_dates_modified_before_published_is_dropped() -> None:
    published = "2018-11-12T17:37:00+09:00"
    assert choose_modified(["2018-11-10T09:00:00+09:00"], published) is None
    assert choose_modified(["2018-11-13T09:00:00+09:00"], published) == (
        "2018-11-13T09:00:00+09:00"
    )


@pytest.mark.parametrize(
    ("candidates", "sites", "tag", "title", "genre"),
    [
        (["Envoys meet again | Harbor Wire"], ["Harbor Wire"], None, "Envoys meet again", None),
        ([], [], "Envoys meet again at last - Reuters", "Envoys meet again at last", None),
        (["[News analysis] Talks stall"], [], None, "Talks stall", "News analysis"),
        (["Harbor Wire | Envoys meet again"], ["harbor wire"], None, "Envoys meet again", None),
        # Only <title> may lose an unknown short last part; an og:title keeps its own.
        (["Dignity of life – a project"], [], None, "Dignity of life – a project", None),
        # An <h1> that is the site's logo: <title> shows it is the site name.
        (
            ["Ethify"],
            [],
            "Being vegetarian: need or trend? | Ethify",
            "Being vegetarian: need or trend?",
            None,
        ),
        ([], [], None, None, None),
    ],
)
def test_html_clean_title(
    candidates: list[str], sites: list[str], tag: str | None, title: str | None, genre: str | None
) -> None:
    found = clean_title(candidates, sites, tag, res=RES)
    assert (found.text, found.kicker) == (title, genre)


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        (["By Mina Park and Tomás Reyes"], ("Mina Park", "Tomás Reyes")),
        (["Jane Doe, Staff Writer"], ("Jane Doe",)),
        (["Posted by Jane Doe"], ("Jane Doe",)),
        (["View all posts by Daniel Okoro"], ("Daniel Okoro",)),
        (["Jane Doe (AFP)"], ("Jane Doe",)),
        (["Reuters"], ()),
        (["https://example.org/authors/jane"], ()),
        (["Jane Doe", "jane doe"], ("Jane Doe",)),
        (["Harbor Wire"], ()),  # the publisher is not an author
        (["PARK MIN JI"], ("Park Min Ji",)),
    ],
)
def test_html_clean_authors(raw: list[str], names: tuple[str, ...]) -> None:
    assert clean_authors(raw, RES, ["Harbor Wire"]) == names


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Facebook Twitter Email", "share"),
        ("Lesezeit: 4 Minuten", "stamp"),
        ("Leave a comment", "footer"),
        ("Posted on : 2018-11-12 17:37 KST", "stamp"),
        ("By Jane Doe", "byline"),
        ("Officials met on Monday to discuss the border.", None),
        ("Lea también: Cancillería convoca al embajador", "footer"),
        ("À lire aussi » Les ministres se retrouvent à Bruxelles", "footer"),
        ("Follow the Harbor Wire on Twitter and Facebook", "share"),
        ("Weitere Themen", "end"),
        ("Notas relacionadas:", "end"),
        ("Crédits photos : Harbor Wire", "footer"),
        ("Kategorie: Politik, Ausland", "footer"),
        ("Anzeige, enthält Partnerlinks", "footer"),
        ("View Comments", "footer"),
        # A label inside a sentence is text.
        ("See also the minister's reply, which came a day later.", None),
        ("Related talks will take place in Geneva next month.", None),
        ("Werbung ist in diesem Wahlkampf teurer als je zuvor.", None),
    ],
)
def test_html_clean_line_kind(line: str, kind: str | None) -> None:
    assert line_kind(line, RES) == kind


def test_html_clean_body_moves_headings_and_drops_furniture() -> None:
    blocks = [
        ("head", "Envoys meet again"),
        ("p", "By Jane Doe"),
        ("p", "The envoys met on Monday for the first time in a year."),
        ("p", "Delegates arrive at the venue. (Photo: J. Doe)"),
        ("head", "What was agreed"),
        ("p", "They agreed to meet again in April."),
        ("p", "They agreed to meet again in April."),
        ("table", "| Round | Date |"),
        ("head", "Comments"),
    ]
    body = clean_body(
        blocks,
        titles=["Envoys meet again"],
        captions=["Delegates arrive at the venue. (Photo: J. Doe)"],
        authors=("Jane Doe",),
        res=RES,
    )
    assert body.paragraphs == [
        "The envoys met on Monday for the first time in a year.",
        "They agreed to meet again in April.",
        "| Round | Date |",
    ]
    assert body.headings == ["What was agreed"]  # "Comments" heads nothing
    assert [why for why, _line in body.removed] == [
        "title",
        "byline",
        "caption",
        "duplicate",
        "hard_footer",
    ]


def test_html_clean_body_stops_at_hard_footer() -> None:
    blocks = [
        ("p", "The envoys met on Monday for the first time in a year."),
        ("p", "© 2019 Harbor Wire. All rights reserved."),
        ("p", "A teaser for another story that is not part of this article at all."),
    ]
    body = clean_body(blocks, titles=[], captions=[], authors=(), res=RES)
    assert body.paragraphs == ["The envoys met on Monday for the first time in a year."]


def test_html_clean_body_stops_at_related_heading() -> None:
    blocks = [
        ("p", "The envoys met on Monday for the first time in a year."),
        ("head", "Noticias relacionadas"),
        ("p", "Another story about a different summit in a different city."),
    ]
    body = clean_body(blocks, titles=[], captions=[], authors=(), res=RES)
    assert body.paragraphs == ["The envoys met on Monday for the first time in a year."]
    assert body.headings == []


def test_html_clean_body_skips_related_box_early_in_article() -> None:
    first = "The envoys met on Monday for the first time in a year, in a hotel by the lake."
    later = "The talks went on until late in the evening, and both delegations called them useful."
    last = "A joint statement is expected on Tuesday morning, after a second round of talks."
    blocks = [
        ("p", first),
        ("head", "Related"),
        ("p", "Summit ends without a deal"),
        ("p", later),
        ("p", last),
    ]
    body = clean_body(blocks, titles=[], captions=[], authors=(), res=RES)
    assert body.paragraphs == [first, later, last]
    assert ("teaser", "Summit ends without a deal") in body.removed


def test_html_clean_body_prose_in_heading_stays_text() -> None:
    deck = "The envoys of both states met on Monday for the first time in more than a year."
    blocks = [("head", deck), ("p", "Talks resume.")]
    body = clean_body(blocks, titles=[], captions=[], authors=(), res=RES)
    assert body.paragraphs == [deck, "Talks resume."]


def test_html_meta_reads_jsonld_graph_and_ignores_broken_json() -> None:
    page = lxml.html.fromstring(
        """<html lang="fr-FR"><head>
        <script type="application/ld+json">{not json</script>
        <script type="application/ld+json">{"@graph": [
          {"@type": "WebSite", "name": "Site"},
          {"@type": ["NewsArticle"], "headline": "Accord sur le port",
           "datePublished": "2020-01-02T10:00:00+01:00", "author": "Claire Martin",
           "publisher": {"@type": "Organization", "name": "Le Quotidien"}}]}</script>
        </head><body><article><p>Texte.</p>
        <figure><figcaption>Le port au matin.</figcaption></figure>
        <aside><h2>Lire aussi</h2></aside><h2>Les chiffres</h2></article></body></html>"""
    )
    meta = read_page_meta(page, RES)
    assert meta.titles == ["Accord sur le port"]
    assert meta.published == ["2020-01-02T10:00:00+01:00"]
    assert meta.authors == ["Claire Martin"]
    assert meta.publishers == ["Le Quotidien"]
    assert meta.language == "fr"
    assert meta.captions == ["Le port au matin."]
    assert meta.headings == ["Les chiffres"]


def test_html_data_bad_rule_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "rules.tsv"
    path.write_text("# header\nshare\tshare this\nfooter\t(unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"rules\.tsv:3: bad pattern"):
        parse_line_rules(path)
    path.write_text("nonsense\tx\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"rules\.tsv:1: unknown kind"):
        parse_line_rules(path)
    path.write_text("share only\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"rules\.tsv:1: expected"):
        parse_line_rules(path)


def test_html_data_bad_selectors_file(tmp_path: Path) -> None:
    path = tmp_path / "sel.toml"
    path.write_text("kicker = 3\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="sel.toml: 'kicker' must be a list"):
        parse_selectors(path)
    path.write_text("kicker = [\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="sel.toml"):
        parse_selectors(path)


def test_html_blocks_keep_text_outside_elements() -> None:
    # trafilatura's output body can hold words outside any element, after a heading.
    body = etree.fromstring(
        "<body>Opening words.<head>Talks</head>Envoys met on Monday.<p>They left.</p>"
        "Tail line.</body>"
    )
    assert _blocks(body) == [
        ("p", "Opening words."),
        ("head", "Talks"),
        ("p", "Envoys met on Monday."),
        ("p", "They left."),
        ("p", "Tail line."),
    ]
