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

from parley.errors import KnowledgeBaseError

DATA_DIR = Path(__file__).with_name("data")
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


def _content_lines(path: Path) -> list[tuple[int, str]]:
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as err:
        raise KnowledgeBaseError(f"cannot read {path.name}: {err.strerror}") from err
    out = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            out.append((number, line.rstrip("\n")))
    return out


def parse_line_rules(path: Path) -> tuple[LineRule, ...]:
    rules = []
    for number, line in _content_lines(path):
        kind, sep, expr = line.partition("\t")
        if not sep or not expr.strip():
            raise KnowledgeBaseError(f"{path.name}:{number}: expected 'kind<TAB>pattern'")
        if kind not in FURNITURE_KINDS:
            raise KnowledgeBaseError(f"{path.name}:{number}: unknown kind {kind!r}")
        try:
            pattern = re.compile(expr.strip(), re.IGNORECASE)
        except re.error as err:
            raise KnowledgeBaseError(f"{path.name}:{number}: bad pattern: {err}") from err
        rules.append(LineRule(kind, pattern))
    return tuple(rules)


def parse_selectors(path: Path) -> Selectors:
    try:
        with path.open("rb") as fh:
            table = tomllib.load(fh)
    except OSError as err:
        raise KnowledgeBaseError(f"cannot read {path.name}: {err.strerror}") from err
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

