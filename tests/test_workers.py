"""The process pool behind ``Pipeline.pipe(n_process=N)`` and ``parley ingest --workers N``:
input order, bounded read-ahead, and a worker that dies failing only its own batch."""

from __future__ import annotations

import os
from collections.abc import Iterator

from parley.config import Config
from parley.pipeline import Failure, Item
from parley.records import Analysis
from parley.sources import Document
from parley.workers import map_batches


def _start(config: Config) -> None:
    """No model: these tests are about the pool."""


def _work(batch: list[Item]) -> list[Analysis | Failure]:
    out: list[Analysis | Failure] = []
    for item in batch:
        doc = item[0] if isinstance(item, tuple) else item
        if doc.source == "die":
            os._exit(3)  # the worker process dies, as on a kill or an out-of-memory stop
        out.append(Failure(doc.source, "read", "E100", f"seen by {os.getpid()}"))
    return out


def doc(name: str) -> Document:
    return Document(data=b"text", source=name)


def test_results_come_back_in_input_order_with_their_keys() -> None:
    batches = [(n, [doc(f"d{n}-{k}") for k in range(n % 3)]) for n in range(9)]
    got = list(map_batches(Config(), batches, 2, start=_start, work=_work))
    assert [key for key, _ in got] == list(range(9))
    assert [[r.source for r in results] for _, results in got] == [
        [d.source for d in batch] for _, batch in batches
    ]
    pids = {r.message for _, results in got for r in results if isinstance(r, Failure)}
    assert all(p.startswith("seen by ") for p in pids) and str(os.getpid()) not in str(pids)


def test_a_dead_worker_fails_its_batch_and_the_rest_go_on() -> None:
    batches = [("a", [doc("a1")]), ("b", [doc("b1"), doc("die")]), ("c", [doc("c1")]),
               ("d", [doc("d1")])]  # fmt: skip
    got = dict(map_batches(Config(), batches, 1, start=_start, work=_work))
    assert [r.source for r in got["a"]] == ["a1"] and got["a"][0].code == "E100"
    assert [(r.source, r.code, r.stage) for r in got["b"] if isinstance(r, Failure)] == [
        ("b1", "E900", "worker"), ("die", "E900", "worker"),
    ]  # fmt: skip
    assert [(r.source, r.code) for r in got["c"] + got["d"] if isinstance(r, Failure)] == [
        ("c1", "E100"), ("d1", "E100"),
    ]  # fmt: skip


def test_read_ahead_is_bounded() -> None:
    pulled = []

    def endless() -> Iterator[tuple[int, list[Item]]]:
        n = 0
        while True:
            pulled.append(n)
            yield n, [doc(f"d{n}")]
            n += 1

    stream = map_batches(Config(), endless(), 2, start=_start, work=_work)
    first = [next(stream)[0] for _ in range(3)]
    stream.close()
    assert first == [0, 1, 2]
    assert len(pulled) <= 3 + 2 * 2  # at most 2 x workers batches ahead of what was taken
