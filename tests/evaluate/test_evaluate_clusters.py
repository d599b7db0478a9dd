"""The cluster evaluation's gold file and its pairwise and B-cubed scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.evaluate.clusters import CORPUS, read_gold, run, score

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def test_evaluate_clusters_scores_pairs_of_reports() -> None:
    # Reports 0-2 are one event, 3 another; 4 found no stored event.
    labels = ["talks", "talks", "talks", "drill", "talks"]
    clusters = [["c1"], ["c1", "c9"], ["c2"], ["c2"], []]
    s = score(labels, clusters)
    # Linked pairs among found reports: (0,1) right, (2,3) wrong. Gold pairs among found:
    # (0,1), (0,2), (1,2); among all reports 6.
    assert (s.linked_pairs, s.gold_pairs) == (2, 3)
    assert s.precision == pytest.approx(0.5) and s.recall == pytest.approx(1 / 3)
    assert s.recall_all == pytest.approx(1 / 6)
    assert (s.found, s.reports) == (4, 5)
    assert 0.0 < s.bcubed_precision < 1.0 and 0.0 < s.bcubed_recall < 1.0


def test_evaluate_clusters_perfect_and_empty() -> None:
    assert score(["a", "a", "b"], [["x"], ["x"], ["y"]]).f1 == pytest.approx(1.0)
    empty = score(["a", "b"], [[], []])
    assert (empty.found, empty.linked_pairs) == (0, 0)


def test_evaluate_clusters_gold_is_well_formed() -> None:
    gold = read_gold()
    assert len(gold) >= 40 and len({g.event for g in gold}) >= 20
    assert all(g.start < g.end for g in gold)
    assert any(sum(h.event == g.event for h in gold) > 2 for g in gold)


@pytest.mark.skipif(not (DATA / CORPUS).is_file(), reason="the KCNA corpus (../shared/data)")
def test_evaluate_clusters_gold_spans_lie_in_their_stories() -> None:
    gold = read_gold()
    ids = {g.record_id for g in gold}
    texts = {}
    with (DATA / CORPUS).open(encoding="utf-8") as fh:
        for line in fh:
            if any(f'"{i}"' in line for i in ids):
                record = json.loads(line)
                texts[record["id"]] = record["text"]
    for g in gold:
        assert g.end <= len(texts[g.record_id]), g
        assert texts[g.record_id][g.start : g.end].strip(), g


def test_evaluate_clusters_skips_without_the_corpus(tmp_path: Path) -> None:
    report = run(tmp_path)
    assert report.metrics == {"skipped": 1.0} and "skipped" in report.notes[0]
