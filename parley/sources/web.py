"""Web: one URL -> Document, through httpx.

Adds ``fetch_url``, the only function in Parley that touches the network. All I/O goes
through one httpx transport, which a caller or a test may replace (``httpx.MockTransport``).
What it guarantees:

- one deadline (``timeout``) for the whole fetch, redirects and body included: every socket
  wait is cut to the time left, so a server that dribbles bytes cannot hold a worker;
- at most ``max_redirects`` redirects, to http(s) only, each hop checked like the first;
- no private, loopback, link-local, unspecified, multicast or reserved address unless
  ``allow_private``: the address checked is the one connected to (after DNS, for every
  connection, redirects included), so a name that resolves inside the network is refused
  too; proxies from the environment are not used, since they would hide that address;
- no URL with ``user:password@``: refused, and credentials never appear in a message;
- the size cap on the bytes received and again after every layer of decompression, read
  as they stream; a body cut short of its Content-Length is an error, never a page;
- the Content-Type decides whether the page is something Parley reads.

Every failure is a parley.errors error with a short reason.
"""

from __future__ import annotations

import math
import socket
import time
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx

from parley.errors import EmptyInput, FetchError, UnsupportedFormat
from parley.sources.address import address_problem, redact_credentials, redact_url
from parley.sources.decode import CodecTables, with_encoding
from parley.sources.document import Document
from parley.sources.sniff import GZIP_MAGIC, MAX_BYTES, gunzip, inflate, too_large

__all__ = ["ACCEPTED_TYPES", "USER_AGENT", "fetch_url"]

USER_AGENT = "parley/0.1"
# What a news page is served as; a missing Content-Type is accepted and sniffed later.
ACCEPTED_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
    "Accept-Encoding": "gzip, deflate",
}
_PRIVATE_HINT = "allow_private=True (or --allow-private) fetches it anyway"


def fetch_url(
    url: str,
    *,
    timeout: float = 20.0,
    max_redirects: int = 5,
    max_bytes: int = MAX_BYTES,
    allow_private: bool = False,
    transport: httpx.BaseTransport | None = None,
    codecs: CodecTables | None = None,
) -> Document:
    """Fetch one page. ``Document.source`` is the URL as given, ``url`` the final one.

    ``timeout`` (seconds, > 0) bounds the whole fetch. ``transport`` replaces the network
    (tests pass ``httpx.MockTransport``); the address of a host given by name is then not
    checked, since nothing is connected to. ``codecs`` are the tables decoding reads (None
    loads them for this call).
    """
    if not (timeout > 0 and math.isfinite(timeout)):
        raise ValueError(f"timeout must be a finite number of seconds > 0, not {timeout}")
    shown = redact_url(url)
    start = _checked_url(url.strip(), shown, allow_private)
    deadline = _Deadline(timeout)
    if transport is None:
        transport = _GuardedTransport(_GuardedBackend(deadline, allow_private))
    client = httpx.Client(
        transport=transport,
        headers=_HEADERS,
        timeout=timeout,
        follow_redirects=False,  # followed below, so that every hop is checked
        trust_env=False,
    )
    try:
        with client:
            document = _fetch(
                client, start, url, shown, max_redirects, max_bytes, allow_private, deadline
            )
    except _Refused as err:
        raise FetchError(f"refused to fetch {shown}: {err}; {_PRIVATE_HINT}") from err
    except (httpx.TimeoutException, _DeadlinePassed) as err:
        raise FetchError(f"cannot fetch {shown}: timed out after {timeout:g} s") from err
    except httpx.RemoteProtocolError as err:
        raise FetchError(f"cannot fetch {shown}: {_protocol_reason(err)}") from err
    except (httpx.TransportError, httpx.DecodingError) as err:
        reason = redact_credentials(str(err)) or type(err).__name__
        raise FetchError(f"cannot fetch {shown}: {reason}") from err
    return with_encoding(document, codecs)


