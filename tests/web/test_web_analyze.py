"""The analyze page without a model: the worker replaced by a stand-in that returns a
hand-written analysis (the real worker runs in the browser test, marked ``model``). What is
tested here is the page: showing the analysis, storing it only when allowed and asked,
and saying so when the worker is busy or the document fails."""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from parley.config import Config
from parley.pipeline import Failure
from parley.sources import Document
from parley.web.analyzer import Analyzer, Busy
from parley.web.store import Settings
from tests.web.store_fixture import Draft

ORIGIN = {"origin": "http://testserver"}


def _draft() -> Draft:
    draft = Draft("b000000000000001", "Norway and Japan meet", "Norway met Japan in Oslo.",
                  "2031-02-03T00:00:00+00:00")  # fmt: skip
    nor = draft.entity("Norway", "country", "NOR", "Norway", "Oslo")
    jpn = draft.entity("Japan", "country", "JPN", "Japan")
    draft.event(nor, jpn, "met", "040", 1, 1.0, "2031-02-03")
    return draft


class StandIn:
    """Answers as the worker would: an analysis, a failure, or busy."""

    def __init__(self, answer: Any) -> None:
        self.config = Config()
        self.answer = answer
        self.seen: list[Document] = []

    def analyze(self, document: Document, published: str | None = None) -> Any:
        self.seen.append(document)
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer

    def close(self) -> None:
        pass


class Result:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def to_dict(self) -> dict[str, Any]:
        return self.data


@pytest.fixture()
def make_client(web_store: Path, tmp_path: Path) -> Iterator[Any]:
    from parley.web.app import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    clients = []

    def make(answer: Any, allow_store: bool) -> Any:
        copy = tmp_path / f"store-{len(clients)}.duckdb"
        shutil.copy(web_store, copy)
        app = create_app(Settings(db=copy, allow_store=allow_store, hosts=("testserver",)))
        app.state.web.analyzer = StandIn(answer)
        client = TestClient(app)
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


def test_web_analyze_shows_and_stores_only_when_allowed(make_client: Any) -> None:
    data = _draft().data()
    allowed = make_client(Result(data), allow_store=True)
    assert 'name="store"' in allowed.get("/analyze").text
    page = allowed.post("/analyze", data={"text": "Norway met Japan in Oslo.", "store": "1"},
                        headers=ORIGIN)  # fmt: skip
    assert page.status_code == 200
    assert 'class="m ent' in page.text and 'href="/article/b000000000000001"' in page.text
    stored = allowed.get("/article/b000000000000001.json").json()
    assert stored["analysis"]["events"][0]["cameo"] == "040"
    assert allowed.get("/index.json").json()["counts"]["articles"] == 6
    document = allowed.app.state.web.analyzer.seen[0]
    assert document.source == "<text>" and document.data == b"Norway met Japan in Oslo."

    unticked = allowed.post("/analyze.json", data={"text": "Norway met Japan."}, headers=ORIGIN)
    assert unticked.json()["stored_id"] is None

    refused = make_client(Result(data), allow_store=False)
    assert 'name="store"' not in refused.get("/analyze").text
    page = refused.post("/analyze", data={"text": "Norway met Japan.", "store": "1"},
                        headers=ORIGIN)  # fmt: skip
    assert page.status_code == 200 and "Not stored." in page.text
    assert refused.get("/article/b000000000000001").status_code == 404


def test_web_analyze_upload_keeps_only_the_file_name(make_client: Any) -> None:
    client = make_client(Result(_draft().data()), allow_store=False)
    page = client.post("/analyze", files={"file": ("../../etc/passwd", b"<p>Norway</p>")},
                       headers=ORIGIN)  # fmt: skip
    assert page.status_code == 200
    document = client.app.state.web.analyzer.seen[0]
    assert document.source == "upload:passwd" and document.data == b"<p>Norway</p>"


def test_web_analyze_busy_and_failed(make_client: Any) -> None:
    busy = make_client(Busy("another analysis is running: try again in a moment"), False)
    page = busy.post("/analyze", data={"text": "x"}, headers=ORIGIN)
    assert page.status_code == 503 and "another analysis is running" in page.text
    failed = make_client(Failure("<text>", "extract", "E201", "no article text found"), False)
    page = failed.post("/analyze", data={"text": "x"}, headers=ORIGIN)
    assert page.status_code == 422 and "no article text found [E201]" in page.text


def test_web_analyzer_runs_one_analysis_at_a_time() -> None:
    analyzer = Analyzer(Config())
    with analyzer._lock, pytest.raises(Busy):  # another request holds the worker
        analyzer.analyze(Document(data=b"text", source="<text>"))
