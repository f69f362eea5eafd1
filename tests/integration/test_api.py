"""The local REST API over the real core: keys and scopes, sales and payments, errors, serving.

In process over ASGI (httpx's transport) against a shop whose mint is the in-process
FakeMint; one test serves on a real socket with uvicorn on the test's own loop.
"""

from __future__ import annotations

import asyncio
import re
import socket
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute

from pos_app.api import start_api
from pos_app.api.app import make_api
from pos_app.api.limits import Guard
from pos_app.api.openapi_doc import scope_of
from pos_app.api.server import ApiServer
from pos_app.app import App
from pos_app.core.apikeys import SCOPES
from pos_app.core.errors import NetworkError
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop

V1 = "http://till/api/v1"


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


Scenario = Callable[[App, httpx.AsyncClient, FakeMint], Awaitable[Any]]


def run_api(tmp_path, scenario: Scenario) -> Any:
    mint = FakeMint()

    async def main() -> Any:
        app = open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url)
            # Every call comes from one address: limits that the matrix tests never reach.
            roomy = Guard(100_000, 100_000, failures=100_000)
            transport = httpx.ASGITransport(app=make_api(app, roomy))
            async with httpx.AsyncClient(transport=transport, base_url=V1) as client:
                return await scenario(app, client, mint)
        finally:
            await app.aclose()

    return asyncio.run(main())


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


async def key(app: App, *scopes: str, name: str | None = None) -> str:
    made = await app.api_keys.create(name or scopes[0].replace(":", "_"), scopes)
    return made["key"]


# Routes that need no key, each for its reason; any other route must ask for a scope.
PUBLIC = {
    ("GET", "/api/v1/openapi.json"): "the machine-readable document",
    ("GET", "/api/v1/docs"): "the human documentation, drawn from it",
}
# The NUT-18 transport: a customer's wallet posts a payment to the sale's request, keyless.
PUBLIC_PATTERNS = {("POST", re.compile(r"^/api/v1/payment-requests/\{[a-z_]+\}$"))}
PLACEHOLDER = {int: "1"}  # a path parameter's value by its type (else "x"): nothing exists


def is_public(method: str, path: str) -> bool:
    if (method, path) in PUBLIC:
        return True
    return any(method == m and pattern.match(path) for m, pattern in PUBLIC_PATTERNS)


def every_route(api) -> list[tuple[str, str, str, str | None]]:
    """``(method, path template, concrete path, scope)`` of every route the app serves.

    ``scope`` is what the route's key check asks for (``any``: any valid key), None for
    a public route. A route neither scoped nor listed in :data:`PUBLIC` fails here.
    """
    found = []
    for route in api.routes:
        methods = sorted(getattr(route, "methods", None) or ()) or ["GET"]
        for method in methods:
            if method == "HEAD":
                continue
            scope = scope_of(route) if isinstance(route, APIRoute) else None
            assert scope is not None or is_public(method, route.path), (
                f"{method} {route.path} asks for no key and is not listed as public"
            )
            concrete = route.path
            if isinstance(route, APIRoute):
                for param in route.dependant.path_params:
                    value = PLACEHOLDER.get(param.field_info.annotation, "x")
                    concrete = concrete.replace("{" + param.name + "}", value)
            found.append((method, route.path, concrete, scope))
    return found


