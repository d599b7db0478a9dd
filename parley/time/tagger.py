"""Find time expressions in a text and give each a TIMEX3 type and value.

Resolution conventions (news leans to the past):

- a bare date or weekday ("Nov. 9", "on Friday") is the most recent such day not after the
  publication date, unless its sentence leans forward (a cue from ``forward_cues.txt``, such as
  "will" or "is scheduled to", nearer to it than a past cue such as "said"), in which case it
  is the next such day on or after the publication date; a bare date less than 30 days ahead
  is taken as meant ahead even without a cue, since news rarely names a date of last year
  that is one month away from today;
- "next Monday" is the Monday of the following week (for an article of Monday 2018-11-12:
  2018-11-19); "last Friday" the most recent Friday strictly before the publication day;
- "the previous day", "the day before", "three days later", "a year earlier" count from the
  LAST date mentioned in the text (anchor "previous"); "two days ago" from the publication;
- a bare quarter ("the third quarter") is of the publication year, unless that quarter has not
  begun yet and nothing leans forward; "the quarter", "the latest period" are the last
  quarter mentioned, else the one before the publication.
Without a publication time, relative expressions are written with X ("XXXX-11-09") and
marked anchor "unresolved"; durations and sets need no anchor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from parley.records import Timex, TimexType
from parley.time.anchor import parse_published
from parley.time.lexicon import Lexicon, default_lexicon
from parley.time.patterns import Rule, default_rules
from parley.time.prefilter import StartFinder, scan
from parley.time.values import UNIT_GRAN, Point, add_months, at, duration, shift

# A stop, its spaces and a capital or quote next, or a line break. Written to start with a
# plain class (not an alternation), which re can skip ahead by; the same matches as
# r"[.!?]\s+(?=[A-Z\"'])|\n".
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)|\s+(?=[A-Z\"']))")
_WORD = re.compile(r"[a-z']+")
_GRACE_DAYS = 30
_CUE_WINDOW = 60  # characters each side of an expression that may hold its tense cue


@dataclass(frozen=True, slots=True)
class Found:
    rule: str
    match: re.Match[str]
    start: int
    end: int


@dataclass(slots=True)
class State:
    """What resolution carries from one expression to the next, in text order."""

    text: str
    dct: date | None
    lex: Lexicon
    last: Point | None = None  # the last date mentioned (any granularity)
    last_day: Point | None = None  # the last date mentioned to the day
    last_quarter: Point | None = None
    sentences: list[int] = field(default_factory=list)


Resolved = tuple[TimexType, str, str] | None  # (type, value, anchor)


def tag_timexes(text: str, published: str | None) -> tuple[Timex, ...]:
    """The time expressions of ``text``, resolved against ``published`` (ISO 8601 or None)."""
    if not text:
        return ()
    dct: date | None = None
    if published:
        dct = _published_day(published)
    lex = default_lexicon()
    state = State(text=text, dct=dct, lex=lex)
    state.sentences = [m.end() for m in _SENTENCE_END.finditer(text)]
    out: list[Timex] = []
    taken = -1
    # Leftmost-longest, non-overlapping; on equal spans the earlier rule wins. A candidate its
    # resolver rejects ("2000 troops") frees its span for shorter ones.
    for found in _ordered(_find(text, default_rules())):
        if found.start < taken:
            continue
        resolved = _RESOLVERS[found.rule](found.match, state)
        if resolved is None:
            continue
        kind, value, anchor = resolved
        start, end = _trim(text, found.start, found.end)
        if end <= start:
            continue
        taken = found.end
        out.append(Timex(text[start:end], kind, value, start, end, anchor))
    return tuple(out)


def _published_day(published: str) -> date | None:
    try:
        return parse_published(published).date()
    except Exception:
        return None


def _find(text: str, rules: tuple[Rule, ...]) -> list[tuple[int, int, int, Found]]:
    found = []
    where = _start_finder(rules).offsets(text)
    for index, rule in enumerate(rules):
        # A rule may match context it does not tag ("for years"): its group "span" is the span.
        spanned = "span" in rule.regex.groupindex
        for m in scan(rule.regex, where[index], text):
            start, end = m.span("span") if spanned else m.span()
            if end > start:
                found.append((start, start - end, index, Found(rule.name, m, start, end)))
    return found


def _start_finder(rules: tuple[Rule, ...]) -> StartFinder:
    cached = _FINDERS.get(id(rules))
    if cached is None or cached[0] is not rules:
        cached = (rules, StartFinder([rule.starts for rule in rules]))
        _FINDERS[id(rules)] = cached
    return cached[1]


_FINDERS: dict[int, tuple[tuple[Rule, ...], StartFinder]] = {}


def _ordered(found: list[tuple[int, int, int, Found]]) -> list[Found]:
    found.sort(key=lambda f: (f[0], f[1], f[2]))
    return [f[3] for f in found]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    while start < end and text[start] in " \t\n,":
        start += 1
    return start, end


# --- context -------------------------------------------------------------------------------


def _sentence(state: State, start: int, end: int) -> tuple[int, int]:
    begin, finish = 0, len(state.text)
    for cut in state.sentences:
        if cut <= start:
            begin = cut
        elif cut >= end:
            finish = cut
            break
    return begin, finish


def _leans_forward(state: State, start: int, end: int) -> bool:
    """True when a forward cue is nearer the expression than any past cue.

    Only the words close to the expression count (the clause that governs it, roughly): a
    "will" three clauses away says nothing about "Friday". Past-tense verbs (words in
    ``past_cues.txt`` and other words in -ed that are not forward cues) pin it to the past.
    """
    begin, finish = _sentence(state, start, end)
    left = max(begin, start - _CUE_WINDOW)
    right = min(finish, end + _CUE_WINDOW // 2)
    nearest_forward: int | None = None
    nearest_past: int | None = None
    for lo, hi in ((left, start), (end, right)):
        piece = state.text[lo:hi].lower()
        spans: list[tuple[int, int]] = []
        for m in _forward_regex(state.lex).finditer(piece):
            spans.append(m.span())
            dist = start - (lo + m.end()) if hi == start else lo + m.start() - end
            nearest_forward = dist if nearest_forward is None else min(nearest_forward, dist)
        for m in _WORD.finditer(piece):
            word = m.group(0)
            if any(a <= m.start() < b for a, b in spans):
                continue
            if word in state.lex.past_cues or (len(word) > 4 and word.endswith("ed")):
                dist = start - (lo + m.end()) if hi == start else lo + m.start() - end
                nearest_past = dist if nearest_past is None else min(nearest_past, dist)
    if nearest_forward is None:
        return False
    return nearest_past is None or nearest_forward < nearest_past


def _forward_regex(lex: Lexicon) -> re.Pattern[str]:
    cached = _FORWARD.get(id(lex))
    if cached is None or cached[0] is not lex:
        cues = sorted(lex.forward_cues, key=len, reverse=True)
        alt = "|".join(re.escape(c) for c in cues)
        cached = (lex, re.compile(r"(?<![a-z])(?:" + alt + r")(?![a-z])"))
        _FORWARD[id(lex)] = cached
    return cached[1]


_FORWARD: dict[int, tuple[Lexicon, re.Pattern[str]]] = {}


def _note(state: State, point: Point) -> None:
    state.last = point
    if point.gran == "day":
        state.last_day = point
    if point.gran == "quarter":
        state.last_quarter = point


def _done(state: State, point: Point, anchor: str, kind: TimexType = "DATE") -> Resolved:
    _note(state, point)
    return kind, point.value(), anchor


# --- numbers -------------------------------------------------------------------------------


def _number(state: State, raw: str | None) -> float | None:
    """A number written in digits or words; None for vague amounts ("several")."""
    if raw is None:
        return None
    words = raw.lower().replace("-", " ").split()
    if not words:
        return None
    joined = " ".join(words)
    if joined in ("a couple of", "couple of"):
        return 2.0
    if joined == "a dozen":
        return 12.0
    if joined == "a half":
        return 0.5
    half = 0.5 if joined.endswith(" 1/2") else 0.0
    try:
        return float(joined.removesuffix(" 1/2").replace(",", "")) + half
    except ValueError:
        pass
    total = 0.0
    for word in words:
        value = state.lex.numbers.get(word)
        if value is None:
            return None
        total += value
    return total


def _unit_code(state: State, raw: str) -> str:
    word = raw.lower().split()[-1]
    code = state.lex.units.get(word) or state.lex.units.get(word.rstrip("s")) or "D"
    return code


# --- resolvers -----------------------------------------------------------------------------


def _day_in_year(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _guess_year(state: State, month: int, day: int, start: int, end: int) -> date | None:
    """The year of a date written without one (see the module doc).

    Of the three candidates around the publication date, the nearest wins, where days ahead
    count double (news leans to the past), unless the words around lean forward, in which
    case the nearest one on or after the publication day wins.
    """
    assert state.dct is not None
    dct = state.dct
    options = [d for y in (-1, 0, 1) if (d := _day_in_year(dct.year + y, month, day))]
    if not options:
        return None
    if _leans_forward(state, start, end):
        ahead = [d for d in options if d >= dct]
        if ahead:
            return min(ahead)
    return min(options, key=lambda d: (dct - d).days if d <= dct else 2 * (d - dct).days)


def _resolve_md(m: re.Match[str], state: State, month_raw: str, day_raw: str) -> Resolved:
    month = state.lex.months.get(month_raw.lower().rstrip("."))
    day_num = _number_or_ordinal(state, day_raw)
    if month is None or day_num is None or not 1 <= day_num <= 31:
        return None
    year_raw = m.groupdict().get("year")
    if year_raw:
        d = _day_in_year(int(year_raw), month, day_num)
        return None if d is None else _done(state, Point(d, "day"), "absolute")
    if state.dct is None:
        return "DATE", f"XXXX-{month:02d}-{day_num:02d}", "unresolved"
    d = _guess_year(state, month, day_num, m.start(), m.end())
    return None if d is None else _done(state, Point(d, "day"), "anchor")


def _number_or_ordinal(state: State, raw: str) -> int | None:
    raw = raw.lower()
    if raw in state.lex.ordinals:
        return state.lex.ordinals[raw]
    digits = re.match(r"\d+", raw)
    return int(digits.group(0)) if digits else None


def r_mdy(m: re.Match[str], state: State) -> Resolved:
    return _resolve_md(m, state, m.group("mon"), m.group("day"))


def r_iso(m: re.Match[str], state: State) -> Resolved:
    raw = m.group(0)
    try:
        when = datetime.fromisoformat(raw.replace(" ", "T"))
    except ValueError:
        return None
    if "T" in raw or " " in raw:
        point = Point(when.date(), "day", part=when.strftime("%H:%M"))
        _note(state, Point(when.date(), "day"))
        return "TIME", point.value(), "absolute"
    return _done(state, Point(when.date(), "day"), "absolute")


def r_numeric(m: re.Match[str], state: State) -> Resolved:
    month_s, day_s, year_s = m.group(0).split("/")
    year = int(year_s)
    if len(year_s) == 2:
        year += 1900 if year > 30 else 2000
    d = _day_in_year(year, int(month_s), int(day_s))
    return None if d is None else _done(state, Point(d, "day"), "absolute")


def r_month_year(m: re.Match[str], state: State) -> Resolved:
    month = state.lex.months.get(m.group("mon").lower().rstrip("."))
    if month is None:
        return None
    return _done(state, Point(date(int(m.group("year")), month, 1), "month"), "absolute")


def r_month(m: re.Match[str], state: State) -> Resolved:
    month = state.lex.months.get(m.group("mon").lower().rstrip("."))
    if month is None:
        return None
    rel = (m.group("rel") or "").lower()
    if state.dct is None:
        return "DATE", f"XXXX-{month:02d}", "unresolved"
    dct = state.dct
    if rel == "that" and state.last is not None:
        return _done(state, Point(date(state.last.day.year, month, 1), "month"), "previous")
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
        if _leans_forward(state, m.start(), m.end()) or 2 * ahead < behind:
            year = dct.year + (month < dct.month)
        else:
            year = dct.year - (month > dct.month)
    return _done(state, Point(date(year, month, 1), "month"), "anchor")


def r_year(m: re.Match[str], state: State) -> Resolved:
    year = int(m.group("year"))
    if not m.group("mod") and not m.group("fiscal") and not _looks_like_year(m, state):
        return None
    return _done(state, Point(date(year, 1, 1), "year"), "absolute")


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
    start_year = int(m.group("dec"))
    return _done(state, Point(date(start_year, 1, 1), "decade"), "absolute")


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
    if q > current_q and not _leans_forward(state, m.start(), m.end()):
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
    rel = (m.group("rel") or "").lower()
    year_info = _quarter_year(state, n if not half else n * 2, m)
    if year_info is None:
        return "DATE", f"XXXX-{'H' if half else 'Q'}{n}", "unresolved"
    year, anchor = year_info
    if rel in ("year-earlier", "year-ago"):
        year -= 1
    if half:
        return "DATE", f"{year}-H{n}", anchor
    return _done(state, Point(date(year, 3 * (n - 1) + 1, 1), "quarter"), anchor)


def r_quarter_ref(m: re.Match[str], state: State) -> Resolved:
    rel = (m.group("rel") or "").lower()
    is_period = m.group("unit").lower() == "period"
    if is_period and state.last_quarter is None:
        return None  # "the period" only names a quarter when one is in view
    if is_period and not rel:
        return None
    base = state.last_quarter
    anchor = "previous"
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
    return _done(state, base, anchor)


def r_year_earlier(m: re.Match[str], state: State) -> Resolved:
    noun = (m.group("noun") or "").lower()
    if "months" in noun:
        n = 9 if "nine" in noun else 6
        return "DURATION", f"P{n}M", "absolute"
    if state.last_quarter is not None:
        return "DATE", shift(state.last_quarter, -1, "Y").value(), "previous"
    if state.dct is None:
        return "DATE", "XXXX", "unresolved"
    return "DATE", str(state.dct.year - 1), "anchor"


def _with_part(point: Point, pod_raw: str | None, state: State) -> tuple[Point, TimexType]:
    if not pod_raw:
        return point, "DATE"
    part = state.lex.parts_of_day.get(pod_raw.lower())
    if part is None:
        return point, "DATE"
    return Point(point.day, "day", part=part), "TIME"


def r_day_rel(m: re.Match[str], state: State) -> Resolved:
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
    point = Point(state.dct + timedelta(days=offset), "day")
    _note(state, point)
    timed, kind = _with_part(point, pod, state)
    return kind, timed.value(), "anchor"


def r_pod(m: re.Match[str], state: State) -> Resolved:
    rel = " ".join(m.group("rel").lower().split())
    if rel == "this":
        base, anchor = state.dct, "anchor"
    else:
        prev = state.last_day
        base, anchor = (prev.day if prev else state.dct), "previous"
        if base is not None and rel in ("the next", "the following"):
            base = base + timedelta(days=1)
        elif base is not None and rel == "the previous":
            base = base - timedelta(days=1)
    if base is None:
        return "TIME", "XXXX-XX-XX", "unresolved"
    timed, kind = _with_part(Point(base, "day"), m.group("pod"), state)
    return kind, timed.value(), anchor


def r_weekday(m: re.Match[str], state: State) -> Resolved:
    wd = state.lex.weekdays.get(m.group("wd").lower())
    if wd is None:
        return None
    if m.group("mon"):
        resolved = _resolve_md(m, state, m.group("mon"), m.group("day"))
        if resolved is not None:
            return resolved
    rel = " ".join((m.group("rel") or "").lower().split())
    if state.dct is None:
        return ("TIME" if m.group("pod") else "DATE"), f"XXXX-WXX-{wd}", "unresolved"
    dct = state.dct
    back = (dct.isoweekday() - wd) % 7  # days since the most recent such day (0 = today)
    if rel in ("last", "past", "previous"):
        day = dct - timedelta(days=back or 7)
    elif rel == "next":
        # The one in the following week (Monday-based): "next Friday" said on a Monday is
        # 11 days on, not 4 ("this Friday" is 4).
        monday = dct - timedelta(days=dct.isoweekday() - 1)
        day = monday + timedelta(days=7 + wd - 1)
    elif rel in ("this coming", "coming", "the following"):
        day = dct + timedelta(days=(wd - dct.isoweekday()) % 7 or 7)
    elif rel == "this":
        monday = dct - timedelta(days=dct.isoweekday() - 1)
        day = monday + timedelta(days=wd - 1)
    elif back and _leans_forward(state, m.start(), m.end()):
        day = dct + timedelta(days=7 - back)
    else:
        day = dct - timedelta(days=back)
    point = Point(day, "day")
    _note(state, point)
    timed, kind = _with_part(point, m.group("pod"), state)
    return kind, timed.value(), "anchor"


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
        return date(year, month, day)
    parts = rule.split()
    if len(parts) == 1 and "-" in rule:
        mo, dd = rule.split("-")
        return _day_in_year(year, int(mo), int(dd))
    if len(parts) == 3:
        month, nth, wd = (int(p) for p in parts)
        if nth > 0:
            first = date(year, month, 1)
            return first + timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (nth - 1))
        last = add_months(date(year, month, 1), 1) - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - wd) % 7)
    return None


def r_holiday(m: re.Match[str], state: State) -> Resolved:
    name = " ".join(m.group("name").lower().split())
    rule = state.lex.holidays.get(name)
    if rule is None:
        return None
    if m.group("year"):
        d = _holiday_day(rule, int(m.group("year")))
        return None if d is None else _done(state, Point(d, "day"), "absolute")
    if state.dct is None:
        return "DATE", "XXXX-XX-XX", "unresolved"
    rel = (m.group("rel") or "").lower()
    this = _holiday_day(rule, state.dct.year)
    if this is None:
        return None
    if (rel in ("last", "past") and this >= state.dct) or (
        not rel
        and this > state.dct + timedelta(days=_GRACE_DAYS)
        and not _leans_forward(state, m.start(), m.end())
    ):
        this = _holiday_day(rule, state.dct.year - 1)
    elif rel in ("next", "coming") and this < state.dct:
        this = _holiday_day(rule, state.dct.year + 1)
    return None if this is None else _done(state, Point(this, "day"), "anchor")


def r_season(m: re.Match[str], state: State) -> Resolved:
    name = (m.group("season") or m.group("season2")).lower()
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
    return "DATE", f"{year}-{code}", "anchor"


_REL_STEP = {
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
    step = _REL_STEP.get(rel, 0)
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
            and not _leans_forward(state, m.start(), m.end())
        ):
            week = shift(week, -1, "W") if base_day.isoweekday() == 1 else week
        return "DATE", week.value() + "-WE", anchor
    if unit == "century":
        c = base_day.year // 100 + step
        return "DATE", f"{c:02d}", anchor
    gran = {"week": "week", "month": "month", "year": "year", "decade": "decade"}[unit]
    code = {"week": "W", "month": "M", "year": "Y", "decade": "DE"}[unit]
    point = shift(at(base_day, gran), step, code)  # type: ignore[arg-type]
    return _done(state, point, anchor)


def r_weekend(m: re.Match[str], state: State) -> Resolved:
    base = state.last_day.day if state.last_day else state.dct
    if base is None:
        return "DATE", "XXXX-WXX-WE", "unresolved"
    week = at(base, "week")
    if state.last_day is None and base.isoweekday() < 6:
        week = shift(week, -1 if not _leans_forward(state, m.start(), m.end()) else 0, "W")
    return "DATE", week.value() + "-WE", "previous" if state.last_day else "anchor"


def r_ago(m: re.Match[str], state: State) -> Resolved:
    direction = " ".join(m.group("dir").lower().split())
    code = _unit_code(state, m.group("unit"))
    n = _number(state, m.group("num"))
    after = state.text[m.end() : m.end() + 3]
    if direction in ("before", "after") and not re.match(r"\s*[.,;:)\"]|\s*$", after):
        return None  # "two days before the vote": left to the duration rule
    if code.startswith("T"):
        return None
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    from_previous = direction in ("earlier", "later", "before", "after", "previously")
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
    return _done(state, point, anchor)


def r_ago_vague(m: re.Match[str], state: State) -> Resolved:
    direction = m.group("dir").lower()
    return "DATE", "FUTURE_REF" if direction == "later" else "PAST_REF", "anchor"


def r_previous_day(m: re.Match[str], state: State) -> Resolved:
    base = state.last_day or state.last
    which = (m.group("which") or m.group("which2") or "").lower()
    unit = (m.group("unit") or m.group("unit2") or "day").lower()
    if m.group("which2") and not re.match(r"\s*(?:[.,;:)\"']|$)", state.text[m.end() :]):
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
        _note(state, point)
    timed, _ = _with_part(point, pod, state)
    return "DATE", timed.value(), "previous"


def r_duration(m: re.Match[str], state: State) -> Resolved:
    n = _number(state, m.group("num"))
    raw_num = m.group("num").lower()
    code = _unit_code(state, m.group("unit"))
    pre = " ".join((m.group("pre") or "").lower().split())
    if raw_num in ("a", "an") and not pre and m.group("unit").lower().endswith("s"):
        return None
    if m.group("num2"):
        n = None
    if m.group(0).lower().endswith("and a half") and n is not None:
        n += 0.5
    if pre == "the" and n is not None and raw_num in ("a", "an"):
        return None
    if n is not None and n >= 1000:
        return None  # "the 1988 second quarter": a year, not 1,988 seconds
    if m.group("long") and "old" in m.group("long").lower():
        return None  # an age ("6-year-old") is not a time expression in TimeML
    if code == "TS" and raw_num in ("a", "an"):
        return None  # "a second time"
    if code == "Q" and re.search(r"-\s*quarters", m.group(0), re.I):
        return None  # "three-quarters" is a fraction
    return "DURATION", duration(n, code), "absolute"


def r_duration_bare(m: re.Match[str], state: State) -> Resolved:
    return "DURATION", duration(None, _unit_code(state, m.group("unit"))), "absolute"


def r_duration_recent(m: re.Match[str], state: State) -> Resolved:
    rel = m.group("rel").lower()
    unit = m.group("unit").lower()
    if rel == "recent" and unit == "years":
        return "DATE", "PAST_REF", "anchor"
    if rel in ("coming", "next") and not m.group("pre") and rel == "next":
        return None
    return "DURATION", duration(None, _unit_code(state, unit)), "absolute"


def r_the_unit(m: re.Match[str], state: State) -> Resolved:
    unit = " ".join(m.group("unit").lower().split())
    if unit in ("year", "fiscal year"):
        return "DURATION", "P1Y", "absolute"
    return None


def r_set_every(m: re.Match[str], state: State) -> Resolved:
    target = m.group("unit")
    low = target.lower()
    n = _number(state, m.group("num")) if m.group("num") else 1.0
    if m.group("other"):
        n = 2.0
    if low in state.lex.weekdays and target[0].isupper():
        return "SET", f"XXXX-WXX-{state.lex.weekdays[low]}", "absolute"
    month = state.lex.months.get(low.rstrip("."))
    if month is not None and target[0].isupper():
        return "SET", f"XXXX-{month:02d}", "absolute"
    if low in state.lex.parts_of_day:
        return (
            "SET",
            f"TXX{state.lex.parts_of_day[low]}"
            if ":" not in state.lex.parts_of_day[low]
            else "TXX",
            "absolute",
        )
    if low in state.lex.seasons:
        return "SET", f"XXXX-{state.lex.seasons[low]}", "absolute"
    code = state.lex.units.get(low) or state.lex.units.get(low.rstrip("s"))
    if code is None:
        return None
    return "SET", duration(n if n is not None else 1.0, code), "absolute"


def r_set_times(m: re.Match[str], state: State) -> Resolved:
    code = _unit_code(state, m.group("unit"))
    return "SET", duration(1.0, code), "absolute"


def r_set_word(m: re.Match[str], state: State) -> Resolved:
    return "SET", state.lex.sets[m.group("word").lower()], "absolute"


def r_ref(m: re.Match[str], state: State) -> Resolved:
    word = " ".join(m.group("word").lower().split())
    return "DATE", state.lex.references[word], "anchor"


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
        dated = _resolve_md(m, state, m.group("mon"), m.group("day"))
        if dated is not None and dated[2] != "unresolved":
            return "TIME", f"{dated[1]}T{clock}", dated[2]
    day = _clock_day(m.group("wd"), m, state)
    if day is None:
        return "TIME", f"XXXX-XX-XXT{clock}", "unresolved"
    _note(state, Point(day, "day"))
    return "TIME", f"{day.isoformat()}T{clock}", "anchor"


def _clock_day(word: str | None, m: re.Match[str], state: State) -> date | None:
    if state.dct is None:
        return None
    if not word:
        return state.last_day.day if state.last_day else state.dct
    low = word.lower()
    if low in state.lex.weekdays:
        back = (state.dct.isoweekday() - state.lex.weekdays[low]) % 7
        if back and _leans_forward(state, m.start(), m.end()):
            return state.dct + timedelta(days=7 - back)
        return state.dct - timedelta(days=back)
    return state.dct + timedelta(
        days={"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[low]
    )


def r_clock(m: re.Match[str], state: State) -> Resolved:
    clock = state.lex.parts_of_day.get(m.group("word").lower(), "12:00")
    day = _clock_day(m.group("wd"), m, state)
    if day is None:
        return "TIME", f"XXXX-XX-XXT{clock}", "unresolved"
    return "TIME", f"{day.isoformat()}T{clock}", "anchor"


def r_earlier_this(m: re.Match[str], state: State) -> Resolved:
    rel = m.group("rel").lower()
    unit = m.group("unit").lower()
    if state.dct is None:
        return "DATE", "XXXX", "unresolved"
    gran = {"week": "week", "month": "month", "year": "year"}[unit]
    code = {"week": "W", "month": "M", "year": "Y"}[unit]
    point = shift(at(state.dct, gran), _REL_STEP[rel], code)  # type: ignore[arg-type]
    return _done(state, point, "anchor")


_RESOLVERS: dict[str, Callable[[re.Match[str], State], Resolved]] = {
    "iso": r_iso,
    "numeric": r_numeric,
    "mdy": r_mdy,
    "mdy_word": r_mdy,
    "dmy": r_mdy,
    "month_year": r_month_year,
    "month": r_month,
    "time": r_time,
    "clock": r_clock,
    "decade": r_decade,
    "year": r_year,
    "quarter": r_quarter,
    "quarter_ref": r_quarter_ref,
    "year_earlier": r_year_earlier,
    "day_rel": r_day_rel,
    "pod": r_pod,
    "weekday": r_weekday,
    "holiday": r_holiday,
    "season": r_season,
    "unit_rel": r_unit_rel,
    "weekend": r_weekend,
    "ago": r_ago,
    "ago_vague": r_ago_vague,
    "previous_day": r_previous_day,
    "duration": r_duration,
    "duration_bare": r_duration_bare,
    "duration_recent": r_duration_recent,
    "the_unit": r_the_unit,
    "set_every": r_set_every,
    "set_times": r_set_times,
    "set_word": r_set_word,
    "ref": r_ref,
    "earlier_this": r_earlier_this,
}
