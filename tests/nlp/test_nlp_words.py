"""The tokenizer's cache keeps the frequent words of past memory zones (``parley.nlp.words``)."""

from __future__ import annotations

import spacy
from spacy.language import Language

from parley.nlp.words import WordMemory


def _zone_text(nlp: Language, memory: WordMemory, text: str) -> list[str]:
    """Tokenize a text inside a memory zone, as Parley's batches do, and count its words."""
    with nlp.memory_zone():
        memory.see(text)
        return [t.text for t in nlp(text)]


def test_words_seen_twice_outlive_the_zone_and_words_seen_once_do_not() -> None:
    nlp = spacy.blank("en")
    memory = WordMemory()
    _zone_text(nlp, memory, "Zorvathi envoys met. Zorvathi envoys left. Kellimund stayed.")
    assert "Zorvathi" not in nlp.vocab.strings  # the zone freed every new word
    assert memory.keep(nlp) == 2  # "Zorvathi" and "envoys"
    assert "Zorvathi" in nlp.vocab.strings
    assert "Kellimund" not in nlp.vocab.strings
    # Counts start again with the next zone; a word kept is not kept twice.
    _zone_text(nlp, memory, "Zorvathi again, Zorvathi once more.")
    assert memory.keep(nlp) == 0


def test_nothing_is_kept_inside_a_zone() -> None:
    nlp = spacy.blank("en")
    memory = WordMemory()
    memory.see("Quessan Quessan Quessan")
    with nlp.memory_zone():
        assert memory.keep(nlp) == 0
    assert "Quessan" not in nlp.vocab.strings


def test_the_budget_bounds_the_words_kept() -> None:
    nlp = spacy.blank("en")
    memory = WordMemory(budget=2)
    _zone_text(nlp, memory, "Aldrun Aldrun Bexmor Bexmor Bexmor Corvane Corvane Corvane Corvane")
    assert memory.keep(nlp) == 2
    assert memory.kept == {"Corvane", "Bexmor"}  # the most frequent first
    _zone_text(nlp, memory, "Dellith Dellith")
    assert memory.keep(nlp) == 0 and len(memory.kept) == 2


def test_a_kept_word_is_tokenized_as_before() -> None:
    nlp = spacy.blank("en")
    memory = WordMemory()
    text = 'The U.S.-led talks (in Oslo) didn\'t end; "Talks," she said, "end." ' * 2
    before = _zone_text(nlp, memory, text)
    assert memory.keep(nlp) > 0
    assert _zone_text(nlp, memory, text) == before
