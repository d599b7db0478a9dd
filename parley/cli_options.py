"""Command-line options that several commands share (analyze, ingest), declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = ["KbOption", "ModelOption", "TimeoutOption"]

ModelOption = Annotated[
    str | None,
    typer.Option(help="Any installed spaCy pipeline (default: en_core_web_sm 3.8.0)."),
]
KbOption = Annotated[
    list[Path] | None,
    typer.Option(help="An extra actor knowledge file (Parley TSV); repeatable."),
]
TimeoutOption = Annotated[float, typer.Option(help="Seconds allowed per document (0: no limit).")]
