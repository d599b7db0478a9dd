"""Stamp lines: the published/modified times a news page prints near its title.

Public API (shared by the text extractor and the HTML extractor)::

    StampRules.load(data_dir) -> StampRules
        the zone, month and label tables of ``data/`` and the patterns compiled from them,
        read once by ``ExtractResources.load`` and passed to the functions below.
    parse_stamp_line(line, rules) -> StampInfo | None
        None when the line is not a stamp line (it says something besides times and their
        labels); otherwise a StampInfo whose ``published`` / ``modified`` are ISO 8601 strings
        ("2018-11-12T17:37:00+09:00" with a known zone, "2018-11-12" for a date alone or a
        time in an unknown zone) or None when the line gives no usable time for that role
        ("Updated 2 hours ago").
    zone_offset(name, day, rules, hour) -> str | None
        the UTC offset ("+09:00") of a zone abbreviation on a local date and hour, resolving
        generic names such as "ET" to EST or EDT by that year's daylight-saving period.

Examples of stamp lines::

    Posted on : 2018-11-12 17:37 KST Modified on : 2019-10-19 20:29 KST
    Updated: Nov. 13, 2018 9:05 a.m. ET
    Published: 10:32 GMT, 3 March 2019 | Updated: 11:05 GMT, 3 March 2019
    First published on Mon 12 Nov 2018 06.00 GMT
    November 12, 2018 / 5:31 AM / Updated 2 hours ago
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from parley.datafiles import read_rows

__all__ = ["DATA_DIR", "StampInfo", "StampRules", "alternation", "parse_stamp_line", "zone_offset"]

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True, slots=True)
class StampInfo:
    published: str | None
    modified: str | None
    # True when ``published`` was read from an unlabelled time: a later "First published ..."
    # line on the same page should then take its place (the unlabelled one is the update).
    guessed: bool = False


# ---------------------------------------------------------------------------------------------
# Knowledge, loaded once by whoever runs the stage (``ExtractResources.load``).

_OFFSET = re.compile(r"^[+-]\d{2}:\d{2}$")


@dataclass(frozen=True, slots=True)
class _Zone:
    offset: str  # the standard offset ("+09:00")
    zone: ZoneInfo | None  # the IANA zone of a generic name ("ET"), whose offset varies


def _read_zones(path: Path) -> dict[str, _Zone]:
    zones: dict[str, _Zone] = {}
    for row in read_rows(path, 3):
        abbr, offset, name = row.fields
        if not _OFFSET.match(offset):
            raise row.fail(f"bad offset {offset!r}")
        zone = None
        if name != "-":
            try:
                zone = ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError) as err:
                raise row.fail(f"unknown time zone {name!r}") from err
        zones[abbr] = _Zone(offset, zone)
    return zones


def _read_months(path: Path) -> dict[str, int]:
    months: dict[str, int] = {}
    for row in read_rows(path, 2):
        name, value = row.fields
        if not value.isdigit() or not 1 <= int(value) <= 12:
            raise row.fail("month number must be 1-12")
        months[name.lower()] = int(value)
    return months


def _read_labels(path: Path) -> dict[str, str]:
    labels: dict[str, str] = {}
    for row in read_rows(path, 2):
        label, role = row.fields
        if role not in {"published", "modified"}:
            raise row.fail("role must be published or modified")
        labels[label.lower()] = role
    return labels


def alternation(words: list[str]) -> str:
    """A regex alternative of the phrases, longest first (so "last updated" wins over
    "updated" and "Sept" over "Sep"), each space matching any run of white space."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


@dataclass(frozen=True, slots=True)
class _Patterns:
    iso_full: re.Pattern[str]
    dates: tuple[re.Pattern[str], ...]
    yearless: re.Pattern[str]
    time: re.Pattern[str]
    zone: re.Pattern[str]
    numeric_zone: re.Pattern[str]
    label: re.Pattern[str]
    relative: re.Pattern[str]
    filler: re.Pattern[str]


