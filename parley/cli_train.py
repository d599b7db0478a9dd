"""``parley train quotes``: remake the packaged attribution model (``train.py``).

``register(app)`` adds the ``train`` command group to the ``parley`` Typer app (parley/cli.py
calls it once).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["register"]


class Trainable(str, Enum):
    quotes = "quotes"
    events = "events"
    parties = "parties"


def register(app: typer.Typer) -> None:
    """Add ``parley train`` to the ``parley`` app."""
    app.command()(train)


def train(
    name: Annotated[
        Trainable,
        typer.Argument(
            help="What to train (quotes: the attribution model; events: the event filter; "
            "parties: the source/target chooser)."
        ),
    ],
    data: Annotated[
        Path | None,
        typer.Option(
            help="The gold data folder holding polnear/train and polnear/dev "
            "(default: ../shared/data)."
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            help="Where to write the model folder (default: the packaged one, "
            "parley/quotes/model, parley/events/model or parley/events/parties)."
        ),
    ] = None,
    boundaries_only: Annotated[
        bool,
        typer.Option(
            "--boundaries-only",
            help="quotes: keep the attribution model in --out and remake the boundary "
            "chooser only.",
        ),
    ] = False,
) -> None:
    """Train a model from scratch with a fixed seed; print the dev figures it was chosen by.

    quotes: the attribution model that keeps the rules' real attributions and the boundary
    chooser that bounds their contents (PolNeAR train; threshold and margin tuned on PolNeAR
    dev; about 10 minutes on 2 cores, most of it parsing).

    events: the event filter that drops the rules' wrong events (PLOVER dev, PETRARCH
    validation and unit tests, the real-text dev half; 5-fold cross-validation chooses its
    threshold; about a minute).

    parties: the source/target chooser that may give an event's side another party of its
    sentence (the event filter's gold and folds; cross-validation chooses its margin; about
    a minute)."""
    from parley.evaluate import default_data_dir
    from parley.evaluate.common import require_dir
    from parley.quotes.model import MODEL_DIR
    from parley.quotes.train import train as train_quotes

    data_dir = require_dir(data or default_data_dir(), "gold data")
    if name is Trainable.events:
        _train_events(data_dir, out)
        return
    if name is Trainable.parties:
        _train_parties(data_dir, out)
        return
    report = train_quotes(
        data_dir,
        out or MODEL_DIR,
        log=lambda line: typer.echo(line, err=True),
        boundaries_only=boundaries_only,
    )
    keys = (
        "content.exact.f1",
        "content.ovl0.3.f1",
        "content.ovl0.8.f1",
        "source.exact.f1",
        "cue.exact.f1",
        "speaker.match",
    )
    typer.echo(f"{'PolNeAR dev':24} " + " ".join(f"{k:>18}" for k in keys))
    for label, figures in (
        ("rules alone", report.dev_rules),
        (f"model (t={report.threshold})", report.dev_model),
        ("+ boundary chooser", report.dev_bounds),
    ):
        typer.echo(f"{label:24} " + " ".join(f"{100 * figures[k]:18.1f}" for k in keys))
    typer.echo(f"boundary margins (content, source, cue): {report.margins}")
    typer.echo(
        f"trained on {report.train_examples} candidates ({report.train_positive} real) "
        f"in {report.seconds:.0f} s"
    )


def _train_events(data_dir: Path, out: Path | None) -> None:
    from parley.events.model import MODEL_DIR
    from parley.events.train import REPORTED
    from parley.events.train import train as train_events

    report = train_events(data_dir, out or MODEL_DIR, log=lambda line: typer.echo(line, err=True))
    typer.echo(f"{'5-fold cross-validation':32} {'rules alone':>12} {'model':>12} {'fitted':>12}")
    for key in REPORTED:
        rules = report.cv[0.0].get(key, 0.0)
        model = report.cv[report.threshold].get(key, 0.0)
        typer.echo(f"{key:32} {rules:12.3f} {model:12.3f} {report.fitted.get(key, 0.0):12.3f}")
    typer.echo(
        f"threshold {report.threshold}; {report.examples} events ({report.positive} right) "
        f"in {sum(report.units.values())} gold units; {report.seconds:.0f} s of CPU"
    )


def _train_parties(data_dir: Path, out: Path | None) -> None:
    from parley.events.parties import MODEL_DIR
    from parley.events.parties_train import NO_CHANGE, REPORTED
    from parley.events.parties_train import train as train_parties

    report = train_parties(data_dir, out or MODEL_DIR, log=lambda line: typer.echo(line, err=True))
    typer.echo(f"{'5-fold cross-validation':32} {'rules alone':>12} {'model':>12} {'fitted':>12}")
    for key in REPORTED:
        rules = report.cv[NO_CHANGE].get(key, 0.0)
        model = report.cv[report.margin].get(key, 0.0)
        typer.echo(f"{key:32} {rules:12.3f} {model:12.3f} {report.fitted.get(key, 0.0):12.3f}")
    typer.echo(
        f"margin {report.margin}; {report.examples} candidates ({report.positive} right) "
        f"in {sum(report.units.values())} gold units; the fitted model changes "
        f"{report.changed} sides; {report.seconds:.0f} s of CPU"
    )
