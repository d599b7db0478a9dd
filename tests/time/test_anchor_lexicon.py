"""Publication-time parsing, the data-file loader and the value helpers."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from parley.errors import InputError, KnowledgeBaseError
from parley.time.anchor import parse_published
from parley.time.lexicon import DATA_DIR, load_lexicon, read_table
from parley.time.values import Point, duration


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-11-12", datetime(2018, 11, 12)),
        ("2018-11-12 17:37", datetime(2018, 11, 12, 17, 37)),
        ("19980108", datetime(1998, 1, 8)),
    ],
)
def test_anchor_parse_published_naive(value: str, expected: datetime) -> None:
    assert parse_published(value) == expected


def test_anchor_parse_published_keeps_offset() -> None:
    when = parse_published("2018-11-12T17:37:00+09:00")
    assert when.utcoffset() == timedelta(hours=9)
    assert parse_published("2018-11-12T08:37Z").utcoffset() == timedelta(0)


@pytest.mark.parametrize("bad", ["yesterday-ish", "", "2018-13-45", "12 November"])
def test_anchor_parse_published_rejects_with_one_line(bad: str) -> None:
    with pytest.raises(InputError) as info:
        parse_published(bad)
    assert "is not an ISO 8601 date or time" in str(info.value)
    assert "\n" not in str(info.value)


def test_lexicon_packaged_files_load() -> None:
    lex = load_lexicon(DATA_DIR)
    assert lex.months["sept"] == 9
    assert lex.weekdays["sunday"] == 7
    assert lex.numbers["twenty"] == 20
    assert "will" in lex.forward_cues


def test_lexicon_malformed_line_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "months.tsv"
    bad.write_text("# header\njanuary\t1\nfebruary 2\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as info:
        read_table(bad)
    assert "months.tsv:3" in str(info.value)


def test_values_point_formats() -> None:
    day = date(2018, 11, 12)
    assert Point(day, "day").value() == "2018-11-12"
    assert Point(day, "week").value() == "2018-W46"
    assert Point(day, "month").value() == "2018-11"
    assert Point(date(2018, 7, 1), "quarter").value() == "2018-Q3"
    assert Point(day, "day", part="MO").value() == "2018-11-12TMO"


@pytest.mark.parametrize(
    ("n", "unit", "value"),
    [
        (2, "Y", "P2Y"),
        (48, "TH", "PT48H"),
        (1, "DE", "P10Y"),
        (None, "Y", "PXY"),
        (2.5, "Y", "P2Y6M"),
        (1.5, "TM", "PT1M30S"),
    ],
)
def test_values_duration(n: float | None, unit: str, value: str) -> None:
    assert duration(n, unit) == value
