"""Resolvers of periods counted from the publication or from the last date mentioned:
quarters ("the third quarter", "the year-earlier period"), "last week", "this weekend",
"two days ago", "three days later", "the previous day", "earlier this month"."""

from __future__ import annotations

import re

from parley.time.context import lean, leans_forward, sentence_around
from parley.time.resolve_days import with_part
from parley.time.state import Resolved, State, done, note, number, unit_code
from parley.time.values import (
    MAX_YEAR,
    UNIT_GRAN,
    OutOfRange,
    Point,
    at,
    make_date,
    shift,
    year_value,
)

# "of" and a thing after a half or a quarter: a part of that thing (a match, a game, a
# speech), unless the thing is a year ("the second half of the fiscal year").
_OF_A_THING = re.compile(
    r"\s+of\s+(?:the|a|an|his|her|its|their|this|that|[a-z]+'s)\s+"
    r"(?!(?:(?:current|fiscal|financial|calendar|same|previous|following|coming|school)\s+)*"
    r"(?:year|decade|century|fy)\b)",
    re.I,
)


def _quarter_year(state: State, q: int, m: re.Match[str]) -> tuple[int, str] | None:
    year_raw = m.groupdict().get("year") or m.groupdict().get("year0")
    yrel = (m.groupdict().get("yrel") or m.groupdict().get("yrel0") or "").lower()
    if year_raw:
        return int(year_raw), "absolute"
    if state.dct is None:
        return None
    dct = state.dct
    if yrel:
        return dct.year + {"this": 0, "last": -1, "next": 1}[yrel], "anchor"
    current_q = (dct.month - 1) // 3 + 1
    if q > current_q and not leans_forward(state, m.start(), m.end()):
        return dct.year - 1, "anchor"
    return dct.year, "anchor"


def r_quarter(m: re.Match[str], state: State) -> Resolved:
    ord_raw = m.group("ord").lower()
    n = {"final": 4}.get(ord_raw) or state.lex.ordinals.get(ord_raw)
    if n is None:
        return None
    half = m.group("unit").lower() == "half"
    if (half and n > 2) or (not half and n > 4):
        return None
    if not (m.group("year") or m.group("yrel")) and _OF_A_THING.match(state.text, m.end()):
        return None  # "the second half of Thursday's match", "the first quarter of the game"
    rel = (m.group("rel") or "").lower()
    year_info = _quarter_year(state, n if not half else n * 2, m)
    if year_info is None:
        return "DATE", f"XXXX-{'H' if half else 'Q'}{n}", "unresolved"
    year, anchor = year_info
    if rel in ("year-earlier", "year-ago"):
        year -= 1
    if half:
        return "DATE", f"{year_value(year)}-H{n}", anchor
    point = Point(make_date(year, 3 * (n - 1) + 1, 1), "quarter")
    if (
        state.dct is not None
        and point.day >= at(state.dct, "quarter").day
        and lean(state, m.start(), m.end()) != "past"
    ):
        # A quarter not yet over is the one a report's "the latest quarter" and "a year ago"
        # go back to only when a past verb reports its results ("reported a decline in
        # fourth-quarter earnings"); a forecast ("will result in a fourth-quarter charge",
        # "expect the trend to continue into the fourth quarter") is not.
        return "DATE", point.value(), anchor
    return done(state, point, anchor)


def r_quarter_ref(m: re.Match[str], state: State) -> Resolved:
    rel = (m.group("rel") or "").lower()
    is_period = m.group("unit").lower() == "period"
    if is_period and state.last_quarter is None:
        return None  # "the period" only names a quarter when one is in view
    if is_period and not rel and not m.group("this"):
        return None
    base = state.last_quarter
    anchor = "previous"
    if m.group("this") and base is None:
        # "this quarter" with none in view: the one running at the publication.
        if state.dct is None:
            return "DATE", "XXXX-QX", "unresolved"
        return done(state, at(state.dct, "quarter"), "anchor")
    if base is None:
        if state.dct is None:
            return "DATE", "XXXX-QX", "unresolved"
        base = shift(at(state.dct, "quarter"), -1, "Q")
        anchor = "anchor"
    if rel in ("year-earlier", "year-ago"):
        return "DATE", shift(base, -1, "Y").value(), anchor
    if rel == "previous":
        base = shift(base, -1, "Q")
    if rel == "current" and state.dct is not None:
        base, anchor = at(state.dct, "quarter"), "anchor"
    return done(state, base, anchor)


