"""Near-duplicates on Spark: the local writer's rule, with the LSH lookup as a join.

The local writer matches each new article against every article stored before it (MinHash
LSH over the stored signatures, in storage order) and names the earliest original. Here:

1. each signature is cut into the LSH index's own bands (``NearDuplicates.bands``), and
   grouping by (band, values) finds every pair that shares a band, as the index's lookup
   would;
2. only pairs whose later article is new in this run are kept, scored (the estimated Jaccard
   similarity) and those at or over the threshold collected: few, even for a large corpus;
3. the driver walks the new articles in storage order and names each one's original with
   ``earliest_original``, the rule the local writer follows, reading the originals that
   earlier runs stored.

So the flags are the ones the local engine would set on the same articles in the same order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from parley.store.dedup import NearDuplicates, earliest_original, jaccard

__all__ = ["near_duplicates"]

Member = tuple[int, str, str | None]  # seq, article id, its stored original


def near_duplicates(
    members: Any, first_new: int, threshold: float, stored: Any = None, partitions: int = 1
) -> dict[str, tuple[str, float]]:
    """New article id -> (original, similarity) for the new articles (seq >= ``first_new``)
    that nearly duplicate an earlier one. ``members``: an RDD of (seq, article id, original
    as stored before this run, signature) of every article kept; ``stored``: the earlier
    articles (a DataFrame with ``article_id`` and ``seq``), where originals are looked up.
    One Spark job: each signature goes to its bands' groups, each group pairs its members
    with the new ones after them and scores the pairs; only pairs at or over the threshold,
    few, come to the driver. ``partitions``: the job's tasks per stage, sized to the
    signatures (small) rather than to the analysis: each Python task has a fixed cost of its
    own, which on a short run outweighed the scoring. ``partitions=0``: the signatures are
    few enough to score on the driver (one stage that collects them, where the job above
    has three, each with its Python tasks): the same banding and scoring, in this process."""
    bands = NearDuplicates(threshold).bands()
    if partitions == 0:
        groups: dict[tuple[int, bytes], list[tuple[Any, ...]]] = defaultdict(list)
        banded = _Banded(bands)
        for member in members.collect():
            for key, value in banded(member):
                groups[key].append(value)
        score = _Scored(first_new, threshold)
        found = sorted({pair for group in groups.items() for pair in score(group)})
    else:
        banded_rdd = members.coalesce(partitions).flatMap(_Banded(bands))
        grouped = banded_rdd.groupByKey(partitions)
        found = grouped.flatMap(_Scored(first_new, threshold)).distinct(partitions).collect()
    return _resolve(found, stored, first_new)


@dataclass(frozen=True)
class _Banded:
    bands: list[tuple[int, int]]

    def __call__(
        self, member: tuple[int, str, str | None, bytes]
    ) -> Iterator[tuple[tuple[int, bytes], tuple[int, str, str | None, bytes]]]:
        signature = member[3]
        for number, (start, end) in enumerate(self.bands):
            yield (number, signature[start * 8 : end * 8]), member


@dataclass(frozen=True)
class _Scored:
    first_new: int
    threshold: float

    def __call__(
        self, group: tuple[Any, Iterable[tuple[Any, ...]]]
    ) -> Iterator[tuple[tuple[Member, Member], float]]:
        members = sorted(group[1])
        for n, (seq, aid, _, signature) in enumerate(members):
            if seq < self.first_new:
                continue
            for e_seq, e_aid, e_original, e_signature in members[:n]:
                similarity = jaccard(e_signature, signature)
                if similarity >= self.threshold:
                    yield ((e_seq, e_aid, e_original), (seq, aid, None)), similarity


def _resolve(
    scored: list[tuple[tuple[Member, Member], float]], stored: Any, first_new: int
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
    if missing and stored is not None:  # originals that matched nothing new: their order
        found = stored.where(stored.article_id.isin(missing)).select("article_id", "seq")
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
