"""Turning points of a dyad's timeline: the periods where cooperation or conflict changed most,
each named by the events (clusters) that made the change.

The timeline is read from ``event_clusters``, so a meeting reported by thirty articles moves
it once, not thirty times. Per period: the clusters' mean Goldstein value and the share of
conflict (QuadClass 3 and 4). A period with few clusters says little, so both are shrunk
toward the dyad's mean over the whole range (``PRIOR`` pseudo-clusters of it): one lone
shelling in a quiet month is a change, but a smaller one than ten. The change between a
period and the period before it with clusters is ``Δ mean Goldstein / 10 - Δ conflict share``
(both on a scale of about one); the ``top`` periods with the largest changes are the turning
points, in time order. The clusters named for each are those of the period that pushed
hardest in the change's direction (their Goldstein value farthest from the previous period's
mean that way), most reported first among equals.

The sums are SQL over the clusters; the comparison of neighbouring periods is Python (a few
dozen rows).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any, Literal

import duckdb

__all__ = ["PRIOR", "ClusterRef", "TurningPoint", "turning_points"]

Period = Literal["day", "week", "month", "year"]
PRIOR = 3.0  # pseudo-clusters of the dyad's overall mean added to every period
NAMED = 3  # clusters named per turning point


@dataclass(frozen=True, slots=True)
class ClusterRef:
    """A cluster that made a change, with its ids and evidence."""

    cluster_id: str
    day: date | None
    source_actor: str | None
    cameo: str | None
    target_actor: str | None
    goldstein: float | None
    quad_class: int | None
    n_articles: int
    best_article_id: str
    best_event_id: str
    best_sentence: str | None


@dataclass(frozen=True, slots=True)
class TurningPoint:
    period: date
    previous: date  # the period it is compared with (the one before it that had clusters)
    direction: str  # 'toward cooperation' or 'toward conflict'
    change: float  # Δ mean Goldstein / 10 - Δ conflict share, shrunk (sign: direction)
    goldstein_change: float  # Δ of the shrunk mean Goldstein value
    conflict_share_change: float  # Δ of the shrunk share of conflict clusters
    mean_goldstein: float  # raw figures of the period, for the reader
    conflict_share: float
    clusters: int
    events: list[ClusterRef] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["kind"] = "turning_point"
        return out


def turning_points(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    by: Period = "month",
    since: date | None = None,
    until: date | None = None,
    top: int = 3,
    *,
    modality: str = "asserted",
    duplicates: bool = False,
) -> list[TurningPoint]:
    """The ``top`` turning points of the timeline of actors ``a`` and ``b`` (code prefixes,
    either direction), by ``by``, between ``since`` and ``until`` (days, inclusive)."""
    if by not in ("day", "week", "month", "year"):
        raise ValueError(f"by is day, week, month or year, not {by!r}")
    where, params = _where(a, b, since, until, modality, duplicates)
    periods = con.execute(
        f"SELECT CAST(date_trunc('{by}', c.day) AS DATE) AS period, count(*) AS n,"
        " sum(c.goldstein) AS g, count(c.goldstein) AS gn,"
        " count(*) FILTER (WHERE c.quad_class >= 3) AS conflict"
        f" FROM event_clusters c WHERE {where} GROUP BY period ORDER BY period",
        params,
    ).fetchall()
    if len(periods) < 2 or top <= 0:
        return []
    total_g = sum(p[2] or 0.0 for p in periods)
    total_gn = sum(p[3] for p in periods)
    total_n = sum(p[1] for p in periods)
    prior_g = total_g / total_gn if total_gn else 0.0
    prior_c = sum(p[4] for p in periods) / total_n

    def shrunk(p: tuple[Any, ...]) -> tuple[float, float]:
        g = ((p[2] or 0.0) + PRIOR * prior_g) / (p[3] + PRIOR)
        c = (p[4] + PRIOR * prior_c) / (p[1] + PRIOR)
        return g, c

    changes = []
    for before, now in pairwise(periods):
        (g0, c0), (g1, c1) = shrunk(before), shrunk(now)
        change = (g1 - g0) / 10.0 - (c1 - c0)
        if abs(change) > 1e-9:
            changes.append((abs(change), now, before, change, g1 - g0, c1 - c0, g0))
    chosen = sorted(changes, key=lambda c: (-c[0], c[1][0]))[:top]
    out = []
    for _, now, before, change, dg, dc, g0 in sorted(chosen, key=lambda c: c[1][0]):
        toward = 1.0 if change > 0 else -1.0
        out.append(
            TurningPoint(
                period=now[0],
                previous=before[0],
                direction="toward cooperation" if toward > 0 else "toward conflict",
                change=round(change, 4),
                goldstein_change=round(dg, 3),
                conflict_share_change=round(dc, 3),
                mean_goldstein=round((now[2] or 0.0) / now[3], 2) if now[3] else 0.0,
                conflict_share=round(now[4] / now[1], 3),
                clusters=int(now[1]),
                events=_makers(con, where, params, by, now[0], g0, toward),
            )
        )
    return out


def _where(
    a: str, b: str, since: date | None, until: date | None, modality: str, duplicates: bool
) -> tuple[str, list[Any]]:
    one_way = "(starts_with(c.source_actor, ?) AND starts_with(c.target_actor, ?))"
    clauses = [f"({one_way} OR {one_way})", "c.day IS NOT NULL", "c.modality = ?"]
    params: list[Any] = [a.upper(), b.upper(), b.upper(), a.upper(), modality]
    if not duplicates:
        clauses.append("NOT c.duplicate")
    if since:
        clauses.append("c.day >= ?")
        params.append(since)
    if until:
        clauses.append("c.day <= ?")
        params.append(until)
    return " AND ".join(clauses), params


def _makers(
    con: duckdb.DuckDBPyConnection,
    where: str,
    params: list[Any],
    by: Period,
    period: date,
    previous_mean: float,
    toward: float,
) -> list[ClusterRef]:
    rows = con.execute(
        "SELECT c.cluster_id, c.day, c.source_actor, c.cameo, c.target_actor, c.goldstein,"
        " c.quad_class, c.n_articles, c.best_article_id, c.best_event_id, c.best_sentence"
        f" FROM event_clusters c WHERE {where}"
        f" AND CAST(date_trunc('{by}', c.day) AS DATE) = ? AND c.goldstein IS NOT NULL"
        " AND (c.goldstein - ?) * ? > 0"
        " ORDER BY (c.goldstein - ?) * ? DESC, c.n_articles DESC, c.day, c.cluster_id"
        f" LIMIT {NAMED}",
        [*params, period, previous_mean, toward, previous_mean, toward],
    ).fetchall()
    return [
        ClusterRef(
            cluster_id=r[0],
            day=r[1],
            source_actor=r[2],
            cameo=r[3],
            target_actor=r[4],
            goldstein=r[5],
            quad_class=r[6],
            n_articles=int(r[7]),
            best_article_id=r[8],
            best_event_id=r[9],
            best_sentence=r[10],
        )
        for r in rows
    ]
