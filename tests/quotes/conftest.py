"""The quote stage's resources, read once for the whole test session."""

from __future__ import annotations

import pytest

from parley.config import Config
from parley.quotes import QuoteResources


@pytest.fixture(scope="session")
def quote_resources() -> QuoteResources:
    return QuoteResources.load(Config())
