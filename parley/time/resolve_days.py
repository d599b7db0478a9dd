"""Resolvers of days and clock times counted from the publication day: "yesterday",
"this morning", "last Friday", "9:05 a.m.", "noon Sunday"."""

from __future__ import annotations

import re
from datetime import date

from parley.records import TimexType
from parley.time.context import leans_forward
from parley.time.resolve_dates import resolve_md
from parley.time.state import Resolved, State, note
from parley.time.values import Point, add_days


def with_part(point: Point, pod_raw: str | None, state: State) -> tuple[Point, TimexType]:
    if not pod_raw:
        return point, "DATE"
    part = state.lex.parts_of_day.get(pod_raw.lower())
    if part is None:
        return point, "DATE"
    return Point(point.day, "day", part=part), "TIME"


# "today's" and up to three words after it.
_TODAYS = re.compile(r"'s((?:[ \t]+[\w-]+){1,3})")


def _present_day(m: re.Match[str], state: State) -> bool:
    """True for "today's" before a noun of the present age ("today's world", "many of today's
    personal computers"): our time, not the publication day."""
    if m.group("phrase").lower() != "today":
        return False
    after = _TODAYS.match(state.text, m.end())
    if after is None:
        return False
    words = after.group(1).lower().split()
    return any(w in state.lex.present_day_nouns for w in words[:3])


def r_day_rel(m: re.Match[str], state: State) -> Resolved:
    if _present_day(m, state):
        return None
    phrase = " ".join(m.group("phrase").lower().split())
    offsets = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "last night": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }
    offset = offsets[phrase]
    pod = m.group("pod") or ("night" if phrase in ("tonight", "last night") else None)
    if state.dct is None:
        return ("TIME" if pod else "DATE"), "XXXX-XX-XX", "unresolved"
    point = Point(add_days(state.dct, offset), "day")
    note(state, point)
    timed, kind = with_part(point, pod, state)
    return kind, timed.value(), "anchor"


def r_pod(m: re.Match[str], state: State) -> Resolved:
    rel = " ".join(m.group("rel").lower().split())
    if rel == "this":
        base, anchor = state.dct, "anchor"
    else:
        prev = state.last_day
        base, anchor = (prev.day if prev else state.dct), "previous"
        if base is not None and rel in ("the next", "the following"):
            base = add_days(base, 1)
        elif base is not None and rel == "the previous":
            base = add_days(base, -1)
    if base is None:
        return "TIME", "XXXX-XX-XX", "unresolved"
    timed, kind = with_part(Point(base, "day"), m.group("pod"), state)
    return kind, timed.value(), anchor


def r_pod_mod(m: re.Match[str], state: State) -> Resolved:
    """ "mid-afternoon yesterday", "late morning Friday", "by mid afternoon": the part of the
    day named, else of the day in view (the publication day when none is)."""
    word = m.group("day")
    if word is not None:
        day = clock_day(word, m, state)
        anchor = "anchor"
    else:
        prev = state.last_day
        day = prev.day if prev is not None else state.dct
        anchor = "previous" if prev is not None else "anchor"
    if day is None:
        return "TIME", "XXXX-XX-XX", "unresolved"
    if word is not None:
        note(state, Point(day, "day"))
    timed, kind = with_part(Point(day, "day"), m.group("pod"), state)
    return kind, timed.value(), anchor


def r_weekday(m: re.Match[str], state: State) -> Resolved:
    wd = state.lex.weekdays.get(m.group("wd").lower())
    if wd is None:
        return None
    if m.group("mon"):
        resolved = resolve_md(m, state, m.group("mon"), m.group("day"))
        if resolved is not None:
            return resolved
    rel = " ".join((m.group("rel") or "").lower().split())
    if state.dct is None:
        return ("TIME" if m.group("pod") else "DATE"), f"XXXX-WXX-{wd}", "unresolved"
    point = Point(weekday_day(state, wd, rel, m.start(), m.end()), "day")
    note(state, point)
    timed, kind = with_part(point, m.group("pod"), state)
    return kind, timed.value(), "anchor"


