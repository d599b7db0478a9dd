"""The event stage: who did what to whom, and when, coded in CAMEO and PLOVER with evidence.

Reads the parse, the article, and the entity, time and quote stages' records; returns
``Event`` records (ids "v1", "v2", ...) whose ``sentence`` is ``article.text[start:end]``.
Knowledge lives in ``parley/events/data``; PETRARCH/TABARI verb dictionaries named in
``Config.petrarch_verbs`` are read as an extra lexicon.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from parley.events.coding import build_lexicon
from parley.events.extract import find_events_in_doc
from parley.events.lexicon import code_info, load_codes, quad_class
from parley.events.petrarch import read_verb_dictionary
from parley.records import Article, Entity, Event, Quote, Timex

if TYPE_CHECKING:
    from parley.config import Config

__all__ = ["code_info", "find_events", "load_codes", "quad_class", "read_verb_dictionary"]


def find_events(
    doc: Doc,
    article: Article,
    entities: tuple[Entity, ...],
    timexes: tuple[Timex, ...],
    quotes: tuple[Quote, ...],
    config: Config,
) -> tuple[Event, ...]:
    """The article's events, in text order."""
    extra = tuple(Path(p) for p in config.petrarch_verbs)
    lexicon = build_lexicon(extra)
    return find_events_in_doc(
        doc,
        article,
        entities,
        timexes,
        quotes,
        lexicon,
        extra_verbs=bool(extra),
    )
