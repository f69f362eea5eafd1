"""The API's read-side routes: a sale's events (SSE), one export, the payments CSV, the
human docs page, and the Deprecation/Sunset headers of a route on its way out.

Against a shop whose mint is the in-process FakeMint; the event streams are read over a
real socket (uvicorn on the test's loop), where a client can go away mid-stream.
"""

from __future__ import annotations

import asyncio
import json
import re
from datetime import date
from html.parser import HTMLParser
from typing import Any

import httpx
import pytest

from pos_app.api import docs_page, sale_events
from pos_app.api.app import make_api
from pos_app.api.deprecation import DEPRECATED, Retirement
from pos_app.api.limits import Guard
from pos_app.api.server import ApiServer
from pos_app.core.errors import StorageError
from pos_app.core.events import SaleChanged
from tests.integration.test_api import bearer, key, run_api
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


def parse_events(text: str) -> list[dict[str, str]]:
    """SSE messages as dicts of their fields (comments as ``{"comment": ...}``)."""
    out = []
    for block in text.split("\n\n"):
        if not block:
            continue
        fields: dict[str, str] = {}
        for line in block.split("\n"):
            name, _, value = line.partition(":")
            fields[name or "comment"] = value.removeprefix(" ")
        out.append(fields)
    return out


def served(tmp_path, scenario) -> Any:
    """``scenario(app, base_url, mint, admin_headers)`` with the API on a real socket."""
    mint = FakeMint()

    async def main() -> Any:
        app = open_shop(tmp_path / "shop", mint)
        server = None
        try:
            await app.mints.add(mint.url)
            admin = bearer(await key(app, "admin"))
            server = ApiServer(make_api(app, Guard(100_000, 100_000)), "127.0.0.1:0")
            await server.start()
            return await scenario(app, server.url, mint, admin)
        finally:
            if server is not None:
                await server.stop()
            await app.aclose()

    return asyncio.run(main())


def subscribers(app) -> int:
    return len(app.bus._handlers.get(SaleChanged, ()))


async def until(check, seconds: float = 5.0) -> bool:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not check():
        if loop.time() > deadline:
            return False
        await asyncio.sleep(0.02)
    return True


def test_events_follow_a_sale_until_it_is_paid(tmp_path, monkeypatch):
    monkeypatch.setattr(sale_events, "HEARTBEAT_SECONDS", 0.2)

    async def scenario(app, url, mint, admin):
        sale = await app.sales.new_sale("10", "sat")
        sale_id = sale["sale_id"]
        baseline = subscribers(app)
        step, text = 0, ""
        path = f"/sales/{sale_id}/events?timeout=30"
        async with (
            httpx.AsyncClient(base_url=url, headers=admin, trust_env=False) as http,
            http.stream("GET", path) as answer,
        ):
            headers = answer.headers
            async for chunk in answer.aiter_text():
                text += chunk
                if step == 0 and "keep-alive" in text:  # quiet: a heartbeat came first
                    step = 1
                    await app.sales.pay(sale_id, mint.token(4))  # part of it
                elif step == 1 and '"state":"partially_paid"' in text:
                    step = 2
                    await app.sales.pay(sale_id, mint.token(6))
        return headers, text, baseline, subscribers(app)

    headers, text, baseline, after = served(tmp_path, scenario)
    assert headers["content-type"].startswith("text/event-stream")
    assert headers["cache-control"] == "no-store"
    events = parse_events(text)
    assert events[0] == {"retry": "3000"}
    sales = [e for e in events if e.get("event") == "sale"]
    seen = [(json.loads(e["data"])["state"], json.loads(e["data"])["paid"]) for e in sales]
    assert seen == [("open", 0), ("partially_paid", 4), ("paid", 10)]
    assert [e["id"] for e in sales] == ["1", "2", "3"]
    assert {"comment": "keep-alive"} in events  # a quiet stream is kept open
    assert events[-1]["event"] == "end"
    assert json.loads(events[-1]["data"]) == {"reason": "final", "state": "paid"}
    assert after == baseline  # the stream's subscription ended with it