def _compile(months: list[str], zone_names: list[str], labels: list[str]) -> _Patterns:
    month = rf"(?P<mon>{alternation(months)})\.?"
    day = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<y>(?:19|20)\d{2})"
    dates = (
        # 2018-11-12, 2018/11/12, 2018.11.12
        re.compile(rf"(?<![\d.]){year}(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep){day}\.?(?![\d])"),
        # 12 November 2018, Mon 12 Nov. 2018, 12th of November, 2018
        re.compile(rf"(?<!\d){day}\s+(?:of\s+)?{month},?\s+{year}(?!\d)", re.I),
        # November 12, 2018; Nov. 12 2018
        re.compile(rf"\b{month}\s+{day}(?:,\s*|\s+){year}(?!\d)", re.I),
        # 12/11/2018 or 11/12/2018: day or month first, settled in _numeric_date
        re.compile(
            rf"(?<![\d/.])(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})(?P=sep){year}(?!\d)"
        ),
        # 2018年11月12日
        re.compile(rf"{year}\s*年\s*(?P<m>\d{{1,2}})\s*月\s*{day}\s*日"),
    )
    return _Patterns(
        iso_full=re.compile(
            r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})[T ](?P<h>\d{2}):(?P<mi>\d{2})"
            r"(?::(?P<s>\d{2})(?:\.\d+)?)?\s*(?P<z>Z|[+-]\d{2}:?\d{2})?(?![\d:])"
        ),
        dates=dates,
        yearless=re.compile(
            rf"\b{month}\s+{day}\b|(?<!\d)\d{{1,2}}(?:st|nd|rd|th)?\s+"
            rf"{month.replace('?P<mon>', '?:')}(?![a-z])",
            re.I,
        ),
        time=re.compile(
            r"(?<![\d:.])(?P<h>\d{1,2})(?:(?P<sep>[:.h])(?P<mi>\d{2})(?::(?P<s>\d{2}))?)?"
            r"\s*(?P<ap>[ap]\.?\s?m\b\.?)?(?![\d:])",
            re.I,
        ),
        zone=re.compile(rf"(?<![\w+-])(?:{alternation(zone_names)})(?![\w+-])"),
        numeric_zone=re.compile(
            r"\(?(?:(?:UTC|GMT)\s*(?P<sign>[+-−])\s*(?P<h>\d{1,2})(?::?(?P<mi>\d{2}))?)\)?"
        ),
        label=re.compile(rf"\b(?P<label>{alternation(labels)})\b", re.I),
        relative=re.compile(
            r"\b(?:\d+|an?|one|few)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|"
            r"weeks?|months?|years?)\s+ago\b|\bjust\s+now\b|\b(?:yesterday|today)\b",
            re.I,
        ),
        # What may remain on a stamp line once times, dates and labels are gone.
        filler=re.compile(
            r"\b(?:on|at|time|local|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|"
            r"thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|a\.m|p\.m|"
            r"and|last|of)\b|[\s:|/,.;()\[\]\-–—·•*]+",
            re.I,
        ),
    )


@dataclass(frozen=True, slots=True, eq=False)
class StampRules:
    """The stamp tables of ``data/`` (zone names, month names, stamp labels) and the
    patterns compiled from them: built once, passed to ``parse_stamp_line``."""

    zones: dict[str, _Zone]
    months: dict[str, int]
    labels: dict[str, str]  # lower-cased label -> "published" | "modified"
    patterns: _Patterns

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> StampRules:
        """Read the tables; a malformed line raises KnowledgeBaseError naming file and line."""
        zones = _read_zones(data_dir / "timezones.tsv")
        months = _read_months(data_dir / "months.tsv")
        labels = _read_labels(data_dir / "stamp_labels.tsv")
        return cls(zones, months, labels, _compile(list(months), list(zones), list(labels)))


# ---------------------------------------------------------------------------------------------
# Offsets of zone names: fixed, or the IANA zone's on that date (daylight saving included).


