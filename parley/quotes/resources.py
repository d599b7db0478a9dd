"""``QuoteResources``: everything the quote stage reads from its data files, loaded once.

The pipeline loads it once per process (``QuoteResources.load``) and hands it to every call
of ``find_quotes``; nothing in the stage caches a loaded table at module level.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.vocab import Vocab

from parley.config import QUOTE_MODES, Config
from parley.errors import ModelError
from parley.quotes.lexicon import DATA_DIR, Lexicon, load_lexicon
from parley.quotes.marks import MarkTable
from parley.quotes.model import MODEL_DIR, AttributionModel, BoundaryModel

__all__ = ["QuoteResources"]


@dataclass(frozen=True, slots=True)
class QuoteResources:
    """The quote lexicon (``data/``) and the quotation-mark table prepared from it."""

    lexicon: Lexicon
    marks: MarkTable
    model: AttributionModel | None = None  # None: the rules alone (``--quotes rules``)
    boundaries: BoundaryModel | None = None  # the boundary chooser, with the model

    @classmethod
    def load(cls, config: Config, vocab: Vocab | None = None) -> QuoteResources:
        """Read the packaged data files, and the packaged attribution model and boundary
        chooser unless ``config.quotes`` is "rules". The stage builds no PhraseMatcher, so
        ``vocab`` is taken for the common signature only."""
        del vocab
        if config.quotes not in QUOTE_MODES:
            raise ModelError(
                f"unknown quote finder {config.quotes!r} (one of {', '.join(QUOTE_MODES)})"
            )
        if config.quotes != "model":
            return cls.from_dir(DATA_DIR)
        return cls.from_dir(
            DATA_DIR, AttributionModel.load(MODEL_DIR), BoundaryModel.load(MODEL_DIR)
        )

    @classmethod
    def from_dir(
        cls,
        data_dir: Path,
        model: AttributionModel | None = None,
        boundaries: BoundaryModel | None = None,
    ) -> QuoteResources:
        """Read the data files of ``data_dir`` (tests point it at edited copies)."""
        lexicon = load_lexicon(data_dir)
        return cls(lexicon, MarkTable.build(lexicon.mark_pairs), model, boundaries)
