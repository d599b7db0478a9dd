"""Helpers for the event tests: hand-built entities over hand-written sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.analysis import Config
from parley.entities.nominal import add_nominal_entities
from parley.events import find_events
from parley.kb import load_knowledge_base
from parley.records import Article, Entity, Event, Mention, Timex

Code = Callable[..., tuple[Event, ...]]


def entities_for(text: str, actors: dict[str, str]) -> tuple[Entity, ...]:
    """One entity per name, with a mention at every place the name occurs in the text."""
    out = []
    for n, (name, code) in enumerate(actors.items(), start=1):
        mentions = []
        start = text.find(name)
        while start >= 0:
            mentions.append(Mention(start, start + len(name), name))
            start = text.find(name, start + len(name))
        kind = "person" if code.endswith("GOV") and " " in name else "country"
        out.append(Entity(f"e{n}", name, kind, code, code[:3], (), None, tuple(mentions)))  # type: ignore[arg-type]
    return tuple(out)


def article_for(text: str, published: str | None = "2018-11-12T17:37:00+09:00") -> Article:
    return Article("t", None, None, None, None, published, None, (), None, "en", (), (), text)


@pytest.fixture(scope="session")
def code(nlp) -> Code:  # type: ignore[no-untyped-def]
    """code(text, {name: actor}, timexes=(), config=Config()) -> the events found."""

    def run(
        text: str,
        actors: dict[str, str] | None = None,
        timexes: tuple[Timex, ...] = (),
        config: Config | None = None,
        published: str | None = "2018-11-12T17:37:00+09:00",
    ) -> tuple[Event, ...]:
        doc = nlp(text)
        config = config or Config()
        kb = load_knowledge_base(config.knowledge, config.petrarch_actors)
        # The entity stage's last pass codes what the hand-made entities leave out
        # ("Syrian soldiers", a country the model missed), as it does in the pipeline.
        entities = add_nominal_entities(doc, text, entities_for(text, actors or {}), kb, None)
        return find_events(
            doc,
            article_for(text, published),
            entities,
            timexes,
            (),
            config,
        )

    return run
