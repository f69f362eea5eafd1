"""The owner's allow and block lists, and the automatic blocks: kept, listed, lifted at once."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from pos_app.api import start_api
from pos_app.api.app import make_api
from pos_app.api.limits import AddressRules, Guard
from pos_app.core.errors import ValidationError
from tests.integration.test_api import V1, bearer, free_port, key, run_api
from tests.support.cli import Cli
from tests.support.fakemint import FakeMint
from tests.support.fakeshop import DB_KEY, open_shop


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


def test_rules_admit_by_network_and_the_block_list_wins():
    rules = AddressRules("192.168.1.0/24, 10.0.0.7", "192.168.1.66, fd00::/8")
    assert rules.admits("192.168.1.20") and rules.admits("10.0.0.7")
    assert rules.admits("::ffff:192.168.1.20")  # IPv4 seen through an IPv6 socket
    assert not rules.admits("192.168.1.66") and not rules.admits("10.0.0.8")
    assert not rules.admits("-")  # no address at all: not on the allow list
    everyone = AddressRules("", "fd00::/8")
    assert everyone.admits("2001:db8::1") and everyone.admits("-")
    assert not everyone.admits("fd00::1%eth0")


def test_allow_and_block_lists_refuse_with_403_and_are_audited(tmp_path):
    async def scenario(app, _client, _mint):
        reader = bearer(await key(app, "sales:read"))
        answers = {}
        for allow, block in (("10.0.0.0/8", ""), ("127.0.0.0/8", ""), ("", "127.0.0.1")):
            api = make_api(app, Guard(1000, 1000), AddressRules(allow, block))
            transport = httpx.ASGITransport(app=api)  # calls come from 127.0.0.1
            async with httpx.AsyncClient(transport=transport, base_url=V1) as client:
                answers[(allow, block)] = await client.get("/sales", headers=reader)
        await app.api_keys.flush_calls()
        return answers, await app.audit.list()

    answers, audit = run_api(tmp_path, scenario)
    outside = answers[("10.0.0.0/8", "")]
    assert outside.status_code == 403
    assert outside.json()["error"]["code"] == "api.address_refused"
    assert outside.json()["error"]["category"] == "security"
    assert answers[("127.0.0.0/8", "")].status_code == 200
    assert answers[("", "127.0.0.1")].status_code == 403
    calls = [e["details"] for e in audit if e["action"] == "api.call"]
    assert sorted(c["status"] for c in calls) == [200, 403, 403]
    assert all(c["client"] == "127.0.0.1" for c in calls)


def test_an_automatic_block_is_kept_listed_and_lifted_at_once(tmp_path):
    async def main():
        app = open_shop(tmp_path / "shop", FakeMint())
        try:
            guard = Guard(1000, 1000, failures=3, failure_window=60, block_seconds=600)
            transport = httpx.ASGITransport(app=make_api(app, guard))
            async with httpx.AsyncClient(transport=transport, base_url=V1) as client:
                reader = bearer(await key(app, "sales:read"))
                wrong = [
                    (await client.get("/sales", headers=bearer("pos_guess"))).status_code
                    for _ in range(3)
                ]
                blocked = await client.get("/sales", headers=reader)
                listed = await app.api_keys.blocks.list()
                await app.api_keys.blocks.unblock("127.0.0.1")
                free = await client.get("/sales", headers=reader)
                with pytest.raises(ValidationError) as twice:
                    await app.api_keys.blocks.unblock("127.0.0.1")
                after = await app.api_keys.blocks.list()
                audit = await app.audit.list()
            return wrong, blocked, listed, free, twice.value, after, audit
        finally:
            await app.aclose()

    wrong, blocked, listed, free, twice, after, audit = asyncio.run(main())
    assert wrong == [401, 401, 401]
    assert blocked.status_code == 429 and blocked.json()["error"]["code"] == "api.blocked"
    assert [(b.address, b.failures, b.until - b.blocked_at) for b in listed] == [
        ("127.0.0.1", 3, 600)
    ]
    assert free.status_code == 200  # the running API let it in at once
    assert twice.code == "api.not_blocked" and after == []
    actions = [(e["action"], e["subject"]) for e in audit if e["action"].startswith("api.addr")]
    assert sorted(actions) == [
        ("api.address_blocked", "127.0.0.1"),
        ("api.address_unblocked", "127.0.0.1"),
    ]


def test_a_block_outlives_a_restart_and_the_lists_apply_on_the_socket(tmp_path):
    port = free_port()

    async def scenario(app, _client, _mint):
        reader = bearer(await key(app, "sales:read"))
        await app.settings.set_many({"api.enabled": True, "api.listen": f"127.0.0.1:{port}"})
        await app.api_keys.record_block("127.0.0.1", 900, 10)  # before the app stopped
        answers = []
        server = await start_api(app)
        assert server is not None
        try:
            async with httpx.AsyncClient(base_url=server.url, trust_env=False) as http:
                answers.append(await http.get("/sales", headers=reader))
                await app.api_keys.blocks.unblock("127.0.0.1")
                answers.append(await http.get("/sales", headers=reader))
        finally:
            await server.stop()
        await app.settings.set_many({"api.block": "127.0.0.0/8"})
        server = await start_api(app)
        assert server is not None
        try:
            async with httpx.AsyncClient(base_url=server.url, trust_env=False) as http:
                answers.append(await http.get("/sales", headers=reader))
        finally:
            await server.stop()
        return answers

    kept, lifted, refused = run_api(tmp_path, scenario)
    assert kept.status_code == 429 and kept.json()["error"]["code"] == "api.blocked"
    assert lifted.status_code == 200
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "api.address_refused"


def test_blocks_are_listed_and_lifted_from_the_command_line(tmp_path):
    async def block() -> None:
        app = open_shop(tmp_path / "shop", FakeMint())
        try:
            await app.api_keys.record_block("192.0.2.7", 900, 10)
        finally:
            await app.aclose()

    asyncio.run(block())
    cli = Cli(tmp_path / "shop", key=DB_KEY)
    listed = cli.ok("api", "blocks", "list")
    assert [(b["address"], b["failures"]) for b in listed] == [("192.0.2.7", 10)]
    assert listed[0]["until"] - listed[0]["blocked_at"] == 900
    lifted = cli.ok("api", "blocks", "unblock", "192.0.2.7")
    assert lifted["address"] == "192.0.2.7"
    assert cli.ok("api", "blocks", "list") == []
    again = cli.run("api", "blocks", "unblock", "192.0.2.7")
    assert again.rc == 1 and again.error_code == "api.not_blocked"
    cli.setup("config", "set", "api.tls", "self_signed")
    shown = cli.ok("api", "status")
    assert shown["url"] == "https://127.0.0.1:8787/api/v1" and shown["tls"] == "self_signed"
    assert len(shown["fingerprint"].split(":")) == 32 and not shown["insecure_network"]
    assert shown["public_url"] is None  # no payments over the network until it is set
    cli.setup("config", "set", "api.public_url", "https://192.0.2.1:8787/api/v1")
    again = cli.ok("api", "status")
    assert again["fingerprint"] == shown["fingerprint"]
    assert again["public_url"] == "https://192.0.2.1:8787"
