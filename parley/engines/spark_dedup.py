"""Near-duplicates on Spark: the local writer's rule, with the LSH lookup as a join.

The local writer matches each new article against every article stored before it (MinHash
LSH over the stored signatures, in storage order) and names the earliest original. Here:

1. each signature is cut into the LSH index's own bands (``NearDuplicates.bands``), and a
   join on (band, values) finds every pair that shares a band, as the index's lookup would;
2. only pairs whose later article is new in this run are kept, scored (the estimated Jaccard
   similarity) and those at or over the threshold collected: few, even for a large corpus;
3. the driver walks the new articles in storage order and names each one's original with
   ``earliest_original``, the rule the local writer follows, reading the originals that
   earlier runs stored.

So the flags are the ones the local engine would set on the same articles in the same order.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from parley.store.dedup import NearDuplicates, earliest_original, jaccard

__all__ = ["near_duplicates"]

Member = tuple[int, str, str | None]  # seq, article id, its stored original


def near_duplicates(
    signatures: Any, first_new: int, threshold: float
) -> dict[str, tuple[str, float]]:
    """New article id -> (original, similarity) for the new articles (seq >= ``first_new``)
    that nearly duplicate an earlier one. ``signatures``: a DataFrame of every article kept
    (``seq``, ``article_id``, ``signature``, ``duplicate_of`` as stored before this run).
    The band join runs in Spark SQL (no Python on the executors); the candidate pairs, few,
    are scored on the driver."""
    from pyspark.sql import functions as F

    bands = NearDuplicates(threshold).bands()
    keys = F.array(*[F.substring("signature", s * 8 + 1, (e - s) * 8) for s, e in bands])
    banded = signatures.where(F.col("signature").isNotNull()).select(
        "seq", "article_id", F.posexplode(keys).alias("band", "key")
    )
    a, b = banded.alias("a"), banded.alias("b")
    pairs = (
        a.join(b, (F.col("a.band") == F.col("b.band")) & (F.col("a.key") == F.col("b.key"))
               & (F.col("a.seq") < F.col("b.seq")) & (F.col("b.seq") >= first_new))
        .select(F.col("a.article_id").alias("earlier"), F.col("b.article_id").alias("later"))
        .distinct()
    )  # fmt: skip
    stored = signatures.select("article_id", "seq", "signature", "duplicate_of")
    e = stored.select(*[F.col(c).alias(f"e_{c}") for c in stored.columns])
    later = stored.select(*[F.col(c).alias(f"l_{c}") for c in stored.columns])
    wanted = ("e_seq", "e_article_id", "e_duplicate_of", "e_signature", "l_seq",
              "l_article_id", "l_signature")  # fmt: skip
    joined = pairs.join(e, pairs.earlier == e.e_article_id)
    rows = joined.join(later, pairs.later == later.l_article_id).select(*wanted).collect()
    scored = []
    for r in rows:
        similarity = jaccard(bytes(r.e_signature), bytes(r.l_signature))
        if similarity >= threshold:
            earlier: Member = (int(r.e_seq), r.e_article_id, r.e_duplicate_of)
            new: Member = (int(r.l_seq), r.l_article_id, None)
            scored.append(((earlier, new), similarity))
    return _resolve(scored, signatures, first_new)


def _resolve(
    scored: list[tuple[tuple[Member, Member], float]], signatures: Any, first_new: int
) -> dict[str, tuple[str, float]]:
    order: dict[str, int] = {}
    original: dict[str, str] = {}
    candidates: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for (earlier, later), similarity in scored:
        for seq, aid, stored in (earlier, later):
            order[aid] = seq
            if stored and seq < first_new:
                original[aid] = stored
        candidates[later[1]].append((earlier[1], similarity))
    missing = sorted(set(original.values()) - set(order))
    if missing:  # originals that matched nothing new themselves: their storage order
        found = signatures.where(signatures.article_id.isin(missing)).select("article_id", "seq")
        order.update({aid: int(seq) for aid, seq in found.collect()})
    found_dups: dict[str, tuple[str, float]] = {}
    for aid in sorted(candidates, key=order.__getitem__):
        match = earliest_original(
            candidates[aid],
            lambda candidate: original.get(candidate, candidate),
            lambda article: order.get(article, len(order)),
        )
        if match:
            original[aid] = match[0]
            found_dups[aid] = match
    return found_dups
