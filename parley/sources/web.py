"""Web: one URL -> Document, with the standard library's urllib.

Adds ``fetch_url``, the only function in Parley that touches the network (as httpx keeps all
I/O behind one transport): it takes an optional ``opener`` so tests and callers can supply
their own. Redirects are counted and limited to http(s); the body is read up to the cap plus
one byte within one overall deadline; gzip/deflate transfer encodings are undone; the
Content-Type decides whether the page is something Parley reads. Every failure is a
parley.errors error with a short reason.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import zlib
from http.client import HTTPMessage
from typing import IO, Any
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urljoin, urlsplit, urlunsplit
from urllib.request import (
    HTTPRedirectHandler,
    OpenerDirector,
    ProxyHandler,
    Request,
    build_opener,
)

from parley.errors import EmptyInput, FetchError, UnsupportedFormat
from parley.sources.document import Document
from parley.sources.sniff import MAX_BYTES, gunzip, too_large

__all__ = ["ACCEPTED_TYPES", "USER_AGENT", "fetch_url"]

USER_AGENT = "parley/0.1"
# What a news page is served as; a missing Content-Type is accepted and sniffed later.
ACCEPTED_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
_CHUNK = 1 << 16


def fetch_url(
    url: str,
    *,
    timeout: float = 20.0,
    max_redirects: int = 5,
    max_bytes: int = MAX_BYTES,
    opener: OpenerDirector | None = None,
) -> Document:
    """Fetch one page. ``Document.source`` is the URL as given, ``url`` the final one.

    ``timeout`` bounds each network wait and, doubled, the whole fetch, so a server that
    dribbles bytes cannot hold a worker for ever.
    """
    try:
        address = _ascii_url(url.strip())
    except ValueError as err:
        # urlsplit refuses e.g. "http://[::1"; IDNA refuses empty or overlong labels.
        raise FetchError(f"{url} is not a valid web address ({err})") from err
    opener = opener or _default_opener(url, max_redirects)
    request = Request(
        address,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "gzip, deflate",
        },
    )
    deadline = time.monotonic() + 2 * timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            final_url = response.geturl()
            headers = response.headers
            content_type = headers.get("Content-Type")
            _check_type(url, content_type)
            _check_length(url, headers, max_bytes)
            body = _read_body(response, url, max_bytes, deadline, timeout)
    # Parley's own errors raised inside the block (size, type) are not OSErrors: they pass.
    except HTTPError as err:
        err.close()
        raise FetchError(f"HTTP {err.code} {err.reason} for {url}") from err
    except URLError as err:
        raise FetchError(f"cannot fetch {url}: {_describe(err.reason, timeout)}") from err
    except (OSError, http.client.HTTPException, ValueError) as err:
        # Raised while reading the body (timeouts, resets) or by a malformed URL/response.
        raise FetchError(f"cannot fetch {url}: {_describe(err, timeout)}") from err
    data = _undo_encoding(body, headers.get("Content-Encoding"), url, max_bytes)
    if not data.strip():
        raise EmptyInput(f"{url} returned an empty page")
    return Document(data=data, source=url, url=final_url, content_type=content_type)


def _ascii_url(url: str) -> str:
    """The URL as HTTP needs it: IDNA host, percent-encoded path and query.

    People paste addresses as browsers show them ("https://news.example/북한 talks");
    http.client would fail on the non-ASCII characters or spaces.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"{url} is not an http:// or https:// address")
    if not parts.hostname:
        raise FetchError(f"{url} names no host")
    host = parts.hostname
    if not host.isascii():
        host = host.encode("idna").decode("ascii")
    if ":" in host:
        host = f"[{host}]"  # an IPv6 literal
    netloc = f"{host}:{parts.port}" if parts.port is not None else host
    if parts.username is not None:
        credentials = quote(parts.username, safe="")
        if parts.password is not None:
            credentials += ":" + quote(parts.password, safe="")
        netloc = f"{credentials}@{netloc}"
    # Characters already percent-encoded, and URL delimiters, are kept as they are.
    path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~")
    query = quote(parts.query, safe="/?%:@!$&'()*+,;=-._~")
    return urlunsplit((parts.scheme.lower(), netloc, path or "/", query, ""))


