"""The resolution state carried from one expression to the next, and the helpers every
resolver shares (recording a resolved date, reading numbers and units)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from parley.records import TimexType
from parley.time.lexicon import Lexicon
from parley.time.values import OutOfRange, Point

Resolved = tuple[TimexType, str, str] | None  # (type, value, anchor); None: not a timex
# One expression of a range ("April 24 and 25" is two): its span, then what ``Resolved`` holds.
Piece = tuple[int, int, TimexType, str, str]
Pieces = tuple[Piece, ...] | None  # None: not a range (the rule's span is free for others)


@dataclass(slots=True)
class State:
    """What resolution carries from one expression to the next, in text order."""

    text: str
    dct: date | None  # the publication day
    lex: Lexicon
    forward: re.Pattern[str]  # the forward cues (see ``context.leans_forward``)
    cuts: list[int]  # sentence boundaries, ascending (see ``context``)
    last: Point | None = None  # the last date mentioned (any granularity)
    last_day: Point | None = None  # the last date mentioned to the day
    last_quarter: Point | None = None


def _aside(point: Point, in_view: Point | None) -> bool:
    """True when ``point`` is an earlier quarter of the year of the quarter in view: a report
    of the third quarter that recalls "a flat second quarter" still means the third by "the
    quarter", "the 1989 period" and "a year ago"."""
    return in_view is not None and point.day.year == in_view.day.year and point.day < in_view.day


def note(state: State, point: Point) -> None:
    """Remember ``point`` as the last date mentioned (for "the previous day", "the quarter")."""
    state.last = point
    if point.gran == "day":
        state.last_day = point
    if point.gran == "quarter" and not _aside(point, state.last_quarter):
        state.last_quarter = point


def done(state: State, point: Point, anchor: str, kind: TimexType = "DATE") -> Resolved:
    """Note ``point`` and write it as a resolved timex."""
    note(state, point)
    return kind, point.value(), anchor


def number(state: State, raw: str | None) -> float | None:
    """A number written in digits or words; None for vague amounts ("several")."""
    if raw is None:
        return None
    words = raw.lower().replace("-", " ").split()
    if not words:
        return None
    joined = " ".join(words)
    if joined.endswith(" and a half"):  # "two and a half"
        whole = number(state, joined.removesuffix(" and a half"))
        return None if whole is None else whole + 0.5
    if joined in ("a couple of", "couple of"):
        return 2.0
    if joined == "a dozen":
        return 12.0
    if joined == "a half":
        return 0.5
    half = 0.5 if joined.endswith(" 1/2") else 0.0
    try:
        value = float(joined.removesuffix(" 1/2").replace(",", "")) + half
    except ValueError:  # words, not digits
        return _word_number(state, words)
    if not math.isfinite(value):
        raise OutOfRange(f"the number {raw[:20]}...")  # 400 digits: no date is that far
    return value


def _word_number(state: State, words: list[str]) -> float | None:
    """The sum of the words' values ("twenty four"); None when one is not a number word."""
    total = 0.0
    for word in words:
        value = state.lex.numbers.get(word)
        if value is None:
            return None
        total += value
    return total


def unit_code(state: State, raw: str) -> str:
    """The TIMEX3 unit of a unit word ("weeks" -> W); days when the word is unknown."""
    word = raw.lower().split()[-1]
    return state.lex.units.get(word) or state.lex.units.get(word.rstrip("s")) or "D"
