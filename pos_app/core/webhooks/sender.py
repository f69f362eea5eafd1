"""The HTTP side of a delivery: one POST, its answer cut to 2 kB, never a redirect followed.

Each endpoint has its own HTTP/1.1 client, so its connection is kept alive from one
delivery to the next and a slow receiver holds only its own queue. A 3xx answer is
a failure (Standard Webhooks): following it could send the signed body to another host.
A new connection goes only to an address checked by :mod:`urls` at that moment
(:class:`CheckedNetwork`); a proxy from the environment, when set, resolves for itself.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

from pos_app import __version__
from pos_app.core.errors import PosError
from pos_app.core.webhooks import urls

TIMEOUT = 15.0
RESPONSE_LIMIT = 2048
USER_AGENT = f"pos-app-webhooks/{__version__}"
_LIMITS = httpx.Limits(max_connections=1, max_keepalive_connections=1)


@dataclass(frozen=True, slots=True)
class Answer:
    """What one attempt got: a status and the start of the body, or an error."""

    status_code: int | None
    body: str | None
    error: str | None
    duration_ms: float
    retry_after: str | None = None

    @property
    def ok(self) -> bool:
        """A 2xx answer: delivered."""
        return self.status_code is not None and 200 <= self.status_code < 300


class CheckedNetwork(httpcore.AsyncNetworkBackend):
    """Opens connections only to addresses the rules allow, checked as they are used.

    Checking a name and then letting the HTTP client resolve it again leaves a gap: a
    name re-pointed in between (DNS rebinding) would reach a refused address, such as a
    cloud metadata service. Here the name is resolved once, every address is checked,
    and the connection goes to one of those addresses; TLS still verifies the name.
    """

    def __init__(self, url: str, allow_private: bool) -> None:
        self._url = url
        self._allow_private = allow_private
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """A connection to the first checked address of ``host`` that answers."""
        async with asyncio.timeout(timeout):
            addresses = await urls.resolve(self._url, host, port, self._allow_private)
        failure: Exception = httpcore.ConnectError(f"{host} has no address")
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        raise failure

    async def sleep(self, seconds: float) -> None:
        """As the inner backend (the pool's keep-alive timing)."""
        await self._inner.sleep(seconds)


class _CheckedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport over a :class:`CheckedNetwork` (one kept-alive connection)."""

    def __init__(self, network: CheckedNetwork) -> None:
        super().__init__(limits=_LIMITS)
        # httpx builds its pool without a network backend parameter; this one differs only
        # in the backend (tests/unit/test_webhook_sender.py connects through it).
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=_LIMITS.max_connections,
            max_keepalive_connections=_LIMITS.max_keepalive_connections,
            keepalive_expiry=_LIMITS.keepalive_expiry,
            network_backend=network,
        )


class Sender:
    """Posts bodies, one kept-alive client per endpoint.

    Args:
        trust_env: let httpx read proxy variables (tests pass False).
        timeout: seconds for the whole attempt.
    """

    def __init__(self, *, trust_env: bool = True, timeout: float = TIMEOUT) -> None:
        self._trust_env = trust_env
        self.timeout = timeout
        # per endpoint: its client and what the client was made for (address, rule)
        self._clients: dict[int, tuple[tuple[str, bool], httpx.AsyncClient]] = {}

    async def _client(self, endpoint_id: int, url: str, allow_private: bool) -> httpx.AsyncClient:
        made_for = (url, allow_private)
        known = self._clients.get(endpoint_id)
        if known is not None and known[0] == made_for and not known[1].is_closed:
            return known[1]
        await self.forget(endpoint_id)
        client = httpx.AsyncClient(
            timeout=httpx.Timeout(self.timeout, connect=min(5.0, self.timeout)),
            follow_redirects=False,
            trust_env=self._trust_env,
            transport=_CheckedTransport(CheckedNetwork(url, allow_private)),
        )
        self._clients[endpoint_id] = (made_for, client)
        return client

    async def post(
        self,
        endpoint_id: int,
        url: str,
        body: bytes,
        headers: dict[str, str],
        *,
        allow_private: bool = True,
    ) -> Answer:
        """POST ``body`` to ``url``; never raises for network trouble or a refused address.

        Both are in the answer; ``allow_private``: the ``webhooks.allow_private`` setting.
        """
        started = time.perf_counter()
        sent_headers = {"content-type": "application/json", "user-agent": USER_AGENT, **headers}
        try:
            urls.check_url(url)
            client = await self._client(endpoint_id, url, allow_private)
            async with client.stream("POST", url, content=body, headers=sent_headers) as response:
                chunks = bytearray()
                async for chunk in response.aiter_bytes():
                    chunks += chunk
                    if len(chunks) >= RESPONSE_LIMIT:
                        break  # a huge answer is not read to the end
                text = bytes(chunks[:RESPONSE_LIMIT]).decode("utf-8", "replace")
                return Answer(
                    response.status_code,
                    text,
                    None,
                    _ms(started),
                    response.headers.get("retry-after"),
                )
        except httpx.TimeoutException:
            return Answer(None, None, f"no answer within {self.timeout:g} s", _ms(started))
        except httpx.HTTPError as exc:
            return Answer(None, None, f"{type(exc).__name__}: {exc}"[:500], _ms(started))
        except PosError as exc:  # the address was refused or does not resolve
            return Answer(None, None, f"{exc.code}: {exc.user_message}", _ms(started))

    async def forget(self, endpoint_id: int) -> None:
        """Close an endpoint's client (removed or changed)."""
        known = self._clients.pop(endpoint_id, None)
        if known is not None:
            await known[1].aclose()

    async def aclose(self) -> None:
        """Close every client."""
        for endpoint_id in list(self._clients):
            await self.forget(endpoint_id)


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)
