"""Line classifiers for page furniture: bylines, credits, footers, kickers, datelines."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from parley.extract.furniture import (
    Byline,
    FurnitureRules,
    classify_line,
    parse_byline,
    parse_contributors,
    parse_dateline,
    publisher_from_copyright,
    publisher_from_emails,
    publisher_from_host,
    split_credit_tail,
    split_kicker,
)


def test_furniture_data_files_load(rules: FurnitureRules) -> None:
    assert rules.agencies and rules.footers.exact and rules.genres and rules.stamps.zones


@pytest.mark.parametrize(
    ("line", "authors", "agency"),
    [
        ("By Park Min-hee, staff reporter", ("Park Min-hee",), None),
        ("By Ellen Marsh and Tom Okafor", ("Ellen Marsh", "Tom Okafor"), None),
        ("By R. Alvarez, Bea Lindqvist and Chen Wei", ("R. Alvarez", "Bea Lindqvist", "Chen Wei"),
         None),
        ("By Ellen Marsh, Diplomatic Correspondent", ("Ellen Marsh",), None),
        ("Hana Sato | Reuters", ("Hana Sato",), "Reuters"),
        ("By Oliver Grant, Associated Press", ("Oliver Grant",), "Associated Press"),
        ("Reporting by Hana Sato in Seoul; Additional reporting by Ken Mori; Editing by Ann Lee",
         ("Hana Sato", "Ken Mori"), None),
        ("Kyodo", (), "Kyodo News"),
        ("— Reuters", (), "Reuters"),
        ("Nadia Reyes in Tokyo and Paul Hart in Washington", ("Nadia Reyes", "Paul Hart"), None),
        ("By LEE JI-WON", ("Lee Ji-won",), None),
    ],
)
def test_furniture_parse_byline_names_and_agency(
    line: str, authors: tuple[str, ...], agency: str | None, rules: FurnitureRules
) -> None:
    assert parse_byline(line, rules) == Byline(authors, agency)


@pytest.mark.parametrize(
    "line",
    [
        "Kim Jong-un",
        "Delays of talks puts Seoul in an awkward position",
        "By the end of the week the talks had stalled.",
        "North Korea’s possible return to 2-track policy",
    ],
)
def test_furniture_parse_byline_rejects_other_lines(line: str, rules: FurnitureRules) -> None:
    assert parse_byline(line, rules) is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Please direct comments or questions to [english@hani.co.kr]", "hard_footer"),
        ("Most viewed articles", "hard_footer"),
        ("Our Standards: The Thomson Reuters Trust Principles.", "hard_footer"),
        ("© 2019 The Japan Times Ltd. All rights reserved.", "hard_footer"),
        ("Share this article", "footer"),
        ("Sign up for our morning briefing", "footer"),
        ("3 min read", "footer"),
        ("Advertisement", "footer"),
        ("lee.jw@example-news.com", "footer"),
        ("(Yonhap)", "credit"),
        ("AFP/Getty Images", "credit"),
        ("Photo: Reuters", "credit"),
        ("Kang Min-soo/AFP/Getty Images", "credit"),
        ("[YONHAP]", "credit"),
        ("Posted on : 2018-11-12 17:37 KST", "stamp"),
        ("By Park Min-hee, staff reporter", "byline"),
        ("AP writer Sam Cole in Seoul contributed to this report.", "contributor"),
        ("Trumpian “strategic patience”?", "text"),
        ("The minister said the talks would resume in spring.", "text"),
        ("   ", "blank"),
    ],
)
def test_furniture_classify_line(line: str, kind: str, rules: FurnitureRules) -> None:
    assert classify_line(line, rules) == kind


@pytest.mark.parametrize(
    ("line", "genre", "title"),
    [
        ("[News analysis] Talks stall again", "News analysis", "Talks stall again"),
        ("[Interview] A minister on the border", "Interview", "A minister on the border"),
        ("[Kim's View] A column title", "Kim's View", "A column title"),
        ("NEWS ANALYSIS: Talks stall again", "News analysis", "Talks stall again"),
        ("Opinion | The sanctions trap", "Opinion", "The sanctions trap"),
        ("Seoul: talks stall", None, "Seoul: talks stall"),
        ("Talks stall again", None, "Talks stall again"),
    ],
)
def test_furniture_split_kicker(
    line: str, genre: str | None, title: str, rules: FurnitureRules
) -> None:
    assert split_kicker(line, rules) == (genre, title)


@pytest.mark.parametrize(
    ("line", "publisher"),
    [
        ("© 2019 The Japan Times Ltd. All rights reserved.", "The Japan Times"),
        ("Copyright 2018 The Associated Press. All rights reserved.", "Associated Press"),
        ("(c) Copyright Thomson Reuters 2018", "Reuters"),
        ("Copyright © JoongAng Ilbo Co., Ltd. All Rights Reserved", "JoongAng Ilbo"),
        ("The talks resumed.", None),
    ],
)
def test_furniture_publisher_from_copyright(
    line: str, publisher: str | None, rules: FurnitureRules
) -> None:
    assert publisher_from_copyright(line, rules) == publisher


def test_furniture_publisher_from_emails_and_hosts(rules: FurnitureRules) -> None:
    assert publisher_from_emails("Questions to [english@hani.co.kr]", rules) == "The Hankyoreh"
    assert publisher_from_emails("write to someone@example.org", rules) is None
    assert publisher_from_host("https://english.hani.co.kr/arti/123.html", rules) == "The Hankyoreh"
    assert publisher_from_host("www.theguardian.com", rules) == "The Guardian"
    assert publisher_from_host("example.org", rules) is None


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "rest"),
    [
        ("SEOUL, Nov. 12 (Yonhap) -- North Korea said", "SEOUL", "Yonhap News Agency",
         "North Korea said"),
        ("WASHINGTON (AP) — The envoy left.", "WASHINGTON", "Associated Press", "The envoy left."),
        ("SEOUL (Reuters) - South Korea said", "SEOUL", "Reuters", "South Korea said"),
        ("TOKYO — Japan said", "TOKYO", None, "Japan said"),
        ("PANMUNJOM, South Korea (AP) — Talks", "PANMUNJOM", "Associated Press", "Talks"),
        # A place in title case, with a date and an agency: state media's dateline.
        ("Hanoi, March 4 (VNA) -- The ministry said", "Hanoi", None, "The ministry said"),
        ("Pyongyang, Oct. 31 (KCNA) -- Envoys met", "Pyongyang", "Korean Central News Agency",
         "Envoys met"),
    ],
)
def test_furniture_parse_dateline(
    paragraph: str, place: str, agency: str | None, rest: str, rules: FurnitureRules) -> None:
    dateline = parse_dateline(paragraph, rules)
    assert dateline is not None
    assert (dateline.place, dateline.agency, paragraph[dateline.end:]) == (place, agency, rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "NATO - the alliance met.",
        "US Secretary of State Mike Pompeo said",
        "The talks — stalled",
        # Title case without a date and an agency is a sentence, not a dateline.
        "Hanoi, the capital, -- was quiet",
        "Envoys in Hanoi (Vietnam) -- met",
    ],
)
def test_furniture_parse_dateline_rejects_plain_openings(
    paragraph: str, rules: FurnitureRules
) -> None:
    assert parse_dateline(paragraph, rules) is None


def test_furniture_split_credit_tail(rules: FurnitureRules) -> None:
    assert split_credit_tail("Kang speaks in Seoul on Monday. (Yonhap)", rules) == (
        "Kang speaks in Seoul on Monday.", "(Yonhap)")
    assert split_credit_tail("Envoys meet. Photograph: Kang Min-soo/AFP/Getty Images", rules) == (
        "Envoys meet.", "Photograph: Kang Min-soo/AFP/Getty Images")
    assert split_credit_tail("The ministry said (in a statement)", rules) == (
        "The ministry said (in a statement)", None)


def test_furniture_parse_contributors(rules: FurnitureRules) -> None:
    assert parse_contributors(
        "Associated Press writer Sam Cole in Seoul contributed to this report.", rules
    ) == ("Sam Cole",)
    mina = parse_contributors("Mina Park contributed reporting from Seoul.", rules)
    assert mina == ("Mina Park",)
    assert parse_contributors("The ministry contributed funds to the project.", rules) is None


def test_furniture_malformed_data_line_names_file_and_line(tmp_path: Path) -> None:
    from parley.errors import KnowledgeBaseError
    from parley.extract.stamps import DATA_DIR

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / "agencies.tsv").write_text(
        "# header\nReuters\tReuters\nAP only-one-field\n", encoding="utf-8"
    )
    with pytest.raises(KnowledgeBaseError, match=r"agencies\.tsv:3"):
        FurnitureRules.load(data)