def test_every_route_needs_a_key_and_its_scope(tmp_path):
    """The matrix of every route (from the app, not a list that can go stale) and key."""

    async def scenario(app, client, _mint):
        routes = every_route(make_api(app))
        scopes = [s for s in SCOPES if s != "admin"]
        admin = await key(app, "admin")
        revoked = await key(app, *scopes, name="old")
        await app.api_keys.revoke("old")
        soon = await app.api_keys.create("soon", ["admin"], expires_at=int(time.time()) + 60)
        one = {s: await key(app, s) for s in scopes}
        all_but = {
            s: await key(app, *[o for o in scopes if o != s], name="not-" + s.replace(":", "_"))
            for s in scopes
        }
        seen: list[tuple[str, str, str, int]] = []

        async def call(method: str, path: str, who: str | None) -> httpx.Response:
            headers = bearer(who) if who else {}
            body = {} if method in ("POST", "PUT", "PATCH") else None
            return await client.request(method, "http://till" + path, json=body, headers=headers)

        for method, _template, path, scope in routes:
            if scope is None:
                continue
            for label, who in (("none", None), ("made-up", "pos_made-up"), ("revoked", revoked)):
                answer = await call(method, path, who)
                seen.append((method, path, label, answer.status_code))
                assert answer.json()["error"]["code"] == "api.unauthorized", (path, label)
                assert answer.headers["www-authenticate"] == "Bearer", (path, label)
            keyed = [("admin", admin)]
            if scope != "any":
                keyed += [("own", one[scope]), ("all-but", all_but[scope])]
            for label, who in keyed:
                answer = await call(method, path, who)
                seen.append((method, path, label, answer.status_code))
                if label == "all-but":
                    assert answer.json()["error"]["code"] == "api.forbidden", (path, answer.text)
        app.api_keys.clock = lambda: time.time() + 120  # the "soon" key has expired
        for method, _template, path, scope in routes:
            if scope is not None:
                answer = await call(method, path, soon["key"])
                seen.append((method, path, "expired", answer.status_code))
        public = [(m, p, (await call(m, p, None)).status_code) for m, _t, p, s in routes if not s]
        return routes, seen, public

    routes, seen, public = run_api(tmp_path, scenario)
    assert len([r for r in routes if r[3]]) >= 17  # every scoped route was found
    for method, path, label, status in seen:
        if label in ("none", "made-up", "revoked", "expired"):
            assert status == 401, (method, path, label, status)
        elif label == "all-but":
            assert status == 403, (method, path, label, status)
        else:  # the route's own scope, admin: past the key check (404, 422... are the route's)
            assert status not in (401, 403), (method, path, label, status)
    labels: dict[tuple[str, str], set[str]] = {}
    for method, path, label, _status in seen:
        labels.setdefault((method, path), set()).add(label)
    assert all({"none", "revoked", "expired", "admin"} <= found for found in labels.values())
    # Public: answered without a key (the transport refuses an empty body as its own error).
    assert all(status not in (401, 403) for _m, _p, status in public), public
    assert {(m, p): status for m, p, status in public if m == "GET"} == {
        ("GET", "/api/v1/openapi.json"): 200,
        ("GET", "/api/v1/docs"): 200,
    }


def test_a_sale_made_paid_and_read_over_the_api_is_the_tills_sale(tmp_path):
    async def scenario(app, client, mint):
        writer = bearer(await key(app, "sales:write", "sales:read", "payments:write", name="web"))
        made = await client.post(
            "/sales", json={"amount": "21", "memo": "order 1001"}, headers=writer
        )
        sale = made.json()
        paid = await client.post(
            f"/sales/{sale['sale_id']}/payments", json={"token": mint.token(21)}, headers=writer
        )
        shown = await client.get(f"/sales/{sale['sale_id']}", headers=writer)
        listed = await client.get("/sales", params={"state": "paid"}, headers=writer)
        core = await app.sales.show(sale["sale_id"])
        audit = await app.audit.list()
        return made, sale, paid.json(), shown.json(), listed.json(), core, audit

    made, sale, paid, shown, listed, core, audit = run_api(tmp_path, scenario)
    assert made.status_code == 201 and sale["state"] == "open" and sale["due"] == 21
    assert sale["payment_request"].startswith("creqA") and sale["memo"] == "order 1001"
    assert paid["state"] == "paid" and paid["paid"] == 21
    assert shown == core and core["state"] == "paid" and core["staff"] == "api:web"
    assert [s["sale_id"] for s in listed["sales"]] == [sale["sale_id"]]
    assert shown["payments"][0]["state"] == "settled"
    created = [e for e in audit if e["action"] == "api.key_created"]
    assert created and all("pos_" not in str(e["details"]) for e in created)  # never the key


