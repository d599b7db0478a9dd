"""Resolvers of dates named on the calendar: "Nov. 9", "March 1997", "2017", "the 1990s",
"Christmas", "this summer", and the year a date written without one belongs to."""

from __future__ import annotations

import re
from datetime import date, datetime

from parley.time.context import after_since, lean, leans_forward
from parley.time.state import Resolved, State, done, note
from parley.time.values import (
    MAX_YEAR,
    MIN_YEAR,
    Point,
    add_days,
    add_months,
    make_date,
    year_value,
)

GRACE_DAYS = 30
RECENT_DAYS = 14
JUCHE_EPOCH = 1911  # Juche 1 is 1912
# Measured on TempEval-3 train: with no bound, past verbs near dates days or weeks ahead moved
# 16 values, 14 wrongly (value F1 79.97 -> 79.37); with 60 days, one, rightly (79.97 -> 80.02).
PAST_LEAN_DAYS = 60
# The second end of a span of days in two months, the year written once after it: "from
# August 20 to October 4, 1962", "between May 3 and June 4, Juche 79 (1990)". The year is
# both ends'; the first end, written without one, is no day of the publication's year.
_SPAN_END_YEAR = re.compile(
    r"\s*(?:[-\u2013]|to|through|till|until|and)\s+(?P<mon>[A-Z][a-z]{2,8}\.?)\s+"
    r"\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>1[0-9]\d\d|20\d\d)\b|"
    r",\s+Juche\s+(?P<juche>\d{1,3})\b(?:\s*\((?P<jyear>1[0-9]\d\d|20\d\d)\))?)"
)


def day_in_year(year: int, month: int, day: int) -> date | None:
    """The date, or None when the month has no such day (OutOfRange for a year outside
    1..9999)."""
    year_value(year)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _guess_year(state: State, month: int, day: int, start: int, end: int) -> date | None:
    """The year of a date written without one (see the module doc).

    Of the three candidates around the publication date, the nearest wins, where days ahead
    count double (news leans to the past), unless the words around lean forward, in which
    case the nearest one on or after the publication day wins, or lean to the past while the
    day ahead is more than PAST_LEAN_DAYS away, in which case the latest one on or before the
    publication day wins ("the fiscal year ended Jan. 31" in an October report). Within
    PAST_LEAN_DAYS a past verb does not decide: reports of plans use past verbs too ("said the
    talks on Dec. 20 ...").
    """
    assert state.dct is not None
    dct = state.dct
    years = [dct.year + y for y in (-1, 0, 1) if MIN_YEAR <= dct.year + y <= MAX_YEAR]
    options = [d for year in years if (d := day_in_year(year, month, day))]
    if not options:
        return None
    leaning = lean(state, start, end)
    if after_since(state, start):
        behind = [d for d in options if d <= dct]
        if behind:
            return max(behind)
    if leaning == "forward":
        ahead = [d for d in options if d >= dct]
        recent = [d for d in options if 0 < (dct - d).days <= RECENT_DAYS]
        if ahead and not recent:
            return min(ahead)
        if recent:
            # "the period from Dec. 17 to 29 will be ...", written Dec. 20: a time just begun
            # or just gone, not one almost a year ahead.
            return max(recent)
    elif leaning == "past":
        behind = [d for d in options if d <= dct]
        if behind and all((d - dct).days > PAST_LEAN_DAYS for d in options if d > dct):
            return max(behind)
    return min(options, key=lambda d: (dct - d).days if d <= dct else 2 * (d - dct).days)


def resolve_md(m: re.Match[str], state: State, month_raw: str, day_raw: str) -> Resolved:
    month = state.lex.months.get(month_raw.lower().rstrip("."))
    day_num = number_or_ordinal(state, day_raw)
    if month is None or day_num is None:
        return None
    return resolve_day(state, month, day_num, written_year(m), m.start(), m.end())


