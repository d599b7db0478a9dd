"""Full-text search over the store: DuckDB's ``fts`` extension (BM25), with a plain fallback.

DuckDB cannot download extensions here, so the extension comes from the ``duckdb-ext-fts``
wheel (pinned beside ``duckdb==1.4.4``): ``load_fts`` loads its ``fts.duckdb_extension`` file
by path (nothing is installed into the user's home). An FTS index is a snapshot: DuckDB
builds it once and does not follow later inserts, so ``build_index`` (run at the end of every
``parley ingest`` and by ``parley index``) rebuilds it, and ``index_state`` tells a reader
whether it still covers every row. Readers fall back to ``ILIKE`` when the index is missing
or stale (results are then unranked), so search never silently misses rows.

Two indexes: ``articles`` (title and text, keyed by ``article_id``) and ``quote_search``, a
derived table of the quotes keyed by ``article_id/quote_id`` (an FTS index needs one unique
key column, and a quote's key is two).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

__all__ = ["IndexState", "build_index", "fts_file", "index_state", "load_fts"]

ARTICLE_INDEX = "fts_main_articles"
QUOTE_INDEX = "fts_main_quote_search"


@dataclass(frozen=True, slots=True)
class IndexState:
    """Whether each index exists and covers every row of its table."""

    articles: bool
    quotes: bool


def fts_file() -> Path | None:
    """The ``fts.duckdb_extension`` file of the installed ``duckdb-ext-fts`` wheel, if any."""
    try:
        import duckdb_ext
    except ImportError:
        return None
    version = f"v{duckdb.__version__}"
    for folder in getattr(duckdb_ext, "__path__", []):
        for found in sorted(Path(folder).glob(f"extensions/{version}/*/fts.duckdb_extension")):
            return found
    return None


def load_fts(con: duckdb.DuckDBPyConnection) -> bool:
    """Load the fts extension into ``con``'s database; False when it cannot be had."""
    found = fts_file()
    if found is None:
        return False
    try:
        con.execute(f"LOAD '{_quoted(str(found))}'")
    except duckdb.Error:
        return False
    return True


def build_index(con: duckdb.DuckDBPyConnection) -> bool:
    """Rebuild both indexes from the tables as they are (one transaction); False when the
    extension is missing (search then falls back to ILIKE)."""
    if not load_fts(con):
        return False
    con.begin()
    try:
        con.execute(
            "CREATE OR REPLACE TABLE quote_search AS SELECT article_id || '/' || quote_id AS key,"
            " article_id, quote_id, text FROM quotes"
        )
        con.execute("PRAGMA create_fts_index('articles', 'article_id', 'title', 'text', "
                    "overwrite = 1)")  # fmt: skip
        con.execute("PRAGMA create_fts_index('quote_search', 'key', 'text', overwrite = 1)")
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return True


def index_state(con: duckdb.DuckDBPyConnection) -> IndexState:
    """Which indexes a reader can use: present and holding as many documents as the table
    has rows (an ingest interrupted before its end leaves the index behind the table)."""
    return IndexState(
        articles=_covers(con, ARTICLE_INDEX, "articles"),
        quotes=_covers(con, QUOTE_INDEX, "quotes"),
    )


def _covers(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    present = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
        [schema, "docs"],
    ).fetchone()
    if not present or not present[0]:
        return False
    indexed = con.execute(f"SELECT count(*) FROM {schema}.docs").fetchone()
    rows = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    return bool(indexed and rows and indexed[0] == rows[0])


def _quoted(text: str) -> str:
    return text.replace("'", "''")
