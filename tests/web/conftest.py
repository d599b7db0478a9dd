"""Fixtures of the dashboard's tests: the fixture store (built once), and an app over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from parley.web.store import Settings
from tests.web.store_fixture import build_store


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "fixture.duckdb")


@pytest.fixture()
def client(web_store: Path) -> Iterator[object]:
    import warnings

    from parley.web.app import create_app

    with warnings.catch_warnings():
        # Starlette's test client warns that it will move to another HTTP client.
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    app = create_app(Settings(db=web_store, hosts=("testserver", "127.0.0.1")))
    with TestClient(app) as test_client:
        yield test_client
