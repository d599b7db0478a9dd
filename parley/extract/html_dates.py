"""Publication and update times of a page, as ISO 8601 with the page's own UTC offset.

Pages state times in many places (meta tags, JSON-LD, <time>), and they often disagree:
templates stamp the last update into "published" fields, or the crawl date into <time>.
htmldate's ``original_date`` search is the best measured judge of the first publication day,
so a full timestamp is kept only when its day agrees with it; otherwise the day alone is kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

_ISO_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Stamp:
    """One parsed time: a day, and the full time when the page gave an offset too."""

    day: date
    full: datetime | None  # timezone-aware, in the page's own offset

    def iso(self) -> str:
        if self.full is not None:
            return self.full.isoformat(timespec="seconds")
        return self.day.isoformat()

    def utc_day(self) -> date:
        if self.full is None:
            return self.day
        return self.full.astimezone(UTC).date()


def parse_stamp(raw: str) -> Stamp | None:
    """A time from a meta tag, JSON-LD or <time datetime>; None when it is not one."""
    text = raw.strip()
    if _ISO_LIKE.match(text):
        return _parse_iso(text)
    try:
        parsed = parsedate_to_datetime(text)  # RFC 2822, as some feeds and meta tags use
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is None:
        return Stamp(parsed.date(), None)
    return Stamp(parsed.date(), parsed)


def _parse_iso(text: str) -> Stamp | None:
    # Python 3.11 reads "Z", "+0900", "+09" and a space before the clock.
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            return Stamp(date.fromisoformat(text[:10]), None)
        except ValueError:
            return None
    if parsed.tzinfo is None:
        # A local time without its offset cannot be placed on the time line: keep the day.
        return Stamp(parsed.date(), None)
    return Stamp(parsed.date(), parsed)


def choose_published(
    candidates: list[str], original_day: str | None, modified: Sequence[str] = ()
) -> str | None:
    """The publication time: the first full timestamp whose day agrees with htmldate's
    original date; that date alone when none agrees; the page's own stamps when htmldate
    found nothing. When htmldate's day is the page's stated update day and the page states
    an earlier publication time, htmldate has read the update: the stated time wins."""
    stamps = [s for s in (parse_stamp(c) for c in candidates) if s is not None]
    full = [s for s in stamps if s.full is not None]
    day = _day(original_day)
    if day is not None:
        for stamp in full:
            if day in (stamp.day, stamp.utc_day()):
                return stamp.iso()
        updates = {s.day for s in (parse_stamp(m) for m in modified) if s is not None}
        if day in updates and full and full[0].day < day:
            return full[0].iso()
        return day.isoformat()
    if full:
        return full[0].iso()
    return stamps[0].iso() if stamps else None


def choose_modified(candidates: list[str], published: str | None) -> str | None:
    """The last update time; dropped when it is earlier than the publication time, which
    means the page mixed up its fields."""
    stamps = [s for s in (parse_stamp(c) for c in candidates) if s is not None]
    if not stamps:
        return None
    best = next((s for s in stamps if s.full is not None), stamps[0])
    first = parse_stamp(published) if published else None
    if first is not None:
        if best.full is not None and first.full is not None and best.full < first.full:
            return None
        if best.day < first.day:
            return None
    return best.iso()


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
