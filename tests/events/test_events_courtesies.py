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
