"""Calendar points and their TIMEX3 values: a date plus the granularity it was named at.

"last week" is a point of granularity ``week``, "Nov. 9" one of ``day``; shifting a point by
a number of units and writing it as a TIMEX3 value ("2018-W45", "2018-11-09", "2018-Q3")
are the two things resolution needs.

Python's calendar ends at years 1 and 9999. Every date computed here goes through
``add_days``, ``add_months``, ``make_date`` or ``year_value``, which raise ``OutOfRange`` (and
only that) when a value would fall outside it; the tagger then writes the expression
unresolved.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

Granularity = Literal["day", "week", "month", "quarter", "year", "decade", "season"]

# Coarse to fine, for "is this point finer than that unit?".
_ORDER = {"decade": 0, "year": 1, "season": 2, "quarter": 2, "month": 3, "week": 4, "day": 5}


MIN_YEAR, MAX_YEAR = 1, 9999


class OutOfRange(Exception):
    """A date outside years 1..9999: the expression cannot be given a value."""


def year_value(year: int) -> str:
    """A year as a TIMEX3 value (four digits)."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise OutOfRange(f"year {year}")
    return f"{year:04d}"


def make_date(year: int, month: int, day: int) -> date:
    """``date(year, month, day)`` for a valid month and day (the caller's to check)."""
    year_value(year)
    return date(year, month, day)


def add_days(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        raise OutOfRange(f"{day} + {days} days") from None


@dataclass(frozen=True, slots=True)
class Point:
    day: date  # the first day of the period (or the day itself)
    gran: Granularity
    season: str = ""  # SP, SU, FA, WI when gran is "season"
    part: str = ""  # a part of the day (MO, AF, EV, NI) or a clock time "09:05"

    def value(self) -> str:
        d = self.day
        if self.gran == "day":
            base = d.isoformat()
            if not self.part:
                return base
            return f"{base}T{self.part}"
        if self.gran == "week":
            y, w, _ = d.isocalendar()
            return f"{y:04d}-W{w:02d}"
        if self.gran == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if self.gran == "quarter":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if self.gran == "season":
            return f"{d.year:04d}-{self.season}"
        if self.gran == "decade":
            return f"{d.year // 10:03d}"  # TimeML: "the 1990s" is "199"
        return f"{d.year:04d}"

    def finer_than(self, gran: str) -> bool:
        return _ORDER[self.gran] > _ORDER.get(gran, 5)


def add_months(d: date, months: int) -> date:
    """The same day of the month ``months`` later (the month's last day when it is shorter)."""
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    year_value(year)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last))


def shift(point: Point, n: int, unit: str) -> Point:
    """Move a point by ``n`` calendar units (D, W, M, Q, Y, DE), keeping its granularity."""
    if unit == "D":
        return replace(point, day=add_days(point.day, n))
    if unit == "W":
        return replace(point, day=add_days(point.day, 7 * n))
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return point
    return replace(point, day=add_months(point.day, n * months))


def at(day: date, gran: Granularity) -> Point:
    """The period of granularity ``gran`` that contains ``day``."""
    if gran == "week":
        return Point(add_days(day, 1 - day.isoweekday()), "week")
    if gran == "month":
        return Point(day.replace(day=1), "month")
    if gran == "quarter":
        return Point(date(day.year, (day.month - 1) // 3 * 3 + 1, 1), "quarter")
    if gran == "year":
        return Point(date(day.year, 1, 1), "year")
    if gran == "decade":
        return Point(date(day.year // 10 * 10 or 1, 1, 1), "decade")
    return Point(day, "day")


UNIT_GRAN: dict[str, Granularity] = {
    "D": "day",
    "W": "week",
    "M": "month",
    "Q": "quarter",
    "Y": "year",
    "DE": "decade",
}


def duration(n: float | None, unit: str) -> str:
    """A TIMEX3 duration: ``n`` units (None for a vague number: "several years" -> PXY).

    Clock units are written after a "T" (PT48H); a half unit goes into the next smaller unit
    (2.5 years -> P2Y6M, 1.5 minutes -> PT1M30S).
    """
    if n is None:
        return {"TH": "PTXH", "TM": "PTXM", "TS": "PTXS", "F": "PXW"}.get(unit, f"PX{unit}")
    whole = int(n)
    rest = n - whole
    if unit == "DE":
        return _join((10 * n, "Y"), None)
    if unit == "CE":
        return _join((100 * n, "Y"), None)
    if unit == "F":
        return _join((2 * n, "W"), None)
    smaller = {
        "Y": (12, "M"),
        "M": (30, "D"),
        "W": (7, "D"),
        "D": (24, "TH"),
        "TH": (60, "TM"),
        "TM": (60, "TS"),
        "Q": (3, "M"),
    }
    if rest and unit in smaller:
        factor, finer = smaller[unit]
        return _join((whole, unit), (rest * factor, finer))
    return _join((n, unit), None)


def _join(first: tuple[float, str], second: tuple[float, str] | None) -> str:
    parts = [p for p in (first, second) if p is not None and p[0]]
    date_part = "".join(f"{int(a)}{u}" for a, u in parts if not u.startswith("T"))
    time_part = "".join(f"{int(a)}{u[1:]}" for a, u in parts if u.startswith("T"))
    if not date_part and not time_part:
        return "PT0S"
    return "P" + date_part + (f"T{time_part}" if time_part else "")
