"""The monthly rollup (parley.store.rollup) answers timelines exactly as the events do,
through ingests, re-analyses (--force) and a migration from a store made before it."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from parley.config import Config
from parley.sources.corpus import StoredAnalysis
from parley.store.queries import Filters, timeline
from parley.store.rollup import covers
from parley.store.schema import SCHEMA_VERSION, open_reader, open_store
from tests.store.conftest import analysis, event

ACTORS = ("USA", "USAGOV", "PRK", "PRKMIL", "CHN", "KORGOV")
CAMEOS = ("040", "057", "111", "141", "190", "010")


def generated(seed: int, articles: int = 40) -> list[dict[str, Any]]:
    """Articles with random events over two years: every actor pair, quad, modality."""
    rng = random.Random(seed)
    out = []
    for n in range(articles):
        events = []
        for k in range(rng.randint(0, 6)):
            day = date(2030 + rng.randint(0, 1), rng.randint(1, 12), rng.randint(1, 28))
            events.append(event(
                f"v{k}", rng.choice(ACTORS), rng.choice(ACTORS), rng.choice(CAMEOS),
                day.isoformat(), g=round(rng.uniform(-10, 10), 1),
                modality=rng.choice(("asserted", "asserted", "hypothetical", "negated")),
            ))  # fmt: skip
        # Distinct texts (no near-duplicates) except every tenth, a copy of the one before.
        text = f"Story number {n - (n % 10 == 9)} about talks, fishing and the border region."
        out.append(analysis(f"g{n}", text, "2030-06-01", events))
    return out


def ingest(db: Path, analyses: list[dict[str, Any]], *, force: bool = False) -> None:
    from parley.store.ingest import IngestOptions, ingest_items

    items = [StoredAnalysis("gen.jsonl", n, d) for n, d in enumerate(analyses, 1)]
    ingest_items(items, db, config=Config(), options=IngestOptions(force=force, batch_size=7))


FILTERS = [
    Filters(limit=None),
    Filters(dyad=("USA", "PRK"), limit=None),
    Filters(dyad=("USAGOV", "PRK"), limit=None),
    Filters(actor="CHN", limit=None),
    Filters(source="PRK", target="USA", limit=None),
    Filters(modality="hypothetical", limit=None),
    Filters(duplicates=True, limit=None),
    Filters(since=date(2030, 3, 1), until=date(2031, 4, 30), limit=None),
    Filters(limit=3),
]


def same_timelines(db: Path) -> None:
    con = open_reader(db)
    try:
        for f in FILTERS:
            for by in ("month", "year"):
                fast = timeline(con, f, by).rows  # type: ignore[arg-type]
                slow = timeline(con, f, by, rollup=False).rows  # type: ignore[arg-type]
                assert fast == slow, (f, by)
                assert slow or f.source  # the filters are not all empty
    finally:
        con.close()


def test_rollup_matches_the_events(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    ingest(db, generated(1))
    same_timelines(db)
    con = open_reader(db)
    keys = con.execute(
        "SELECT count(*), count(DISTINCT (month, source_actor, target_actor, quad_class,"
        " modality, duplicate)) FROM event_months"
    ).fetchone()
    con.close()
    assert keys is not None and keys[0] == keys[1] > 0  # compacted: one row per key


def test_rollup_follows_reanalysis(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    ingest(db, generated(2))
    ingest(db, generated(3), force=True)  # same article ids, other events: all replaced
    same_timelines(db)
    con = open_reader(db)
    zero = con.execute("SELECT count(*) FROM event_months WHERE events = 0").fetchone()
    con.close()
    assert zero == (0,)


def test_rollup_is_made_when_an_older_store_is_migrated(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    ingest(db, generated(4))
    con = open_store(db)
    expected = timeline(con, Filters(limit=None), "month", rollup=False).rows
    con.execute("DROP TABLE event_months")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    con = open_store(db)  # migrates to the current version
    version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    assert version == (str(SCHEMA_VERSION),)
    assert timeline(con, Filters(limit=None), "month").rows == expected != []
    con.close()


@pytest.mark.parametrize(
    ("by", "since", "until", "expected"),
    [
        ("month", None, None, True),
        ("year", date(2030, 1, 1), date(2030, 12, 31), True),
        ("month", date(2030, 1, 2), None, False),  # a part of a month
        ("month", None, date(2030, 2, 27), False),
        ("day", None, None, False),
        ("week", None, None, False),
    ],
)
def test_rollup_only_answers_whole_months(
    by: str, since: date | None, until: date | None, expected: bool
) -> None:
    assert covers(by, since, until) is expected
