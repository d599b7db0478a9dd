"""Progress of an ingest on standard error: a Rich bar on a terminal (documents/s, ETA when
the total can be estimated, failures so far), a plain line every 10 seconds otherwise
(``PARLEY_PROGRESS_SECONDS`` changes the interval), nothing with ``--quiet``."""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from parley.store.writer import Counts

__all__ = ["Reporter"]


class Reporter:
    def __init__(self, quiet: bool, total: int | None = None) -> None:
        self.quiet = quiet
        self.total = total
        self.started = time.monotonic()
        self.last = self.started
        self.progress: Any = None
        self.task: Any = None

    def __enter__(self) -> Reporter:
        if not self.quiet and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self.progress = Progress(
                BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                TimeRemainingColumn(), console=Console(stderr=True), transient=True,
            )  # fmt: skip
            self.progress.start()
            self.task = self.progress.add_task("starting", total=self.total)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()

    def update(self, counts: Counts) -> None:
        if self.quiet:
            return
        now = time.monotonic()
        elapsed = max(now - self.started, 1e-9)
        rate = counts.total / elapsed
        line = (
            f"{counts.ingested:,} ingested, {counts.present:,} present, "
            f"{counts.failed:,} failed, {rate:.1f} documents/s"
        )
        if self.progress is not None:
            self.progress.update(self.task, completed=counts.total, description=line)
            return
        if now - self.last < float(os.environ.get("PARLEY_PROGRESS_SECONDS", "10")):
            return
        self.last = now
        done = f"{counts.total:,}"
        if self.total:
            left = max(self.total - counts.total, 0) / max(rate, 1e-9)
            done += f" of ~{self.total:,} (ETA {int(left // 60)}:{int(left % 60):02d})"
        typer.echo(f"parley: {done} documents: {line}", err=True)
