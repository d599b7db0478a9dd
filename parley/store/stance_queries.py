"""Stances in the store: the rows, and their aggregation over time (``parley stances``).

    >>> from parley.store.schema import open_reader                      # doctest: +SKIP
    >>> from parley.store.stance_queries import StanceFilters, stance_periods
    >>> con = open_reader(Path("kcna.duckdb"))                           # doctest: +SKIP
    >>> table = stance_periods(con, StanceFilters(actor="PRK", issue="sanctions"), "month")

``stances`` returns the rows (newest evidence last); ``stance_periods`` counts them per period
x actor x issue x position and names the strongest stance of each cell (the highest
confidence; of equals the earliest, then by article and stance id), with its sentence and
evidence, so a brief can cite it. Both leave out near-duplicate articles unless
``duplicates`` is set, and both are plain SQL over the ``stances`` table (docs/store.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

import duckdb

from parley.store.queries import Table

__all__ = ["ACTOR_LEVELS", "StanceFilters", "stance_periods", "stances"]

Period = Literal["day", "week", "month", "year"]
ACTOR_LEVELS = ("code", "country")
# An actor's country: the code's first three letters; international organisations whole.
COUNTRY_SQL = (
    "CASE WHEN starts_with(s.actor_code, 'IGO') THEN s.actor_code ELSE left(s.actor_code, 3) END"
)


@dataclass(frozen=True)
class StanceFilters:
    actor: str | None = None  # an actor code or its prefix ("PRK" matches PRKGOV)
    issue: str | None = None
    position: str | None = None
    basis: str | None = None  # text, event or context
    since: date | None = None
    until: date | None = None
    duplicates: bool = False  # include near-duplicate articles
    limit: int | None = 100


def _where(f: StanceFilters) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if not f.duplicates:
        clauses.append("NOT s.duplicate")
    if f.actor:
        clauses.append("starts_with(s.actor_code, ?)")
        params.append(f.actor.upper())
    if f.issue:
        clauses.append("s.issue = ?")
        params.append(f.issue.lower())
    if f.position:
        clauses.append("s.position = ?")
        params.append(f.position.lower())
    if f.basis:
        clauses.append("s.basis = ?")
        params.append(f.basis.lower())
    if f.since:
        clauses.append("s.day >= ?")
        params.append(f.since)
    if f.until:
        clauses.append("s.day <= ?")
        params.append(f.until)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _limit(f: StanceFilters) -> str:
    return f" LIMIT {int(f.limit)}" if f.limit else ""


def _run(con: duckdb.DuckDBPyConnection, sql: str, params: list[object]) -> Table:
    cursor = con.execute(sql, params)
    return Table([d[0] for d in cursor.description or ()], cursor.fetchall())


def stances(con: duckdb.DuckDBPyConnection, f: StanceFilters) -> Table:
    """The stance rows that pass the filters, by day (undated last), article and stance."""
    where, params = _where(f)
    sql = (
        "SELECT s.article_id, s.stance_id AS id, s.date, s.day, s.actor, s.actor_code,"
        " s.actor_name, s.speaker_role, s.issue, s.position, s.mode, s.condition,"
        " s.condition_issue, s.modality, s.reported_by, s.basis, s.confidence, s.evidence,"
        ' s.quote_id, s.event_id, s.sentence, s.start_char AS start, s.end_char AS "end",'
        " s.cue_start, s.cue_end, s.duplicate, a.title, a.url"
        " FROM stances s JOIN articles a USING (article_id)"
        f"{where} ORDER BY s.day NULLS LAST, a.seq, s.start_char, s.stance_id{_limit(f)}"
    )
    return _run(con, sql, params)


def stance_periods(
    con: duckdb.DuckDBPyConnection,
    f: StanceFilters,
    by: Period = "month",
    *,
    level: str = "country",
) -> Table:
    """Stances per period x actor x issue x position, with the strongest stance of each cell.
    ``level`` groups actors by their full code or by their country (the default)."""
    if by not in ("day", "week", "month", "year"):
        raise ValueError(f"period {by!r}")
    if level not in ACTOR_LEVELS:
        raise ValueError(f"actor level {level!r}")
    actor = "s.actor_code" if level == "code" else COUNTRY_SQL
    where, params = _where(f)
    where += (" AND " if where else " WHERE ") + "s.day IS NOT NULL AND s.actor_code IS NOT NULL"
    # The strongest stance of a cell: the highest confidence, of equals the earliest date,
    # then article and stance id (one arg_min over a key that sorts that way: a window that
    # ranks every row took three times as long on a million stances).
    key = "struct_pack(c := -s.confidence, d := s.date, a := s.article_id, i := s.stance_id)"
    best = (
        "struct_pack(sentence := s.sentence, actor := s.actor_name, date := s.date,"
        " article := s.article_id, stance := s.stance_id, evidence := s.evidence)"
    )
    sql = f"""
        SELECT period, actor, issue, position, stances, articles, from_context,
               best.sentence AS strongest, best.actor AS strongest_actor,
               best.date AS strongest_date, best.article AS strongest_article,
               best.stance AS strongest_stance, best.evidence AS strongest_evidence
        FROM (
            SELECT CAST(date_trunc('{by}', s.day) AS DATE) AS period, {actor} AS actor,
                   s.issue, s.position, count(*) AS stances,
                   count(DISTINCT s.article_id) AS articles,
                   count(*) FILTER (WHERE s.basis = 'context') AS from_context,
                   arg_min({best}, {key}) AS best
            FROM stances s{where}
            GROUP BY ALL
        )
        ORDER BY period, actor, issue, position{_limit(f)}
    """
    return _run(con, sql, params)
