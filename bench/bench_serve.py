"""Server time of the dashboard's pages on a synthetic store of 1 million events.

Builds a store with the real schema (parley.store.schema): the events of bench_timeline.py
(20 actors, every CAMEO root, 15 years of days), one article per three events with its two
actors as entities, a quote in every tenth article, the monthly rollup, and, when this
Parley's schema has them, event clusters (the events of one dyad, CAMEO root and day) and
stances. Then times each page as a request through the app in this process (Starlette's
test client: routing, the queries, the template), one warm-up and the median of 7, wall and
CPU time (DuckDB's threads included), with the load average after each page (the machine
may be shared). The dyad page keeps its timeline and turning points between requests (they
do not change with the page of its tables shown), so it is timed twice: as a first visit,
the app's kept results forgotten before each run, and as a later one. Goals: the dyad page
under 300 ms, the overview under 500 ms. The dyad's brief is its own page, which the dyad
page fetches after itself. Writes a table and ``bench/out/bench_serve.json``.

Usage:
    .venv/bin/python bench/bench_serve.py [--events 1000000] [--folder DIR] [--index]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

from bench_timeline import ACTORS, FILL

REPO = Path(__file__).resolve().parents[1]
# (name, path, goal in ms, whether the app forgets what it keeps between requests before
# each run: the dyad page keeps its timeline and turning points, so a first visit costs more
# than paging through its tables)
PAGES = (
    ("dyad, first visit", "/dyad/USA/PRK", 300.0, True),
    ("dyad", "/dyad/USA/PRK", 300.0, False),
    ("dyad JSON", "/dyad/USA/PRK.json", 300.0, False),
    ("overview", "/", 500.0, False),
    ("overview JSON", "/index.json", 500.0, False),
    ("actor", "/actor/PRK", None, False),
    ("dyad by day", "/dyad/USA/PRK?by=day", None, False),
    ("search", "/search?q=story+PRK", None, False),
    ("brief", "/dyad/USA/PRK/brief", None, False),
)

ARTICLES = """
INSERT INTO articles (seq, article_id, url, title, published, published_day, publisher, text,
    content_hash, run_id, analysis)
SELECT n, id, 'https://news.example.org/' || n, 'Synthetic story ' || n,
    strftime(d, '%Y-%m-%d'), d, 'Outlet ' || (n % 7),
    'Synthetic story ' || n || ' about actors ' || a || ' and ' || b || '.',
    printf('%064x', n), 1, '{"article": {"id": "' || id || '", "text": "Synthetic story."}}'
FROM (SELECT article_id AS id, min(day) AS d, min(source_actor) AS a, min(target_actor) AS b,
        row_number() OVER (ORDER BY article_id) - 1 AS n
      FROM events GROUP BY article_id)
"""
ENTITIES = """
INSERT INTO entities (article_id, entity_id, name, kind, actor, country, roles, mention_count)
SELECT article_id, 'e' || side, 'Actor ' || actor, 'country', actor, left(actor, 3), [], 1
FROM (SELECT article_id, 1 AS side, min(source_actor) AS actor FROM events GROUP BY article_id
      UNION ALL
      SELECT article_id, 2, min(target_actor) FROM events GROUP BY article_id)
"""
QUOTES = """
INSERT INTO quotes (article_id, quote_id, text, kind, speaker, speaker_actor, speaker_text,
    start_char, end_char, duplicate)
SELECT article_id, 'q1', 'We will talk when the time is right, said actor ' || actor, 'direct',
    'e1', actor, 'Actor ' || actor, 0, 20, false
FROM (SELECT article_id, min(source_actor) AS actor FROM events GROUP BY article_id)
WHERE hash(article_id) % 10 = 0
"""
CLUSTERS = """
INSERT INTO event_clusters (cluster_id, source_actor, target_actor, cameo, root, plover,
    quad_class, goldstein, modality, day, first_day, last_day, n_events, n_articles, n_outlets,
    best_article_id, best_event_id, best_sentence, duplicate)