def _fetch(
    client: httpx.Client,
    start: httpx.URL,
    given: str,
    shown: str,
    max_redirects: int,
    max_bytes: int,
    allow_private: bool,
    deadline: _Deadline,
) -> Document:
    current = start
    for hop in range(max_redirects + 1):
        with client.stream("GET", current) as response:
            if response.has_redirect_location:
                target = _redirect_target(current, response.headers["Location"], shown)
                if hop == max_redirects:
                    break
                current = _checked_url(str(target), redact_url(str(target)), allow_private)
                continue
            if response.status_code >= 300:
                reason = response.reason_phrase or "error"
                raise FetchError(f"HTTP {response.status_code} {reason} for {shown}")
            content_type = response.headers.get("Content-Type")
            _check_type(shown, content_type)
            declared = _declared_length(response)
            if declared is not None and declared > max_bytes:
                raise too_large(shown, declared, max_bytes)
            if response.is_stream_consumed:
                # A transport that built its Response from bytes (httpx.MockTransport):
                # httpx has read and decoded them already.
                data = _undo_encoding(response.content, None, shown, max_bytes)
            else:
                body = _read_body(response, shown, declared, max_bytes, deadline)
                coding = response.headers.get("Content-Encoding")
                data = _undo_encoding(body, coding, shown, max_bytes)
            final_url = str(response.url)
        if not data.strip():
            raise EmptyInput(f"{shown} returned an empty page")
        return Document(data=data, source=given, url=final_url, content_type=content_type)
    raise FetchError(f"too many redirects (more than {max_redirects}) fetching {shown}")


def _checked_url(url: str, shown: str, allow_private: bool) -> httpx.URL:
    """The URL as httpx will send it, or FetchError: not http(s), no host, credentials,
    or (unless allowed) an IP address that is not public."""
    try:
        parts = urlsplit(url)
    except ValueError as err:
        # urlsplit refuses e.g. "http://[::1"; the message never holds the credentials.
        raise FetchError(f"{shown} is not a valid web address ({err})") from err
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"{shown} is not an http:// or https:// address")
    if not parts.hostname:
        raise FetchError(f"{shown} names no host")
    if parts.username is not None or parts.password is not None:
        raise FetchError(
            f"{shown} carries a user name or password: Parley does not send credentials; "
            "fetch the page yourself and give Parley the file"
        )
    if not allow_private and (problem := _literal_problem(parts.hostname)):
        raise FetchError(
            f"refused to fetch {shown}: {parts.hostname} is a {problem} address; {_PRIVATE_HINT}"
        )
    try:
        # httpx encodes what browsers let people paste: IDNA hosts, spaces, non-ASCII.
        return httpx.URL(url)
    except httpx.InvalidURL as err:
        raise FetchError(f"{shown} is not a valid web address ({err})") from err


def _literal_problem(host: str) -> str | None:
    """What is wrong with a host written as an IP address; None for names and public IPs."""
    problem = address_problem(host.strip("[]"))
    return None if problem == "not an IP address" else problem


def _redirect_target(current: httpx.URL, location: str, shown: str) -> httpx.URL:
    try:
        target = current.join(location)
    except httpx.InvalidURL as err:
        raise FetchError(f"{shown} redirects to an invalid address ({err})") from err
    if target.scheme not in ("http", "https"):
        raise FetchError(f"{shown} redirects to {redact_url(str(target))}, which is not a web page")
    return target


def _check_type(shown: str, content_type: str | None) -> None:
    media = (content_type or "").split(";")[0].strip().lower()
    if not media or media in ACCEPTED_TYPES:
        return
    if media == "application/pdf":
        raise UnsupportedFormat(
            f"{shown} is a PDF document (application/pdf); Parley reads HTML and plain text"
        )
    raise UnsupportedFormat(f"{shown} is served as {media}, not as HTML or plain text")


def _declared_length(response: httpx.Response) -> int | None:
    declared = response.headers.get("Content-Length", "").strip()
    if "chunked" in response.headers.get("Transfer-Encoding", "").lower():
        return None  # chunked framing wins over a Content-Length (RFC 9112 6.3)
    return int(declared) if declared.isdigit() else None


def _read_body(
    response: httpx.Response,
    shown: str,
    declared: int | None,
    max_bytes: int,
    deadline: _Deadline,
) -> bytes:
    """The raw (still content-encoded) body, capped, checked against its Content-Length."""
    chunks: list[bytes] = []
    received = 0
    try:
        for chunk in response.iter_raw():
            received += len(chunk)
            if received > max_bytes:
                raise too_large(shown, None, max_bytes)
            chunks.append(chunk)
            deadline.check()  # an injected transport has no guarded sockets
    except httpx.RemoteProtocolError as err:
        # h11 raises this when the connection closes before the declared length.
        raise FetchError(f"cannot fetch {shown}: {_cut_short(received, declared)}") from err
    if declared is not None and received < declared:
        raise FetchError(f"cannot fetch {shown}: {_cut_short(received, declared)}")
    return b"".join(chunks)


