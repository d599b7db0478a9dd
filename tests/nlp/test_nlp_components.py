"""The attribute ruler and lemmatizer run the faster way give exactly the stock annotation."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from parley.nlp import DEFAULT_MODEL, PARAGRAPHS, load_pipeline, register_components
from parley.nlp.attributes import IndexedRuler, compile_ruler, distinct_rows
from parley.nlp.lemmas import DistinctLemmatizer
from parley.nlp.repairs import DATED_SUBJECTS

# Original text written for this test: forms the model's patterns single out (contractions,
# "gon na", "let's", "y'all", "there is", pronouns as subject and object, "but" as an
# adverb, determiners standing alone, auxiliaries, spaces and paragraph breaks).
TEXTS = [
    "I told you it was late. You gave it to me, and it ain't over: we're gonna wait.\n\n"
    "Let's see what y'all think.  There is a plan, and there are two more.",
    "The minister said that this was all but settled; those who objected did so loudly.\n"
    "He has had enough. She does the talks, they did theirs, and we'd have done ours.",
    "Delegations of the two countries met in Geneva on Monday and Tuesday.   They're "
    "expected to meet again, c'mon, gotta keep going! Who'd have thought it?",
    "   \n  Leading spaces, then a list:\n- one\n- two\n\nAnd that's that.",
    "",
    "x",
]

COLUMNS = [POS, TAG, DEP, LEMMA, MORPH, HEAD, LOWER]


@pytest.fixture(scope="module")
def stock() -> Language:
    """The model with its own components, and Parley's paragraph breaks (which change the
    parse the two components read) and parse repairs."""
    register_components()
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe(PARAGRAPHS, before="parser")
    nlp.add_pipe(DATED_SUBJECTS, last=True)
    return nlp


def annotation(doc: Any) -> tuple[list[list[int]], list[str], list[str]]:
    return (
        doc.to_array(COLUMNS).tolist(),
        [str(token.morph) for token in doc],
        [token.lemma_ for token in doc],
    )


def test_the_pipeline_runs_both_components_the_faster_way(nlp: Language) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), DistinctLemmatizer)


def test_same_annotation_as_the_stock_components(nlp: Language, stock: Language) -> None:
    # Twice over, the second time from the components' memory of the first.
    for text in TEXTS + TEXTS:
        assert annotation(nlp(text)) == annotation(stock(text)), text


def test_same_annotation_when_the_memory_fills(stock: Language, monkeypatch: Any) -> None:
    import parley.nlp.attributes as attributes
    import parley.nlp.lemmas as lemmas

    monkeypatch.setattr(attributes, "MEMORY", 3)
    monkeypatch.setattr(lemmas, "MEMORY", 3)
    fresh = load_pipeline()
    for text in TEXTS:
        assert annotation(fresh(text)) == annotation(stock(text)), text
    assert len(fresh.get_pipe("attribute_ruler").memory) <= 3
    assert len(fresh.get_pipe("lemmatizer").memory) <= 3


def test_a_ruler_beyond_the_index_stays_the_stock_one(stock: Language) -> None:
    ruler = AttributeRuler(stock.vocab)
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    assert compile_ruler(ruler) is None
    ruler = AttributeRuler(stock.vocab)
    ruler.add([[{"LOWER": "very"}]], {"NORM": "much"})  # a lexical attribute
    assert compile_ruler(ruler) is None
    ruler = AttributeRuler(stock.vocab)
    ruler.add([[{"LOWER": "very"}, {"TAG": "JJ"}]], {"POS": "ADV"}, index=-2)
    assert compile_ruler(ruler) is not None


def test_later_groups_win_and_longer_patterns_set_their_index(stock: Language) -> None:
    ruler = AttributeRuler(stock.vocab)
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    ruler.add([[{"LOWER": "talk", "TAG": "NN"}]], {"POS": "VERB"})
    ruler.add([[{"LOWER": {"IN": ["peace", "war"]}}, {"LOWER": "talk"}]], {"LEMMA": "x"}, index=-1)
    ruler.add([[{"LOWER": {"REGEX": "^pe"}}]], {"POS": "PROPN"})
    indexed = compile_ruler(ruler)
    assert indexed is not None
    for text in ("peace talk is a talk about war talk", "talk", "pea pod"):
        _assert_same_annotation(stock, ruler, indexed, text)


def _assert_same_annotation(
    stock: Language, ruler: AttributeRuler, indexed: IndexedRuler, text: str
) -> None:
    """The stock ruler and the compiled one annotate ``text`` (every word tagged NN) alike."""
    left, right = stock.make_doc(text), stock.make_doc(text)
    for doc in (left, right):
        for token in doc:
            token.tag_ = "NN"
    ruler(left)
    indexed(right)
    assert annotation(left) == annotation(right), text


def test_forms_no_pattern_names_share_one_memory_row(stock: Language) -> None:
    ruler = AttributeRuler(stock.vocab)
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    ruler.add([[{"LOWER": "talk", "TAG": "NN"}]], {"POS": "VERB"})
    ruler.add([[{"LOWER": {"NOT_IN": ["war", "peace"]}}]], {"LEMMA": "y"})
    ruler.add([[{"LOWER": {"REGEX": "^pe"}}]], {"POS": "PROPN"})
    indexed = compile_ruler(ruler)
    assert indexed is not None
    _assert_same_annotation(stock, ruler, indexed, "talk war peace pea pod hat cat mat rat bat")
    # talk, war, peace, pea (passes the expression), and one row for pod, hat, cat, ...
    assert len(indexed.memory) == 5


def test_distinct_rows_returns_where_each_row_first_occurs() -> None:
    import numpy as np

    rows = np.array([[5, 2], [3, 7], [5, 2], [3, 8]], dtype=np.uint64)
    distinct, inverse, first = distinct_rows(rows, firsts=True)
    assert (rows[first] == distinct).all()
    assert sorted(first.tolist()) == [0, 1, 3]


def test_distinct_rows_numbers_each_row() -> None:
    import numpy as np

    rows = np.array([[5, 2**63 + 1], [3, 7], [5, 2**63 + 1], [3, 8]], dtype=np.uint64)
    distinct, inverse = distinct_rows(rows)
    assert len(distinct) == 3
    assert (distinct[inverse] == rows).all()


def test_same_annotation_on_real_stories(nlp: Language, stock: Language, shared_data: Path) -> None:
    path = shared_data / "corpus" / "kcna-marquez" / "kcna-stories-2011-10-to-2012-06.jsonl"
    if not path.is_file():
        pytest.skip(f"KCNA stories not found at {path}")
    with path.open(encoding="utf-8") as stream:
        texts = [json.loads(line).get("text") or "" for line in itertools.islice(stream, 40)]
    for left, right in zip(nlp.pipe(texts), stock.pipe(texts), strict=True):
        assert annotation(left) == annotation(right)


def test_lemmas_survive_the_memory_zones_of_earlier_batches(stock: Language) -> None:
    # Made-up words: their lemmas are strings the model has never stored, which a memory
    # zone drops when it ends; the next zone's documents must still read their lemmas.
    fresh = load_pipeline()
    text = "The envoys were grobnitzing the treaties while the talks flumpered on."
    with fresh.memory_zone():
        first = [token.lemma_ for token in fresh(text)]
    with fresh.memory_zone():
        again = [token.lemma_ for token in fresh(text)]
    assert first == again == [token.lemma_ for token in stock(text)]
    assert "grobnitze" in again


def test_a_number_sign_never_starts_a_sentence(nlp: Language) -> None:
    doc = nlp("The harbour board released information bulletin No. 1002 on Saturday. He said No.")
    sentences = [s.text for s in doc.sents]
    assert sentences[0] == "The harbour board released information bulletin No. 1002 on Saturday."
    # "No." ending a sentence, with no number after it, is left to the parser.
    assert sentences[-1].endswith("No.")
