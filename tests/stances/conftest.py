"""Helpers for the stance tests: parses built by hand, and the stage's tables."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from parley.config import Config
from parley.stances import StanceResources

# One token: (word, lemma, part of speech, tag, dependency, head index; -1 for the root).
Token = tuple[str, str, str, str, str, int]


def parsed(tokens: list[Token]) -> Doc:
    """A Doc with the given parse (one sentence), made without a model."""
    words = [t[0] for t in tokens]
    heads = [i if t[5] < 0 else t[5] for i, t in enumerate(tokens)]
    return Doc(
        Vocab(),
        words=words,
        lemmas=[t[1] for t in tokens],
        pos=[t[2] for t in tokens],
        tags=[t[3] for t in tokens],
        deps=["ROOT" if t[5] < 0 else t[4] for t in tokens],
        heads=heads,
        sent_starts=[True] + [False] * (len(tokens) - 1),
    )


@pytest.fixture(scope="session")
def resources() -> StanceResources:
    """Parley's own stance tables (no model: terms are cut into words by a regex)."""
    return StanceResources.load(Config())
