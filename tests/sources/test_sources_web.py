"""parley.sources.web: fetching pages from a local server started by the tests, and through
httpx.MockTransport.

Nothing leaves 127.0.0.1. The local server is a loopback address, which fetch_url refuses
unless allow_private=True: the tests that use it pass it (``get``), and one test checks the
refusal. Every fetch has a short timeout, and the slow endpoints stop on their own, so no
test can hang.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

import parley.sources.web as web
from parley.errors import EmptyInput, FetchError, InputError, InputTooLarge, UnsupportedFormat
from parley.sources.address import address_problem, redact_credentials, redact_url
from parley.sources.decode import decode_document
from parley.sources.web import USER_AGENT, fetch_url


def get(url: str, **options: Any) -> Any:
    """fetch_url for the local server (a loopback address, so allow_private=True)."""
    return fetch_url(url, allow_private=True, **options)

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
        elif path == "/cut":
            # Promises 1000 bytes, sends 100 and closes (HTTP/1.0 closes after a response).
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(PAGE[:100])
        elif path == "/gzip-twice":
            body = gzip.compress(gzip.compress(b" " * 3_000_000, 9), 9)
            self._send(200, body, {**html, "Content-Encoding": "gzip"})
        elif path == "/gz-file":
            # A .gz page served as is, then gzip-encoded by the server: two layers.
            body = gzip.compress(gzip.compress(PAGE))
            self._send(200, body, {**html, "Content-Encoding": "gzip"})
        elif path == "/to-inside":
            port = self.server.server_address[1]
            self._send(302, b"", {"Location": f"http://inside.test:{port}/page"})
        elif path == "/to-credentials":
            port = self.server.server_address[1]
            self._send(302, b"", {"Location": f"http://reader:s3cret@127.0.0.1:{port}/page"})
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


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up (timeouts, refusals) is what the tests expect


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(autouse=True)
def _proxy_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # fetch_url ignores proxies (they would hide the address it checks): a proxy set in the
    # environment must not capture the requests to the local server.
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
    monkeypatch.setenv("https_proxy", "http://127.0.0.1:9")


def test_web_fetches_an_html_page(server: str) -> None:
    document = get(f"{server}/page", timeout=2)
    assert document.data == PAGE
    assert document.source == document.url == f"{server}/page"
    assert document.content_type == "text/html; charset=utf-8"


@pytest.mark.parametrize("path", ["/gzip", "/deflate"])
def test_web_undoes_content_encoding(server: str, path: str) -> None:
    assert get(f"{server}{path}", timeout=2).data == PAGE


def test_web_unknown_content_encoding_is_a_fetch_error(server: str) -> None:
    with pytest.raises(FetchError, match="unsupported content encoding 'br'"):
        get(f"{server}/brotli", timeout=2)


def test_web_keeps_the_charset_header_for_decoding(server: str) -> None:
    document = get(f"{server}/euc-kr", timeout=2)
    assert KOREAN in decode_document(document)


@pytest.mark.parametrize("path", ["/no-type", "/plain"])
def test_web_accepts_missing_type_and_plain_text(server: str, path: str) -> None:
    assert get(f"{server}{path}", timeout=2).data


def test_web_follows_redirects_up_to_the_limit(server: str) -> None:
    document = get(f"{server}/hop/5", timeout=2, max_redirects=5)
    assert document.data == PAGE
    assert document.source == f"{server}/hop/5"
    assert document.url == f"{server}/page"


def test_web_refuses_one_redirect_too_many(server: str) -> None:
    with pytest.raises(FetchError) as err:
        get(f"{server}/hop/6", timeout=2, max_redirects=5)
    assert str(err.value) == f"too many redirects (more than 5) fetching {server}/hop/6 [E110]"


def test_web_refuses_a_redirect_loop(server: str) -> None:
    with pytest.raises(FetchError, match=r"too many redirects \(more than 3\)"):
        get(f"{server}/loop", timeout=2, max_redirects=3)


def test_web_refuses_redirects_off_the_web(server: str) -> None:
    with pytest.raises(FetchError) as err:
        get(f"{server}/to-ftp", timeout=2)
    assert str(err.value) == (
        f"{server}/to-ftp redirects to ftp://127.0.0.1/file.html, which is not a web page [E110]"
    )


@pytest.mark.parametrize(("path", "status"), [("/missing", "404 Not Found"), ("/gone", "410 Gone")])
def test_web_http_errors_name_the_status(server: str, path: str, status: str) -> None:
    with pytest.raises(FetchError) as err:
        get(f"{server}{path}", timeout=2)
    assert str(err.value) == f"HTTP {status} for {server}{path} [E110]"


def test_web_pdf_is_unsupported(server: str) -> None:
    with pytest.raises(UnsupportedFormat) as err:
        get(f"{server}/pdf", timeout=2)
    assert str(err.value) == (
        f"{server}/pdf is a PDF document (application/pdf); Parley reads HTML and plain text "
        "[E107]"
    )


def test_web_image_is_unsupported_with_its_type(server: str) -> None:
    with pytest.raises(UnsupportedFormat) as err:
        get(f"{server}/image", timeout=2)
    assert str(err.value) == (
        f"{server}/image is served as image/png, not as HTML or plain text [E107]"
    )


def test_web_slow_server_times_out(server: str) -> None:
    with pytest.raises(FetchError) as err:
        get(f"{server}/slow", timeout=0.5)
    assert str(err.value) == f"cannot fetch {server}/slow: timed out after 0.5 s [E110]"


def test_web_dribbling_server_hits_the_overall_deadline(server: str) -> None:
    # Each byte comes well within the timeout; only the deadline on the whole read stops it.
    with pytest.raises(FetchError, match=r"/dribble: timed out after 0.5 s \[E110\]"):
        get(f"{server}/dribble", timeout=0.5)


def test_web_declared_length_over_cap_is_refused_before_reading(server: str) -> None:
    with pytest.raises(InputTooLarge) as err:
        get(f"{server}/big", timeout=2, max_bytes=1000)
    assert str(err.value) == (
        f"{server}/big is 4.9 KB, over Parley's 1000 bytes cap per document "
        "(set --max-bytes to change it) [E106]"
    )


def test_web_undeclared_length_over_cap_is_refused(server: str) -> None:
    with pytest.raises(InputTooLarge, match="is over Parley's 1000 bytes cap"):
        get(f"{server}/big-unsized", timeout=2, max_bytes=1000)


def test_web_gzip_bomb_is_refused(server: str) -> None:
    with pytest.raises(InputTooLarge, match=r"/bomb \(decompressed\) is over"):
        get(f"{server}/bomb", timeout=2, max_bytes=10_000)


def test_web_empty_body_is_empty_input(server: str) -> None:
    with pytest.raises(EmptyInput) as err:
        get(f"{server}/empty", timeout=2)
    assert str(err.value) == f"{server}/empty returned an empty page [E103]"


def test_web_closed_port_is_connection_refused() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # The socket is closed: nothing listens there now.
    with pytest.raises(FetchError) as err:
        get(f"http://127.0.0.1:{port}/page", timeout=2)
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
    document = get(f"{server}/page?q=북한 talks", timeout=2)
    assert document.data == PAGE
    assert document.source == f"{server}/page?q=북한 talks"
    assert document.url == f"{server}/page?q=%EB%B6%81%ED%95%9C%20talks"


def test_web_sends_parley_user_agent() -> None:
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["User-Agent"])
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=PAGE)

    document = fetch_url("http://news.example/story", transport=httpx.MockTransport(answer))
    assert seen == [USER_AGENT]
    assert document.data == PAGE
    assert document.url == "http://news.example/story"
    assert document.encoding == "utf-8"


def test_web_body_cut_short_of_its_length_is_an_error(server: str) -> None:
    with pytest.raises(FetchError) as err:
        get(f"{server}/cut", timeout=2)
    assert str(err.value) == (
        f"cannot fetch {server}/cut: the server closed the connection before the page was "
        "complete (100 of 1000 bytes) [E110]"
    )


def test_web_body_cut_short_through_any_transport_is_an_error() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Type": "text/html", "Content-Length": "500"}
        return httpx.Response(200, headers=headers, stream=httpx.ByteStream(PAGE[:50]))

    with pytest.raises(FetchError, match=r"before the page was complete \(50 of 500 bytes\)"):
        fetch_url("http://news.example/story", transport=httpx.MockTransport(answer))


def test_web_loopback_server_is_refused_without_allow_private(server: str) -> None:
    with pytest.raises(FetchError) as err:
        fetch_url(f"{server}/page", timeout=2)
    assert str(err.value) == (
        f"refused to fetch {server}/page: 127.0.0.1 is a loopback address; "
        "allow_private=True (or --allow-private) fetches it anyway [E110]"
    )


def test_web_a_name_is_checked_by_the_address_it_resolves_to(server: str) -> None:
    port = server.rsplit(":", 1)[1]
    with pytest.raises(FetchError) as err:
        fetch_url(f"http://localhost:{port}/page", timeout=2)
    assert f"refused to fetch http://localhost:{port}/page: localhost resolves to" in str(
        err.value
    )
    assert "which is a loopback address" in str(err.value)
    assert get(f"http://localhost:{port}/page", timeout=2).data == PAGE


def test_web_every_redirect_hop_is_checked_after_dns(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pretend 127.0.0.1 is public and "inside.test" resolves to 127.0.0.2 (loopback): the
    # first hop is fetched, the redirect to the inside name is refused at connection time.
    real_problem, real_resolve = address_problem, socket.getaddrinfo

    def problem(address: str) -> str | None:
        return None if address == "127.0.0.1" else real_problem(address)

    def resolve(host: str, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "inside.test":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.2", port))]
        return real_resolve(host, port, *args, **kwargs)

    monkeypatch.setattr(web, "address_problem", problem)
    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    assert fetch_url(f"{server}/page", timeout=2).data == PAGE
    with pytest.raises(FetchError) as err:
        fetch_url(f"{server}/to-inside", timeout=2)
    assert "inside.test resolves to 127.0.0.2, which is a loopback address" in str(err.value)


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://10.1.2.3/a", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://0.0.0.0/a", "unspecified"),
        ("http://[::1]/a", "loopback"),
        ("http://[::ffff:127.0.0.1]/a", "loopback"),
        ("http://224.0.0.1/a", "multicast"),
        ("http://240.0.0.1/a", "reserved"),
    ],
)
def test_web_refuses_private_literal_addresses_before_any_request(url: str, problem: str) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        raise AssertionError("no request may be sent")

    with pytest.raises(FetchError, match=f"is a {problem} address; allow_private=True"):
        fetch_url(url, transport=httpx.MockTransport(answer))


def test_web_refuses_a_redirect_to_a_private_address() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        assert request.url.host == "news.example"
        return httpx.Response(302, headers={"Location": "http://192.168.0.10/admin"})

    with pytest.raises(FetchError, match="192.168.0.10 is a private address"):
        fetch_url("http://news.example/story", transport=httpx.MockTransport(answer))


def test_web_refuses_credentials_without_printing_them() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        raise AssertionError("no request may be sent")

    with pytest.raises(FetchError) as err:
        fetch_url("https://reader:s3cret@news.example/a", transport=httpx.MockTransport(answer))
    message = str(err.value)
    assert "s3cret" not in message and "reader" not in message
    assert message.startswith("https://***@news.example/a carries a user name or password")


def test_web_refuses_a_redirect_to_credentials_without_printing_them(server: str) -> None:
    with pytest.raises(FetchError) as err:
        get(f"{server}/to-credentials", timeout=2)
    assert "s3cret" not in str(err.value)
    assert "http://***@127.0.0.1" in str(err.value)


def test_web_redaction_helpers() -> None:
    assert redact_url("https://u:p@h.example:8080/x?y=1") == "https://***@h.example:8080/x?y=1"
    assert redact_url("https://h.example/a@b") == "https://h.example/a@b"
    assert redact_credentials("see http://a:b@x.example/ and ftp://c@y.example") == (
        "see http://***@x.example/ and ftp://***@y.example"
    )


def test_web_content_encoding_over_a_gzip_file_is_two_layers(server: str) -> None:
    assert get(f"{server}/gz-file", timeout=2).data == PAGE


def test_web_second_gzip_layer_is_capped_too(server: str) -> None:
    with pytest.raises(InputTooLarge, match=r"/gzip-twice \(decompressed\) is over"):
        get(f"{server}/gzip-twice", timeout=2, max_bytes=50_000)


def test_web_damaged_gzip_encoding_is_an_input_error() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
        body = httpx.ByteStream(gzip.compress(PAGE)[:30])
        return httpx.Response(200, headers=headers, stream=body)

    with pytest.raises(InputError, match="looks gzip-compressed but cannot be decompressed"):
        fetch_url("http://news.example/story", transport=httpx.MockTransport(answer))


@pytest.mark.parametrize("timeout", [0, -1, float("nan"), float("inf")])
def test_web_timeout_must_be_positive_and_finite(timeout: float) -> None:
    with pytest.raises(ValueError, match="finite number of seconds > 0"):
        fetch_url("http://news.example/story", timeout=timeout)