def test_errors_speak_the_clis_codes_with_http_statuses(tmp_path):
    async def scenario(app, client, mint):
        admin = bearer(await key(app, "admin"))
        out = {}
        out["unknown"] = await client.get("/sales/nope", headers=admin)
        out["bad_amount"] = await client.post("/sales", json={"amount": "-5"}, headers=admin)
        out["no_amount"] = await client.post("/sales", json={}, headers=admin)
        sale = (await client.post("/sales", json={"amount": "5"}, headers=admin)).json()
        token = mint.token(5)
        await client.post(
            f"/sales/{sale['sale_id']}/payments", json={"token": token}, headers=admin
        )
        out["paid_again"] = await client.post(f"/sales/{sale['sale_id']}/cancel", headers=admin)
        other = (await client.post("/sales", json={"amount": "5"}, headers=admin)).json()
        out["spent"] = await client.post(
            f"/sales/{other['sale_id']}/payments", json={"token": token}, headers=admin
        )
        out["garbled"] = await client.post(
            f"/sales/{other['sale_id']}/payments",
            json={"token": "cashuBnot-a-token"},
            headers=admin,
        )
        out["cancel"] = await client.post(f"/sales/{other['sale_id']}/cancel", headers=admin)
        out["cancelled"] = await client.post(
            f"/sales/{other['sale_id']}/payments", json={"token": mint.token(5)}, headers=admin
        )
        return {k: (v.status_code, v.json()) for k, v in out.items()}

    out = run_api(tmp_path, scenario)
    assert out["unknown"][0] == 404 and out["unknown"][1]["error"]["code"] == "sale.unknown"
    assert out["bad_amount"][0] == 400 and out["bad_amount"][1]["error"]["code"] == "amount.invalid"
    assert out["no_amount"] == (
        422,
        {
            "error": {
                "category": "validation",
                "code": "request.invalid",
                "message": "body.amount: Field required",
            }
        },
    )
    assert out["paid_again"][0] == 409
    assert out["spent"][0] == 400 and out["spent"][1]["error"]["code"] == "token.already_spent"
    assert out["cancel"][0] == 200 and out["cancel"][1]["state"] == "cancelled"
    assert out["garbled"][0] == 400
    assert out["cancelled"][0] == 409 and out["cancelled"][1]["error"]["code"] == "sale.cancelled"
    for status, body in out.values():
        if status >= 400:
            assert set(body) == {"error"} and set(body["error"]) == {"category", "code", "message"}


