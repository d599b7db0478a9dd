"""A small knowledge base written for these tests, with the interface of parley.kb, so the
entity rules are tested apart from the real tables (which change as they grow)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest


@dataclass(frozen=True)
class StubCountry:
    iso3: str
    code: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class StubActor:
    name: str
    kind: str
    code: str | None
    country: str | None
    sector: str | None
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None


_COUNTRIES = (
    StubCountry(
        "USA",
        "USA",
        "United States",
        ("United States", "US", "U.S.", "the US", "America", "United States of America"),
        ("American", "Americans", "US"),
        ("Washington",),
    ),
    StubCountry(
        "PRK",
        "PRK",
        "North Korea",
        ("North Korea", "N. Korea", "DPRK", "Democratic People's Republic of Korea"),
        ("North Korean", "North Koreans"),
        ("Pyongyang",),
    ),
    StubCountry(
        "KOR",
        "KOR",
        "South Korea",
        ("South Korea", "S. Korea", "Republic of Korea", "ROK"),
        ("South Korean", "South Koreans"),
        ("Seoul",),
    ),
    StubCountry("CHN", "CHN", "China", ("China", "PRC"), ("Chinese",), ("Beijing",)),
    StubCountry("JPN", "JPN", "Japan", ("Japan",), ("Japanese",), ("Tokyo",)),
    StubCountry("RUS", "RUS", "Russia", ("Russia",), ("Russian", "Russians"), ("Moscow",)),
    StubCountry("FRA", "FRA", "France", ("France",), ("French",), ("Paris",)),
    StubCountry("HUN", "HUN", "Hungary", ("Hungary",), ("Hungarian",), ("Budapest",)),
)

_ACTORS = (
    StubActor(
        "Mike Pompeo",
        "person",
        "USAGOV",
        "USA",
        "GOV",
        ("Secretary of State",),
        ("Michael Pompeo",),
        date(2018, 4, 26),
        date(2021, 1, 20),
    ),
    StubActor(
        "Donald Trump",
        "person",
        "USAGOV",
        "USA",
        "GOV",
        ("President",),
        ("Donald J. Trump",),
        date(2017, 1, 20),
        date(2021, 1, 20),
    ),
    StubActor("Voice of America", "media", "USAMED", "USA", "MED", (), ("VOA",)),
    StubActor("UN Security Council", "organization", "IGOUNO", None, "IGO"),
)

_ROLE_SECTORS = {"secretary of state": "GOV", "professor": "EDU", "minister": "GOV"}


def _key(text: str) -> str:
    text = text.replace("’", "'").strip()
    for suffix in ("'s", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if text.lower().startswith("the "):
        text = text[4:]
    return text.casefold()


@dataclass
class StubKB:
    countries: tuple[StubCountry, ...] = _COUNTRIES
    facts: tuple[StubActor, ...] = _ACTORS
    _names: dict[str, StubCountry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for country in self.countries:
            for name in (*country.names, country.iso3):
                self._names[_key(name)] = country

    def country(self, text: str) -> StubCountry | None:
        return self._names.get(_key(text))

    def country_by_demonym(self, text: str) -> StubCountry | None:
        key = _key(text)
        return next((c for c in self.countries if key in map(_key, c.demonyms)), None)

    def country_by_capital(self, text: str) -> StubCountry | None:
        key = _key(text)
        return next((c for c in self.countries if key in map(_key, c.capitals)), None)

    def country_by_code(self, code: str) -> StubCountry | None:
        return next((c for c in self.countries if c.iso3 == code.upper()), None)

    def actor(self, name: str, on: date | None = None) -> StubActor | None:
        key = _key(name)
        for fact in self.facts:
            if key in (_key(fact.name), *map(_key, fact.aliases)):
                if on is not None and fact.end is not None and on >= fact.end:
                    return StubActor(fact.name, fact.kind, None, fact.country, None)
                return fact
        return None

    def surname_index(self, on: date | None = None) -> dict[str, tuple[StubActor, ...]]:
        people = [f for f in self.facts if f.kind == "person"]
        return {p.name.split()[-1].casefold(): (self.actor(p.name, on),) for p in people}  # type: ignore[misc]

    def person_without_middle(self, name: str, on: date | None = None) -> StubActor | None:
        return None

    def role_sector(self, role: str) -> str | None:
        return _ROLE_SECTORS.get(role.casefold())

    def organization_sector(self, name: str) -> str | None:
        return None


@pytest.fixture(scope="session")
def stub_kb() -> StubKB:
    return StubKB()


@pytest.fixture(scope="session")
def entity_resources(nlp):  # type: ignore[no-untyped-def]
    """The entity stage's resources with the real knowledge base, loaded once."""
    from parley.config import Config
    from parley.entities import EntityResources

    return EntityResources.load(Config(), nlp.vocab)


@pytest.fixture(scope="session")
def stub_resources(nlp, stub_kb):  # type: ignore[no-untyped-def]
    """The same with the stub knowledge base."""
    from parley.entities import EntityResources
    from parley.entities.lexicon import load_lexicon

    return EntityResources.build(stub_kb, load_lexicon(), nlp.vocab)


@pytest.fixture(scope="session")
def entities_of(nlp, stub_resources, entity_resources):  # type: ignore[no-untyped-def]
    """A function: text (and an optional publication time) -> the entity stage's output,
    with the stub knowledge base (``real=True``: the real one)."""
    from parley.entities import article_date, find_entities
    from parley.nlp.index import ParseIndex
    from parley.records import Article

    def run(text: str, published: str | None = "2018-11-12T17:37:00+09:00", real: bool = False):  # type: ignore[no-untyped-def]
        article = Article.from_text(text, id="t", published=published, source=None)
        resources = entity_resources if real else stub_resources
        parse = ParseIndex.build(nlp(text))
        return find_entities(parse, article, article_date(published), resources)

    return run
