"""Rallies and meetings that denounce or demand are protests (CAMEO 14), against whom their
own clause names, or against whom the story's protest just before was."""

from __future__ import annotations

import pytest

from tests.events.conftest import Code

PARTIES = {"Gondor": "GON", "Rohan": "ROH", "Denethor": "GONGOV"}
KINDS = {"Denethor": "person"}


def _coded(events: tuple) -> set[tuple[str | None, str, str | None]]:  # type: ignore[type-arg]
    return {(e.source_actor, e.cameo[:2], e.target_actor) for e in events}


def test_protests_rally_calling_for_ouster_is_against_the_named(code: Code) -> None:
    text = "A candlelight rally calling for the ouster of Denethor took place in the capital."
    events = code(text, PARTIES, kinds=KINDS)
    assert (None, "14", "GONGOV") in _coded(events)


def test_protests_meeting_denouncing_is_a_protest_not_a_consultation(code: Code) -> None:
    text = "Rohan held a mass meeting denouncing the sanctions of Gondor."
    events = code(text, PARTIES, kinds=KINDS)
    coded = _coded(events)
    assert ("ROH", "14", "GON") in coded
    assert not any(root == "04" for _, root, _ in coded)


def test_protests_later_rally_keeps_the_campaigns_target(code: Code) -> None:
    text = (
        "A rally denouncing Denethor took place in the capital. Thousands of people from "
        "Rohan took part in the rally and demonstration."
    )
    events = code(text, PARTIES, kinds=KINDS)
    second = [e for e in events if e.start > text.index("Thousands") - 1]
    assert second and all(e.target_actor == "GONGOV" for e in second if e.cameo[:2] == "14")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Denethor held a campaign rally in Gondor on Friday.", id="campaign-rally"),
        pytest.param("Gondor demonstrated its might to Rohan.", id="showing-might"),
    ],
)
def test_protests_not_every_rally_or_demonstration(code: Code, text: str) -> None:
    events = code(text, PARTIES, kinds=KINDS)
    assert not any(e.cameo[:2] == "14" for e in events)


def test_rallying_the_people_against_a_ruler_is_113(code: Code) -> None:
    text = (
        "Rohan called upon the people to turn out in the struggle for putting an end to "
        "Denethor's rule."
    )
    events = code(text, PARTIES, kinds=KINDS)
    assert ("ROH", "11", "GONGOV") in _coded(events)
    assert not any(e.cameo[:2] == "02" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Rohan called for a Gondor boycott on Monday.", id="modifier"),
        pytest.param("Rohan called for a boycott of Denethor's speech.", id="of-phrase"),
    ],
)
def test_rallying_a_call_for_a_boycott_is_113_against_the_boycotted(code: Code, text: str) -> None:
    events = code(text, PARTIES, kinds=KINDS)
    assert any(e.source_actor == "ROH" and e.cameo == "113" and e.target_actor for e in events)
    assert not any(e.cameo[:2] == "02" for e in events), _coded(events)


def test_appeal_to_the_people_for_calm_stays_an_appeal(code: Code) -> None:
    events = code("Rohan called on the people to stay calm.", PARTIES, kinds=KINDS)
    assert not any(e.cameo == "113" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Farmers began a hunger strike on Friday to demand the release of Denethor's guards.",
            id="purpose-to-clause",
        ),
        pytest.param(
            "Thousands of students marched on Sunday calling for sanctions against Gondor.",
            id="participle-calling-for",
        ),
        pytest.param(
            "Dockers rioted at the port on Monday, joining strikers in demanding an end to "
            "the blockade by Gondor.",
            id="joining-in-demanding",
        ),
        pytest.param(
            "Miners stopped work on Monday over a mining levy imposed by Gondor.",
            id="over-a-thing-by-its-author",
        ),
        pytest.param(
            "Teachers stopped work on Tuesday over a school bill signed by Denethor.",
            id="over-a-thing-whose-making-is-coded",
        ),
    ],
)
def test_protests_by_unnamed_people_are_against_whom_their_purpose_names(
    code: Code, text: str
) -> None:
    # Protesters no entity codes: the other-country fallback cannot tell their own country,
    # but the clause saying what the protest is for names whom it is against.
    events = code(text, PARTIES, kinds=KINDS)
    protests = [e for e in events if e.cameo[:2] == "14"]
    assert protests, _coded(events)
    assert {e.target_actor for e in protests} & {"GON", "GONGOV"}, _coded(events)


