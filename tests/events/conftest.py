"""Helpers for the event tests: hand-built entities over hand-written sentences."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from parley.analysis import Config
from parley.entities.nominal import add_nominal_entities
from parley.events import EventResources, find_events
from parley.kb import load_knowledge_base
from parley.nlp.index import MentionIndex, ParseIndex
from parley.records import Article, Entity, Event, Mention, Timex
from parley.time.anchor import parse_published

Code = Callable[..., tuple[Event, ...]]


def entities_for(
    text: str, actors: dict[str, str], kinds: dict[str, str] | None = None
) -> tuple[Entity, ...]:
    """One entity per name, with a mention at every place the name occurs in the text; its
    kind from ``kinds`` (a city is a "location"), else a person or a country."""
    out = []
    for n, (name, code) in enumerate(actors.items(), start=1):
        mentions = []
        start = text.find(name)
        while start >= 0:
            mentions.append(Mention(start, start + len(name), name))
            start = text.find(name, start + len(name))
        kind = "person" if code.endswith("GOV") and " " in name else "country"
        kind = (kinds or {}).get(name, kind)
        out.append(Entity(f"e{n}", name, kind, code, code[:3], (), None, tuple(mentions)))  # type: ignore[arg-type]
    return tuple(out)


def article_for(text: str, published: str | None = "2018-11-12T17:37:00+09:00") -> Article:
    return Article("t", None, None, None, None, published, None, (), None, "en", (), (), text)


def write_event_gold(root: Path, plover: list[tuple[str, str, str, str]], petrarch: str) -> Path:
    """A gold folder of invented PLOVER records (text, event type, source, target) and a
    PETRARCH validation file, in the shared data's layout, for the learned models' tests."""
    (root / "plover").mkdir(parents=True)
    lines = [
        json.dumps(
            {
                "id": f"fix-{n}",
                "date": "2015-01-01",
                "text": text,
                "event": kind,
                "source": [{"code": source}],
                "target": [{"code": target}],
            }
        )
        for n, (text, kind, source, target) in enumerate(plover)
    ]
    (root / "plover" / "gsr_dev.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    (root / "petrarch").mkdir()
    (root / "petrarch" / "PETR2_GSR_validation.xml").write_text(petrarch, "utf-8")
    return root


@pytest.fixture(scope="session")
def event_resources() -> Callable[[Config], EventResources]:
    """The event stage's resources for a configuration, loaded once per configuration."""
    loaded: dict[Config, EventResources] = {}

    def get(config: Config) -> EventResources:
        if config not in loaded:
            loaded[config] = EventResources.load(config)
        return loaded[config]

    return get


@pytest.fixture(scope="session")
def code(nlp, event_resources) -> Code:  # type: ignore[no-untyped-def]
    """code(text, {name: actor}, timexes=(), config=Config(), kinds={name: kind}) -> the
    events found."""

    def run(
        text: str,
        actors: dict[str, str] | None = None,
        timexes: tuple[Timex, ...] = (),
        config: Config | None = None,
        published: str | None = "2018-11-12T17:37:00+09:00",
        kinds: dict[str, str] | None = None,
    ) -> tuple[Event, ...]:
        doc = nlp(text)
        config = config or Config()
        kb = load_knowledge_base(config.knowledge, config.petrarch_actors)
        # The entity stage's last pass codes what the hand-made entities leave out
        # ("Syrian soldiers", a country the model missed), as it does in the pipeline.
        parse = ParseIndex.build(doc)
        entities = add_nominal_entities(parse, entities_for(text, actors or {}, kinds), kb, None)
        on = parse_published(published).date() if published else None
        return find_events(
            parse,
            MentionIndex.build(entities, parse),
            article_for(text, published),
            on,
            timexes,
            (),
            event_resources(config),
        )

    return run
