"""Corpus ingest speed: ``parley ingest`` end to end against plain spaCy ``nlp.pipe``.

Both run over the same KCNA stories in one run, one after the other, each with the same
number of processes:
  spacy    ``nlp.pipe(texts, n_process=W)`` with the same pipeline (the parse alone)
  parley   the whole ingest: read the JSONL, extract, parse, entities, time, quotes, events,
           near-duplicates, and the writer's transactions into a fresh DuckDB store
Also samples the resident memory (RSS) of the writer and of each worker once a second, and
measures the store's size per 1,000 articles. Writes a table and ``bench/out/bench_ingest.json``.
Usage:
    .venv/bin/python bench/bench_ingest.py [--limit 1000] [--workers 2] [--data DIR]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path("corpus/kcna-marquez/kcna-stories-2011-10-to-2012-06.jsonl")


def rss_mib(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            out.extend(int(p) for p in task.read_text().split())
        except OSError:
            continue
    return out


class MemorySampler(threading.Thread):
    """RSS of this process and of its descendants, once a second."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.samples: list[dict[str, float]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self.stop.wait(1.0):
            sample = {"writer": rss_mib(me) or 0.0}
            for pid in children(me):
                for grandchild in [pid, *children(pid)]:
                    value = rss_mib(grandchild)
                    if value and value > 100:  # the workers; not the forkserver stub
                        sample[f"worker-{grandchild}"] = value
            self.samples.append(sample)


def summarise(samples: list[dict[str, float]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    names = sorted({k for s in samples for k in s})
    for name in names:
        values = [s[name] for s in samples if name in s]
        third = max(len(values) // 3, 1)
        out[name] = {
            "first_third_mean": round(sum(values[:third]) / third, 1),
            "last_third_mean": round(sum(values[-third:]) / third, 1),
            "max": round(max(values), 1),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="first N stories (0: all 8,314)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--db", type=Path, default=None, help="keep the store here")
    args = parser.parse_args()

    from parley.config import Config
    from parley.nlp import load_pipeline
    from parley.sources.corpus import CorpusOptions, iter_documents
    from parley.store.ingest import IngestOptions, ingest_items

    path = args.data / CORPUS
    if not path.is_file():
        raise SystemExit(f"KCNA stories not found at {path} (pass --data DIR)")
    with path.open(encoding="utf-8") as stream:
        lines = list(itertools.islice(stream, args.limit or None))
    texts = [json.loads(line)["text"] for line in lines]

    nlp = load_pipeline()
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, n_process=args.workers, batch_size=16))
    spacy_seconds = time.perf_counter() - start

    folder = Path(tempfile.mkdtemp(prefix="parley-bench-"))
    db = args.db or folder / "kcna.duckdb"
    subset = folder / "stories.jsonl"
    subset.write_text("".join(lines), encoding="utf-8")
    sampler = MemorySampler()
    sampler.start()
    start = time.perf_counter()
    counts = ingest_items(
        iter_documents([str(subset)], CorpusOptions()), db, config=Config(),
        options=IngestOptions(workers=args.workers),
    )  # fmt: skip
    parley_seconds = time.perf_counter() - start
    sampler.stop.set()
    sampler.join()

    size = db.stat().st_size + sum(p.stat().st_size for p in db.parent.glob(db.name + ".wal"))
    result = {
        "stories": len(texts),
        "workers": args.workers,
        "tokens": tokens,
        "spacy_seconds": round(spacy_seconds, 1),
        "parley_seconds": round(parley_seconds, 1),
        "spacy_docs_per_s": round(len(texts) / spacy_seconds, 2),
        "parley_docs_per_s": round(len(texts) / parley_seconds, 2),
        "ratio_parley_to_spacy": round(spacy_seconds / parley_seconds, 3),
        "ingested": counts.ingested,
        "failed": counts.failed,
        "near_duplicates": counts.duplicates,
        "store_mib": round(size / 2**20, 2),
        "store_mib_per_1000_articles": round(size / 2**20 / max(counts.ingested, 1) * 1000, 2),
        "rss_mib": summarise(sampler.samples),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
    }
    out = REPO / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "bench_ingest.json").write_text(json.dumps(result, indent=2) + "\n")
    for key, value in result.items():
        print(f"{key:32} {value}")


if __name__ == "__main__":
    main()
