"""The issue's "done when" list on the seed article, with the real knowledge base.

The article text is the seed file's own text (page stamps, captions and byline included, so
the stamps are tested too); the full pipeline (extraction first) is checked through the
``seed_analysis`` fixture in the last test.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from parley.records import Article, Entity


@pytest.fixture(scope="module")
def seed_entities(seed_path: Path, nlp, entity_resources) -> tuple[Entity, ...]:  # type: ignore[no-untyped-def]
    from parley.entities import find_entities
    from parley.nlp.index import ParseIndex

    text = seed_path.read_text(encoding="utf-8")
    article = Article.from_text(
        text, id="seed", published="2018-11-12T17:37:00+09:00", source=str(seed_path)
    )
    return find_entities(ParseIndex.build(nlp(text)), article, date(2018, 11, 12), entity_resources)


def _one(entities: tuple[Entity, ...], *names: str) -> Entity:
    found = [e for e in entities if e.name in names]
    assert len(found) == 1, (names, [(e.name, e.kind) for e in entities])
    return found[0]


def _texts(entity: Entity) -> set[str]:
    return {m.text for m in entity.mentions}


@pytest.mark.parametrize(
    ("names", "code", "surname", "count"),
    [
        (("Mike Pompeo",), "USAGOV", "Pompeo", 4),
        (("Mike Pence",), "USAGOV", "Pence", 2),
        (("Donald Trump",), "USAGOV", "Trump", 6),
        (("Kim Jong-un", "Kim Jong Un"), "PRKGOV", "Kim Jong-un", 1),
    ],
)
def test_entities_seed_people(
    seed_entities: tuple[Entity, ...], names: tuple[str, ...], code: str, surname: str, count: int
) -> None:
    person = _one(seed_entities, *names)
    assert person.kind == "person"
    assert person.actor == code
    named = [m for m in person.mentions if m.text.lower() not in ("he", "his", "him")]
    assert len(named) == count
    assert surname in _texts(person)
    # No other entity holds one of this person's names.
    others = [e for e in seed_entities if e is not person and surname in _texts(e)]
    assert others == []


@pytest.mark.parametrize(
    ("name", "code", "forms"),
    [
        ("North Korea", "PRK", {"N. Korea", "North Korea", "the North"}),
        ("South Korea", "KOR", {"S. Korea", "South Korea", "Seoul", "the South"}),
        ("United States", "USA", {"US"}),
        ("China", "CHN", {"China"}),
    ],
)
def test_entities_seed_countries(
    seed_entities: tuple[Entity, ...], name: str, code: str, forms: set[str]
) -> None:
    country = _one(seed_entities, name)
    assert (country.kind, country.actor) == ("country", code)
    assert forms <= _texts(country)


def test_entities_seed_analysts(seed_entities: tuple[Entity, ...]) -> None:
    by_id = {e.id: e for e in seed_entities}
    lee = _one(seed_entities, "Lee Su-hyeong")
    assert lee.roles == ("head of overseas strategies research",)
    assert lee.affiliation is not None
    assert "Institute for National Security Strategy" in by_id[lee.affiliation].name
    yang = _one(seed_entities, "Yang Moo-jin")
    assert yang.roles == ("professor",)
    assert yang.affiliation is not None
    assert by_id[yang.affiliation].name == "University of North Korean Studies"
    fitzpatrick = _one(seed_entities, "Mark Fitzpatrick")
    assert fitzpatrick.roles[0].startswith("former ")
    assert fitzpatrick.actor is None or not fitzpatrick.actor.endswith("GOV")


def test_entities_seed_media(seed_entities: tuple[Entity, ...]) -> None:
    voa = _one(seed_entities, "Voice of America")
    assert (voa.kind, voa.actor) == ("media", "USAMED")
    assert "VOA" in _texts(voa)
    post = _one(seed_entities, "Washington Post", "The Washington Post")
    assert post.kind == "media"
    sinbo = _one(seed_entities, "Choson Sinbo")
    assert sinbo.kind == "media" and sinbo.affiliation is not None


def test_entities_seed_no_stamps_or_non_entities(seed_entities: tuple[Entity, ...]) -> None:
    texts = {m.text for e in seed_entities for m in e.mentions}
    words = {w for t in texts for w in t.split()}
    for stamp in ("KST", "Modified", "Posted", "Trumpian", "inter-Korean"):
        assert stamp not in words, stamp
    # "State" of "Secretary of State" is part of a title, not an organisation.
    assert "State" not in texts


def test_entities_seed_full_pipeline(seed_analysis) -> None:  # type: ignore[no-untyped-def]
    entities = seed_analysis.entities
    for names, code in (
        (("Mike Pompeo",), "USAGOV"),
        (("Mike Pence",), "USAGOV"),
        (("Donald Trump",), "USAGOV"),
        (("Kim Jong-un", "Kim Jong Un"), "PRKGOV"),
    ):
        assert _one(entities, *names).actor == code
    assert "the North" in _texts(_one(entities, "North Korea"))
    assert "Seoul" in _texts(_one(entities, "South Korea"))
