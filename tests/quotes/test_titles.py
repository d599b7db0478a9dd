"""Titles in quotation marks (parley/quotes/titles.py): which quoted spans name a work or a
text, of which kind, and whether words name them so; no model."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.errors import KnowledgeBaseError
from parley.quotes import QuoteResources
from parley.quotes.marks import find_quoted
from parley.quotes.titles import Title, TitleNouns, find_titles


def _titles(text: str, resources: QuoteResources) -> list[str]:
    """Each title as "words: kind", "(cased)" after a title no words name."""
    found: list[Title] = find_titles(
        text, find_quoted(text, resources.marks), resources.lexicon.title_nouns
    )
    return [
        f"{text[t.quoted.inner_start : t.quoted.inner_end]}: {'claim' if t.claim else 'work'}"
        + ("" if t.named else " (cased)")
        for t in found
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A work's noun right before the mark, a plural or a hyphened one too.
        ('The paper ran a poem "Spring comes" today.', ["Spring comes: work"]),
        ('It ran write-ups "Our harvest" and "Dams".', ["Our harvest: work", "Dams: work"]),
        ('They sang songs "Star", "Hill" or "Sea".', ["Star: work", "Hill: work", "Sea: work"]),
        ('The radio aired the stories "A miner\'s day" at noon.', ["A miner's day: work"]),
        # A claim's noun: the title of a text that makes claims.
        ('Gondor issued a press statement "Rohan must stop".', ["Rohan must stop: claim"]),
        # "titled" and "under the title": the nearest title noun before decides the kind.
        ('The council adopted a resolution titled "end it".', ["end it: claim"]),
        ('The paper carried an article on Monday titled "we mourn".', ["we mourn: work"]),
        ('The radio reported under the title of "A day of joy" that ...', ["A day of joy: work"]),
        ('Gondor issued a press statement under the title "Stop it".', ["Stop it: claim"]),
        # A theme, a slogan or a poster named with "of" or "as": its name, not words said.
        ('A rally met on the theme of "Let the port live".', ["Let the port live: work"]),
        ('They held such posters as "No tolls on the bridge!".', ["No tolls on the bridge!: work"]),
        # A work or a sign shown with its words: its name or its inscription, not words said.
        ('They sang songs including "Sails at dawn".', ["Sails at dawn: work"]),
        ('Among the new poems are "The port wakes".', ["The port wakes: work"]),
        # A named title described by a participle, then another: both titles.
        ('Among the new poems are "Dawn Watch" praising the sailors\' courage and "The Net '
         'Mender" showing the life of the fishing villages.',
         ["Dawn Watch: work", "The Net Mender: work"]),
        # Not past a description of a title no words name, nor to words said.
        ('Among the new poems are "Dawn Watch" praising the sailors and "the sea is ours".',
         ["Dawn Watch: work"]),
        ('Streamers reading "Glory to the dockers" hung there.', ["Glory to the dockers: work"]),
        ('The stone bears letters reading "Here the canal began".', ["Here the canal began: work"]),
        # Title case alone: a title no words name.
        ('"Our Great Leader Lives On"', ["Our Great Leader Lives On: work (cased)"]),
    ],
)  # fmt: skip
def test_titles_found_with_their_kind(
    quote_resources: QuoteResources, text: str, expected: list[str]
) -> None:
    assert _titles(text, quote_resources) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A lower-case opening after a noun is words said of the thing.
        'The governor called the program "worse than amnesty."',
        'She said the law "was going to go from a positive to a negative" that year.',
        # After a colon or a comma the marks hold words said.
        'The paper said in a commentary: "Gondor will never yield."',
        'Gondor said in a statement, "The drills must end."',
        # A lower-case opening after "is" or "reading", and letters sent, are words said.
        'The plan is "worse than useless", he said.',
        'A letter reading "Gondor will not yield" reached the council.',
        # "the banner of" a cause is a figure in someone's words, no work named.
        'They will fight under the banner of "By our own hands", it said.',
    ],
)
def test_titles_words_said_are_no_title(quote_resources: QuoteResources, text: str) -> None:
    assert _titles(text, quote_resources) == []


def test_titles_a_long_quotation_after_a_noun_is_no_title(quote_resources: QuoteResources) -> None:
    words = " ".join(["Gondor will hold the hills"] * 13)  # 65 words
    assert _titles(f'The minister read a statement "{words}" on Friday.', quote_resources) == []


def test_titles_nouns_table(tmp_path: Path) -> None:
    table = tmp_path / "title_nouns.tsv"
    table.write_text("# header\npoem\twork\nstatement\tclaim\nwriteup\twork\n", encoding="utf-8")
    nouns = TitleNouns.read(table)
    assert (nouns.works, nouns.claims) == (frozenset({"poem", "writeup"}), frozenset({"statement"}))
    assert [nouns.kind(w) for w in ("Poems", "write-ups", "statements", "stress")] == [
        "work",
        "work",
        "claim",
        None,
    ]


@pytest.mark.parametrize(
    ("line", "problem"),
    [("poem\tsong", "unknown kind"), ("press statement\tclaim", "expected one noun")],
)
def test_titles_nouns_table_errors_name_the_line(tmp_path: Path, line: str, problem: str) -> None:
    table = tmp_path / "title_nouns.tsv"
    table.write_text(f"poem\twork\n{line}\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=f"title_nouns.tsv:2: {problem}"):
        TitleNouns.read(table)
