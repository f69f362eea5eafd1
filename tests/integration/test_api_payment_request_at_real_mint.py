"""A whole sale over HTTP on a real socket against a real nutshell mint, paid by NUT-18 post.

A web shop makes the sale with its API key and waits on it; the customer's wallet reads
the request, takes the post transport's address from it and posts proofs minted at the
mint; the wait answers paid, the mint has the proofs spent, and the ``sale.paid``
webhook reaches a receiver that verifies its signature (``standardwebhooks``).
"""

from __future__ import annotations

import asyncio
import os
import socket
import time

import httpx
import pytest

from pos_app.api import start_api
from pos_app.app import App
from pos_app.core.cashu import crypto
from pos_app.core.cashu.requests import decode_creqa, decode_creqb
from pos_app.core.cashu.tokens import parse_token
from tests.support.funding import open_client
from tests.support.tokens import token_async
from tests.support.webhookreceiver import Inbox, WebhookReceiver

pytestmark = pytest.mark.mint

WEBHOOK_WAIT = 15.0  # seconds for the delivery service to send the event


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_sale_paid_over_the_post_transport_at_a_real_mint(tmp_path, mint, monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", os.urandom(32).hex())
    port = free_port()
    inbox = Inbox("")

    async def scenario():
        app, _ = App.init(tmp_path / "shop", trust_env=False)
        server = None
        try:
            await app.mints.add(mint.url)
            with WebhookReceiver(inbox) as receiver:
                inbox.secret = (await app.webhooks.add(receiver.url(), "sale.paid"))["secret"]
                await app.settings.set_many(
                    {
                        "api.enabled": True,
                        "api.listen": f"127.0.0.1:{port}",
                        "api.public_url": f"http://127.0.0.1:{port}",
                    }
                )
                key = (await app.api_keys.create("web shop", ["sales:write", "sales:read"]))["key"]
                app.services.start()  # the webhook deliveries run as in the app
                server = await start_api(app)
                shop_side = {"Authorization": f"Bearer {key}"}
                async with httpx.AsyncClient(base_url=server.url, trust_env=False) as shop:
                    made = await shop.post("/sales", json={"amount": "21"}, headers=shop_side)
                    sale = made.json()
                    waiting = asyncio.ensure_future(
                        shop.get(
                            f"/sales/{sale['sale_id']}/wait",
                            params={"timeout": 60},
                            headers=shop_side,
                        )
                    )
                    # The customer's wallet: the request as its QR shows it, proofs of the mint.
                    request = decode_creqa(sale["payment_request"])
                    compact = decode_creqb(sale["payment_request_bech32"])
                    [transport] = request.transports
                    proofs = parse_token(await token_async(mint.url, 21)).proofs
                    body = {
                        "id": request.id,
                        "mint": mint.url,
                        "unit": "sat",
                        "proofs": [p.to_dict() for p in proofs],
                    }
                    async with httpx.AsyncClient(trust_env=False) as wallet:
                        posted = await wallet.post(transport.target, json=body)
                    waited = await asyncio.wait_for(waiting, 30)
                    deadline = time.monotonic() + WEBHOOK_WAIT
                    while not inbox.types() and time.monotonic() < deadline:
                        await asyncio.sleep(0.1)
                async with open_client(mint.url) as client:
                    states = await client.checkstate([crypto.y_of_secret(p.secret) for p in proofs])
                balance = await app.wallet.balance()
                return made, request, compact, transport, posted, waited, states, balance
        finally:
            if server is not None:
                await server.stop()
            await app.aclose()

    made, request, compact, transport, posted, waited, states, balance = asyncio.run(scenario())
    assert made.status_code == 201
    assert compact == request and request.amount == 21 and request.mints == (mint.url,)
    assert transport.type == "post"
    assert transport.target == f"http://127.0.0.1:{port}/api/v1/payment-requests/{request.id}"
    assert posted.status_code == 200, posted.text
    assert posted.json()["state"] == "paid" and posted.json()["remaining"] == 0
    sale = waited.json()
    assert waited.status_code == 200 and sale["state"] == "paid" and sale["paid"] == 21
    assert [p["state"] for p in sale["payments"]] == ["settled"]
    assert {s.state for s in states} == {"SPENT"}  # the mint took the customer's proofs
    assert balance["total"] == {"sat": 21}
    assert inbox.types() == ["sale.paid"]
    assert inbox.wire and all(r.verified for r in inbox.wire)
    [event] = inbox.events.values()
    assert event["data"]["sale_id"] == sale["sale_id"] and event["data"]["state"] == "paid"
