"""A criticism is never aimed at the party its words say was harmed."""

from __future__ import annotations

from tests.events.conftest import Code

PARTIES = {"Gondor Friendship Association": "GONNGO", "Mordor": "MOR", "Rohan": "ROH"}
KINDS = {"Gondor Friendship Association": "organization"}


def _coded(events: tuple) -> set[tuple[str | None, str, str | None]]:  # type: ignore[type-arg]
    return {(e.source_actor, e.cameo, e.target_actor) for e in events}


def test_evaluative_the_one_hurt_is_not_the_one_criticised(code: Code) -> None:
    # The warmongers (named by no code) are criticised; Mordor is whom they hurt.
    text = (
        "The Gondor Friendship Association said that the situation is grave due to the "
        "reckless acts of the warmongers hurting the dignity of the leadership of Mordor."
    )
    events = code(text, PARTIES, kinds=KINDS)
    assert not any(target == "MOR" for _, cameo, target in _coded(events) if cameo[:2] == "11")


def test_evaluative_the_one_who_hurts_is_still_criticised(code: Code) -> None:
    text = (
        "The Gondor Friendship Association said that the reckless acts of Rohan hurting the "
        "dignity of the leadership of Mordor are a grave provocation."
    )
    events = code(text, PARTIES, kinds=KINDS)
    assert ("GONNGO", "111", "ROH") in _coded(events)
