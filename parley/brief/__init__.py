"""Briefs: news analyses written from the store, every sentence citing its evidence.

    corpus_brief(con, a, b, since, until) -> Brief     a dyad over a period
    article_brief(con, article_id) -> Brief            one stored article
    render(brief, "md" | "html" | "json") -> str

A ``Brief`` is made of sections of ``Sentence`` records, each holding its text and the
``Citation`` records it rests on (article, title, outlet, date, the passage's offsets and the
stored rows: events, quotes, stances, event clusters, time expressions). Sentences are
templates (``data/phrases.toml``) filled only with stored values. The brief reads the store
and never imports a pipeline stage (``parley brief ARTICLE`` analyses and stores the article
first, in ``parley.brief.commands``).

Modules: ``queries`` (the SQL), ``model`` (the records), ``phrases`` (the wording),
``cite`` (passages), ``context`` (what sections share), one module per section
(``overview``, ``state``, ``events``, ``positions``, ``voices``, ``watch``), ``build``
(assembly), ``render`` (Markdown, HTML, JSON) and ``commands`` (the CLI).
"""

from parley.brief.build import article_brief, corpus_brief
from parley.brief.model import Brief, Citation, Evidence, Figure, Section, Sentence
from parley.brief.render import render

__all__ = [
    "Brief",
    "Citation",
    "Evidence",
    "Figure",
    "Section",
    "Sentence",
    "article_brief",
    "corpus_brief",
    "render",
]
