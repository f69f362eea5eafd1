"""The NUT-18 post transport over the API: a wallet pays a sale's request without a key.

In process over ASGI against shops on the in-process FakeMint; whether requests offer
the transport is checked with the API served on a real socket (it is offered only
while the API serves). The full sale against a real mint is in
``test_api_payment_request_at_real_mint.py``.
"""

from __future__ import annotations

import asyncio
import socket
import time
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from sqlalchemy import update

from pos_app.api import start_api
from pos_app.api.app import make_api
from pos_app.api.limits import Guard
from pos_app.core.cashu.requests import PaymentRequest, decode_creqa, decode_creqb
from pos_app.core.events import Event
from pos_app.core.store.schema import Mint, ReceivedToken
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop, rows

V1 = "http://till/api/v1"
BASE = "https://till.example:8787"  # what api.public_url would say


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_shop(tmp_path, scenario, *, mints: int = 1, guard: Guard | None = None) -> Any:
    """``scenario(app, client, fakemints)`` on a shop trusting ``mints`` fake mints."""
    fakes = [FakeMint(f"http://mint-{n}.test", name=f"mint {n}") for n in range(mints)]

    async def main() -> Any:
        app = open_shop(tmp_path / "shop", *fakes)
        try:
            for fake in fakes:
                await app.mints.add(fake.url)
            app.sales.post_base_url = BASE  # as start_api sets it while it serves
            api = make_api(app, guard or Guard(100_000, 100_000, failures=100_000))
            transport = httpx.ASGITransport(app=api)
            async with httpx.AsyncClient(transport=transport, base_url=V1) as client:
                return await scenario(app, client, fakes)
        finally:
            await app.aclose()

    return asyncio.run(main())


def post_target(sale: dict[str, Any]) -> str:
    """The path of the sale's post transport, read from its QR's request (creqA)."""
    [transport] = decode_creqa(sale["payment_request"]).transports
    assert transport.type == "post" and transport.target.startswith(BASE + "/api/v1/")
    return "http://till" + urlsplit(transport.target).path


def payload(mint: FakeMint, amount: int, request_id: str | None, **over: Any) -> dict[str, Any]:
    """What a wallet posts: proofs the mint signed, as NUT-18's PaymentRequestPayload."""
    unit = over.pop("unit", "sat")
    proofs = mint.issue(amount, unit=unit)
    body = {"mint": mint.url, "unit": unit, "proofs": [p.to_dict() for p in proofs]}
    if request_id is not None:
        body["id"] = request_id
    return body | over


def request_of(sale: dict[str, Any]) -> PaymentRequest:
    return decode_creqa(sale["payment_request"])


def test_requests_offer_the_post_transport_only_while_the_api_serves_at_a_public_url(tmp_path):
    port = free_port()
    mint = FakeMint()

    async def main():
        app = open_shop(tmp_path / "shop", mint)
        try:
            await app.mints.add(mint.url)
            seen = {}
            seen["api off"] = await app.sales.new_sale("5", "sat")
            await app.settings.set_many({"api.enabled": True, "api.listen": f"127.0.0.1:{port}"})
            server = await start_api(app)
            seen["no public url"] = await app.sales.new_sale("5", "sat")
            await server.stop()
            await app.settings.set_many({"api.public_url": "https://192.168.1.20:8787/api/v1"})
            stored = (await app.settings.values())["api.public_url"]
            server = await start_api(app)
            seen["served"] = await app.sales.new_sale("5", "sat", "coffee")
            await server.stop()
            seen["stopped"] = await app.sales.new_sale("5", "sat")
            return stored, seen
        finally:
            await app.aclose()

    stored, seen = asyncio.run(main())
    assert stored == "https://192.168.1.20:8787"  # the /api/v1 a copied URL ends with, dropped
    for label in ("api off", "no public url", "stopped"):
        assert request_of(seen[label]).transports == (), label
        assert decode_creqb(seen[label]["payment_request_bech32"]).transports == (), label
    sale = seen["served"]
    long, compact = request_of(sale), decode_creqb(sale["payment_request_bech32"])
    assert long == compact  # both encodings carry the same request, transport and all
    [transport] = long.transports
    assert transport.type == "post" and transport.tags == ()
    assert transport.target == f"https://192.168.1.20:8787/api/v1/payment-requests/{long.id}"
    assert long.amount == 5 and long.unit == "sat" and long.single_use is True
    assert long.description == "coffee" and long.mints == (mint.url,)
    # The id is the right to pay: random, 96 bits, never the sale id's prefix.
    ids = [request_of(s).id for s in seen.values()]
    assert all(len(i) == 16 for i in ids) and len(set(ids)) == 4
    assert all(not s["sale_id"].startswith(request_of(s).id[:8]) for s in seen.values())


