"""The query commands: ``parley events|quotes|actors|timeline|failures|sql`` (read-only)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from parley.store.commands import DEFAULT_DB, DbOption
from parley.store.output import OutputFormat

__all__ = ["parse_day", "register"]

FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="table (for a person), csv or jsonl.")
]
ActorOption = Annotated[
    str | None, typer.Option(help="An actor code or its prefix (USA matches USAGOV).")
]
DyadOption = Annotated[str | None, typer.Option(help="Two actors as A:B, in either direction.")]
SinceOption = Annotated[str | None, typer.Option(help="From this day on (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option(help="Up to this day (YYYY-MM-DD).")]
LimitOption = Annotated[int, typer.Option(help="At most this many rows (0: all).")]
TextOption = Annotated[str | None, typer.Option(help="Words that must all appear.")]
DuplicatesOption = Annotated[
    bool, typer.Option(help="Include the events and quotes of near-duplicate articles.")
]


class By(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


def register(app: typer.Typer) -> None:
    for command in (events, quotes, actors, timeline, failures, sql):
        app.command()(command)


def parse_day(value: str | None, option: str) -> date | None:
    """A ``--since``/``--until`` value as a day (InputError naming the option otherwise)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        from parley.errors import InputError

        raise InputError(f"{option} {value!r}: give a day as YYYY-MM-DD") from None


def _show(db: Path, fmt: OutputFormat, view: str, query: Callable[..., object]) -> None:
    from parley.store.output import render
    from parley.store.queries import Table
    from parley.store.schema import open_reader

    con = open_reader(db)
    try:
        table = query(con)
    finally:
        con.close()
    assert isinstance(table, Table)
    render(table, fmt, view)


def events(
    db: DbOption = Path(DEFAULT_DB),
    actor: ActorOption = None,
    source: Annotated[str | None, typer.Option(help="The source actor (code prefix).")] = None,
    target: Annotated[str | None, typer.Option(help="The target actor (code prefix).")] = None,
    dyad: DyadOption = None,
    root: Annotated[str | None, typer.Option(help="A CAMEO root or code prefix, e.g. 04.")] = None,
    plover: Annotated[str | None, typer.Option(help="A PLOVER event type.")] = None,
    modality: Annotated[
        str | None, typer.Option(help="asserted, negated, hypothetical or future.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    text: TextOption = None,
    include_duplicates: DuplicatesOption = False,
    limit: LimitOption = 100,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Events in the store, filtered; CAMEO names beside the codes."""
    from parley.store import queries as q

    f = q.Filters(
        actor=actor, source=source, target=target, dyad=q.parse_dyad(dyad), root=root,
        plover=plover, modality=modality, since=parse_day(since, "--since"),
        until=parse_day(until, "--until"), text=text, duplicates=include_duplicates, limit=limit,
    )  # fmt: skip
    _show(db, format, "events", lambda con: q.events(con, f))


def quotes(
    db: DbOption = Path(DEFAULT_DB),
    speaker: Annotated[
        str | None, typer.Option(help="Words of the speaker's name, as written or canonical.")
    ] = None,
    actor: ActorOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    text: TextOption = None,
    statements_only: Annotated[
        bool,
        typer.Option(
            help="Statements only: leave out stances and acts (act: 'praised the party')."
        ),
    ] = False,
    include_duplicates: DuplicatesOption = False,
    limit: LimitOption = 100,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Quotes in the store with their speakers; a stance or act rather than something said
    is marked act."""
    from parley.store import queries as q

    f = q.Filters(
        speaker=speaker, actor=actor, since=parse_day(since, "--since"),
        until=parse_day(until, "--until"), text=text, statements=statements_only,
        duplicates=include_duplicates, limit=limit,
    )  # fmt: skip
    _show(db, format, "quotes", lambda con: q.quotes(con, f))


def actors(
    db: DbOption = Path(DEFAULT_DB),
    actor: ActorOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    include_duplicates: DuplicatesOption = False,
    limit: LimitOption = 100,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Actors by the number of articles that mention them."""
    from parley.store import queries as q

    f = q.Filters(
        actor=actor, since=parse_day(since, "--since"), until=parse_day(until, "--until"),
        duplicates=include_duplicates, limit=limit,
    )  # fmt: skip
    _show(db, format, "actors", lambda con: q.actors(con, f))


def timeline(
    db: DbOption = Path(DEFAULT_DB),
    dyad: DyadOption = None,
    actor: ActorOption = None,
    by: Annotated[By, typer.Option(help="The period: day, week, month or year.")] = By.month,
    modality: Annotated[
        str | None, typer.Option(help="Count events of this modality (default: asserted).")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    include_duplicates: DuplicatesOption = False,
    limit: LimitOption = 0,
    format: FormatOption = OutputFormat.table,
    turning_points: Annotated[
        int,
        typer.Option(
            help="With --dyad: the periods where cooperation or conflict changed most, "
            "named by their event clusters (0: none)."
        ),
    ] = 3,
) -> None:
    """Events per period by QuadClass, with the mean Goldstein value, and the dyad's turning
    points."""
    from parley.store import queries as q
    from parley.store.output import render
    from parley.store.schema import open_reader
    from parley.store.turning import turning_points as find_turning_points
    from parley.store.turning_output import render_turning_points

    f = q.Filters(
        dyad=q.parse_dyad(dyad), actor=actor, modality=modality, since=parse_day(since, "--since"),
        until=parse_day(until, "--until"), duplicates=include_duplicates, limit=limit,
    )  # fmt: skip
    con = open_reader(db)
    try:
        table = q.timeline(con, f, by.value)
        points = []
        if f.dyad and turning_points > 0:
            points = find_turning_points(
                con, *f.dyad, by=by.value, since=f.since, until=f.until, top=turning_points,
                modality=modality or "asserted", duplicates=include_duplicates,
            )  # fmt: skip
    finally:
        con.close()
    if format is OutputFormat.jsonl:  # each line says what it is: a period or a turning point
        table = q.Table(["kind", *table.columns], [("period", *row) for row in table.rows])
    render(table, format, "timeline")
    if f.dyad and turning_points > 0:
        render_turning_points(points, format)


def failures(
    db: DbOption = Path(DEFAULT_DB),
    code: Annotated[str | None, typer.Option(help="An error code, e.g. E201.")] = None,
    stage: Annotated[str | None, typer.Option(help="The stage that failed.")] = None,
    text: TextOption = None,
    limit: LimitOption = 100,
    format: FormatOption = OutputFormat.table,
) -> None:
    """Documents that could not be read or analysed."""
    from parley.store import queries as q

    f = q.Filters(code=code, stage=stage, text=text, limit=limit)
    _show(db, format, "failures", lambda con: q.failures(con, f))


def sql(
    query: Annotated[str, typer.Argument(help="One SQL statement (read-only).")],
    db: DbOption = Path(DEFAULT_DB),
    format: FormatOption = OutputFormat.table,
) -> None:
    """Run read-only SQL on the store (the tables are in docs/store.md)."""
    import duckdb

    from parley.errors import InputError
    from parley.store import queries as q

    def run(con: duckdb.DuckDBPyConnection) -> q.Table:
        try:
            return q.read_only_sql(con, query)
        except duckdb.Error as err:
            first = str(err).splitlines()[0] if str(err) else type(err).__name__
            raise InputError(f"SQL: {first}") from err

    _show(db, format, "sql", run)