def r_quarter_of_year(m: re.Match[str], state: State) -> Resolved:
    """ "the 1988 quarter": the quarter in view (else the last one before the publication),
    in 1988; "the 1988 period" is 1988 when no quarter is in view (nine months, a year)."""
    year = int(m.group("year"))
    base = state.last_quarter
    if base is None and m.group("unit").lower() == "period":
        return "DATE", year_value(year), "absolute"
    if base is None:
        if state.dct is None:
            return "DATE", f"{year_value(year)}-QX", "absolute"
        base = shift(at(state.dct, "quarter"), -1, "Q")
    quarter = (base.day.month - 1) // 3 + 1
    return "DATE", f"{year_value(year)}-Q{quarter}", "previous"


def r_quarter_year_ago(m: re.Match[str], state: State) -> Resolved:
    """ "the corresponding period last year": the quarter in view a year back ("the period"
    only when a quarter is in view, as for ``r_quarter_ref``)."""
    unit = (m.group("unit") or m.group("unit2")).lower()
    base = state.last_quarter
    if base is None and unit == "period":
        return None
    if base is None:
        if state.dct is None:
            return "DATE", "XXXX-QX", "unresolved"
        base = shift(at(state.dct, "quarter"), -1, "Q")
    return "DATE", shift(base, -1, "Y").value(), "previous"


def r_year_earlier(m: re.Match[str], state: State) -> Resolved:
    noun = (m.group("noun") or "").lower()
    if "months" in noun:
        n = 9 if "nine" in noun else 6
        return "DURATION", f"P{n}M", "absolute"
    if state.last_quarter is not None:
        return "DATE", shift(state.last_quarter, -1, "Y").value(), "previous"
    if state.dct is None:
        return "DATE", "XXXX", "unresolved"
    return "DATE", year_value(state.dct.year - 1), "anchor"


# What may follow "the day before" for it to be a date of its own: the end of a clause (matched
# in place, not on a copy of the rest of the text, which made long texts quadratic).
_CLAUSE_END = re.compile(r"\s*(?:[.,;:)\"']|$)")

REL_STEP = {
    "last": -1,
    "the last": -1,
    "past": -1,
    "the past": -1,
    "previous": -1,
    "the previous": -1,
    "next": 1,
    "the next": 1,
    "coming": 1,
    "the coming": 1,
    "following": 1,
    "the following": 1,
    "this": 0,
    "current": 0,
    "the current": 0,
    "that": 0,
    "the same": 0,
}


def r_unit_rel(m: re.Match[str], state: State) -> Resolved:
    rel = " ".join(m.group("rel").lower().split())
    unit = m.group("unit").lower()
    step = REL_STEP.get(rel, 0)
    relative_to_previous = rel in ("that", "the same", "the following", "the previous", "following")
    base_day = state.dct
    anchor = "anchor"
    if relative_to_previous and state.last is not None:
        base_day, anchor = state.last.day, "previous"
    if base_day is None:
        values = {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX", "weekend": "XXXX-WXX-WE"}
        return "DATE", values.get(unit, "XXXX"), "unresolved"
    if unit == "weekend":
        week = shift(at(base_day, "week"), step, "W")
        if (
            step == 0
            and rel == "this"
            and base_day.isoweekday() < 6
            and not leans_forward(state, m.start(), m.end())
        ):
            week = shift(week, -1, "W") if base_day.isoweekday() == 1 else week
        return "DATE", week.value() + "-WE", anchor
    if unit == "century":
        c = base_day.year // 100 + step
        if not 0 <= c <= MAX_YEAR // 100:
            raise OutOfRange(f"century {c}")
        return "DATE", f"{c:02d}", anchor
    gran = {"week": "week", "month": "month", "year": "year", "decade": "decade"}[unit]
    code = {"week": "W", "month": "M", "year": "Y", "decade": "DE"}[unit]
    point = shift(at(base_day, gran), step, code)  # type: ignore[arg-type]
    return done(state, point, anchor)


def r_unit_end(m: re.Match[str], state: State) -> Resolved:
    """ "the end of the month", "month's end": the month (week, year) in view, that of the
    last date named when the sentence named it and it is as fine ("in January ... done by the
    end of the month"), else that of the publication."""
    unit = (m.group("unit") or m.group("unit2")).lower()
    last = state.last
    begin, _ = sentence_around(state, m.start(), m.end())
    if (
        last is not None
        and last.gran in _FINE_ENOUGH[unit]
        and _NAMED_DATE.search(state.text, begin, m.start())
    ):
        return "DATE", at(last.day, unit).value(), "previous"  # type: ignore[arg-type]
    if state.dct is None:
        return "DATE", {"week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX"), "unresolved"
    return "DATE", at(state.dct, unit).value(), "anchor"  # type: ignore[arg-type]


# A month or weekday named in the sentence before (what makes the last date the one in view).
_NAMED_DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b"
)
_FINE_ENOUGH = {
    "week": ("day", "week"),
    "month": ("day", "week", "month"),
    "year": ("day", "week", "month", "quarter", "year"),
}


