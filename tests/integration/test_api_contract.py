"""Contract tests generated from the API's OpenAPI document (schemathesis, in process).

For every operation the document lists, requests are generated from its schema, valid
ones and malformed ones, and sent to the app over ASGI with an admin key. Each answer
must be no 5xx, have a status, content type, headers and body the document declares,
and a malformed request must be refused. Path parameters are sometimes real ids (a
paid sale, an open one, an export), so the answers checked include real sales.

The core runs on one event loop in a thread of its own, and every request is sent on
it: schemathesis' own ASGI client would run the app on its own loop thread, and the
core's services belong to the loop they started on. The schema is the very document
the app serves (checked below), loaded with ``schemathesis.openapi.from_dict``.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Coroutine, Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from pos_app.api.app import make_api
from pos_app.api.limits import Guard
from pos_app.app import App
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop

EXAMPLES = 40  # per operation and generation mode: the whole test stays well under a minute
WAIT_CAP = 0.05  # seconds: long-polls and event streams are cut to this (their timeout)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
LOCAL_HOOK = "http://127.0.0.1:9/hook"  # a generated webhook never points elsewhere


class LoopThread:
    """An event loop in its own thread; :meth:`run` waits for a coroutine on it."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coro: Coroutine[Any, Any, Any], timeout: float = 60) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


class Shop:
    """A shop with a paid sale, an open one and an export, its API, and an admin key."""

    def __init__(self, loop: LoopThread, app: App, api: Any, client: httpx.AsyncClient) -> None:
        self.loop, self.app, self.api, self.client = loop, app, api, client
        self.headers: dict[str, str] = {}
        self.ids: dict[str, list[Any]] = {}

    def send(self, kwargs: dict[str, Any], with_key: bool) -> httpx.Response:
        body = {"json": kwargs["json"]} if "json" in kwargs else {"content": kwargs.get("data")}
        headers = {**(kwargs.get("headers") or {}), **(self.headers if with_key else {})}
        request = self.client.request(
            kwargs["method"], kwargs["url"], params=kwargs.get("params"), headers=headers, **body
        )
        return self.loop.run(request)


@pytest.fixture
def shop(tmp_path, monkeypatch) -> Iterator[Shop]:
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)
    mint = FakeMint()
    loop = LoopThread()

    async def open_it() -> Shop:
        app = open_shop(tmp_path / "shop", mint)
        await app.mints.add(mint.url)
        api = make_api(app, Guard(10**9, 10**9, failures=10**9, per_payer=10**9))
        transport = httpx.ASGITransport(app=api)
        client = httpx.AsyncClient(transport=transport, base_url="http://till")
        made = Shop(loop, app, api, client)
        made.headers = {
            "Authorization": f"Bearer {(await app.api_keys.create('c', ['admin']))['key']}"
        }
        paid = await app.sales.new_sale("21", "sat")
        await app.sales.pay(paid["sale_id"], mint.token(21))
        open_sale = await app.sales.new_sale("5", "sat")
        await app.wallet.send(None, "sat", 3)
        made.ids["sale_id"] = [paid["sale_id"], open_sale["sale_id"]]
        made.ids["export_id"] = [e.id for e in await app.exports.list()]
        return made

    async def close_it(made: Shop) -> None:
        await made.client.aclose()
        await made.app.aclose()

    made = loop.run(open_it())
    try:
        yield made
    finally:
        loop.run(close_it(made))
        loop.close()


def tame(case: Any) -> None:
    """Keep a generated case quick and local, still within its schema."""
    if case.query is None:
        case.query = {}
    query = case.query
    if case.operation.path.endswith(("/wait", "/events")):
        query.setdefault("timeout", WAIT_CAP)  # not the default 30 or 60 s
    timeout = query.get("timeout")
    if isinstance(timeout, int | float) and not isinstance(timeout, bool) and 0 <= timeout <= 120:
        query["timeout"] = min(timeout, WAIT_CAP)
    if isinstance(case.body, dict) and isinstance(case.body.get("url"), str):
        case.body["url"] = LOCAL_HOOK


def strategies(operation: Any, shop: Shop) -> Any:
    options = [
        operation.as_strategy(GenerationMode.POSITIVE),
        operation.as_strategy(GenerationMode.NEGATIVE),
    ]
    params = {p.name for p in operation.path_parameters}
    for name in params & set(shop.ids):
        for value in shop.ids[name]:
            real = {name: value}
            options.append(operation.as_strategy(GenerationMode.POSITIVE, path_parameters=real))
    return st.one_of(options)


seconds: dict[str, float] = {}


def contract_of(operation: Any, shop: Shop, label: str, counts: dict[str, int]) -> Any:
    """The hypothesis test of one operation: generated cases sent, their answers checked."""

    @given(case=strategies(operation, shop))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Any) -> None:
        tame(case)
        started = time.perf_counter()
        kwargs = case.as_transport_kwargs(base_url="http://till")
        # A negative case may leave the key out on purpose: it must then be refused.
        response = shop.send(kwargs, not operation.schema.is_security_param_negated(case))
        counts[label] += 1
        seconds[label] = seconds.get(label, 0.0) + time.perf_counter() - started
        negative = case.meta is not None and case.meta.generation.mode.is_negative
        case.validate_response(
            response,
            checks=CHECKS + ([negative_data_rejection] if negative else []),
            headers=kwargs.get("headers"),
        )

    return check


def test_every_operation_keeps_its_contract(shop):
    served = shop.loop.run(shop.client.get("/api/v1/openapi.json")).json()
    assert served == shop.api.openapi()
    schema = schemathesis.openapi.from_dict(served)
    failures: dict[str, str] = {}
    counts: dict[str, int] = {}

    for result in schema.get_all_operations():
        operation = result.ok()
        label = f"{operation.method.upper()} {operation.path}"
        counts[label] = 0
        try:
            contract_of(operation, shop, label, counts)()
        except (Exception, BaseExceptionGroup) as exc:  # every operation is tried; all listed
            failures[label] = f"{type(exc).__name__}: {str(exc)[:3000]}"

    print(f"\ncontract: {sum(counts.values())} requests over {len(counts)} operations")
    for label, took in sorted(seconds.items(), key=lambda i: -i[1])[:6]:
        print(f"  {label}: {counts[label]} requests, {took:.2f} s")
    assert len(counts) >= 18
    assert all(n > 0 for n in counts.values()), (counts, failures)
    assert not failures, "\n\n".join(f"{k}\n{v}" for k, v in failures.items())
