"""The store's read-only queries (``parley events``, ``quotes``, ``actors``, ``timeline``,
``failures``, ``sql``)."""

from __future__ import annotations

import typer

__all__ = ["register_queries"]


def register_queries(app: typer.Typer) -> None:
    """Add the query commands to the ``parley`` app."""
