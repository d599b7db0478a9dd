"""Parley's PolNeAR scorer must print the reference scorer's figures on the same output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from parley.evaluate import quotes as evq


def _reference(shared_data: Path) -> Path:
    script = shared_data.parent / "tools" / "score_polnear.py"
    if not script.is_file():
        pytest.skip(f"reference scorer not found at {script}")
    return script


def _reference_table(script: Path, gold_dir: Path, system: Path) -> list[str]:
    out = subprocess.run(
        [sys.executable, str(script), str(gold_dir), str(system)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    # From the column header on: the rows, the speaker line and the summary.
    return out[next(i for i, line in enumerate(out) if line.startswith("role")) :]


def _write_gold(folder: Path, text: str, ann: str, stem: str = "a1") -> None:
    (folder / "text").mkdir(parents=True, exist_ok=True)
    (folder / "attributions").mkdir(parents=True, exist_ok=True)
    (folder / "text" / f"{stem}.txt").write_text(text, encoding="utf-8")
    (folder / "attributions" / f"{stem}_x.ann").write_text(ann, encoding="utf-8")


# A hand-written article and annotation: one direct quote split by its cue, one reported.
TEXT = (
    "“We will not move,” the mayor said, “not this year.” "
    "The council replied that the budget was closed."
)
ANN = (
    "T1\tContent 0 19;36 52\t“We will not move,” “not this year.”\n"
    "T2\tSource 20 29\tthe mayor\n"
    "T3\tCue 30 34\tsaid\n"
    "E1\tAttribution:T3 Content:T1 Source:T2 Cue:T3\n"
    "T4\tSource 53 64\tThe council\n"
    "T5\tCue 65 72\treplied\n"
    "T6\tContent 73 99\tthat the budget was closed\n"
    "E2\tAttribution:T5 Content:T6 Source:T4 Cue:T5\n"
)


def test_quotes_eval_scores_hand_built_output_like_reference(
    tmp_path: Path, shared_data: Path
) -> None:
    script = _reference(shared_data)
    _write_gold(tmp_path / "gold", TEXT, ANN)
    system = [
        {
            "article": "a1",
            "quotes": [
                # exact content, source off by one word, cue right
                {"content": [[0, 19], [36, 52]], "source": [24, 29], "cue": [30, 34]},
                # reported content without "that": an overlap, not an exact match
                {"content": [78, 99], "source": [53, 64], "cue": None},
                {"content": [0, 5], "source": None, "cue": None},
            ],
        }
    ]
    path = tmp_path / "sys.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in system), encoding="utf-8")
    gold, _ = evq.load_gold(tmp_path / "gold")
    mine = evq.table(evq.score(gold, evq.read_system(system))).splitlines()
    assert mine == _reference_table(script, tmp_path / "gold", path)
    scores = evq.score(gold, evq.read_system(system))
    assert scores.counts["Content.exact"] == (1, 3, 2)


@pytest.mark.model
def test_quotes_eval_run_matches_reference_on_dev(tmp_path: Path, shared_data: Path) -> None:
    script = _reference(shared_data)
    dev = shared_data / "polnear" / "dev"
    stems = sorted(p.stem for p in (dev / "text").glob("*.txt"))[:3]
    # The reference scores every article of its folder: give it only these three.
    gold_dir = tmp_path / "gold"
    for stem in stems:
        (gold_dir / "text").mkdir(parents=True, exist_ok=True)
        (gold_dir / "attributions").mkdir(parents=True, exist_ok=True)
        (gold_dir / "text" / f"{stem}.txt").symlink_to(dev / "text" / f"{stem}.txt")
        for ann in (dev / "attributions").glob(f"{stem}_*.ann"):
            (gold_dir / "attributions" / ann.name).symlink_to(ann)
    out = tmp_path / "sys.jsonl"
    report = evq.run(shared_data, split="dev", limit=3, output=out)
    assert report.name == "quotes"
    assert report.table.splitlines() == _reference_table(script, gold_dir, out)
    assert 0.0 < report.metrics["dev.content.ovl0.3.f1"] <= 1.0
    assert "dev.speaker.match" in report.metrics