def r_weekend(m: re.Match[str], state: State) -> Resolved:
    base = state.last_day.day if state.last_day else state.dct
    if base is None:
        return "DATE", "XXXX-WXX-WE", "unresolved"
    week = at(base, "week")
    if state.last_day is None and base.isoweekday() < 6:
        week = shift(week, -1 if not leans_forward(state, m.start(), m.end()) else 0, "W")
    return "DATE", week.value() + "-WE", "previous" if state.last_day else "anchor"


# A fraction of a unit counted in the next smaller one (a month as 30 days, as ISO 8601's
# durations are written).
_FINER = {"Y": (12, "M"), "Q": (3, "M"), "M": (30, "D"), "W": (7, "D")}


def r_ago(m: re.Match[str], state: State) -> Resolved:
    direction = " ".join(m.group("dir").lower().split())
    code = unit_code(state, m.group("unit"))
    n = number(state, m.group("num"))
    if m.group("half") and n is not None:
        n += 0.5
    after = state.text[m.end() : m.end() + 6]
    if direction in ("before", "after", "prior") and not re.match(r"\s*[.,;:)\"]|\s*$", after):
        return None  # "two days before the vote": left to the duration rule
    if direction in ("earlier", "later") and re.match(r"\s+than\b", after):
        return None  # "a month earlier than planned": a difference, not a date
    if code.startswith("T"):
        return None
    if n is not None and n != int(n) and code in _FINER:
        factor, code = _FINER[code]  # "a month and a half earlier": 45 days earlier
        n = round(n * factor)
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    from_previous = direction in ("earlier", "later", "before", "after", "previously", "prior")
    gran = UNIT_GRAN.get(code, "day")
    if code == "DE":
        gran = "year"  # "a decade ago" is a year, not the decade before this one
    base: Point | None = None
    anchor = "anchor"
    if state.last_quarter is not None and code == "Y":
        # A year-on-year comparison of the quarter in view ("a year ago", "a year earlier").
        base, anchor = state.last_quarter, "previous"
    elif from_previous and state.last is not None:
        base, anchor = state.last, "previous"
        if base.finer_than(gran) and base.gran == "day" and gran != "week":
            base = at(base.day, gran)
    elif state.dct is not None:
        base = at(state.dct, gran)
    if base is None:
        return "DATE", "XXXX", "unresolved"
    if n is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", anchor
    if code == "F":
        code, n = "W", n * 2
    if n != int(n):
        return None
    point = shift(base, sign * int(n), code)
    if code == "DE":
        point = at(point.day, "year")
    if base is state.last_quarter:
        # A comparison point, not a new topic: "the quarter" still means the one in view.
        return "DATE", point.value(), anchor
    return done(state, point, anchor)


def r_ago_vague(m: re.Match[str], state: State) -> Resolved:
    direction = m.group("dir").lower()
    return "DATE", "FUTURE_REF" if direction == "later" else "PAST_REF", "anchor"


def r_previous_day(m: re.Match[str], state: State) -> Resolved:
    base = state.last_day or state.last
    which = (m.group("which") or m.group("which2") or "").lower()
    unit = (m.group("unit") or m.group("unit2") or "day").lower()
    if m.group("which2") and not _CLAUSE_END.match(state.text, m.end()):
        return None  # "the day before the vote": an event anchors it, not a date
    if m.group("that"):
        which, unit = "same", "day"
        if base is None or base.gran != "day":
            return None
    step = {"previous": -1, "before": -1, "next": 1, "following": 1, "after": 1, "same": 0}[which]
    if base is None:
        if state.dct is None:
            return "DATE", "XXXX-XX-XX", "unresolved"
        base = Point(state.dct, "day")
    pod = None
    if unit in state.lex.parts_of_day:
        pod, unit = unit, "day"
    gran = {"day": "day", "week": "week", "month": "month", "year": "year"}[unit]
    code = {"day": "D", "week": "W", "month": "M", "year": "Y"}[unit]
    start = base if gran == "day" else at(base.day, gran)  # type: ignore[arg-type]
    point = shift(start, step, code)
    if gran == "day":
        note(state, point)
    timed, _ = with_part(point, pod, state)
    return "DATE", timed.value(), "previous"


def r_earlier_this(m: re.Match[str], state: State) -> Resolved:
    rel = m.group("rel").lower()
    unit = m.group("unit").lower()
    if state.dct is None:
        return "DATE", "XXXX", "unresolved"
    gran = {"week": "week", "month": "month", "year": "year"}[unit]
    code = {"week": "W", "month": "M", "year": "Y"}[unit]
    point = shift(at(state.dct, gran), REL_STEP[rel], code)  # type: ignore[arg-type]
    return done(state, point, "anchor")
