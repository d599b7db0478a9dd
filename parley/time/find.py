"""Finding the candidate spans: every rule's matches, in the order resolution takes them.

Each rule is tried only where one of its matches can start (``prefilter``), which gives the
same matches as a full scan. Candidates come out leftmost first, the longest first at one
start, and the earlier rule first on equal spans; the tagger keeps those that do not overlap
a span it has already taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parley.time.prefilter import scan
from parley.time.resources import TimeResources

_EDGE = " \t\n,"  # trimmed off both ends of a span


@dataclass(frozen=True, slots=True)
class Found:
    rule: str
    match: re.Match[str]
    start: int
    end: int


def find_candidates(text: str, resources: TimeResources) -> list[Found]:
    """Every match of every rule, leftmost-longest first (ties: the rule listed first)."""
    keyed: list[tuple[int, int, int, Found]] = []
    where = resources.finder.offsets(text)
    for index, rule in enumerate(resources.rules):
        # A rule may match context it does not tag ("for years"): its group "span" is the span.
        spanned = "span" in rule.regex.groupindex
        for m in scan(rule.regex, where[index], text):
            start, end = m.span("span") if spanned else m.span()
            if end > start:
                keyed.append((start, start - end, index, Found(rule.name, m, start, end)))
    keyed.sort(key=lambda f: (f[0], f[1], f[2]))
    return [f[3] for f in keyed]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the spaces and commas at its ends."""
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    while start < end and text[start] in _EDGE:
        start += 1
    return start, end
