"""Speakers through pronouns and descriptions (``speakers.py``, ``discourse.py``), on short
texts written for these tests with hand-built entities: a pronoun is the speaker the report
follows or the subject just before, never the nearest country name."""

from __future__ import annotations

from typing import Any

import pytest

from parley.quotes import QuoteResources
from parley.quotes.build import quote_text
from parley.records import Entity, Quote
from tests.quotes.test_quotes_find import _entity, run_quotes

pytestmark = pytest.mark.model


def _speakers(
    nlp: Any, resources: QuoteResources, text: str, *names: tuple[str, str]
) -> list[tuple[str | None, str | None]]:
    entities = tuple(_entity(f"e{n}", name, kind, text) for n, (name, kind) in enumerate(names, 1))
    by_id: dict[str, Entity] = {e.id: e for e in entities}
    quotes: tuple[Quote, ...] = run_quotes(nlp, resources, text, entities)
    return [(q.speaker_text, by_id[q.speaker].name if q.speaker else None) for q in quotes]


def test_speakers_pronoun_follows_the_reported_speaker_not_the_country_named(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "The Harbour Council said on Monday that Freedonia had closed the canal.\n\n"
        "Freedonia wants to starve the coast, it noted."
    )
    got = _speakers(
        nlp, quote_resources, text, ("Harbour Council", "organization"), ("Freedonia", "country")
    )
    assert ("it", "Harbour Council") in got
    assert ("it", "Freedonia") not in got


def test_speakers_text_that_speaks_is_its_author(nlp: Any, quote_resources: QuoteResources) -> None:
    text = (
        "The Coast Gazette on Saturday carried a commentary on the moves of Freedonia.\n\n"
        "The commentary said Freedonia is raising tension in the strait.\n\n"
        "It noted that Freedonia wants a blockade."
    )
    got = _speakers(
        nlp, quote_resources, text, ("Coast Gazette", "media"), ("Freedonia", "country")
    )
    assert ("The commentary", "Coast Gazette") in got
    assert ("It", "Coast Gazette") in got


def test_speakers_pronoun_with_no_antecedent_in_reach_has_no_speaker(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "Ships of Freedonia sailed past the lighthouse.\n\n"
        "The storms grew worse over the week.\n\n"
        "The winds will not calm before spring, it said."
    )
    got = _speakers(nlp, quote_resources, text, ("Freedonia", "country"))
    assert got and all(who is None for _, who in got)


def test_speakers_subject_inside_the_marks_is_no_speaker(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "“If it cannot pay the tolls now, it will pay them later,” said Anna Berg, a port official."
    )
    (q,) = run_quotes(nlp, quote_resources, text, (_entity("e1", "Anna Berg", "person", text),))
    assert q.speaker == "e1" and q.speaker_text is not None
    assert q.speaker_text.startswith("Anna Berg")


def test_speakers_split_quote_text_leaves_the_attribution_out(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = "“We will not move,” the mayor said, “not this year and not next year.”"
    (q,) = run_quotes(nlp, quote_resources, text)
    assert q.text == "“We will not move,” “not this year and not next year.”"
    assert "said" not in q.text


@pytest.mark.parametrize(
    ("text", "pieces", "expected"),
    [
        ("“A,” he said.", ["“A,”"], "“A,”"),
        # Words between two pieces are the attribution: one space stands for them.
        ("“A,” he said, “B.”", ["“A,”", "“B.”"], "“A,” “B.”"),
        # Only layout between two paragraphs of a statement: kept as written.
        (
            "First line.\n\nSecond line.",
            ["First line.", "Second line."],
            "First line.\n\nSecond line.",
        ),
        ("No quote here.", [], ""),
    ],
)
def test_speakers_quote_text_joins_fragments(text: str, pieces: list[str], expected: str) -> None:
    fragments = [(text.index(p), text.index(p) + len(p)) for p in pieces]
    assert quote_text(text, fragments) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "It was reported that the canal will stay closed.",  # a passive with a dummy "it"
        "We have never asked Freedonia for any help.",  # the text's own "we", not Freedonia
    ],
)
def test_speakers_dummy_it_and_the_report_s_own_we_have_no_speaker(
    nlp: Any, quote_resources: QuoteResources, sentence: str
) -> None:
    text = "Freedonia said on Monday that the canal tolls would double.\n\n" + sentence
    got = _speakers(nlp, quote_resources, text, ("Freedonia", "country"))
    assert ("Freedonia", "Freedonia") in got
    assert all(who is None for written, who in got if written in ("It", "We"))


def test_speakers_plural_description_is_the_earlier_speaker_of_that_noun_not_one_body(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "Several civic organizations held a rally outside the Harbour Ministry on Monday.\n\n"
        "The organizations said the new tolls would ruin the port."
    )
    got = _speakers(nlp, quote_resources, text, ("Harbour Ministry", "organization"))
    assert all(who != "Harbour Ministry" for _, who in got)


def test_speakers_he_never_follows_a_country_speaker(
    nlp: Any, quote_resources: QuoteResources
) -> None:
    text = (
        "Freedonia said on Monday that the canal tolls would double.\n\n"
        "He said that the port would close."
    )
    got = _speakers(nlp, quote_resources, text, ("Freedonia", "country"))
    assert ("He", "Freedonia") not in got


@pytest.mark.parametrize(
    ("text", "names", "pair"),
    [
        pytest.param(
            "The Dock Workers Union held a rally in Portmere on Friday.\n\n"
            "The dockers marched to the town hall.\n\n"
            "They demanded that the port stay open all winter.",
            (("dockers", "group"),),
            ("They", "dockers"),
            id="they-take-the-plural-subject-before",
        ),
        # "The permanent observer of Freedonia" names a person by office: "he" is him,
        # though his words resolve to the country.
        pytest.param(
            "The permanent observer of Freedonia to the League accused the canal company of "
            "fraud.\n\n"
            "He said the tolls were illegal.",
            (("Freedonia", "country"),),
            ("He", "Freedonia"),
            id="office-holder-is-he",
        ),
        pytest.param(
            "Freedonia sent two warships to the strait on Monday.\n\n"
            "The dockers are badly mistaken if they think the strike will end soon.",
            (("Freedonia", "country"), ("dockers", "group")),
            ("they", "dockers"),
            id="they-in-a-clause-take-their-own-sentence-s-subject",
        ),
    ],
)
def test_speakers_pronoun_goes_to_its_antecedent(
    nlp: Any,
    quote_resources: QuoteResources,
    text: str,
    names: tuple[tuple[str, str], ...],
    pair: tuple[str, str],
) -> None:
    assert pair in _speakers(nlp, quote_resources, text, *names)
