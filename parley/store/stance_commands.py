"""``parley stances``: the stances in the store, as rows or aggregated over time.

``register(app)`` adds the command to the ``parley`` Typer app (parley/cli.py calls it once).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from parley.store.commands import DEFAULT_DB, DbOption
from parley.store.output import OutputFormat
from parley.store.query_commands import (
    By,
    DuplicatesOption,
    FormatOption,
    LimitOption,
    SinceOption,
    UntilOption,
    _show,
    parse_day,
)

__all__ = ["register"]

Period = Literal["day", "week", "month", "year"]
PERIODS: dict[By, Period] = {By.day: "day", By.week: "week", By.month: "month", By.year: "year"}


def register(app: typer.Typer) -> None:
    app.command()(stances)


def stances(
    db: DbOption = Path(DEFAULT_DB),
    actor: Annotated[
        str | None, typer.Option(help="An actor code or its prefix (PRK matches PRKGOV).")
    ] = None,
    issue: Annotated[
        str | None, typer.Option(help="An issue, e.g. sanctions, denuclearization, negotiations.")
    ] = None,
    position: Annotated[str | None, typer.Option(help="support, oppose or undecided.")] = None,
    basis: Annotated[
        str | None,
        typer.Option(help="text (its words), event (a CAMEO code) or context (the dispute)."),
    ] = None,
    by: Annotated[
        By | None,
        typer.Option(help="Count per period (day, week, month, year) x actor x issue x position."),
    ] = None,
    level: Annotated[
        str, typer.Option(help="With --by, group actors by their country or their full code.")
    ] = "country",
    since: SinceOption = None,
    until: UntilOption = None,
    include_duplicates: DuplicatesOption = False,
    limit: LimitOption = 100,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Where actors stand on issues: the stances, or with --by their counts over time and the
    strongest quote of each period."""
    from parley.errors import InputError
    from parley.store import stance_queries as sq

    if level not in sq.ACTOR_LEVELS:
        raise InputError(f"--level {level!r}: give country or code")
    if position and position.lower() not in ("support", "oppose", "undecided"):
        raise InputError(f"--position {position!r}: give support, oppose or undecided")
    if basis and basis.lower() not in ("text", "event", "context"):
        raise InputError(f"--basis {basis!r}: give text, event or context")
    f = sq.StanceFilters(
        actor=actor, issue=issue, position=position, basis=basis,
        since=parse_day(since, "--since"), until=parse_day(until, "--until"),
        duplicates=include_duplicates, limit=limit,
    )  # fmt: skip
    if by is None:
        _show(db, format, "stances", lambda con: sq.stances(con, f))
    else:
        period = PERIODS[by]
        _show(
            db, format, "stance_periods", lambda con: sq.stance_periods(con, f, period, level=level)
        )
