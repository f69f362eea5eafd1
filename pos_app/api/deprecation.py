"""Routes on their way out: ``Deprecation`` (RFC 9745) and ``Sunset`` (RFC 8594) headers.

A route listed in :data:`DEPRECATED` by its method and path template (as declared, such
as ``("GET", "/api/v1/sales/{sale_id}")``) answers every call, errors included, with
both headers for at least one release before the next API version drops it; its
OpenAPI operation says ``deprecated``. Nothing is listed yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import format_datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class Retirement:
    """When a route was deprecated and the day it stops answering."""

    deprecated: date
    sunset: date

    def headers(self) -> list[tuple[bytes, bytes]]:
        """The two headers (RFC 9745: ``@`` and Unix seconds; RFC 8594: an HTTP date)."""
        since = datetime(*self.deprecated.timetuple()[:3], tzinfo=UTC)
        until = datetime(*self.sunset.timetuple()[:3], tzinfo=UTC)
        return [
            (b"deprecation", f"@{int(since.timestamp())}".encode()),
            (b"sunset", format_datetime(until, usegmt=True).encode()),
        ]


# (method, path template) -> its retirement; read at each call, so tests may add to it.
DEPRECATED: dict[tuple[str, str], Retirement] = {}


class DeprecationHeaders:
    """ASGI middleware: the headers on every answer of a route in ``routes``."""

    def __init__(self, app: Any, routes: dict[tuple[str, str], Retirement] | None = None) -> None:
        self.app = app
        self.routes = DEPRECATED if routes is None else routes

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        """Pass the call on; add the headers to its answer's start when the route is listed."""
        if scope["type"] != "http" or not self.routes:
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                # The router wrote the matched route into the scope before anything answers.
                route = getattr(scope.get("route"), "path", None)
                retirement = self.routes.get((scope["method"], route)) if route else None
                if retirement is not None:
                    message = {**message, "headers": [*message["headers"], *retirement.headers()]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
