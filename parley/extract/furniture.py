"""Line classifiers for the furniture a scraper leaves around a news article.

Each function looks at one line (or the start of one paragraph) and says what it is; none of
them decides where a line sits on the page, which is the extractor's job (``text.py`` for
scraped text; the HTML extractor runs the same classifiers over trafilatura's output). All the
phrases live in ``data/`` files, read once into a ``FurnitureRules`` (``furniture_rules.py``)
that the caller passes in as ``rules``. The classifiers live in one module per concern
(``credits``: publishers, footers, photo credits; ``titles``: kickers, headings,
navigation; ``bylines``: authors and datelines); this module gathers them and classifies a
whole line.

Public API::

    FurnitureRules.load(data_dir) -> FurnitureRules
                                                the tables and patterns, read once
    normalize_line(line) -> str                 internal white space collapsed, ends stripped
    classify_line(line, rules) -> LineKind      "blank" | "stamp" | "hard_footer" | "footer" |
                                                "byline" | "contributor" | "credit" | "text"
    footer_strength(line, rules) -> "hard" | "soft" | None
                                                hard = the article ends here (drop the rest)
    is_copyright_line(line, rules) -> bool      "© 2018 ...", "Copyright ...", "All rights reserved"
    publisher_from_copyright(line, rules) -> str | None
                                                "© 2019 The Japan Times Ltd." -> "The Japan Times"
    publisher_from_emails(text, rules) -> str | None
                                                the publisher of the first known news e-mail domain
    publisher_from_host(host_or_url, rules) -> str | None
                                                "english.hani.co.kr" -> "The Hankyoreh"
    agency_name(text, rules) -> str | None      "AP" -> "Associated Press" (whole text, any case)
    split_kicker(line, rules) -> (genre | None, title)
                                                "[News analysis] T" -> ("News analysis", "T")
    genre_name(line, rules) -> str | None       a line that is only a genre kicker ("ANALYSIS")
    parse_byline(line, rules) -> Byline | None  names (no roles) and the agency, if any
    parse_contributors(line, rules) -> tuple[str, ...] | None
                                                "AP writer Jane Doe contributed to this report."
    parse_dateline(paragraph, rules) -> Dateline | None
                                                "SEOUL (Reuters) - " at a paragraph's start
    is_credit_line(line, rules) -> bool         a whole line that is a photo credit
    split_credit_tail(line, rules) -> (text, tail | None)
                                                "Caption. (AP Photo/X)" -> ("Caption.", "(AP ...)")
    is_heading_like(line) -> bool               short, title-like, no final period
    is_navigation_line(line) -> bool            "Home > World > Asia" (classified as "footer")
    is_role_line(line) -> bool                  "Staff Writer" on its own line (a byline's tail)
    looks_like_name(line, rules) -> str | None  a line shaped like a person's name ("Hana Sato")
"""

from __future__ import annotations

from typing import Literal

from parley.extract.bylines import (
    Byline,
    Dateline,
    is_role_line,
    looks_like_name,
    parse_byline,
    parse_contributors,
    parse_dateline,
)
from parley.extract.credits import (
    footer_strength,
    is_copyright_line,
    is_credit_line,
    publisher_from_copyright,
    publisher_from_emails,
    publisher_from_host,
    split_credit_tail,
)
from parley.extract.furniture_rules import FurnitureRules, agency_name, normalize_line
from parley.extract.stamps import parse_stamp_line
from parley.extract.titles import genre_name, is_heading_like, is_navigation_line, split_kicker

__all__ = [
    "Byline",
    "Dateline",
    "FurnitureRules",
    "LineKind",
    "agency_name",
    "classify_line",
    "footer_strength",
    "genre_name",
    "is_copyright_line",
    "is_credit_line",
    "is_heading_like",
    "is_navigation_line",
    "is_role_line",
    "looks_like_name",
    "normalize_line",
    "parse_byline",
    "parse_contributors",
    "parse_dateline",
    "publisher_from_copyright",
    "publisher_from_emails",
    "publisher_from_host",
    "split_credit_tail",
    "split_kicker",
]

LineKind = Literal[
    "blank", "stamp", "hard_footer", "footer", "byline", "contributor", "credit", "text"
]


def classify_line(line: str, rules: FurnitureRules) -> LineKind:
    """What one line is, on its own; position on the page is the caller's to weigh."""
    line = normalize_line(line)
    if not line:
        return "blank"
    strength = footer_strength(line, rules)
    if strength == "hard":
        return "hard_footer"
    if strength == "soft" or is_navigation_line(line):
        return "footer"
    if parse_stamp_line(line, rules.stamps) is not None:
        return "stamp"
    if is_credit_line(line, rules):
        return "credit"
    if parse_byline(line, rules) is not None or is_role_line(line):
        return "byline"
    if parse_contributors(line, rules) is not None:
        return "contributor"
    return "text"
