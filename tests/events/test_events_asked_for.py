"""A request aimed at whom the act it asks for is done to: the object of an asked-for gerund
("called for toppling X"), the party of an asked-for event noun ("called for sanctions against
X", "in demand of the impeachment of X"); never whoever merely owns the thing asked for."""

from __future__ import annotations

import pytest

from tests.events.conftest import Code

PARTIES = {"Gondor": "GON", "Rohan": "ROH", "Denethor": "GONGOV", "Theoden": "ROHGOV"}
KINDS = {"Denethor": "person", "Theoden": "person"}


def _coded(events: tuple) -> set[tuple[str | None, str, str | None]]:  # type: ignore[type-arg]
    return {(e.source_actor, e.cameo[:2], e.target_actor) for e in events}


@pytest.mark.parametrize(
    ("text", "root"),
    [
        pytest.param("Rohan called for toppling Denethor without delay.", "02", id="for-gerund"),
        pytest.param("Rohan called for punishing Denethor at once.", "02", id="punishing"),
        pytest.param("Rohan demanded ousting Denethor from office.", "10", id="xcomp-gerund"),
        pytest.param("Rohan called for sanctions against Gondor.", "02", id="for-event-noun"),
    ],
)
def test_asked_for_act_names_the_target(code: Code, text: str, root: str) -> None:
    events = code(text, PARTIES, kinds=KINDS)
    target = "GON" if "Gondor" in text else "GONGOV"
    assert ("ROH", root, target) in _coded(events)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Rohan called for glorifying Gondor in song.", id="praise-asked-of-all"),
        pytest.param("Rohan called for building Gondor's new road.", id="thing-owned"),
        pytest.param("Rohan called for equal rights of the farmers of Gondor.", id="no-event"),
    ],
)
def test_asked_for_thing_is_aimed_at_no_owner(code: Code, text: str) -> None:
    events = code(text, PARTIES, kinds=KINDS)
    assert all(e.target_actor is None for e in events if e.cameo[:2] == "02")


def test_asked_for_demand_of_an_act_is_aimed_at_its_party(code: Code) -> None:
    # The of-phrase of the demand is the act asked for; Theoden is asked, not the asker.
    text = (
        "The rally, which has been held by the farmers of Gondor every week in demand of the "
        "impeachment of Theoden, ended on Sunday."
    )
    events = code(text, PARTIES, kinds=KINDS)
    demands = [e for e in events if e.cameo[:2] == "10"]
    assert demands
    assert all(e.source_actor != "ROHGOV" for e in demands)
    assert any(e.target_actor == "ROHGOV" for e in demands)


def test_asked_for_demands_of_a_party_stay_its_own(code: Code) -> None:
    events = code("The demands of Rohan were ignored by Gondor.", PARTIES, kinds=KINDS)
    assert any(e.source_actor == "ROH" and e.cameo[:2] == "10" for e in events)


def test_asked_for_protest_in_demand_of_an_ouster(code: Code) -> None:
    text = (
        "Farmers of Rohan staged a demonstration on Saturday in demand of the resignation of "
        "Denethor."
    )
    events = code(text, PARTIES, kinds=KINDS)
    assert any(e.cameo[:2] == "14" and e.target_actor == "GONGOV" for e in events)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # Whoever must stop the act is asked: its doer, never the one it is done to.
        ("Arnor demanded an end to the Gondor blockade of Rohan.", "GON"),
        ("Arnor called for a halt to the Gondor attacks on Rohan.", "GON"),
        ("Arnor demanded an end to the joint drills of Gondor against Rohan.", "GON"),
        # No doer named: the one the act is done to is still no target.
        ("Arnor demanded an end to the anti-Rohan war drills.", None),
    ],
)
def test_asked_for_stop_is_aimed_at_the_doer(code: Code, text: str, target: str | None) -> None:
    events = code(text, {**PARTIES, "Arnor": "ARN"}, kinds=KINDS)
    assert {(e.source_actor, e.target_actor) for e in events if e.cameo[:2] in ("02", "10")} == {
        ("ARN", target)
    }
