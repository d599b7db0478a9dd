"""The dashboard's commands: ``parley serve`` and ``parley index`` (the search index).

``register(app)`` adds them to the ``parley`` Typer app (parley/cli.py calls it once).
"""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from parley.errors import InputError
from parley.store.commands import DEFAULT_DB, DbOption

__all__ = ["register"]

LOOPBACK = "127.0.0.1"


def register(app: typer.Typer) -> None:
    app.command()(serve)
    app.command()(index)


def serve(
    db: DbOption = Path(DEFAULT_DB),
    host: Annotated[
        str, typer.Option(help="Address to listen on. Another than 127.0.0.1 is warned about.")
    ] = LOOPBACK,
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    allow_store: Annotated[
        bool,
        typer.Option(
            help="Let the analyze page store an analysis when asked (the store is then opened "
            "for writing; without this option it is read-only)."
        ),
    ] = False,
    analyze_timeout: Annotated[
        float, typer.Option(help="Seconds one analysis on the analyze page may take.")
    ] = 60.0,
    upload_limit: Annotated[
        int, typer.Option(help="Bytes one analyze request (a pasted text or a file) may hold.")
    ] = 2 * 1024 * 1024,
) -> None:
    """Serve the dashboard over a store: overview, dyads, actors, events, articles, search,
    analyze; every page with a JSON twin (add .json)."""
    import uvicorn

    from parley.web.app import create_app
    from parley.web.store import Settings

    if not 0 < port < 65536:
        raise InputError(f"--port {port}: give a port from 1 to 65535")
    if analyze_timeout <= 0 or upload_limit <= 0:
        raise InputError("--analyze-timeout and --upload-limit must be greater than 0")
    hosts = tuple(dict.fromkeys(("127.0.0.1", "localhost", "::1", host.strip("[]"))))
    if not _loopback(host):
        typer.echo(
            f"parley: warning: serving on {host}, not only this machine: anyone who can reach "
            f"it on port {port} can read the whole store"
            + (" and store analyses in it" if allow_store else ""),
            err=True,
        )
        hosts = ("*",)
    settings = Settings(db=db, allow_store=allow_store, analyze_timeout=analyze_timeout,
                        upload_limit=upload_limit, hosts=hosts)  # fmt: skip
    _check_address(host, port)
    app = create_app(settings)  # opens the store first: a bad --db fails before listening
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"parley: serving {db} at http://{shown}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False,
                proxy_headers=False)  # fmt: skip


def index(db: DbOption = Path(DEFAULT_DB)) -> None:
    """Build (or rebuild) the store's full-text search index; parley ingest does it at the
    end of every run."""
    from parley.store.schema import open_store
    from parley.store.search import build_index

    con = open_store(db)
    try:
        if not build_index(con):
            raise InputError(
                "the full-text search extension cannot be loaded (is duckdb-ext-fts installed?)"
            )
        row = con.execute("SELECT count(*) FROM articles").fetchone()
        quotes = con.execute("SELECT count(*) FROM quotes").fetchone()
    finally:
        con.close()
    typer.echo(f"parley: indexed {row[0] if row else 0:,} articles and "
               f"{quotes[0] if quotes else 0:,} quotes in {db}", err=True)  # fmt: skip


def _check_address(host: str, port: int) -> None:
    """One line, not uvicorn's exit, when the address cannot be listened on."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host.strip("[]"), port))
        except OSError as err:
            raise InputError(
                f"cannot listen on {host} port {port} ({err.strerror or err}): "
                "give another --port or --host"
            ) from None


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
