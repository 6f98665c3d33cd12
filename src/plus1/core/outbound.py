"""Requests Plus1 sends to a URL a client gave it: only to the public internet.

A client can make Plus1 call a URL of its choice (an abonnement's ``callbackUrl``). Unchecked,
Plus1 would post for that client to its own database port, the cloud's metadata service or the
gemeente's intranet (server-side request forgery). ``check_url`` refuses any scheme but http(s)
and any name that resolves to an address that is not public: loopback, private, link-local,
shared, multicast, reserved, unspecified, IPv6 as well as IPv4, also when written as an
IPv4-mapped IPv6 address or as a number (``http://2130706433/``). ``post`` sends to the very
address that was checked, so a name that answers differently the second time (DNS rebinding)
cannot slip through, and it never follows a redirect. Every outgoing request to a client-given
URL goes through here.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import Any

import httpx

from .exceptions import Plus1Error

Address = ipaddress.IPv4Address | ipaddress.IPv6Address

# NAT64 (RFC 6052): the IPv4 address in its last 32 bits is the one really reached.
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class RefusedURL(Plus1Error):
    """Plus1 will not send a request to this URL; the message says why, in plain Dutch.

    ``code`` is the ZGW ``invalidParams`` code: ``invalid`` for a URL that is not a full
    http(s)-URL, ``bad-url`` for one whose address Plus1 may not or cannot reach.
    """

    def __init__(self, message: str, code: str = "bad-url"):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Target:
    """A checked URL and the addresses it resolved to (none when private addresses are allowed)."""

    url: httpx.URL
    addresses: tuple[Address, ...] = ()


def is_public_address(address: Address) -> bool:
    """True for an address on the public internet; False for every internal or special one."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in NAT64:
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return is_public_address(embedded)
        if address.teredo is not None:
            return False
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def check_url(url: str, *, allow_private: bool = False) -> Target:
    """The URL, checked: http(s), with a host, and (unless allowed) resolving to public addresses only.

    Raises ``RefusedURL``. With ``allow_private`` (local demos and tests) nothing is resolved.
    """
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        raise RefusedURL("Geef een volledige http(s)-URL.", code="invalid") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise RefusedURL("Geef een volledige http(s)-URL.", code="invalid")
    if allow_private:
        return Target(parsed)
    host = parsed.raw_host.decode("ascii").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        raise RefusedURL(f"Plus1 stuurt geen berichten naar een intern adres ({host}).")
    return Target(parsed, resolve_public(host, parsed.port or (443 if parsed.scheme == "https" else 80)))


def resolve_public(host: str, port: int) -> tuple[Address, ...]:
    """The addresses of a host name (or IP address in any notation); refused unless all are public.

    All must be public: a name with one internal address among public ones is refused too.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise RefusedURL(f"De naam {host} is niet te vinden.") from None
    addresses: list[Address] = []
    for *_rest, sockaddr in infos:
        # An IPv6 link-local answer may carry its zone ("fe80::1%eth0").
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if not is_public_address(address):
            raise RefusedURL(f"Plus1 stuurt geen berichten naar een intern adres ({address}).")
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise RefusedURL(f"De naam {host} is niet te vinden.")
    return tuple(addresses)


def new_client(*, timeout: float) -> httpx.Client:
    """A client for requests to client-given URLs.

    No proxy from the environment: through a proxy, the proxy would pick the address, not the
    check. No redirects: a redirect could point anywhere.
    """
    return httpx.Client(timeout=timeout, trust_env=False, follow_redirects=False)


def post(client: httpx.Client, target: Target, **kwargs: Any) -> httpx.Response:
    """POST to a checked URL, connecting to the checked address (the first that resolved).

    The request still names the host (``Host`` header, and TLS checks the certificate for the
    host name), so the receiver sees no difference.
    """
    if not target.addresses:
        return client.post(target.url, **kwargs)
    url = target.url
    headers = {**(kwargs.pop("headers", None) or {}), "Host": url.netloc.decode("ascii")}
    extensions = dict(kwargs.pop("extensions", None) or {})
    if url.scheme == "https":
        extensions["sni_hostname"] = url.raw_host.decode("ascii")
    return client.post(
        url.copy_with(host=str(target.addresses[0])), headers=headers, extensions=extensions, **kwargs
    )
