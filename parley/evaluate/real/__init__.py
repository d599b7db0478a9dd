"""The real-text gold of issue 11: news stories nobody tuned on, annotated by written guidelines
(``docs/annotation.md``), and the scorers that run Parley over them.

``gold`` reads and checks the story list and the annotation files; ``align`` maps the gold's
offsets into Parley's cleaned text; ``match`` holds the matching rules; ``score`` runs Parley
and scores events and quotes; ``agreement`` compares two annotators.
"""

from __future__ import annotations

from parley.evaluate.real.agreement import run as run_agreement
from parley.evaluate.real.score import run_events, run_quotes

__all__ = ["run_agreement", "run_events", "run_quotes"]