def weekday_day(state: State, wd: int, rel: str, start: int, end: int) -> date:
    """The day a weekday (ISO number ``wd``) names, after ``rel`` ("last", "next", "this",
    "" ...), from the publication day (which the caller has checked there is)."""
    assert state.dct is not None
    dct = state.dct
    if rel in ("the previous", "the following") and state.last_day is not None:
        # Told from the day in view: "down 4.5% from the previous Friday" after a report of
        # Friday's trading is the Friday before that one.
        seen = state.last_day.day
        if rel == "the previous":
            return add_days(seen, -((seen.isoweekday() - wd) % 7 or 7))
        return add_days(seen, (wd - seen.isoweekday()) % 7 or 7)
    if rel == "the previous":
        rel = "previous"
    back = (dct.isoweekday() - wd) % 7  # days since the most recent such day (0 = today)
    if rel in ("last", "past", "previous"):
        return add_days(dct, -(back or 7))
    if rel == "next":
        # The one in the following week (Monday-based): "next Friday" said on a Monday is
        # 11 days on, not 4 ("this Friday" is 4).
        monday = add_days(dct, 1 - dct.isoweekday())
        return add_days(monday, 7 + wd - 1)
    if rel in ("this coming", "coming", "the following"):
        return add_days(dct, (wd - dct.isoweekday()) % 7 or 7)
    if rel == "this":
        monday = add_days(dct, 1 - dct.isoweekday())
        return add_days(monday, wd - 1)
    if back and leans_forward(state, start, end):
        return add_days(dct, 7 - back)
    return add_days(dct, -back)


def r_time(m: re.Match[str], state: State) -> Resolved:
    hour = int(m.group("h"))
    minute = int(m.group("m") or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    if m.group("ampm").lower().startswith("p") and hour != 12:
        hour += 12
    elif m.group("ampm").lower().startswith("a") and hour == 12:
        hour = 0
    clock = f"{hour:02d}:{minute:02d}"
    if m.group("mon"):
        dated = resolve_md(m, state, m.group("mon"), m.group("day"))
        if dated is not None and dated[2] != "unresolved":
            return "TIME", f"{dated[1]}T{clock}", dated[2]
    day = clock_day(m.group("wd"), m, state)
    if day is None:
        return "TIME", f"XXXX-XX-XXT{clock}", "unresolved"
    note(state, Point(day, "day"))
    return "TIME", f"{day.isoformat()}T{clock}", "anchor"


def r_clock_pod(m: re.Match[str], state: State) -> Resolved:
    """ "at 4 in the morning", "at 9 in the evening": the hour on the day in view."""
    hour = int(m.group("h"))
    minute = int(m.group("m") or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    pod = m.group("pod").lower()
    if pod == "morning" and hour == 12:
        hour = 0
    elif pod != "morning" and hour != 12:
        hour += 12
    clock = f"{hour:02d}:{minute:02d}"
    day = clock_day(None, m, state)
    if day is None:
        return "TIME", f"XXXX-XX-XXT{clock}", "unresolved"
    return "TIME", f"{day.isoformat()}T{clock}", "anchor"


def clock_day(word: str | None, m: re.Match[str], state: State) -> date | None:
    if state.dct is None:
        return None
    if not word:
        return state.last_day.day if state.last_day else state.dct
    low = word.lower()
    if low in state.lex.weekdays:
        back = (state.dct.isoweekday() - state.lex.weekdays[low]) % 7
        if back and leans_forward(state, m.start(), m.end()):
            return add_days(state.dct, 7 - back)
        return add_days(state.dct, -back)
    return add_days(state.dct, {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[low])


def r_clock(m: re.Match[str], state: State) -> Resolved:
    clock = state.lex.parts_of_day.get(m.group("word").lower(), "12:00")
    day = clock_day(m.group("wd"), m, state)
    if day is None:
        return "TIME", f"XXXX-XX-XXT{clock}", "unresolved"
    return "TIME", f"{day.isoformat()}T{clock}", "anchor"
