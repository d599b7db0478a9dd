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
from collections.abc import Iterator
from typing import Any

from parley.store.dedup import NearDuplicates, earliest_original, jaccard

__all__ = ["near_duplicates"]

Member = tuple[int, str, str | None]  # seq, article id, its stored original


def near_duplicates(
    signatures: Any, first_new: int, threshold: float
) -> dict[str, tuple[str, float]]:
    """New article id -> (original, similarity) for the new articles (seq >= ``first_new``)
    that nearly duplicate an earlier one. ``signatures``: a DataFrame of every article kept
    (``seq``, ``article_id``, ``signature``, ``duplicate_of`` as stored before this run)."""
    bands = NearDuplicates(threshold).bands()
    rows = signatures.select("seq", "article_id", "signature", "duplicate_of").rdd
    members = rows.flatMap(lambda r: _banded(r, bands))
    pairs = members.groupByKey().flatMap(lambda kv: _pairs(kv[1], first_new)).distinct()
    sigs = rows.map(lambda r: (r["article_id"], bytes(r["signature"] or b"")))
    scored = (
        pairs.map(lambda p: (p[0][1], p))
        .join(sigs)
        .map(lambda kv: (kv[1][0][1][1], (kv[1][0], kv[1][1])))
        .join(sigs)
        .map(lambda kv: (kv[1][0][0], jaccard(kv[1][0][1], kv[1][1])))
        .filter(lambda pair_score: pair_score[1] >= threshold)
        .collect()
    )
    return _resolve(scored, signatures, first_new)


def _banded(row: Any, bands: list[tuple[int, int]]) -> Iterator[tuple[tuple[int, bytes], Member]]:
    data = bytes(row["signature"] or b"")
    if not data:
        return
    member = (int(row["seq"]), str(row["article_id"]), row["duplicate_of"])
    for number, (start, end) in enumerate(bands):
        yield (number, data[start * 8 : end * 8]), member


def _pairs(bucket: Any, first_new: int) -> Iterator[tuple[Member, Member]]:
    """(earlier, later) pairs of one band's bucket whose later article is new."""
    ordered = sorted(bucket)
    for j, later in enumerate(ordered):
        if later[0] < first_new:
            continue
        for earlier in ordered[:j]:
            yield earlier, later


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
