"""Which receiver addresses a till may send to (server-side request forgery).

http and https only. Link-local addresses and cloud metadata services are always
refused: a webhook must never read a machine's credentials. Private and loopback
addresses (a shop's own LAN receiver) are allowed unless the ``webhooks.allow_private``
setting says otherwise. Host names are resolved and every address is checked, at
``add`` and again whenever the sender opens a connection, which then goes to one of
the checked addresses (a name can be re-pointed at any time).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

from pos_app.core.errors import ValidationError
from pos_app.core.urltext import has_blank_or_control

METADATA_HOSTS = frozenset({"metadata.google.internal", "metadata", "instance-data"})
METADATA_IPS = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")
)


def _refuse(url: str, why: str) -> ValidationError:
    return ValidationError("webhook.url_refused", f"This webhook address is refused: {why}.", url)


def check_url(url: str) -> tuple[str, int]:
    """Check the form of ``url``; returns its host and port.

    Raises:
        ValidationError: ``webhook.url_refused``.
    """
    if has_blank_or_control(url):
        raise _refuse(url, "it contains spaces or control characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise _refuse(url, "it is not a valid address") from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _refuse(url, "only http:// and https:// addresses can receive webhooks")
    if parts.username or parts.password:
        raise _refuse(url, "put no user name or password in the address")
    host = parts.hostname.lower()
    if host in METADATA_HOSTS:
        raise _refuse(url, "it is a cloud metadata service")
    return host, port or (443 if parts.scheme == "https" else 80)


def check_address(url: str, address: str, allow_private: bool) -> None:
    """Refuse an IP address the till must not send to."""
    ip = ipaddress.ip_address(address)  # a scoped "fe80::1%eth0" parses too
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip in METADATA_IPS:
        raise _refuse(url, "it is a cloud metadata service")
    if ip.is_link_local or ip.is_multicast or ip.is_unspecified or ip.is_reserved:
        raise _refuse(url, "it is a link-local or reserved address")
    if not allow_private and (ip.is_private or ip.is_loopback):
        raise _refuse(
            url, "it is a private or local address (allowed by the setting webhooks.allow_private)"
        )


async def check_resolved(url: str, allow_private: bool) -> None:
    """Check ``url`` and every address its host resolves to.

    Raises:
        ValidationError: ``webhook.url_refused``, or ``webhook.unresolvable`` for a name
            that does not resolve.
    """
    host, port = check_url(url)
    await resolve(url, host, port, allow_private)


async def resolve(url: str, host: str, port: int, allow_private: bool) -> list[str]:
    """The addresses of ``host``, each one checked; refused when any one is refused.

    The sender connects to these very addresses (never resolving the name again), so a
    name re-pointed between the check and the connection cannot reach a refused one.

    Raises:
        ValidationError: ``webhook.url_refused`` or ``webhook.unresolvable``.
    """
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise ValidationError(
            "webhook.unresolvable", "The webhook address's host name is not known.", host
        ) from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    for address in addresses:
        check_address(url, address, allow_private)
    return addresses
