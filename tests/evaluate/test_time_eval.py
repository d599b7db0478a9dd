"""The time evaluation runs on a few TempEval-3 documents and reports every metric."""

from __future__ import annotations

from pathlib import Path

from parley.evaluate.time import read_timeml, run, score_document
from parley.records import Timex


def test_time_eval_report_shape(shared_data: Path) -> None:
    report = run(shared_data, limit=5)
    assert report.name == "time"
    for scope in ("timebank", "aquaint", "overall"):
        for metric in ("strict.f1", "relaxed.f1", "type.f1", "value.f1", "relaxed.p"):
            value = report.metrics[f"{scope}.{metric}"]
            assert 0.0 <= value <= 1.0
        assert report.metrics[f"{scope}.gold"] > 0
    assert report.metrics["overall.relaxed.f1"] > 0.5
    assert "overall" in report.table


def test_time_eval_reads_offsets_into_text(tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_text(
        '<?xml version="1.0" ?>\n<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2001-03-04" '
        'functionInDocument="CREATION_TIME">20010304</TIMEX3></DCT>\n<TEXT>\nA &amp; B met '
        '<TIMEX3 tid="t1" type="DATE" value="2001-03-02">Friday</TIMEX3> and '
        '<EVENT eid="e1">left</EVENT>.\n</TEXT></TimeML>',
        encoding="utf-8",
    )
    doc = read_timeml(path)
    assert doc.dct == "2001-03-04"
    (gold,) = doc.timexes
    assert doc.text[gold.start : gold.end] == "Friday"
    assert "A & B" in doc.text


def test_time_eval_scores_strict_and_relaxed(tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_text(
        '<TimeML><TEXT>It rose <TIMEX3 tid="t1" type="DATE" value="2001">last year'
        '</TIMEX3> and fell for <TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks'
        "</TIMEX3>.</TEXT></TimeML>",
        encoding="utf-8",
    )
    doc = read_timeml(path)
    system = (
        Timex("last year", "DATE", "2001", 8, 17),  # exact span, right value
        Timex("for two weeks", "DURATION", "P3W", 27, 40),  # overlaps only, wrong value
        Timex("It", "DATE", "PRESENT_REF", 0, 2),  # spurious
    )
    counts = score_document(doc.timexes, system)
    assert (counts.gold, counts.system) == (2, 3)
    assert (counts.strict, counts.relaxed) == (1, 2)
    assert (counts.type_ok, counts.value_ok) == (2, 1)
    m = counts.metrics("x")
    assert m["x.value.f1"] == m["x.relaxed.f1"] * 0.5
