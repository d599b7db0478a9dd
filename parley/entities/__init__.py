"""The entity stage: spaCy's mentions -> document entities with CAMEO-style actor codes,
roles and affiliations.

``find_entities(doc, article, kb)`` reads the parse of ``article.text`` and returns Entity
records (ids "e1", "e2", ... in order of first mention), each with every mention's offsets
into ``article.text``. The steps, one module each:

- ``mentions``: spaCy's entity spans, trimmed ("the", possessives, "N. Korea-" hyphens),
  typed with the knowledge base (country names, short forms, demonyms, capitals used for
  governments), plus "the North"/"the South" in articles about Korea; page stamps and
  non-entities ("Trumpian") dropped.
- ``titles``: titles before names ("US Secretary of State Mike Pompeo") and appositions after
  them ("Yang Moo-jin, a professor at ...") give roles, countries and affiliations.
- ``cluster``: mentions of one referent grouped (surnames, aliases, acronyms), the model's type
  errors corrected with the document's own evidence, and actors coded.
- ``pronouns``: "he"/"his" linked to the nearest preceding person.

Requires from the spaCy pipeline: ner, parser (sentences and dependencies), tagger (POS).
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from parley.entities.cluster import build_entities, group_candidates
from parley.entities.kbtypes import KnowledgeBaseLike
from parley.entities.lexicon import load_lexicon
from parley.entities.mentions import Sentences, collect_candidates, find_name_repeats
from parley.entities.nominal import add_nominal_entities
from parley.entities.pronouns import resolve_pronouns
from parley.entities.titles import (
    apply_apposed_groups,
    apply_appositions,
    apply_org_countries,
    apply_titles,
    find_titled_names,
)
from parley.records import Article, Entity

__all__ = ["article_date", "find_entities"]


def article_date(published: str | None) -> date | None:
    """The calendar date of an ISO 8601 publication time ("2018-11-12T17:37:00+09:00")."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def find_entities(doc: Doc, article: Article, kb: KnowledgeBaseLike) -> tuple[Entity, ...]:
    """The document's entities, in order of first mention."""
    # Read once: Doc.text joins every token on each access. It equals article.text.
    text = doc.text
    if not text.strip():
        return ()
    lex = load_lexicon()
    sents = Sentences(doc)
    cands = collect_candidates(doc, text, kb, lex, sents)
    cands = find_titled_names(text, cands, lex, sents)
    cands = apply_titles(text, cands, lex, sents)
    apply_org_countries(text, cands)
    apply_apposed_groups(text, cands)
    cands = find_name_repeats(text, cands, sents)
    apply_appositions(doc, text, cands, lex, sents)
    on = article_date(article.published)
    clusters = group_candidates(cands, kb, on)
    resolve_pronouns(doc, text, clusters, lex, sents)
    entities = build_entities(clusters, kb, lex, text, on)
    return add_nominal_entities(doc, text, entities, kb, on)