def written_year(m: re.Match[str]) -> str | None:
    """The year a match writes, in the Gregorian calendar: its ``year`` group, or the
    Gregorian year written beside a Juche year, or the Juche year converted (see
    ``patterns``)."""
    groups = m.groupdict()
    if groups.get("year"):
        return groups["year"]
    if groups.get("jyear"):
        return groups["jyear"]
    juche = groups.get("juche")
    return str(JUCHE_EPOCH + int(juche)) if juche and int(juche) > 0 else None


def resolve_day(
    state: State, month: int, day_num: int, year_raw: str | None, start: int, end: int
) -> Resolved:
    """A day of a month, of the year written (``year_raw``) or else of the year it most
    likely belongs to (see ``_guess_year``; ``start``, ``end``: the span whose words are read
    for a tense cue)."""
    if not 1 <= day_num <= 31:
        return None
    if year_raw:
        d = day_in_year(int(year_raw), month, day_num)
        return None if d is None else done(state, Point(d, "day"), "absolute")
    if state.dct is None:
        return "DATE", f"XXXX-{month:02d}-{day_num:02d}", "unresolved"
    d = _guess_year(state, month, day_num, start, end)
    return None if d is None else done(state, Point(d, "day"), "anchor")


def number_or_ordinal(state: State, raw: str) -> int | None:
    raw = raw.lower()
    if raw in state.lex.ordinals:
        return state.lex.ordinals[raw]
    digits = re.match(r"\d+", raw)
    return int(digits.group(0)) if digits else None


def r_mdy(m: re.Match[str], state: State) -> Resolved:
    month = state.lex.months.get(m.group("mon").lower().rstrip("."))
    day_num = number_or_ordinal(state, m.group("day"))
    if month is None or day_num is None:
        return None
    year = written_year(m) or _span_end_year(m, state)
    return resolve_day(state, month, day_num, year, m.start(), m.end())


def _span_end_year(m: re.Match[str], state: State) -> str | None:
    """The year written after the second end of a span of days that ``m`` opens, when that
    end names a month of its own (``_SPAN_END_YEAR``)."""
    end = _SPAN_END_YEAR.match(state.text, m.end())
    if end is None or end.group("mon").lower().rstrip(".") not in state.lex.months:
        return None
    return written_year(end)


def r_week_of(m: re.Match[str], state: State) -> Resolved:
    """ "the week of March 6": the (ISO) week of that day."""
    resolved = resolve_md(m, state, m.group("mon"), m.group("day"))
    if resolved is None or resolved[2] == "unresolved":
        return None if resolved is None else ("DATE", "XXXX-WXX", "unresolved")
    return done(state, Point(date.fromisoformat(resolved[1]), "week"), resolved[2])


def r_iso(m: re.Match[str], state: State) -> Resolved:
    raw = m.group(0)
    try:
        when = datetime.fromisoformat(raw.replace(" ", "T"))
    except ValueError:
        return None
    if "T" in raw or " " in raw:
        point = Point(when.date(), "day", part=when.strftime("%H:%M"))
        note(state, Point(when.date(), "day"))
        return "TIME", point.value(), "absolute"
    return done(state, Point(when.date(), "day"), "absolute")


def r_numeric(m: re.Match[str], state: State) -> Resolved:
    month_s, day_s, year_s = m.group(0).split("/")
    year = int(year_s)
    if len(year_s) == 2:
        year += 1900 if year > 30 else 2000
    d = day_in_year(year, int(month_s), int(day_s))
    return None if d is None else done(state, Point(d, "day"), "absolute")


def r_month_year(m: re.Match[str], state: State) -> Resolved:
    """ "March 1997", "March of 1997", "May Juche 106 (2017)", and "July last year", "January
    this year"."""
    month = state.lex.months.get(m.group("mon").lower().rstrip("."))
    if month is None:
        return None
    if written := written_year(m):
        return done(state, Point(make_date(int(written), month, 1), "month"), "absolute")
    if not m.group("yrel"):
        return None
    if state.dct is None:
        return "DATE", f"XXXX-{month:02d}", "unresolved"
    year = state.dct.year + {"last": -1, "this": 0, "next": 1}[m.group("yrel").lower()]
    return done(state, Point(make_date(year, month, 1), "month"), "anchor")


