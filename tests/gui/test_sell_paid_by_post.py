"""The Sell page follows a sale its customer's wallet pays over the network (NUT-18 post).

The cashier charges an amount; the request shown carries the API's post transport; the
wallet posts part, then the rest, to that address (the API in process, over ASGI), and
the page turns to partial, then to Paid, as after a scan, without the camera.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest

from pos_app.api.app import make_api
from pos_app.core.cashu.requests import decode_creqa
from pos_app.ui.bridge import CoreBridge
from pos_app.ui.context import UiContext
from pos_app.ui.pages.sell import SellPage
from pos_app.ui.tasks import running_tasks
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop
from tests.support.sell_page import charge, show_sell_page

pytestmark = pytest.mark.gui

BASE = "https://192.168.1.20:8787"  # api.public_url, as the running API sets it


@pytest.fixture
def mint():
    return FakeMint()


@pytest.fixture
def shop(tmp_path, monkeypatch, arun, mint):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)
    app = open_shop(tmp_path / "shop", mint)
    arun(app.mints.add(mint.url))
    app.sales.post_base_url = BASE
    yield app
    arun(app.aclose())


@pytest.fixture
def sell(qtbot, shop) -> Iterator[SellPage]:
    bridge = CoreBridge(shop.bus)
    ui = UiContext(shop, bridge, camera_override="/nonexistent/no-camera.mp4")
    page = show_sell_page(qtbot, ui)
    yield page
    page.shutdown()
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)
    bridge.detach()


def test_the_sell_page_turns_paid_when_the_wallet_pays_by_post(qtbot, arun, shop, mint, sell):
    sale_id = charge(qtbot, sell, "21")
    request = decode_creqa(sell.payment.sale["payment_request"])
    [transport] = request.transports  # the QR on the screen offers it
    assert transport.target == f"{BASE}/api/v1/payment-requests/{request.id}"
    path = urlsplit(transport.target).path
    states: list[str] = []
    sell.payment.state_changed.connect(lambda state, _info: states.append(state))

    async def post(amount: int) -> httpx.Response:
        body = {
            "id": request.id,
            "mint": mint.url,
            "unit": "sat",
            "proofs": [p.to_dict() for p in mint.issue(amount)],
        }
        transport = httpx.ASGITransport(app=make_api(shop))
        async with httpx.AsyncClient(transport=transport, base_url="http://till") as wallet:
            return await wallet.post(path, json=body)

    first = arun(post(8))
    assert first.status_code == 200 and first.json()["state"] == "partially_paid"
    qtbot.waitUntil(lambda: sell.payment.state == "partial", timeout=10_000)
    assert "13 sat" in sell.payment.status.title.text()  # what is still to pay

    rest = arun(post(13))
    assert rest.status_code == 200 and rest.json()["state"] == "paid"
    qtbot.waitUntil(lambda: sell.payment.state == "paid", timeout=10_000)
    assert sell.payment.sale_id == sale_id
    assert sell.payment.status.title.text() == "Paid"
    assert "21 sat paid" in sell.payment.status.text.text()
    assert states == ["partial", "paid"]
    qtbot.waitUntil(lambda: sell.payment.receipts.isVisible(), timeout=10_000)
