"""The issue's acceptance check on the seed article, through the full pipeline.

The seed itself is needed (the module skips without ``../shared``); a broken upstream stage
(no entities, no time expressions, an error) fails these tests rather than skipping them.
"""

from __future__ import annotations

from typing import Any

import pytest

from parley.quotes.build import quote_text
from parley.records import Analysis, Quote

pytestmark = pytest.mark.model

# A phrase of each quotation in marks, and who said it.
QUOTED = {
    "President Trump could move toward": "Lee Su-hyeong",
    "sanctions are still on": "Trump",
    "there’s no need to bother with dialogue": "Choson Sinbo",
    "Since North Korea values the major developments": "Lee Su-hyeong",
    "Since President Trump has to start working": "Yang Moo-jin",
}
REPORTED = {
    "would be very helpful": "Pompeo",
    "continue to impose unprecedented diplomatic": "Pence",
    "maintain their pressure campaign": "Pence",
    "strategic threat": "Mark Fitzpatrick",
}


@pytest.fixture(scope="module")
def seed(seed_analysis: Analysis) -> Analysis:
    return seed_analysis


def _quote(seed: Analysis, phrase: str) -> Quote:
    found = [q for q in seed.quotes if phrase in q.text]
    assert found, f"no quote holds {phrase!r}"
    return found[0]


def _speaker_name(seed: Analysis, q: Quote) -> str:
    assert seed.entities, "the entity stage gave no entities"
    names = {e.id: e.name for e in seed.entities}
    assert q.speaker is not None, f"{q.text[:40]!r} has no speaker entity"
    return names[q.speaker]


@pytest.mark.parametrize(("phrase", "speaker"), sorted(QUOTED.items()))
def test_quotes_seed_quotations_have_their_speaker_text(
    seed: Analysis, phrase: str, speaker: str
) -> None:
    q = _quote(seed, phrase)
    assert q.kind in ("direct", "mixed")
    assert q.speaker_text is not None and speaker in q.speaker_text


@pytest.mark.parametrize(("phrase", "speaker"), sorted(QUOTED.items()))
def test_quotes_seed_quotations_resolve_to_entities(
    seed: Analysis, phrase: str, speaker: str
) -> None:
    assert speaker in _speaker_name(seed, _quote(seed, phrase))


def test_quotes_seed_newspaper_warning_goes_to_the_choson_sinbo(seed: Analysis) -> None:
    # The column the newspaper cites "warned": every quote holding the warning, the
    # citation and the quotation itself, is the Choson Sinbo's.
    holding = [q for q in seed.quotes if "not the sort of thing" in q.text]
    assert any(q.kind == "mixed" for q in holding)
    for q in holding:
        assert "Choson Sinbo" in _speaker_name(seed, q)


@pytest.mark.parametrize(("phrase", "speaker"), sorted(REPORTED.items()))
def test_quotes_seed_reported_statements(seed: Analysis, phrase: str, speaker: str) -> None:
    q = _quote(seed, phrase)
    assert q.kind == "indirect"
    assert q.speaker_text is not None and speaker in q.speaker_text


def test_quotes_seed_scare_quotes_are_not_speech(seed: Analysis) -> None:
    assert not [q for q in seed.quotes if q.text.strip("“”") == "tightening of the reins"]
    assert not [q for q in seed.quotes if "By Park Min-hee" in (q.speaker_text or "")]


@pytest.mark.parametrize(
    ("phrase", "date"),
    [("sanctions are still on", "2018-11-07"), ("no need to bother", "2018-11-10")],
)
def test_quotes_seed_dates(seed: Analysis, phrase: str, date: str) -> None:
    assert seed.timexes, "the time stage gave no time expressions"
    assert _quote(seed, phrase).date == date


def test_quotes_seed_ids_and_offsets(seed: Any) -> None:
    text = seed.article.text
    for n, q in enumerate(seed.quotes, 1):
        assert q.id == f"q{n}"
        assert q.text == quote_text(text, list(q.fragments))
        if q.speaker_span is not None:
            assert text[q.speaker_span[0] : q.speaker_span[1]] == q.speaker_text
