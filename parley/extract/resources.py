"""The extract stage's loaded knowledge, as one frozen object a pipeline holds and passes in.

``ExtractResources.load()`` reads and checks every data file of ``parley/extract/data`` once;
``extract_article(document, published=..., resources=...)`` hands the object down to the
functions that use it. Passing ``resources=None`` loads the defaults for that one call,
which is the convenience for a single page; a pipeline loads once and passes it every time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from parley.extract.html_data import (
    DATA_DIR,
    LineRule,
    Selectors,
    parse_line_rules,
    parse_selectors,
)

__all__ = ["ExtractResources"]


@dataclass(frozen=True, slots=True)
class ExtractResources:
    """The HTML tables (web-only furniture line rules, class-name cues) passed down to the
    HTML cleaning, plus a check, at load time, of the scraped-text tables.

    The scraped-text and stamp tables (``furniture.py``, ``stamps.py``) are still read
    through each module's own one-entry memo; moving them in here is the next step and will
    not change this object's constructor or ``load()``.
    """

    html_rules: tuple[LineRule, ...]
    selectors: Selectors

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> ExtractResources:
        """Read every extract data file; a malformed line raises KnowledgeBaseError here,
        with its file and line number, not in the middle of a corpus."""
        from parley.extract import furniture

        furniture.check_data()
        return cls(
            html_rules=parse_line_rules(data_dir / "html_furniture.tsv"),
            selectors=parse_selectors(data_dir / "html_selectors.toml"),
        )
