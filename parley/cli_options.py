"""Command-line options, exit codes and the one-line error that several commands share
(analyze, evaluate, ingest), declared once."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from parley.sources.address import redact_credentials

__all__ = [
    "DEFAULT_TIMEOUT",
    "EXIT_FLOOR",
    "EXIT_INPUT",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_WARNING",
    "EventFinder",
    "EventsOption",
    "IssuesOption",
    "KbOption",
    "ModelOption",
    "QuoteFinder",
    "QuotesOption",
    "TimeoutOption",
    "fail",
]

EXIT_FLOOR = 1
EXIT_INPUT = 2
EXIT_WARNING = 3
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130

DEFAULT_TIMEOUT = 120.0

ModelOption = Annotated[
    str | None,
    typer.Option(help="Any installed spaCy pipeline (default: en_core_web_sm 3.8.0)."),
]
KbOption = Annotated[
    list[Path] | None,
    typer.Option(help="An extra actor knowledge file (Parley TSV); repeatable."),
]
IssuesOption = Annotated[
    list[Path] | None,
    typer.Option(help="An extra stance issue file (issue, term, polarity[, pos]); repeatable."),
]
TimeoutOption = Annotated[float, typer.Option(help="Seconds allowed per document (0: no limit).")]


class QuoteFinder(str, Enum):
    model = "model"
    rules = "rules"


QuotesOption = Annotated[
    QuoteFinder,
    typer.Option(
        "--quotes",
        help="How quotes are found: model (the rules propose, the trained attribution model "
        "keeps the real ones) or rules (the rules alone).",
    ),
]


class EventFinder(str, Enum):
    model = "model"
    rules = "rules"


EventsOption = Annotated[
    EventFinder,
    typer.Option(
        "--events",
        help="Which events are kept: rules (every event the rules code) or model (the trained "
        "event filter drops those it judges wrong; README, Events).",
    ),
]


class PartyChooser(str, Enum):
    model = "model"
    rules = "rules"


PartiesOption = Annotated[
    PartyChooser,
    typer.Option(
        "--parties",
        help="Who an event's source and target are: rules (the rules' choice) or model (the "
        "trained source/target chooser may pick another party of the sentence; README, "
        "Events).",
    ),
]


def fail(message: str, code: int = EXIT_INPUT) -> NoReturn:
    typer.echo(f"parley: error: {redact_credentials(message)}", err=True)
    raise typer.Exit(code)
