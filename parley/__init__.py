"""Parley: evidence-linked intelligence from international-relations news.

>>> from parley import analyze
>>> result = analyze(text=open("examples/page.txt").read())   # doctest: +SKIP
>>> result.article.title, result.to_json()                # doctest: +SKIP
"""

from parley.analysis import analyze
from parley.config import Config
from parley.errors import ParleyError
from parley.pipeline import Failure, Pipeline
from parley.records import (
    SCHEMA,
    Analysis,
    Article,
    Entity,
    Event,
    Mention,
    Quote,
    Stance,
    Timex,
)

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "Analysis",
    "Article",
    "Config",
    "Entity",
    "Event",
    "Failure",
    "Mention",
    "ParleyError",
    "Pipeline",
    "Quote",
    "Stance",
    "Timex",
    "__version__",
    "analyze",
]
