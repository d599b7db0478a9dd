"""Shared fixtures. Gold data and the seed live in ../shared beside the repo; tests that
need them skip with a reason when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PARLEY_SHARED", REPO.parent / "shared"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip(f"gold data not found at {path}")
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    path = SHARED / "seed" / "hankyoreh-2018-11-12-nk-us-deadlock.txt"
    if not path.is_file():
        pytest.skip(f"seed article not found at {path}")
    return path


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The default spaCy pipeline, loaded once for the whole session."""
    from parley.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_analysis(seed_path: Path):  # type: ignore[no-untyped-def]
    """The full analysis of the seed article, computed once."""
    from parley import analyze

    return analyze(path=seed_path)
