"""A local exchange-rate server on 127.0.0.1 for the rate tests.

Each path serves a configured JSON body or a failure mode; every request is
counted. :class:`LoopbackServer` (the threaded server, start/stop, context
manager) is shared with :mod:`tests.support.lnurlserver`.

    with RateServer() as server:
        server.set("/eur", {"data": {"rates": {"EUR": "61234.5"}}})
        server.fail("/broken", "500")
        url = server.url("/eur")
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import urlsplit

MODES = ("ok", "500", "invalid_json", "hang", "wrong_shape", "delay", "404")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    allow_reuse_address = True
    owner: LoopbackServer


class Handler(BaseHTTPRequestHandler):
    """Hands every request to the owning :class:`LoopbackServer`."""

    disable_nagle_algorithm = True
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:
        self.server.owner.handle(self)

    def do_POST(self) -> None:
        self.server.owner.handle(self)

    def log_message(self, format: str, *args: Any) -> None:  # quiet test output
        pass

    def send_json(self, status: int, body: Any) -> None:
        self.send_bytes(status, json.dumps(body).encode())

    def send_bytes(self, status: int, data: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class LoopbackServer:
    """A ThreadingHTTPServer on 127.0.0.1 (random port) run in a daemon thread.

    Subclasses implement :meth:`handle`. ``hang`` handlers wait on
    :attr:`stopping` so that :meth:`stop` never waits for them.
    """

    def __init__(self, port: int = 0) -> None:
        self._httpd = _Server(("127.0.0.1", port), Handler)
        self._httpd.owner = self
        self.port: int = self._httpd.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def handle(self, request: Handler) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def start(self) -> Self:
        """Serve in a background thread (idempotent)."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, release hanging handlers and close the socket."""
        self.stopping.set()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()

    def hang(self, seconds: float) -> None:
        """Block a handler without answering until ``seconds`` pass or the server stops."""
        self.stopping.wait(seconds)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@dataclass
class Route:
    """What one path answers: a JSON body (or raw bytes) and a failure mode."""

    body: Any = None
    mode: str = "ok"
    status: int = 200
    delay: float = 0.0


class RateServer(LoopbackServer):
    """Serves configured JSON per path, with failure modes and request counting.

    Modes: ``ok`` (the body), ``500`` (server error), ``invalid_json`` (a broken
    body), ``hang`` (no answer until :attr:`hang_seconds` or stop), ``wrong_shape``
    (valid JSON without the number), ``delay`` (the body after ``delay`` seconds),
    ``404``. Unknown paths answer 404. The route key is the path without its query.
    """

    def __init__(self, port: int = 0, *, hang_seconds: float = 30.0) -> None:
        super().__init__(port)
        self.routes: dict[str, Route] = {}
        self.counts: Counter[str] = Counter()
        self.log: list[str] = []
        self.hang_seconds = hang_seconds

    def url(self, path: str) -> str:
        """Absolute URL of ``path`` on this server."""
        return self.base_url + path

    def set(self, path: str, body: Any, *, status: int = 200, delay: float = 0.0) -> str:
        """Serve ``body`` (JSON-encoded unless bytes) at ``path``; returns its URL."""
        with self.lock:
            self.routes[path] = Route(body, "delay" if delay else "ok", status, delay)
        return self.url(path)

    def fail(self, path: str, mode: str, *, delay: float = 0.0) -> str:
        """Make ``path`` fail with ``mode`` (see the class doc); returns its URL."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        with self.lock:
            route = self.routes.setdefault(path, Route())
            route.mode = mode
            route.delay = delay
        return self.url(path)

    def count(self, path: str | None = None) -> int:
        """Requests received for ``path`` (all paths when None)."""
        with self.lock:
            return self.counts[path] if path is not None else sum(self.counts.values())

    def reset_counts(self) -> None:
        """Forget the request counts and log."""
        with self.lock:
            self.counts.clear()
            self.log.clear()

    def handle(self, request: Handler) -> None:
        """Answer one request from the route table."""
        path = urlsplit(request.path).path
        with self.lock:
            self.counts[path] += 1
            self.log.append(request.path)
            route = self.routes.get(path)
            mode, body, status, delay = (
                (route.mode, route.body, route.status, route.delay)
                if route
                else ("404", None, 0, 0)
            )
        if mode == "hang":
            self.hang(self.hang_seconds)
            request.close_connection = True
            return
        if delay:
            self.hang(delay)
        if mode == "404":
            request.send_json(404, {"error": "not found"})
        elif mode == "500":
            request.send_json(500, {"error": "internal error"})
        elif mode == "invalid_json":
            request.send_bytes(200, b'{"price": 61000.5,')
        elif mode == "wrong_shape":
            request.send_json(200, {"unexpected": ["shape"]})
        elif isinstance(body, bytes):
            request.send_bytes(status, body)
        else:
            request.send_json(status, body)
