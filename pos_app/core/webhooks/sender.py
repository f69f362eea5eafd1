"""The HTTP side of a delivery: one POST, its answer cut to 2 kB, never a redirect followed.

Each endpoint has its own HTTP/1.1 client, so its connection is kept alive from one
delivery to the next and a slow receiver holds only its own queue. A 3xx answer is
a failure (Standard Webhooks): following it could send the signed body to another host.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from pos_app import __version__

TIMEOUT = 15.0
RESPONSE_LIMIT = 2048
USER_AGENT = f"pos-app-webhooks/{__version__}"


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


class Sender:
    """Posts bodies, one kept-alive client per endpoint.

    Args:
        trust_env: let httpx read proxy variables (tests pass False).
        timeout: seconds for the whole attempt.
    """

    def __init__(self, *, trust_env: bool = True, timeout: float = TIMEOUT) -> None:
        self._trust_env = trust_env
        self.timeout = timeout
        self._clients: dict[int, httpx.AsyncClient] = {}

    def _client(self, endpoint_id: int) -> httpx.AsyncClient:
        client = self._clients.get(endpoint_id)
        if client is None or client.is_closed:
            client = httpx.AsyncClient(
                timeout=httpx.Timeout(self.timeout, connect=min(5.0, self.timeout)),
                follow_redirects=False,
                trust_env=self._trust_env,
                limits=httpx.Limits(max_connections=1, max_keepalive_connections=1),
            )
            self._clients[endpoint_id] = client
        return client

    async def post(
        self, endpoint_id: int, url: str, body: bytes, headers: dict[str, str]
    ) -> Answer:
        """POST ``body`` to ``url``; never raises for network trouble (it is in the answer)."""
        started = time.perf_counter()
        sent_headers = {"content-type": "application/json", "user-agent": USER_AGENT, **headers}
        try:
            async with self._client(endpoint_id).stream(
                "POST", url, content=body, headers=sent_headers
            ) as response:
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

    async def forget(self, endpoint_id: int) -> None:
        """Close an endpoint's client (removed or changed)."""
        client = self._clients.pop(endpoint_id, None)
        if client is not None:
            await client.aclose()

    async def aclose(self) -> None:
        """Close every client."""
        for endpoint_id in list(self._clients):
            await self.forget(endpoint_id)


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)
