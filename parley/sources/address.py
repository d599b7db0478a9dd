"""Address: what may be said about a URL, and which network addresses Parley may fetch from.

Adds ``redact_url`` / ``redact_credentials`` (a URL's ``user:password@`` never reaches a
message, a log or an output) and ``address_problem`` (why an IP address is not a public one:
private, loopback, link-local, unspecified, multicast, reserved...). Standard library only,
so the command line can redact its messages without loading the network code.
"""

from __future__ import annotations

import ipaddress
import re

__all__ = ["address_problem", "redact_credentials", "redact_url"]

# scheme://userinfo@ : everything between "//" and the last "@" before the path.
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/?#\s@]*@")


def redact_url(url: str) -> str:
    """The URL with any ``user:password@`` replaced by ``***@`` (safe to print)."""
    return _USERINFO.sub(r"\1***@", url)


def redact_credentials(text: str) -> str:
    """Any text (an error message, a log line) with every URL's credentials redacted."""
    return _USERINFO.sub(r"\1***@", text)


def address_problem(address: str) -> str | None:
    """None for a public address; otherwise what it is ("loopback", "private", ...).

    An IPv4 address written inside IPv6 (``::ffff:127.0.0.1``, 6to4, NAT64 forms that
    ``ipaddress`` unwraps) is judged as the IPv4 address it carries.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("%eth0")
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour
        if inner is not None:
            return address_problem(str(inner))
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if ip.is_reserved:  # before is_private, which counts 240.0.0.0/4 among its ranges
        return "reserved"
    if ip.is_private:
        return "private"
    if not ip.is_global:
        # Shared address space (100.64.0.0/10), documentation ranges and the like.
        return "non-public"
    return None
