"""The frequent words of past batches, kept in the tokenizer's cache across memory zones.

Parley parses batches inside a spaCy memory zone so that a long run's vocabulary stays flat
(``parley.pipeline``). Inside a zone spaCy's tokenizer caches nothing: every word of every
document is split into prefixes, suffixes and infixes again, and its lexeme made again, where
plain spaCy, whose vocabulary grows without bound, looks most of them up. ``WordMemory``
counts the words (whitespace-separated strings, as the tokenizer's cache keys them) of the
texts a zone parses; when the zone has ended, it tokenizes the ones seen at least twice once
more, outside any zone, which puts them in the cache for good. The cache then holds the
run's frequent words, and only them: the number kept is bounded, so memory stays flat.

A cached word is tokenized exactly as before (the cache holds the tokenizer's own result for
the string), so every parse stays the same.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# Words kept in the cache over a pipeline's life (each costs about 250 bytes: the cache
# entry, its lexeme and its string), and how often a zone must have seen a word to keep it.
KEPT_WORDS = 20_000
LEAST_SEEN = 2


class WordMemory:
    """The words a memory zone's texts used, and those already kept in the cache."""

    def __init__(self, budget: int = KEPT_WORDS) -> None:
        self.budget = budget
        self.seen: Counter[str] = Counter()
        self.kept: set[str] = set()

    def see(self, text: str) -> None:
        """Count the words of a text parsed in the current zone (while there is room)."""
        if len(self.kept) < self.budget:
            self.seen.update(text.split())

    def keep(self, nlp: Language) -> int:
        """Put the zone's frequent words in the tokenizer's cache; how many were new.
        Call only outside every memory zone (inside one the tokenizer caches nothing)."""
        seen, self.seen = self.seen, Counter()
        if getattr(nlp.vocab, "in_memory_zone", False):
            return 0
        room = self.budget - len(self.kept)
        new = [w for w, n in seen.most_common() if n >= LEAST_SEEN and w not in self.kept]
        new = new[:room]
        tokenizer = nlp.tokenizer
        for word in new:
            tokenizer(word)
        self.kept.update(new)
        return len(new)
