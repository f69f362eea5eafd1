"""The mint pool's one TLS context: httpx's own, made once, on a thread, before it is needed."""

from __future__ import annotations

import asyncio
import ssl

import httpx
import pytest

from pos_app.core.mint.client import MintPool


def counting(monkeypatch) -> list[dict[str, object]]:
    made: list[dict[str, object]] = []
    real = httpx.create_ssl_context

    def create_ssl_context(**kwargs: object) -> ssl.SSLContext:
        made.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(httpx, "create_ssl_context", create_ssl_context)
    return made


def test_every_mint_shares_one_verifying_context(monkeypatch):
    made = counting(monkeypatch)
    for trust_env in (False, True):
        pool = MintPool(trust_env=trust_env)
        a, b = pool.get("https://mint-a.example"), pool.get("https://mint-b.example:3338")
        assert a is not b
        context = pool._tls.result()
        assert (context.verify_mode, context.check_hostname) == (ssl.CERT_REQUIRED, True)
        asyncio.run(pool.aclose())
    assert made == [{"trust_env": False}, {"trust_env": True}]  # once per pool, as httpx would


def test_an_unusable_ca_setting_fails_where_the_client_would(monkeypatch, tmp_path):
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "missing.pem"))
    pool = MintPool(trust_env=True)
    with pytest.raises(OSError):  # as httpx.AsyncClient() itself raises it
        pool.get("https://mint.example")


def test_an_injected_transport_needs_no_context(monkeypatch):
    made = counting(monkeypatch)
    pool = MintPool(trust_env=False, transport=httpx.MockTransport(lambda r: httpx.Response(200)))
    pool.get("https://mint.example")
    asyncio.run(pool.aclose())
    assert made == []