def r_month(m: re.Match[str], state: State) -> Resolved:
    month = state.lex.months.get(m.group("mon").lower().rstrip("."))
    if month is None:
        return None
    rel = (m.group("rel") or "").lower()
    if state.dct is None:
        return "DATE", f"XXXX-{month:02d}", "unresolved"
    dct = state.dct
    if rel == "that" and state.last is not None:
        return done(state, Point(date(state.last.day.year, month, 1), "month"), "previous")
    year = dct.year
    if rel in ("last", "past"):
        year = dct.year if month < dct.month else dct.year - 1
    elif rel in ("next", "coming"):
        year = dct.year if month > dct.month else dct.year + 1
    elif rel == "this":
        year = dct.year
    elif month != dct.month:
        # As for bare dates: the nearest such month, months ahead counting double, unless
        # the words around lean forward.
        ahead = (month - dct.month) % 12
        behind = (dct.month - month) % 12
        if after_since(state, m.start()):
            year = dct.year - (month > dct.month)
        elif leans_forward(state, m.start(), m.end()) or 2 * ahead < behind:
            year = dct.year + (month < dct.month)
        else:
            year = dct.year - (month > dct.month)
    return done(state, Point(make_date(year, month, 1), "month"), "anchor")


def r_spoken_year(m: re.Match[str], state: State) -> Resolved:
    """ "nineteen ninety-seven", "January nineteen ninety-seven", "the winter of nineteen
    ninety-four" (the season of that year), "the year two thousand"."""
    numbers = state.lex.numbers
    if m.group("hi"):
        words = re.split(r"[\s-]+", m.group("lo").lower())
        year = int(100 * numbers[m.group("hi").lower()] + sum(numbers[w] for w in words))
        month_raw = m.group("mon")
        if m.group("sea"):
            return "DATE", f"{year}-{state.lex.seasons[m.group('sea').lower()]}", "absolute"
    else:
        year = 2000 + (int(numbers[m.group("lo2").lower()]) if m.group("lo2") else 0)
        month_raw = m.group("mon2")
    if month_raw:
        month = state.lex.months.get(month_raw.lower().rstrip("."))
        if month is not None:
            return done(state, Point(date(year, month, 1), "month"), "absolute")
    return done(state, Point(date(year, 1, 1), "year"), "absolute")


def r_juche_year(m: re.Match[str], state: State) -> Resolved:
    """ "Juche 113", "Juche 107 (2018)": the year (the Gregorian one when both are written)."""
    year = written_year(m)
    if year is None:
        return None
    return done(state, Point(make_date(int(year), 1, 1), "year"), "absolute")


_HALF = re.compile(r"the\s+(first|second|last|latter)\s+half\s+of", re.I)


def r_year(m: re.Match[str], state: State) -> Resolved:
    year = int(m.group("year"))
    written = m.group("mod") or m.group("fiscal") or m.group("prefix")
    if not written and not _looks_like_year(m, state):
        return None
    point = done(state, Point(date(year, 1, 1), "year"), "absolute")
    half = _HALF.match(m.group("mod") or "")
    if half is None:
        return point
    # "the second half of 1989" is 1989-H2, as "the second half of this year" is: a half is a
    # part of the year with a value of its own, unlike "early 1989" (TimeML: a modifier).
    return "DATE", f"{year_value(year)}-H{1 if half.group(1).lower() == 'first' else 2}", "absolute"


def _looks_like_year(m: re.Match[str], state: State) -> bool:
    """A bare four-digit number is a year unless it reads as an amount or an identifier."""
    text = state.text
    before = text[max(0, m.start() - 12) : m.start()].lower()
    after = text[m.end() : m.end() + 12].lower()
    if re.search(r"(?:no\.|number|flight|route|page|#|room|\$)\s*$", before):
        return False
    amount = re.match(
        r"\s*(?:people|men|women|troops|soldiers|shares|tons|miles|feet|meters|"
        r"students|workers|jobs|members|dollars|yen|marks|pounds|points|cars|units)",
        after,
    )
    return amount is None


