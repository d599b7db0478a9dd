"""Near-duplicate stories: MinHash signatures over word shingles, looked up with LSH.

A wire copy or re-post of a story is stored with ``duplicate_of`` naming the first stored
article it matches (estimated Jaccard similarity of their 5-word shingles at or over the
threshold, 0.8 by default), so counts can leave it out. The signature is kept in the store,
and the index is rebuilt from it in storage order, so a resumed run marks exactly what an
uninterrupted one would.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = [
    "DEFAULT_THRESHOLD", "NearDuplicates", "earliest_original", "jaccard", "permutations",
    "signature",
]

DEFAULT_THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE = 5  # words: long enough that shared boilerplate phrases do not make stories alike
SEED = 1  # fixed, so signatures stored by one run compare with the next run's
SCHEME = "affine32"  # named, so a later datasketch default cannot change stored signatures
_WORD = re.compile(r"\w+")


Permutations = tuple[np.ndarray, np.ndarray]


def permutations() -> Permutations:
    """The fixed permutations every signature uses (from ``SEED``). Making them costs more
    than hashing a story, so the writer makes them once and passes them to each call."""
    made: Permutations = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations
    return made


def signature(text: str, perms: Permutations | None = None) -> MinHash:
    """The MinHash of a text's lower-cased word shingles (its words, when it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) >= SHINGLE:
        shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    else:
        shingles = set(words) or {""}
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=perms)
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return minhash


def from_bytes(data: bytes, perms: Permutations | None = None) -> MinHash:
    values = np.frombuffer(data, dtype=np.uint64).copy()
    return MinHash(
        num_perm=NUM_PERM, seed=SEED, hashvalues=values, scheme=SCHEME, permutations=perms
    )


def to_bytes(minhash: MinHash) -> bytes:
    return bytes(np.asarray(minhash.hashvalues, dtype=np.uint64).tobytes())


def jaccard(first: bytes, second: bytes) -> float:
    """The estimated Jaccard similarity of two stored signatures (datasketch's estimate: the
    share of the permutations whose minimum agrees)."""
    a = np.frombuffer(first, dtype=np.uint64)
    b = np.frombuffer(second, dtype=np.uint64)
    return float(np.count_nonzero(a == b)) / float(len(a))


def earliest_original(
    candidates: Iterable[tuple[str, float]],
    original_of: Callable[[str], str],
    order_of: Callable[[str], int],
) -> tuple[str, float] | None:
    """Of the stored articles a new one nearly duplicates (each with its similarity, all at
    or over the threshold), the original to name: the earliest stored one, reached through a
    candidate that is itself a duplicate when need be. Ties (two candidates leading to one
    original) go to the most similar candidate, then the earliest: the one rule both engines
    follow, so neither depends on the order an index hands candidates back in."""
    best: tuple[int, float, int, str, float] | None = None
    for candidate, similarity in candidates:
        original = original_of(candidate)
        key = (order_of(original), -similarity, order_of(candidate), original, similarity)
        if best is None or key < best:
            best = key
    return (best[3], best[4]) if best else None


class NearDuplicates:
    """The LSH index of the stored articles, in storage order."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("the near-duplicate threshold is a Jaccard similarity in (0, 1]")
        self.threshold = threshold
        self.permutations = permutations()
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}
        self._original: dict[str, str] = {}  # a duplicate's article -> the original's id

    def add(self, article_id: str, minhash: MinHash, duplicate_of: str | None = None) -> None:
        if article_id in self._signatures:
            return
        self._lsh.insert(article_id, minhash)
        self._signatures[article_id] = minhash
        self._order[article_id] = len(self._order)
        if duplicate_of:
            self._original[article_id] = duplicate_of

    def load(self, rows: Iterable[tuple[str, bytes | None, str | None]]) -> None:
        """(article_id, signature, duplicate_of) rows in storage order."""
        for article_id, data, duplicate_of in rows:
            if data:
                self.add(article_id, from_bytes(data, self.permutations), duplicate_of)

    def match(self, article_id: str, minhash: MinHash) -> tuple[str, float] | None:
        """The earliest stored original this text nearly duplicates, with the similarity."""
        candidates = []
        for candidate in self._lsh.query(minhash):
            if candidate == article_id:
                continue
            similarity = float(minhash.jaccard(self._signatures[candidate]))
            if similarity >= self.threshold:
                candidates.append((candidate, similarity))
        return earliest_original(
            candidates,
            lambda candidate: self._original.get(candidate, candidate),
            lambda article: self._order.get(article, len(self._order)),
        )

    def bands(self) -> list[tuple[int, int]]:
        """The LSH index's bands, as (first, last + 1) permutation numbers: two signatures are
        compared when they agree on every value of at least one band (the Spark engine finds
        the same candidates with a join on these)."""
        return [(int(start), int(end)) for start, end in self._lsh.hashranges]
