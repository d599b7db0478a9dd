"""Find time expressions in a text and give each a TIMEX3 type and value.

Resolution conventions (news leans to the past):

- a bare date or weekday ("Nov. 9", "on Friday") is the most recent such day not after the
  publication date, unless its sentence leans forward (a cue from ``forward_cues.txt``, such as
  "will" or "is scheduled to", nearer to it than a past cue such as "said"), in which case it
  is the next such day on or after the publication date; a bare date less than 30 days ahead
  is taken as meant ahead even without a cue, since news rarely names a date of last year
  that is one month away from today; a forward lean does not carry a date of the past
  fortnight a year ahead, and a date after "since" is behind;
- "next Monday" is the Monday of the following week (for an article of Monday 2018-11-12:
  2018-11-19); "last Friday" the most recent Friday strictly before the publication day;
- "the previous day", "the day before", "three days later", "a year earlier" count from the
  LAST date mentioned in the text (anchor "previous"); "two days ago" from the publication;
- a bare quarter ("the third quarter") is of the publication year, unless that quarter has not
  begun yet and nothing leans forward; "the quarter", "the latest period" are the last
  quarter mentioned, else the one before the publication.
Without a publication time, relative expressions are written with X ("XXXX-11-09") and
marked anchor "unresolved"; durations and sets need no anchor. So is an expression whose value
would fall outside years 1..9999 ("next year" in an article dated 9999-12-31).

The work is split by concern: ``find`` (candidate spans), ``context`` (sentences and tense
cues), ``state`` (what resolution carries along), ``resolve_*`` (one module per kind of
expression), ``values`` (calendar arithmetic and TIMEX3 values), ``resources`` (the loaded
data).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime

from parley.config import Config
from parley.records import Timex
from parley.time import resolve_dates as dates
from parley.time import resolve_days as days
from parley.time import resolve_durations as durations
from parley.time import resolve_ranges as ranges
from parley.time import resolve_relative as relative
from parley.time.context import sentence_cuts
from parley.time.find import Found, find_candidates, trim
from parley.time.names import in_name
from parley.time.resources import TimeResources
from parley.time.state import Pieces, Resolved, State
from parley.time.values import OutOfRange

__all__ = ["tag_timexes"]

# A unit set against the next one, "quarter-to-quarter", "year-over-year", "year-on-year": a way
# of comparing figures, no time of its own.
_COMPARED = re.compile(r"-(?:to|over|on|by|for)-([a-z]+)", re.I)

Resolver = Callable[[re.Match[str], State], Resolved]
RangeResolver = Callable[[re.Match[str], State], Pieces]


def tag_timexes(
    text: str,
    published: datetime | None,
    *,
    sentences: Sequence[tuple[int, int]] | None = None,
    resources: TimeResources | None = None,
) -> tuple[Timex, ...]:
    """The time expressions of ``text``, resolved against the day of ``published``.

    ``sentences``: the (start, end) character bounds of the parse's sentences, which the
    tense cues are looked for in; without them a regex splitter finds sentences.
    ``resources``: the loaded lexicon and rules (loaded here when not given: slow, for
    one-off calls only).
    """
    if not text:
        return ()
    if resources is None:
        resources = TimeResources.load(Config())
    state = State(
        text=text,
        dct=published.date() if published is not None else None,
        lex=resources.lexicon,
        forward=resources.forward,
        cuts=sentence_cuts(text, sentences),
    )
    out: list[Timex] = []
    taken = -1
    # Leftmost-longest, non-overlapping; on equal spans the earlier rule wins. A candidate its
    # resolver rejects ("2000 troops") frees its span for shorter ones, and so does one that
    # is part of a name ("USA TODAY", "the September 19 Joint Statement").
    for found in find_candidates(text, resources):
        if found.start < taken:
            continue
        if in_name(found, state, resources.name_follows) or _compared(text, found.end):
            taken = found.end
            continue
        pieces = _resolve(found, state)
        if pieces is None:
            continue
        taken = found.end
        for start, end, kind, value, anchor in pieces:
            start, end = trim(text, start, end)
            if end > start:
                out.append(Timex(text[start:end], kind, value, start, end, anchor))
    return tuple(out)


def _compared(text: str, end: int) -> bool:
    """True when the word ending at ``end`` is set against itself ("quarter-to-quarter"); not
    a range of two ("the October-to-December quarter")."""
    m = _COMPARED.match(text, end)
    if m is None:
        return False
    word = re.search(r"[a-z]+$", text[max(0, end - 20) : end], re.I)
    return word is not None and word.group(0).lower() == m.group(1).lower()


def _resolve(found: Found, state: State) -> Pieces:
    """The resolver's answer as pieces (one but for a range); when a value would fall outside
    years 1..9999 (an anchor near either end of the calendar), the expression as if there
    were no anchor, or not a timex at all when even that has no value (a number too large to
    be a number)."""
    try:
        return _pieces(found, state)
    except OutOfRange:
        pass
    unanchored = replace(state, dct=None, last=None, last_day=None, last_quarter=None)
    try:
        return _pieces(found, unanchored)
    except OutOfRange:
        return None


def _pieces(found: Found, state: State) -> Pieces:
    ranged = RANGE_RESOLVERS.get(found.rule)
    if ranged is not None:
        return ranged(found.match, state)
    resolved = RESOLVERS[found.rule](found.match, state)
    if resolved is None:
        return None
    return ((found.start, found.end, *resolved),)


# The rules whose matches are ranges, and the function that splits and resolves them.
RANGE_RESOLVERS: dict[str, RangeResolver] = {
    "month_days": ranges.r_month_days,
    "days_month": ranges.r_days_month,
    "weekdays": ranges.r_weekdays,
    "years": ranges.r_years,
}

# Each rule of ``patterns`` and the function that resolves its matches.
RESOLVERS: dict[str, Resolver] = {
    "iso": dates.r_iso,
    "numeric": dates.r_numeric,
    "mdy": dates.r_mdy,
    "week_of": dates.r_week_of,
    "mdy_word": dates.r_mdy,
    "dmy": dates.r_mdy,
    "month_year": dates.r_month_year,
    "month": dates.r_month,
    "time": days.r_time,
    "clock_pod": days.r_clock_pod,
    "clock": days.r_clock,
    "decade": dates.r_decade,
    "decade_short": dates.r_decade,
    "century": dates.r_century,
    "spoken_year": dates.r_spoken_year,
    "juche_year": dates.r_juche_year,
    "year": dates.r_year,
    "quarter": relative.r_quarter,
    "quarter_year_ago": relative.r_quarter_year_ago,
    "quarter_of_year": relative.r_quarter_of_year,
    "quarter_ref": relative.r_quarter_ref,
    "year_earlier": relative.r_year_earlier,
    "day_rel": days.r_day_rel,
    "pod": days.r_pod,
    "pod_mod": days.r_pod_mod,
    "weekday": days.r_weekday,
    "holiday": dates.r_holiday,
    "season": dates.r_season,
    "unit_rel": relative.r_unit_rel,
    "weekend": relative.r_weekend,
    "ago": relative.r_ago,
    "ago_vague": relative.r_ago_vague,
    "previous_day": relative.r_previous_day,
    "duration": durations.r_duration,
    "duration_bare": durations.r_duration_bare,
    "duration_recent": durations.r_duration_recent,
    "unit_end": relative.r_unit_end,
    "the_unit": durations.r_the_unit,
    "set_every": durations.r_set_every,
    "set_times": durations.r_set_times,
    "set_word": durations.r_set_word,
    "ref": durations.r_ref,
    "earlier_this": relative.r_earlier_this,
}
