"""The local REST API: a face on the core beside the desktop app and the command line."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pos_app.api.server import ApiServer
    from pos_app.app import App

log = logging.getLogger(__name__)


async def start_api(core: App) -> ApiServer | None:
    """Serve the API when ``api.enabled`` is on (the GUI and ``serve`` call this); else None.

    FastAPI and uvicorn are imported only then: a till without the API never loads them.

    A network address is served with TLS (:mod:`pos_app.api.tls`) unless the owner chose
    plain HTTP there; blocks kept from before a restart still hold.

    Raises:
        NetworkError: ``api.listen_failed`` when the address cannot be used.
        ConfigError: ``api.tls_required`` (plain HTTP on the network, not allowed),
            ``api.tls_files`` (the shop's certificate cannot be used).
    """
    values = await core.settings.values()
    if not values.get("api.enabled"):
        return None
    from pos_app.api.app import make_api
    from pos_app.api.limits import AddressRules, Guard
    from pos_app.api.server import ApiServer
    from pos_app.api.tls import insecure_on_network, tls_for

    tls = await tls_for(core, values)
    per_key = int(values["api.rate_limit_per_minute"])
    guard = Guard(per_key, 2 * per_key)
    now = time.time()
    for block in await core.api_keys.blocks.list():
        guard.block(block.address, block.until - now)
    rules = AddressRules(str(values.get("api.allow") or ""), str(values.get("api.block") or ""))

    async def stopped() -> None:
        core.sales.post_base_url = None  # no request offers a route no longer served
        await core.api_keys.flush_calls()

    server = ApiServer(
        make_api(core, guard, rules),
        str(values["api.listen"]),
        on_stop=stopped,
        tls=tls,
    )
    await server.start()
    # Requests offer payment over the network only while it is served, at the address
    # the owner says customers' wallets reach (api.public_url; empty: none).
    core.sales.post_base_url = str(values.get("api.public_url") or "") or None
    if insecure_on_network(values):
        log.warning(
            "the API is served without encryption on the network (%s): API keys and "
            "payments can be read by anyone on it",
            server.url,
        )
    return server
