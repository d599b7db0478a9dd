"""Resolvers of expressions that need no anchor: durations ("two years", "the past two
weeks"), sets ("every Monday", "twice a week", "daily") and references ("now", "recently")."""

from __future__ import annotations

import re

from parley.time.state import Resolved, State, number, unit_code
from parley.time.values import at, duration, year_value

# An amount just before "a year", "a night": a rate ("$2 million a year", "$15 an hour",
# "5% a year"), a set in TimeML (as "twice a year" is), not a stretch of time.
_AMOUNT_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|trillion|thousand|hundred|percent|cents?|dollars?|euros?|"
    r"yen|pounds|won|tons?|barrels|people|times))[\s,]*$",
    re.I,
)


# The head of a number written with a thousands separator just before the match: "5,000
# years", "5 000 years" (the match took only "000 years", a span of nothing).
_THOUSANDS_BEFORE = re.compile(r"\d[,\u00a0 ]$")


# A count of things just before: "50,000 CDs a year", "hundreds of interviews a day", "four
# flights a week": a rate too.
_COUNT_BEFORE = re.compile(
    r"(?:\b\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|"
    r"dozens|hundreds|thousands|millions|several|many|thousand|million|billion|hundred))\s+"
    r"(?:of\s+)?(?:[a-z]+\s+)?[a-z]+s\s*$",
    re.I,
)
# "a quarter of the market", "three quarters of its staff": a fraction of a whole that a
# determiner names, not a time ("several quarters of losses" is one; so is "three quarters
# of the year").
_FRACTIONS = frozenset({"a", "one", "three"})
_FRACTION_OF = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|all|a|an|those|these|\d)\b"
    r"(?!\s+(?:fiscal\s+)?year\b)",
    re.I,
)
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|may|might|can|shall|should|must)\s+$", re.I)
_YEAR_BEFORE = re.compile(r"\b(?:1[0-9]|20)\d\d,?\s*$")


def _is_rate(state: State, start: int) -> bool:
    """True when an amount (not a year: "In 1999, a year after ...") ends just before
    ``start``."""
    lo = max(0, start - 20)
    if _COUNT_BEFORE.search(state.text, max(0, start - 40), start):
        return True
    return bool(_AMOUNT_BEFORE.search(state.text, lo, start)) and not _YEAR_BEFORE.search(
        state.text, lo, start
    )


def r_duration(m: re.Match[str], state: State) -> Resolved:
    n = number(state, m.group("num"))
    raw_num = m.group("num").lower()
    if raw_num[:1].isdigit() and _THOUSANDS_BEFORE.search(
        state.text, max(0, m.start() - 2), m.start()
    ):
        return None  # "5,000 years": part of a larger number, a span too long to be a time
    code = unit_code(state, m.group("unit"))
    pre = " ".join((m.group("pre") or "").lower().split())
    if raw_num in ("a", "an") and not pre and m.group("unit").lower().endswith("s"):
        return None
    if m.group("num2"):
        n = None
    if m.group(0).lower().endswith("and a half") and n is not None:
        n += 0.5
    if pre == "the" and n is not None and raw_num in ("a", "an"):
        return None
    if (
        raw_num == "one"
        and code == "D"
        and not pre
        and _MODAL_BEFORE.search(state.text, max(0, m.start() - 12), m.start())
    ):
        return "DATE", "FUTURE_REF", "anchor"  # "Islam will one day be ...": some day ahead
    if raw_num in ("a", "an") and not pre and _is_rate(state, m.start()):
        return "SET", duration(1.0, code), "absolute"
    if n is not None and n >= 1000:
        return None  # "the 1988 second quarter": a year, not 1,988 seconds
    if m.group("long") and "old" in m.group("long").lower():
        return None  # an age ("6-year-old") is not a time expression in TimeML
    if code == "TS" and raw_num in ("a", "an"):
        return None  # "a second time"
    if code == "Q" and re.search(r"-\s*quarters", m.group(0), re.I):
        return None  # "three-quarters" is a fraction
    if (
        code == "Q"
        and not pre
        and raw_num in _FRACTIONS
        and _FRACTION_OF.match(state.text, m.end())
    ):
        return None  # "more than a quarter of the market", "three quarters of the vote"
    if code == "M" and pre:
        # "In the first nine months, net rose 4% from a year earlier": a report's figures for
        # the months to date; its "a year earlier" is last year, not the quarter's.
        state.last_quarter = None
        if state.last is not None and state.last.gran == "quarter":
            state.last = at(state.last.day, "year")
    return "DURATION", duration(n, code), "absolute"


