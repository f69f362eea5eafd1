"""The app's one HTTP client for the web beyond the mints: exchange rates and Lightning addresses.

Mints have their own clients (:class:`pos_app.core.mint.client.MintPool`, one per
mint). Everything else shares this one, made on first use (most CLI commands never
need it) and closed by the composition root.
"""

from __future__ import annotations

import httpx

TIMEOUT = httpx.Timeout(15.0, connect=5.0)


class WebClient:
    """Hands out the shared ``httpx.AsyncClient`` (call the instance), made on first use.

    Args:
        trust_env: let httpx read proxy variables (tests pass False).
    """

    def __init__(self, *, trust_env: bool = True) -> None:
        self._trust_env = trust_env
        self._client: httpx.AsyncClient | None = None

    def __call__(self) -> httpx.AsyncClient:
        """The client (created now if needed)."""
        if self._client is None or self._client.is_closed:
            self._client = httpx.AsyncClient(timeout=TIMEOUT, trust_env=self._trust_env)
        return self._client

    async def aclose(self) -> None:
        """Close the client if one was made."""
        if self._client is not None:
            await self._client.aclose()
            self._client = None
