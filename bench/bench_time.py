"""Time-tagging speed on real news text: milliseconds per 1,000 words, one run, one process.

Corpora: the TempEval-3 training documents (TimeBank + AQUAINT, with their DCT as the
publication time) and PolNeAR article texts (dated from the file name, e.g.
``breitbart_2016-09-12_...``). The lexicon and patterns are loaded before the clock starts.
Words are whitespace-separated tokens. Then one text of 10k, 100k and 400k characters (the
PolNeAR texts joined) is tagged, to show that the cost is linear in the text's length.
Prints a table and writes ``bench/out/time.json``.

Usage:
    .venv/bin/python bench/bench_time.py [--data DIR] [--polnear 300]
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
_DATE_IN_NAME = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


def tempeval_docs(data_dir: Path) -> list[tuple[str, str | None]]:
    from parley.evaluate.time import read_timeml

    root = data_dir / "tempeval3" / "train"
    return [(d.text, d.dct) for p in sorted(root.glob("*/*.tml")) for d in [read_timeml(p)]]


def polnear_docs(data_dir: Path, n: int) -> list[tuple[str, str | None]]:
    folder = data_dir / "polnear" / "train" / "text"
    docs = []
    for path in sorted(folder.glob("*.txt"))[:n]:
        stamp = _DATE_IN_NAME.search(path.name)
        docs.append((path.read_text("utf-8"), stamp.group(1) if stamp else None))
    return docs


def measure(name: str, docs: list[tuple[str, str | None]], resources: Any) -> dict[str, Any]:
    from parley.evaluate.time import creation_time
    from parley.time import tag_timexes

    words = sum(len(text.split()) for text, _ in docs)
    # Parsed before the clock starts, as the pipeline parses it once per article.
    dated = [(text, creation_time(published)) for text, published in docs]
    found = 0
    start = time.perf_counter()
    for text, when in dated:
        found += len(tag_timexes(text, when, resources=resources))
    seconds = time.perf_counter() - start
    return {
        "corpus": name,
        "documents": len(docs),
        "words": words,
        "timexes": found,
        "seconds": round(seconds, 3),
        "ms_per_1000_words": round(1000 * seconds / max(words, 1) * 1000, 2),
        "documents_per_second": round(len(docs) / seconds, 1) if seconds else None,
    }


SIZES = (10_000, 100_000, 400_000)


def scaling(docs: list[tuple[str, str | None]], resources: Any) -> list[dict[str, Any]]:
    """Seconds to tag one text of each size in ``SIZES`` (the documents joined by blank
    lines, cut there): the cost per character should not grow with the size."""
    from parley.time import parse_published, tag_timexes

    joined = "\n\n".join(text for text, _ in docs)
    when = parse_published("2016-10-15")
    out = []
    for size in SIZES:
        if len(joined) < size:
            break
        text = joined[:size]
        start = time.perf_counter()
        found = len(tag_timexes(text, when, resources=resources))
        seconds = time.perf_counter() - start
        out.append(
            {
                "chars": size,
                "timexes": found,
                "seconds": round(seconds, 3),
                "us_per_char": round(1e6 * seconds / size, 2),
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--polnear", type=int, default=300, help="PolNeAR articles to tag")
    args = parser.parse_args()

    from parley.config import Config
    from parley.time import TimeResources, parse_published, tag_timexes

    resources = TimeResources.load(Config())
    warm_up = "Warm-up: talks resumed on Friday, Nov. 9, after two years."
    tag_timexes(warm_up, parse_published("2018-11-12"), resources=resources)
    rows = []
    if (args.data / "tempeval3" / "train").is_dir():
        rows.append(measure("TempEval-3 train", tempeval_docs(args.data), resources))
    sizes: list[dict[str, Any]] = []
    if (args.data / "polnear" / "train" / "text").is_dir():
        polnear = polnear_docs(args.data, args.polnear)
        rows.append(measure("PolNeAR train", polnear, resources))
        sizes = scaling(polnear, resources)
    if not rows:
        raise SystemExit(f"no corpus found under {args.data} (pass --data DIR)")

    head = f"{'corpus':<18} {'docs':>5} {'words':>8} {'timexes':>7} {'s':>7} {'ms/1k words':>11}"
    print(head)
    print("-" * len(head))
    for r in rows:
        print(
            f"{r['corpus']:<18} {r['documents']:>5} {r['words']:>8} {r['timexes']:>7} "
            f"{r['seconds']:>7.2f} {r['ms_per_1000_words']:>11.2f}"
        )
    for r in sizes:
        print(
            f"one text of {r['chars']:>7} chars: {r['seconds']:.3f} s "
            f"({r['us_per_char']:.2f} us/char, {r['timexes']} timexes)"
        )
    out = REPO / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    report = {
        "bench": "time",
        "machine": {"python": platform.python_version(), "cpus": _cpus()},
        "results": rows,
        "scaling": sizes,
    }
    (out / "time.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written: {out / 'time.json'}")


def _cpus() -> int | None:
    import os

    return os.cpu_count()


if __name__ == "__main__":
    main()
