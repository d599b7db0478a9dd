"""Hard-wrapped plain text: a page wrapped at a fixed width keeps every line of its
paragraphs (before, lines without a final full stop were read as headlines and dropped);
pages written one paragraph or sentence per line are left as they are."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from parley.extract.furniture_rules import FurnitureRules
from parley.extract.text import extract_text_article
from parley.extract.wrapped import unwrap
from parley.sources.document import Document

PARAGRAPHS = [
    "Negotiators from the two neighbouring republics met at the border crossing on "
    "Tuesday to prepare a second round of talks on fishing rights, officials said, after "
    "weeks in which neither capital answered the other's letters.",
    "The meeting, which lasted four hours, covered the sequencing of quota cuts and the "
    "return of impounded trawlers, a coast guard spokesman told reporters in the harbour "
    "town afterwards.",
    "Both delegations agreed to meet again in March, the spokesman added.",
]


def wrapped_page(width: int, gap: str = "\n\n") -> str:
    body = gap.join(textwrap.fill(p, width) for p in PARAGRAPHS)
    return f"Fishing talks resume at the border\n\n{body}\n"


def extracted(page: str, rules: FurnitureRules) -> tuple[str | None, list[str]]:
    article = extract_text_article(page, Document(page.encode(), "<text>"), rules)
    return article.title, article.text.split("\n\n")


def test_a_wrapped_page_keeps_every_paragraph_whole(rules: FurnitureRules) -> None:
    for width in (60, 72, 80):
        title, paragraphs = extracted(wrapped_page(width), rules)
        assert title == "Fishing talks resume at the border"
        assert paragraphs == PARAGRAPHS, width


def test_paragraphs_marked_by_an_indent_stay_apart() -> None:
    lines = []
    for paragraph in PARAGRAPHS:
        lines += textwrap.wrap(paragraph, 70, initial_indent="    ")
    joined = unwrap("\n".join(lines)).splitlines()
    assert [line.strip() for line in joined] == PARAGRAPHS


def test_a_word_broken_at_the_wrap_keeps_its_hyphen_and_no_space() -> None:
    page = (
        "The envoys discussed the verification of the agreed steps towards full denuclear-\n"
        "ization of the peninsula and the schedule for the inspectors who would arrive in\n"
        "the spring, and they asked the monitoring commission to report twice a year on\n"
        "what it had found at the sites."
    )
    assert unwrap(page).count("\n") == 0
    assert "denuclear-ization of" in unwrap(page)


def test_a_list_under_a_wrapped_paragraph_keeps_its_items() -> None:
    page = textwrap.fill(PARAGRAPHS[0] + " " + PARAGRAPHS[1], 64) + (
        "\n- the return of the trawlers held since the autumn storms\n"
        "- the quota for the northern banks in the coming season\n"
    )
    lines = unwrap(page).splitlines()
    assert lines[1:] == [
        "- the return of the trawlers held since the autumn storms",
        "- the quota for the northern banks in the coming season",
    ]


def test_one_sentence_per_line_is_not_a_wrap() -> None:
    page = (
        "Farm workers in the northern province finished the barley harvest this week.\n"
        "Machine operators in two counties worked in shifts to bring in the wheat crop.\n"
        "The cooperative farms of the valley reported yields above those of last year.\n"
        "Similar results were reported from the coastal districts and the uplands.\n"
    )
    assert unwrap(page) == page


def test_a_scraped_page_of_long_paragraph_lines_is_not_a_wrap() -> None:
    page = "Fishing talks resume at the border\n" + "\n".join(PARAGRAPHS) + "\nShare this\n"
    assert unwrap(page) == page


@settings(max_examples=150, derandomize=True, deadline=None)
@given(st.integers(min_value=40, max_value=100), st.sampled_from(["\n\n", "\n\n\n"]))
def test_unwrapping_a_wrapped_page_gives_back_its_paragraphs(width: int, gap: str) -> None:
    page = wrapped_page(width, gap)
    paragraphs = [line for line in unwrap(page).splitlines() if line.strip()]
    assert paragraphs == ["Fishing talks resume at the border", *PARAGRAPHS]
