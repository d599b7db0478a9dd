"""Actors the entity stage left untagged, found through the knowledge base."""

from __future__ import annotations

from tests.events.conftest import Code


def test_kbactors_untagged_demonym_takes_head_sector(code: Code) -> None:
    events = code("Ruritanian diplomats said Syrian soldiers attacked Lebanon on Monday.", {})
    attacks = [e for e in events if e.cameo.startswith("19")]
    assert attacks, events
    assert attacks[0].source_actor == "SYRMIL"
    assert attacks[0].target_actor == "LBN"
    assert attacks[0].source is None  # no entity to link: the code came from the KB


def test_kbactors_entity_code_wins_over_kb(code: Code) -> None:
    events = code("Mordor attacked Lebanon.", {"Mordor": "MOR"})
    assert {(e.source_actor, e.target_actor) for e in events} == {("MOR", "LBN")}
