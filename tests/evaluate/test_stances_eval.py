"""The stance gold and its scorer: the file's checks, the split, and the matching rules."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from parley.config import Config
from parley.errors import EvaluationError
from parley.evaluate.stances import GOLD_FILE, _match, read_gold, run
from parley.stances import StanceResources


def test_stances_eval_gold_is_well_formed() -> None:
    gold = read_gold()
    issues = set(StanceResources.load(Config()).issues)
    assert len(gold) >= 25
    required = [j for story in gold for j in story.judgements if not j.optional]
    assert 40 <= len(required) <= 120
    for story in gold:
        for j in story.judgements:
            assert 0 <= j.span[0] < j.span[1], story.doc
            assert j.issue in issues, (story.doc, j.issue)
            assert j.actor.isupper() and len(j.actor) >= 3


def test_stances_eval_split_alternates_in_sha1_order() -> None:
    """Within each corpus, stories in SHA-1 order of their ids go dev, test, dev, ...; the
    seed article (the issue's own example) is dev."""
    by_corpus: dict[str, list[tuple[str, str]]] = {}
    for story in read_gold():
        if story.file.endswith(".txt"):
            assert story.split == "dev"
            continue
        corpus = story.file if not story.file.startswith("polnear") else "polnear"
        by_corpus.setdefault(corpus, []).append((story.doc, story.split))
    for stories in by_corpus.values():
        ordered = sorted(stories, key=lambda s: hashlib.sha1(s[0].encode()).hexdigest())
        assert [s for _, s in ordered] == [
            "dev" if n % 2 == 0 else "test" for n in range(len(ordered))
        ]


def test_stances_eval_optional_judgements_count_neither_way() -> None:
    gold = [((0, 10), ("USA", "sanctions", "support"), False),
            ((20, 30), ("PRK", "sanctions", "oppose"), True),
            ((40, 50), ("KOR", "sanctions", "oppose"), True)]  # fmt: skip
    predicted = [((2, 8), ("USA", "sanctions", "support")),
                 ((22, 28), ("PRK", "sanctions", "oppose")),
                 ((60, 70), ("CHN", "trade", "support"))]  # fmt: skip
    counts = _match(gold, predicted)
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 0)


def test_stances_eval_spans_must_overlap_and_pair_once() -> None:
    gold = [((0, 10), ("USA", "sanctions", "support"), False)]
    twice = [((0, 10), ("USA", "sanctions", "support")), ((5, 9), ("USA", "sanctions", "support"))]
    assert (_match(gold, twice).tp, _match(gold, twice).fp) == (1, 1)
    apart = [((10, 20), ("USA", "sanctions", "support"))]
    assert (_match(gold, apart).tp, _match(gold, apart).fn) == (0, 1)


def test_stances_eval_bad_gold_line_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"doc": "x", "stances": [{"span": [1]}]}\n', encoding="utf-8")
    with pytest.raises(EvaluationError, match="gold.jsonl:1"):
        read_gold(path)


def test_stances_eval_texts_are_the_annotated_ones(shared_data: Path) -> None:
    from parley.evaluate.stances import _texts

    stories = read_gold(GOLD_FILE)
    texts = _texts(shared_data, stories, [])  # raises when a text differs
    for story in stories:
        if story.doc in texts:
            assert all(j.span[1] <= len(texts[story.doc]) for j in story.judgements)


def test_stances_eval_unknown_split_is_refused(shared_data: Path) -> None:
    with pytest.raises(EvaluationError, match="unknown split"):
        run(shared_data, split="train")
