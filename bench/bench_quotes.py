"""The quote stage's share of the analysis time on real articles, in one run.

Each PolNeAR text goes through the stages the analysis runs (parse, entities, time,
quotes), each stage timed on its own with ``perf_counter``; the table gives every stage's
seconds and share, and the quote stage's cost per article. One process; the model loads
before the clock starts. Usage:
    .venv/bin/python bench/bench_quotes.py [--articles 100] [--data DIR]
Writes bench/out/bench_quotes.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = ap.parse_args()
    folder = args.data / "polnear" / "train" / "text"
    if not folder.is_dir():
        raise SystemExit(f"PolNeAR texts not found at {folder} (pass --data DIR)")
    texts = [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))[: args.articles]]

    from parley.analysis import Config, Context, _entities, _time
    from parley.errors import ParleyError
    from parley.evaluate.quotes import _article
    from parley.nlp import load_pipeline
    from parley.nlp.index import MentionIndex, ParseIndex
    from parley.quotes import QuoteResources, find_quotes
    from parley.sources import Document

    nlp = load_pipeline()
    resources = QuoteResources.load(Config())
    warm = ParseIndex.build(nlp("Warm-up."))
    find_quotes(warm, MentionIndex.build((), warm), _article("w", "Warm-up."), (), resources)
    seconds = {"parse": 0.0, "entities": 0.0, "time": 0.0, "quotes": 0.0}
    skipped: list[str] = []
    n_quotes = tokens = 0
    for i, text in enumerate(texts):
        t0 = time.perf_counter()
        doc = nlp(text)
        seconds["parse"] += time.perf_counter() - t0
        tokens += len(doc)
        article = _article(f"a{i}", text)
        ctx = Context(Document(data=b"", source="bench"), Config(), article=article, doc=doc)
        made: dict[str, Any] = {"entities": (), "time": ()}
        for name, stage in (("entities", _entities), ("time", _time)):
            if name in skipped:
                continue
            t0 = time.perf_counter()
            try:
                made[name] = stage(ctx)
            except (ImportError, ParleyError):
                skipped.append(name)  # a colleague's stage not ready: bench without it
            seconds[name] += time.perf_counter() - t0
        t0 = time.perf_counter()
        parse = ParseIndex.build(doc)  # the pipeline builds these once for every stage
        mentions = MentionIndex.build(made["entities"], parse)
        n_quotes += len(find_quotes(parse, mentions, article, made["time"], resources))
        seconds["quotes"] += time.perf_counter() - t0

    total = sum(seconds.values())
    print(f"{len(texts)} PolNeAR train articles, {tokens} tokens, {n_quotes} quotes found")
    print(f"{'stage':10} {'seconds':>8} {'share':>7}")
    for name, sec in seconds.items():
        note = " (not run)" if name in skipped else ""
        print(f"{name:10} {sec:8.2f} {100 * sec / total:6.1f}%{note}")
    per_article = 1000 * seconds["quotes"] / max(1, len(texts))
    print(f"quotes: {per_article:.1f} ms per article")
    out = REPO / "bench" / "out" / "bench_quotes.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "articles": len(texts),
                "tokens": tokens,
                "quotes": n_quotes,
                "seconds": seconds,
                "share": {k: v / total for k, v in seconds.items()},
                "quotes_ms_per_article": per_article,
                "stages_not_run": skipped,
                "python": platform.python_version(),
                "machine": platform.machine(),
            },
            indent=1,
        ),
        encoding="utf-8",
    )
    print(f"wrote {out.relative_to(REPO)}")


if __name__ == "__main__":
    main()
