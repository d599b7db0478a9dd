"""The stance stage in the whole pipeline, on wire copy written for these tests."""

from __future__ import annotations

import pytest

from parley import analyze
from parley.records import Analysis

WIRE = (
    "WASHINGTON (Wire) -- The United States will keep its sanctions on North Korea in place "
    "until Pyongyang gives up its nuclear weapons, Secretary of State Mike Pompeo said on "
    "Tuesday.\n\n"
    "North Korea's Foreign Ministry rejected the demand and called for an end to the sanctions. "
    '"We will never give up our nuclear deterrent," a spokesman for the North Korean Foreign '
    "Ministry said.\n\n"
    "South Korea urged both sides to resume talks as soon as possible."
)


@pytest.fixture(scope="module")
def wire() -> Analysis:
    return analyze(text=WIRE, published="2018-11-13T10:00:00+09:00")


def _find(analysis: Analysis, code: str, issue: str) -> list[str]:
    return [
        s.position
        for s in analysis.stances
        if (s.actor_code or "").startswith(code) and s.issue == issue
    ]


def test_stances_pipeline_positions_of_each_side(wire: Analysis) -> None:
    assert _find(wire, "USA", "sanctions") == ["support"]
    assert _find(wire, "PRK", "sanctions") == ["oppose"]
    assert _find(wire, "PRK", "denuclearization") == ["oppose"]
    assert _find(wire, "KOR", "negotiations") == ["support"]


def test_stances_pipeline_condition_mode_and_evidence(wire: Analysis) -> None:
    us = next(s for s in wire.stances if s.actor_name == "Mike Pompeo")
    assert us.condition_issue == "denuclearization"
    assert us.condition and us.condition.startswith("until Pyongyang")
    assert us.speaker_role == "Secretary of State"
    quotes = {q.id: q for q in wire.quotes}
    assert any(e in quotes for e in us.evidence)
    demand = next(s for s in wire.stances if s.issue == "sanctions" and s.position == "oppose")
    assert demand.mode == "demand"  # "called for an end to the sanctions"


def test_stances_pipeline_records_point_at_their_sentence(wire: Analysis) -> None:
    text = wire.article.text
    ids = {q.id for q in wire.quotes} | {e.id for e in wire.events}
    entities = {e.id for e in wire.entities}
    assert wire.stances
    for n, stance in enumerate(wire.stances, start=1):
        assert stance.id == f"s{n}"
        assert text[stance.start : stance.end] == stance.sentence
        assert stance.actor in entities
        assert set(stance.evidence) <= ids
        assert stance.cue is None or stance.start <= stance.cue[0] < stance.cue[1] <= stance.end
        assert stance.date == "2018-11-13" or (stance.date or "").startswith("2018-11")


def test_stances_pipeline_json_has_the_contract_fields(wire: Analysis) -> None:
    data = wire.to_dict()
    assert data["stances"]
    for stance in data["stances"]:
        assert {"actor", "issue", "position", "evidence"} <= set(stance)
        assert stance["position"] in ("support", "oppose", "undecided")
