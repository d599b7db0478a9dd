"""``QuoteResources``: everything the quote stage reads from its data files, loaded once.

The pipeline loads it once per process (``QuoteResources.load``) and hands it to every call
of ``find_quotes``; nothing in the stage caches a loaded table at module level.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.vocab import Vocab

from parley.config import Config
from parley.quotes.lexicon import DATA_DIR, Lexicon, load_lexicon
from parley.quotes.marks import MarkTable

__all__ = ["QuoteResources"]


@dataclass(frozen=True, slots=True)
class QuoteResources:
    """The quote lexicon (``data/``) and the quotation-mark table prepared from it."""

    lexicon: Lexicon
    marks: MarkTable

    @classmethod
    def load(cls, config: Config, vocab: Vocab | None = None) -> QuoteResources:
        """Read the packaged data files. The quote stage has no user options yet and builds
        no PhraseMatcher, so ``config`` and ``vocab`` are taken for the common signature."""
        del config, vocab
        return cls.from_dir(DATA_DIR)

    @classmethod
    def from_dir(cls, data_dir: Path) -> QuoteResources:
        """Read the data files of ``data_dir`` (tests point it at edited copies)."""
        lexicon = load_lexicon(data_dir)
        return cls(lexicon, MarkTable.build(lexicon.mark_pairs))
