"""A misbehaving mint for the tests: an HTTP proxy on 127.0.0.1 in front of a real test mint.

Requests are forwarded to the real nutshell mint unless a *lie* matches them
(method and a regular expression on the path, first match wins). A lie may:

- ``delay``: wait, then forward;
- ``drop``: forward, then close the connection without answering (the mint did the
  work, the wallet never hears of it);
- ``rewrite``: forward, then change the JSON answer with a function;
- ``answer``: answer itself without forwarding (the mint never sees the request);
- ``invalid_json``: forward, then answer a broken body;
- ``endless``: forward, then send a chunked body that never ends (a byte every
  0.1 s until :attr:`hang_seconds` or the proxy stops).

``times`` limits how often a lie applies (None: forever). Every request is
logged as ``(method, path, action)``. The helpers below build the rewrites the
mint-lie tests use.

    with MintProxy(mint.url) as proxy:
        proxy.lie("POST", "/v1/melt/bolt11", "rewrite", rewrite=melt_state("UNPAID"))
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from pos_app.core.cashu import crypto
from tests.support.rateserver import Handler, LoopbackServer

Rewrite = Callable[[Any, int, Any], tuple[int, Any]]
ACTIONS = ("delay", "drop", "rewrite", "answer", "invalid_json", "endless")


@dataclass
class Lie:
    """One rule: which requests it matches and what it does to them."""

    method: str
    path: re.Pattern[str]
    action: str
    rewrite: Rewrite | None = None
    status: int = 200
    body: Any = None
    delay: float = 0.0
    times: int | None = None
    used: int = 0


class MintProxy(LoopbackServer):
    """Forwards to ``upstream`` and lies when told to (see the module doc)."""

    def __init__(self, upstream: str, *, hang_seconds: float = 30.0) -> None:
        super().__init__()
        self.upstream = upstream.rstrip("/")
        self.hang_seconds = hang_seconds
        self.lies: list[Lie] = []
        self.log: list[tuple[str, str, str]] = []

    @property
    def url(self) -> str:
        """The proxy's base URL: the mint URL the wallet under test uses."""
        return self.base_url

    def lie(
        self,
        method: str,
        path: str,
        action: str,
        *,
        rewrite: Rewrite | None = None,
        status: int = 200,
        body: Any = None,
        delay: float = 0.0,
        times: int | None = None,
    ) -> Lie:
        """Add a lie for ``method`` requests whose path matches the regex ``path``."""
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}")
        if action == "rewrite" and rewrite is None:
            raise ValueError("rewrite needs a function")
        rule = Lie(
            method.upper(), re.compile(path + "$"), action, rewrite, status, body, delay, times
        )
        with self.lock:
            self.lies.append(rule)
        return rule

    def honest(self) -> None:
        """Forget every lie: forward everything from now on."""
        with self.lock:
            self.lies.clear()

    def actions(self, path: str | None = None) -> list[str]:
        """The actions taken so far (for requests to ``path`` when given)."""
        with self.lock:
            return [a for _, p, a in self.log if path is None or p == path]

    def _match(self, method: str, path: str) -> Lie | None:
        with self.lock:
            for rule in self.lies:
                if rule.method == method and rule.path.match(path):
                    if rule.times is not None and rule.used >= rule.times:
                        continue
                    rule.used += 1
                    return rule
        return None

    def _forward(self, request: Handler, body: bytes) -> httpx.Response:
        headers = {"Content-Type": request.headers.get("Content-Type", "application/json")}
        return httpx.request(
            request.command,
            self.upstream + request.path,
            content=body or None,
            headers=headers,
            timeout=60,
            trust_env=False,
        )

    def handle(self, request: Handler) -> None:
        """Forward one request, or lie about it."""
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length) if length else b""
        path = request.path.split("?", 1)[0]
        rule = self._match(request.command, path)
        action = rule.action if rule else "forward"
        with self.lock:
            self.log.append((request.command, path, action))
        if rule is None:
            self._relay(request, self._forward(request, body))
            return
        if rule.action == "answer":
            reply = rule.body(_json(body)) if callable(rule.body) else rule.body
            request.send_json(rule.status, reply)
            return
        if rule.action == "delay":
            self.hang(rule.delay)
        upstream = self._forward(request, body)
        if rule.action == "delay":
            self._relay(request, upstream)
        elif rule.action == "drop":
            request.close_connection = True
            request.connection.shutdown(2)
        elif rule.action == "invalid_json":
            request.send_bytes(200, b'{"state": "PAID", "quote": ')
        elif rule.action == "endless":
            self._endless(request)
        else:
            assert rule.rewrite is not None
            status, reply = rule.rewrite(_json(body), upstream.status_code, _json(upstream.content))
            request.send_json(status, reply)

    @staticmethod
    def _relay(request: Handler, upstream: httpx.Response) -> None:
        try:
            request.send_bytes(
                upstream.status_code,
                upstream.content,
                upstream.headers.get("Content-Type", "application/json"),
            )
        except OSError:  # the wallet gave up waiting (a delay past its deadline)
            request.close_connection = True

    def _endless(self, request: Handler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "application/json")
        request.send_header("Transfer-Encoding", "chunked")
        request.end_headers()
        deadline = time.monotonic() + self.hang_seconds
        try:
            request.wfile.write(b"1\r\n{\r\n")
            while time.monotonic() < deadline and not self.stopping.wait(0.1):
                request.wfile.write(b"1\r\n \r\n")
                request.wfile.flush()
        except OSError:
            pass  # the client gave up: that is the point
        request.close_connection = True