SELECT 'c' || row_number() OVER (), source_actor, target_actor, min(cameo), root, 'CONSULT',
    min(quad_class), avg(goldstein), modality, day, day, day, count(*),
    count(DISTINCT article_id), least(count(DISTINCT article_id), 7), min(article_id),
    min(event_id), min(sentence), false
FROM events WHERE NOT duplicate GROUP BY source_actor, target_actor, root, modality, day
"""
MEMBERS = """
INSERT INTO event_cluster_members
SELECT c.cluster_id, e.article_id, e.event_id FROM events e JOIN event_clusters c
    ON c.source_actor = e.source_actor AND c.target_actor = e.target_actor AND c.root = e.root
    AND c.modality = e.modality AND c.day = e.day
WHERE NOT e.duplicate
"""
STANCES = """
INSERT INTO stances (article_id, stance_id, actor, actor_code, actor_name, issue, position,
    quote_id, sentence, start_char, end_char, day, duplicate)
SELECT q.article_id, 's1', 'e1', q.speaker_actor, q.speaker_text, 'talks', 'support', 'q1',
    q.text, 0, 20, a.published_day, false
FROM quotes q JOIN articles a USING (article_id)
"""


def build(db: Path, events: int, index: bool) -> float:
    from parley.store.rollup import rebuild
    from parley.store.schema import open_store

    start = time.perf_counter()
    con = open_store(db)
    con.execute(FILL, [list(ACTORS), events])
    for sql in (ARTICLES, ENTITIES, QUOTES):
        con.execute(sql)
    found = con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    tables = {row[0] for row in found}
    if {"event_clusters", "event_cluster_members"} <= tables:
        con.execute(CLUSTERS)
        con.execute(MEMBERS)
    if "stances" in tables:
        con.execute(STANCES)
    rebuild(con)
    if index:
        from parley.store.search import build_index

        build_index(con)
    con.execute("CHECKPOINT")
    con.close()
    return time.perf_counter() - start


def time_pages(db: Path, runs: int = 7) -> list[dict[str, Any]]:
    from parley.web.app import create_app
    from parley.web.store import Settings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    results = []
    with TestClient(create_app(Settings(db=db, hosts=("testserver",)))) as client:
        memo = client.app.state.web.memo  # type: ignore[attr-defined]
        for name, path, goal, forget in PAGES:
            response = client.get(path)  # warm-up
            assert response.status_code == 200, (path, response.text[:200])
            wall, cpu = [], []
            for _ in range(runs):
                if forget:
                    memo.clear()
                start, started_cpu = time.perf_counter(), time.process_time()
                client.get(path)
                wall.append(time.perf_counter() - start)
                cpu.append(time.process_time() - started_cpu)
            results.append({
                "page": name, "path": path, "goal_ms": goal, "bytes": len(response.content),
                "wall_ms_median": round(statistics.median(wall) * 1000, 1),
                "cpu_ms_median": round(statistics.median(cpu) * 1000, 1),
                "load_average": round(os.getloadavg()[0], 2),
            })  # fmt: skip
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--folder", type=Path, default=None)
    parser.add_argument("--index", action="store_true", help="Build the search index too.")
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="parley-serve-"))
    db = folder / f"serve-{args.events}.duckdb"
    if not db.exists():
        print(f"building {db} ({build(db, args.events, args.index):.1f} s)")
    pages = time_pages(db)
    print(f"{'page':<20}{'wall ms':>10}{'cpu ms':>10}{'goal ms':>10}{'load':>7}")
    for row in pages:
        goal = "" if row["goal_ms"] is None else f"{row['goal_ms']:.0f}"
        print(f"{row['page']:<20}{row['wall_ms_median']:>10}{row['cpu_ms_median']:>10}{goal:>10}"
              f"{row['load_average']:>7}")  # fmt: skip
    out = REPO / "bench" / "out"
    out.mkdir(exist_ok=True)
    result = {"events": args.events, "store_mib": round(db.stat().st_size / 2**20, 1),
              "pages": pages}  # fmt: skip
    (out / "bench_serve.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
