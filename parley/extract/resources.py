"""The extract stage's loaded knowledge, as one frozen object a pipeline holds and passes in.

``ExtractResources.load()`` reads and checks every data file of ``parley/extract/data`` (and
the charset tables decoding reads) once; ``extract_article(document, published=...,
resources=...)`` hands the object down to the functions that use them, as explicit
parameters. Nothing in the stage caches a loaded table at module level. Passing
``resources=None`` to ``extract_article`` loads them for that one call, which is the
convenience for a single page; a pipeline loads once and passes them every time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from parley.extract.furniture_rules import FurnitureRules
from parley.extract.glued import GluedNames
from parley.extract.html_data import (
    DATA_DIR,
    LineRule,
    Selectors,
    parse_line_rules,
    parse_selectors,
)
from parley.sources.decode import CodecTables

__all__ = ["ExtractResources"]


@dataclass(frozen=True, slots=True, eq=False)
class ExtractResources:
    """Everything extraction reads: the scraped-text furniture and stamp tables (used on
    every page), the HTML-only line rules and class-name cues, the codec tables with
    which a page's bytes are decoded, and the known names a scraper may have glued to their
    neighbours (``glued.py``; the pipeline gives the knowledge base's people)."""

    furniture: FurnitureRules
    html_rules: tuple[LineRule, ...]
    selectors: Selectors
    codecs: CodecTables
    names: GluedNames = field(default_factory=lambda: GluedNames.build(()))

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR, names: Iterable[str] = ()) -> ExtractResources:
        """Read every extract data file; a malformed line raises KnowledgeBaseError here,
        with its file and line number, not in the middle of a corpus. ``names``: the people
        whose names are given their spaces back when glued to a neighbouring word."""
        return cls(
            furniture=FurnitureRules.load(data_dir),
            html_rules=parse_line_rules(data_dir / "html_furniture.tsv"),
            selectors=parse_selectors(data_dir / "html_selectors.toml"),
            codecs=CodecTables.load(),
            names=GluedNames.build(names),
        )