def _json(data: bytes) -> Any:
    try:
        return json.loads(data) if data else None
    except ValueError:
        return None


# -- rewrites ------------------------------------------------------------------------------


def melt_state(state: str) -> Rewrite:
    """A melt answer (or quote state) claiming ``state``, with no preimage and no change."""

    def rewrite(_request: Any, status: int, answer: Any) -> tuple[int, Any]:
        if status != 200 or not isinstance(answer, dict):
            return status, answer
        return 200, {**answer, "state": state, "payment_preimage": None, "change": None}

    return rewrite


def melt_unpaid_without_forwarding(
    quote_amount: int = 0, state: str = "UNPAID"
) -> Callable[[Any], Any]:
    """An ``answer`` body: ``state`` for the quote asked, the mint never having seen the melt."""

    def body(request: Any) -> Any:
        return {
            "quote": request["quote"],
            "amount": quote_amount,
            "unit": "sat",
            "fee_reserve": 0,
            "state": state,
            "payment_preimage": None,
        }

    return body


def proof_states(state: str) -> Rewrite:
    """A ``/v1/checkstate`` answer claiming ``state`` for every proof asked."""

    def rewrite(_request: Any, status: int, answer: Any) -> tuple[int, Any]:
        if status != 200 or not isinstance(answer, dict):
            return status, answer
        return 200, {**answer, "states": [{**st, "state": state} for st in answer["states"]]}

    return rewrite


def signatures(
    change: Callable[[list[dict[str, Any]], list[dict[str, Any]]], list[Any]],
) -> Rewrite:
    """A swap answer whose ``signatures`` are ``change(signatures, requested outputs)``."""

    def rewrite(request: Any, status: int, answer: Any) -> tuple[int, Any]:
        if status != 200 or not isinstance(answer, dict):
            return status, answer
        return 200, {**answer, "signatures": change(answer["signatures"], request["outputs"])}

    return rewrite


def drop_last(sigs: list[dict[str, Any]], _outputs: list[Any]) -> list[Any]:
    """One signature fewer than outputs."""
    return sigs[:-1]


def extra_copy(sigs: list[dict[str, Any]], _outputs: list[Any]) -> list[Any]:
    """One signature more than outputs."""
    return [*sigs, dict(sigs[0])]


def other_keyset(keyset_id: str) -> Callable[[list[dict[str, Any]], list[Any]], list[Any]]:
    """Every signature claims ``keyset_id`` (another keyset, or another mint's)."""
    return lambda sigs, _outputs: [{**s, "id": keyset_id} for s in sigs]


def bad_dleq(sigs: list[dict[str, Any]], _outputs: list[Any]) -> list[Any]:
    """The first signature's DLEQ ``s`` changed by one: it no longer verifies."""
    first = dict(sigs[0])
    dleq = dict(first["dleq"])
    dleq["s"] = f"{(int(dleq['s'], 16) + 1) % crypto.N:064x}"
    first["dleq"] = dleq
    return [first, *sigs[1:]]


def no_dleq(sigs: list[dict[str, Any]], _outputs: list[Any]) -> list[Any]:
    """Signatures without their DLEQ proofs."""
    return [{k: v for k, v in s.items() if k != "dleq"} for s in sigs]


def swapped_amounts(sigs: list[dict[str, Any]], _outputs: list[Any]) -> list[Any]:
    """The first two signatures' amounts exchanged (same total, wrong per output)."""
    first, second = dict(sigs[0]), dict(sigs[1])
    first["amount"], second["amount"] = second["amount"], first["amount"]
    return [first, second, *sigs[2:]]


def info_pubkey(pubkey: str) -> Rewrite:
    """``/v1/info`` naming another public key (the mint was replaced)."""

    def rewrite(_request: Any, status: int, answer: Any) -> tuple[int, Any]:
        return status, {**answer, "pubkey": pubkey}

    return rewrite


def keyset_ids(ids: list[str]) -> Rewrite:
    """``/v1/keysets`` (or ``/v1/keys``) claiming ``ids`` for its keysets, in order."""

    def rewrite(_request: Any, status: int, answer: Any) -> tuple[int, Any]:
        keysets = [{**k, "id": i} for k, i in zip(answer["keysets"], ids, strict=False)]
        return status, {**answer, "keysets": keysets}

    return rewrite