def test_a_wallet_pays_by_post_and_the_sale_is_paid_like_a_scan(tmp_path):
    async def scenario(app, client, mints):
        [mint] = mints
        sale = await app.sales.new_sale("21", "sat")
        path = post_target(sale)
        request_id = request_of(sale).id
        changes = []
        app.bus.subscribe(Event, lambda e: changes.append(type(e).__name__))
        answer = await client.post(path, json=payload(mint, 21, request_id, memo="thanks"))
        shown = await app.sales.show(sale["sale_id"])
        stored = rows(app, ReceivedToken)
        await asyncio.sleep(0.6)  # API calls are audited in batches, within half a second
        calls = [e for e in await app.audit.list() if e["action"] == "api.call"]
        balance = await app.wallet.balance()
        return answer, shown, stored, calls, balance, changes

    answer, shown, stored, calls, balance, changes = run_shop(tmp_path, scenario)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "state": "paid",
        "payment": "settled",
        "paid": 21,
        "due": 21,
        "remaining": 0,
        "change_token": None,
    }
    assert shown["state"] == "paid" and shown["paid"] == 21
    assert [p["state"] for p in shown["payments"]] == ["settled"]
    assert [(t.source, t.state, t.amount) for t in stored] == [("nut18-post", "redeemed", 21)]
    assert balance["total"] == {"sat": 21}
    assert "SaleChanged" in changes and "SalePaid" in changes  # what the till's screen follows
    [call] = calls
    assert call["subject"] == "nut18:post" and call["details"]["status"] == 200
    assert call["details"]["route"] == "/api/v1/payment-requests/{request_id}"


def test_unknown_wrong_unit_foreign_mint_and_other_request_are_refused_and_lose_nothing(
    tmp_path,
):
    async def scenario(app, client, mints):
        mint, resting = mints
        # The second mint is offline when the sale is made: the request names the first only.
        now = int(time.time())
        await app.db.run(
            lambda s: s.execute(
                update(Mint).where(Mint.url == resting.url).values(status="offline", checked_at=now)
            )
        )
        resting.down = True  # and the check before the sale finds it so
        sale = await app.sales.new_sale("8", "sat")
        resting.down = False  # back: a payment from it would be taken, but was not asked for
        assert request_of(sale).mints == (mint.url,)
        path, request_id = post_target(sale), request_of(sale).id
        mint.add_keyset("usd")
        out = {}
        unknown = payload(mint, 8, None)
        out["unknown"] = await client.post(V1 + "/payment-requests/AAAAAAAAAAAAAAAA", json=unknown)
        out["prefix"] = await client.post(
            V1 + "/payment-requests/" + sale["sale_id"][:8], json=unknown
        )
        usd = payload(mint, 8, request_id, unit="usd")
        out["unit"] = await client.post(path, json=usd)
        foreign = payload(resting, 8, request_id)
        out["mint"] = await client.post(path, json=foreign)
        other = payload(mint, 8, "someone-elses-id")
        out["other request"] = await client.post(path, json=other)
        swaps = len(mint.requests("/v1/swap")) + len(resting.requests("/v1/swap"))
        shown = await app.sales.show(sale["sale_id"])
        balance = await app.wallet.balance()
        proofs = unknown["proofs"] + usd["proofs"] + foreign["proofs"] + other["proofs"]
        states = {m.state_of(p["secret"]) for m in (mint, resting) for p in proofs}
        # The refused proofs are still the customer's: a good payment then goes through.
        paid = await client.post(path, json=payload(mint, 8, request_id))
        return out, swaps, shown, balance, states, paid

    out, swaps, shown, balance, states, paid = run_shop(tmp_path, scenario, mints=2)
    codes = {k: (v.status_code, v.json()["error"]["code"]) for k, v in out.items()}
    assert codes == {
        "unknown": (404, "payment_request.not_found"),
        "prefix": (404, "payment_request.not_found"),  # the old 8-character ids pay nothing
        "unit": (400, "unit.mismatch"),
        "mint": (400, "mint.not_requested"),
        "other request": (400, "payload.wrong_request"),
    }
    assert out["unknown"].json()["error"]["message"] == "There is no such payment request."
    assert swaps == 0 and states == {"UNSPENT"}  # no mint was asked to take anything
    assert shown["state"] == "open" and shown["paid"] == 0
    assert balance["total"] == {}
    assert paid.status_code == 200 and paid.json()["state"] == "paid"