def r_duration_bare(m: re.Match[str], state: State) -> Resolved:
    return "DURATION", duration(None, unit_code(state, m.group("unit"))), "absolute"


def r_duration_recent(m: re.Match[str], state: State) -> Resolved:
    rel = m.group("rel").lower()
    unit = m.group("unit").lower()
    if rel == "recent" and unit == "years":
        return "DATE", "PAST_REF", "anchor"
    if rel in ("coming", "next") and not m.group("pre") and rel == "next":
        return None
    return "DURATION", duration(None, unit_code(state, unit)), "absolute"


# "the year ended Sept. 30": twelve months up to a day, a duration.
_ENDED = re.compile(r"\s+(?:ended|ending|that\s+ended|through|to)\b", re.I)


def r_the_unit(m: re.Match[str], state: State) -> Resolved:
    """ "the year" of company results ("for the year", "the full year", "the end of the
    year") is the current year; "the year ended Sept. 30" is a twelve-month duration."""
    unit = " ".join(m.group("unit").lower().split())
    if unit not in ("year", "fiscal year"):
        return None
    if _ENDED.match(state.text, m.end()):
        return "DURATION", "P1Y", "absolute"
    if state.dct is None:
        return "DATE", "XXXX", "unresolved"
    return "DATE", year_value(state.dct.year), "anchor"


def r_set_every(m: re.Match[str], state: State) -> Resolved:
    target = m.group("unit")
    low = target.lower()
    n = number(state, m.group("num")) if m.group("num") else 1.0
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
    code = unit_code(state, m.group("unit"))
    return "SET", duration(1.0, code), "absolute"


# "daily", "weekly" as a newspaper: before its name ("the daily Die Welt", "Communist Party
# daily Granma"), or a noun that reports or ends a clause ("the daily said", "said the daily.",
# "a free daily.").
_PAPER_NAME_AFTER = re.compile(r"[ \t]+[A-Z]")
_PAPER_NOUN_AFTER = re.compile(
    r"\s*[.,;:)]|\s+(?:said|says|carried|carries|reported|reports|quoted|quotes|wrote|writes|"
    r"added|adds|noted|notes|has|had)\b"
)
_PAPER_BEFORE = re.compile(r"\b(?:the|a|an|local|free|[A-Z][\w'.-]*)[ \t]+$")


def _newspaper(m: re.Match[str], state: State) -> bool:
    """True when "daily" or "weekly" names a paper, not how often something happens."""
    if m.group("word").lower() not in ("daily", "weekly"):
        return False
    text = state.text
    if _PAPER_NAME_AFTER.match(text, m.end()):
        return True
    before = _PAPER_BEFORE.search(text, max(0, m.start() - 30), m.start())
    return before is not None and bool(_PAPER_NOUN_AFTER.match(text, m.end()))


def r_set_word(m: re.Match[str], state: State) -> Resolved:
    if _newspaper(m, state):
        return None
    return "SET", state.lex.sets[m.group("word").lower()], "absolute"


def r_ref(m: re.Match[str], state: State) -> Resolved:
    word = " ".join(m.group("word").lower().split())
    return "DATE", state.lex.references[word], "anchor"
