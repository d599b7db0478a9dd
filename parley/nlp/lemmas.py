"""The model's rule lemmatizer, run once per distinct word form instead of once per token.

spaCy's rule lemmatizer works through every token of a document in Python, making a
``Token`` and reading its text, part of speech and morphology each time, though a lemma
depends on nothing but those three (its own cache is keyed by them). ``DistinctLemmatizer``
finds the distinct (form, part of speech, morphology) triples among the tokens that have no
lemma yet (the attribute ruler sets some), asks the wrapped lemmatizer for each triple's
lemma once (remembered across documents, up to a bound) and writes all the lemmas back in
one ``Doc.from_array``: the same lemmas (a test compares every token's with the stock
lemmatizer's), a fifth of the time.

Only a rule lemmatizer that fills unset lemmas (``overwrite`` off) is wrapped; any other
stays as it is.
"""

# No ``from __future__ import annotations``: spaCy reads the factory's annotations at run time.
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from parley.nlp.attributes import distinct_rows

DISTINCT = "parley_distinct_lemmatizer"
# Triples remembered across documents (about 150 bytes each): bounded, so a long run's memory
# stays flat; the memory is emptied when it fills.
MEMORY = 20_000
_READ: list[int | str] = [ORTH, POS, MORPH]


class DistinctLemmatizer:
    """A rule lemmatizer asked once per distinct (form, part of speech, morphology)."""

    def __init__(self) -> None:
        self.lemmatizer: Lemmatizer | None = None
        self.memory: dict[tuple[int, ...], str] = {}  # triple -> its lemma

    def wrap(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer

    def __call__(self, doc: Doc) -> Doc:
        if self.lemmatizer is None:
            raise ValueError("the distinct lemmatizer wraps no lemmatizer")
        n = len(doc)
        if not n:
            return doc
        lemmas = doc.to_array([LEMMA]).reshape(n)
        unset = np.flatnonzero(lemmas == 0)
        if not len(unset):
            return doc
        rows = doc.to_array(_READ).reshape(n, len(_READ))[unset]
        distinct, inverse = distinct_rows(rows)
        firsts = np.full(len(distinct), n, dtype=np.int64)
        np.minimum.at(firsts, inverse, unset)
        made = np.array(
            [self._lemma(doc, tuple(row), int(first))
             for row, first in zip(distinct.tolist(), firsts.tolist(), strict=True)],
            dtype=np.uint64,
        )  # fmt: skip
        lemmas[unset] = made[inverse]
        doc.from_array([LEMMA], lemmas.reshape(n, 1))  # type: ignore[arg-type]  # any ints
        return doc

    def _lemma(self, doc: Doc, triple: tuple[int, ...], first: int) -> int:
        form = self.memory.get(triple)
        if form is None:
            assert self.lemmatizer is not None
            form = self.lemmatizer.lemmatize(doc[first])[0]
            if len(self.memory) >= MEMORY:
                self.memory.clear()
            self.memory[triple] = form
        # Added each time, not remembered as a hash: inside a spaCy memory zone the strings
        # a document adds are dropped when the zone ends.
        return int(doc.vocab.strings.add(form))


def _index_as_sets(lemmatizer: Lemmatizer) -> None:
    """Hold the lemmatizer's word index (the known lemmas of each part of speech) as sets.

    The model loads each part of speech's index as a list (57,528 nouns), and the rule
    lemmatizer asks only whether a candidate form is in it, once per suffix rule that fits:
    a scan of the whole list each time, most of a new word's cost. A set answers the same
    question at once, so every lemma stays the same. Nothing writes the tables back out.
    """
    table = lemmatizer.lookups.get_table("lemma_index", {})
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


def make_distinct(nlp: Language, name: str) -> Any:
    """The factory of ``DISTINCT``: empty until it wraps the model's lemmatizer."""
    return DistinctLemmatizer()


def distinct_lemmatizer(nlp: Language, name: str = "lemmatizer") -> bool:
    """Put the distinct lemmatizer in place of ``nlp``'s lemmatizer ``name``; whether it could."""
    if name not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe(name)
    if not isinstance(lemmatizer, Lemmatizer):
        return False
    if lemmatizer.mode != "rule" or lemmatizer.overwrite:
        return False
    lemmatizer._validate_tables()  # as its first call would: the tables must be there
    _index_as_sets(lemmatizer)
    if DISTINCT not in Language.factories:
        Language.factory(DISTINCT, func=make_distinct)
    wrapper = nlp.replace_pipe(name, DISTINCT)
    assert isinstance(wrapper, DistinctLemmatizer)
    wrapper.wrap(lemmatizer)
    return True
