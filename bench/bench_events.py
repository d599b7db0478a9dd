"""Event coding speed: sentences per second of the whole analysis against plain spaCy.

Both modes run over the same real articles (PolNeAR texts), in one process, one after the
other, with models loaded before the clock starts:
  spacy    ``nlp.pipe`` with the same pipeline (the parse any spaCy-based coder pays)
  parley   ``analyze_text`` on each article: parse, entities, time, quotes, events
The sentence count is the parse's. Writes a table and ``bench/out/bench_events.json``.
Usage:
    .venv/bin/python bench/bench_events.py [--articles 40] [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def load_texts(data_dir: Path, n: int) -> list[str]:
    folder = data_dir / "polnear" / "train" / "text"
    if not folder.is_dir():
        raise SystemExit(f"PolNeAR texts not found at {folder} (pass --data DIR)")
    return [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))[:n]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = parser.parse_args()

    from parley.analysis import analyze_text
    from parley.nlp import load_pipeline

    texts = load_texts(args.data, args.articles)
    nlp = load_pipeline()
    analyze_text("Warm-up: the United States and China held talks in Beijing on Monday.")

    start = time.perf_counter()
    sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=16))
    spacy_seconds = time.perf_counter() - start

    start = time.perf_counter()
    events = sum(len(analyze_text(text).events) for text in texts)
    parley_seconds = time.perf_counter() - start

    result = {
        "articles": len(texts),
        "sentences": sentences,
        "events": events,
        "spacy_seconds": round(spacy_seconds, 2),
        "parley_seconds": round(parley_seconds, 2),
        "spacy_sentences_per_second": round(sentences / spacy_seconds, 1),
        "parley_sentences_per_second": round(sentences / parley_seconds, 1),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "note": "one process, one run; the machine was shared with other work",
    }
    print(f"{'mode':<8} {'seconds':>8} {'sentences/s':>12}")
    print(f"{'spacy':<8} {spacy_seconds:>8.2f} {result['spacy_sentences_per_second']:>12}")
    print(f"{'parley':<8} {parley_seconds:>8.2f} {result['parley_sentences_per_second']:>12}")
    print(f"{len(texts)} articles, {sentences} sentences, {events} events")
    out = REPO / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_events.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
