"""``Config``: everything a caller may choose about an analysis, below every stage.

A ``Pipeline`` is built from a ``Config`` and pickles as one, so a worker process or a Spark
executor rebuilds the same pipeline from it once. Everything else (lexicons, tables) is fixed
by the package's data files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_CHARS",
    "DEFAULT_TIMEOUT",
    "EVENT_MODES",
    "QUOTE_MODES",
    "Config",
]

DEFAULT_TIMEOUT = 120.0  # seconds per document
DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # per document, after every decompression layer
# Characters of article text analysed; a longer text is refused (E106) rather than analysed in
# part. 1,000,000 characters is about 170,000 words: longer than any news article, and within
# spaCy's own limit and memory bounds.
DEFAULT_MAX_CHARS = 1_000_000
QUOTE_MODES = ("model", "rules")
EVENT_MODES = ("model", "rules")
PARTY_MODES = ("model", "rules")


@dataclass(frozen=True, slots=True)
class Config:
    """What a caller may choose; everything else is fixed by the data files."""

    model: str | None = None  # any installed spaCy pipeline; None is the pinned default
    knowledge: tuple[Path, ...] = ()  # extra actor knowledge files (Parley TSV format)
    petrarch_actors: tuple[Path, ...] = ()  # TABARI/PETRARCH actor or agent dictionaries
    petrarch_verbs: tuple[Path, ...] = ()  # TABARI/PETRARCH verb dictionaries
    issues: tuple[Path, ...] = ()  # extra stance issue files (issue, term, polarity[, pos])
    timeout: float | None = DEFAULT_TIMEOUT  # seconds per document; None or 0: no limit
    max_bytes: int = DEFAULT_MAX_BYTES
    max_chars: int = DEFAULT_MAX_CHARS
    # How quotes are found: "model" (the rules propose, the trained attribution model keeps
    # the real ones: it scores best, README "Quotes") or "rules" (the rules alone).
    quotes: str = "model"
    # How events are kept: "rules" (every event the rules code) or "model" (the trained event
    # filter drops those it judges wrong: README "Events", ``parley.events.model``).
    events: str = "rules"
    # Who an event's source and target are: "rules" (the rules' choice) or "model" (the trained
    # source/target chooser may pick another party of the sentence: README "The source/target
    # chooser", ``parley.events.parties``).
    parties: str = "rules"
