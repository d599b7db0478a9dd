"""``event_months``: the events table rolled up by month and dyad, kept by the writer.

``parley timeline --by month|year`` over millions of events reads this table instead of
every event: one row per (month, source actor, target actor, QuadClass, modality, duplicate
flag) holding the number of events and their Goldstein sum. The writer keeps it exact in the
same transaction as the events themselves, so a crash never leaves the two apart:

- each batch's new events add their rows (aggregated from the batch, not from the table);
- events deleted because their article is re-analysed add the same rows with negative counts;
- at the end of a run the table is compacted (rows of one key summed, empty keys dropped).

Between compactions a key may have several rows, so every reader sums them.
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb

__all__ = [
    "ROLLUP_COLUMNS",
    "add_deleted",
    "add_inserted",
    "compact",
    "covers",
    "rebuild",
    "rollup_select",
]

ROLLUP_COLUMNS = """
    month DATE NOT NULL,
    source_actor VARCHAR,
    target_actor VARCHAR,
    quad_class TINYINT,
    modality VARCHAR,
    duplicate BOOLEAN,
    events BIGINT NOT NULL,
    goldstein_sum DOUBLE,
    goldstein_n BIGINT
"""

_KEY = "source_actor, target_actor, quad_class, modality, duplicate"


def rollup_select(source: str, where: str = "", sign: int = 1) -> str:
    """The rollup rows of the events in ``source``, as one SELECT that DuckDB and Spark SQL
    both run (the Spark engine writes ``event_months`` with it)."""
    return (
        # CAST(day AS DATE): a batch whose events are all undated arrives as an Arrow column
        # of nulls, which date_trunc cannot type.
        f"SELECT CAST(date_trunc('month', CAST(day AS DATE)) AS DATE) AS month, {_KEY},"
        f" {sign} * count(*) AS events, {sign} * sum(goldstein) AS goldstein_sum,"
        f" {sign} * count(goldstein) AS goldstein_n"
        f" FROM {source} WHERE day IS NOT NULL{where} GROUP BY ALL"
    )


def _rollup(source: str, where: str, sign: int) -> str:
    return "INSERT INTO event_months " + rollup_select(source, where, sign)


def add_inserted(con: duckdb.DuckDBPyConnection, relation: str) -> None:
    """Count the event rows of ``relation`` (a registered view of a batch) into the rollup."""
    con.execute(_rollup(relation, "", 1))


def add_deleted(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> None:
    """Take the stored events of these articles out of the rollup (before they are deleted)."""
    con.execute(_rollup("events", " AND list_contains(?, article_id)", -1), [article_ids])


def compact(con: duckdb.DuckDBPyConnection) -> None:
    """One row per key, empty keys gone. Runs in the caller's transaction."""
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE _parley_months AS SELECT month, {_KEY},"
        " sum(events)::BIGINT AS events, sum(goldstein_sum) AS goldstein_sum,"
        " sum(goldstein_n)::BIGINT AS goldstein_n"
        f" FROM event_months GROUP BY ALL HAVING sum(events) <> 0"
    )
    con.execute("DELETE FROM event_months")
    con.execute("INSERT INTO event_months SELECT * FROM _parley_months")
    con.execute("DROP TABLE _parley_months")


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """The rollup made again from the events table (a migrated store's first fill)."""
    con.execute("DELETE FROM event_months")
    con.execute(_rollup("events", "", 1))


def covers(by: str, since: date | None, until: date | None) -> bool:
    """Whether a timeline by ``by`` between these days can be read from whole months."""
    if by not in ("month", "year"):
        return False
    if since is not None and since.day != 1:
        return False
    return until is None or (until + timedelta(days=1)).day == 1
