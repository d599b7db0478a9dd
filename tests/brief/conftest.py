"""Fixtures of the brief's tests: stores of the hand-written corpus in tests/brief/corpus.py,
built by the normal writer (no model needed)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from parley.config import Config
from tests.brief.corpus import add_stances, analyses


def build_store(path: Path, *, newer_tables: bool = True) -> Path:
    """The corpus stored by the normal writer (which groups its events into clusters); with
    stances, or, for ``newer_tables=False``, as an older Parley left it: no clusters, no
    stances."""
    from parley.sources.corpus import StoredAnalysis
    from parley.store.ingest import IngestOptions, ingest_items

    items = [StoredAnalysis("hand.jsonl", n, d) for n, d in enumerate(analyses(), 1)]
    ingest_items(items, path, config=Config(), options=IngestOptions())
    con = duckdb.connect(str(path))
    try:
        if newer_tables:
            add_stances(con)
        else:
            for table in ("event_clusters", "event_cluster_members", "stances"):
                con.execute(f"DROP TABLE IF EXISTS {table}")
    finally:
        con.close()
    return path


@pytest.fixture(scope="session")
def brief_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("brief") / "brief.duckdb")


@pytest.fixture(scope="session")
def old_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same corpus in a store without event clusters or stances (an older Parley's)."""
    return build_store(tmp_path_factory.mktemp("old") / "old.duckdb", newer_tables=False)


@pytest.fixture
def con(brief_store: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(str(brief_store), read_only=True)
    yield connection
    connection.close()
