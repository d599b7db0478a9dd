"""The events stage's CPU cost with the rules alone and with the trained event filter.

The first N KCNA stories of the corpus are parsed and run through every stage before events
once; then the events stage (``find_events``) runs on each story with the rules' resources
and with the same resources plus the packaged filter (``--events model``), in turn, three
rounds each, and the best round of each counts (CPU seconds, ``time.process_time``; the
model loads before the clock starts). Usage:
    .venv/bin/python bench/bench_event_filter.py [--articles 100] [--data DIR]
Writes bench/out/bench_event_filter.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import platform
import time
from pathlib import Path

from common import DEFAULT_DATA, REPO

from parley.analysis import NLP_STAGES
from parley.config import Config
from parley.events import find_events
from parley.events.model import EventModel
from parley.pipeline import Pipeline

CORPUS = Path("corpus/kcna-marquez/kcna-stories-2011-10-to-2012-06.jsonl")
ROUNDS = 3


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args()
    path = args.data / CORPUS
    if not path.is_file():
        raise SystemExit(f"KCNA stories not found at {path} (pass --data DIR)")
    with path.open(encoding="utf-8") as fh:
        stories = [json.loads(line) for _, line in zip(range(args.articles), fh, strict=False)]
    pipeline = Pipeline.from_config(Config(timeout=None))
    before_events = tuple(s for s in NLP_STAGES if s.name != "events")
    contexts = [
        pipeline._run(pipeline._verbatim_context(s["text"], s.get("date"), s["id"]), before_events)
        for s in stories
    ]
    rules = pipeline.resources.events
    model = dataclasses.replace(rules, model=EventModel.load())
    best: dict[str, float] = {}
    counts: dict[str, int] = {}
    for _ in range(ROUNDS):
        for name, resources in (("rules", rules), ("model", model)):
            start = time.process_time()
            n = 0
            for ctx in contexts:
                assert ctx.parse is not None and ctx.mentions is not None
                assert ctx.article is not None
                n += len(
                    find_events(
                        ctx.parse, ctx.mentions, ctx.article, ctx.on, ctx.timexes, ctx.quotes,
                        resources,
                    )
                )  # fmt: skip
            spent = time.process_time() - start
            best[name] = min(best.get(name, spent), spent)
            counts[name] = n
    for name in ("rules", "model"):
        print(f"{name:6} {best[name]:7.3f} s CPU  {counts[name]:5} events")
    extra = 1000 * (best["model"] - best["rules"]) / max(1, len(stories))
    print(f"{len(stories)} KCNA stories; the filter adds {extra:.2f} ms per story")
    out = REPO / "bench" / "out" / "bench_event_filter.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "articles": len(stories),
        "seconds": best,
        "events": counts,
        "filter_ms_per_article": extra,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    out.write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
