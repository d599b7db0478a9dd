"""The extract stage's tables, loaded once for the tests that call its classifiers."""

from __future__ import annotations

import pytest

from parley.extract.furniture_rules import FurnitureRules
from parley.extract.stamps import StampRules


@pytest.fixture(scope="session")
def rules() -> FurnitureRules:
    return FurnitureRules.load()


@pytest.fixture(scope="session")
def stamp_rules(rules: FurnitureRules) -> StampRules:
    return rules.stamps
