"""Safe by default: response headers, same-origin writes, and text that cannot turn itself
around.

- ``SecurityHeaders`` puts a Content-Security-Policy on every response: scripts, styles and
  images only from this server (no inline script, no inline style, nothing from another host),
  no frames, forms posting only here; plus nosniff, and no referrer sent to another site.
- ``same_origin`` refuses a write (a POST) that another site's page sent: a browser names
  the page's origin, and it must be this server's.
- ``visible_controls`` shows Unicode's bidirectional controls (right-to-left overrides,
  embeddings, isolates) as visible marks: a title holding U+202E must not reverse the text
  around it on the page. The template environment applies it to every value it prints.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["CSP", "SecurityHeaders", "same_origin", "visible_controls"]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    # same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with a
    # form post, and same_origin could no longer tell this server's own page from another's.
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)

# LRE, RLE, PDF, LRO, RLO (U+202A-U+202E) and LRI, RLI, FSI, PDI (U+2066-U+2069).
_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


class SecurityHeaders:
    """ASGI middleware adding ``HEADERS`` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in HEADERS}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message["headers"] = kept + list(HEADERS)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def same_origin(request: Request) -> None:
    """Refuse (403) a request another site's page sent: its Origin (or, lacking one, its
    Referer) must name this server as the browser reached it."""
    host = request.headers.get("host", "")
    origin = request.headers.get("origin")
    if origin is None:
        referer = request.headers.get("referer")
        if referer is None:
            return  # not sent by a browser page (curl, a script): nothing to forge
        origin = "/".join(referer.split("/", 3)[:3])
    if origin.split("://", 1)[-1] != host:
        raise HTTPException(403, "a form of another site cannot post to this server")


def visible_controls(value: Any) -> Any:
    """Bidirectional controls in printed text replaced by a visible ``[U+202E]``."""
    if isinstance(value, Markup):
        return Markup(_CONTROLS.sub(_name, str(value)))
    if isinstance(value, str):
        return _CONTROLS.sub(_name, value)
    return value


def _name(match: re.Match[str]) -> str:
    return f"[U+{ord(match.group()):04X}]"
