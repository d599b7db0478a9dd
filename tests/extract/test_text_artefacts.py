"""Scraped text as real corpora deliver it (issue 8): stories whose lines end in a scraper's
", , ," paragraph joins, or in the wire's end-of-story mark, are articles, not furniture.
The texts are written for these tests in the shape of the KCNA corpus of 2011-12."""

from __future__ import annotations

import pytest

from parley.extract import extract_article
from parley.extract.text import split_scraped_line, split_signature
from parley.sources.document import Document

# One story on one line: paragraphs joined by ", ," and a long run of separators at the end.
ONE_SENTENCE = (
    "The Foreign Ministry delegation of the island republic left here by air on Friday after "
    "a four-day visit. , , ,  , , , , , , , , ,"
)
JOINED = (
    "The premier of the island republic sent a message of greetings to his counterpart on "
    "the national day of the coastal state., ,  The message said:, ,  I extend warm wishes "
    "to you and to the people of your country on this occasion., ,  Expressing the hope "
    "that the ferry agreement will be carried out in full, the message wished the coastal "
    "state prosperity., , ,  , , , , , , , , ,"
)
WIRE = (
    "Valletta, May 3 (LGN) -- A delegation of harbour pilots from the coastal state arrived "
    "here by ship on Thursday. -0-"
)


def _text(raw: str) -> str:
    return extract_article(Document(data=raw.encode(), source="story.txt")).text


def test_text_artefacts_one_line_story_is_an_article() -> None:
    assert _text(ONE_SENTENCE) == (
        "The Foreign Ministry delegation of the island republic left here by air on Friday "
        "after a four-day visit."
    )


def test_text_artefacts_joined_paragraphs_are_split() -> None:
    assert _text(JOINED).split("\n\n") == [
        "The premier of the island republic sent a message of greetings to his counterpart "
        "on the national day of the coastal state.",
        "The message said:",
        "I extend warm wishes to you and to the people of your country on this occasion.",
        "Expressing the hope that the ferry agreement will be carried out in full, the "
        "message wished the coastal state prosperity.",
    ]


def test_text_artefacts_single_comma_and_two_spaces_after_a_sentence_is_a_join() -> None:
    # The corpus also joins paragraphs with one comma and two spaces; prose writes one space
    # after a comma, abbreviations included ("the U.S., Japan").
    raw = (
        "The guild printed the life of the premier in its bulletin No. 1.,  The bulletin "
        "said:, ,  He built the ferry port.,  The U.S., Japan and others sent greetings."
    )
    assert _text(raw).split("\n\n") == [
        "The guild printed the life of the premier in its bulletin No. 1.",
        "The bulletin said:",
        "He built the ferry port.",
        "The U.S., Japan and others sent greetings.",
    ]


def test_text_artefacts_single_comma_and_one_space_after_a_word_is_a_join() -> None:
    # One comma and one space after a word's sentence end joins paragraphs too; a period
    # that is the word's own ("Co.", "Jr.", "Tex.", "U.S.") is prose.
    raw = (
        "The pilots met the harbour council of the coastal state., The chairman said: We "
        "thank the guild., Hale Boats Co., Ltd. and Tom Ray Jr., Mayor Ana Cole and others "
        "came from Austin, Tex., They met the U.S., Japanese and Maltese envoys."
    )
    assert _text(raw).split("\n\n") == [
        "The pilots met the harbour council of the coastal state.",
        "The chairman said: We thank the guild.",
        "Hale Boats Co., Ltd. and Tom Ray Jr., Mayor Ana Cole and others came from Austin, "
        "Tex., They met the U.S., Japanese and Maltese envoys.",
    ]


def test_text_artefacts_title_above_the_story() -> None:
    article = extract_article(
        Document(data=f"Premier Greets Coastal State\n\n{JOINED}".encode(), source="s.txt")
    )
    assert article.title == "Premier Greets Coastal State"
    assert article.text.startswith("The premier of the island republic")
    assert ", ," not in article.text


def test_text_artefacts_end_mark_is_dropped() -> None:
    assert _text(WIRE).endswith("arrived here by ship on Thursday.")


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        ("It ended., , ,  , , ,", ["It ended."]),
        ("It ended. , , , ,", ["It ended."]),
        ("One., , Two.", ["One.", "Two."]),
        ("He said:, ,  We agree.", ["He said:", "We agree."]),
        # A statement's introduction joined to its first paragraph by a single comma.
        ("The council issued the following statement:,  The dam will open.",
         ["The council issued the following statement:", "The dam will open."]),
        ("The ratio was 3:1, not 2:1", ["The ratio was 3:1, not 2:1"]),
        ('"We agree.", , ,', ['"We agree."']),
        ("Apples, pears, plums", ["Apples, pears, plums"]),  # commas of prose stay
        ("a list, , with a gap", ["a list, , with a gap"]),  # inside a sentence: as written
        ("Dear friends,", ["Dear friends,"]),  # one comma is prose
        ("It ended. -0-", ["It ended."]),
        ("The score was 3-0-1", ["The score was 3-0-1"]),
        (", , ,", []),
    ],
)  # fmt: skip
def test_text_artefacts_split_scraped_line(line: str, pieces: list[str]) -> None:
    assert split_scraped_line(line) == pieces


# A short story with its signature glued after the last sentence, as the Rodong Sinmun sample
# delivers every story: without the split the line reads as a deck and the page as furniture.
SIGNED_SHORT = (
    "The premier of the island republic received a basket of flowers from the harbour "
    "pilots' guild on Tuesday on the occasion of the national day. Coastal News Team"
)
SIGNED_BY_NAME = (
    "The guild said the ferry agreement must be carried out in full. It called on the "
    "coastal state to honour its word. Ana Vella"
)


@pytest.mark.parametrize(
    ("raw", "text", "authors"),
    [
        (
            SIGNED_SHORT,
            "The premier of the island republic received a basket of flowers from the harbour "
            "pilots' guild on Tuesday on the occasion of the national day.",
            (),
        ),
        (
            SIGNED_BY_NAME,
            "The guild said the ferry agreement must be carried out in full. It called on the "
            "coastal state to honour its word.",
            ("Ana Vella",),
        ),
    ],
)
def test_text_artefacts_glued_signature_is_cut_from_a_short_story(
    raw: str, text: str, authors: tuple[str, ...]
) -> None:
    article = extract_article(Document(data=raw.encode(), source="story.txt"))
    assert article.text == text
    assert article.authors == authors


@pytest.mark.parametrize(
    "line",
    [
        "Talks Resume in the Capital",  # a headline: no sentence before the capitals
        "He met the envoy. Then Both Sides Left",  # too short to be a story before the tail
        "The ministers met on Monday and agreed to meet again in the coming month. They did.",
    ],
)
def test_text_artefacts_no_signature_without_a_story_before_it(line: str) -> None:
    assert split_signature(line) == (line, None)


def test_text_artefacts_statement_introduction_opens_the_body() -> None:
    # The introduction, joined to the statement by one comma, is the story's first paragraph,
    # not its title: a line ending with a colon introduces what follows.
    raw = (
        "A spokesman for the harbour council released the following statement Friday:,  The "
        "dam on the river will open on Monday., ,  The valley will have water all summer., , ,"
    )
    article = extract_article(Document(data=raw.encode(), source="story.txt"))
    assert article.title is None
    assert article.text.split("\n\n") == [
        "A spokesman for the harbour council released the following statement Friday:",
        "The dam on the river will open on Monday.",
        "The valley will have water all summer.",
    ]
