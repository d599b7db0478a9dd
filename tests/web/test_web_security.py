"""Safe by default: headers, escaping of the injection corpus, same-origin writes, the upload
cap, a store nobody can write or read files through, and the loopback default."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.web.store_fixture import ATTACKS, RLO

A5 = "a000000000000005"
INJECTED_PAGES = ("/", "/dyad/USA/PRK", "/actor/USAGOV", f"/article/{A5}", "/cluster/c7",
                  f"/event/{A5}/v1", "/search?q=envoy")  # fmt: skip


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every element's tag and attributes, as a browser's parser reads them."""
    found: list[tuple[str, dict[str, str | None]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, dict(attrs)))

    Collect().feed(html)
    return found


@pytest.mark.parametrize("path", INJECTED_PAGES)
def test_web_injection_corpus_is_text(client: Any, path: str) -> None:
    html = client.get(path).text
    for attack in ATTACKS:
        if "<" in attack:
            assert attack not in html  # never as markup
    tags = _tags(html)
    # The only script is the page's own file; no style, no event handler, no script URL.
    assert [a for t, a in tags if t == "script"] == [{"src": "/static/parley.js", "defer": None}]
    assert not [t for t, _ in tags if t in ("style", "img", "iframe", "object", "embed")]
    assert not [a for _, a in tags if "style" in a or any(k.startswith("on") for k in a)]
    links = [v or "" for _, a in tags for k, v in a.items() if k in ("href", "src", "action")]
    # The one data: URL is the empty icon (so the browser asks for no favicon.ico).
    assert not [v for v in links if v.strip().lower().startswith(("javascript:", "data:"))
                and v != "data:,"]  # fmt: skip
    assert RLO not in html  # a right-to-left override is shown as a visible mark instead


def test_web_injection_shows_as_text(client: Any) -> None:
    html = client.get(f"/article/{A5}").text
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html  # template syntax in data is data
    assert "[U+202E]reversed" in html
    assert "&lt;img src=x onerror=alert(&#34;byline&#34;)&gt;" in html
    assert "javascript:alert(&#34;url&#34;) <small>(not a web address: not linked)</small>" in html


def test_web_headers_on_every_response(client: Any) -> None:
    for path in ("/", "/index.json", "/static/parley.css", "/nope", "/article/nope.json"):
        response = client.get(path)
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp
        assert "unsafe-inline" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"


def test_web_pages_load_nothing_from_another_host(client: Any) -> None:
    for path in ("/", "/dyad/USA/PRK", "/search?q=talks", "/analyze", "/actor/PRK"):
        html = client.get(path).text
        sources = re.findall(r'(?:src|href|action)="([^"]*)"', html)
        outside = [s for s in sources if "//" in s and "news.example.org" not in s
                   and "other.example.net" not in s]  # fmt: skip
        assert outside == [], path


def test_web_other_host_header_refused(client: Any) -> None:
    response = client.get("/", headers={"host": "evil.example"})
    assert response.status_code == 400


def test_web_analyze_refuses_other_origins_big_and_empty_posts(client: Any) -> None:
    foreign = client.post("/analyze", data={"text": "x"}, headers={"origin": "http://evil.example"})
    assert foreign.status_code == 403
    referred = client.post("/analyze", data={"text": "x"},
                           headers={"referer": "http://evil.example/page"})  # fmt: skip
    assert referred.status_code == 403
    big = client.post("/analyze", files={"file": ("big.html", b"x" * (3 * 1024 * 1024))},
                      headers={"origin": "http://testserver"})  # fmt: skip
    assert big.status_code == 413
    empty = client.post("/analyze", data={"text": "  "}, headers={"origin": "http://testserver"})
    assert empty.status_code == 400
    assert "paste a text" in empty.text
    assert "Store the analysis" not in client.get("/analyze").text  # no --allow-store


def test_web_store_is_read_only_and_reads_no_files(client: Any, tmp_path: Path) -> None:
    import duckdb

    store = client.app.state.web.store
    secret = tmp_path / "secret.csv"
    secret.write_text("a\n1\n")
    with store.cursor() as cur:
        with pytest.raises(duckdb.Error):
            cur.execute("CREATE TABLE intruder (i INTEGER)")
        with pytest.raises(duckdb.Error):
            cur.execute(f"SELECT * FROM read_csv('{secret}')")
        with pytest.raises(duckdb.Error):
            cur.execute("SET enable_external_access = true")


def test_web_serve_warns_off_loopback(monkeypatch: pytest.MonkeyPatch, web_store: Path) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from parley.cli import app

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda _app, **kw: calls.append(kw))
    runner = CliRunner()
    local = runner.invoke(app, ["serve", "--db", str(web_store)])
    assert local.exit_code == 0, local.output
    assert calls[-1]["host"] == "127.0.0.1" and calls[-1]["port"] == 8000
    assert "warning" not in local.output
    wide = runner.invoke(app, ["serve", "--db", str(web_store), "--host", "0.0.0.0"])
    assert wide.exit_code == 0
    assert "warning: serving on 0.0.0.0" in wide.output
    missing = runner.invoke(app, ["serve", "--db", str(web_store.parent / "none.duckdb")])
    assert missing.exit_code != 0
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        busy = runner.invoke(app, ["serve", "--db", str(web_store), "--port", port])
    assert busy.exit_code != 0  # parley's main() makes an InputError exit 2 with its one line
    assert "cannot listen on 127.0.0.1 port" in str(busy.exception)
    assert len(calls) == 2  # a store that cannot be opened, or a port in use: never served


def test_web_index_command_builds_the_search_index(tmp_path: Path, web_store: Path) -> None:
    import shutil

    import duckdb
    from typer.testing import CliRunner

    from parley.cli import app
    from parley.store.search import index_state, load_fts

    copy = tmp_path / "copy.duckdb"
    shutil.copy(web_store, copy)
    con = duckdb.connect(str(copy))
    load_fts(con)
    con.execute("PRAGMA drop_fts_index('articles')")
    assert not index_state(con).articles
    con.close()
    result = CliRunner().invoke(app, ["index", "--db", str(copy)])
    assert result.exit_code == 0, result.output
    con = duckdb.connect(str(copy))
    assert index_state(con).articles and index_state(con).quotes
    con.close()
