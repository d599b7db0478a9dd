"""The actors evaluation: report shape on a few gold records, and its readers and scorer on
inputs written for the test."""

from __future__ import annotations

from pathlib import Path

from parley.evaluate.actors import (
    GoldArticle,
    read_mention_gold,
    read_petrarch,
    run,
    score_mentions,
)
from parley.records import Entity, Mention


def test_actors_eval_report_shape(shared_data: Path) -> None:
    report = run(shared_data, limit=10)
    assert report.name == "actors"
    for corpus in ("plover", "petrarch"):
        for role in ("source", "target"):
            for level in ("country", "sector"):
                value = report.metrics[f"{corpus}.{role}.{level}"]
                assert 0.0 <= value <= 1.0
        assert report.metrics[f"{corpus}.records"] == 10
    for metric in ("mentions.precision", "mentions.recall", "mentions.f1", "mentions.links.f1"):
        assert 0.0 <= report.metrics[metric] <= 1.0
    assert report.metrics["mentions.gold"] > 0
    assert "found among the sentence's entities" in report.table


def test_actors_eval_reads_petrarch_leniently(tmp_path: Path) -> None:
    path = tmp_path / "records.xml"
    path.write_text(
        "<Validation>\n# a comment line\n<Sentences>\n"
        '<Sentence category="X" date="20100102" id="S1" evaluate="true"/>\n'
        '<EventCoding eventcode="042" sourcecode="FRA" targetcode="DEUGOV" />\n'
        "<Text>\nParis thanked the German\ngovernment.\n</Text>\n</Sentence>\n"
        '<Sentence date="20100103" id="S2"/>\n<EventCoding noevents="True" />\n'
        "<Text>Nothing happened.</Text>\n</Sentence>\n</Sentences></Validation>\n",
        encoding="utf-8",
    )
    first, second = read_petrarch(path)
    assert (first.id, first.published) == ("S1", "2010-01-02")
    assert first.text == "Paris thanked the German government."
    assert (first.sources, first.targets) == (("FRA",), ("DEUGOV",))
    assert (second.sources, second.targets) == ((), ())


def test_actors_eval_mention_gold_offsets(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("[[Oslo|e1]] thanked [[Lena Berg|e2]].", encoding="utf-8")
    (tmp_path / "gold.json").write_text(
        '{"articles": [{"file": "a.txt", "published": null, "entities": '
        '{"e1": {"actor": "NOR"}, "e2": {"actor": null}}}]}',
        encoding="utf-8",
    )
    (article,) = read_mention_gold(tmp_path)
    assert article.text == "Oslo thanked Lena Berg."
    assert [article.text[s:e] for s, e, _ in article.mentions] == ["Oslo", "Lena Berg"]


def _entity(entity_id: str, actor: str | None, *spans: tuple[int, int]) -> Entity:
    mentions = tuple(Mention(s, e, "x" * (e - s)) for s, e in spans)
    return Entity(entity_id, "x", "person", actor, None, (), None, mentions)


def test_actors_eval_scores_mentions_and_links() -> None:
    gold = GoldArticle(
        name="g",
        text="x" * 40,
        published=None,
        mentions=((0, 4, "e1"), (10, 14, "e1"), (20, 24, "e2")),
        actors={"e1": "USAGOV", "e2": None},
    )
    # One entity holding all three spans (one wrong link) plus one spurious span.
    system = (_entity("e1", "USAGOV", (0, 4), (10, 14), (20, 24)), _entity("e2", None, (30, 33)))
    scores = score_mentions([gold], [system])
    assert scores["mentions.precision"] == 0.75
    assert scores["mentions.recall"] == 1.0
    assert scores["mentions.links.precision"] == 1 / 3
    assert scores["mentions.links.recall"] == 1.0
    assert scores["mentions.actor.accuracy"] == 1.0
