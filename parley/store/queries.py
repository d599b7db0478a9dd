"""The store's read-only queries, as SQL over the tables of docs/store.md.

Each function takes an open connection and a ``Filters`` and returns a ``Table`` (column
names and rows). Column names follow the ``parley.analysis/1`` contract (``start``/``end``,
``id``) plus ``article_id``. Near-duplicate articles are left out unless
``Filters.duplicates`` is set, so no count includes a story twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

import duckdb

from parley.store.rollup import covers

__all__ = [
    "Filters",
    "Table",
    "actors",
    "events",
    "failures",
    "quotes",
    "read_only_sql",
    "timeline",
]

Period = Literal["day", "week", "month", "year"]
QUAD_NAMES = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")


@dataclass(frozen=True)
class Filters:
    actor: str | None = None  # either side of an event, or a quote's speaker (code prefix)
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None  # either direction
    root: str | None = None  # CAMEO root ("04") or any code prefix
    plover: str | None = None
    since: date | None = None
    until: date | None = None
    modality: str | None = None
    speaker: str | None = None
    text: str | None = None  # words that must all appear (case-insensitive)
    code: str | None = None  # failures: an error code
    stage: str | None = None  # failures: a stage
    duplicates: bool = False  # include near-duplicate articles
    statements: bool = False  # quotes: statements only, no stance or act (``quotes.act``)
    limit: int | None = 100


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[tuple[Any, ...]]


@dataclass
class Where:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""


def parse_dyad(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    first, sep, second = value.partition(":")
    if not sep or not first.strip() or not second.strip():
        from parley.errors import InputError

        raise InputError(f"--dyad {value!r}: give two actor codes as A:B, e.g. USA:PRK")
    return first.strip().upper(), second.strip().upper()


def _actor(column: str) -> str:
    # Actor codes are CAMEO-style: the country first, so "USA" matches "USAGOV", "USAMIL".
    # A missing code gives NULL, which WHERE drops (no coalesce: it costs 7 % on 1M events).
    return f"starts_with({column}, ?)"


def _words(where: Where, column: str, text: str | None) -> None:
    for word in (text or "").split():
        where.add(f"{column} ILIKE ?", f"%{word}%")


def _event_filters(f: Filters, where: Where, day: str = "e.day") -> None:
    if not f.duplicates:
        where.add("NOT e.duplicate")
    if f.actor:
        where.add(f"({_actor('e.source_actor')} OR {_actor('e.target_actor')})",
                  f.actor.upper(), f.actor.upper())  # fmt: skip
    if f.source:
        where.add(_actor("e.source_actor"), f.source.upper())
    if f.target:
        where.add(_actor("e.target_actor"), f.target.upper())
    if f.dyad:
        a, b = f.dyad
        one_way = f"({_actor('e.source_actor')} AND {_actor('e.target_actor')})"
        where.add(f"({one_way} OR {one_way})", a, b, b, a)
    if f.root:
        where.add("starts_with(e.cameo, ?)", f.root)
    if f.plover:
        where.add("e.plover = ?", f.plover.upper())
    if f.modality:
        where.add("e.modality = ?", f.modality)
    if f.since:
        where.add(f"{day} >= ?", f.since)
    if f.until:
        where.add(f"{day} <= ?", f.until)
    _words(where, "e.sentence", f.text)


def _limit(f: Filters) -> str:
    return f" LIMIT {int(f.limit)}" if f.limit else ""


def events(con: duckdb.DuckDBPyConnection, f: Filters) -> Table:
    where = Where()
    _event_filters(f, where)
    sql = (
        "SELECT e.article_id, e.event_id AS id, e.date, e.date_source, e.source, e.source_actor,"
        " e.source_text, e.target, e.target_actor, e.target_text, e.cameo, e.plover,"
        " e.plover_mode, e.goldstein, e.quad_class, e.modality, e.sentence,"
        ' e.start_char AS start, e.end_char AS "end", e.trigger_start, e.trigger_end,'
        " e.confidence, e.duplicate, e.location, e.location_text, a.title, a.url"
        " FROM events e JOIN articles a USING (article_id)"
        f"{where.sql()} ORDER BY e.day NULLS LAST, a.seq, e.event_id{_limit(f)}"
    )
    return _run(con, sql, where.params)


def quotes(con: duckdb.DuckDBPyConnection, f: Filters) -> Table:
    where = Where()
    day = "coalesce(TRY_CAST(q.date AS DATE), a.published_day)"
    if not f.duplicates:
        where.add("NOT q.duplicate")
    if f.statements:
        where.add("NOT coalesce(q.act, false)")
    if f.actor:
        where.add(_actor("q.speaker_actor"), f.actor.upper())
    if f.speaker:
        where.add("(q.speaker_text ILIKE ? OR en.name ILIKE ?)", f"%{f.speaker}%", f"%{f.speaker}%")
    if f.since:
        where.add(f"{day} >= ?", f.since)
    if f.until:
        where.add(f"{day} <= ?", f.until)
    _words(where, "q.text", f.text)
    sql = (
        "SELECT q.article_id, q.quote_id AS id, q.date, a.published_day, q.speaker,"
        " en.name AS speaker_name, q.speaker_actor, q.speaker_text, q.cue, q.kind, q.act,"
        ' q.venue, q.text, q.start_char AS start, q.end_char AS "end", a.title, a.url'
        " FROM quotes q JOIN articles a USING (article_id)"
        " LEFT JOIN entities en ON en.article_id = q.article_id AND en.entity_id = q.speaker"
        f"{where.sql()} ORDER BY {day} NULLS LAST, a.seq, q.start_char{_limit(f)}"
    )
    return _run(con, sql, where.params)


def actors(con: duckdb.DuckDBPyConnection, f: Filters) -> Table:
    where = Where()
    where.add("en.actor IS NOT NULL")
    if not f.duplicates:
        where.add("a.duplicate_of IS NULL")
    if f.actor:
        where.add(_actor("en.actor"), f.actor.upper())
    if f.since:
        where.add("a.published_day >= ?", f.since)
    if f.until:
        where.add("a.published_day <= ?", f.until)
    sql = (
        "SELECT en.actor, mode(en.name) AS name, mode(en.kind) AS kind,"
        " count(DISTINCT en.article_id) AS articles, sum(en.mention_count) AS mentions,"
        " min(a.published_day) AS first_seen, max(a.published_day) AS last_seen"
        " FROM entities en JOIN articles a USING (article_id)"
        f"{where.sql()} GROUP BY en.actor ORDER BY articles DESC, en.actor{_limit(f)}"
    )
    return _run(con, sql, where.params)


def timeline(
    con: duckdb.DuckDBPyConnection, f: Filters, by: Period = "month", *, rollup: bool = True
) -> Table:
    """Events per period by QuadClass with the mean Goldstein value (asserted events only
    unless ``f.modality`` names another).

    By month or year, with no filter the monthly rollup lacks (CAMEO code, PLOVER type, words)
    and whole months asked for, the answer is read from ``event_months`` (parley.store.rollup),
    a table far smaller than the events; otherwise (or with ``rollup=False``) from the events
    themselves. Both give the same rows.
    """
    f = f if f.modality else _with(f, modality="asserted")
    if rollup and covers(by, f.since, f.until) and not (f.root or f.plover or f.text):
        return _timeline_from_months(con, f, by)
    where = Where()
    where.add("e.day IS NOT NULL")
    _event_filters(f, where)
    counts = ", ".join(
        f"count(*) FILTER (WHERE e.quad_class = {i}) AS {name}"
        for i, name in enumerate(QUAD_NAMES, start=1)
    )
    sql = (
        f"SELECT CAST(date_trunc('{by}', e.day) AS DATE) AS period, {counts},"
        f" count(*) AS events, {_mean_goldstein('sum(e.goldstein)', 'count(e.goldstein)')}"
        f" FROM events e{where.sql()} GROUP BY period ORDER BY period{_limit(f)}"
    )
    return _run(con, sql, where.params)


def _mean_goldstein(total: str, n: str) -> str:
    """The mean Goldstein score, the same from the events and from the monthly rollup.
    Goldstein values have one decimal, so the sum is taken back to whole tenths first:
    sums of floating-point numbers in another order (the rollup adds batch by batch) can
    differ in the last bit, and a mean of exactly -4.145 would round either way."""
    return f"round(round({total} * 10) / nullif({n}, 0) / 10, 2) AS mean_goldstein"


def _timeline_from_months(con: duckdb.DuckDBPyConnection, f: Filters, by: Period) -> Table:
    where = Where()
    _event_filters(f, where, day="e.month")
    counts = ", ".join(
        f"CAST(coalesce(sum(e.events) FILTER (WHERE e.quad_class = {i}), 0) AS BIGINT) AS {name}"
        for i, name in enumerate(QUAD_NAMES, start=1)
    )
    sql = (
        f"SELECT CAST(date_trunc('{by}', e.month) AS DATE) AS period, {counts},"
        " CAST(sum(e.events) AS BIGINT) AS events,"
        f" {_mean_goldstein('sum(e.goldstein_sum)', 'sum(e.goldstein_n)')}"
        f" FROM event_months e{where.sql()} GROUP BY period HAVING sum(e.events) > 0"
        f" ORDER BY period{_limit(f)}"
    )
    return _run(con, sql, where.params)


def failures(con: duckdb.DuckDBPyConnection, f: Filters) -> Table:
    where = Where()
    if f.code:
        where.add("code = ?", f.code.upper())
    if f.stage:
        where.add("stage = ?", f.stage)
    _words(where, "message", f.text)
    sql = (
        "SELECT source, position, record_id, stage, code, message, failed_at FROM failures"
        f"{where.sql()} ORDER BY source, position NULLS FIRST{_limit(f)}"
    )
    return _run(con, sql, where.params)


def read_only_sql(con: duckdb.DuckDBPyConnection, sql: str) -> Table:
    """A user's SQL on a read-only connection that cannot reach files either."""
    con.execute("SET enable_external_access = false")
    return _run(con, sql, [])


def _run(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> Table:
    cursor = con.execute(sql, params)
    columns = [d[0] for d in cursor.description or ()]
    return Table(columns, cursor.fetchall())


def _with(f: Filters, **changes: Any) -> Filters:
    from dataclasses import replace

    return replace(f, **changes)