def _cut_short(received: int, declared: int | None) -> str:
    of = f" ({received} of {declared} bytes)" if declared is not None else ""
    return f"the server closed the connection before the page was complete{of}"


def _undo_encoding(body: bytes, encoding: str | None, shown: str, max_bytes: int) -> bytes:
    """Undo Content-Encoding layers (last applied first), then any gzip layer of the file
    itself (a .gz page served as is); every layer is capped while it streams."""
    codings = [c.strip().lower() for c in (encoding or "").split(",") if c.strip()]
    data = body
    for coding in reversed(codings):
        if coding == "identity":
            continue
        if coding in ("gzip", "x-gzip"):
            data = inflate((data,), "gzip", shown, max_bytes)
        elif coding == "deflate":
            data = inflate((data,), "deflate", shown, max_bytes)
        else:
            raise FetchError(f"cannot fetch {shown}: unsupported content encoding {coding!r}")
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data, shown, max_bytes)
    return data


def _protocol_reason(err: httpx.RemoteProtocolError) -> str:
    text = str(err)
    if "without sending a response" in text or "Server disconnected" in text:
        return "the server closed the connection without answering"
    return f"malformed response ({redact_credentials(text)})"


class _Refused(Exception):
    """A connection to an address Parley may not fetch from (caught in fetch_url)."""


class _DeadlinePassed(Exception):
    """The whole fetch ran past its deadline between two reads (caught in fetch_url)."""


class _Deadline:
    """The end of the whole fetch; cuts every socket wait to the time left."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def left(self, wait: float | None, expired: type[Exception]) -> float:
        remaining = self.end - time.monotonic()
        if remaining <= 0:
            raise expired(f"the fetch took longer than {self.seconds:g} s")
        return remaining if wait is None else min(wait, remaining)

    def check(self) -> None:
        self.left(None, _DeadlinePassed)


class _DeadlineStream(httpcore.NetworkStream):
    """A connected socket whose every read, write and TLS handshake ends by the deadline."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: _Deadline) -> None:
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._deadline.left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._deadline.left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        wait = self._deadline.left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._stream.start_tls(ssl_context, server_hostname, wait), self._deadline
        )

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _GuardedBackend(httpcore.NetworkBackend):
    """Resolves a host, refuses non-public addresses, and connects to the checked address.

    Connecting to the address that was checked (not resolving the name a second time)
    leaves no gap for DNS to answer differently in between. TLS still verifies the host
    name: httpcore passes it to the handshake separately.
    """

    def __init__(self, deadline: _Deadline, allow_private: bool) -> None:
        self._deadline = deadline
        self._allow_private = allow_private
        self._direct = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self._resolve(host, port)
        if not self._allow_private:
            for address in addresses:
                if problem := address_problem(address):
                    shown = host if host == address else f"{host} resolves to {address}, which"
                    raise _Refused(f"{shown} is a {problem} address")
        failure: httpcore.ConnectError | httpcore.ConnectTimeout | None = None
        for address in addresses:
            wait = self._deadline.left(timeout, httpcore.ConnectTimeout)
            try:
                stream = self._direct.connect_tcp(
                    address, port, wait, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as err:
                failure = err
                continue
            return _DeadlineStream(stream, self._deadline)
        assert failure is not None  # _resolve returns at least one address
        cause = failure.__cause__
        if isinstance(cause, ConnectionRefusedError):
            raise httpcore.ConnectError("connection refused") from failure
        if isinstance(cause, OSError) and cause.strerror:
            raise httpcore.ConnectError(cause.strerror.lower()) from failure
        raise failure

    def _resolve(self, host: str, port: int) -> list[str]:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as err:
            raise httpcore.ConnectError("host not found") from err
        # Unique addresses, in the resolver's order of preference.
        return list(dict.fromkeys(str(info[4][0]) for info in infos))

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        raise _Refused("Parley fetches over TCP only")  # pragma: no cover (never asked)

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)  # pragma: no cover (httpcore sleeps only between retries)


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's own transport (request mapping, errors, TLS) over the guarded backend.

    httpx does not take a network backend, so the connection pool it builds is replaced by
    one that uses ours; the pool is what ``HTTPTransport`` sends through (``_pool``, pinned
    by the lock; tests with a local server fail if httpx ever renames it).
    """

    def __init__(self, backend: _GuardedBackend) -> None:
        context = httpx.create_ssl_context()
        super().__init__(verify=context, trust_env=False)
        self._pool = httpcore.ConnectionPool(ssl_context=context, network_backend=backend)
