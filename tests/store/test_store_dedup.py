"""Near-duplicates: MinHash LSH over word shingles, the earliest original wins."""

from __future__ import annotations

import pytest

from parley.store.dedup import NearDuplicates, from_bytes, signature, to_bytes

STORY = (
    "The two delegations met for four hours in the capital on Tuesday and agreed to resume "
    "talks on the disputed fishing grounds next month, officials from both sides said after "
    "the meeting, adding that a joint statement would follow within days."
)
OTHER = (
    "Heavy rain flooded the lower town overnight and the river rose above its banks for the "
    "first time in a decade, forcing hundreds of families to leave their homes before dawn."
)


def test_store_dedup_signature_is_stable_and_round_trips() -> None:
    first = signature(STORY)
    assert to_bytes(first) == to_bytes(signature(STORY))
    assert from_bytes(to_bytes(first)).jaccard(first) == 1.0


def test_store_dedup_matches_a_repost_not_another_story() -> None:
    index = NearDuplicates()
    index.add("a", signature(STORY))
    index.add("b", signature(OTHER))
    repost = STORY + " Reporting by the wire desk."
    match = index.match("c", signature(repost))
    assert match is not None and match[0] == "a" and match[1] >= 0.8
    assert index.match("d", signature("A short unrelated note about the weather today.")) is None


def test_store_dedup_points_at_the_earliest_original() -> None:
    index = NearDuplicates()
    index.add("first", signature(STORY))
    index.add("copy", signature(STORY), duplicate_of="first")
    assert index.match("third", signature(STORY)) == ("first", 1.0)


@pytest.mark.parametrize("threshold", [0.0, 1.5])
def test_store_dedup_threshold_must_be_a_similarity(threshold: float) -> None:
    with pytest.raises(ValueError, match="threshold"):
        NearDuplicates(threshold)
