"""Resolvers of ranges written as one phrase: "the 23rd and 24th of February", "April 24 and
25", "February 23-24", "Monday and Tuesday", "2009-2010", "1957-58".

Each end is a time expression of its own, as TimeBank annotates them ("April 24" and "25"),
and the later end is resolved from the first: the same month and year, the first such weekday
after, the next year with those last digits. So a range never runs backwards and its ends
never straddle a year that the words do not cross. A phrase that does not read as a range (the
second day not after the first, "24 and 25 people") is no match, and the single-date rules
take its words.
"""

from __future__ import annotations

import re
from datetime import date

from parley.records import TimexType
from parley.time.resolve_dates import number_or_ordinal, resolve_day, written_year
from parley.time.resolve_days import weekday_day, with_part
from parley.time.state import Piece, Pieces, State, note
from parley.time.values import Point, add_days, year_value

# Words after a number that make it an amount, not a day or a year ("April 24 and 25 people").
AMOUNT = re.compile(
    r"\s*(?:%|percent\b|per\s+cent\b|people\b|men\b|women\b|troops\b|soldiers\b|shares\b|"
    r"tons\b|miles\b|feet\b|meters\b|metres\b|students\b|workers\b|jobs\b|members\b|"
    r"dollars\b|yen\b|won\b|points\b|cars\b|units\b|others\b|of\s+them\b)",
    re.I,
)


# Separators that make a span ("Friday to Monday"), not a list ("Friday and Thursday").
_SPAN_SEP = re.compile(r"[-\u2013]|\b(?:to|through)\b")


def amount_follows(text: str, at: int) -> bool:
    """True when the words at ``at`` make the number before them an amount."""
    return AMOUNT.match(text, at) is not None


def _month(state: State, raw: str) -> int | None:
    return state.lex.months.get(raw.lower().rstrip("."))


def _day_pieces(m: re.Match[str], state: State, first_end: int, second_start: int) -> Pieces:
    """The two days of a month of ``m`` (groups mon, d1, d2, year): the first up to
    ``first_end``, the second from ``second_start`` to the end of the match."""
    month = _month(state, m.group("mon"))
    d1 = number_or_ordinal(state, m.group("d1"))
    d2 = number_or_ordinal(state, m.group("d2"))
    if month is None or d1 is None or d2 is None or not 1 <= d1 < d2 <= 31:
        return None
    if amount_follows(state.text, m.end()):
        return None
    first = resolve_day(state, month, d1, written_year(m), m.start(), m.end())
    if first is None:
        return None
    kind, value, anchor = first
    if anchor == "unresolved":
        second_value = f"XXXX-{month:02d}-{d2:02d}"
    else:
        try:
            second = date(int(value[:4]), month, d2)
        except ValueError:  # "February 28-30"
            return None
        note(state, Point(second, "day"))
        second_value = second.isoformat()
    return (
        (m.start(), first_end, kind, value, anchor),
        (second_start, m.end(), kind, second_value, anchor),
    )


def r_month_days(m: re.Match[str], state: State) -> Pieces:
    """ "April 24 and 25", "February 23-24, 2012": "April 24" and "25"."""
    return _day_pieces(m, state, m.end("d1x"), m.start("d2"))


def r_days_month(m: re.Match[str], state: State) -> Pieces:
    """ "the 23rd and 24th of February", "23-24 February": "the 23rd" and "24th of February"."""
    return _day_pieces(m, state, m.end("d1x"), m.start("d2"))


def r_weekdays(m: re.Match[str], state: State) -> Pieces:
    """ "Monday and Tuesday", "Friday to Sunday": the second the first such day after the
    first (with its part of the day, when one follows: "Monday and Tuesday nights"). Two days
    listed against the order of the week ("made Friday and Thursday") are each resolved as
    if alone."""
    wd1 = state.lex.weekdays.get(m.group("wd1").lower())
    wd2 = state.lex.weekdays.get(m.group("wd2").lower())
    if wd1 is None or wd2 is None or wd1 == wd2:
        return None
    pod = m.group("pod")
    if state.dct is None:
        kind: TimexType = "TIME" if pod else "DATE"
        return (
            (m.start(), m.end("wd1"), kind, f"XXXX-WXX-{wd1}", "unresolved"),
            (m.start("wd2"), m.end(), kind, f"XXXX-WXX-{wd2}", "unresolved"),
        )
    rel = " ".join((m.group("rel") or "").lower().split())
    first = Point(weekday_day(state, wd1, rel, m.start(), m.end()), "day")
    if wd2 > wd1 or _SPAN_SEP.search(m.group("sep")):
        second = Point(add_days(first.day, (wd2 - wd1) % 7), "day")
    else:  # "Friday and Thursday": a list, each day on its own
        second = Point(weekday_day(state, wd2, "", m.start("wd2"), m.end()), "day")
    pieces: list[Piece] = []
    for point, start, end in ((first, m.start(), m.end("wd1")), (second, m.start("wd2"), m.end())):
        timed, kind = with_part(point, pod, state)
        pieces.append((start, end, kind, timed.value(), "anchor"))
    note(state, second)
    return tuple(pieces)


def r_years(m: re.Match[str], state: State) -> Pieces:
    """ "2009-2010", "1957-58", "2011/12": two years, the second after the first."""
    y1 = int(m.group("y1"))
    tail = m.group("y2")
    if len(tail) == 4:
        y2 = int(tail)
    else:
        y2 = y1 // 100 * 100 + int(tail)
        if y2 <= y1:
            y2 += 100  # "1999-00"
    if not y1 < y2 <= y1 + 100 or amount_follows(state.text, m.end()):
        return None
    note(state, Point(date(y2, 1, 1), "year"))
    return (
        (m.start(), m.end("y1"), "DATE", year_value(y1), "absolute"),
        (m.start("y2"), m.end(), "DATE", year_value(y2), "absolute"),
    )
