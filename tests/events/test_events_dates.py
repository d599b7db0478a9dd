"""Dates: a time expression governing the clause, else the publication date."""

from __future__ import annotations

from parley.records import Timex
from tests.events.conftest import Code

ACTORS = {"Mordor": "MOR", "Gondor": "GON"}


def _timex(text: str, words: str, value: str) -> Timex:
    start = text.index(words)
    return Timex(words, "DATE", value, start, start + len(words))


def test_dates_from_governing_timex(code: Code) -> None:
    text = "During a meeting on Nov. 9, Gondor urged Mordor to stop."
    events = code(text, ACTORS, (_timex(text, "Nov. 9", "2018-11-09"),))
    assert [(e.date, e.date_source) for e in events] == [("2018-11-09", "text")]


def test_dates_fall_back_to_publication(code: Code) -> None:
    events = code("Gondor urged Mordor to stop.", ACTORS)
    assert [(e.date, e.date_source) for e in events] == [("2018-11-12", "published")]


def test_dates_none_without_any_date(code: Code) -> None:
    events = code("Gondor urged Mordor to stop.", ACTORS, published=None)
    assert [(e.date, e.date_source) for e in events] == [(None, None)]


def test_dates_timex_of_other_clause_not_used(code: Code) -> None:
    text = "Gondor, which signed a treaty on March 3, criticized Mordor."
    events = code(text, ACTORS, (_timex(text, "March 3", "2018-03-03"),))
    criticism = [e for e in events if e.cameo.startswith("11")]
    assert [(e.date, e.date_source) for e in criticism] == [("2018-11-12", "published")]


def test_dates_reported_event_takes_saying_date(code: Code) -> None:
    text = "On Nov. 10, Gondor said that Mordor had attacked its border posts."
    events = code(text, ACTORS, (_timex(text, "Nov. 10", "2018-11-10"),))
    assert [(e.cameo[:2], e.date) for e in events] == [("19", "2018-11-10")]
