"""``parley cluster``: merge the store's events into event clusters again, with other
thresholds if given (they are kept for the merges after later ingests)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from parley.store.commands import DEFAULT_DB, DbOption

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command()(cluster)


def cluster(
    db: DbOption = Path(DEFAULT_DB),
    text_window: Annotated[
        int | None,
        typer.Option(
            help="Days either side for a date the text gave (default 1, or the store's last)."
        ),
    ] = None,
    published_window: Annotated[
        int | None,
        typer.Option(
            help="Days either side for a publication date (default 3, or the store's last)."
        ),
    ] = None,
    mirrored: Annotated[
        bool | None,
        typer.Option(
            "--mirrored/--no-mirrored",
            help="Treat one sentence coded X->Y and Y->X with one code as a joint act.",
        ),
    ] = None,
    require_source: Annotated[
        bool | None,
        typer.Option(
            "--require-source/--no-require-source",
            help="Keep events whose source actor is unknown alone.",
        ),
    ] = None,
    spread: Annotated[
        bool,
        typer.Option(help="Also print GDELT-style per-article counts against cluster counts."),
    ] = False,
) -> None:
    """Merge the stored events into event clusters (one real-world event from many reports)."""
    from dataclasses import replace

    from parley.errors import InputError
    from parley.store.clusters import merge_events, read_settings
    from parley.store.schema import open_store

    con = open_store(db)  # creates or migrates: a store of schema 2 is merged by the migration
    try:
        settings = read_settings(con)
        try:
            settings = replace(
                settings,
                text_window=settings.text_window if text_window is None else text_window,
                published_window=(
                    settings.published_window if published_window is None else published_window
                ),
                mirrored=settings.mirrored if mirrored is None else mirrored,
                require_source=settings.require_source
                if require_source is None
                else require_source,
            )
        except ValueError as err:
            raise InputError(f"--{str(err).split()[0].replace('_', '-')}: {err}") from None
        stats = merge_events(con, settings)
        typer.echo(
            f"parley: {stats.events:,} events in {stats.clusters:,} clusters "
            f"({stats.multi_article:,} reported by more than one article, at most "
            f"{stats.largest:,}) in {stats.seconds:.2f} s; windows: text ±{settings.text_window} "
            f"d, published ±{settings.published_window} d",
            err=True,
        )
        if spread:
            from parley.store.output import OutputFormat, render
            from parley.store.spread import count_spread, dyad_spread

            render(count_spread(con), OutputFormat.table)
            render(dyad_spread(con), OutputFormat.table)
    finally:
        con.close()