def zone_offset(name: str, day: date, rules: StampRules, hour: int = 12) -> str | None:
    """UTC offset of a zone abbreviation (from data/timezones.tsv) at a local date and hour."""
    zone = rules.zones.get(re.sub(r"\s+", " ", name))
    if zone is None:
        return None
    if zone.zone is None or day.year < 1900:  # before standard time, the tz data is local mean time
        return zone.offset
    try:
        local = datetime(day.year, day.month, day.day, min(max(hour, 0), 23), tzinfo=zone.zone)
        delta = local.utcoffset()
    except (OverflowError, ValueError):
        return zone.offset  # a date the zone rules cannot place (year 1, say): standard time
    if delta is None:
        return zone.offset
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


# ---------------------------------------------------------------------------------------------
# Parsing one line.


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    day: date | None = None
    hour: int | None = None
    minute: int = 0
    second: int = 0
    offset: str | None = None  # an explicit numeric offset
    zone: str | None = None  # a zone name


def _make_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _numeric_date(a: int, b: int, y: int, zone_hint: str | None) -> date | None:
    # 11/12/2018 is ambiguous; a number over 12 settles it, then a US zone means month first.
    if a > 12:
        return _make_date(y, b, a)
    if b > 12:
        return _make_date(y, a, b)
    us_zone = zone_hint is not None and zone_hint in {
        "ET",
        "EST",
        "EDT",
        "CT",
        "CST",
        "CDT",
        "MT",
        "MST",
        "MDT",
        "PT",
        "PST",
        "PDT",
        "Eastern Time",
        "Pacific Time",
    }
    return _make_date(y, a, b) if us_zone else _make_date(y, b, a)


def _find_dates(text: str, zone_hint: str | None, rules: StampRules) -> list[_Found]:
    pats = rules.patterns
    months = rules.months
    found: list[_Found] = []
    taken = [False] * len(text)

    def free(s: int, e: int) -> bool:
        return not any(taken[s:e])

    for m in pats.iso_full.finditer(text):
        day = _make_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if day is None:
            continue
        offset = None
        if m["z"]:
            z = m["z"]
            offset = "+00:00" if z == "Z" else f"{z[:3]}:{z[-2:]}"
        found.append(
            _Found(m.start(), m.end(), day, int(m["h"]), int(m["mi"]), int(m["s"] or 0), offset)
        )
        taken[m.start() : m.end()] = [True] * (m.end() - m.start())
    for index, pattern in enumerate(pats.dates):
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            groups = m.groupdict()
            y = int(m["y"])
            if index == 3:
                day = _numeric_date(int(m["a"]), int(m["b"]), y, zone_hint)
            else:
                month = (
                    months[re.sub(r"\s+", "", groups["mon"].lower())]
                    if groups.get("mon")
                    else int(m["m"])
                )
                day = _make_date(y, month, int(m["d"]))
            if day is None:
                continue
            found.append(_Found(m.start(), m.end(), day))
            taken[m.start() : m.end()] = [True] * (m.end() - m.start())
    return sorted(found, key=lambda f: f.start)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in spans:
        chars[s:e] = [" "] * (e - s)
    return "".join(chars)


def _clock(m: re.Match[str]) -> tuple[int, int, int] | None:
    h = int(m["h"])
    mi = int(m["mi"]) if m["mi"] else 0
    s = int(m["s"]) if m["s"] else 0
    if m["ap"]:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if m["ap"].lower().startswith("p") else 0)
    if h > 23 or mi > 59 or s > 59:
        return None
    return h, mi, s


def _format(day: date, clock: tuple[int, int, int] | None, offset: str | None) -> str:
    if clock is None or offset is None:
        # A local time in an unknown zone cannot be placed on the time line; the date can.
        return day.isoformat()
    h, mi, s = clock
    return datetime(day.year, day.month, day.day, h, mi, s).isoformat() + offset


