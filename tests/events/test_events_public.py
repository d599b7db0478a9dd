"""Cooperative acts with no political actor on either side are domestic news, not events."""

from __future__ import annotations

import pytest

from tests.events.conftest import Code

ACTORS = {"The farmers of Gondor": "GONCVL", "the weavers of Gondor": "GONCVL", "Mordor": "MOR"}


@pytest.mark.parametrize(
    "text",
    [
        "The farmers of Gondor warmly welcomed the weavers of Gondor at the station.",
        "The farmers of Gondor praised the new harvest festival on Sunday.",
    ],
)
def test_public_cooperation_is_no_event(code: Code, text: str) -> None:
    assert code(text, ACTORS) == ()


def test_public_praising_a_state_is_an_event(code: Code) -> None:
    events = code("The farmers of Gondor praised Mordor on Sunday.", ACTORS)
    assert {(e.source_actor, e.target_actor) for e in events} == {("GONCVL", "MOR")}
