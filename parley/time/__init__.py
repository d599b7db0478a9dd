"""Time expressions: find them in an article's text and give each a TIMEX3 value anchored at
the publication time (see ``tagger`` for the resolution conventions)."""

from __future__ import annotations

from parley.time.anchor import parse_published
from parley.time.resources import TimeResources
from parley.time.tagger import tag_timexes

__all__ = ["TimeResources", "parse_published", "tag_timexes"]
