"""The dashboard in a real browser: Playwright driving Debian's Chromium against a server
over the fixture store. Screenshots of every page go to tests/web/artifacts/ (not tracked).

One server (uvicorn in a thread, on a free port) and one browser for the module. Every page
is watched: a dialog (what an injected ``alert`` would open), a console error or an
uncaught page error fails the test.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from parley.web.store import Settings
from tests.web.store_fixture import ATTACKS

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
A1, A5 = "a000000000000001", "a000000000000005"

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not CHROMIUM.is_file():
    pytest.skip(
        "Debian's chromium is not installed at /usr/bin/chromium (scripts/setup.sh --dev "
        "installs it)",
        allow_module_level=True,
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(web_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from parley.web.app import create_app

    # A copy: the analyze test stores an article, and other modules share the fixture store.
    db = tmp_path_factory.mktemp("browser") / "store.duckdb"
    shutil.copy(web_store, db)
    port = _free_port()
    app = create_app(Settings(db=db, allow_store=True, analyze_timeout=120.0))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the dashboard server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=30)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=str(CHROMIUM))
        yield launched
        launched.close()


class Watched:
    """A page with listeners for what must never happen."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture()
def watched(browser: Any) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = Watched(context.new_page())
    page.page.set_default_timeout(20_000)
    yield page
    context.close()
    assert page.dialogs == [], f"a dialog opened: {page.dialogs}"
    assert page.errors == [], f"console or page errors: {page.errors}"


PAGES = {
    "overview": "/",
    "dyad": "/dyad/USA/PRK",
    "actor": "/actor/PRKGOV",
    "cluster": "/cluster/c3",
    "event": "/event/a000000000000002/v1",
    "article": f"/article/{A1}",
    "search": "/search?q=sanctions",
    "analyze": "/analyze",
    "injection": f"/article/{A5}",
}


@pytest.mark.parametrize("name", PAGES)
def test_web_browser_every_page_loads(server: str, watched: Watched, name: str) -> None:
    response = watched.page.goto(server + PAGES[name])
    assert response is not None and response.status == 200
    assert watched.page.locator("h1").first.inner_text().strip()
    watched.shot(name)


def test_web_browser_overview_to_dyad_to_event_to_article(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(server + "/")
    page.get_by_role("link", name="PRK – USA").click()
    page.wait_for_url("**/dyad/PRK/USA")
    bars = page.locator("svg#timeline rect.bar")
    assert bars.count() == 5
    box = bars.first.bounding_box()
    assert box is not None and box["width"] > 5 and box["height"] > 5  # drawn, not just there
    assert page.locator("svg#timeline polyline.goldstein").count() == 1
    page.locator("table.clusters a[href='/cluster/c3']").first.click()
    page.wait_for_url("**/cluster/c3")
    page.locator("table.reports a.evidence").first.click()
    page.wait_for_url("**/article/a000000000000002?hl=*")
    highlighted = page.locator("#text .hl")
    assert highlighted.count() >= 1
    assert "denounced" in " ".join(highlighted.all_inner_texts())
    assert highlighted.first.is_visible()
    watched.shot("click-through-article")


def test_web_browser_cited_passage_is_highlighted(server: str, watched: Watched) -> None:
    # A brief's citation names offsets that need not start a stored row: parley.js marks them.
    page = watched.page
    page.goto(server + f"/article/{A1}#c4-30")
    cited = page.locator("#text .cited")
    cited.first.wait_for()
    assert "United States" in " ".join(cited.all_inner_texts())


def test_web_browser_search(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(server + "/")
    box = page.get_by_role("searchbox", name="Search")
    box.fill("sanctions")
    box.press("Enter")
    page.wait_for_url("**/search?q=sanctions")
    assert page.locator("#article-results li").count() == 2
    assert page.locator("#article-results mark").first.inner_text().lower() == "sanctions"
    watched.shot("search-typed")


def test_web_browser_injection_never_runs(server: str, watched: Watched) -> None:
    page = watched.page
    for path in ("/", "/dyad/USA/PRK", "/actor/USAGOV", f"/article/{A5}", "/cluster/c7",
                 f"/event/{A5}/v1", "/search?q=envoy"):  # fmt: skip
        page.goto(server + path)
    page.goto(server + f"/article/{A5}")
    title = page.locator("h1").inner_text()
    assert ATTACKS[0] in title and ATTACKS[3] in title
    assert ATTACKS[1] in page.locator("dd.byline").inner_text()
    assert page.locator("a.out").count() == 0  # the javascript: URL is not a link
    assert ATTACKS[5] in page.locator("#text").inner_text()
    assert page.evaluate("document.querySelectorAll('img, iframe, script:not([src])').length") == 0


@pytest.mark.model
def test_web_browser_paste_an_article(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(server + "/analyze")
    page.locator("textarea#paste").fill(
        "The foreign minister of Norway met his Japanese counterpart in Oslo on Monday. "
        '"We agreed to meet again in March," the Norwegian minister said.'
    )
    page.locator("input[name=published]").fill("2031-02-03")
    page.locator("input[name=store]").check()
    page.get_by_role("button", name="Analyze").click()
    page.locator("div#text").wait_for(timeout=180_000)
    assert "Norway" in page.locator("table.rows").first.inner_text()
    assert page.locator("#text .ent").count() >= 2
    watched.shot("analyze-result")
    page.get_by_role("link", name="its page in the store").click()
    assert "Norway" in page.locator("#text").inner_text()


def test_web_browser_dyad_loads_its_brief(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(server + "/dyad/USA/PRK")
    page.locator("section#brief[data-loaded]").wait_for(timeout=60_000)
    try:
        import parley.brief  # noqa: F401
    except ImportError:
        assert "No brief" in page.locator("section#brief").inner_text()
        return
    assert page.locator("section#brief article h1").count() == 1
    watched.shot("dyad-with-brief")
    passage = page.locator("section#brief a", has_text="the passage in the article").first
    passage.click()
    page.wait_for_url("**/article/*#c*")
    assert page.locator("#text .cited").count() >= 1
    watched.shot("brief-citation")
