"""The seed article's events (the issue's "done when"), through the whole pipeline."""

from __future__ import annotations

import pytest

from parley.records import Analysis, Event


def _needs_entities(analysis: Analysis) -> None:
    # A broken entity stage must fail these tests, not skip them.
    assert analysis.entities, "the entity stage produced no entities"


def _sentence_has(event: Event, words: str) -> bool:
    return words in event.sentence


def test_events_seed_sentences_are_text_at_offsets(seed_analysis: Analysis) -> None:
    text = seed_analysis.article.text
    assert seed_analysis.events, "the seed article should yield events"
    for event in seed_analysis.events:
        assert text[event.start : event.end] == event.sentence
        assert event.start <= event.trigger[0] < event.trigger[1] <= event.end
        assert event.id.startswith("v")


def test_events_seed_pompeo_appeals_to_china(seed_analysis: Analysis) -> None:
    _needs_entities(seed_analysis)
    urges = [
        e
        for e in seed_analysis.events
        if e.cameo.startswith("02") and _sentence_has(e, "urged China")
    ]
    assert urges, "Pompeo's urging of China should be an appeal (CAMEO 02)"
    event = urges[0]
    assert (event.source_actor or "").startswith("USA")
    assert (event.target_actor or "").startswith("CHN")
    assert (event.date, event.date_source) == ("2018-11-09", "text")
    assert event.modality == "asserted"


def test_events_seed_us_pressure_on_north_korea(seed_analysis: Analysis) -> None:
    _needs_entities(seed_analysis)
    pressure = [
        e
        for e in seed_analysis.events
        if e.quad_class >= 3
        and (e.source_actor or "").startswith("USA")
        and (e.target_actor or "").startswith("PRK")
    ]
    assert pressure, "the US pressure on North Korea should be a conflictual US->PRK event"


@pytest.mark.parametrize(
    ("words", "date"),
    [
        ("Choson Sinbo", "2018-11-10"),
        ("Foreign Ministry", "2018-11-02"),
    ],
)
def test_events_seed_north_korean_warnings(seed_analysis: Analysis, words: str, date: str) -> None:
    _needs_entities(seed_analysis)
    warnings = [
        e
        for e in seed_analysis.events
        if _sentence_has(e, words)
        and e.quad_class >= 3
        and (e.source_actor or "").startswith("PRK")
        and (e.target_actor or "").startswith("USA")
    ]
    assert warnings, f"the warning in the {words} sentence should be a PRK->USA conflict event"
    assert warnings[0].date == date


# Analysts' predictions, scenarios and recommendations in the seed: each must be an event
# (so the check below cannot pass by finding nothing) and none may be asserted.
PREDICTIONS = (
    "reluctant to ease",  # "the US is likely to remain reluctant to ease those sanctions"
    "it’s essential to ease sanctions",  # Yang Moo-jin's recommendation
)


@pytest.mark.parametrize("words", PREDICTIONS)
def test_events_seed_predictions_exist_and_are_not_asserted(
    seed_analysis: Analysis, words: str
) -> None:
    events = [e for e in seed_analysis.events if words in e.sentence]
    assert events, f"the prediction in {words!r} should be coded as an event"
    for event in events:
        assert event.modality != "asserted", event


def test_events_seed_a_threat_posed_is_no_threat_made(seed_analysis: Analysis) -> None:
    # Mark Fitzpatrick's scenario: North Korea's tests "would pose a strategic threat" is a
    # danger an analyst sees, not a threat North Korea made, and never one against the State
    # Department he once worked for.
    for event in seed_analysis.events:
        if "would not only pose a strategic threat" in event.sentence:
            assert event.cameo[:2] != "13", event
            assert "State Department" not in (event.target_text or ""), event


def test_events_seed_other_predictions_never_asserted(seed_analysis: Analysis) -> None:
    for event in seed_analysis.events:
        if "could move toward" in event.sentence or "isn’t very likely to revert" in event.sentence:
            assert event.modality != "asserted", event
