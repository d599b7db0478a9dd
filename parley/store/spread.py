"""How far GDELT-style counts spread from cluster counts: ``parley cluster --spread``.

GDELT-style counting takes every article's mention of an event as one more event: per dyad,
CAMEO root and day, the number of (original) articles that mention it. Cluster counting
takes each real-world event once (``event_clusters``). Both over the same events: original
articles only (near-duplicates fold into their original), asserted events with a day.
"""

from __future__ import annotations

import duckdb

from parley.store.queries import Table

__all__ = ["count_spread", "dyad_spread"]

# Per (dyad in either order, root, day): articles mentioning it vs clusters of it.
_KEYS = """
WITH mentions AS (
    SELECT least(coalesce(source_actor, '-'), coalesce(target_actor, '-')) AS a,
           greatest(coalesce(source_actor, '-'), coalesce(target_actor, '-')) AS b,
           root, day, count(DISTINCT article_id) AS articles
    FROM events WHERE NOT duplicate AND modality = 'asserted' AND day IS NOT NULL
    GROUP BY ALL
),
clusters AS (
    SELECT least(coalesce(source_actor, '-'), coalesce(target_actor, '-')) AS a,
           greatest(coalesce(source_actor, '-'), coalesce(target_actor, '-')) AS b,
           root, day, count(*) AS clusters
    FROM event_clusters WHERE NOT duplicate AND modality = 'asserted' AND day IS NOT NULL
    GROUP BY ALL
),
keys AS (
    SELECT a, b, root, day, coalesce(m.articles, 0) AS articles,
           coalesce(c.clusters, 0) AS clusters
    FROM mentions m FULL JOIN clusters c USING (a, b, root, day)
)
"""


def count_spread(con: duckdb.DuckDBPyConnection) -> Table:
    """One row of totals and quantiles: per-article counts against cluster counts."""
    sql = (
        _KEYS
        + """
    SELECT (SELECT count(*) FROM events WHERE NOT duplicate AND modality = 'asserted'
             AND day IS NOT NULL) AS event_mentions,
           sum(articles) AS per_article_count, sum(clusters) AS cluster_count,
           round(sum(articles) / nullif(sum(clusters), 0), 3) AS ratio,
           count(*) AS dyad_root_days,
           count(*) FILTER (WHERE articles > clusters) AS days_inflated,
           (SELECT round(avg(n_articles), 3) FROM event_clusters
             WHERE NOT duplicate AND modality = 'asserted') AS mean_articles_per_cluster,
           (SELECT quantile_disc(n_articles, 0.9) FROM event_clusters
             WHERE NOT duplicate AND modality = 'asserted') AS p90_articles_per_cluster,
           (SELECT max(n_articles) FROM event_clusters
             WHERE NOT duplicate AND modality = 'asserted') AS max_articles_per_cluster
    FROM keys
    """
    )
    cursor = con.execute(sql)
    return Table([d[0] for d in cursor.description or ()], cursor.fetchall())


def dyad_spread(con: duckdb.DuckDBPyConnection, limit: int = 10) -> Table:
    """The dyads (either order) with the most per-article counts, and their cluster counts."""
    sql = (
        _KEYS
        + f"""
    SELECT a || ':' || b AS dyad, sum(articles) AS per_article_count,
           sum(clusters) AS cluster_count,
           round(sum(articles) / nullif(sum(clusters), 0), 3) AS ratio
    FROM keys WHERE a <> '-' AND b <> '-'
    GROUP BY dyad ORDER BY per_article_count DESC, dyad LIMIT {int(limit)}
    """
    )
    cursor = con.execute(sql)
    return Table([d[0] for d in cursor.description or ()], cursor.fetchall())
