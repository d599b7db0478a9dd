"""Extraction speed, one run, one process: Parley's HTML extraction against trafilatura alone,
and Parley's scraped-text extraction.

- HTML: the first N pages of trafilatura's evaluation set (``extraction/trafilatura-eval`` in
  the gold data). Parley runs ``extract_article`` on a Document (decoding, trafilatura,
  htmldate, its own metadata reading and cleaning, language check); the baseline runs
  ``trafilatura.extract`` with its defaults on the same bytes, and, to show where Parley's
  time goes, ``trafilatura.bare_extraction`` with metadata as Parley calls it. Each sees
  every page once, taking turns page by page so that machine load falls on all alike, after
  an untimed warm-up over the first 50 pages (dateparser's first-use compiling). Files
  are read before
  the clock starts; a page that fails still counts (its time is spent either way).
- Scraped text: the seed article and ``tests/fixtures/text/*.txt``, timed with
  ``parley.extract.text.extract_text_article`` (the best of 5 runs per file, since each file
  takes well under a millisecond to a few milliseconds).

Prints a table and writes ``bench/out/extract.json``.

Usage:
    .venv/bin/python bench/bench_extract.py [--data DIR] [--pages 200]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import platform
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
_WARM_UP = 50  # pages run untimed first


def html_pages(data_dir: Path, n: int) -> list[tuple[str, Path, bytes]]:
    from parley.evaluate.extraction import load_trafilatura_eval

    return [(p.url, p.path, p.path.read_bytes()) for p in load_trafilatura_eval(data_dir, n)]


def measure_html(pages: list[tuple[str, Path, bytes]]) -> dict[str, Any]:
    import trafilatura

    from parley.errors import ParleyError
    from parley.extract import ExtractResources, extract_article
    from parley.sources.document import Document

    res = ExtractResources.load()  # as a pipeline holds them: loaded once, not per page

    # Warm up untimed on the first pages: imports, data files, and above all dateparser,
    # which htmldate's extensive search calls and which compiles each locale's patterns on
    # first use (seconds, once per process). A long run pays that once; timing it would make
    # a short run measure the warm-up instead of the extraction.
    for url, path, data in pages[:_WARM_UP]:
        trafilatura.extract(data, url=url)
        with contextlib.suppress(ParleyError):
            extract_article(Document(data=data, source=str(path), url=url), resources=res)

    def parley(url: str, path: Path, data: bytes) -> bool:
        try:
            extract_article(Document(data=data, source=str(path), url=url), resources=res)
        except ParleyError:
            return False
        return True

    def plain(url: str, path: Path, data: bytes) -> bool:
        return trafilatura.extract(data, url=url) is not None

    def with_metadata(url: str, path: Path, data: bytes) -> bool:
        found = trafilatura.bare_extraction(
            data, url=url, with_metadata=True, include_comments=False
        )
        return found is not None

    runners = {"parley": parley, "trafilatura": plain, "metadata": with_metadata}
    seconds = dict.fromkeys(runners, 0.0)
    failed = 0
    for i, (url, path, data) in enumerate(pages):
        # Rotate who goes first, so caches warmed by one page favour no one.
        names = list(runners)
        names = names[i % 3 :] + names[: i % 3]
        for name in names:
            start = time.perf_counter()
            ok = runners[name](url, path, data)
            seconds[name] += time.perf_counter() - start
            if name == "parley" and not ok:
                failed += 1
    parley_s, trafilatura_s, metadata_s = (seconds[k] for k in runners)
    n = len(pages)
    return {
        "pages": n,
        "bytes": sum(len(d) for _u, _p, d in pages),
        "parley_seconds": round(parley_s, 3),
        "parley_pages_per_second": round(n / parley_s, 2) if parley_s else None,
        "parley_ms_per_page": round(1000 * parley_s / n, 2),
        "parley_failed": failed,
        "trafilatura_seconds": round(trafilatura_s, 3),
        "trafilatura_pages_per_second": round(n / trafilatura_s, 2) if trafilatura_s else None,
        "trafilatura_ms_per_page": round(1000 * trafilatura_s / n, 2),
        # trafilatura with its metadata (htmldate's extensive search included), as Parley
        # calls it: the share of Parley's time that is trafilatura's and htmldate's.
        "trafilatura_metadata_ms_per_page": round(1000 * metadata_s / n, 2),
        # How many times longer Parley takes than trafilatura alone.
        "parley_to_trafilatura_time_ratio": round(parley_s / trafilatura_s, 2)
        if trafilatura_s
        else None,
    }


def text_files(seed_dir: Path) -> list[Path]:
    files = sorted(seed_dir.glob("*.txt")) if seed_dir.is_dir() else []
    return files + sorted((REPO / "tests" / "fixtures" / "text").glob("*.txt"))


def measure_text(files: list[Path], repeats: int = 5) -> dict[str, Any]:
    from parley.errors import ParleyError
    from parley.sources.document import Document

    try:
        from parley.extract.furniture_rules import FurnitureRules
        from parley.extract.text import extract_text_article
    except ImportError as err:
        return {"files": 0, "skipped": f"scraped-text extractor not available: {err}"}
    rules = FurnitureRules.load()
    rows: list[dict[str, Any]] = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        document = Document(data=text.encode("utf-8"), source=path.name)
        best = float("inf")
        for _ in range(repeats):
            start = time.perf_counter()
            with contextlib.suppress(ParleyError):
                extract_text_article(text, document, rules)
            best = min(best, time.perf_counter() - start)
        rows.append({"file": path.name, "words": len(text.split()), "ms": round(1000 * best, 3)})
    total = sum(float(r["ms"]) for r in rows)
    return {
        "files": len(rows),
        "ms_per_article": round(total / len(rows), 3) if rows else None,
        "per_file": rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=REPO.parent / "shared" / "data",
        help="gold data folder (default: ../shared/data beside the repository)",
    )
    parser.add_argument(
        "--pages", type=int, default=200, help="trafilatura-eval pages to time (default 200)"
    )
    parser.add_argument(
        "--out", type=Path, default=REPO / "bench" / "out" / "extract.json", help="JSON output"
    )
    args = parser.parse_args()
    # trafilatura logs a warning for every page it discards; the benchmark reports counts.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)

    result: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        }
    }
    pages = html_pages(args.data, args.pages) if (args.data / "extraction").is_dir() else []
    result["html"] = measure_html(pages) if pages else {"pages": 0, "skipped": "no data"}
    result["text"] = measure_text(text_files(args.data.parent / "seed"))

    html = result["html"]
    print(f"{'HTML extraction':<40} {'pages/s':>9} {'ms/page':>9}")
    if html.get("pages"):
        print(
            f"{'Parley (extract_article)':<40} {html['parley_pages_per_second']:>9} "
            f"{html['parley_ms_per_page']:>9}"
        )
        print(
            f"{'trafilatura.extract (defaults)':<40} {html['trafilatura_pages_per_second']:>9} "
            f"{html['trafilatura_ms_per_page']:>9}"
        )
        print(
            f"{'  trafilatura + metadata (as Parley uses)':<40} "
            f"{round(1000 / html['trafilatura_metadata_ms_per_page'], 2):>9} "
            f"{html['trafilatura_metadata_ms_per_page']:>9}"
        )
        print(
            f"{html['pages']} pages; Parley takes {html['parley_to_trafilatura_time_ratio']}x "
            f"trafilatura's time; Parley found no article in {html['parley_failed']}"
        )
    else:
        print(f"skipped: {html.get('skipped')}")
    text = result["text"]
    if text.get("files"):
        print(f"scraped text: {text['ms_per_article']} ms per article over {text['files']} files")
    else:
        print(f"scraped text: skipped ({text.get('skipped', 'no files')})")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"wrote {args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out}")


if __name__ == "__main__":
    main()
