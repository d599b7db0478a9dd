"""Whose stance is a side's position (``parley.brief.holders``), on rows written for these
tests and a store of two tables made by hand."""

from __future__ import annotations

from typing import Any

import duckdb
import pytest

from parley.brief.holders import outlet_codes, said_by_holder, speaks_for_side


def _row(**over: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "actor_code": "NOR", "actor_name": "Norway", "reported_by": None, "quote_id": "q1",
        "quote_kind": "indirect", "speaker_code": "NORGOV", "speaker_name": "Ola Berg",
        "outlet_code": None,
    }  # fmt: skip
    row.update(over)
    return row


@pytest.mark.parametrize(
    ("over", "others", "kept"),
    [
        ({}, (), True),  # the side's own minister says it
        ({"reported_by": "e7"}, (), False),  # another voice reports the side's stance
        ({"speaker_code": "RUSGOV"}, (), False),  # the other side speaks of it
        ({"speaker_code": None}, (), False),  # nobody known says it
        ({"quote_id": None}, (), True),  # a neutral outlet's account of an act
        ({"quote_id": None, "outlet_code": "RUSMED"}, ("RUS",), False),  # the other's outlet
        ({"outlet_code": "RUSMED"}, ("RUS",), False),  # reported speech in the other's copy
        ({"outlet_code": "RUSMED", "quote_kind": "mixed"}, ("RUS",), False),  # scare quotes
        ({"outlet_code": "RUSMED", "quote_kind": "direct"}, ("RUS",), True),  # its own words
        ({"outlet_code": "NORMED"}, ("RUS",), True),  # the side's own outlet
        # A holder with no code holds what its own named speaker says.
        ({"actor_code": None, "speaker_code": None, "speaker_name": "Norway"}, (), True),
    ],
)
def test_brief_holders_a_side_s_position_is_what_it_says(
    over: dict[str, Any], others: tuple[str, ...], kept: bool
) -> None:
    assert said_by_holder(_row(**over), others) is kept


def test_brief_holders_outlet_code_is_the_store_s_code_of_its_name() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE entities (article_id VARCHAR, entity_id VARCHAR, actor VARCHAR)")
    con.execute(
        "CREATE TABLE mentions (article_id VARCHAR, entity_id VARCHAR, start_char INTEGER,"
        " end_char INTEGER, text VARCHAR)"
    )
    con.execute(
        "INSERT INTO entities VALUES ('a1', 'e1', 'RUSMED'), ('a2', 'e1', 'RUSMED'),"
        " ('a3', 'e4', 'NORMED'), ('a3', 'e5', NULL)"
    )
    con.execute(
        "INSERT INTO mentions VALUES ('a1', 'e1', 0, 4, 'Tass'), ('a2', 'e1', 9, 13, 'Tass'),"
        " ('a3', 'e4', 0, 4, 'Tass'), ('a3', 'e5', 20, 27, 'Nowhere')"
    )
    codes = outlet_codes(con, {"Tass (tass.example)", "Nowhere", "Unnamed Daily", ""})
    assert codes == {"Tass (tass.example)": "RUSMED"}  # the most frequent code of the name


@pytest.mark.parametrize(
    ("code", "kind", "kept"),
    [
        ("NORGOV", "organization", True),  # the government
        ("NORMED", "media", True),  # its media
        ("NORELI", "person", True),  # its leader
        ("NOR", "country", True),  # the country itself
        ("NOR", "person", True),  # a person with no sector known
        ("NOR", None, True),  # a store without the holder's kind
        ("NORNGO", "organization", False),  # a civic body that sits there
        ("NOREDU", "organization", False),  # a university
        ("NOR", "organization", False),  # a study group "of Norway": no state body known
    ],
)
def test_brief_holders_a_side_is_its_state_voices(code: str, kind: str | None, kept: bool) -> None:
    assert speaks_for_side(_row(actor_code=code, actor_kind=kind)) is kept
