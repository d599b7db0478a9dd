"""The Spark engine's options, checked before Spark starts (no Spark, no Java needed)."""

from __future__ import annotations

import pytest

from parley.engines.spark_session import spark_master
from parley.errors import EngineError
from tests.store.conftest import run_main


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("local", "local[1,4]"),
        ("local[2]", "local[2,4]"),
        ("local[*]", "local[*,4]"),
        ("local[2,3]", "local[2,3]"),  # the user's own retry count stays
        ("spark://head:7077", "spark://head:7077"),
        ("yarn", "yarn"),
        (None, None),
    ],
)
def test_spark_options_local_masters_retry_failed_tasks(given: str | None, used: str) -> None:
    assert spark_master(given) == used


def test_spark_options_empty_master_is_refused() -> None:
    with pytest.raises(EngineError, match="--master is empty"):
        spark_master(" ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--engine", "spark"], "give --out FOLDER"),
        (["--engine", "spark", "--out", "o", "--partitions", "0"], "--partitions is at least 1"),
        (["--out", "o"], "are for --engine spark"),
        (["--master", "local[2]"], "are for --engine spark"),
    ],
)
def test_spark_options_wrong_combinations_are_one_error(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_main(["ingest", "corpus.jsonl", *args], capsys)
    assert code == 2
    assert message in err and err.count("\n") == 1


def test_default_partitions_follow_the_input_size() -> None:
    from parley.engines.spark import BYTES_PER_PARTITION, default_partitions

    assert default_partitions(600_000, 2) == 2  # a small run: one per core
    assert default_partitions(600_000, 1) == 1
    assert default_partitions(5 * BYTES_PER_PARTITION, 2) == 5
    assert default_partitions(12_000_000, 2) == 8  # a large one: 4 per core
    assert default_partitions(0, 0) == 1
