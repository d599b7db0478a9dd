"""The time stage's resources, loaded once for the session, and a tagger that uses them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from parley.config import Config
from parley.records import Timex
from parley.time import TimeResources, parse_published, tag_timexes

# Monday 2018-11-12, the day most tests are dated (see test_tagger's module doc).
MONDAY = "2018-11-12T17:37:00+09:00"

Tag = Callable[..., tuple[Timex, ...]]


@pytest.fixture(scope="session")
def time_resources() -> TimeResources:
    return TimeResources.load(Config())


@pytest.fixture(scope="session")
def tag(time_resources: TimeResources) -> Tag:
    """``tag(text, published=MONDAY, sentences=None)``: the publication time as ISO text,
    parsed as the pipeline parses it, or None for none."""

    def run(
        text: str,
        published: str | None = MONDAY,
        sentences: Sequence[tuple[int, int]] | None = None,
    ) -> tuple[Timex, ...]:
        when = parse_published(published) if published is not None else None
        return tag_timexes(text, when, sentences=sentences, resources=time_resources)

    return run
