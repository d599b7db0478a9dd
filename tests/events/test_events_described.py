"""Parties named by a description (parley/events/described.py): "the company", "all the
participants", "the organizations" stand for the party the story introduced so; nobody when
two could be meant."""

from __future__ import annotations

import pytest

from tests.events.conftest import Code

ORGS = {"organization": "organization"}


def _parties(events, cameo_root: str, side: str):  # type: ignore[no-untyped-def]
    return [getattr(e, f"{side}_actor") for e in events if e.cameo.startswith(cameo_root)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Envoys of Mordor met Bree Trading Company. On Friday the company accused "
            "Mordor of lying.",
            ["GONBUS"],
        ),
        (
            "Bree Trading Company opened a shop in Gondor. The beverage company criticized "
            "Mordor for the blockade.",
            ["GONBUS"],
        ),
        # Two businesses in reach: the company is either, so nobody.
        (
            "Bree Trading Company and Shire Pipeweed Corporation opened shops in Gondor. The "
            "company criticized Mordor for the blockade.",
            [None],
        ),
    ],
)
def test_described_the_company_is_the_business_named_last(
    code: Code, text: str, expected: list[str | None]
) -> None:
    actors = {
        "Mordor": "MOR",
        "Gondor": "GON",
        "Bree Trading Company": "GONBUS",
        "Shire Pipeweed Corporation": "GONBUS",
    }
    kinds = {"Bree Trading Company": "organization", "Shire Pipeweed Corporation": "organization"}
    events = code(text, actors, kinds=kinds)
    assert _parties(events, "11", "source") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Guild of Smiths took part in a meeting in Minas Tirith on Monday. Aragorn "
            "praised all the participants for their work.",
            ["GONLAB"],
        ),
        (
            "Aragorn invited the Guild of Smiths to a feast. A meeting was held on Monday. He "
            "praised all the participants for their work.",
            ["GONLAB"],
        ),
        # Among those present are people no party is named for: the participants are many.
        (
            "A meeting was held in Minas Tirith. Present there were the Guild of Smiths and "
            "artists of various lands. Aragorn praised all the participants for their work.",
            [None],
        ),
    ],
)
def test_described_the_participants_are_who_the_story_said_took_part(
    code: Code, text: str, expected: list[str | None]
) -> None:
    actors = {"Aragorn": "GONGOV", "Guild of Smiths": "GONLAB", "Minas Tirith": "GON"}
    kinds = {"Aragorn": "person", "Guild of Smiths": "organization", "Minas Tirith": "location"}
    events = code(text, actors, kinds=kinds)
    assert _parties(events, "051", "target") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Civic organizations of Rohan held a press conference in Edoras on Monday. The "
            "organizations condemned Mordor for the raid.",
            ["ROHNGO"],
        ),
        # "The other organizations": not the ones named, so nobody.
        (
            "Civic organizations of Rohan held a press conference in Edoras on Monday. The "
            "other organizations condemned Mordor for the raid.",
            [None],
        ),
    ],
)
def test_described_a_repeated_plural_is_the_body_it_named(
    code: Code, text: str, expected: list[str | None]
) -> None:
    actors = {"Mordor": "MOR", "Civic organizations of Rohan": "ROHNGO", "Edoras": "ROH"}
    kinds = {"Civic organizations of Rohan": "group", "Edoras": "location"}
    events = code(text, actors, kinds=kinds)
    assert _parties(events, "11", "source") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A delegation of the Rohan Riders' League arrived in Minas Tirith on Monday. The "
            "delegation condemned Mordor for the raid.",
            ["ROHNGO"],
        ),
        # Two delegations in reach: the delegation is either, so nobody.
        (
            "A delegation of the Rohan Riders' League and a delegation of the Gondor Guard "
            "arrived in Minas Tirith. The delegation condemned Mordor for the raid.",
            [None],
        ),
    ],
)
def test_described_the_delegation_is_the_body_named_before(
    code: Code, text: str, expected: list[str | None]
) -> None:
    actors = {
        "Mordor": "MOR",
        "delegation of the Rohan Riders' League": "ROHNGO",
        "delegation of the Gondor Guard": "GONMIL",
        "Minas Tirith": "GON",
    }
    kinds = {
        "delegation of the Rohan Riders' League": "organization",
        "delegation of the Gondor Guard": "organization",
        "Minas Tirith": "location",
    }
    events = code(text, actors, kinds=kinds)
    assert _parties(events, "11", "source") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A delegation of the Rohan Riders' League arrived in Minas Tirith on Monday. The "
            "guests condemned Mordor for the raid.",
            ["ROHNGO"],
        ),
        (
            "Theoden and his party visited the citadel of Minas Tirith on Tuesday. The "
            "visitors condemned Mordor for the raid.",
            ["ROHGOV"],
        ),
        # Two visiting parties: the guests are either, so nobody.
        (
            "A delegation of the Rohan Riders' League and a delegation of the Gondor Guard "
            "arrived in Minas Tirith. The guests condemned Mordor for the raid.",
            [None],
        ),
    ],
)
def test_described_the_guests_are_the_party_that_came(
    code: Code, text: str, expected: list[str | None]
) -> None:
    actors = {
        "Mordor": "MOR",
        "Theoden": "ROHGOV",
        "delegation of the Rohan Riders' League": "ROHNGO",
        "delegation of the Gondor Guard": "GONMIL",
        "Minas Tirith": "GON",
    }
    kinds = {
        "Theoden": "person",
        "delegation of the Rohan Riders' League": "organization",
        "delegation of the Gondor Guard": "organization",
        "Minas Tirith": "location",
    }
    events = code(text, actors, kinds=kinds)
    assert _parties(events, "11", "source") == expected
