"""A criticism whose words name nobody ("owing to the reckless acts of the warmongers") is aimed
at the party the story sets against its speaker, or that another speaker's hostility nearby is
aimed at; with neither, it is no event (parley/events/adversary.py, ``aim_criticism``)."""

from __future__ import annotations

from tests.events.conftest import Code

PARTIES = {
    "Gondor Friendship Association": "GONNGO",
    "Rohan Council": "ROHNGO",
    "Mordor": "MOR",
    "Rohan": "ROH",
}
KINDS = {"Gondor Friendship Association": "organization", "Rohan Council": "organization"}
NAMELESS = (
    "The Rohan Council said that the crisis is reaching a grave phase owing to the reckless "
    "acts of the warmongers."
)


def _coded(events: tuple) -> set[tuple[str | None, str, str | None]]:  # type: ignore[type-arg]
    return {(e.source_actor, e.cameo, e.target_actor) for e in events}


def test_unaimed_criticism_shares_the_target_another_speaker_condemned(code: Code) -> None:
    text = "The Gondor Friendship Association denounced Mordor for its provocations. " + NAMELESS
    assert ("ROHNGO", "111", "MOR") in _coded(code(text, PARTIES, kinds=KINDS))


def test_unaimed_criticism_aimed_at_who_acted_against_the_speaker(code: Code) -> None:
    text = "Mordor rejected the proposal of the Rohan Council last week. " + NAMELESS
    assert ("ROHNGO", "111", "MOR") in _coded(code(text, PARTIES, kinds=KINDS))


def test_unaimed_criticism_with_no_adversary_is_no_event(code: Code) -> None:
    text = "The Gondor Friendship Association praised the harvest festival. " + NAMELESS
    assert not [e for e in code(text, PARTIES, kinds=KINDS) if e.source_actor == "ROHNGO"]


def test_unaimed_criticism_never_aimed_at_the_speakers_side(code: Code) -> None:
    text = "Mordor denounced Rohan for its provocations. " + NAMELESS
    criticisms = {
        e.target_actor
        for e in code(text, PARTIES, kinds=KINDS)
        if e.source_actor == "ROHNGO" and e.cameo[:2] == "11"
    }
    assert criticisms == {"MOR"}
