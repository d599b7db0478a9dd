"""Does each stage cost the same per character on a 400,000-character document as on a
100,000-character one? A stage that is quadratic somewhere shows here long before a user's
batch stalls on one long page.

Documents of 10k, 25k, 50k, 100k, 200k and 400k characters are made by joining real PolNeAR
article texts with blank lines (generated news-like text when the data is absent), cut at a
paragraph end near the size. Each goes through the stage table as a text/plain Document, one
stage at a time (``common.timed_stages``): extract (the text rules), nlp (the spaCy parse and
its index), entities, time, quotes, events. The per-character cost of each stage is printed
relative to its cost at 100k; a stage whose cost per character at 400k is over 5 times its
cost at 100k is flagged.

Usage:
    .venv/bin/python bench/bench_length.py [--data DIR] [--sizes 10000,25000,...] [--repeat 1]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

from common import (
    DEFAULT_DATA,
    REPO,
    generated_texts,
    polnear_texts,
    text_document,
    timed_stages,
)

from parley.analysis import STAGES
from parley.config import Config
from parley.pipeline import Pipeline

SIZES = (10_000, 25_000, 50_000, 100_000, 200_000, 400_000)
REFERENCE = 100_000
FLAG_RATIO = 5.0


def long_text(pieces: list[str], size: int) -> str:
    """Whole articles joined by blank lines until ``size`` characters, the last one cut at a
    paragraph end (or at a sentence end when no paragraph end is near)."""
    parts: list[str] = []
    total = 0
    for i in range(10_000):
        piece = pieces[i % len(pieces)].strip()
        parts.append(piece)
        total += len(piece) + 2
        if total >= size:
            break
    text = "\n\n".join(parts)[:size]
    for end in ("\n\n", ". "):
        cut = text.rfind(end)
        if cut > size * 0.9:
            return text[: cut + 1].rstrip()
    return text


CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}


def measure(pipeline: Pipeline, text: str, repeat: int, clock: str) -> dict[str, float]:
    """Each stage's least time over ``repeat`` runs, in seconds."""
    best: dict[str, float] = {}
    document = text_document(text, f"<{len(text)} chars>")
    for _ in range(repeat):
        _, seconds = timed_stages(pipeline, document, CLOCKS[clock])
        for name, value in seconds.items():
            best[name] = min(value, best.get(name, value))
    return best


Row = tuple[int, dict[str, float]]  # the document's actual length, seconds per stage


def report(rows: dict[int, Row]) -> list[str]:
    """Print the tables (rows keyed by the size asked for); return the flagged stages."""
    names = [stage.name for stage in STAGES]
    print(f"{'chars':>8}" + "".join(f"{n:>10}" for n in names) + f"{'total':>10}")
    for length, seconds in rows.values():
        cells = "".join(f"{seconds[n]:>10.3f}" for n in names)
        print(f"{length:>8}{cells}{sum(seconds.values()):>10.3f}")
    if REFERENCE not in rows:
        return []
    print(f"\ncost per character relative to {REFERENCE:,} characters (1.00 = linear)")
    ref_length, ref = rows[REFERENCE]

    def ratio(row: Row, name: str) -> float:
        length, seconds = row
        if ref[name] <= 0:
            return float("nan")
        return (seconds[name] / length) / (ref[name] / ref_length)

    print(f"{'chars':>8}" + "".join(f"{n:>10}" for n in names))
    for row in rows.values():
        print(f"{row[0]:>8}" + "".join(f"{ratio(row, n):>10.2f}" for n in names))
    largest = rows[max(rows)]
    return [n for n in names if ratio(largest, n) > FLAG_RATIO]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the least counts")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu",
                        help="CPU time (default: steady on a shared machine) or wall time")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    pieces = polnear_texts(args.data)
    origin = "PolNeAR article texts"
    if not pieces:
        pieces, origin = generated_texts(200, paragraphs=8), "generated news-like text"
    # No time limit: a slow stage is what this measures, and _run applies none anyway.
    pipeline = Pipeline.from_config(Config(timeout=None))
    # Warm every stage, extraction included (its first call loads lazy tables).
    warm = "Talks resume\n\nThe United States and China held talks in Geneva on Monday.\n"
    timed_stages(pipeline, text_document(warm))
    print(f"documents made of {origin}; {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f}, Python {platform.python_version()}; {args.clock} seconds "
          "per stage")
    rows: dict[int, Row] = {}
    for size in sizes:
        text = long_text(pieces, size)
        rows[size] = (len(text), measure(pipeline, text, args.repeat, args.clock))
        print(f"  {len(text):,} characters done", flush=True)
    flagged = report(rows)
    for name in flagged:
        print(f"FLAG: {name} costs over {FLAG_RATIO:g}x more per character at "
              f"{max(rows):,} than at {REFERENCE:,} characters")
    if not flagged:
        print(f"no stage over {FLAG_RATIO:g}x its per-character cost at {REFERENCE:,}")
    out = REPO / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    table = {str(size): {"chars": n, "seconds": sec} for size, (n, sec) in rows.items()}
    (out / "length.json").write_text(json.dumps(table, indent=2), "utf-8")


if __name__ == "__main__":
    main()
