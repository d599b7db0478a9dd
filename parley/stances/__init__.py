"""The stance stage: where each actor stands on each issue, with the words that say so.

Reads the shared parse, the entity stage's mentions, the article, the publication day and the
quote and event stages' records; returns ``Stance`` records (ids "s1", "s2", ...): the actor
(an entity id, with its code and name), the issue, the position towards the issue's measure
(support, oppose, undecided), the mode (statement, demand, refusal), the condition, the
evidence (quote and event ids) and the sentence with its offsets. Its tables live in
``parley/stances/data`` and are loaded once into ``StanceResources`` (with the user's issue
files named in ``Config.issues``).

The passes, one module each: ``terms`` (where issues are named), ``reading`` (which way the
words around a term go; ``around``: the holders, modality and conditions met on the way),
``voices`` (who speaks a passage: quotes and statement blocks), ``build`` (who holds it,
evidence, merging), ``context`` (an actor's moves carried onto the article's dispute).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from parley.nlp.index import MentionIndex, ParseIndex
from parley.records import Article, Event, Quote, Stance
from parley.stances.build import find_drafts, finish_stances, generic_holders
from parley.stances.context import carry_context
from parley.stances.resources import StanceResources

__all__ = ["StanceResources", "find_stances"]


def find_stances(
    parse: ParseIndex,
    mentions: MentionIndex,
    article: Article,
    published: date | None,
    quotes: Sequence[Quote],
    events: Sequence[Event],
    resources: StanceResources,
) -> tuple[Stance, ...]:
    """The article's stances, in text order."""
    drafts = find_drafts(parse, mentions, quotes, events, resources)
    drafts += carry_context(drafts, mentions, quotes, events)
    generic = generic_holders(parse, mentions)
    return finish_stances(drafts, article, published, mentions.by_id, generic)
