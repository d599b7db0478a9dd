"""The role and organisation-word table: the longest phrase inside a text gives the sector,
the first listed among equals; the same answers as trying every window of words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parley.kb.base import PhraseTable, _singular
from parley.kb.normalize import normalize_name

ROWS = [
    ("naval commander", "MIL", "t:1"),
    ("commander", "GOV", "t:2"),
    ("foreign ministry", "GOV", "t:3"),
    ("ministry", "GOV", "t:4"),
    ("ministry of health", "HLH", "t:5"),
    ("spokesman", None, "t:6"),
    ("health", "HLH", "t:7"),
    ("press", "MED", "t:8"),
    ("press office", "GOV", "t:9"),
]
WORDS = ("naval", "commander", "foreign", "ministry", "of", "health", "press", "office",
         "spokesman", "the", "ministries", "commanders")


def _windows(table: PhraseTable, text: str) -> str | None:
    """The old search: every window, longest first, the first listed among equals."""
    key = normalize_name(text)
    if key in table.entries:
        return table.entries[key][0]
    for words in (key.split(), [_singular(w) for w in key.split()]):
        for size in range(len(words), 0, -1):
            hits = [table.entries.get(" ".join(words[i : i + size]))
                    for i in range(len(words) - size + 1)]
            named = [hit for hit in hits if hit is not None and hit[0] is not None]
            if named:
                return min(named, key=lambda hit: hit[1])[0]
    return None


def test_kb_phrase_table_longest_then_first_listed() -> None:
    table = PhraseTable.build(ROWS)
    assert table.sector("the naval commander of the fleet") == "MIL"
    assert table.sector("Ministry of Health official") == "HLH"
    assert table.sector("press office spokesman") == "GOV"
    assert table.sector("spokesman") is None
    assert table.sector("rebel commanders") == "GOV"


@settings(max_examples=200, derandomize=True)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=7).map(" ".join))
def test_kb_phrase_table_equals_the_window_search(text: str) -> None:
    table = PhraseTable.build(ROWS)
    assert table.sector(text) == _windows(table, text)
