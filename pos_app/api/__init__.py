"""The local REST API: a face on the core beside the desktop app and the command line."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pos_app.api.server import ApiServer
    from pos_app.app import App


async def start_api(core: App) -> ApiServer | None:
    """Serve the API when ``api.enabled`` is on (the GUI and ``serve`` call this); else None.

    FastAPI and uvicorn are imported only then: a till without the API never loads them.

    Raises:
        NetworkError: ``api.listen_failed`` when the address cannot be used.
    """
    values = await core.settings.values()
    if not values.get("api.enabled"):
        return None
    from pos_app.api.app import make_api
    from pos_app.api.limits import Guard
    from pos_app.api.server import ApiServer

    per_key = int(values["api.rate_limit_per_minute"])
    guard = Guard(per_key, 2 * per_key)
    server = ApiServer(
        make_api(core, guard), str(values["api.listen"]), on_stop=core.api_keys.flush_calls
    )
    await server.start()
    return server