def test_the_same_payload_twice_counts_once_and_a_short_one_pays_part(tmp_path):
    async def scenario(app, client, mints):
        [mint] = mints
        sale = await app.sales.new_sale("10", "sat")
        path, request_id = post_target(sale), request_of(sale).id
        part = payload(mint, 4, request_id)
        first = await client.post(path, json=part)
        again = await client.post(path, json=part)  # a wallet retrying after a lost answer
        rest = await client.post(path, json=payload(mint, 6, request_id))
        after = await client.post(path, json=payload(mint, 1, request_id))
        shown = await app.sales.show(sale["sale_id"])
        balance = await app.wallet.balance()
        return first, again, rest, after, shown, balance

    first, again, rest, after, shown, balance = run_shop(tmp_path, scenario)
    assert first.status_code == 200
    assert first.json() == {
        "state": "partially_paid",
        "payment": "settled",
        "paid": 4,
        "due": 10,
        "remaining": 6,
        "change_token": None,
    }
    assert again.status_code == 400 and again.json()["error"]["code"] == "token.already_spent"
    assert rest.status_code == 200 and rest.json()["state"] == "paid" and rest.json()["paid"] == 10
    assert after.status_code == 409 and after.json()["error"]["code"] == "sale.already_paid"
    assert shown["paid"] == 10 and balance["total"] == {"sat": 10}  # 4 + 6, never 4 twice
    assert sorted(p["state"] for p in shown["payments"]) == [
        "rejected",
        "rejected",
        "settled",
        "settled",
    ]


def test_cancelled_and_expired_sales_refuse_with_409(tmp_path):
    async def scenario(app, client, mints):
        [mint] = mints
        cancelled = await app.sales.new_sale("3", "sat")
        await app.sales.cancel(cancelled["sale_id"])
        expired = await app.sales.new_sale("3", "sat")
        later = time.time() + 10 * 86400
        app.sales.clock = app.sales.settlement.clock = lambda: later
        answers = []
        for sale in (cancelled, expired):
            body = payload(mint, 3, request_of(sale).id)
            answers.append(await client.post(post_target(sale), json=body))
        return answers

    cancelled, expired = run_shop(tmp_path, scenario)
    assert (cancelled.status_code, cancelled.json()["error"]["code"]) == (409, "sale.cancelled")
    assert (expired.status_code, expired.json()["error"]["code"]) == (409, "sale.expired")


def test_garbage_is_refused_in_the_apis_json_shape(tmp_path):
    async def scenario(app, client, mints):
        [mint] = mints
        sale = await app.sales.new_sale("2", "sat")
        path = post_target(sale)
        good = payload(mint, 2, request_of(sale).id)
        bad_proof = good | {"proofs": [good["proofs"][0] | {"C": "not hex"}]}
        sent = {
            "not json": {"content": b"\x00\xffnot json"},
            "array": {"json": [1, 2]},
            "no proofs": {"json": good | {"proofs": []}},
            "no mint": {"json": {k: v for k, v in good.items() if k != "mint"}},
            "bad mint": {"json": good | {"mint": "ftp://mint"}},
            "bad proof": {"json": bad_proof},
            "huge": {"content": b"{" + b" " * (300 * 1024) + b"}"},
        }
        out = {k: await client.post(path, **v) for k, v in sent.items()}
        out["long id"] = await client.post(V1 + "/payment-requests/" + "x" * 65, json=good)
        shown = await app.sales.show(sale["sale_id"])
        return out, shown

    out, shown = run_shop(tmp_path, scenario)
    codes = {k: (v.status_code, v.json()["error"]["code"]) for k, v in out.items()}
    assert codes == {
        "not json": (400, "payload.invalid"),
        "array": (400, "payload.invalid"),
        "no proofs": (400, "payload.empty"),
        "no mint": (400, "payload.invalid"),
        "bad mint": (400, "payload.invalid"),
        "bad proof": (400, "payload.invalid"),
        "huge": (400, "payload.too_large"),
        "long id": (422, "request.invalid"),
    }
    for answer in out.values():
        assert set(answer.json()["error"]) == {"category", "code", "message"}
    assert shown["state"] == "open" and shown["payments"] == []


def test_the_keyless_route_has_its_own_stricter_limit_per_address(tmp_path):
    now = [1000.0]
    guard = Guard(100_000, 100_000, failures=100_000, per_payer=3, clock=lambda: now[0])

    async def scenario(app, client, mints):
        [mint] = mints
        sale = await app.sales.new_sale("2", "sat")
        path = post_target(sale)
        unknown = V1 + "/payment-requests/AAAAAAAAAAAAAAAA"
        tries = [(await client.post(unknown, json={})).status_code for _ in range(3)]
        limited = await client.post(path, json=payload(mint, 2, request_of(sale).id))
        keyed = await client.get("/health")  # the other routes keep their own limits
        now[0] += 61
        paid = await client.post(path, json=payload(mint, 2, request_of(sale).id))
        return tries, limited, keyed, paid

    tries, limited, keyed, paid = run_shop(tmp_path, scenario, guard=guard)
    assert tries == [400, 400, 400]  # counted whatever the answer
    assert limited.status_code == 429 and limited.json()["error"]["code"] == "api.rate_limited"
    assert 0 < int(limited.headers["retry-after"]) <= 60
    assert limited.headers["ratelimit-limit"] == "3"
    assert limited.headers["ratelimit-remaining"] == "0"
    assert keyed.status_code == 401  # not 429: no payer window on a keyed route
    assert paid.status_code == 200 and paid.json()["state"] == "paid"
