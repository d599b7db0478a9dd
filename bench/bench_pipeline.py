"""Whole-analysis speed against plain spaCy on the same real articles, in one run.

Modes, each over the same PolNeAR texts and the same number of worker processes:
  spacy     plain ``nlp.pipe`` with the same pipeline (the floor any spaCy tool pays)
  entities  Parley's parse + entity stage (issue 3's "entity work on top of spaCy")
  full      everything ``analyze_texts`` does (entities, time, quotes, events)

Models load in each worker before the clock starts; modes alternate over several rounds and
each keeps its fastest. Usage:
    .venv/bin/python bench/bench_pipeline.py [--articles 200] [--processes 2] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def load_texts(data_dir: Path, n: int) -> list[str]:
    folder = data_dir / "polnear" / "train" / "text"
    if not folder.is_dir():
        raise SystemExit(f"PolNeAR texts not found at {folder} (pass --data DIR)")
    return [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))[:n]]


def _warm(mode: str) -> None:
    from parley.nlp import load_pipeline

    load_pipeline()
    if mode != "spacy":
        from parley.analysis import analyze_text

        analyze_text("Warm-up: the United States and China held talks in Beijing on Monday.")


def _work(args: tuple[str, list[str]]) -> tuple[int, int, float]:
    """Process a chunk; return (sentences, tokens, CPU seconds of this worker)."""
    mode, texts = args
    cpu_start = time.process_time()
    from parley.nlp import load_pipeline

    nlp = load_pipeline()
    sentences = tokens = 0
    if mode == "spacy":
        for doc in nlp.pipe(texts, batch_size=16):
            sentences += sum(1 for _ in doc.sents)
            tokens += len(doc)
    elif mode == "entities":
        from parley.config import Config
        from parley.entities import EntityResources, find_entities
        from parley.extract import article_id
        from parley.nlp.index import ParseIndex
        from parley.records import Article

        resources = EntityResources.load(Config(), nlp.vocab)
        for text, doc in zip(texts, nlp.pipe(texts, batch_size=16), strict=True):
            article = Article.from_text(text, id=article_id(text, None), source="<bench>")
            find_entities(ParseIndex.build(doc), article, None, resources)
            sentences += sum(1 for _ in doc.sents)
            tokens += len(doc)
    else:
        from parley.analysis import analyze_texts

        # Sentence and token rates are computed from the spaCy mode's exact counts.
        for _result in analyze_texts(((t, None) for t in texts), batch_size=16):
            pass
    return sentences, tokens, time.process_time() - cpu_start


def run_mode(mode: str, texts: list[str], processes: int) -> dict[str, Any]:
    chunks = [texts[i::processes] for i in range(processes)]
    ctx = mp.get_context("fork")
    with ctx.Pool(processes, initializer=_warm, initargs=(mode,)) as pool:
        pool.map(_warm_noop, range(processes))  # make sure every worker has warmed up
        start = time.perf_counter()
        counts = pool.map(_work, [(mode, c) for c in chunks])
        seconds = time.perf_counter() - start
    return {
        "mode": mode,
        "seconds": round(seconds, 3),
        "articles_per_s": round(len(texts) / seconds, 2),
        "sentences": sum(c[0] for c in counts),
        "tokens": sum(c[1] for c in counts),
        # CPU seconds summed over workers: far less disturbed by other processes than the
        # wall clock on a shared machine, so ratios are taken on it.
        "cpu_seconds": round(sum(c[2] for c in counts), 3),
    }


def _warm_noop(_: int) -> None:
    time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--modes", default="spacy,entities,full")
    parser.add_argument(
        "--rounds", type=int, default=3, help="modes alternate; each keeps its fastest round"
    )
    args = parser.parse_args()
    texts = load_texts(args.data, args.articles)
    # Alternating rounds and keeping each mode's least-CPU one: on a shared machine, load from
    # other processes comes and goes, and the minimum is the least disturbed measurement.
    best: dict[str, dict[str, Any]] = {}
    for _ in range(args.rounds):
        for mode in args.modes.split(","):
            result = run_mode(mode, texts, args.processes)
            if mode not in best or result["cpu_seconds"] < best[mode]["cpu_seconds"]:
                best[mode] = result
    results = list(best.values())
    base = next((r for r in results if r["mode"] == "spacy"), None)
    words = sum(len(t.split()) for t in texts)
    print(
        f"{len(texts)} PolNeAR articles, {words} words, {args.processes} processes, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"best (least CPU) of {args.rounds} alternating rounds"
    )
    print(
        f"{'mode':<10}{'wall s':>8}{'CPU s':>8}{'articles/s':>12}{'sent/s':>9}{'CPU vs spaCy':>14}"
    )
    sentences = base["sentences"] if base else 0
    for r in results:
        ratio = f"{r['cpu_seconds'] / base['cpu_seconds']:.3f}x" if base else "-"
        sps = sentences / r["seconds"] if sentences else 0.0
        r["sentences_per_s"] = round(sps, 1)
        print(
            f"{r['mode']:<10}{r['seconds']:>8.2f}{r['cpu_seconds']:>8.2f}"
            f"{r['articles_per_s']:>12.2f}{sps:>9.1f}{ratio:>14}"
        )
    if base:
        for r in results:
            if r["mode"] != "spacy":
                extra = 100 * (r["cpu_seconds"] / base["cpu_seconds"] - 1)
                print(f"{r['mode']}: {extra:+.1f}% CPU time on top of spaCy")
    out = REPO / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "pipeline.json").write_text(json.dumps(results, indent=2), "utf-8")


if __name__ == "__main__":
    main()
