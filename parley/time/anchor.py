"""The publication time that relative expressions are resolved against."""

from __future__ import annotations

import re
from datetime import datetime

from parley.errors import InputError

__all__ = ["parse_published"]

# Compact forms seen in wire feeds ("19980108", "19980108T1830") besides ISO 8601 proper.
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2}))?$")


def parse_published(value: str) -> datetime:
    """An ISO 8601 date or date-time, with or without a UTC offset ("2018-11-12",
    "2018-11-12T17:37:00+09:00", "2018-11-12 17:37", "2018-11-12T17:37Z").

    Raises InputError with a one-line message for anything else.
    """
    text = value.strip() if isinstance(value, str) else ""
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    compact = _COMPACT.match(text)
    if compact:
        y, m, d, hh, mm = compact.groups()
        try:
            return datetime(int(y), int(m), int(d), int(hh or 0), int(mm or 0))
        except ValueError:
            pass
    raise InputError(f"--published: {value!r} is not an ISO 8601 date or time")