class _LimitedRedirects(HTTPRedirectHandler):
    """Follows at most ``limit`` redirects, and only to http(s) addresses."""

    # urllib's own loop guards would fire first with a vaguer message; ours decide.
    max_redirections = 1000
    max_repeats = 1000

    def __init__(self, start: str, limit: int) -> None:
        self.start = start
        self.limit = limit

    def http_error_302(
        self, req: Request, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage
    ) -> Any:
        target = headers.get("Location") or headers.get("URI")
        if target is not None:
            new_url = urljoin(req.full_url, target)
            if urlsplit(new_url).scheme.lower() not in ("http", "https"):
                fp.close()
                raise FetchError(f"{self.start} redirects to {new_url}, which is not a web page")
            if getattr(req, "parley_hops", 0) >= self.limit:
                fp.close()
                raise FetchError(
                    f"too many redirects (more than {self.limit}) fetching {self.start}"
                )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(
        self, req: Request, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage, newurl: str
    ) -> Request | None:
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            new.parley_hops = getattr(req, "parley_hops", 0) + 1  # type: ignore[attr-defined]
        return new


def _default_opener(url: str, max_redirects: int) -> OpenerDirector:
    # ProxyHandler reads http(s)_proxy/no_proxy from the environment, as users expect.
    return build_opener(ProxyHandler(), _LimitedRedirects(url, max_redirects))


def _check_type(url: str, content_type: str | None) -> None:
    media = (content_type or "").split(";")[0].strip().lower()
    if not media or media in ACCEPTED_TYPES:
        return
    if media == "application/pdf":
        raise UnsupportedFormat(
            f"{url} is a PDF document (application/pdf); Parley reads HTML and plain text"
        )
    raise UnsupportedFormat(f"{url} is served as {media}, not as HTML or plain text")


def _check_length(url: str, headers: HTTPMessage, max_bytes: int) -> None:
    declared = headers.get("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > max_bytes:
        raise too_large(url, int(declared), max_bytes)


def _read_body(
    response: IO[bytes], url: str, max_bytes: int, deadline: float, timeout: float
) -> bytes:
    chunks: list[bytes] = []
    size = 0
    # read1 returns what has arrived; read(n) would wait for all n bytes, past the deadline.
    read = getattr(response, "read1", response.read)
    while size <= max_bytes:
        if time.monotonic() > deadline:
            raise FetchError(f"cannot fetch {url}: timed out after {2 * timeout:g} s")
        chunk = read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > max_bytes:
        raise too_large(url, None, max_bytes)
    return b"".join(chunks)


def _undo_encoding(body: bytes, encoding: str | None, url: str, max_bytes: int) -> bytes:
    coding = (encoding or "identity").strip().lower()
    if coding in ("", "identity"):
        return body
    if coding in ("gzip", "x-gzip"):
        return gunzip(body, url, max_bytes)
    if coding == "deflate":
        # Servers send either zlib-wrapped or raw deflate under this name; try both.
        for wbits in (zlib.MAX_WBITS, -zlib.MAX_WBITS):
            inflater = zlib.decompressobj(wbits)
            try:
                out = inflater.decompress(body, max_bytes + 1)
            except zlib.error:
                continue
            if len(out) > max_bytes:
                raise too_large(f"{url} (decompressed)", None, max_bytes)
            return out
        raise FetchError(f"cannot fetch {url}: the deflate-encoded body is damaged")
    raise FetchError(f"cannot fetch {url}: unsupported content encoding {coding!r}")


def _describe(reason: object, timeout: float) -> str:
    """A short reason a person understands, from urllib's and socket's exceptions."""
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ConnectionResetError):
        return "connection reset by the server"
    if isinstance(reason, socket.gaierror):
        return "host not found"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"TLS certificate not valid ({reason.verify_message})"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error ({reason.reason or reason})"
    if isinstance(reason, http.client.RemoteDisconnected):
        return "the server closed the connection without answering"
    if isinstance(reason, http.client.IncompleteRead):
        return "the server closed the connection before the page was complete"
    if isinstance(reason, http.client.HTTPException):
        return f"malformed response ({type(reason).__name__})"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return str(reason) or type(reason).__name__

