"""The event stage: who did what to whom, and when, coded in CAMEO and PLOVER with evidence.

Reads the shared parse, the entity stage's mentions, the article, the publication day and the
time and quote stages' records; returns ``Event`` records (ids "v1", "v2", ...) whose
``sentence`` is ``article.text[start:end]``. Its tables live in ``parley/events/data`` and
are loaded once into ``EventResources`` (with the PETRARCH/TABARI verb dictionaries named in
``Config.petrarch_verbs``).

The passes, one module each: ``candidates`` (coded words and how their clauses fold),
``participants`` (sources and targets), ``restate`` (plans, requirements and claims as the
statements CAMEO codes), ``targets`` (targets nobody named), ``records`` (the Event records);
``extract`` runs them in order.
"""

from __future__ import annotations

from parley.events.extract import find_events
from parley.events.petrarch import read_verb_dictionary
from parley.events.resources import EventResources

__all__ = ["EventResources", "find_events", "read_verb_dictionary"]
