"""The store's schema (DuckDB), its version, and opening a store safely.

``open_store(path)`` opens (or creates) a store for writing: one writer at a time (DuckDB
locks the file; a second writer gets ``StoreError``, not a corrupt file), a store of a newer
schema is refused, an older one is migrated in place. ``open_reader(path)`` opens one
read-only. The tables are documented column by column in docs/store.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import duckdb

from parley.errors import ParleyError
from parley.store.clusters import CLUSTER_COLUMNS, MEMBER_COLUMNS, create_tables, merge_events
from parley.store.rollup import ROLLUP_COLUMNS, rebuild

__all__ = ["SCHEMA_VERSION", "TABLES", "StoreError", "open_reader", "open_store"]

SCHEMA_VERSION = 6  # 2: event_months, the events rolled up by month (parley.store.rollup)
# 3: event_clusters and event_cluster_members, one real-world event from many reports
# (parley.store.clusters)
# 4: stances, actor x issue positions with their evidence (parley.stances)
# 5: quotes.act, a stance or act ("praised the party") rather than a statement (Quote.act)
# 6: events.location and events.location_text, where the event happened (Event.location)


class StoreError(ParleyError):
    """The store cannot be opened or written: locked by another writer, not a DuckDB file,
    or of a newer schema than this Parley knows."""

    code = "E701"


# Offsets are ``start_char``/``end_char`` (spaCy's names) rather than start/end: ``end`` is
# an SQL keyword, and every query a user types would have to quote it.
TABLES: dict[str, str] = {
    "meta": """
        key VARCHAR NOT NULL,
        value VARCHAR
    """,
    "runs": """
        run_id INTEGER NOT NULL,
        started TIMESTAMPTZ NOT NULL,
        finished TIMESTAMPTZ,
        status VARCHAR NOT NULL,
        arguments VARCHAR,
        parley_version VARCHAR,
        config_hash VARCHAR,
        ingested INTEGER DEFAULT 0,
        present INTEGER DEFAULT 0,
        duplicates INTEGER DEFAULT 0,
        failed INTEGER DEFAULT 0
    """,
    "articles": """
        seq BIGINT NOT NULL,
        article_id VARCHAR NOT NULL,
        record_id VARCHAR,
        source VARCHAR,
        position INTEGER,
        url VARCHAR,
        title VARCHAR,
        subtitle VARCHAR,
        genre VARCHAR,
        published VARCHAR,
        published_source VARCHAR,
        published_day DATE,
        modified VARCHAR,
        authors VARCHAR[],
        publisher VARCHAR,
        language VARCHAR,
        captions VARCHAR[],
        headings VARCHAR[],
        format VARCHAR,
        text VARCHAR,
        warnings VARCHAR[],
        meta VARCHAR,
        content_hash VARCHAR NOT NULL,
        signature BLOB,
        duplicate_of VARCHAR,
        similarity DOUBLE,
        parley_version VARCHAR,
        config_hash VARCHAR,
        run_id INTEGER,
        ingested_at TIMESTAMPTZ,
        analysis VARCHAR
    """,
    "entities": """
        article_id VARCHAR NOT NULL,
        entity_id VARCHAR NOT NULL,
        name VARCHAR,
        kind VARCHAR,
        actor VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        roles VARCHAR[],
        affiliation VARCHAR,
        mention_count INTEGER
    """,
    "mentions": """
        article_id VARCHAR NOT NULL,
        entity_id VARCHAR NOT NULL,
        start_char INTEGER,
        end_char INTEGER,
        text VARCHAR
    """,
    "timexes": """
        article_id VARCHAR NOT NULL,
        timex_index INTEGER NOT NULL,
        text VARCHAR,
        type VARCHAR,
        value VARCHAR,
        anchor VARCHAR,
        start_char INTEGER,
        end_char INTEGER
    """,
    "quotes": """
        article_id VARCHAR NOT NULL,
        quote_id VARCHAR NOT NULL,
        text VARCHAR,
        kind VARCHAR,
        speaker VARCHAR,
        speaker_actor VARCHAR,
        speaker_text VARCHAR,
        speaker_start INTEGER,
        speaker_end INTEGER,
        cue VARCHAR,
        cue_lemma VARCHAR,
        cue_start INTEGER,
        cue_end INTEGER,
        date VARCHAR,
        venue VARCHAR,
        start_char INTEGER,
        end_char INTEGER,
        fragments VARCHAR,
        unbalanced BOOLEAN,
        duplicate BOOLEAN,
        act BOOLEAN
    """,
    "events": """
        article_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        source VARCHAR,
        source_actor VARCHAR,
        source_text VARCHAR,
        target VARCHAR,
        target_actor VARCHAR,
        target_text VARCHAR,
        cameo VARCHAR,
        root VARCHAR,
        plover VARCHAR,
        plover_mode VARCHAR,
        goldstein DOUBLE,
        quad_class TINYINT,
        date VARCHAR,
        day DATE,
        date_source VARCHAR,
        modality VARCHAR,
        sentence VARCHAR,
        start_char INTEGER,
        end_char INTEGER,
        trigger_start INTEGER,
        trigger_end INTEGER,
        confidence DOUBLE,
        duplicate BOOLEAN,
        location VARCHAR,
        location_text VARCHAR
    """,
    "failures": """
        source VARCHAR NOT NULL,
        position INTEGER,
        record_id VARCHAR,
        stage VARCHAR,
        code VARCHAR,
        message VARCHAR,
        run_id INTEGER,
        failed_at TIMESTAMPTZ
    """,
    "event_months": ROLLUP_COLUMNS,
    "event_clusters": CLUSTER_COLUMNS,
    "event_cluster_members": MEMBER_COLUMNS,
    "stances": """
        article_id VARCHAR NOT NULL,
        stance_id VARCHAR NOT NULL,
        actor VARCHAR,
        actor_code VARCHAR,
        actor_name VARCHAR,
        issue VARCHAR,
        position VARCHAR,
        evidence VARCHAR[],
        quote_id VARCHAR,
        event_id VARCHAR,
        sentence VARCHAR,
        start_char INTEGER,
        end_char INTEGER,
        speaker_role VARCHAR,
        date VARCHAR,
        day DATE,
        duplicate BOOLEAN,
        mode VARCHAR,
        condition VARCHAR,
        condition_issue VARCHAR,
        modality VARCHAR,
        reported_by VARCHAR,
        basis VARCHAR,
        confidence DOUBLE,
        cue_start INTEGER,
        cue_end INTEGER
    """,
}

# Indexes the queries lean on; none is UNIQUE (the writer keeps keys unique itself: DuckDB
# checks unique indexes eagerly, so a delete and re-insert of one key in a transaction fails).
INDEXES = (
    "CREATE INDEX IF NOT EXISTS articles_id ON articles(article_id)",
    "CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash)",
)

# Migrations from version N to N + 1, run in order inside one transaction.


def _add_rollup(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"CREATE TABLE IF NOT EXISTS event_months ({ROLLUP_COLUMNS})")
    rebuild(con)


def _add_clusters(con: duckdb.DuckDBPyConnection) -> None:
    create_tables(con)
    merge_events(con, transaction=False)


def _add_stances(con: duckdb.DuckDBPyConnection) -> None:
    """The stances table, filled from the stored analyses' ``stances`` (no re-analysis: an
    article stored before the stance stage existed has none, until it is ingested again
    with ``--force``)."""
    import json

    from parley.store.rows import STANCE_COLUMNS, stance_rows

    con.execute(f"CREATE TABLE IF NOT EXISTS stances ({TABLES['stances']})")
    con.execute("DELETE FROM stances")
    names = ", ".join(STANCE_COLUMNS)
    marks = ", ".join("?" for _ in STANCE_COLUMNS)
    # Only analyses that hold a stance are read: the stored JSON writes '"stances": [{'.
    found = con.execute(
        "SELECT article_id FROM articles WHERE analysis LIKE '%\"stances\": [{%' ORDER BY seq"
    ).fetchall()
    ids = [row[0] for row in found]
    for n in range(0, len(ids), 500):
        batch = con.execute(
            "SELECT analysis, duplicate_of IS NOT NULL FROM articles"
            " WHERE list_contains(?, article_id) ORDER BY seq",
            [ids[n : n + 500]],
        ).fetchall()
        rows = [r for analysis, dup in batch for r in stance_rows(json.loads(analysis), dup)]
        if rows:
            con.executemany(f"INSERT INTO stances ({names}) VALUES ({marks})", rows)


def _add_quote_act(con: duckdb.DuckDBPyConnection) -> None:
    """``quotes.act``: false for every stored quote, but those whose stored analysis marks
    them (an analysis made by a Parley that marked acts before its store had the column).
    Appended last, so a migrated table has a new store's column order."""
    import json

    con.execute("ALTER TABLE quotes ADD COLUMN IF NOT EXISTS act BOOLEAN")
    con.execute("UPDATE quotes SET act = false WHERE act IS NULL")
    # Only analyses that mark an act are read: the stored JSON writes '"act": true'.
    found = con.execute(
        "SELECT article_id, analysis FROM articles WHERE analysis LIKE '%\"act\": true%'"
    ).fetchall()
    for article_id, analysis in found:
        acts = [q["id"] for q in json.loads(analysis).get("quotes") or () if q.get("act")]
        if acts:
            con.execute(
                "UPDATE quotes SET act = true WHERE article_id = ? AND list_contains(?, quote_id)",
                [article_id, acts],
            )


