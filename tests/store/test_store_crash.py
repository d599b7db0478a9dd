"""Crash safety with a real process: ``kill -9`` in the middle of an ingest, then the same
command again, ends with exactly the rows of an uninterrupted run."""

from __future__ import annotations

import os
import re
import signal
import subprocess
from pathlib import Path

import duckdb
import pytest

from parley.pipeline import Pipeline
from tests.store.conftest import dump, parley_command, records, run_main, write_jsonl

TOTAL = 40


def _corpus(path: Path) -> Path:
    rows: list[object] = list(records(TOTAL))
    rows[7] = "{this line is not JSON"
    rows[21] = {"id": "empty", "text": ""}
    copy = dict(records(1)[0], id="copy-of-1", url="https://wire.example.org/1")
    rows.insert(30, copy)  # the same story re-posted elsewhere: a near-duplicate
    return write_jsonl(path, rows)


def _kill_mid_ingest(corpus: Path, db: Path) -> None:
    env = {**os.environ, "PARLEY_PROGRESS_SECONDS": "0"}
    args = parley_command("ingest", str(corpus), "--db", str(db), "--batch-size", "2",
                          "--write-batch", "2")
    process = subprocess.Popen(args, stderr=subprocess.PIPE, text=True, env=env)
    assert process.stderr is not None
    try:
        for line in process.stderr:
            # A progress line is printed after each committed batch: kill after the second.
            done = re.search(r"(\d+) ingested,", line)
            if done and int(done.group(1)) >= 4:
                break
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL


def test_store_kill_9_then_resume_equals_uninterrupted(
    tmp_path: Path, pipeline: Pipeline, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _corpus(tmp_path / "corpus.jsonl")
    killed = tmp_path / "killed.duckdb"
    _kill_mid_ingest(corpus, killed)
    partial = dump(killed)
    assert 0 < len(partial["articles"]) < TOTAL - 2, "the kill came too late to test anything"

    code, _, err = run_main(["ingest", str(corpus), "--db", str(killed)], capsys)
    assert code == 2, err  # the two bad records are failures, as in any run
    clean = tmp_path / "clean.duckdb"
    code, _, err = run_main(["ingest", str(corpus), "--db", str(clean)], capsys)
    assert code == 2, err

    resumed, uninterrupted = dump(killed), dump(clean)
    assert resumed == uninterrupted
    assert len(resumed["articles"]) == TOTAL - 1  # 41 records, 2 bad
    assert len(resumed["failures"]) == 2
    con = duckdb.connect(str(killed), read_only=True)
    sql = "SELECT duplicate_of FROM articles WHERE record_id = 'copy-of-1'"
    copy = con.execute(sql).fetchone()
    first = con.execute("SELECT article_id FROM articles WHERE record_id = 'story-1'").fetchone()
    con.close()
    assert copy == first