def test_a_client_leaving_mid_stream_stops_it_and_unsubscribes(tmp_path):
    async def scenario(app, url, _mint, admin):
        sale_ids = [(await app.sales.new_sale("10", "sat"))["sale_id"] for _ in range(5)]
        baseline = subscribers(app)
        clients = []
        for sale_id in sale_ids:
            http = httpx.AsyncClient(base_url=url, headers=admin, trust_env=False)
            request = http.build_request("GET", f"/sales/{sale_id}/events?timeout=120")
            answer = await http.send(request, stream=True)
            chunks = answer.aiter_text()  # kept: dropping it would close the response
            assert (await anext(chunks)).startswith("retry:")
            clients.append((http, answer, chunks))
        opened = await until(lambda: subscribers(app) == baseline + 5)
        for http, answer, _chunks in clients:
            await answer.aclose()
            await http.aclose()
        closed = await until(lambda: subscribers(app) == baseline, seconds=20)
        return opened, closed, subscribers(app) - baseline

    opened, closed, left = served(tmp_path, scenario)
    assert opened
    assert closed, f"{left} subscriptions leaked after the clients left"


def test_events_end_at_the_timeout_and_refuse_what_is_wrong(tmp_path, monkeypatch):
    async def scenario(app, client, _mint):
        reader = bearer(await key(app, "sales:read"))
        sale = await app.sales.new_sale("10", "sat")
        path = f"/sales/{sale['sale_id']}/events"
        quiet = await client.get(path, params={"timeout": 0.3}, headers=reader)
        unknown = await client.get("/sales/nope/events", headers=reader)
        too_long = await client.get(path, params={"timeout": 121}, headers=reader)
        cancelled = await app.sales.cancel(sale["sale_id"])
        over = await client.get(path, params={"timeout": 5}, headers=reader)
        monkeypatch.setattr(sale_events, "MAX_STREAMS", 0)
        full = await client.get(path, headers=reader)
        return quiet, unknown, too_long, cancelled, over, full

    quiet, unknown, too_long, cancelled, over, full = run_api(tmp_path, scenario)
    events = parse_events(quiet.text)
    assert [e.get("event") for e in events] == [None, "sale", "end"]
    assert '"reason":"timeout"' in events[-1]["data"]
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "sale.unknown"
    assert too_long.status_code == 422
    assert cancelled["state"] == "cancelled"
    finished = parse_events(over.text)  # a sale in a final state: one event, then the end
    assert [e.get("event") for e in finished] == [None, "sale", "end"]
    assert '"reason":"final"' in finished[-1]["data"]
    assert full.status_code == 429 and full.json()["error"]["code"] == "api.too_many_streams"
    assert "retry-after" in full.headers


def test_one_export_is_shown_without_its_token(tmp_path):
    async def scenario(app, client, mint):
        reader = bearer(await key(app, "wallet:read"))
        sale = await app.sales.new_sale("21", "sat")
        await app.sales.pay(sale["sale_id"], mint.token(21))
        sent = await app.wallet.send(None, "sat", 5)
        exports = await app.exports.list()
        one = await client.get(f"/wallet/exports/{exports[0].id}", headers=reader)
        unknown = await client.get("/wallet/exports/99999", headers=reader)
        zero = await client.get("/wallet/exports/0", headers=reader)
        word = await client.get("/wallet/exports/first", headers=reader)
        return sent.token, exports[0].to_dict(), one, unknown, zero, word

    token, record, one, unknown, zero, word = run_api(tmp_path, scenario)
    assert one.status_code == 200 and one.json() == record
    assert one.json()["state"] == "pending" and one.json()["amount"] == 5
    assert token not in one.text and "token" not in one.json()
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "export.unknown"
    assert zero.status_code == 422 and word.status_code == 422


