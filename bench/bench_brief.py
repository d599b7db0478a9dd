"""``parley brief`` of one year of one dyad on a real store (issue 13: under 2 s on KCNA).

Opens the store read-only (as ``parley brief --db`` does), then times ``corpus_brief`` plus
rendering to Markdown and HTML for a dyad over a year: one warm-up, then the median of 5,
wall and CPU time (DuckDB's threads included). Prints the brief's size (sections, sentences,
citations) beside the times, a per-section split of the median run, and writes
``bench/out/bench_brief.json``. Process start and imports are not counted (the command adds
about 0.6 s of Python start-up and imports, printed apart).
Usage:
    .venv/bin/python bench/bench_brief.py --db kcna.duckdb [--dyad USA:PRK]
        [--since 2011-07-01 --until 2012-06-30] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _timed(run: object) -> tuple[float, float, object]:
    assert callable(run)
    wall, cpu = time.perf_counter(), time.process_time()
    result = run()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def _sections(con: object, a: str, b: str, since: date, until: date) -> dict[str, float]:
    """Seconds spent in each section of one brief (the same calls corpus_brief makes)."""
    from parley.brief import build

    ctx = build._context(con, build.Scope(dyad=(a, b), since=since, until=until),  # type: ignore[arg-type]
                         "corpus", until, None)  # fmt: skip
    out = {}
    for make in build.SECTIONS:
        start = time.perf_counter()
        make(ctx)
        out[make.__name__.removesuffix("_section")] = time.perf_counter() - start
    return out


def _startup() -> float:
    """Seconds for ``python -c 'import parley.cli'``: what the command adds before a brief."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import parley.cli"], check=True, cwd=REPO)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--dyad", default="USA:PRK")
    parser.add_argument("--since", default="2011-07-01")
    parser.add_argument("--until", default="2012-06-30")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from parley.brief import corpus_brief, render
    from parley.store.schema import open_reader

    a, b = args.dyad.split(":")
    since, until = date.fromisoformat(args.since), date.fromisoformat(args.until)
    con = open_reader(args.db)

    def once() -> object:
        brief = corpus_brief(con, a, b, since, until)
        return brief, render(brief, "md"), render(brief, "html")

    _timed(once)  # warm-up: DuckDB reads the blocks it needs into its buffer pool
    runs = [_timed(once) for _ in range(args.runs)]
    walls, cpus = [r[0] for r in runs], [r[1] for r in runs]
    brief, md, html = runs[0][2]  # type: ignore[misc]
    sentences = list(brief.sentences())
    citations = sum(len(s.citations) for s in sentences)
    split = _sections(con, a, b, since, until)
    con.close()
    startup = _startup()
    load = os.getloadavg()
    result = {
        "store": str(args.db), "dyad": args.dyad, "since": args.since, "until": args.until,
        "median_wall_s": round(statistics.median(walls), 4),
        "median_cpu_s": round(statistics.median(cpus), 4),
        "max_wall_s": round(max(walls), 4), "runs": args.runs,
        "sections": len(brief.sections), "sentences": len(sentences), "citations": citations,
        "md_chars": len(md), "html_chars": len(html),
        "section_s": {k: round(v, 4) for k, v in split.items()},
        "command_startup_s": round(startup, 3), "load_average": [round(x, 2) for x in load],
    }  # fmt: skip
    print(f"brief {args.dyad} {args.since}..{args.until} on {args.db}")
    print(f"  median wall {result['median_wall_s']:.3f} s, CPU {result['median_cpu_s']:.3f} s"
          f" (max wall {result['max_wall_s']:.3f} s, {args.runs} runs; goal < 2 s)")  # fmt: skip
    print(f"  {len(sentences)} sentences, {citations} citations, md {len(md):,} chars")
    print("  by section: " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in split.items()))
    print(f"  command start-up (import parley.cli): {startup:.2f} s; load average {load[0]:.2f}")
    out = REPO / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_brief.json").write_text(json.dumps(result, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