def test_protests_temporal_clause_names_no_target(code: Code) -> None:
    text = "Students marched in the capital after Gondor closed the border."
    events = code(text, PARTIES, kinds=KINDS)
    assert not any(e.target_actor for e in events if e.cameo[:2] == "14"), _coded(events)


def test_protests_purpose_demanding_nothing_names_no_target(code: Code) -> None:
    text = "Dock unions marched through the city to win back the old wages of Gondor dockers."
    events = code(text, PARTIES, kinds=KINDS)
    assert not any(e.target_actor for e in events if e.cameo[:2] == "14"), _coded(events)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Rohan's dock unions launched an indefinite strike.", id="indefinite"),
        pytest.param("Rohan's teachers started a sit-in strike at the ministry.", id="sit-in"),
        pytest.param("Rohan's nurses began a three-day strike over pay.", id="days"),
        pytest.param("Rohan's rail unions held a 24-hour strike on Friday.", id="hours"),
        pytest.param("The unions of Rohan launched strikes against Denethor.", id="by-unions"),
        pytest.param("Rohan's dock workers launched strikes against Denethor.", id="by-workers"),
    ],
)
def test_protests_strike_named_by_its_form_or_length_is_a_strike(code: Code, text: str) -> None:
    # A strike with no such word may be a military one ("launched strikes on"); one named
    # by its form or length is a labour or protest strike (143) whatever its verb.
    events = code(text, PARTIES, kinds=KINDS)
    assert any(e.cameo == "143" for e in events), _coded(events)


def test_protests_strike_with_no_such_word_is_not_a_labour_strike(code: Code) -> None:
    events = code("Gondor launched strikes on Rohan's border posts.", PARTIES, kinds=KINDS)
    assert not any(e.cameo == "143" for e in events), _coded(events)


@pytest.mark.parametrize(
    "text",
    [
        "Farmers of Gondor began a hunger strike near the palace to demand the return of fields.",
        "Workers of Gondor launched a general strike across the land to demand an end to the levy.",
    ],
)
def test_protests_aim_of_a_begun_protest_is_part_of_it(code: Code, text: str) -> None:
    # The verb is only the doing of the protest its object names; the to-clause is its aim.
    roots = {e.cameo[:2] for e in code(text, PARTIES)}
    assert "14" in roots
    assert "10" not in roots


def test_protests_a_clause_after_the_protest_that_is_no_aim_stays(code: Code) -> None:
    # A time clause is no aim: the demand it tells is an act of its own.
    text = "Farmers of Gondor began a hunger strike after Rohan demanded their fields."
    roots = {e.cameo[:2] for e in code(text, PARTIES)}
    assert {"14", "10"} <= roots


@pytest.mark.parametrize(
    "text",
    [
        "Rohan held a rally in Minas Tirith on Monday, demanding the resignation of Denethor.",
        "Rohan held a torchlight rally in the capital on Friday to denounce Denethor.",
        "Rohan staged a candlelight vigil at the gate, accusing Denethor of lying.",
    ],
)
def test_protests_rally_aim_on_the_holding_verb_is_the_rally(code: Code, text: str) -> None:
    # The parser hangs the aim on "held"; the rally is the protest, its aim no act of its own,
    # and where it is held no one it is against.
    coded = _coded(code(text, PARTIES, kinds=KINDS))
    assert ("ROH", "14", "GONGOV") in coded
    assert not any(root in ("10", "11", "12") for _, root, _ in coded)


def test_protests_rally_aim_names_the_owner_of_what_it_is_against(code: Code) -> None:
    text = "Rohan held a rally at the square to protest against Denethor's plan to raise taxes."
    assert ("ROH", "14", "GONGOV") in _coded(code(text, PARTIES, kinds=KINDS))


def test_protests_meeting_with_an_aim_on_its_verb_stays_a_meeting(code: Code) -> None:
    text = "Rohan held a meeting with Gondor on Monday, calling for closer ties."
    coded = _coded(code(text, PARTIES, kinds=KINDS))
    assert not any(root == "14" for _, root, _ in coded)
