"""The knowledge HTML extraction reads: web-only furniture line rules and class-name cues.

Each file lives in ``parley/extract/data`` with a header saying where its facts came from. A
malformed line is reported with its file and line number as a KnowledgeBaseError, so a bad
edit fails loudly at load time instead of silently matching nothing.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from parley.datafiles import read_lines, read_text
from parley.errors import KnowledgeBaseError
from parley.extract.stamps import DATA_DIR

__all__ = [
    "DATA_DIR",
    "FURNITURE_KINDS",
    "LineRule",
    "Selectors",
    "parse_line_rules",
    "parse_selectors",
]

FURNITURE_KINDS = frozenset({"byline", "stamp", "footer", "share", "end"})


@dataclass(frozen=True, slots=True)
class LineRule:
    kind: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class Selectors:
    """Class/id words that mark the parts of a page around the body."""

    kicker: frozenset[str]
    subtitle: frozenset[str]
    byline: frozenset[str]
    caption: frozenset[str]
    not_byline: frozenset[str]
    title_separators: tuple[str, ...]
    byline_labels: tuple[str, ...]  # longest first
    not_names: frozenset[str]


def parse_line_rules(path: Path) -> tuple[LineRule, ...]:
    rules = []
    for row in read_lines(path):
        kind, *rest = row.fields
        # A tab inside a pattern stays part of it.
        expr = "\t".join(rest).strip()
        if not expr:
            raise row.fail("expected 'kind<TAB>pattern'")
        if kind not in FURNITURE_KINDS:
            raise row.fail(f"unknown kind {kind!r}")
        try:
            pattern = re.compile(expr, re.IGNORECASE)
        except re.error as err:
            raise row.fail(f"bad pattern: {err}") from err
        rules.append(LineRule(kind, pattern))
    return tuple(rules)


def parse_selectors(path: Path) -> Selectors:
    try:
        table = tomllib.loads(read_text(path))
    except tomllib.TOMLDecodeError as err:
        raise KnowledgeBaseError(f"{path.name}: {err}") from err
    lists: dict[str, list[str]] = {}
    keys = (
        "kicker",
        "subtitle",
        "byline",
        "caption",
        "not_byline",
        "title_separators",
        "byline_labels",
        "not_names",
    )
    for key in keys:
        value = table.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise KnowledgeBaseError(f"{path.name}: '{key}' must be a list of strings")
        lists[key] = value
    return Selectors(
        kicker=frozenset(v.casefold() for v in lists["kicker"]),
        subtitle=frozenset(v.casefold() for v in lists["subtitle"]),
        byline=frozenset(v.casefold() for v in lists["byline"]),
        caption=frozenset(v.casefold() for v in lists["caption"]),
        not_byline=frozenset(v.casefold() for v in lists["not_byline"]),
        title_separators=tuple(lists["title_separators"]),
        byline_labels=tuple(
            sorted({v.casefold() for v in lists["byline_labels"]}, key=len, reverse=True)
        ),
        not_names=frozenset(v.casefold() for v in lists["not_names"]),
    )
