"""parley.sources.web: fetching pages from a local server started by the tests.

Nothing leaves 127.0.0.1. Every fetch has a short timeout, and the slow endpoints stop on
their own, so no test can hang.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from urllib.request import BaseHandler, OpenerDirector, Request, build_opener
from urllib.response import addinfourl

import pytest

from parley.errors import EmptyInput, FetchError, InputTooLarge, UnsupportedFormat
from parley.sources.decode import decode_document
from parley.sources.web import USER_AGENT, _describe, fetch_url

PAGE = (
    b"<html><head><title>Talks resume</title></head>"
    b"<body><p>Negotiators returned to the table on Friday.</p></body></html>"
)
KOREAN = "협상단이 금요일 다시 회담장에 돌아왔다."
BIG = b"<p>" + b"x" * 5000 + b"</p>"


class _Handler(BaseHTTPRequestHandler):
    """Routes by path; each route is one situation the fetcher must handle."""

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        html = {"Content-Type": "text/html; charset=utf-8"}
        if path == "/page":
            self._send(200, PAGE, {**html, "X-Agent": self.headers.get("User-Agent", "")})
        elif path == "/gzip":
            self._send(200, gzip.compress(PAGE), {**html, "Content-Encoding": "gzip"})
        elif path == "/deflate":
            self._send(200, zlib.compress(PAGE), {**html, "Content-Encoding": "deflate"})
        elif path == "/brotli":
            self._send(200, b"\x0b\x02\x80", {**html, "Content-Encoding": "br"})
        elif path == "/euc-kr":
            body = f"<html><body><p>{KOREAN}</p></body></html>".encode("cp949")
            self._send(200, body, {"Content-Type": "text/html; charset=EUC-KR"})
        elif path == "/no-type":
            self._send(200, PAGE, {})
        elif path == "/plain":
            self._send(200, b"Plain text news.", {"Content-Type": "text/plain"})
        elif path.startswith("/hop/"):
            # /hop/N answers with N redirects in a row before the page.
            left = int(path.rsplit("/", 1)[1])
            target = "/page" if left <= 1 else f"/hop/{left - 1}"
            self._send(302, b"", {"Location": target})
        elif path == "/to-ftp":
            self._send(301, b"", {"Location": "ftp://127.0.0.1/file.html"})
        elif path == "/loop":
            self._send(307, b"", {"Location": "/loop"})
        elif path == "/gone":
            self._send(410, b"gone", {"Content-Type": "text/plain"})
        elif path == "/pdf":
            self._send(200, b"%PDF-1.4\n", {"Content-Type": "application/pdf"})
        elif path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n", {"Content-Type": "image/png"})
        elif path == "/big":
            self._send(200, BIG, html)
        elif path == "/big-unsized":
            # No Content-Length: only counting the bytes read can catch it.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(BIG)
        elif path == "/bomb":
            self._send(200, gzip.compress(b" " * 100_000), {**html, "Content-Encoding": "gzip"})
        elif path == "/empty":
            self._send(200, b"", html)
        elif path == "/slow":
            time.sleep(1.5)  # longer than the tests' 0.5 s timeout
            self._send(200, PAGE, html)
        elif path == "/dribble":
            # One byte every 0.1 s: no single wait times out, the overall deadline must.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "40")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass  # the client gave up, as it should
        else:
            self._send(404, b"not here", {"Content-Type": "text/plain"})


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    # A proxy set in the environment must not capture requests to the local server.
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "*")


def test_web_fetches_an_html_page(server: str) -> None:
    document = fetch_url(f"{server}/page", timeout=2)
    assert document.data == PAGE
    assert document.source == document.url == f"{server}/page"
    assert document.content_type == "text/html; charset=utf-8"


def test_web_sends_parley_user_agent(server: str) -> None:
    seen: list[str] = []

    class Spy(BaseHandler):
        def http_response(self, request: Request, response: addinfourl) -> addinfourl:
            seen.append(response.headers["X-Agent"])
            return response

    fetch_url(f"{server}/page", timeout=2, opener=build_opener(Spy()))
    assert seen == [USER_AGENT]


@pytest.mark.parametrize("path", ["/gzip", "/deflate"])
def test_web_undoes_content_encoding(server: str, path: str) -> None:
    assert fetch_url(f"{server}{path}", timeout=2).data == PAGE


def test_web_unknown_content_encoding_is_a_fetch_error(server: str) -> None:
    with pytest.raises(FetchError, match="unsupported content encoding 'br'"):
        fetch_url(f"{server}/brotli", timeout=2)


def test_web_keeps_the_charset_header_for_decoding(server: str) -> None:
    document = fetch_url(f"{server}/euc-kr", timeout=2)
    assert KOREAN in decode_document(document)


@pytest.mark.parametrize("path", ["/no-type", "/plain"])
def test_web_accepts_missing_type_and_plain_text(server: str, path: str) -> None:
    assert fetch_url(f"{server}{path}", timeout=2).data


def test_web_follows_redirects_up_to_the_limit(server: str) -> None:
    document = fetch_url(f"{server}/hop/5", timeout=2, max_redirects=5)
    assert document.data == PAGE
    assert document.source == f"{server}/hop/5"
    assert document.url == f"{server}/page"


def test_web_refuses_one_redirect_too_many(server: str) -> None:
    with pytest.raises(FetchError) as err:
        fetch_url(f"{server}/hop/6", timeout=2, max_redirects=5)
    assert str(err.value) == f"too many redirects (more than 5) fetching {server}/hop/6 [E110]"


def test_web_refuses_a_redirect_loop(server: str) -> None:
    with pytest.raises(FetchError, match=r"too many redirects \(more than 3\)"):
        fetch_url(f"{server}/loop", timeout=2, max_redirects=3)


def test_web_refuses_redirects_off_the_web(server: str) -> None:
    with pytest.raises(FetchError) as err:
        fetch_url(f"{server}/to-ftp", timeout=2)
    assert str(err.value) == (
        f"{server}/to-ftp redirects to ftp://127.0.0.1/file.html, which is not a web page [E110]"
    )


@pytest.mark.parametrize(("path", "status"), [("/missing", "404 Not Found"), ("/gone", "410 Gone")])
def test_web_http_errors_name_the_status(server: str, path: str, status: str) -> None:
    with pytest.raises(FetchError) as err:
        fetch_url(f"{server}{path}", timeout=2)
    assert str(err.value) == f"HTTP {status} for {server}{path} [E110]"


def test_web_pdf_is_unsupported(server: str) -> None:
    with pytest.raises(UnsupportedFormat) as err:
        fetch_url(f"{server}/pdf", timeout=2)
    assert str(err.value) == (
        f"{server}/pdf is a PDF document (application/pdf); Parley reads HTML and plain text "
        "[E107]"
    )


def test_web_image_is_unsupported_with_its_type(server: str) -> None:
    with pytest.raises(UnsupportedFormat) as err:
        fetch_url(f"{server}/image", timeout=2)
    assert str(err.value) == (
        f"{server}/image is served as image/png, not as HTML or plain text [E107]"
    )


def test_web_slow_server_times_out(server: str) -> None:
    with pytest.raises(FetchError) as err:
        fetch_url(f"{server}/slow", timeout=0.5)
    assert str(err.value) == f"cannot fetch {server}/slow: timed out after 0.5 s [E110]"


def test_web_dribbling_server_hits_the_overall_deadline(server: str) -> None:
    with pytest.raises(FetchError, match=r"timed out after 1 s"):
        fetch_url(f"{server}/dribble", timeout=0.5)


def test_web_declared_length_over_cap_is_refused_before_reading(server: str) -> None:
    with pytest.raises(InputTooLarge) as err:
        fetch_url(f"{server}/big", timeout=2, max_bytes=1000)
    assert str(err.value) == (
        f"{server}/big is 4.9 KB, over Parley's 1000 bytes cap per document "
        "(set --max-bytes to change it) [E106]"
    )


def test_web_undeclared_length_over_cap_is_refused(server: str) -> None:
    with pytest.raises(InputTooLarge, match="is over Parley's 1000 bytes cap"):
        fetch_url(f"{server}/big-unsized", timeout=2, max_bytes=1000)


def test_web_gzip_bomb_is_refused(server: str) -> None:
    with pytest.raises(InputTooLarge, match=r"/bomb \(decompressed\) is over"):
        fetch_url(f"{server}/bomb", timeout=2, max_bytes=10_000)


def test_web_empty_body_is_empty_input(server: str) -> None:
    with pytest.raises(EmptyInput) as err:
        fetch_url(f"{server}/empty", timeout=2)
    assert str(err.value) == f"{server}/empty returned an empty page [E103]"


def test_web_closed_port_is_connection_refused() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # The socket is closed: nothing listens there now.
    with pytest.raises(FetchError) as err:
        fetch_url(f"http://127.0.0.1:{port}/page", timeout=2)
    assert str(err.value) == f"cannot fetch http://127.0.0.1:{port}/page: connection refused [E110]"


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("ftp://news.example/a", "is not an http:// or https:// address"),
        ("news.example/a", "is not an http:// or https:// address"),
        ("http://", "names no host"),
        ("https:///path", "names no host"),
    ],
)
def test_web_refuses_addresses_that_are_not_http(url: str, problem: str) -> None:
    with pytest.raises(FetchError) as err:
        fetch_url(url, timeout=0.5)
    assert str(err.value) == f"{url} {problem} [E110]"


def test_web_refuses_malformed_addresses() -> None:
    with pytest.raises(FetchError, match=r"http://\[::1/a is not a valid web address"):
        fetch_url("http://[::1/a", timeout=0.5)


def test_web_encodes_addresses_pasted_from_a_browser(server: str) -> None:
    document = fetch_url(f"{server}/page?q=북한 talks", timeout=2)
    assert document.data == PAGE
    assert document.source == f"{server}/page?q=북한 talks"
    assert document.url == f"{server}/page?q=%EB%B6%81%ED%95%9C%20talks"


def test_web_describes_dns_failure_without_the_network() -> None:
    assert _describe(socket.gaierror(-2, "Name or service not known"), 1) == "host not found"


def test_web_injected_opener_serves_without_a_network() -> None:
    class Canned(BaseHandler):
        def http_open(self, request: Request) -> addinfourl:
            headers = {"Content-Type": "text/html"}
            response = addinfourl(BytesIO(PAGE), headers, request.full_url, 200)  # type: ignore[arg-type]
            response.msg = "OK"
            return response

    opener = OpenerDirector()
    opener.add_handler(Canned())
    document = fetch_url("http://news.example/story", opener=opener)
    assert document.data == PAGE
    assert document.url == "http://news.example/story"
