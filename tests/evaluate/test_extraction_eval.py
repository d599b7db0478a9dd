"""The extraction evaluation: snippet scoring on hand-made inputs, and the report's shape on
the first pages of the real data (skipped when ../shared/data is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.errors import EvaluationError
from parley.evaluate.extraction import SnippetCounts, run, score_text


def test_extraction_eval_score_text_counts_like_trafilatura() -> None:
    text = "The envoys   met\non Monday.\n\nShare this article"
    counts = score_text(text, ["envoys met on", "in April"], ["Share this", "Related stories"])
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == (1, 1, 1, 1)
    assert score_text(None, ["a"], ["b"]).fn == 1


def test_extraction_eval_metrics_from_counts() -> None:
    metrics = SnippetCounts(tp=3, fn=1, fp=1, tn=5).metrics()
    assert metrics["precision"] == pytest.approx(0.75)
    assert metrics["recall"] == pytest.approx(0.75)
    assert metrics["f1"] == pytest.approx(0.75)
    assert metrics["accuracy"] == pytest.approx(0.8)
    assert SnippetCounts().metrics()["f1"] == 0.0


def test_extraction_eval_missing_data_is_an_evaluation_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="trafilatura-eval data not found"):
        run(tmp_path)


def test_extraction_eval_report_shape(shared_data: Path) -> None:
    report = run(shared_data, limit=20)
    assert report.name == "extraction"
    for key in (
        "trafilatura_eval.precision",
        "trafilatura_eval.recall",
        "trafilatura_eval.f1",
        "trafilatura_eval.accuracy",
        "htmldate_eval.accuracy",
        "baseline.trafilatura_eval.f1",
        "baseline.htmldate_eval.accuracy",
    ):
        assert 0.0 <= report.metrics[key] <= 1.0, key
    # Title/author/date accuracy exist only when the pages give those fields.
    for key, value in report.metrics.items():
        if key.endswith("_accuracy"):
            assert 0.0 <= value <= 1.0, key
    assert report.metrics["trafilatura_eval.pages"] == 20
    assert report.metrics["htmldate_eval.pages"] == 20
    # A working extractor finds most of what the gold pages ask for.
    assert report.metrics["trafilatura_eval.f1"] > 0.5
    assert "trafilatura-eval F1" in report.table
    # The like-for-like row (headings + text) can only find more of the gold's snippets.
    assert "headings + text: F1" in report.table
    with_headings = report.metrics["trafilatura_eval.with_headings.recall"]
    assert with_headings >= report.metrics["trafilatura_eval.recall"]
    assert not [n for n in report.notes if "crash" in n]
