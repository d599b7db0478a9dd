"""Bad input never crashes the text extractor: a result, or an ExtractionError."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parley.errors import ExtractionError
from parley.extract.furniture import classify_line, split_kicker
from parley.extract.furniture_rules import FurnitureRules
from parley.extract.stamps import StampRules, parse_stamp_line
from parley.extract.text import extract_text_article
from parley.sources.document import Document

# Lines built from the pieces furniture is made of, so the rules are exercised, not just skipped.
_PIECES = st.sampled_from([
    "By", "Posted on :", "2018-11-12", "17:37", "KST", "ET", "Updated", "(Yonhap)", "[", "]",
    "Photo:", "—", "--", "|", "©", "2019", "SEOUL", "(AP)", "Reporting by", ";", "and", ",",
    "Jane Doe", "Most viewed articles", "Nov.", "12", "a.m.", "“", "”", "?", ".", "\u00a0",
    "\u200b", "News analysis", ":", "Share", "Kyodo", "contributed to this report.", "/",
])
_LINE = st.lists(_PIECES, max_size=12).map(" ".join) | st.text(max_size=80)
_PAGE = st.lists(_LINE, max_size=25).map("\n".join)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(_PAGE)
def test_text_robust_any_page_gives_article_or_extraction_error(
    rules: FurnitureRules, page: str
) -> None:
    try:
        document = Document(page.encode("utf-8", "replace"), "<text>")
        article = extract_text_article(page, document, rules)
    except ExtractionError as err:
        assert "\n" not in str(err)
        return
    assert article.text.strip()
    assert "\n\n\n" not in article.text


@settings(max_examples=300, derandomize=True, deadline=None)
@given(_LINE)
def test_text_robust_line_classifiers_never_raise(
    rules: FurnitureRules, stamp_rules: StampRules, line: str
) -> None:
    classify_line(line, rules)
    split_kicker(line, rules)
    info = parse_stamp_line(line, stamp_rules)
    if info is not None and info.published is not None:
        assert info.published[:4].isdigit()
