"""``parley timeline`` latency on synthetic stores of 1 million and 10 million events.

Builds each store with the real schema (parley.store.schema), fills ``events`` with
synthetic rows generated inside DuckDB (20 actors, every CAMEO root, 15 years of days, 90 %
asserted, 3 % near-duplicates) and their monthly rollup (``event_months``, which the writer
keeps batch by batch), then times the timeline query as ``parley timeline --dyad USA:PRK --by
month`` runs it, on a read-only connection: one warm-up, then the median of 7, wall and CPU
time (DuckDB's threads included), and the same for ``--by day``, which reads every event.
Writes a table and ``bench/out/bench_timeline.json``.
Usage:
    .venv/bin/python bench/bench_timeline.py [--sizes 1000000,10000000] [--folder DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ACTORS = (
    "USA", "USAGOV", "USAMIL", "PRK", "PRKGOV", "PRKMIL", "KOR", "KORGOV", "CHN", "CHNGOV",
    "JPN", "JPNGOV", "RUS", "RUSGOV", "IGOUNO", "GBR", "FRA", "DEU", "IND", "PAK",
)  # fmt: skip

FILL = """
INSERT INTO events (article_id, event_id, source, source_actor, target, target_actor, cameo,
    root, plover, goldstein, quad_class, date, day, date_source, modality, sentence,
    start_char, end_char, trigger_start, trigger_end, confidence, duplicate)
SELECT printf('%016x', i // 3), 'v' || (i % 3), 'e1', actors[1 + (hash(i) % 20)::INT], 'e2',
    actors[1 + (hash(i + 7) % 20)::INT], cameo, left(cameo, 2), 'CONSULT',
    (hash(i + 3) % 200)::INT / 10.0 - 10.0, quad, strftime(d, '%Y-%m-%d'), d, 'text',
    CASE WHEN hash(i + 5) % 10 = 0 THEN 'hypothetical' ELSE 'asserted' END,
    'Synthetic sentence ' || i, 0, 40, 5, 10, 0.9, hash(i + 11) % 100 < 3
FROM (
    SELECT i, ? AS actors,
        lpad(CAST(1 + hash(i + 1) % 20 AS VARCHAR), 2, '0') || '0' AS cameo,
        CASE WHEN hash(i + 1) % 20 < 5 THEN 1 WHEN hash(i + 1) % 20 < 8 THEN 2
             WHEN hash(i + 1) % 20 < 13 THEN 3 ELSE 4 END AS quad,
        DATE '2010-01-01' + CAST(hash(i + 2) % 5479 AS INTEGER) AS d
    FROM range(?) t(i)
)
"""


def build(db: Path, events: int) -> float:
    from parley.store.rollup import rebuild
    from parley.store.schema import open_store

    start = time.perf_counter()
    con = open_store(db)
    con.execute(FILL, [list(ACTORS), events])
    rebuild(con)  # the monthly rollup, as the writer keeps it batch by batch
    con.execute("CHECKPOINT")
    con.close()
    return time.perf_counter() - start


def time_timeline(db: Path, by: str, runs: int = 7) -> tuple[float, float, int]:
    from parley.store.queries import Filters, timeline
    from parley.store.schema import open_reader

    con = open_reader(db)
    filters = Filters(dyad=("USA", "PRK"), limit=None)
    rows = len(timeline(con, filters, by).rows)  # type: ignore[arg-type]  # warm-up
    wall, cpu = [], []
    for _ in range(runs):
        start, started_cpu = time.perf_counter(), time.process_time()
        timeline(con, filters, by)  # type: ignore[arg-type]
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - started_cpu)
    con.close()
    return statistics.median(wall), statistics.median(cpu), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000000,10000000")
    parser.add_argument("--folder", type=Path, default=None)
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="parley-timeline-"))
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        db = folder / f"synthetic-{size}.duckdb"
        db.unlink(missing_ok=True)
        built = build(db, size)
        result: dict[str, object] = {
            "events": size, "build_seconds": round(built, 1),
            "store_mib": round(db.stat().st_size / 2**20, 1),
        }  # fmt: skip
        for by in ("month", "day"):
            wall, cpu, periods = time_timeline(db, by)
            result[f"by_{by}"] = {
                "wall_ms_median": round(wall * 1000, 1), "cpu_ms_median": round(cpu * 1000, 1),
                "periods": periods,
            }  # fmt: skip
        results.append(result)
        print(json.dumps(results[-1]))
    out = REPO / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "bench_timeline.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
