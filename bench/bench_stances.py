"""``parley stances`` latency: on a real store (the whole KCNA corpus) and on synthetic ones.

On each store it times, on a read-only connection, one warm-up then the median of 7 (wall
and CPU time, DuckDB's threads included):

* ``parley stances --actor PRK --issue sanctions --by month`` (the issue's example);
* ``parley stances --by month`` over every actor and issue (the whole table aggregated, the
  strongest stance of every cell ranked);
* ``parley stances --actor PRK --limit 0`` (every PRK row, joined with its article).

``--db`` names a real store (copy it first: opening a store of an older schema for writing
migrates it); ``--sizes`` makes synthetic stores of that many stances with the real schema
(30 actors, the ten issues, 15 years of days, 3 % near-duplicates), filled inside DuckDB.
Writes a table and ``bench/out/bench_stances.json``.
Usage:
    .venv/bin/python bench/bench_stances.py --db kcna.duckdb [--sizes 1000000,10000000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ACTORS = (
    "USA", "USAGOV", "USAMIL", "PRK", "PRKGOV", "PRKMED", "PRKMIL", "KOR", "KORGOV", "KORMIL",
    "CHN", "CHNGOV", "JPN", "JPNGOV", "RUS", "RUSGOV", "IGOUNO", "IGOWSTNAT", "GBR", "FRA",
    "DEU", "IND", "PAK", "IRN", "SYR", "ISR", "EGY", "CUB", "VNM", "MNG",
)  # fmt: skip
ISSUES = (
    "sanctions", "denuclearization", "negotiations", "military_exercises", "weapons_tests",
    "humanitarian_aid", "peace_regime", "alliances", "human_rights", "trade",
)  # fmt: skip

FILL_ARTICLES = """
INSERT INTO articles (seq, article_id, content_hash, title, published_day)
SELECT i, printf('%016x', i), 'h' || i, 'Synthetic story ' || i,
    DATE '2010-01-01' + CAST(hash(i + 2) % 5479 AS INTEGER)
FROM range(?) t(i)
"""
FILL_STANCES = """
INSERT INTO stances (article_id, stance_id, actor, actor_code, actor_name, issue, position,
    evidence, quote_id, event_id, sentence, start_char, end_char, speaker_role, date, day,
    duplicate, mode, modality, basis, confidence)
SELECT printf('%016x', i // 4), 's' || (1 + i % 4), 'e1', code, 'Actor ' || code,
    issues[1 + (hash(i + 9) % 10)::INT],
    CASE WHEN hash(i + 4) % 10 < 5 THEN 'support' WHEN hash(i + 4) % 10 < 9 THEN 'oppose'
         ELSE 'undecided' END,
    ['q1', 'v1'], 'q1', 'v1', 'Synthetic sentence ' || i, 0, 40, NULL, strftime(d, '%Y-%m-%d'),
    d, hash(i + 11) % 100 < 3, 'statement', 'asserted', 'text', (hash(i + 6) % 100) / 100.0
FROM (
    SELECT i, ? AS issues, (?)[1 + (hash(i) % 30)::INT] AS code,
        DATE '2010-01-01' + CAST(hash((i // 4) + 2) % 5479 AS INTEGER) AS d
    FROM range(?) t(i)
)
"""


def build(db: Path, stances: int) -> float:
    from parley.store.schema import open_store

    start = time.perf_counter()
    con = open_store(db)
    con.execute(FILL_ARTICLES, [stances // 4 + 1])
    con.execute(FILL_STANCES, [list(ISSUES), list(ACTORS), stances])
    con.execute("CHECKPOINT")
    con.close()
    return time.perf_counter() - start


def timed(db: Path, query: Callable[..., object], runs: int = 7) -> tuple[float, float, int]:
    from parley.store.queries import Table
    from parley.store.schema import open_reader

    con = open_reader(db)
    table = query(con)  # warm-up
    assert isinstance(table, Table)
    wall, cpu = [], []
    for _ in range(runs):
        start, started_cpu = time.perf_counter(), time.process_time()
        query(con)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - started_cpu)
    con.close()
    return statistics.median(wall), statistics.median(cpu), len(table.rows)


def measure(db: Path) -> dict[str, object]:
    import duckdb

    from parley.store.stance_queries import StanceFilters, stance_periods, stances

    con = duckdb.connect(str(db), read_only=True)
    count = con.execute("SELECT count(*) FROM stances").fetchone()
    articles = con.execute("SELECT count(*) FROM articles").fetchone()
    con.close()
    queries: dict[str, Callable[..., object]] = {
        "PRK sanctions by month": lambda c: stance_periods(
            c, StanceFilters(actor="PRK", issue="sanctions", limit=None), "month"
        ),
        "all by month": lambda c: stance_periods(c, StanceFilters(limit=None), "month"),
        "PRK rows": lambda c: stances(c, StanceFilters(actor="PRK", limit=None)),
    }
    out: dict[str, object] = {
        "stances": count[0] if count else 0,
        "articles": articles[0] if articles else 0,
        "size_mib": round(db.stat().st_size / 2**20, 1),
    }
    for name, query in queries.items():
        wall, cpu, rows = timed(db, query)
        out[name] = {"wall_ms": round(wall * 1000, 1), "cpu_ms": round(cpu * 1000, 1), "rows": rows}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--db", type=Path, help="a real store with stances (a copy)")
    parser.add_argument("--sizes", default="", help="synthetic stores of these many stances")
    parser.add_argument("--folder", type=Path, help="where to build the synthetic stores")
    args = parser.parse_args()
    results: dict[str, object] = {}
    if args.db:
        results[str(args.db.name)] = measure(args.db)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    with tempfile.TemporaryDirectory(dir=args.folder) as folder:
        for size in sizes:
            db = Path(folder) / f"stances-{size}.duckdb"
            seconds = build(db, size)
            result = measure(db)
            result["build_s"] = round(seconds, 1)
            results[f"synthetic {size:,}"] = result
    for store, result in results.items():
        print(store)
        assert isinstance(result, dict)
        for key, value in result.items():
            print(f"  {key}: {value}")
    out = REPO / "bench" / "out" / "bench_stances.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
