"""The API served by uvicorn on the application's own event loop (qasync or asyncio).

uvicorn would take SIGINT and SIGTERM for itself and raise them again once it stops; the
app owns its signals (the GUI closes its windows, ``serve`` stops its services), so the
server here never touches them. A port it cannot bind is a clear error, not an exit.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import uvicorn

from pos_app.api.tls import TlsFiles
from pos_app.core.config import split_listen
from pos_app.core.errors import NetworkError

log = logging.getLogger(__name__)

STOP_SECONDS = 5.0  # open requests get this long to finish at shutdown


class _Server(uvicorn.Server):
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        """The app's signals stay the app's."""
        yield


class ApiServer:
    """One uvicorn server for the ASGI ``app`` on ``listen`` (``host:port``; port 0: any)."""

    def __init__(
        self,
        app: Any,
        listen: str,
        on_stop: Callable[[], Awaitable[Any]] | None = None,
        tls: TlsFiles | None = None,
    ) -> None:
        self.host, self.port = split_listen(listen, any_port=True)
        self.tls = tls  # None: plain HTTP
        config = uvicorn.Config(
            app,
            host=self.host,
            port=self.port,
            http="h11",  # named, not discovered: the bundle carries this one
            ws="none",
            log_config=None,  # the app's logging, not uvicorn's
            access_log=False,  # calls are audited by the core, not logged with their paths
            lifespan="off",
            timeout_graceful_shutdown=int(STOP_SECONDS),
            ssl_certfile=str(tls.cert) if tls else None,
            ssl_keyfile=str(tls.key) if tls else None,
            ssl_keyfile_password=tls.password if tls else None,
        )
        self.server = _Server(config)
        self.task: asyncio.Task[None] | None = None
        self.on_stop = on_stop  # after the last request (the audit of the last calls)

    @property
    def url(self) -> str:
        """The base URL of the API."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        scheme = "https" if self.tls else "http"
        return f"{scheme}://{host}:{self.port}/api/v1"

    async def start(self) -> None:
        """Listen, and return once the port is bound.

        Raises:
            NetworkError: ``api.listen_failed`` when the address cannot be used.
        """
        self.task = asyncio.create_task(self._serve(), name="pos-api")
        while not self.server.started:
            if self.task.done():
                self.task.result()  # raises what stopped it
            await asyncio.sleep(0.02)
        if self.port == 0:
            self.port = self.server.servers[0].sockets[0].getsockname()[1]
        if self.tls is not None:
            log.info("API listening on %s, certificate SHA-256 %s", self.url, self.tls.fingerprint)
        else:
            log.info("API listening on %s", self.url)

    async def _serve(self) -> None:
        try:
            await self.server.serve()
        except SystemExit as exc:  # uvicorn exits when it cannot bind
            raise NetworkError(
                "api.listen_failed",
                f"The API cannot listen on {self.host}:{self.port}: is another program "
                "using that port? Choose another in Settings, API.",
                str(exc),
            ) from None

    async def stop(self) -> None:
        """Stop listening; open requests may finish for a few seconds, then are cut."""
        if self.task is None or self.task.done():
            return
        self.server.should_exit = True
        try:
            await asyncio.wait_for(asyncio.shield(self.task), STOP_SECONDS + 1)
        except TimeoutError:
            self.server.force_exit = True
            await self.task
        if self.on_stop is not None:
            await self.on_stop()
        log.info("API stopped")