def test_the_openapi_document_lists_every_route(tmp_path):
    async def scenario(_app, client, _mint):
        return (await client.get("/openapi.json")).json()

    doc = run_api(tmp_path, scenario)
    assert set(doc["paths"]) == {
        "/api/v1/health",
        "/api/v1/sales",
        "/api/v1/sales/{sale_id}",
        "/api/v1/sales/{sale_id}/cancel",
        "/api/v1/sales/{sale_id}/wait",
        "/api/v1/sales/{sale_id}/payments",
        "/api/v1/wallet/balance",
        "/api/v1/wallet/exports",
        "/api/v1/reports/summary",
        "/api/v1/reports/x",
        "/api/v1/webhooks",
        "/api/v1/webhooks/{endpoint_id}",
        "/api/v1/sales/{sale_id}/events",
        "/api/v1/wallet/exports/{export_id}",
        "/api/v1/reports/payments.csv",
        "/api/v1/payment-requests/{request_id}",
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_served_on_a_socket_when_enabled_and_a_busy_port_is_said(tmp_path):
    port = free_port()

    async def scenario(app, _client, _mint):
        assert await start_api(app) is None  # off by default
        await app.settings.set_many({"api.enabled": True, "api.listen": f"127.0.0.1:{port}"})
        admin = await key(app, "admin")
        server = await start_api(app)
        assert server is not None and server.url == f"http://127.0.0.1:{port}/api/v1"
        try:
            async with httpx.AsyncClient(base_url=server.url, trust_env=False) as http:
                health = await http.get("/health", headers=bearer(admin))
            with pytest.raises(NetworkError) as busy:
                await ApiServer(make_api(app), f"127.0.0.1:{port}").start()
        finally:
            await server.stop()
        with pytest.raises(httpx.ConnectError):  # stopped: nothing listens any more
            async with httpx.AsyncClient(trust_env=False) as http:
                await http.get(server.url + "/health")
        return health, busy.value

    health, busy = run_api(tmp_path, scenario)
    assert health.status_code == 200 and len(health.json()["mints"]) == 1
    assert busy.code == "api.listen_failed" and str(port) in busy.user_message


def test_an_expired_key_stops_working_and_use_is_remembered(tmp_path):
    async def scenario(app, client, _mint):
        now = [2_000_000_000.0]
        app.api_keys.clock = lambda: now[0]
        made = await app.api_keys.create("night", ["sales:read"], expires_at=int(now[0]) + 60)
        first = await client.get("/sales", headers=bearer(made["key"]))
        used = (await app.api_keys.list())[0].last_used_at
        now[0] += 61
        late = await client.get("/sales", headers=bearer(made["key"]))
        return first.status_code, used, late.status_code, late.json()["error"]["code"]

    first, used, late, code = run_api(tmp_path, scenario)
    assert (first, used) == (200, 2_000_000_000)
    assert (late, code) == (401, "api.unauthorized")


def test_a_long_poll_answers_when_the_sale_is_paid_or_when_its_time_is_up(tmp_path):
    async def scenario(app, client, mint):
        admin = bearer(await key(app, "admin"))
        sale = (await client.post("/sales", json={"amount": "8"}, headers=admin)).json()
        path = f"/sales/{sale['sale_id']}/wait"
        loop = asyncio.get_running_loop()
        started = loop.time()
        quiet = await client.get(path, params={"timeout": 0.3}, headers=admin)
        quiet_took = loop.time() - started
        waiting = asyncio.ensure_future(client.get(path, params={"timeout": 60}, headers=admin))
        await asyncio.sleep(0.2)
        assert not waiting.done()
        started = loop.time()
        await app.sales.pay(sale["sale_id"], mint.token(8))  # as the till would take it
        woken = await waiting
        woke_after = loop.time() - started
        unknown = await client.get("/sales/nope/wait", params={"timeout": 1}, headers=admin)
        too_long = await client.get(path, params={"timeout": 3600}, headers=admin)
        return quiet, quiet_took, woken, woke_after, unknown, too_long

    quiet, quiet_took, woken, woke_after, unknown, too_long = run_api(tmp_path, scenario)
    assert quiet.status_code == 200 and quiet.json()["state"] == "open" and quiet_took >= 0.3
    assert woken.json()["state"] == "paid"
    assert woke_after < 5  # woken by the payment, not by the 5 s re-read
    assert unknown.status_code == 404
    assert too_long.status_code == 422


def test_a_retried_create_with_its_idempotency_key_gets_the_same_sale(tmp_path):
    async def scenario(app, client, _mint):
        writer = await key(app, "sales:write", "sales:read", name="web")
        other = await key(app, "sales:write", name="kiosk")

        def create(amount: str, idem: str | None, who: str = writer):
            headers = bearer(who) | ({"Idempotency-Key": idem} if idem else {})
            return client.post("/sales", json={"amount": amount}, headers=headers)

        first = await create("21", "order-1001")
        again = await create("21", "order-1001")
        both = await asyncio.gather(create("5", "order-1002"), create("5", "order-1002"))
        changed = await create("22", "order-1001")
        elsewhere = await create("21", "order-1001", other)  # another key's keys are its own
        plain = [await create("21", None), await create("21", None)]
        bad = await create("21", "with space")
        listed = await client.get("/sales", params={"limit": 100}, headers=bearer(writer))
        return first, again, both, changed, elsewhere, plain, bad, listed.json()["sales"]

    first, again, both, changed, elsewhere, plain, bad, listed = run_api(tmp_path, scenario)
    assert first.status_code == 201 and "idempotent-replayed" not in first.headers
    assert again.status_code == 200 and again.headers["idempotent-replayed"] == "true"
    assert again.json()["sale_id"] == first.json()["sale_id"]
    statuses = sorted(r.status_code for r in both)
    ids = {r.json().get("sale_id") for r in both if r.status_code < 300}
    assert len(ids) == 1 and statuses in ([200, 201], [201, 409])  # one sale, never two
    assert changed.status_code == 422
    assert changed.json()["error"]["code"] == "api.idempotency_mismatch"
    assert elsewhere.status_code == 201
    assert elsewhere.json()["sale_id"] != first.json()["sale_id"]
    assert plain[0].json()["sale_id"] != plain[1].json()["sale_id"]  # no key: two sales
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "api.bad_idempotency_key"
    assert len(listed) == 5  # 1001, 1002, the other key's, the two without a key


def test_every_call_is_audited_without_its_body(tmp_path):
    async def scenario(app, client, mint):
        admin = bearer(await key(app, "admin", name="till-web"))
        key_id = (await app.api_keys.list())[0].id
        made = await client.post(
            "/sales", json={"amount": "3"}, headers=admin | {"X-Correlation-Id": "order-1001"}
        )
        sale = made.json()
        token = mint.token(3)
        paid = await client.post(
            f"/sales/{sale['sale_id']}/payments", json={"token": token}, headers=admin
        )
        await client.get("/sales", headers={"X-Correlation-Id": "a b\nc"})  # no key; bad id
        await client.get("/nowhere", headers=admin)
        await asyncio.sleep(0.6)  # calls are audited in batches, within half a second
        calls = [e for e in await app.audit.list() if e["action"] == "api.call"]
        verdict = await app.audit.verify()
        ids = made.headers["X-Correlation-Id"], paid.headers["X-Correlation-Id"]
        return calls, token, verdict, key_id, ids

    calls, token, verdict, key_id, (made_id, paid_id) = run_api(tmp_path, scenario)
    seen = sorted((c["subject"], c["details"]["route"], c["details"]["status"]) for c in calls)
    assert seen == [
        ("-", "/api/v1/nowhere", 404),  # no route, so no key was looked at
        ("-", "/api/v1/sales", 401),
        ("till-web", "/api/v1/sales", 201),
        ("till-web", "/api/v1/sales/{sale_id}/payments", 200),
    ]
    assert all(c["details"]["client"] and c["actor"].startswith("api:") for c in calls)
    assert token not in str(calls)  # bodies are never written
    assert verdict.ok  # the chain holds with the calls in it
    # Each call's correlation id: the client's own when plain, else a new one, answered
    # and kept; the key's id beside its name.
    by_route = {(c["details"]["route"], c["details"]["status"]): c for c in calls}
    assert made_id == "order-1001" == by_route[("/api/v1/sales", 201)]["correlation_id"]
    paying = by_route[("/api/v1/sales/{sale_id}/payments", 200)]
    assert paid_id == paying["correlation_id"] and len(paid_id) == 16
    refused = by_route[("/api/v1/sales", 401)]["correlation_id"]
    assert refused and refused != "a b\nc" and len({made_id, paid_id, refused}) == 3
    assert paying["details"]["key_id"] == key_id
    assert by_route[("/api/v1/sales", 401)]["details"]["key_id"] is None


def test_limits_answer_429_and_an_address_failing_keys_is_blocked_and_audited(tmp_path):
    now = [1000.0]
    guard = Guard(3, 5, failures=4, failure_window=60, block_seconds=120, clock=lambda: now[0])
    mint = FakeMint()

    async def main():
        app = open_shop(tmp_path / "shop", mint)
        try:
            transport = httpx.ASGITransport(app=make_api(app, guard))
            async with httpx.AsyncClient(transport=transport, base_url=V1) as client:
                reader = bearer(await key(app, "sales:read"))
                other = bearer(await key(app, "wallet:read"))
                per_key = [
                    (await client.get("/sales", headers=reader)).status_code for _ in range(4)
                ]
                limited = await client.get("/sales", headers=reader)
                another = await client.get("/wallet/balance", headers=other)  # a fresh key...
                per_address = await client.get("/wallet/balance", headers=other)  # 6th call
                now[0] += 61  # a minute later the windows are empty again
                wrong = [
                    (await client.get("/sales", headers=bearer("pos_guess"))).status_code
                    for _ in range(4)
                ]
                blocked = await client.get("/sales", headers=reader)  # even with a good key
                now[0] += 121
                free = await client.get("/sales", headers=reader)
                audit = await app.audit.list()
                return per_key, limited, another, per_address, wrong, blocked, free, audit
        finally:
            await app.aclose()

    per_key, limited, another, per_address, wrong, blocked, free, audit = asyncio.run(main())
    assert per_key == [200, 200, 200, 429]
    assert limited.status_code == 429 and limited.json()["error"]["code"] == "api.rate_limited"
    assert 0 < int(limited.headers["retry-after"]) <= 60
    assert (
        limited.headers["ratelimit-limit"] == "3" and limited.headers["ratelimit-remaining"] == "0"
    )
    assert another.status_code == 429  # ...but the address has used its 5 calls a minute
    assert per_address.json()["error"]["message"].startswith("Too many calls from this address")
    assert wrong == [401, 401, 401, 401]
    assert blocked.status_code == 429 and blocked.json()["error"]["code"] == "api.blocked"
    assert 100 < int(blocked.headers["retry-after"]) <= 120
    assert free.status_code == 200
    blocks = [e for e in audit if e["action"] == "api.address_blocked"]
    assert [(b["subject"], b["details"]["seconds"]) for b in blocks] == [("127.0.0.1", 120)]


def test_reports_and_webhooks_over_the_api(tmp_path):
    async def scenario(app, client, mint):
        admin = bearer(await key(app, "admin"))
        reader = bearer(await key(app, "reports:read"))
        sale = (await client.post("/sales", json={"amount": "13"}, headers=admin)).json()
        await app.sales.pay(sale["sale_id"], mint.token(13))
        summary = await client.get("/reports/summary", params={"period": "today"}, headers=reader)
        x = await client.get("/reports/x", headers=reader)
        bad = await client.get("/reports/summary", params={"period": "someday"}, headers=reader)
        hooks_denied = await client.get("/webhooks", headers=reader)
        added = await client.post(
            "/webhooks",
            json={"url": "http://127.0.0.1:9/hook", "events": "sale.paid"},
            headers=admin,
        )
        listed = await client.get("/webhooks", headers=admin)
        removed = await client.delete(f"/webhooks/{added.json()['id']}", headers=admin)
        after = await client.get("/webhooks", headers=admin)
        return summary, x, bad, hooks_denied, added, listed, removed, after

    summary, x, bad, hooks_denied, added, listed, removed, after = run_api(tmp_path, scenario)
    assert (
        summary.status_code == 200 and summary.json()["sales"] == 1 and "previous" in summary.json()
    )
    assert x.status_code == 200 and x.json()["kind"] == "X" and x.json()["figures"]["sales"] == 1
    assert bad.status_code == 422
    assert hooks_denied.status_code == 403
    assert added.status_code == 201 and added.json()["secret"].startswith("whsec_")
    assert [h["url"] for h in listed.json()] == ["http://127.0.0.1:9/hook"]
    assert "secret" not in listed.json()[0]
    assert removed.status_code == 200 and after.json() == []


def test_a_key_revoked_while_in_use_stops_at_once(tmp_path):
    async def scenario(app, client, _mint):
        reader = await key(app, "sales:read", name="kiosk")
        before = await client.get("/sales", headers=bearer(reader))  # checked: remembered
        await app.api_keys.revoke("kiosk")
        after = await client.get("/sales", headers=bearer(reader))
        return before.status_code, after.status_code

    assert run_api(tmp_path, scenario) == (200, 401)


def test_a_bug_in_a_route_answers_500_in_the_same_shape_and_is_audited(tmp_path):
    async def scenario(app, client, _mint):
        admin = bearer(await key(app, "admin"))

        async def broken(_sale_id):
            raise RuntimeError("a bug")

        app.sales.show = broken
        answer = await client.get("/sales/any", headers=admin)
        await app.api_keys.flush_calls()
        calls = [e for e in await app.audit.list() if e["action"] == "api.call"]
        return answer, calls

    answer, calls = run_api(tmp_path, scenario)
    assert answer.status_code == 500
    assert answer.json()["error"]["code"] == "internal.error"
    assert [c["details"]["status"] for c in calls] == [500]


def test_ecash_leaves_only_with_the_export_scope_and_is_listed(tmp_path):
    async def scenario(app, client, mint):
        admin = bearer(await key(app, "admin"))
        reader = bearer(await key(app, "wallet:read"))
        exporter = bearer(await key(app, "wallet:export", name="payouts"))
        sale = (await client.post("/sales", json={"amount": "21"}, headers=admin)).json()
        await app.sales.pay(sale["sale_id"], mint.token(21))
        denied = await client.post("/wallet/exports", json={"amount": 5}, headers=reader)
        made = await client.post("/wallet/exports", json={"amount": 5}, headers=exporter)
        too_much = await client.post("/wallet/exports", json={"amount": 500}, headers=exporter)
        listed = await client.get("/wallet/exports", headers=reader)
        balance = await client.get("/wallet/balance", headers=reader)
        return denied, made, too_much, listed.json(), balance.json()

    denied, made, too_much, listed, balance = run_api(tmp_path, scenario)
    assert denied.status_code == 403
    assert made.status_code == 201 and made.json()["token"].startswith("cashuB")
    assert made.json()["amount"] == 5
    assert too_much.status_code == 400
    assert [(e["amount"], e["staff"]) for e in listed] == [(5, "api:payouts")]
    assert all("token" not in e for e in listed)
    assert sum(b["amount"] for b in balance["balances"]) == 16


def test_the_customers_change_is_shown_only_to_the_payer_and_to_export_keys(tmp_path):
    async def scenario(app, client, mint):
        cashier = bearer(await key(app, "sales:write", "payments:write", name="kiosk"))
        reader = bearer(await key(app, "sales:read", name="kitchen"))
        exporter = bearer(await key(app, "sales:read", "wallet:export", name="office"))
        sale = (await client.post("/sales", json={"amount": "21"}, headers=cashier)).json()
        sid = sale["sale_id"]
        paid = await client.post(
            f"/sales/{sid}/payments", json={"token": mint.token(30)}, headers=cashier
        )
        seen = {}
        for who, headers in (("reader", reader), ("exporter", exporter)):
            one = (await client.get(f"/sales/{sid}", headers=headers)).json()
            listed = (await client.get("/sales", headers=headers)).json()["sales"][0]
            waited = await client.get(f"/sales/{sid}/wait", params={"timeout": 0}, headers=headers)
            events = await client.get(
                f"/sales/{sid}/events", params={"timeout": 0}, headers=headers
            )
            seen[who] = (one, listed, waited.json(), events.text)
        return paid.json(), seen, await app.sales.show(sid)

    paid, seen, core = run_api(tmp_path, scenario)
    change = core["change_token"]
    assert change and change.startswith("cashu") and paid["change_token"] == change
    one, listed, waited, events = seen["reader"]
    assert one["change_token"] is None and listed["change_token"] is None
    assert waited["change_token"] is None and change not in events
    assert one["state"] == "paid" and one["paid"] == core["paid"]  # the rest is as the till's
    one, listed, waited, events = seen["exporter"]
    assert one["change_token"] == listed["change_token"] == waited["change_token"] == change
    assert change in events


def test_a_sale_carries_its_external_order_id_and_is_found_by_it(tmp_path):
    async def scenario(app, client, _mint):
        shop = bearer(await key(app, "sales:write", "sales:read", name="webshop"))
        first = await client.post("/sales", json={"amount": "5", "order_id": "1001"}, headers=shop)
        await client.post("/sales", json={"amount": "6", "order_id": "1002"}, headers=shop)
        await client.post("/sales", json={"amount": "7"}, headers=shop)
        again = await client.post("/sales", json={"amount": "5", "order_id": "1001"}, headers=shop)
        found = await client.get("/sales", params={"order_id": "1001"}, headers=shop)
        bad = await client.post("/sales", json={"amount": "5", "order_id": "10\n01"}, headers=shop)
        long = await client.post(
            "/sales", json={"amount": "5", "order_id": "9" * 101}, headers=shop
        )
        return first.json(), again.json(), found.json()["sales"], bad, long, await app.sales.list()

    first, again, found, bad, long, every = run_api(tmp_path, scenario)
    assert first["order_id"] == "1001"
    # An order may be sold again (the first sale cancelled, say): both sales are found.
    assert sorted(s["sale_id"] for s in found) == sorted([again["sale_id"], first["sale_id"]])
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "order.invalid_id"
    assert long.status_code == 422
    assert sorted(str(s["order_id"]) for s in every) == ["1001", "1001", "1002", "None"]
