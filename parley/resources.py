"""Everything an analysis loads once: the spaCy pipeline and each stage's tables.

``Resources.load(config)`` reads them; a ``Pipeline`` owns one ``Resources`` and hands it to
its stages through the context. Nothing here is cached at module level: two pipelines with two
configurations hold two sets of resources, and a worker process builds its own from the
``Config`` it was sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from parley.config import Config

__all__ = ["Resources"]


@dataclass(frozen=True, slots=True, eq=False)
class Resources:
    """The loaded resources of one configuration."""

    config: Config
    nlp: Language
    stages: dict[str, Any]  # stage name -> that stage's resources object

    @classmethod
    def load(cls, config: Config) -> Resources:
        from parley.nlp import load_pipeline

        nlp = load_pipeline(config.model)
        return cls(config=config, nlp=nlp, stages=_load_stages(config, nlp))

    def of(self, stage: str) -> Any:
        """The resources of one stage (KeyError for a stage that has none)."""
        return self.stages[stage]


def _load_stages(config: Config, nlp: Language) -> dict[str, Any]:
    """Each stage's resources, built from the configuration (and the model's vocabulary for
    the phrase matchers)."""
    from parley.entities import EntityResources
    from parley.quotes import QuoteResources
    from parley.time import TimeResources

    return {
        "entities": EntityResources.load(config, nlp.vocab),
        "quotes": QuoteResources.load(config, nlp.vocab),
        "time": TimeResources.load(config, nlp.vocab),
    }