def r_decade(m: re.Match[str], state: State) -> Resolved:
    # "the '80s" is the 1980s: news writes the century only for decades long gone.
    groups = m.groupdict()
    start_year = int(groups["dec"]) if groups.get("dec") else 1900 + int(groups["short"])
    return done(state, Point(date(start_year, 1, 1), "decade"), "absolute")


def r_century(m: re.Match[str], state: State) -> Resolved:
    """ "the 19th century" is the hundred years from 1801 to 1900, written "18" in TIMEX3
    (its first two digits, as "the 1990s" is "199")."""
    n = number_or_ordinal(state, m.group("ord"))
    if n is None or not 1 <= n <= 100:
        return None
    return "DATE", f"{n - 1:02d}", "absolute"


def _holiday_day(rule: str, year: int) -> date | None:
    if rule == "easter":
        a, b, c = year % 19, year // 100, year % 100
        d, e = b // 4, b % 4
        f = (b + 8) // 25
        g = (b - f + 1) // 3
        h = (19 * a + b - d - g + 15) % 30
        i, k = c // 4, c % 4
        ell = (32 + 2 * e + 2 * i - h - k) % 7
        mm = (a + 11 * h + 22 * ell) // 451
        month = (h + ell - 7 * mm + 114) // 31
        day = (h + ell - 7 * mm + 114) % 31 + 1
        return make_date(year, month, day)
    parts = rule.split()
    if len(parts) == 1 and "-" in rule:
        mo, dd = rule.split("-")
        return day_in_year(year, int(mo), int(dd))
    if len(parts) == 3:
        month, nth, wd = (int(p) for p in parts)
        if nth > 0:
            first = make_date(year, month, 1)
            return add_days(first, (wd - first.isoweekday()) % 7 + 7 * (nth - 1))
        last = add_days(add_months(make_date(year, month, 1), 1), -1)
        return add_days(last, -((last.isoweekday() - wd) % 7))
    return None


def r_holiday(m: re.Match[str], state: State) -> Resolved:
    name = " ".join(m.group("name").lower().split())
    rule = state.lex.holidays.get(name)
    if rule is None:
        return None
    if m.group("year"):
        d = _holiday_day(rule, int(m.group("year")))
        return None if d is None else done(state, Point(d, "day"), "absolute")
    if state.dct is None:
        return "DATE", "XXXX-XX-XX", "unresolved"
    rel = (m.group("rel") or "").lower()
    this = _holiday_day(rule, state.dct.year)
    if this is None:
        return None
    if (rel in ("last", "past") and this >= state.dct) or (
        not rel
        and this > add_days(state.dct, GRACE_DAYS)
        and not leans_forward(state, m.start(), m.end())
    ):
        this = _holiday_day(rule, state.dct.year - 1)
    elif rel in ("next", "coming") and this < state.dct:
        this = _holiday_day(rule, state.dct.year + 1)
    return None if this is None else done(state, Point(this, "day"), "anchor")


def r_season(m: re.Match[str], state: State) -> Resolved:
    name = (m.group("season") or m.group("season2") or m.group("season3")).lower()
    code = state.lex.seasons[name]
    year_raw = m.group("year") or m.group("year2")
    if year_raw:
        return "DATE", f"{year_raw}-{code}", "absolute"
    if state.dct is None:
        return "DATE", f"XXXX-{code}", "unresolved"
    rel = (m.group("rel") or "").lower()
    dct = state.dct
    month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    year = dct.year
    if rel in ("last", "past"):
        year = dct.year if month + 2 < dct.month else dct.year - 1
    elif rel in ("next", "coming"):
        year = dct.year if month > dct.month else dct.year + 1
    elif rel == "that" and state.last is not None:
        year = state.last.day.year
    elif not rel:
        # "the summer": this year's, unless the words around place it in a season not yet
        # begun ("the numbers changed over the summer" in February) or one already over.
        leaning = lean(state, m.start(), m.end())
        if leaning == "past" and month > dct.month:
            year -= 1
        elif leaning == "forward" and month + 2 < dct.month:
            year += 1
    return "DATE", f"{year_value(year)}-{code}", "anchor"
