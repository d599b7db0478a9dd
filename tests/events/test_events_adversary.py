"""A warning or a rallying call that names nobody is aimed at the story's adversary: the other
party of the nearest hostile event that sets the warner's side against another
(parley/events/adversary.py)."""

from __future__ import annotations

from tests.events.conftest import Code

PARTIES = {"Gondor": "GON", "Rohan": "ROH", "Isengard": "ISG"}


def _coded(events: tuple) -> set[tuple[str | None, str, str | None]]:  # type: ignore[type-arg]
    return {(e.source_actor, e.cameo[:2], e.target_actor) for e in events}


def test_adversary_warning_aimed_at_who_acts_against_the_warner(code: Code) -> None:
    text = (
        "Rohan officially warned that it may use force at any moment. "
        "Gondor has rejected the border that Rohan declared last year."
    )
    coded = _coded(code(text, PARTIES))
    assert ("ROH", "13", "GON") in coded


def test_adversary_rallying_call_aimed_at_whom_the_caller_opposed(code: Code) -> None:
    text = (
        "Rohan demanded that Gondor stop building the dam. "
        "It called on the people to turn out in the intensive actions against the dam."
    )
    assert ("ROH", "11", "GON") in _coded(code(text, PARTIES))


def test_adversary_none_without_a_hostile_event(code: Code) -> None:
    text = (
        "Rohan officially warned that it may use force at any moment. "
        "Gondor and Isengard signed a trade agreement last year."
    )
    warnings = [e for e in code(text, PARTIES) if e.cameo[:2] == "13"]
    assert warnings and all(e.target_actor is None for e in warnings)


def test_adversary_too_far_away_is_no_target(code: Code) -> None:
    text = (
        "Rohan officially warned that it may use force at any moment. "
        "The harvest was good. The rivers were high. The roads were open. "
        "Gondor has rejected the border that Rohan declared last year."
    )
    warnings = [e for e in code(text, PARTIES) if e.cameo[:2] == "13"]
    assert warnings and all(e.target_actor is None for e in warnings)
