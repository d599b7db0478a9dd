"""``EntityResources``: everything the entity stage reads, loaded once per pipeline.

The knowledge base (Parley's tables, the user's files and PETRARCH dictionaries from the
``Config``), the stage's lexicon, and what is built from them: the phrase matcher (titles
and regional phrases, one pass per document) and the title regexes. Nothing in
``parley.entities`` or ``parley.kb`` caches a loaded resource at module level; the pipeline
owns this object.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.vocab import Vocab

from parley.config import Config
from parley.entities.context import ContextWords
from parley.entities.kbtypes import KnowledgeBaseLike
from parley.entities.lexicon import Lexicon, load_lexicon
from parley.entities.phrases import PhraseMatchers, RegionalPhrases, TitlePatterns
from parley.kb import load_knowledge_base
from parley.quotes.lexicon import DATA_DIR as QUOTE_DATA
from parley.quotes.lexicon import read_mark_pairs
from parley.quotes.marks import MarkTable

__all__ = ["EntityResources"]


@dataclass(frozen=True, slots=True, eq=False)
class EntityResources:
    kb: KnowledgeBaseLike
    lexicon: Lexicon
    phrases: PhraseMatchers
    titles: TitlePatterns
    regional: RegionalPhrases
    context: ContextWords  # the words for groups that take the article's country
    marks: MarkTable  # the quotation marks, paired as the quote stage pairs them

    @classmethod
    def load(
        cls, config: Config, vocab: Vocab | None = None, *, kb: KnowledgeBaseLike | None = None
    ) -> EntityResources:
        """Read the knowledge base named by ``config`` and the lexicon. ``vocab`` is the
        pipeline's (the role matcher is built on it); ``kb`` lets a caller that already
        loaded the knowledge base (for the events stage too) share it."""
        if kb is None:
            kb = load_knowledge_base(config.knowledge, config.petrarch_actors)
        return cls.build(kb, load_lexicon(), vocab)

    @classmethod
    def build(
        cls, kb: KnowledgeBaseLike, lexicon: Lexicon, vocab: Vocab | None = None
    ) -> EntityResources:
        """Resources from a loaded knowledge base and lexicon (tests give their own)."""
        regional = RegionalPhrases.build(lexicon)
        return cls(
            kb=kb,
            lexicon=lexicon,
            phrases=PhraseMatchers(lexicon, regional, vocab),
            titles=TitlePatterns.build(lexicon),
            regional=regional,
            context=ContextWords.of(lexicon.context_words),
            marks=MarkTable.build(read_mark_pairs(QUOTE_DATA / "marks.tsv")),
        )