def test_the_payments_csv_is_the_file_the_app_writes_and_leaves_no_file(tmp_path):
    async def scenario(app, client, mint):
        reader = bearer(await key(app, "reports:read"))
        for amount in (3, 4, 5):
            sale = await app.sales.new_sale(str(amount), "sat")
            await app.sales.pay(sale["sale_id"], mint.token(amount))
        before = sorted(p.name for p in tmp_path.rglob("*"))
        answer = await client.get(
            "/reports/payments.csv", params={"period": "today", "tz": "UTC"}, headers=reader
        )
        after = sorted(p.name for p in tmp_path.rglob("*"))
        out = tmp_path / "written.csv"
        await app.reports.write_csv(app.reports.period("today", zone="UTC"), out)
        span = await client.get(
            "/reports/payments.csv",
            params={"from": "2001-01-01", "to": "2001-01-31", "tz": "UTC"},
            headers=reader,
        )
        bad = {
            "zone": await client.get(
                "/reports/payments.csv", params={"tz": "Mars/Base"}, headers=reader
            ),
            "backwards": await client.get(
                "/reports/payments.csv",
                params={"from": "2026-02-01", "to": "2026-01-01"},
                headers=reader,
            ),
            "ancient": await client.get(
                "/reports/payments.csv", params={"from": "0001-01-01"}, headers=reader
            ),
            "period": await client.get(
                "/reports/payments.csv", params={"period": "someday"}, headers=reader
            ),
        }
        return answer, out.read_bytes(), before, after, span, bad

    answer, written, before, after, span, bad = run_api(tmp_path, scenario)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert answer.content == written  # byte for byte, BOM and CRLF included
    assert answer.content.startswith(b"\xef\xbb\xbftime,sale_id,")
    assert answer.content.count(b"\r\n") == 4  # the header and three payments
    name = re.search(r'filename="([^"]+)"', answer.headers["content-disposition"]).group(1)
    assert name.startswith("payments-") and name.endswith(".csv")
    assert before == after  # no file was made for the answer
    assert span.status_code == 200 and span.content.count(b"\r\n") == 1  # the header only
    assert "payments-2001-01-01-2001-01-31.csv" in span.headers["content-disposition"]
    assert bad["zone"].status_code == 400
    assert bad["zone"].json()["error"]["code"] == "report.bad_zone"
    assert bad["backwards"].status_code == 400
    assert bad["backwards"].json()["error"]["code"] == "report.bad_period"
    assert bad["ancient"].status_code == 422 and bad["period"].status_code == 422


def test_the_docs_page_is_served_without_a_key_and_lists_every_operation(tmp_path):
    async def scenario(_app, client, _mint):
        page = await client.get("/docs")
        doc = (await client.get("/openapi.json")).json()
        return page, doc

    page, doc = run_api(tmp_path, scenario)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    operations = [
        (method.upper(), path)
        for path, item in doc["paths"].items()
        for method in item
        if method in docs_page.METHODS
    ]
    assert len(operations) >= 15
    for method, path in operations:
        assert f"{method}</span>{path}" in html, (method, path)
        scope = doc["paths"][path][method.lower()].get("x-scope")
        if scope not in (None, "any"):
            assert f'<span class="scope">{scope}</span>' in html
    # Nothing comes from elsewhere: no script, no stylesheet or image by URL.
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.open: list[str] = []
            self.broken = False

        def handle_starttag(self, tag, attrs):
            if tag not in ("meta", "br", "link"):
                self.open.append(tag)

        def handle_endtag(self, tag):
            if not self.open or self.open.pop() != tag:
                self.broken = True

    tags = Tags()
    tags.feed(html)
    assert not tags.broken and tags.open == []  # well nested, every tag closed


def test_the_docs_page_escapes_what_the_document_says():
    doc = {
        "info": {"title": "T<i>", "version": "1"},
        "paths": {
            "/x/{id}": {
                "get": {
                    "summary": "<script>alert(1)</script>",
                    "description": 'a "quoted" & <b>bold</b>',
                    "x-scope": "sales:read<",
                    "parameters": [{"name": "<p>", "in": "query", "schema": {"type": "string"}}],
                    "responses": {"200": {"description": "<ok>"}},
                }
            }
        },
    }
    html = docs_page.render(doc, "/openapi.json?a=<b>")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "&quot;quoted&quot; &amp;" in html
    assert "sales:read&lt;" in html and "&lt;ok&gt;" in html and "T&lt;i&gt;" in html
    assert "<b>bold" not in html and "<p>" not in html.split("<body>")[1].split("<p>")[0]


def test_a_route_on_its_way_out_sends_deprecation_and_sunset(tmp_path, monkeypatch):
    mint = FakeMint()
    retiring = ("GET", "/api/v1/test-only/old")
    monkeypatch.setitem(DEPRECATED, retiring, Retirement(date(2026, 7, 1), date(2027, 1, 1)))

    async def main():
        app = open_shop(tmp_path / "shop", mint)
        try:
            api = make_api(app, Guard(100_000, 100_000))
            scoped = next(
                r for r in api.routes if getattr(r, "path", "") == "/api/v1/sales/{sale_id}"
            )

            @api.get("/api/v1/test-only/old", dependencies=scoped.dependencies)
            async def old(sale_id: str = "x") -> dict[str, str]:
                return {"old": sale_id}

            old.__doc__ = "A test-only route on its way out."
            admin = bearer(await key(app, "admin"))
            transport = httpx.ASGITransport(app=api)
            async with httpx.AsyncClient(transport=transport, base_url="http://till") as http:
                ok = await http.get("/api/v1/test-only/old", headers=admin)
                other = await http.get("/api/v1/sales", headers=admin)
                doc = (await http.get("/api/v1/openapi.json")).json()
            return ok, other, doc
        finally:
            await app.aclose()

    ok, other, doc = asyncio.run(main())
    assert ok.status_code == 200
    assert ok.headers["deprecation"] == "@1782864000"  # 2026-07-01T00:00:00Z
    assert ok.headers["sunset"] == "Fri, 01 Jan 2027 00:00:00 GMT"
    assert "deprecation" not in other.headers and "sunset" not in other.headers
    assert doc["paths"]["/api/v1/test-only/old"]["get"]["deprecated"] is True
    assert "deprecated" not in doc["paths"]["/api/v1/sales"]["get"]


