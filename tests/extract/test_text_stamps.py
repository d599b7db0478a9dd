"""Stamp lines: published/modified times with their UTC offsets."""

from __future__ import annotations

from datetime import date

import pytest

from parley.extract.stamps import StampInfo, StampRules, parse_stamp_line, zone_offset


@pytest.mark.parametrize(
    ("line", "published", "modified"),
    [
        ("Posted on : 2018-11-12 17:37 KST Modified on : 2019-10-19 20:29 KST",
         "2018-11-12T17:37:00+09:00", "2019-10-19T20:29:00+09:00"),
        ("Published 12 November 2018", "2018-11-12", None),
        ("Updated: Nov. 13, 2018 9:05 a.m. ET", None, "2018-11-13T09:05:00-05:00"),
        ("Updated: July 4, 2019 9:05 p.m. ET", None, "2019-07-04T21:05:00-04:00"),
        ("Published: 10:32 GMT, 3 March 2019 | Updated: 11:05 GMT, 3 March 2019",
         "2019-03-03T10:32:00+00:00", "2019-03-03T11:05:00+00:00"),
        ("First published on Mon 12 Nov 2018 06.00 GMT", "2018-11-12T06:00:00+00:00", None),
        ("November 12, 2018 / 5:31 AM / Updated 2 hours ago", "2018-11-12", None),
        ("2018/11/12 17:37 JST", "2018-11-12T17:37:00+09:00", None),
        ("Last Modified: 2019-06-01T10:00:00Z", None, "2019-06-01T10:00:00+00:00"),
        ("Posted : 2018-11-12 17:37 KST Updated : 19:50 KST",
         "2018-11-12T17:37:00+09:00", "2018-11-12T19:50:00+09:00"),
        ("Tuesday, March 3, 2020, 10:00 PM (UTC+9)", "2020-03-03T22:00:00+09:00", None),
        ("12/11/2018 10:00 GMT", "2018-11-12T10:00:00+00:00", None),
        ("Published : Nov 12, 2018 - 17:37", "2018-11-12", None),
        ("Updated 14:05 BST, Wednesday 7 August 2019", None, "2019-08-07T14:05:00+01:00"),
        ("Mar 04,2019", "2019-03-04", None),
        # The Guardian prints the last update bare, then "First published on ...".
        ("Tue 12 Mar 2019 14.20 GMT First published on Tue 12 Mar 2019 09.05 GMT",
         "2019-03-12T09:05:00+00:00", "2019-03-12T14:20:00+00:00"),
    ],
)
def test_stamps_parse_stamp_line_reads_times(
    line: str, published: str | None, modified: str | None, stamp_rules: StampRules
) -> None:
    info = parse_stamp_line(line, stamp_rules)
    assert info is not None
    assert (info.published, info.modified) == (published, modified)


@pytest.mark.parametrize(
    "line",
    [
        "The talks on Nov. 12, 2018 ended without a deal.",
        "By Jane Doe",
        "Chapter 3",
        "North Korea fired 2 missiles on 3 March 2019",
        "",
    ],
)
def test_stamps_parse_stamp_line_rejects_sentences(line: str, stamp_rules: StampRules) -> None:
    assert parse_stamp_line(line, stamp_rules) is None


def test_stamps_unlabelled_time_is_marked_as_guessed(stamp_rules: StampRules) -> None:
    assert parse_stamp_line("Tue 12 Mar 2019 14.20 GMT", stamp_rules) == StampInfo(
        "2019-03-12T14:20:00+00:00", None, guessed=True)
    assert parse_stamp_line("Published 12 March 2019", stamp_rules) == StampInfo("2019-03-12", None)


def test_stamps_relative_stamp_is_a_stamp_without_a_time(stamp_rules: StampRules) -> None:
    assert parse_stamp_line("Updated 2 hours ago", stamp_rules) == StampInfo(None, None)


@pytest.mark.parametrize(
    ("name", "day", "hour", "offset"),
    [
        ("ET", date(2018, 11, 13), 9, "-05:00"),
        ("ET", date(2019, 7, 4), 9, "-04:00"),
        ("ET", date(2019, 3, 10), 1, "-05:00"),  # the changeover day, before 2 a.m.
        ("ET", date(2019, 3, 10), 3, "-04:00"),
        ("ET", date(2006, 3, 20), 12, "-05:00"),  # before 2007 daylight time began in April
        ("PT", date(2020, 6, 1), 12, "-07:00"),
        ("EST", date(2019, 7, 4), 9, "-05:00"),  # an explicit standard zone stays as written
        ("KST", date(2018, 11, 12), 17, "+09:00"),
        ("IST", date(2018, 11, 12), 17, "+05:30"),
        ("Central European Time", date(2019, 7, 1), 12, "+02:00"),
        ("AET", date(2019, 1, 15), 12, "+11:00"),
        ("AET", date(2019, 7, 15), 12, "+10:00"),
        ("XYZ", date(2019, 7, 15), 12, None),
    ],
)
def test_stamps_zone_offset_by_daylight_period(
    name: str, day: date, hour: int, offset: str | None, stamp_rules: StampRules
) -> None:
    assert zone_offset(name, day, stamp_rules, hour) == offset
