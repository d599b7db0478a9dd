"""Everything the stance stage reads, loaded once per pipeline: ``StanceResources.load``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from parley.config import Config
from parley.stances.lexicon import (
    DATA,
    EventIssue,
    Tokenize,
    Words,
    read_conditions,
    read_event_issues,
    read_modality,
    read_terms,
    read_words,
)
from parley.stances.terms import TermIndex

__all__ = ["StanceResources"]


@dataclass(frozen=True, slots=True, eq=False)
class StanceResources:
    """The issue terms (Parley's and the user's), the stance words, modal and condition
    words, and the CAMEO codes that are stances in themselves."""

    terms: TermIndex
    words: Words
    modality: dict[str, str]
    conditions: dict[tuple[str, ...], str]
    event_issues: dict[str, EventIssue]

    @classmethod
    def load(
        cls, config: Config, tokenize: Tokenize | None = None, data: Path = DATA
    ) -> StanceResources:
        """Read Parley's tables from ``data`` and the issue files named in
        ``config.issues`` (read after Parley's, so they add terms and may re-word them).
        ``tokenize`` cuts terms into words as the parse does (spaCy's tokenizer)."""
        terms = read_terms(data / "issues.tsv", tokenize)
        for path in config.issues:
            terms.extend(read_terms(Path(path), tokenize))
        return cls(
            terms=TermIndex.build(terms),
            words=read_words(data / "words.tsv"),
            modality=read_modality(data / "modality.tsv"),
            conditions=read_conditions(data / "conditions.tsv"),
            event_issues=read_event_issues(data / "event_issues.tsv"),
        )

    @property
    def issues(self) -> tuple[str, ...]:
        """Every issue the terms name, sorted."""
        return self.terms.issues

    def event_issue(self, cameo: str) -> EventIssue | None:
        """The issue an event of this CAMEO code is a stance on (its longest listed prefix)."""
        for size in range(len(cameo), 1, -1):
            found = self.event_issues.get(cameo[:size])
            if found is not None:
                return found
        return None