def test_a_deprecated_route_says_so_on_its_refusals_too(tmp_path, monkeypatch):
    retiring = ("GET", "/api/v1/sales/{sale_id}")
    monkeypatch.setitem(DEPRECATED, retiring, Retirement(date(2026, 7, 1), date(2027, 1, 1)))

    async def scenario(_app, client, _mint):
        return await client.get("/sales/any")  # no key

    refused = run_api(tmp_path, scenario)
    assert refused.status_code == 401
    assert refused.headers["sunset"] == "Fri, 01 Jan 2027 00:00:00 GMT"


def test_what_the_contract_tests_found_is_refused_in_the_apis_shape(tmp_path):
    async def scenario(app, client, _mint):
        admin = bearer(await key(app, "admin"))
        json_type = admin | {"Content-Type": "application/json"}
        return {
            "unreadable": await client.post("/sales", content=b"\xff\x00{", headers=json_type),
            "no_route": await client.get("/nowhere", headers=admin),
            "method": await client.delete("/sales", headers=admin),
            "huge_id": await client.delete(f"/webhooks/{2**80}", headers=admin),
            "huge_offset": await client.get("/sales", params={"offset": 2**70}, headers=admin),
        }

    out = run_api(tmp_path, scenario)
    expected = {
        "unreadable": (400, "request.unreadable"),
        "no_route": (404, "route.unknown"),
        "method": (405, "request.method"),
        "huge_id": (422, "request.invalid"),
        "huge_offset": (422, "request.invalid"),
    }
    assert {k: (v.status_code, v.json()["error"]["code"]) for k, v in out.items()} == expected
    assert all(set(v.json()["error"]) == {"category", "code", "message"} for v in out.values())


def test_a_failure_mid_stream_is_an_error_event_then_the_end(tmp_path):

    async def scenario(app, client, _mint):
        reader = bearer(await key(app, "sales:read"))
        sale = await app.sales.new_sale("10", "sat")
        shown = app.sales.show
        calls = []

        async def failing(sale_id):
            calls.append(sale_id)
            if len(calls) > 1:  # the route's own read works; the stream's re-read fails
                raise StorageError("db.busy", "The database is busy.")
            return await shown(sale_id)

        app.sales.show = failing
        answer = await client.get(f"/sales/{sale['sale_id']}/events?timeout=5", headers=reader)
        return answer, subscribers(app)

    answer, _left = run_api(tmp_path, scenario)
    events = parse_events(answer.text)
    assert [e.get("event") for e in events] == [None, "sale", "error", "end"]
    assert json.loads(events[2]["data"])["code"] == "db.busy"
    assert json.loads(events[3]["data"])["reason"] == "error"


def test_a_second_part_paid_in_the_same_state_ends_a_wait_given_the_paid_amount(tmp_path):
    async def scenario(app, _client, mint):
        sale_id = (await app.sales.new_sale("10", "sat"))["sale_id"]
        await app.sales.pay(sale_id, mint.token(3))
        loop = asyncio.get_running_loop()
        started = loop.time()
        waiting = asyncio.ensure_future(
            app.sales.wait_change(sale_id, "partially_paid", 10, paid=3)
        )
        state_only = asyncio.ensure_future(app.sales.wait_change(sale_id, "partially_paid", 0.5))
        await asyncio.sleep(0.1)
        await app.sales.pay(sale_id, mint.token(3))  # still partially paid, 6 of 10
        return await waiting, loop.time() - started, await state_only

    woke, seconds, state_only = run_api(tmp_path, scenario)
    assert (woke["state"], woke["paid"]) == ("partially_paid", 6) and seconds < 2
    assert state_only["state"] == "partially_paid"  # without paid: only a new state wakes it
