"""``TimeResources``: everything the time stage reads, loaded once by whoever runs it.

The lexicon comes from the data files; the rules are compiled from it, and the start finder
(which words each rule can begin at) and the forward-cue pattern are derived from those. No
module-level cache holds any of it: the pipeline owns one ``TimeResources`` and passes it in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from parley.config import Config
from parley.time.lexicon import DATA_DIR, Lexicon, load_lexicon
from parley.time.names import name_follows
from parley.time.patterns import Rule, build_rules
from parley.time.prefilter import StartFinder

if TYPE_CHECKING:
    from spacy.vocab import Vocab

__all__ = ["TimeResources"]


@dataclass(frozen=True, slots=True, eq=False)
class TimeResources:
    lexicon: Lexicon
    rules: tuple[Rule, ...]
    finder: StartFinder  # where each rule of ``rules`` may start (same order)
    forward: re.Pattern[str]  # any forward cue as a whole word, on lower-cased text
    name_follows: re.Pattern[str]  # after a date: the rest of a name it is part of

    @classmethod
    def load(cls, config: Config, vocab: Vocab | None = None) -> TimeResources:
        """The packaged data. ``config`` and ``vocab`` are taken for the common stage
        signature: nothing in them changes how time is tagged."""
        return cls.from_data(DATA_DIR)

    @classmethod
    def from_data(cls, data_dir: Path) -> TimeResources:
        """The resources built from the data files in ``data_dir``."""
        return cls.from_lexicon(load_lexicon(data_dir))

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> TimeResources:
        rules = build_rules(lexicon)
        return cls(
            lexicon=lexicon,
            rules=rules,
            finder=StartFinder([rule.starts for rule in rules]),
            forward=forward_cues(lexicon.forward_cues),
            name_follows=name_follows(lexicon.name_words, lexicon.name_modifiers),
        )


# What a cue must not stand before to lean forward: "would have been" is a past that did not
# happen ("will have" is a future); "due to the cold" is a cause ("due to arrive" a plan).
_DETERMINER = r"(?:the|a|an|his|her|its|their|this|that|these|those|our|my|your)\b"
_CUE_NOT_BEFORE = {
    "would": r"(?!\s+have\b)",
    "due to": rf"(?!\s+{_DETERMINER})",
    # "due" is a plan before a time or "to" a verb ("due Friday", "due on", "is due."), not as
    # an adjective ("with due ceremony").
    "due": (
        rf"(?=\s*[.,;]|\s*$|\s+(?:to\s+(?!{_DETERMINER})|on|in|by|at|out|back|next|this|"
        r"tomorrow|today|\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|"
        r"oct|nov|dec)[a-z.]*\b))"
    ),
}


def forward_cues(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for every cue, longest first, each a whole word (text lower-cased)."""
    alt = "|".join(
        re.escape(c) + _CUE_NOT_BEFORE.get(c, "") for c in sorted(cues, key=len, reverse=True)
    )
    return re.compile(r"(?<![a-z])(?:" + alt + r")(?![a-z])")
