"""Everything an analysis loads once: the spaCy pipeline and each stage's tables.

``Resources.load(config)`` reads them; a ``Pipeline`` owns one ``Resources`` and hands it to
its stages through the context. Nothing here is cached at module level: two pipelines with two
configurations hold two sets of resources, and a worker process builds its own from the
``Config`` it was sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.language import Language

from parley.config import Config

if TYPE_CHECKING:
    from parley.entities import EntityResources
    from parley.events import EventResources
    from parley.extract.resources import ExtractResources
    from parley.quotes import QuoteResources
    from parley.stances import StanceResources
    from parley.time import TimeResources

__all__ = ["Resources", "capital_names", "person_names"]


def person_names(kb: object) -> list[str]:
    """Every name and alias of the people a knowledge base knows (none for a knowledge base
    that is not Parley's own, such as a test's)."""
    from parley.kb import KnowledgeBase

    if not isinstance(kb, KnowledgeBase):
        return []
    return [n for f in kb.facts if f.kind == "person" for n in (f.name, *f.aliases)]


def capital_names(kb: object) -> frozenset[str]:
    """The normalised names of the capitals a knowledge base knows (``normalize_name``; none
    for a knowledge base that is not Parley's own), for the event stage to tell a capital
    standing for its state ("Washington demanded") from the country's own name."""
    from parley.kb import KnowledgeBase
    from parley.kb.normalize import normalize_name

    if not isinstance(kb, KnowledgeBase):
        return frozenset()
    return frozenset(normalize_name(n) for c in kb.countries for n in c.capitals)


@dataclass(frozen=True, slots=True, eq=False)
class Resources:
    """The loaded resources of one configuration, one field per stage that has any."""

    config: Config
    nlp: Language
    extract: ExtractResources
    entities: EntityResources
    time: TimeResources
    quotes: QuoteResources
    events: EventResources
    stances: StanceResources

    @classmethod
    def load(cls, config: Config) -> Resources:
        """The model (with the actor knowledge the config names) and every stage's tables;
        the phrase matchers are built on the model's vocabulary."""
        from parley.entities import EntityResources
        from parley.events import EventResources
        from parley.extract.resources import ExtractResources
        from parley.nlp import load_pipeline
        from parley.quotes import QuoteResources
        from parley.stances import StanceResources
        from parley.time import TimeResources

        nlp = load_pipeline(config.model)
        entities = EntityResources.load(config, nlp.vocab)
        return cls(
            config=config,
            nlp=nlp,
            extract=ExtractResources.load(names=person_names(entities.kb)),
            entities=entities,
            time=TimeResources.load(config, nlp.vocab),
            quotes=QuoteResources.load(config, nlp.vocab),
            events=EventResources.load(config, nlp.vocab, capitals=capital_names(entities.kb)),
            stances=StanceResources.load(config, lambda text: [t.text for t in nlp.make_doc(text)]),
        )