def _add_event_location(con: duckdb.DuckDBPyConnection) -> None:
    """``events.location`` and ``events.location_text``, appended last like ``quotes.act``:
    filled from the stored analyses that give a place (an analysis made before the stage
    existed gives none, until its article is ingested again with ``--force``)."""
    import json

    for column in ("location", "location_text"):
        con.execute(f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {column} VARCHAR")
    # Only analyses that place an event are read: the stored JSON writes '"location": "'.
    found = con.execute(
        "SELECT article_id, analysis FROM articles WHERE analysis LIKE '%\"location\": \"%'"
    ).fetchall()
    for article_id, analysis in found:
        for event in json.loads(analysis).get("events") or ():
            if event.get("location"):
                con.execute(
                    "UPDATE events SET location = ?, location_text = ?"
                    " WHERE article_id = ? AND event_id = ?",
                    [event["location"], event.get("location_text"), article_id, event["id"]],
                )


MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {
    1: _add_rollup,
    2: _add_clusters,
    3: _add_stances,
    4: _add_quote_act,
    5: _add_event_location,
}


def open_store(path: Path) -> duckdb.DuckDBPyConnection:
    """The store at ``path`` opened for writing, created or migrated to ``SCHEMA_VERSION``."""
    con = _connect(path, read_only=False)
    try:
        _prepare(con, path)
    except BaseException:
        con.close()
        raise
    return con


def open_reader(path: Path) -> duckdb.DuckDBPyConnection:
    """The store at ``path`` opened read-only (queries, exports)."""
    if not path.is_file():
        raise StoreError(f"no store at {path} (run parley ingest first, or give --db)")
    con = _connect(path, read_only=True)
    version = _version(con)
    if version is None or version > SCHEMA_VERSION:
        con.close()
        raise StoreError(_version_problem(path, version))
    if version < SCHEMA_VERSION:
        con.close()
        raise StoreError(f"{path} has schema version {version}: run parley ingest once to migrate")
    return con


def _connect(path: Path, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as err:
        raise StoreError(_io_problem(path, str(err))) from err
    except duckdb.Error as err:
        raise StoreError(f"{path} cannot be opened as a Parley store ({_first_line(err)})") from err


def _io_problem(path: Path, message: str) -> str:
    if "lock" in message.lower():
        pid = re.search(r"PID (\d+)", message)
        holder = f" (process {pid.group(1)})" if pid else ""
        return (
            f"{path} is open in another process{holder}: a store has one writer at a time, "
            "and readers wait until it finishes"
        )
    if "not a valid DuckDB database" in message or "invalid" in message.lower():
        return f"{path} is not a DuckDB database (a Parley store is one): give another --db"
    return f"{path} cannot be opened ({message.splitlines()[0]})"


def _first_line(err: BaseException) -> str:
    return str(err).splitlines()[0] if str(err) else type(err).__name__


def _prepare(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    version = _version(con)
    if version is None:
        if _has_tables(con):
            raise StoreError("the database holds tables but no Parley schema: give another --db")
        _create(con)
        return
    if version > SCHEMA_VERSION:
        raise StoreError(_version_problem(path, version))
    if version < SCHEMA_VERSION:
        con.begin()
        for step in range(version, SCHEMA_VERSION):
            MIGRATIONS[step](con)
        _set_version(con, SCHEMA_VERSION)
        con.commit()


def _create(con: duckdb.DuckDBPyConnection) -> None:
    con.begin()
    for name, columns in TABLES.items():
        con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({columns})")
    for statement in INDEXES:
        con.execute(statement)
    con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
    con.commit()


def _version(con: duckdb.DuckDBPyConnection) -> int | None:
    if not _has_table(con, "meta"):
        return None
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else None


def _set_version(con: duckdb.DuckDBPyConnection, version: int) -> None:
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()
    return bool(row and row[0])


def _has_tables(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute("SELECT count(*) FROM information_schema.tables").fetchone()
    return bool(row and row[0])


def _version_problem(path: Path, version: int | None) -> str:
    if version is None:
        return f"{path} is a DuckDB database but not a Parley store"
    return (
        f"{path} has schema version {version}, newer than this Parley's {SCHEMA_VERSION}: "
        "upgrade Parley to read it"
    )
