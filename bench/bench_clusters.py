"""Event merging (``parley cluster``) over a whole store: the KCNA store by default.

Copies the store (the merge writes), opens it with this Parley (a store of schema 2 is
migrated, which merges once), then runs ``merge_events`` again: one warm-up, then the
median of N, wall time and this process's CPU time (DuckDB's threads included). Prints the
load average, since the machine is shared.
Usage:
    .venv/bin/python bench/bench_clusters.py --db kcna.duckdb [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a Parley store (not changed)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from parley.store.clusters import merge_events
    from parley.store.schema import open_store

    with tempfile.TemporaryDirectory(prefix="parley-bench-clusters-") as folder:
        db = Path(folder) / "store.duckdb"
        shutil.copyfile(args.db, db)
        started = time.perf_counter()
        con = open_store(db)
        opened = time.perf_counter() - started
        merge_events(con)  # warm-up
        walls, cpus = [], []
        stats = None
        for _ in range(args.rounds):
            cpu, wall = time.process_time(), time.perf_counter()
            stats = merge_events(con)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        con.close()
    assert stats is not None
    load = os.getloadavg()
    print(f"store: {args.db} (opened, migrating if needed, in {opened:.2f} s)")
    print(f"events: {stats.events:,}; clusters: {stats.clusters:,}; "
          f"reported by more than one article: {stats.multi_article:,}; "
          f"most articles in one: {stats.largest}")  # fmt: skip
    print(f"merge, median of {args.rounds}: wall {statistics.median(walls):.3f} s, "
          f"CPU {statistics.median(cpus):.3f} s "
          f"(min wall {min(walls):.3f} s); load average {load[0]:.1f} {load[1]:.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
