"""Diplomatic courtesies of state-media copy (issue 11, real text): thanks expressed, greetings
extended "on his own behalf to X", a giver named after a list of gifts, and the one "on a visit
to" a country. Every sentence is invented; the countries are Gondor (GON) and Rohan (ROH)."""

from __future__ import annotations

import pytest

from tests.events.conftest import Code

PEOPLE = {"Aragorn Elessar": "GONGOV", "Eomer Eadig": "ROHGOV", "Gondor": "GON", "Rohan": "ROH"}


def _dyads(events):  # type: ignore[no-untyped-def]
    return {(e.source_actor, e.cameo[:3], e.target_actor) for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Eomer Eadig expressed deep thanks to Aragorn Elessar for the warm hospitality.",
        "Eomer Eadig conveyed his thanks to Aragorn Elessar for the gift.",
    ],
)
def test_courtesies_thanks_expressed_to_someone_praise_them(code: Code, text: str) -> None:
    assert ("ROHGOV", "051", "GONGOV") in _dyads(code(text, PEOPLE))


@pytest.mark.parametrize(
    "text",
    [
        "Eomer Eadig expressed thanks for it and asked the envoy to convey his greetings.",
        "Eomer Eadig extended his thanks for it on Monday.",
    ],
)
def test_courtesies_thanks_to_no_one_are_no_event(code: Code, text: str) -> None:
    assert all(root != "051" for _, root, _ in _dyads(code(text, PEOPLE)))


def test_courtesies_congratulations_on_his_own_behalf_to_someone(code: Code) -> None:
    # The parser hangs the to-phrase on the last "behalf".
    text = (
        "In the message, Eomer Eadig extended warm congratulations on behalf of the people "
        "of Rohan and on his own behalf to Aragorn Elessar on the national day."
    )
    assert ("ROHGOV", "051", "GONGOV") in _dyads(code(text, PEOPLE))


def test_courtesies_the_giver_after_a_list_of_gifts(code: Code) -> None:
    text = "Aragorn Elessar received a floral basket and a congratulatory letter from Eomer Eadig."
    assert ("ROHGOV", "051", "GONGOV") in _dyads(code(text, PEOPLE))


def test_courtesies_a_later_gift_keeps_its_own_giver(code: Code) -> None:
    # The first basket came from the corps (no country), the later baskets from Eomer Eadig.
    text = (
        "Aragorn Elessar received a floral basket and a congratulatory letter from the "
        "diplomatic corps and floral baskets from the envoys of Eomer Eadig."
    )
    baskets = [e for e in code(text, PEOPLE) if e.trigger[0] == text.index("floral basket")]
    assert all(e.source_actor != "ROHGOV" for e in baskets)


def test_courtesies_the_one_on_a_visit_makes_it(code: Code) -> None:
    text = "Eomer Eadig on an official visit to Gondor met Aragorn Elessar on Monday."
    visits = [e for e in code(text, PEOPLE) if e.cameo == "042"]
    assert [(e.source_actor, e.target_actor) for e in visits] == [("ROHGOV", "GON")]


def test_courtesies_a_visit_is_not_made_by_the_place_it_goes_to(code: Code) -> None:
    # "the orchestra on a visit to Gondor": the name inside the journey's phrase is where.
    text = "The head of the Rohan orchestra on a visit to Gondor paid a call on the minister."
    visits = [e for e in code(text, PEOPLE) if e.trigger[0] == text.index("visit")]
    assert all(e.source_actor != "GON" for e in visits)


@pytest.mark.parametrize(
    "text",
    [
        "Aragorn Elessar met Eomer Eadig, who paid a courtesy call on him at the palace.",
        "Aragorn Elessar met and had a talk with Eomer Eadig who paid a farewell call on him.",
    ],
)
def test_courtesies_a_call_told_in_a_relative_clause_is_the_caller_s(code: Code, text: str) -> None:
    # The call is its maker's own act, not a part of the meeting that names the maker.
    calls = [e for e in code(text, PEOPLE) if e.trigger[0] == text.index("paid")]
    assert [(e.source_actor, e.cameo) for e in calls] == [("ROHGOV", "042")]


def test_courtesies_who_is_not_the_country_the_parser_ran_into_a_name(code: Code) -> None:
    # "the envoy to the Gondor Hama Helm who": the parser may read the country and the name
    # as one phrase; "who" is the envoy, whom no code is known for here: no call is coded.
    text = (
        "Aragorn Elessar had a talk with the new envoy to the Gondor Hama Helm who paid a "
        "courtesy call on him."
    )
    calls = [e for e in code(text, PEOPLE) if e.trigger[0] == text.index("paid")]
    assert all(e.source_actor != "GON" for e in calls)


@pytest.mark.parametrize(
    "text",
    [
        "Eomer Eadig visited the Hall of Kings on Monday to pay homage to Aragorn Elessar.",
        "Eomer Eadig and his party visited the Hall of Kings to pay tribute to Aragorn Elessar.",
    ],
)
def test_courtesies_visit_of_homage_is_made_to_the_one_honoured(code: Code, text: str) -> None:
    # The one honoured is the visit's target, not the building visited (docs/annotation.md).
    people = {**PEOPLE, "Hall of Kings": "GON"}
    kinds = {"Hall of Kings": "location"}
    assert ("ROHGOV", "042", "GONGOV") in _dyads(code(text, people, kinds=kinds))


def test_courtesies_visit_with_no_homage_is_made_to_the_place(code: Code) -> None:
    people = {**PEOPLE, "Minas Tirith": "GON"}
    dyads = _dyads(code("Eomer Eadig visited Minas Tirith to attend a ceremony.", people))
    assert ("ROHGOV", "042", "GON") in dyads


def test_courtesies_proposal_accepted_agrees_with_its_owner(code: Code) -> None:
    dyads = _dyads(code("Eomer Eadig accepted Gondor's proposal to set up an academy.", PEOPLE))
    assert ("ROHGOV", "030", "GON") in dyads


def test_courtesies_own_proposal_accepted_agrees_with_no_one(code: Code) -> None:
    dyads = _dyads(code("Eomer Eadig expressed his willingness to set up a joint academy.", PEOPLE))
    assert all(target is None for _, root, target in dyads if root == "030")
