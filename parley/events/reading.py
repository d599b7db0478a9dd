"""One article as the event passes read it: its text, the entity stage's mentions, the quotes
(whose speakers "we" stands for), the stage's resources and the coded words of the parse."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from parley.events.actors import Actor, resolve_phrase
from parley.events.candidates import Candidate
from parley.events.letters import Letter
from parley.events.resources import EventResources
from parley.nlp.index import MentionIndex
from parley.quotes.marks import Quoted
from parley.records import Quote

__all__ = ["Reading"]


@dataclass(frozen=True, slots=True, eq=False)
class Reading:
    text: str
    mentions: MentionIndex
    quotes: Sequence[Quote]
    resources: EventResources
    candidates: Mapping[int, Candidate]  # every coded word by its index, dropped ones too
    letters: Sequence[Letter] = ()  # printed messages: whom "I" and "you" stand for
    # The quoted titles words name so, whose names are no parties (``parley.quotes.titles``).
    titles: Sequence[Quoted] = ()

    def resolve(self, head: Token | None, places: bool = True) -> list[Actor]:
        """The actors the phrase headed by ``head`` names (its words when it names none);
        without ``places``, not a place in its in/at modifier (see ``resolve_phrase``)."""
        if head is None:
            return []
        return resolve_phrase(
            head, self.text, self.mentions, self.quotes, places, self.letters, self.titles
        )

    def first_resolved(self, heads: Sequence[Token], places: bool = True) -> list[Actor]:
        """The first phrase that names an entity; else the first phrase's words."""
        fallback: list[Actor] = []
        for head in heads:
            actors = self.resolve(head, places)
            if any(a.resolved for a in actors):
                return actors
            if not fallback:
                fallback = actors
        return fallback