def _parse_segment(
    segment: str, carried: date | None, rules: StampRules
) -> tuple[str | None, date | None, bool]:
    """(ISO value, the date seen, whether anything time-like was found) for one label's text."""
    pats = rules.patterns
    zone_match = pats.zone.search(segment)
    zone_hint = re.sub(r"\s+", " ", zone_match.group(0)) if zone_match else None
    dates = _find_dates(segment, zone_hint, rules)
    if dates and dates[0].hour is not None:  # a full ISO date-time
        f = dates[0]
        assert f.day is not None and f.hour is not None
        offset = f.offset or (zone_offset(zone_hint, f.day, rules, f.hour) if zone_hint else None)
        return _format(f.day, (f.hour, f.minute, f.second), offset), f.day, True
    rest = _blank(segment, [(f.start, f.end) for f in dates])
    numeric = pats.numeric_zone.search(rest)
    explicit: str | None = None
    if numeric:
        sign = "-" if numeric["sign"] in "-−" else "+"
        explicit = f"{sign}{int(numeric['h']):02d}:{numeric['mi'] or '00'}"
        rest = _blank(rest, [numeric.span()])
    rest = pats.zone.sub(lambda m: " " * len(m.group(0)), rest)
    clock = None
    for m in pats.time.finditer(rest):
        # A bare number is not a time: it needs minutes or am/pm.
        if m["mi"] is None and m["ap"] is None:
            continue
        if m["sep"] == "h" and m["ap"] is None and zone_hint is None and explicit is None:
            continue
        clock = _clock(m)
        if clock is not None:
            break
    # A time with no date of its own ("Updated: 19:50") is on the date given before it; a
    # relative stamp ("Updated 2 hours ago") cannot be placed without the crawl time.
    day = dates[0].day if dates else (carried if clock is not None else None)
    relative = pats.relative.search(segment) is not None
    if day is None:
        return None, None, clock is not None or relative
    if clock is not None and explicit is None and zone_hint is not None:
        explicit = zone_offset(zone_hint, day, rules, clock[0])
    return _format(day, clock, explicit), day, True


def _residue(line: str, pats: _Patterns) -> str:
    """What is left of a line once everything a stamp may contain is removed."""
    text = pats.iso_full.sub(" ", line)
    for pattern in pats.dates:
        text = pattern.sub(" ", text)
    text = pats.yearless.sub(" ", text)
    text = pats.numeric_zone.sub(" ", text)
    text = pats.zone.sub(" ", text)
    text = pats.relative.sub(" ", text)
    text = pats.label.sub(" ", text)
    text = pats.time.sub(" ", text)
    return pats.filler.sub("", text)


def parse_stamp_line(line: str, rules: StampRules) -> StampInfo | None:
    """The published/modified times of a stamp line, or None if the line is not one."""
    line = " ".join(line.split())
    # Stamp lines are short; a long line with a date in it is a sentence.
    if not line or len(line) > 160:
        return None
    pats = rules.patterns
    if not any(c.isdigit() for c in line) and not pats.relative.search(line):
        return None
    if _residue(line, pats):
        return None
    labels = list(pats.label.finditer(line))
    # Segments: the text before the first label, then each label's text up to the next one.
    bounds = [0] + [m.start() for m in labels] + [len(line)]
    roles: list[str | None] = [None] + [
        rules.labels[" ".join(m["label"].lower().split())] for m in labels
    ]
    labelled: dict[str, str] = {}
    unlabelled: list[str] = []
    carried: date | None = None
    saw_time = False
    for i, role in enumerate(roles):
        segment = line[bounds[i] : bounds[i + 1]]
        if i > 0:
            segment = segment[labels[i - 1].end() - bounds[i] :]
        value, day, timelike = _parse_segment(segment, carried, rules)
        saw_time = saw_time or timelike
        carried = day or carried
        if value is None:
            continue
        if role is None:
            unlabelled.append(value)
        else:
            labelled.setdefault(role, value)
    if not saw_time:
        return None
    published = labelled.get("published")
    modified = labelled.get("modified")
    guessed = False
    # An unlabelled time is the publication time, unless a label claims that role already
    # ("Tue 12 Mar 2019 14.20 GMT First published on ...": the bare time is the update).
    for value in unlabelled:
        if published is None:
            published, guessed = value, True
        elif modified is None:
            modified = value
    return StampInfo(published, modified, guessed)
