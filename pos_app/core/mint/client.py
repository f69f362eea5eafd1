"""Async HTTP client for one Cashu mint, and a pool that shares one per URL.

GETs may be retried on transport errors; POSTs never are, because a POST that
reached the mint may have spent the inputs: recovering from that is the
wallet's job (checkstate / restore), not the transport's.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import Future
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx

from pos_app.core.cashu.keysets import verify_keyset_id
from pos_app.core.cashu.models import BlindedMessage, BlindSignature, Keyset, Proof
from pos_app.core.errors import ValidationError
from pos_app.core.mint import errors
from pos_app.core.mint.models import MeltQuote, MintInfo, MintQuote, ProofState, as_protocol_error
from pos_app.core.urltext import has_blank_or_control

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = httpx.Timeout(15.0, connect=5.0)
# A synchronous melt waits for the Lightning payment; give it long, recovery covers the rest.
MELT_TIMEOUT = httpx.Timeout(120.0, connect=5.0)
GET_RETRIES = 2
# Whole-request deadlines: httpx's timeouts are per read, so a mint that trickles a
# body that never ends would otherwise hold an operation (and a sale) forever.
REQUEST_DEADLINE = 30.0
MELT_DEADLINE = 150.0


def normalize_url(url: str) -> str:
    """Canonical mint URL: scheme and host lowercased, no trailing slash, no query.

    Raises:
        ValidationError: ``mint.invalid_url`` when it is not an http(s) URL with a host.
    """
    text = (url or "").strip()
    if has_blank_or_control(text):
        raise _bad_url(text)
    try:
        parts = urlsplit(text)
    except ValueError as exc:
        raise _bad_url(text) from exc
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise _bad_url(text)
    if parts.username or parts.password or parts.query or parts.fragment:
        raise _bad_url(text)
    netloc = parts.netloc.lower()
    return urlunsplit((parts.scheme.lower(), netloc, parts.path.rstrip("/"), "", ""))


def _bad_url(text: str) -> ValidationError:
    return ValidationError(
        "mint.invalid_url", "This is not a valid mint address (https://...).", f"url {text[:200]!r}"
    )


class MintClient:
    """The NUT endpoints of one mint over a shared ``httpx.AsyncClient``.

    Args:
        url: mint base URL (normalised here).
        http: the client to use; a new one is made (and owned) when omitted.
        owns_http: close ``http`` in :meth:`aclose` (default: only when made here).
    """

    def __init__(
        self, url: str, http: httpx.AsyncClient | None = None, *, owns_http: bool | None = None
    ) -> None:
        self.url = normalize_url(url)
        self._own_http = http is None if owns_http is None else owns_http
        self._http = http or httpx.AsyncClient(timeout=DEFAULT_TIMEOUT)
        self._keys: dict[str, Keyset] = {}

    async def aclose(self) -> None:
        """Close the HTTP client if this object made it."""
        if self._own_http:
            await self._http.aclose()

    # -- transport -------------------------------------------------------------------

    async def _request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        timeout: httpx.Timeout | None = None,
        retry: bool = True,
    ) -> Any:
        url = self.url + path
        attempts = 1 + (GET_RETRIES if method == "GET" and retry else 0)
        for attempt in range(attempts):
            try:
                async with asyncio.timeout(
                    MELT_DEADLINE if timeout is MELT_TIMEOUT else REQUEST_DEADLINE
                ):
                    response = await self._http.request(
                        method,
                        url,
                        json=body,
                        # the client's own timeout unless this call needs a longer one
                        timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT,
                    )
            except (httpx.TimeoutException, TimeoutError) as exc:
                error: Exception = errors.timed_out(url, exc)
            except (httpx.TransportError, OSError) as exc:
                error = errors.unreachable(url, exc)
            else:
                if response.status_code >= 500 and attempt + 1 < attempts:
                    error = errors.server_error(url, response.status_code, response.text)
                else:
                    return self._decode(url, path, response)
            if attempt + 1 < attempts:
                log.info("GET %s failed (%s), retrying", path, error)
                await asyncio.sleep(0.2 * (attempt + 1))
                continue
            raise error
        raise AssertionError("unreachable")  # pragma: no cover

    @staticmethod
    def _decode(url: str, path: str, response: httpx.Response) -> Any:
        status = response.status_code
        try:
            data = response.json()
        except (ValueError, RecursionError):  # RecursionError: nesting deeper than Python's stack
            data = None
        if status >= 500:
            raise errors.server_error(url, status, response.text)
        if status >= 400:
            if isinstance(data, dict):
                code = data.get("code")
                detail = data.get("detail")
                return_code = code if isinstance(code, int) and not isinstance(code, bool) else None
                raise errors.mint_refusal(
                    status, return_code, str(detail or response.text)[:1000], path
                )
            raise errors.mint_refusal(status, None, response.text[:1000], path)
        if not isinstance(data, dict):
            raise errors.bad_response(url, f"HTTP {status}: body is not a JSON object")
        return data

    # -- info and keys ---------------------------------------------------------------

    async def info(self, *, retry: bool = True) -> MintInfo:
        """``GET /v1/info`` (``retry=False`` for health checks, which measure one try)."""
        return MintInfo.from_dict(await self._request("GET", "/v1/info", retry=retry))

    async def keysets(self, *, retry: bool = True) -> list[Keyset]:
        """``GET /v1/keysets``: every keyset, active or not, without keys."""
        data = await self._request("GET", "/v1/keysets", retry=retry)
        return [self._keyset(k, with_keys=False) for k in _list(data, "keysets", self.url)]

    async def keys(self, keyset_id: str) -> Keyset:
        """``GET /v1/keys/{id}``: keys of one keyset, id recomputed and checked; cached."""
        cached = self._keys.get(keyset_id)
        if cached is not None:
            return cached
        data = await self._request("GET", f"/v1/keys/{keyset_id}")
        found = [self._keyset(k, with_keys=True) for k in _list(data, "keysets", self.url)]
        match = [k for k in found if k.id == keyset_id]
        if not match:
            raise errors.bad_response(self.url, f"/v1/keys/{keyset_id} did not return that keyset")
        return match[0]

    async def active_keys(self) -> list[Keyset]:
        """``GET /v1/keys``: the active keysets with their keys, ids checked."""
        data = await self._request("GET", "/v1/keys")
        return [self._keyset(k, with_keys=True) for k in _list(data, "keysets", self.url)]

    def _keyset(self, raw: Any, *, with_keys: bool) -> Keyset:
        try:
            keyset = Keyset.from_dict(raw, "mint.bad_response")
        except ValidationError as exc:
            raise as_protocol_error(exc, "keyset") from exc
        if with_keys:
            if not keyset.keys:
                raise errors.bad_response(self.url, f"keyset {keyset.id} has no keys")
            verify_keyset_id(keyset)
            self._keys[keyset.id] = keyset
        return keyset

    def cached_keys(self, keyset_id: str) -> Keyset | None:
        """Keys already fetched (or primed from the store) for ``keyset_id``."""
        return self._keys.get(keyset_id)

    def prime_keys(self, keysets: Iterable[Keyset]) -> None:
        """Seed the cache with verified keysets from the store (keys never change)."""
        for keyset in keysets:
            if keyset.keys:
                self._keys[keyset.id] = keyset

    # -- swap, state, restore ----------------------------------------------------------

    async def swap(
        self, inputs: Sequence[Proof], outputs: Sequence[BlindedMessage]
    ) -> list[BlindSignature]:
        """``POST /v1/swap``: signatures in output order (count checked)."""
        body = {
            "inputs": [p.to_dict(include_dleq=False) for p in inputs],
            "outputs": [o.to_dict() for o in outputs],
        }
        data = await self._request("POST", "/v1/swap", body)
        sigs = _signatures(data, "signatures", self.url)
        if len(sigs) != len(outputs):
            raise errors.bad_response(
                self.url, f"swap returned {len(sigs)} signatures for {len(outputs)} outputs"
            )
        return sigs

    async def checkstate(self, ys: Sequence[str]) -> list[ProofState]:
        """``POST /v1/checkstate``: states in request order (order and Ys checked)."""
        data = await self._request("POST", "/v1/checkstate", {"Ys": list(ys)})
        states = [ProofState.from_dict(s) for s in _list(data, "states", self.url)]
        if [s.Y for s in states] != list(ys):
            by_y = {s.Y: s for s in states}
            if set(by_y) != set(ys):
                raise errors.bad_response(self.url, "checkstate answered for other proofs")
            states = [by_y[y] for y in ys]
        return states

    async def restore(
        self, outputs: Sequence[BlindedMessage]
    ) -> list[tuple[BlindedMessage, BlindSignature]]:
        """``POST /v1/restore``: the (output, signature) pairs the mint has signed."""
        data = await self._request(
            "POST", "/v1/restore", {"outputs": [o.to_dict() for o in outputs]}
        )
        try:
            outs = [
                BlindedMessage.from_dict(o, "mint.bad_response")
                for o in _list(data, "outputs", self.url)
            ]
        except ValidationError as exc:
            raise as_protocol_error(exc, "restore") from exc
        sigs = _signatures(data, "signatures", self.url)
        if len(outs) != len(sigs):
            raise errors.bad_response(self.url, "restore outputs and signatures differ in length")
        asked = {o.B_ for o in outputs}
        if any(o.B_ not in asked for o in outs):
            raise errors.bad_response(self.url, "restore returned outputs we did not send")
        return list(zip(outs, sigs, strict=True))

    # -- melt and mint -------------------------------------------------------------------

    async def melt_quote(self, request: str, unit: str = "sat") -> MeltQuote:
        """``POST /v1/melt/quote/bolt11``."""
        data = await self._request(
            "POST", "/v1/melt/quote/bolt11", {"request": request, "unit": unit}
        )
        return MeltQuote.from_dict(data)

    async def melt(
        self, quote: str, inputs: Sequence[Proof], outputs: Sequence[BlindedMessage] = ()
    ) -> MeltQuote:
        """``POST /v1/melt/bolt11`` with NUT-08 blank outputs for the change."""
        body: dict[str, Any] = {
            "quote": quote,
            "inputs": [p.to_dict(include_dleq=False) for p in inputs],
        }
        if outputs:
            body["outputs"] = [o.to_dict() for o in outputs]
        data = await self._request("POST", "/v1/melt/bolt11", body, timeout=MELT_TIMEOUT)
        return MeltQuote.from_dict(data)

    async def melt_quote_state(self, quote: str) -> MeltQuote:
        """``GET /v1/melt/quote/bolt11/{quote}`` (carries the change once paid)."""
        return MeltQuote.from_dict(await self._request("GET", f"/v1/melt/quote/bolt11/{quote}"))

    async def mint_quote(self, amount: int, unit: str = "sat") -> MintQuote:
        """``POST /v1/mint/quote/bolt11`` (used for funding and by the tests)."""
        data = await self._request(
            "POST", "/v1/mint/quote/bolt11", {"amount": amount, "unit": unit}
        )
        return MintQuote.from_dict(data)

    async def mint_quote_state(self, quote: str) -> MintQuote:
        """``GET /v1/mint/quote/bolt11/{quote}``."""
        return MintQuote.from_dict(await self._request("GET", f"/v1/mint/quote/bolt11/{quote}"))

    async def mint(self, quote: str, outputs: Sequence[BlindedMessage]) -> list[BlindSignature]:
        """``POST /v1/mint/bolt11``."""
        data = await self._request(
            "POST", "/v1/mint/bolt11", {"quote": quote, "outputs": [o.to_dict() for o in outputs]}
        )
        sigs = _signatures(data, "signatures", self.url)
        if len(sigs) != len(outputs):
            raise errors.bad_response(self.url, "mint returned a wrong number of signatures")
        return sigs


def _list(data: dict[str, Any], key: str, url: str) -> list[Any]:
    value = data.get(key)
    if not isinstance(value, list):
        raise errors.bad_response(url, f"field {key!r} is not a list")
    return value


def _signatures(data: dict[str, Any], key: str, url: str) -> list[BlindSignature]:
    try:
        return [BlindSignature.from_dict(s, "mint.bad_response") for s in _list(data, key, url)]
    except ValidationError as exc:
        raise as_protocol_error(exc, key) from exc


class MintPool:
    """One :class:`MintClient` (and one ``httpx.AsyncClient``) per normalised mint URL.

    Args:
        trust_env: let httpx read proxy variables; tests pass False so proxies never
            reach loopback.
        transport: an httpx transport for every client (tests may inject faults).
    """

    def __init__(
        self, *, trust_env: bool = True, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self._trust_env = trust_env
        self._transport = transport
        self._clients: dict[str, MintClient] = {}
        # One TLS context for every mint's client, httpx's own (so what is verified is
        # unchanged), built on a thread from the start: loading the CA bundle costs 20-40 ms
        # of CPU, outside the GIL, which the first receive would otherwise wait for (and
        # each further mint's client would pay again). An injected transport needs none.
        # Not a daemon: the interpreter waits for it at exit (a daemon thread inside
        # OpenSSL while the interpreter shuts down crashed short commands).
        self._tls: Future[ssl.SSLContext] | None = None
        if transport is None:
            self._tls = Future()
            threading.Thread(
                target=_build_tls, args=(self._tls, trust_env), name="mint-tls"
            ).start()

    def get(self, url: str) -> MintClient:
        """The client for ``url``, created on first use."""
        key = normalize_url(url)
        client = self._clients.get(key)
        if client is None:
            http = httpx.AsyncClient(
                timeout=DEFAULT_TIMEOUT,
                verify=self._tls.result() if self._tls is not None else True,
                trust_env=self._trust_env,
                transport=self._transport,
                limits=httpx.Limits(max_connections=8, max_keepalive_connections=4),
                headers={"User-Agent": "pos-app"},
            )
            client = self._clients[key] = MintClient(key, http, owns_http=True)
        return client

    async def aclose(self) -> None:
        """Close every client."""
        clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            await client.aclose()


def _build_tls(future: Future[ssl.SSLContext], trust_env: bool) -> None:
    """Make the context an ``httpx.AsyncClient(trust_env=...)`` would make for itself."""
    try:
        future.set_result(httpx.create_ssl_context(trust_env=trust_env))
    except BaseException as exc:  # handed to get(), which raises it as the client would
        future.set_exception(exc)
