"""Dates near the ends of Python's calendar (years 1 and 9999) never crash the tagger: an
expression whose value would fall outside it is written unresolved. Texts are glued from
fragments written for these tests; Hypothesis is derandomized (the same examples every run)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.time import TimeResources, tag_timexes
from parley.time.values import OutOfRange, Point, add_months, shift

FRAGMENTS = (
    "next year",
    "last year",
    "the day after",
    "the day before",
    "the day after tomorrow",
    "the day before yesterday",
    "3,000 years later",
    "in 9999 years",
    "9999 years ago",
    "99999999999999999999999 days later",
    "1" + "0" * 400 + " years ago",
    "every 1" + "0" * 400 + " days",
    "tomorrow",
    "yesterday",
    "tonight",
    "tomorrow morning",
    "last night",
    "next Monday",
    "last Friday",
    "this Sunday",
    "the following Tuesday",
    "on Saturday",
    "Friday",
    "Dec. 31",
    "Jan. 1",
    "December 31",
    "the first of January",
    "next January",
    "last December",
    "that March",
    "in March",
    "next week",
    "last week",
    "this weekend",
    "the weekend",
    "next month",
    "the previous month",
    "the next decade",
    "the next century",
    "last century",
    "a decade ago",
    "two centuries later",
    "a year earlier",
    "a year ago",
    "three weeks later",
    "four quarters ago",
    "the previous day",
    "the next day",
    "the following week",
    "that day",
    "later that day",
    "this morning",
    "the next morning",
    "the previous evening",
    "earlier this month",
    "later next year",
    "the third quarter",
    "the fourth quarter of next year",
    "last year's second half",
    "the latest quarter",
    "the previous quarter",
    "the year-earlier period",
    "year-ago",
    "the current quarter",
    "Christmas",
    "next Christmas",
    "last Easter",
    "Thanksgiving",
    "this summer",
    "last winter",
    "next spring",
    "that autumn",
    "noon tomorrow",
    "midnight Sunday",
    "10 a.m. Sunday",
    "9:30 p.m. Dec. 31",
    "two days ago",
    "a fortnight later",
    "the past two years",
    "2018",
    "the 1990s",
    "March 5, 1998",
    "1999-12-31",
    "12/31/99",
    "fiscal 2001",
    "every Monday",
    "twice a week",
    "now",
    "recently",
    "will",
    "said",
    "is scheduled to",
)
GLUE = (" ", ", ", ". ", ".\n", "\n\n", " and ", " on ", " in ", " for ", "; ", " that ")

ENDS = (
    datetime(1, 1, 1),
    datetime(1, 1, 1, tzinfo=UTC),
    datetime(1, 1, 7, 23, 59),
    datetime(1, 3, 31),
    datetime(9999, 12, 31),
    datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC),
    datetime(9999, 12, 25),
    datetime(9999, 10, 1),
    datetime(9998, 12, 31),
    datetime(9999, 12, 31, tzinfo=timezone(timedelta(hours=14))),
)

texts = st.lists(
    st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(GLUE)), min_size=1, max_size=12
).map(lambda parts: "".join(f + g for f, g in parts))
published = st.one_of(
    st.none(),
    st.sampled_from(ENDS),
    st.datetimes(min_value=datetime.min, max_value=datetime.max),
    st.datetimes(min_value=datetime.min, max_value=datetime.max, timezones=st.just(UTC)),
)


def _check(text: str, when: datetime | None, resources: TimeResources) -> None:
    found = tag_timexes(text, when, resources=resources)
    assert isinstance(found, tuple)
    end = -1
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.start >= end  # in text order, not overlapping
        end = timex.end
        assert timex.value


@settings(
    max_examples=200,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=texts, when=published)
def test_ranges_random_texts_never_raise(
    time_resources: TimeResources, text: str, when: datetime | None
) -> None:
    _check(text, when, time_resources)


@pytest.mark.parametrize("when", ENDS)
@pytest.mark.parametrize("fragment", FRAGMENTS)
def test_ranges_each_fragment_at_each_end(
    time_resources: TimeResources, fragment: str, when: datetime
) -> None:
    # After a date, so that expressions counted from the last date mentioned are tried too.
    _check(f"On Dec. 31 {fragment}, and Jan. 1 {fragment}.", when, time_resources)


@pytest.mark.parametrize(
    ("text", "when", "value", "anchor"),
    [
        ("They meet next year.", datetime(9999, 12, 31), "XXXX", "unresolved"),
        ("They meet tomorrow.", datetime(9999, 12, 31), "XXXX-XX-XX", "unresolved"),
        ("They met yesterday.", datetime(1, 1, 1), "XXXX-XX-XX", "unresolved"),
        ("They met last year.", datetime(1, 6, 1), "XXXX", "unresolved"),
        ("They meet next year.", datetime(1, 1, 1), "0002", "anchor"),
        ("They met last week.", datetime(1, 1, 9), "0001-W01", "anchor"),
        ("They met in the 1990s.", datetime(9999, 12, 31), "199", "absolute"),
    ],
)
def test_ranges_values_at_the_ends(
    time_resources: TimeResources, text: str, when: datetime, value: str, anchor: str
) -> None:
    (timex,) = tag_timexes(text, when, resources=time_resources)
    assert (timex.value, timex.anchor) == (value, anchor)


def test_ranges_date_arithmetic_raises_only_out_of_range() -> None:
    with pytest.raises(OutOfRange):
        add_months(date(9999, 12, 1), 1)
    with pytest.raises(OutOfRange):
        shift(Point(date(1, 1, 1), "day"), -1, "D")
    with pytest.raises(OutOfRange):
        shift(Point(date(2018, 1, 1), "year"), 10**30, "D")
    assert add_months(date(2018, 1, 31), 1) == date(2018, 2, 28)
    assert Point(date(5, 3, 1), "month").value() == "0005-03"
