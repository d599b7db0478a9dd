"""Whose stance is a side's position (``parley.brief.holders``), on rows written for these
tests and a store of two tables made by hand."""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
import pytest

from parley.brief.holders import (
    StateVoices,
    acts_for_side,
    outlet_codes,
    said_by_holder,
    speaks_for_side,
)
from parley.brief.queries import claimed


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


def _voices() -> StateVoices:
    """Voices of a made-up world: Freedonia's state runs its press; Ann Old left her last
    office at the end of 1999, Bo New holds one still."""
    offices = {"ann old": date(2000, 1, 1), "bo new": None}
    return StateVoices(frozenset({"FRD"}), offices)


@pytest.mark.parametrize(
    ("over", "kept"),
    [
        ({}, True),  # the holder's own minister
        ({"actor_code": "FRDMED", "actor_kind": "media"}, True),  # a paper the state runs
        ({"actor_code": "NORMED", "actor_kind": "media"}, False),  # a free country's weekly
        ({"speaker_code": "NORMED", "speaker_kind": "media"}, False),  # it speaks of Norway
        ({"speaker_code": "NOREDU", "speaker_kind": "person"}, False),  # a professor of Oslo
        ({"speaker_code": "NORGOV", "speaker_name": "Ann Old"}, False),  # out of office
        ({"speaker_code": "NORGOV", "speaker_name": "Ann Old", "day": date(1999, 5, 1)}, True),
        ({"speaker_code": "NORGOV", "speaker_name": "Bo New"}, True),  # in office still
        ({"actor_code": "NORGOV", "actor_kind": "person", "actor_name": "Ann Old"}, False),
        ({"actor_code": "IGOUNO", "actor_kind": "organization", "speaker_code": "IGOUNO"}, True),
        ({"quote_id": None, "speaker_code": None, "speaker_kind": None}, True),  # an act
    ],
)
def test_brief_holders_holder_and_speaker_are_state_voices(
    over: dict[str, Any], kept: bool
) -> None:
    row = _row(actor_kind="country", speaker_kind="person", day=date(2012, 3, 1))
    row.update(over)
    assert speaks_for_side(row, _voices()) is kept


def test_brief_holders_state_voices_load_the_shipped_tables() -> None:
    voices = StateVoices.load()
    assert voices.state_press and all(len(code) == 3 for code in voices.state_press)
    assert all(end is None or isinstance(end, date) for end in voices.offices.values())


def test_brief_holders_claimed_events_are_a_third_voice_s() -> None:
    """Events told inside a quote: a party's own words are its act; a third voice's
    (an uncoded analyst, another country's minister) are its claim."""
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE events (article_id VARCHAR, event_id VARCHAR, source VARCHAR,"
        " source_actor VARCHAR, target VARCHAR, target_actor VARCHAR, start_char INTEGER,"
        " trigger_start INTEGER)"
    )
    con.execute(
        "CREATE TABLE quotes (article_id VARCHAR, speaker VARCHAR, speaker_actor VARCHAR,"
        " start_char INTEGER, end_char INTEGER)"
    )
    con.execute(
        "INSERT INTO quotes VALUES ('a', 'e9', NULL, 100, 200), ('a', 'e3', 'NORGOV', 300, 400),"
        " ('a', 'e4', 'SWEGOV', 500, 600)"
    )
    con.execute(
        "INSERT INTO events VALUES"
        " ('a', 'v1', 'e1', 'NOR', 'e2', 'SWE', 90, 120),"  # the analyst's forecast
        " ('a', 'v2', 'e1', 'NOR', 'e2', 'SWE', 290, 320),"  # Norway's minister on Norway
        " ('a', 'v3', 'e1', 'NOR', 'e2', 'SWE', 10, 20),"  # the narration
        " ('a', 'v4', 'e1', 'NOR', 'e5', 'DNK', 510, 520),"  # Sweden on Norway and Denmark
        " ('a', 'v5', 'e9', NULL, 'e2', 'SWE', 150, 160)"  # the analyst's own act
    )
    rows = con.execute(f"SELECT event_id FROM events e WHERE {claimed()} ORDER BY 1").fetchall()
    assert [r[0] for r in rows] == ["v1", "v4"]


def test_brief_holders_issue_is_named_by_its_measure() -> None:
    from parley.brief.phrases import Phrases

    phrases = Phrases.load()
    # Rejecting "human rights" campaigns opposes the pressure, not human rights.
    assert "pressure" in phrases.issue("human_rights")
    assert phrases.issue("fishing_rights") == "fishing rights"  # a user's issue: its key


@pytest.mark.parametrize(
    ("over", "kept"),
    [
        ({}, True),  # a state's ministry to the other state
        ({"source_actor": "NORNGO", "source_kind": "organization"}, False),  # a diaspora union
        ({"source_actor": "NOR", "source_kind": "organization"}, False),  # a body of no sector
        ({"source_actor": "NOR", "source_kind": "group"}, True),  # "the Norwegian rulers"
        ({"source_actor": "NORMED", "source_kind": "media"}, False),  # a free country's paper
        ({"target_actor": "FRDMED", "target_kind": "media"}, True),  # a paper its state runs
        ({"source_actor": "NORGOV", "source_kind": "person", "source_name": "Ann Old"}, False),
        ({"target_actor": None, "target_kind": None}, True),  # no target coded
    ],
)
def test_brief_holders_a_dyad_s_events_are_its_states_acts(
    over: dict[str, Any], kept: bool
) -> None:
    row: dict[str, Any] = {
        "source_actor": "NORGOV", "source_kind": "organization", "source_name": "Ministry",
        "target_actor": "FRD", "target_kind": "country", "target_name": "Freedonia",
        "day": date(2012, 3, 1),
    }  # fmt: skip
    row.update(over)
    assert acts_for_side(row, _voices()) is kept
