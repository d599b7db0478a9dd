"""``parley brief``: a written analysis, every sentence citing its evidence.

    parley brief ARTICLE                      one article (a file, - or a URL)
    parley brief --db PATH --dyad A:B         a dyad over a period (--since, --until)
    parley brief --db PATH --article-id ID    one stored article

One code path: ARTICLE is analysed and stored by the normal writer into a temporary store,
then briefed from there like any stored article. ``register(app)`` adds the command to the
``parley`` app (parley/cli.py calls it once); nothing heavy is imported until it runs.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from parley.cli_options import DEFAULT_TIMEOUT, EXIT_WARNING, KbOption, ModelOption, TimeoutOption
from parley.errors import InputError
from parley.store.commands import DEFAULT_DB, DbOption
from parley.store.query_commands import parse_day

if TYPE_CHECKING:
    import duckdb

    from parley.brief.model import Brief

__all__ = ["register"]

_EPILOG = (
    "Examples:\n\n"
    "  parley brief examples/wire-report.txt\n\n"
    "  parley brief --db kcna.duckdb --dyad USA:PRK --since 2011-10-01 --until 2012-06-30\n\n"
    "  parley brief --db kcna.duckdb --dyad USA:PRK --format html -o brief.html"
)


class BriefFormat(str, Enum):
    md = "md"
    html = "html"
    json = "json"


def register(app: typer.Typer) -> None:
    """Add ``parley brief`` to the ``parley`` app."""
    app.command(epilog=_EPILOG)(brief)


def brief(
    article: Annotated[
        str | None,
        typer.Argument(
            help="An article to brief: a file, - for standard input, or an http(s) URL. It is "
            "analysed and stored in a temporary store first.",
            metavar="[ARTICLE]",
        ),
    ] = None,
    db: DbOption = Path(DEFAULT_DB),
    dyad: Annotated[
        str | None,
        typer.Option(help="The two sides as A:B (codes match as prefixes, either direction)."),
    ] = None,
    since: Annotated[str | None, typer.Option(help="First day of the period (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Last day of the period (YYYY-MM-DD).")] = None,
    article_id: Annotated[
        str | None, typer.Option("--article-id", help="Brief one stored article (with --db).")
    ] = None,
    format: Annotated[
        BriefFormat, typer.Option("--format", "-f", help="md (Markdown), html or json.")
    ] = BriefFormat.md,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of stdout (atomically)."),
    ] = None,
    link_base: Annotated[
        str | None,
        typer.Option(
            help="HTML: link each passage to LINK_BASE/article/<id>#c<start>-<end> (the address "
            "of parley serve) instead of the article's own URL."
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(help="ARTICLE: its publication time (ISO 8601) when the page gives none."),
    ] = None,
    url: Annotated[str | None, typer.Option(help="ARTICLE: the page's URL, kept.")] = None,
    model: ModelOption = None,
    kb: KbOption = None,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
) -> None:
    """Write a news analysis with citations: of one article, or of a dyad over a period."""
    from parley.brief.render import render
    from parley.store.queries import parse_dyad

    pair = parse_dyad(dyad)
    first, last = parse_day(since, "--since"), parse_day(until, "--until")
    if article is not None and article_id is not None:
        raise InputError("give ARTICLE or --article-id, not both")
    if article is None and article_id is None and pair is None:
        raise InputError("give ARTICLE, or --db with --dyad A:B (or --article-id ID)")
    if (first or last) and (article is not None or article_id is not None):
        raise InputError("--since and --until bound a dyad's period, not one article's brief")
    if output is not None:
        _check_output(output)
    warnings: list[str] = []
    if article is not None:
        result = _brief_of_source(article, pair, published, url, model, kb, timeout, warnings)
    else:
        result = _brief_of_store(db, pair, first, last, article_id)
    text = render(result, format.value, link_base=link_base)
    if output is not None:
        from parley.cli_output import write_atomically

        write_atomically(output, text.rstrip("\n"))
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    for warning in warnings:
        typer.echo(f"parley: warning: {warning}", err=True)
    if warnings:
        raise typer.Exit(EXIT_WARNING)


def _check_output(path: Path) -> None:
    if path.is_dir():
        raise InputError(f"--output {path} is a folder; give a file")
    if not path.parent.is_dir():
        raise InputError(f"--output {path}: the folder {path.parent} does not exist")


def _brief_of_store(
    db: Path,
    pair: tuple[str, str] | None,
    since: date | None,
    until: date | None,
    article_id: str | None,
) -> Brief:
    from parley.brief.build import article_brief, corpus_brief
    from parley.store.schema import open_reader

    con = open_reader(db)
    try:
        if article_id is not None:
            return article_brief(con, article_id, dyad=pair)
        assert pair is not None
        return corpus_brief(con, pair[0], pair[1], since, until)
    finally:
        con.close()


def _brief_of_source(
    source: str,
    pair: tuple[str, str] | None,
    published: str | None,
    url: str | None,
    model: str | None,
    kb: list[Path] | None,
    timeout: float,
    warnings: list[str],
) -> Brief:
    """Analyse ``source``, store it with the normal writer in a temporary store, brief it."""
    import tempfile

    from parley.config import Config
    from parley.limits import check_seconds, time_limit
    from parley.pipeline import Pipeline, publication_time
    from parley.sources.address import redact_url
    from parley.sources.files import read_source
    from parley.store.ingest import IngestOptions, ingest_items
    from parley.store.schema import open_reader

    try:
        check_seconds(timeout)
    except ValueError as err:
        raise InputError(f"--timeout: {err}") from None
    when = publication_time(published)
    config = Config(model=model, knowledge=tuple(kb or ()), timeout=timeout)
    pipeline = Pipeline.from_config(config)
    with time_limit(timeout, redact_url(source)):
        document = read_source(source, codecs=pipeline.resources.extract.codecs)
    if url:
        document = replace(document, url=url)
    if when is not None:
        document = replace(document, published=when.isoformat())
    with tempfile.TemporaryDirectory(prefix="parley-brief-") as folder:
        db = Path(folder) / "article.duckdb"
        ingest_items([document], db, config=config, options=IngestOptions(), pipeline=pipeline)
        con = open_reader(db)
        try:
            article_id = _stored_article(con)
            from parley.brief.build import article_brief

            found = con.execute(
                "SELECT warnings FROM articles WHERE article_id = ?", [article_id]
            ).fetchone()
            warnings += list(found[0] or []) if found else []
            return article_brief(con, article_id, dyad=pair)
        finally:
            con.close()


def _stored_article(con: duckdb.DuckDBPyConnection) -> str:
    """The one article of a temporary store, or the error its analysis failed with."""
    row = con.execute("SELECT article_id FROM articles ORDER BY seq LIMIT 1").fetchone()
    if row is not None:
        return str(row[0])
    failure = con.execute("SELECT code, message FROM failures LIMIT 1").fetchone()
    if failure is None:
        raise InputError("the article could not be stored")
    code, message = failure
    error = InputError(message)
    error.code = code  # the analysis's own error code, as parley analyze would report it
    raise error
