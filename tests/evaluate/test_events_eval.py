"""The event evaluation: the lenient PETRARCH reader, the matching rules, the PLOVER names."""

from __future__ import annotations

from pathlib import Path

from parley.evaluate.events import (
    GoldSentence,
    plover_name,
    read_petrarch_records,
    run,
    score_codings,
)
from parley.records import Event

# Written for this test, in the shape of the UniversalPetrarch file: the <Sentence/> element is
# closed twice, so no XML parser accepts it.
RECORDS = """<Validation>
<!-- <Sentence id="IN-A-COMMENT"> <Text>not a record</Text> -->
<Sentences>
<Sentence category="T" date="20180102" id="S1" evaluate="true"/>
<EventCoding eventcode="111" sourcecode="GON" targetcode="MOR" />
<EventCoding eventcode="042" sourcecode="ROH" targetcode="GON" />
<Text>
Gondor criticized Mordor &amp; Rohan visited Gondor.
</Text>
</Sentence>
<Sentence date = "20180103" id ="S2" category="T" sentence="true">
<EventCoding noevents = "True"/>
<Text> Nothing happened. </Text>
</Sentence>
<Sentence date="20180104" id="S3">
<EventCoding error="True"></EventCoding>
<Text> An error record. </Text>
</Sentence>
</Sentences>
</Validation>
"""


def _event(cameo: str, source: str | None, target: str | None, confidence: float = 0.5) -> Event:
    return Event(
        "v1",
        None,
        source,
        None,
        target,
        cameo,
        None,
        0.0,
        1,
        None,
        None,
        "asserted",
        "s",
        0,
        1,
        (0, 1),
        confidence,
    )


def test_events_eval_reads_malformed_records(tmp_path: Path) -> None:
    path = tmp_path / "records.xml"
    path.write_text(RECORDS, encoding="utf-8")
    records = list(read_petrarch_records(path))
    assert [r.id for r in records] == ["S1", "S2"]
    assert records[0].date == "2018-01-02"
    assert records[0].text == "Gondor criticized Mordor & Rohan visited Gondor."
    assert records[0].codings == (("111", "GON", "MOR"), ("042", "ROH", "GON"))
    assert records[1].codings == ()


def test_events_eval_noevents_sentence_counts_false_positives() -> None:
    gold = GoldSentence("S1", None, "x", (("111", "GON", "MOR"),))
    empty = GoldSentence("S2", None, "y", ())
    pairs = [(gold, [_event("112", "GON", "MOR")]), (empty, [_event("010", "X", None)])]
    metrics, tally = score_codings(pairs, "t")
    assert (tally.overall["root"].tp, tally.overall["root"].fp, tally.overall["root"].fn) == (
        1,
        1,
        0,
    )
    assert metrics["t.root.recall"] == 1.0
    assert metrics["t.root.precision"] == 0.5


def test_events_eval_root_code_strict_counts() -> None:
    gold = GoldSentence("S1", None, "x", (("111", "GON", "MOR"), ("042", "ROH", "GON")))
    predicted = [_event("112", "GONGOV", "MOR"), _event("042", "ROH", "ARN")]
    metrics, tally = score_codings([(gold, predicted)], "t")
    assert (tally.overall["root"].tp, tally.overall["root"].fp) == (2, 0)
    assert tally.overall["code"].tp == 1  # only 042
    assert tally.overall["strict"].tp == 1  # 11 GON->MOR; 04 has the wrong target
    assert metrics["t.strict.f1"] == 0.5
    assert tally.confusion[("11", "11")] == 1


def test_events_eval_plover_names_in_gold_vocabulary() -> None:
    base = _event("020", None, None)
    assert plover_name(base) is None  # no plover field set
    from dataclasses import replace

    assert plover_name(replace(base, plover="REQUEST")) == "DEMAND"
    assert plover_name(replace(base, cameo="090", plover="ACCUSE")) == "INVESTIGATE"
    assert plover_name(replace(base, cameo="111", plover="ACCUSE")) == "DISAPPROVE"
    assert plover_name(replace(base, cameo="190", plover="ASSAULT")) == "FIGHT"
    assert plover_name(replace(base, cameo="182", plover="ASSAULT")) == "ASSAULT"
    assert plover_name(replace(base, cameo="1712", plover="ASSAULT")) == "COERCE"
    assert plover_name(replace(base, cameo="192", plover="COERCE")) == "FIGHT"
    assert plover_name(replace(base, cameo="0831", plover="CONCEDE")) == "RETREAT"
    assert plover_name(replace(base, cameo="083", plover="CONCEDE")) == "CONCEDE"
    assert plover_name(replace(base, cameo="163", plover="COERCE")) == "SANCTION"
    assert plover_name(replace(base, cameo="172", plover="COERCE")) == "COERCE"


def test_events_eval_runs_on_gold(shared_data: Path) -> None:
    report = run(shared_data, limit=2)
    assert report.name == "events"
    for key in ("plover.event.f1", "petrarch_validation.root.f1", "petrarch_unit.code.f1"):
        assert 0.0 <= report.metrics[key] <= 1.0
    assert "confusion" in report.table
