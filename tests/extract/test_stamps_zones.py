"""Generic zone names take the offset the tz database gives for that date (zoneinfo)."""

from __future__ import annotations

from datetime import date

import pytest

from parley.extract.stamps import StampRules, zone_offset


@pytest.mark.parametrize(
    ("name", "day", "offset"),
    [
        # Australia moved the end of daylight time from the last Sunday of March to the first
        # Sunday of April in 2008: 30 March was standard time in 2007 and daylight in 2008.
        ("AET", date(2007, 3, 30), "+10:00"),
        ("AET", date(2008, 3, 30), "+11:00"),
        ("AET", date(2018, 7, 1), "+10:00"),
        # The US moved its start from April to the second Sunday of March in 2007.
        ("ET", date(2006, 3, 20), "-05:00"),
        ("ET", date(2007, 3, 20), "-04:00"),
        ("PT", date(2018, 11, 12), "-08:00"),
        ("Central European Time", date(2018, 7, 1), "+02:00"),
        ("KST", date(2018, 11, 12), "+09:00"),
        # Dates the zone rules do not cover keep the standard offset.
        ("ET", date(1, 1, 2), "-05:00"),
        ("ET", date(9999, 12, 31), "-05:00"),
    ],
)
def test_stamps_zone_offset_by_date(
    name: str, day: date, offset: str, stamp_rules: StampRules
) -> None:
    assert zone_offset(name, day, stamp_rules) == offset


def test_stamps_zone_offset_unknown_name(stamp_rules: StampRules) -> None:
    assert zone_offset("Nowhere Time", date(2018, 1, 1), stamp_rules) is None
