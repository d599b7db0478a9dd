"""The quote stage's share of the analysis time on real articles, in one run.

Each PolNeAR text (generated news-like text when the data is absent) goes through the stage
table after extraction (parse, entities, time, quotes, events), each stage timed on its own in
CPU seconds (``common.timed_text``); the table gives every stage's seconds and share, and the
quote stage's cost per article. One process; the model loads before the clock starts. Usage:
    .venv/bin/python bench/bench_quotes.py [--articles 100] [--data DIR] [--quotes model|rules]
Writes bench/out/bench_quotes.json.
"""

from __future__ import annotations

import argparse
import json
import platform
from collections import Counter
from pathlib import Path

from common import DEFAULT_DATA, REPO, bench_texts, timed_text

from parley.config import Config
from parley.pipeline import Pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--quotes", choices=("model", "rules"), default="model")
    args = ap.parse_args()
    texts, origin, _ = bench_texts(args.data, args.articles)
    pipeline = Pipeline.from_config(Config(timeout=None, quotes=args.quotes))
    pipeline.analyze_text("Warm-up: “We will talk,” the envoy said in Beijing on Monday.")
    seconds: Counter[str] = Counter()
    n_quotes = tokens = 0
    for text in texts:
        ctx, spent = timed_text(pipeline, text)
        seconds.update(spent)
        n_quotes += len(ctx.quotes)
        tokens += len(ctx.doc) if ctx.doc is not None else 0
    total = sum(seconds.values())
    print(f"{len(texts)} {origin}, {tokens} tokens, {n_quotes} quotes found (CPU seconds)")
    print(f"{'stage':10} {'seconds':>8} {'share':>7}")
    for name, sec in seconds.items():
        print(f"{name:10} {sec:8.2f} {100 * sec / total:6.1f}%")
    per_article = 1000 * seconds["quotes"] / max(1, len(texts))
    print(f"quotes: {per_article:.1f} ms per article")
    out = REPO / "bench" / "out" / "bench_quotes.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "articles": len(texts),
        "tokens": tokens,
        "quotes": n_quotes,
        "seconds": dict(seconds),
        "share": {k: v / total for k, v in seconds.items()},
        "quotes_ms_per_article": per_article,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"wrote {out.relative_to(REPO)}")


if __name__ == "__main__":
    main()
