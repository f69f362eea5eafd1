"""The shop's Lightning address against a local LNURL-pay server issuing real BOLT11 invoices."""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import bolt11
import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pos_app.core.cashu.bech32m import Variant
from pos_app.core.cashu.bech32m import encode as bech32_encode
from pos_app.core.errors import (
    Category,
    NetworkError,
    PosError,
    ProtocolError,
    SecurityError,
    ValidationError,
)
from pos_app.core.payments.lnurl import (
    MAX_BODY_BYTES,
    ZERO_PREIMAGE,
    Invoice,
    LightningAddress,
    PayParams,
    VerifyResult,
    _host,
    check_preimage,
    is_missing_preimage,
    resolve_address,
)
from tests.support.lnurlserver import ZERO_PAYMENT_HASH, LnurlServer, dead_port
from tests.support.rateserver import RateServer

# FAST for the faults that never answer; PATIENT for every answer the server does give:
# on two busy cores its thread once took over 0.5 s to answer a verify ("timed out").
FAST = httpx.Timeout(0.5, connect=0.5)
PATIENT = httpx.Timeout(10.0)


def wait_for(fault: str) -> httpx.Timeout:
    """How long a request waits when the server has ``fault``."""
    return FAST if fault.endswith("_hang") else PATIENT


def use(
    address: str,
    body: Callable[[LightningAddress], Any],
    *,
    timeout: httpx.Timeout = PATIENT,
    **kwargs: Any,
) -> Any:
    """Run ``body(LightningAddress)`` on a fresh event loop with a proxy-free client."""

    async def main() -> Any:
        async with httpx.AsyncClient(trust_env=False) as http:
            return await body(LightningAddress(http, address, timeout=timeout, **kwargs))

    return asyncio.run(main())


def fails(address: str, body: Callable[[LightningAddress], Any], **kwargs: Any) -> PosError:
    with pytest.raises(PosError) as info:
        use(address, body, **kwargs)
    return info.value


async def params(la: LightningAddress) -> PayParams:
    return await la.params()


def invoice_of(amount: int, comment: str | None = None) -> Callable[[LightningAddress], Any]:
    async def body(la: LightningAddress) -> Invoice:
        return await la.invoice(amount, comment)

    return body


# -- address forms ---------------------------------------------------------------------------------

LUD01_EXAMPLE = (
    "LNURL1DP68GURN8GHJ7UM9WFMXJCM99E3K7MF0V9CXJ0M385EKVCENXC6R2C35XVUKXEFCV5MKVV34X5EKZD3EV56NYD"
    "3HXQURZEPEXEJXXEPNXSCRVWFNV9NXZCN9XQ6XYEFHVGCXXCMYXYMNSERXFQ5FNS"
)


@pytest.mark.parametrize(
    ("address", "url"),
    [
        ("shop@example.com", "https://example.com/.well-known/lnurlp/shop"),
        ("  Shop@Example.COM ", "https://example.com/.well-known/lnurlp/shop"),
        ("lightning:shop@example.com", "https://example.com/.well-known/lnurlp/shop"),
        ("a.b-c_d+e@pay.example.com", "https://pay.example.com/.well-known/lnurlp/a.b-c_d+e"),
        ("shop@127.0.0.1:8080", "http://127.0.0.1:8080/.well-known/lnurlp/shop"),
        ("shop@localhost:8080", "http://localhost:8080/.well-known/lnurlp/shop"),
        ("shop@[::1]:8080", "http://[::1]:8080/.well-known/lnurlp/shop"),
        ("shop@example.com:8443", "https://example.com:8443/.well-known/lnurlp/shop"),
        ("https://example.com/lnurlp/shop?x=1", "https://example.com/lnurlp/shop?x=1"),
        ("http://127.0.0.1:9/lnurlp/shop", "http://127.0.0.1:9/lnurlp/shop"),
        ("lnurlp://example.com/pay/1", "https://example.com/pay/1"),
        ("lnurlp://127.0.0.1:9/pay/1", "http://127.0.0.1:9/pay/1"),
        # LUD-01's own example
        (
            LUD01_EXAMPLE,
            "https://service.com/api?q=3fc3645b439ce8e7f2553a69e5267081d96dcd340693afabe04be7b0ccd178df",
        ),
        (
            "lightning:" + LUD01_EXAMPLE.lower(),
            "https://service.com/api?q=3fc3645b439ce8e7f2553a69e5267081d96dcd340693afabe04be7b0ccd178df",
        ),
    ],
)
def test_resolve_address_forms(address: str, url: str) -> None:
    assert resolve_address(address) == url


def lnurl_of(url: str, hrp: str = "lnurl") -> str:
    return bech32_encode(hrp, url.encode(), Variant.BECH32)


@pytest.mark.parametrize(
    "address",
    [
        "",
        "   ",
        "lightning:",
        "shop",
        "shop@",
        "@example.com",
        "a@b@example.com",
        "sh op@example.com",
        "shop@exa mple.com",
        "shöp@example.com",
        "shop@example.com/path",
        "http://example.com/lnurlp/shop",  # plain http off loopback
        "ftp://example.com/x",
        "https://user:pw@example.com/x",
        "https://",
        "lnurlp://",
        # bracketed hosts that are no IPv6 address, ports out of range (httpx crashes on them)
        "shop@[ab]",
        "shop@[1.2.3.4]",
        "lnurlp://[ab]/x",
        "lnurlp://[::1",
        "lnurlp://a]b/x",
        "https://[::1/x",
        "https://example.com:99999/x",
        "shop@example.com:99999",
        "lnurlp://[::1]:65536/x",
        LUD01_EXAMPLE[:-1] + "T",  # checksum
        LUD01_EXAMPLE[:20] + LUD01_EXAMPLE[20:].lower(),  # mixed case
        lnurl_of("https://example.com/x", hrp="lnurx"),
        lnurl_of("http://example.com/x"),  # decoded URL is plain http off loopback
        bech32_encode("lnurl", b"\xff\xfe", Variant.BECH32),  # not text
        bech32_encode("lnurl", b"https://example.com/x", Variant.BECH32M),  # wrong checksum kind
    ],
)
def test_resolve_address_rejects(address: str) -> None:
    with pytest.raises(ValidationError) as info:
        resolve_address(address)
    assert info.value.code == "lightning.address_invalid"
    assert info.value.category is Category.VALIDATION


def test_resolve_address_rejects_non_text() -> None:
    with pytest.raises(ValidationError):
        resolve_address(None)  # type: ignore[arg-type]


def test_long_lnurl_has_no_bip173_length_limit() -> None:
    url = "https://example.com/lnurlp/" + "x" * 400
    assert len(lnurl_of(url)) > 600
    assert resolve_address(lnurl_of(url).upper()) == url


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_resolve_address_never_crashes(text: str) -> None:
    try:
        url = resolve_address(text)
    except ValidationError as exc:
        assert exc.code == "lightning.address_invalid"
    else:
        assert url.startswith(("https://", "http://"))


# -- pay parameters --------------------------------------------------------------------------------


def test_lud16_params(lnurl_server: LnurlServer) -> None:
    got = use(lnurl_server.address("shop"), params)
    assert got.callback == f"{lnurl_server.base_url}/lnurlp/shop/callback"
    assert (got.min_sendable, got.max_sendable) == (1_000, 100_000_000_000)
    assert (got.min_sat, got.max_sat) == (1, 100_000_000)
    assert got.metadata == lnurl_server.metadata_for("shop")
    assert json.loads(got.metadata)[0] == ["text/plain", "Payment to shop"]
    assert got.description == "Payment to shop"
    assert got.comment_allowed == 0
    assert got.metadata_hash == hashlib.sha256(got.metadata.encode()).hexdigest()
    assert lnurl_server.counts["params"] == 1


def test_lud06_url_and_bech32_lnurl_reach_the_same_service(lnurl_server: LnurlServer) -> None:
    by_url = use(lnurl_server.pay_url("cafe"), params)
    by_lnurl = use(lnurl_server.lnurl("cafe"), params)
    assert by_url == by_lnurl
    assert by_url.description == "Payment to cafe"
    assert lnurl_server.lnurl("cafe").startswith("LNURL1")


def test_msat_range_rounds_inwards(lnurl_server: LnurlServer) -> None:
    lnurl_server.configure("odd", min_sendable=1_500, max_sendable=9_999)
    got = use(lnurl_server.address("odd"), params)
    assert (got.min_sat, got.max_sat) == (2, 9)


@pytest.mark.parametrize(
    ("fault", "code", "category"),
    [
        ("params_500", "lightning.unreachable", Category.NETWORK),
        ("params_hang", "lightning.unreachable", Category.NETWORK),
        ("params_404", "lightning.bad_response", Category.PROTOCOL),
        ("params_error", "lightning.bad_response", Category.PROTOCOL),
        ("params_bad_json", "lightning.bad_response", Category.PROTOCOL),
        ("params_wrong_tag", "lightning.bad_response", Category.PROTOCOL),
        ("params_http_callback", "lightning.address_invalid", Category.VALIDATION),
    ],
)
def test_params_faults(
    lnurl_server: LnurlServer, fault: str, code: str, category: Category
) -> None:
    lnurl_server.configure("shop", fault=fault)
    error = fails(lnurl_server.address("shop"), params, timeout=wait_for(fault))
    assert (error.code, error.category) == (code, category)
    assert error.user_message


def test_lnurl_error_reason_reaches_the_cashier(lnurl_server: LnurlServer) -> None:
    error = fails(lnurl_server.pay_url("shop", fault="params_error"), params)
    assert "Service paused" in error.user_message
    assert error.data["reason"] == "Service paused"


def test_unknown_user_when_names_are_strict(lnurl_server: LnurlServer) -> None:
    lnurl_server.accept_any_name = False
    lnurl_server.configure("known")
    assert use(lnurl_server.address("known"), params).description == "Payment to known"
    error = fails(lnurl_server.address("nobody"), params)
    assert error.code == "lightning.bad_response"
    assert error.data["status"] == 404


def test_unreachable_service() -> None:
    error = fails(f"shop@127.0.0.1:{dead_port()}", params)
    assert isinstance(error, NetworkError)
    assert error.code == "lightning.unreachable"


def pay_request(**fields: Any) -> dict[str, Any]:
    """A valid LUD-06 payRequest with ``fields`` replaced (None: left out)."""
    body = {
        "tag": "payRequest",
        "callback": "https://x",
        "minSendable": 1,
        "maxSendable": 5,
        "metadata": "[]",
    }
    body.update(fields)
    return {k: v for k, v in body.items() if v is not None}


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (pay_request(minSendable=0), "sendable range 0..5 msat"),
        (pay_request(minSendable=10), "sendable range 10..5 msat"),
        (pay_request(minSendable="1"), "minSendable '1' is not a number"),
        (pay_request(minSendable=1.5), "minSendable 1.5 is not whole msat"),
        (pay_request(maxSendable=True), "maxSendable True is not a number"),
        (pay_request(maxSendable=5.5), "maxSendable 5.5 is not whole msat"),
        (pay_request(metadata=["text/plain", "x"]), "payRequest metadata is not a string"),
        (pay_request(callback=None), "payRequest without a callback"),
        (pay_request(callback=""), "payRequest without a callback"),
        (pay_request(callback=5), "payRequest without a callback"),
        (pay_request(tag="withdrawRequest"), "tag 'withdrawRequest' is not payRequest"),
        (pay_request(tag=None), "tag None is not payRequest"),
        (pay_request(commentAllowed="yes"), "commentAllowed 'yes'"),
        (pay_request(commentAllowed=True), "commentAllowed True"),
        (pay_request(commentAllowed=float("inf")), "commentAllowed inf"),
        (pay_request(commentAllowed=float("nan")), "commentAllowed nan"),
        ([1, 2, 3], "answer is not a JSON object"),
    ],
)
def test_malformed_params_are_bad_responses(body: Any, detail: str) -> None:
    with RateServer() as raw:
        url = raw.set("/p", body)
        error = fails(url, params)
    assert isinstance(error, ProtocolError)
    assert error.code == "lightning.bad_response"
    expected = f"127.0.0.1:{raw.port}: {detail}" if isinstance(body, list) else detail
    assert error.detail == expected
    assert error.user_message == (
        "The Lightning address service gave an answer the app cannot use. Try again later "
        "or check the Lightning address in Settings."
    )


def test_plain_http_callback_is_refused_by_name() -> None:
    with RateServer() as raw:
        error = fails(raw.set("/p", pay_request(callback="http://example.com/cb")), params)
    assert (error.code, error.detail) == (
        "lightning.address_invalid",
        "callback 'http://example.com/cb': plain http is allowed for localhost only",
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"minSendable": 1, "maxSendable": 1}, (1, 1, 1, 0, 0)),  # 1 msat is a valid minimum
        ({"minSendable": 1000.0, "maxSendable": 2999.0}, (1000, 2999, 1, 2, 0)),
        ({"commentAllowed": None}, (1, 5, 1, 0, 0)),
        ({"commentAllowed": 0}, (1, 5, 1, 0, 0)),
        ({"commentAllowed": 140}, (1, 5, 1, 0, 140)),
        ({"commentAllowed": 2.0}, (1, 5, 1, 0, 2)),
        ({"commentAllowed": -3}, (1, 5, 1, 0, 0)),
    ],
)
def test_usable_params(fields: dict[str, Any], expected: tuple[int, ...]) -> None:
    with RateServer() as raw:
        got = use(raw.set("/p", pay_request(**fields)), params)
    assert (got.min_sendable, got.max_sendable, got.min_sat, got.max_sat) == expected[:4]
    assert got.comment_allowed == expected[4]
    assert isinstance(got.comment_allowed, int)


def test_no_comment_without_comment_allowed() -> None:
    # LUD-12: a service that does not announce commentAllowed takes no comment.
    with LnurlServer() as ln, RateServer() as raw:
        metadata = "[]"
        pr = ln.make_invoice(
            5000, "ab" * 32, description_hash=hashlib.sha256(metadata.encode()).hexdigest()
        )
        raw.set("/cb", {"pr": pr, "routes": []})
        body = pay_request(callback=raw.url("/cb"), minSendable=1000, maxSendable=10_000)
        use(raw.set("/p", body), invoice_of(5, "thanks"))
        assert raw.log[-1] == "/cb?amount=5000"


@pytest.mark.parametrize(
    ("metadata", "description"),
    [
        (json.dumps([["text/identifier", "shop@x"], ["text/plain", "Coffee"]]), "Coffee"),
        (json.dumps([["text/plain"], ["text/plain", "Tea", "x"], ["text/plain", 7]]), "7"),
        (json.dumps([["image/png;base64", "iVBO"]]), ""),
        (json.dumps({"text/plain": "x"}), ""),
        ("not json", ""),
        ("[" * 100_000, ""),  # too deep to parse
    ],
)
def test_description_is_the_text_plain_entry(metadata: str, description: str) -> None:
    with RateServer() as raw:
        got = use(raw.set("/p", pay_request(metadata=metadata)), params)
    assert got.description == description
    assert got.metadata == metadata


# -- invoices ----------------------------------------------------------------------------------


def test_invoice_is_checked_and_recorded(lnurl_server: LnurlServer) -> None:
    invoice = use(lnurl_server.address("shop"), invoice_of(1234))
    issued = lnurl_server.issued(invoice.payment_hash)
    assert invoice.bolt11 == issued.bolt11
    assert invoice.amount_sat == 1234
    assert issued.amount_msat == 1_234_000
    assert invoice.verify_url == f"{lnurl_server.base_url}/lnurlp/verify/{invoice.payment_hash}"
    metadata = lnurl_server.metadata_for("shop")
    assert invoice.description_hash == hashlib.sha256(metadata.encode()).hexdigest()
    assert invoice.network == "bc"
    assert invoice.payee == lnurl_server.node_id
    assert invoice.expires_at > 0
    assert hashlib.sha256(bytes.fromhex(issued.preimage)).hexdigest() == invoice.payment_hash
    decoded = bolt11.decode(invoice.bolt11)  # a real signed invoice
    assert decoded.amount_msat == 1_234_000
    assert decoded.payee == lnurl_server.node_id
    assert Invoice.from_dict(json.loads(json.dumps(invoice.to_dict()))) == invoice


def test_network_is_recorded_and_optionally_enforced() -> None:
    with LnurlServer(network="bcrt") as regtest:
        assert use(regtest.address(), invoice_of(10)).network == "bcrt"
        assert use(regtest.address(), invoice_of(10), network="bcrt").network == "bcrt"
        error = fails(regtest.address(), invoice_of(10), network="bc")
    assert isinstance(error, SecurityError)
    assert error.code == "lightning.invoice_mismatch"
    assert error.data == {"expected_network": "bc", "invoice_network": "bcrt"}


def test_comment_sent_only_when_allowed_and_cut(lnurl_server: LnurlServer) -> None:
    use(lnurl_server.address("quiet"), invoice_of(5, "hello"))
    assert lnurl_server.invoices()[-1].comment is None
    lnurl_server.configure("chatty", comment_allowed=4)
    use(lnurl_server.address("chatty"), invoice_of(5, "hello"))
    assert lnurl_server.invoices()[-1].comment == "hell"


def test_callback_query_is_kept(lnurl_server: LnurlServer) -> None:
    use(lnurl_server.pay_url("shop", hash="zero", scope="m1"), invoice_of(21))
    issued = lnurl_server.invoices()[-1]
    assert (issued.hash_mode, issued.scope) == ("zero", "m1")
    assert issued.payment_hash == ZERO_PAYMENT_HASH


@pytest.mark.parametrize(("amount", "low", "high"), [(4, 5_000, 10_000), (11, 5_000, 10_999)])
def test_amount_out_of_range(lnurl_server: LnurlServer, amount: int, low: int, high: int) -> None:
    lnurl_server.configure("shop", min_sendable=low, max_sendable=high)
    error = fails(lnurl_server.address("shop"), invoice_of(amount))
    assert isinstance(error, ValidationError)
    assert error.code == "lightning.amount_out_of_range"
    assert error.data == {"amount_sat": amount, "min_sat": 5, "max_sat": 10}
    assert "between 5 and 10 sat" in error.user_message
    assert lnurl_server.counts["callback"] == 0


@pytest.mark.parametrize("amount", [0, -1, True, 1.5])
def test_non_positive_amounts_are_refused(lnurl_server: LnurlServer, amount: Any) -> None:
    error = fails(lnurl_server.address("shop"), invoice_of(amount))
    assert error.code == "lightning.amount_out_of_range"
    assert error.user_message == (
        "The amount to send over Lightning must be a positive number of sat."
    )
    assert lnurl_server.counts["params"] == 0  # refused before asking anyone


def test_one_sat_is_a_positive_amount(lnurl_server: LnurlServer) -> None:
    assert use(lnurl_server.address("shop"), invoice_of(1)).amount_sat == 1


def test_wrong_amount_is_a_security_error(lnurl_server: LnurlServer) -> None:
    lnurl_server.configure("shop", fault="wrong_amount")
    error = fails(lnurl_server.address("shop"), invoice_of(100))
    assert isinstance(error, SecurityError)
    assert (error.code, error.category) == ("lightning.invoice_mismatch", Category.SECURITY)
    assert error.data == {"requested_msat": 100_000, "invoice_msat": 101_000}
    assert "101 sat instead of 100 sat" in error.user_message


@pytest.mark.parametrize(
    ("offset", "shown"),
    [(-1000, "99 sat"), (-1, "99.999 sat"), (1, "100.001 sat"), (1000, "101 sat")],
)
def test_invoice_for_any_other_amount_is_refused(
    lnurl_server: LnurlServer, offset: int, shown: str
) -> None:
    # Less than asked would credit the sale with more than the address received.
    lnurl_server.configure("shop", invoice_offset_msat=offset)
    error = fails(lnurl_server.address("shop"), invoice_of(100))
    assert isinstance(error, SecurityError)
    assert (error.code, error.category) == ("lightning.invoice_mismatch", Category.SECURITY)
    assert error.data == {"requested_msat": 100_000, "invoice_msat": 100_000 + offset}
    assert f"invoice for {shown} instead of 100 sat" in error.user_message
    assert bolt11.decode(lnurl_server.invoices()[-1].bolt11).amount_msat == 100_000 + offset


def test_short_invoice_refusal_in_full(lnurl_server: LnurlServer) -> None:
    lnurl_server.configure("shop", invoice_offset_msat=-1)
    error = fails(lnurl_server.address("shop"), invoice_of(100))
    assert error.user_message == (
        "The Lightning address sent an invoice for 99.999 sat instead of 100 sat. "
        "Nothing was paid; check the Lightning address in Settings."
    )
    assert error.detail == "invoice amount_msat 99999, requested 100000"
    no_amount = fails(lnurl_server.pay_url("shop", fault="no_amount"), invoice_of(100))
    assert "an invoice for no amount instead of 100 sat" in no_amount.user_message


def test_undecodable_invoice_detail_names_the_failure(lnurl_server: LnurlServer) -> None:
    error = fails(lnurl_server.pay_url("shop", fault="bad_invoice"), invoice_of(100))
    assert error.code == "lightning.bad_response"
    assert error.detail.startswith("undecodable invoice: ")
    assert "NoneType" not in error.detail and "lnbc1notaninvoice" not in error.user_message


@pytest.mark.parametrize("payment_hash", ["ab" * 31, "zz" * 32, None])
def test_invoice_with_a_malformed_payment_hash_is_refused(
    lnurl_server: LnurlServer, monkeypatch: pytest.MonkeyPatch, payment_hash: Any
) -> None:
    # bolt11 itself never decodes such an invoice; the check guards against a decoder that would.

    class Decoded:
        def __init__(self, pr: str) -> None:
            self._real = bolt11.decode(pr)
            self.payment_hash = payment_hash

        def __getattr__(self, name: str) -> Any:
            return getattr(self._real, name)

    monkeypatch.setattr("pos_app.core.payments.lnurl.bolt11", SimpleNamespace(decode=Decoded))
    error = fails(lnurl_server.address("shop"), invoice_of(100))
    assert (error.code, error.detail) == (
        "lightning.bad_response",
        f"invoice payment hash {payment_hash!r}",
    )


def test_invoice_for_exactly_the_amount_is_accepted(lnurl_server: LnurlServer) -> None:
    lnurl_server.configure("shop", invoice_offset_msat=0)
    invoice = use(lnurl_server.address("shop"), invoice_of(100))
    assert invoice.amount_sat == 100


def test_amountless_invoice_is_a_mismatch(lnurl_server: LnurlServer) -> None:
    error = fails(lnurl_server.pay_url("shop", fault="no_amount"), invoice_of(100))
    assert error.code == "lightning.invoice_mismatch"
    assert error.data["invoice_msat"] is None


@pytest.mark.parametrize("fault", ["wrong_description_hash", "description"])
def test_description_hash_mismatch(lnurl_server: LnurlServer, fault: str) -> None:
    lnurl_server.configure("shop", fault=fault)
    error = fails(lnurl_server.address("shop"), invoice_of(100))
    assert isinstance(error, SecurityError)
    assert error.code == "lightning.invoice_mismatch"
    expected = hashlib.sha256(lnurl_server.metadata_for("shop").encode()).hexdigest()
    assert error.data["expected_description_hash"] == expected
    assert error.data["invoice_description_hash"] != expected


@pytest.mark.parametrize(
    ("fault", "code"),
    [
        ("expired", "lightning.bad_response"),
        ("bad_invoice", "lightning.bad_response"),
        ("callback_error", "lightning.bad_response"),
        ("callback_500", "lightning.unreachable"),
        ("callback_hang", "lightning.unreachable"),
        ("unreachable_callback", "lightning.unreachable"),
    ],
)
def test_callback_faults(lnurl_server: LnurlServer, fault: str, code: str) -> None:
    lnurl_server.configure("shop", fault=fault)
    assert (
        fails(lnurl_server.address("shop"), invoice_of(100), timeout=wait_for(fault)).code == code
    )


def test_expiry_uses_the_clock(lnurl_server: LnurlServer) -> None:
    invoice = use(lnurl_server.address("shop"), invoice_of(100))
    error = fails(
        lnurl_server.address("shop"), invoice_of(100), clock=lambda: invoice.expires_at + 1
    )
    assert error.code == "lightning.bad_response"
    assert "expired" in error.user_message


def test_unusable_verify_url_is_dropped() -> None:
    with LnurlServer() as ln, RateServer() as raw:
        metadata = "[]"
        pr = ln.make_invoice(
            5000, "ab" * 32, description_hash=hashlib.sha256(metadata.encode()).hexdigest()
        )
        raw.set("/cb", {"pr": pr, "routes": [], "verify": "http://example.com/verify"})
        url = raw.set(
            "/p",
            {"tag": "payRequest", "callback": raw.url("/cb"), "minSendable": 1000,
             "maxSendable": 10_000, "metadata": metadata},
        )  # fmt: skip
        invoice = use(url, invoice_of(5))
    assert invoice.payment_hash == "ab" * 32
    assert invoice.verify_url is None


# -- LUD-21 verify -------------------------------------------------------------------------------


def test_verify_flow(lnurl_server: LnurlServer) -> None:
    async def body(la: LightningAddress) -> tuple[Invoice, VerifyResult, VerifyResult]:
        invoice = await la.invoice(50)
        before = await la.verify(invoice)
        lnurl_server.mark_paid(invoice.payment_hash)
        return invoice, before, await la.verify(invoice)

    invoice, before, after = use(lnurl_server.address("shop"), body)
    assert before == VerifyResult(settled=False, preimage=None, proven=False)
    assert not before.paid
    assert after.settled and after.proven and after.paid
    assert after.preimage == lnurl_server.issued(invoice.payment_hash).preimage
    assert check_preimage(after.preimage, invoice.payment_hash)
    assert lnurl_server.issued(invoice.payment_hash).verify_requests == 2


def test_verify_auto_settle_and_http_mark_paid(lnurl_server: LnurlServer) -> None:
    async def body(la: LightningAddress) -> tuple[VerifyResult, VerifyResult]:
        auto = await la.invoice(7)
        manual = await LightningAddress(la._http, lnurl_server.address("manual")).invoice(8)
        response = await la._http.post(f"{lnurl_server.base_url}/_test/paid/{manual.payment_hash}")
        assert response.status_code == 200
        return await la.verify(auto), await la.verify(manual)

    lnurl_server.configure("auto", settle="auto")
    auto, manual = use(lnurl_server.address("auto"), body)
    assert auto.proven and manual.proven


def test_verify_zero_hash_invoice_is_proven_by_zero_preimage(lnurl_server: LnurlServer) -> None:
    async def body(la: LightningAddress) -> VerifyResult:
        invoice = await la.invoice(21)
        lnurl_server.mark_paid(invoice.payment_hash)
        return await la.verify(invoice)

    result = use(lnurl_server.pay_url("shop", hash="zero"), body)
    assert result == VerifyResult(settled=True, preimage=ZERO_PREIMAGE, proven=True)


def test_verify_zero_placeholder_is_no_proof(lnurl_server: LnurlServer) -> None:
    async def body(la: LightningAddress) -> VerifyResult:
        return await la.verify(await la.invoice(21))

    result = use(lnurl_server.pay_url("shop", fault="verify_zero_preimage"), body)
    assert result == VerifyResult(settled=True, preimage=None, proven=False)
    assert result.paid  # by the service's word only


def test_verify_wrong_preimage_is_a_security_error(lnurl_server: LnurlServer) -> None:
    async def body(la: LightningAddress) -> VerifyResult:
        return await la.verify(await la.invoice(21))

    error = fails(lnurl_server.pay_url("shop", fault="verify_wrong_preimage"), body)
    assert isinstance(error, SecurityError)
    assert error.code == "lightning.preimage_mismatch"


def test_verify_about_another_invoice(lnurl_server: LnurlServer) -> None:
    async def body(la: LightningAddress) -> VerifyResult:
        return await la.verify(await la.invoice(21))

    assert fails(lnurl_server.pay_url("shop", fault="verify_other_pr"), body).code == (
        "lightning.invoice_mismatch"
    )


def test_verify_unavailable_and_failing(lnurl_server: LnurlServer) -> None:
    async def body(la: LightningAddress) -> VerifyResult:
        invoice = await la.invoice(21)
        assert invoice.verify_url is None
        return await la.verify(invoice)

    error = fails(lnurl_server.pay_url("shop", fault="no_verify"), body)
    assert error.code == "lightning.verify_unsupported"

    async def body500(la: LightningAddress) -> VerifyResult:
        return await la.verify(await la.invoice(21))

    assert fails(lnurl_server.pay_url("shop", fault="verify_500"), body500).code == (
        "lightning.unreachable"
    )


@pytest.mark.parametrize(
    "answer",
    [
        {"status": "OK", "preimage": None},
        {"status": "OK", "settled": "yes"},
        {"status": "OK", "settled": True, "preimage": 5},
        {"status": "ERROR", "reason": "Not found"},
    ],
)
def test_verify_malformed_answers(answer: dict[str, Any]) -> None:
    with RateServer() as raw:
        verify = raw.set("/v", answer)
        invoice = Invoice("lnbc1x", "ab" * 32, 1, verify, "cd" * 32)

        async def body(la: LightningAddress) -> VerifyResult:
            return await la.verify(invoice)

        error = fails(raw.url("/unused"), body)
    assert error.code == "lightning.bad_response"


# -- preimages -----------------------------------------------------------------------------------


def test_check_preimage() -> None:
    preimage = bytes(range(32)).hex()
    payment_hash = hashlib.sha256(bytes(range(32))).hexdigest()
    assert check_preimage(preimage, payment_hash)
    assert check_preimage(preimage.upper(), payment_hash.upper())
    assert not check_preimage(preimage, "00" * 32)
    assert not check_preimage(None, payment_hash)
    assert not check_preimage("", payment_hash)
    assert not check_preimage("zz" * 32, payment_hash)
    assert not check_preimage(preimage[:-2], payment_hash)
    assert not check_preimage(preimage, payment_hash[:-2])
    assert not check_preimage(preimage, None)
    # the zero placeholder proves only the test-only invoice whose hash is sha256(zeros)
    assert not check_preimage(ZERO_PREIMAGE, payment_hash)
    assert check_preimage(ZERO_PREIMAGE, ZERO_PAYMENT_HASH)


def test_is_missing_preimage() -> None:
    assert is_missing_preimage(None)
    assert is_missing_preimage("")
    assert is_missing_preimage("00" * 32)
    assert is_missing_preimage(" " + "00" * 32 + " ")
    assert not is_missing_preimage("00" * 31 + "01")
    assert not is_missing_preimage(bytes(range(32)).hex())


# -- the test server itself (the sales tests rely on these modes) ----------------------------------


def test_zero_once_per_scope(lnurl_server: LnurlServer) -> None:
    lnurl_server.set_default(hash="zero_once")

    def take(scope: str) -> str:
        use(lnurl_server.pay_url("shop", scope=scope), invoice_of(10))
        return lnurl_server.invoices()[-1].hash_mode

    assert [take("mintA"), take("mintA"), take("mintB"), take("mintA")] == [
        "zero",
        "random",
        "zero",
        "random",
    ]
    lnurl_server.reset_zero("mintA")
    assert take("mintA") == "zero"
    hashes = [i.payment_hash for i in lnurl_server.invoices()]
    assert hashes.count(ZERO_PAYMENT_HASH) == 3
    assert len(set(hashes)) == 3  # the zero hash + two random ones


def test_invoice_list_over_http(lnurl_server: LnurlServer) -> None:
    async def body(la: LightningAddress) -> list[dict[str, Any]]:
        await la.invoice(3)
        await la.invoice(4)
        return (await la._http.get(f"{lnurl_server.base_url}/_test/invoices")).json()

    listed = use(lnurl_server.address("shop"), body)
    assert [i["amount_msat"] for i in listed] == [3000, 4000]
    assert all(len(i["preimage"]) == 64 for i in listed)


def test_make_invoice_is_signed_by_the_node_key() -> None:
    key = "11" * 32
    with LnurlServer(node_key=key) as s:
        pr = s.make_invoice(21_000, "cd" * 32, description_hash="ef" * 32)
    decoded = bolt11.decode(pr)
    assert decoded.payee == s.node_id
    assert s.node_id == "034f355bdcb7cc0af728ef3cceb9615d90684bb5b2ca5f859ab0f0b704075871aa"
    assert (decoded.amount_msat, decoded.payment_hash) == (21_000, "cd" * 32)
    assert decoded.description_hash == "ef" * 32
    assert pr.startswith("lnbc210n1")


def test_owned_client_is_closed(lnurl_server: LnurlServer) -> None:
    async def main() -> None:
        la = LightningAddress(None, lnurl_server.address(), trust_env=False)
        assert (await la.params()).description == "Payment to shop"
        await la.aclose()
        assert la._http.is_closed

    asyncio.run(main())


@pytest.mark.parametrize(("low", "high"), [(5_000, 100_000), (1_000, 5_000), (5_000, 5_000)])
def test_sendable_range_is_inclusive(lnurl_server: LnurlServer, low: int, high: int) -> None:
    lnurl_server.configure("shop", min_sendable=low, max_sendable=high)
    assert use(lnurl_server.address("shop"), invoice_of(5)).amount_sat == 5


def test_out_of_range_detail(lnurl_server: LnurlServer) -> None:
    lnurl_server.configure("shop", min_sendable=5_000, max_sendable=9_000)
    error = fails(lnurl_server.address("shop"), invoice_of(10))
    assert error.detail == "amount 10000 msat, range 5000..9000 msat"
    assert error.data == {"amount_sat": 10, "min_sat": 5, "max_sat": 9}


def test_one_character_comment(lnurl_server: LnurlServer) -> None:
    lnurl_server.configure("tiny", comment_allowed=1)
    use(lnurl_server.address("tiny"), invoice_of(5, "hello"))
    assert lnurl_server.invoices()[-1].comment == "h"


@pytest.mark.parametrize(("margin", "ok"), [(-1, True), (0, False), (1, False)])
def test_invoice_expiring_now_is_refused(lnurl_server: LnurlServer, margin: int, ok: bool) -> None:
    def clock() -> float:
        decoded = bolt11.decode(lnurl_server.invoices()[-1].bolt11)
        return int(decoded.date) + int(decoded.expiry) + margin

    if ok:
        assert use(lnurl_server.address("shop"), invoice_of(5), clock=clock).amount_sat == 5
        return
    error = fails(lnurl_server.address("shop"), invoice_of(5), clock=clock)
    expires_at = int(clock()) - margin
    assert (error.code, error.detail, error.data) == (
        "lightning.bad_response",
        f"invoice expired at {expires_at}",
        {"expires_at": expires_at},
    )
    assert error.user_message == (
        "The Lightning address sent an invoice that has already expired. Try again."
    )


def test_mismatch_messages_in_full(lnurl_server: LnurlServer) -> None:
    lnurl_server.configure("shop", fault="wrong_description_hash")
    error = fails(lnurl_server.address("shop"), invoice_of(100))
    assert error.user_message == (
        "The Lightning address sent an invoice that does not match its own "
        "description, so it may pay someone else. Nothing was paid; check the "
        "Lightning address in Settings."
    )
    got = hashlib.sha256(b"someone else's metadata").hexdigest()
    expected = hashlib.sha256(lnurl_server.metadata_for("shop").encode()).hexdigest()
    assert error.detail == f"description_hash {got!r}, sha256(metadata) {expected}"
    assert error.data["invoice_description_hash"] == got
    with LnurlServer(network="bcrt") as regtest:
        other = fails(regtest.address(), invoice_of(10), network="bc")
    assert other.user_message == (
        "The Lightning address sent an invoice for another network (bcrt). Nothing was paid."
    )
    assert other.detail == "invoice network 'bcrt', expected 'bc'"


def test_callback_without_an_invoice(lnurl_server: LnurlServer, monkeypatch) -> None:
    async def no_pr(self, url: str) -> dict[str, Any]:
        return {"routes": []} if "callback" in url else await real(self, url)

    real = LightningAddress._get_json
    monkeypatch.setattr(LightningAddress, "_get_json", no_pr)
    error = fails(lnurl_server.address("shop"), invoice_of(5))
    assert (error.code, error.detail) == (
        "lightning.bad_response",
        "callback answer has no pr: {'routes': []}",
    )


@pytest.mark.parametrize(
    ("verify", "expected_log"),
    [
        ("http://example.com/verify", "ignoring unusable LUD-21 verify URL: "),
        (123, None),
        ("", None),
    ],
)
def test_unusable_verify_url_is_ignored(
    lnurl_server: LnurlServer, monkeypatch, caplog, verify: Any, expected_log: str | None
) -> None:
    async def odd_verify(self, url: str) -> dict[str, Any]:
        data = await real(self, url)
        return {**data, "verify": verify} if "callback" in url else data

    real = LightningAddress._get_json
    monkeypatch.setattr(LightningAddress, "_get_json", odd_verify)
    with caplog.at_level("WARNING", logger="pos_app.core.payments.lnurl"):
        invoice = use(lnurl_server.address("shop"), invoice_of(5))
    assert invoice.verify_url is None
    warnings = [r.getMessage() for r in caplog.records if r.name == "pos_app.core.payments.lnurl"]
    if expected_log is None:
        assert warnings == []
    else:
        assert warnings == [
            f"{expected_log}verify URL {verify!r}: plain http is allowed for localhost only"
        ]


def test_callback_with_a_non_text_invoice(lnurl_server: LnurlServer, monkeypatch) -> None:
    async def number_pr(self, url: str) -> dict[str, Any]:
        return {"pr": 123} if "callback" in url else await real(self, url)

    real = LightningAddress._get_json
    monkeypatch.setattr(LightningAddress, "_get_json", number_pr)
    error = fails(lnurl_server.address("shop"), invoice_of(5))
    assert error.detail == "callback answer has no pr: {'pr': 123}"


def test_non_positive_amount_detail(lnurl_server: LnurlServer) -> None:
    assert fails(lnurl_server.address("shop"), invoice_of(-3)).detail == "amount -3"


# -- what the cashier and the log are told -------------------------------------------------------

UNREACHABLE = (
    "The Lightning address service cannot be reached. Check the internet connection and try again."
)


def test_unreachable_errors_name_the_host_and_the_url(lnurl_server: LnurlServer) -> None:
    port = dead_port()
    error = fails(f"shop@127.0.0.1:{port}", params)
    assert error.user_message == UNREACHABLE
    assert error.detail.startswith(f"127.0.0.1:{port}: ConnectError: ")
    assert error.data == {"url": f"http://127.0.0.1:{port}/.well-known/lnurlp/shop"}
    host = f"127.0.0.1:{lnurl_server.port}"
    url = f"{lnurl_server.base_url}/.well-known/lnurlp/shop"
    lnurl_server.configure("shop", fault="params_500")
    error = fails(lnurl_server.address("shop"), params)
    assert (error.user_message, error.detail) == (UNREACHABLE, f"{host}: HTTP 500")
    assert error.data == {"url": url, "status": 500}
    lnurl_server.configure("shop", fault="params_hang")
    error = fails(lnurl_server.address("shop"), params, timeout=FAST)
    assert (error.detail, error.data) == (f"{host}: timed out", {"url": url})


@pytest.mark.parametrize(
    ("address", "detail"),
    [
        (LUD01_EXAMPLE[:-1] + "T", "lnurl: checksum mismatch"),
        (LUD01_EXAMPLE[:20] + LUD01_EXAMPLE[20:].lower(), "lnurl: mixed case"),
        (lnurl_of("https://example.com/x", hrp="lnurl1x"), "bech32 prefix 'lnurl1x' is not lnurl"),
        (bech32_encode("lnurl", b"\xff\xfe", Variant.BECH32), "lnurl does not contain text"),
        (
            lnurl_of("http://example.com/x"),
            "lnurl 'http://example.com/x': plain http is allowed for localhost only",
        ),
        (
            lnurl_of("https://u:p@example.com/x"),
            "lnurl 'https://u:p@example.com/x' carries credentials",
        ),
    ],
)
def test_bad_lnurl_detail_says_why(address: str, detail: str) -> None:
    with pytest.raises(ValidationError) as info:
        resolve_address(address)
    assert (info.value.code, info.value.detail) == ("lightning.address_invalid", detail)
    assert info.value.user_message == (
        "The Lightning address is not valid. Use name@example.com or an LNURL; check it in Settings."
    )


def test_a_short_preimage_proves_nothing_even_when_it_hashes_to_the_hash() -> None:
    # BOLT11 preimages are 32 bytes; a 31-byte one is not a payment proof.
    short = bytes(range(31))
    assert not check_preimage(short.hex(), hashlib.sha256(short).hexdigest())


def test_callback_query_with_blank_values_is_kept() -> None:
    # LUD-06: the callback's own query goes back to the service as it was given.
    with LnurlServer() as ln, RateServer() as raw:
        metadata = "[]"
        pr = ln.make_invoice(
            5000, "ab" * 32, description_hash=hashlib.sha256(metadata.encode()).hexdigest()
        )
        raw.set("/cb", {"pr": pr, "routes": []})
        url = raw.set(
            "/p",
            {"tag": "payRequest", "callback": raw.url("/cb?tag=&k=v"), "minSendable": 1000,
             "maxSendable": 10_000, "metadata": metadata},
        )  # fmt: skip
        use(url, invoice_of(5))
        assert raw.log[-1] == "/cb?tag=&k=v&amount=5000"


def test_damaged_stored_invoice_is_refused() -> None:
    invoice = Invoice("lnbc1x", "ab" * 32, 1, None, "cd" * 32)
    record = invoice.to_dict()
    del record["bolt11"]
    with pytest.raises(ValidationError) as info:
        Invoice.from_dict(record)
    assert info.value.code == "lightning.invoice_invalid"
    assert info.value.user_message == "The stored Lightning invoice is damaged."
    assert "'bolt11'" in info.value.detail
    assert Invoice.from_dict({**invoice.to_dict(), "unknown": 1}) == invoice


def verify_with(answer: dict[str, Any], invoice: Invoice | None = None) -> Any:
    """``verify`` of ``invoice`` against a raw verify URL answering ``answer``: result or error."""
    with RateServer() as raw:
        verify = raw.set("/v", answer)
        checked = Invoice("lnbc1x", "ab" * 32, 1, verify, "cd" * 32) if invoice is None else invoice

        async def body(la: LightningAddress) -> VerifyResult:
            return await la.verify(checked)

        try:
            return use(raw.url("/unused"), body)
        except PosError as exc:
            return exc


def test_verify_refusals_in_full(lnurl_server: LnurlServer) -> None:
    error = verify_with({}, Invoice("lnbc1x", "ab" * 32, 1, None, "cd" * 32))
    assert (error.code, error.user_message, error.detail) == (
        "lightning.verify_unsupported",
        "The Lightning address cannot confirm payments; check the Lightning wallet.",
        f"no verify URL for {'ab' * 32}",
    )
    answer = {"status": "OK", "settled": "yes"}
    assert verify_with(answer).detail == f"verify answer without a settled flag: {answer!r}"
    assert verify_with({"status": "OK", "settled": True, "preimage": 5}).detail == (
        "verify preimage 5"
    )
    other = verify_with({"status": "OK", "settled": True, "pr": "lnbc1other"})
    assert isinstance(other, SecurityError)
    assert (other.code, other.user_message, other.detail) == (
        "lightning.invoice_mismatch",
        "The Lightning address answered about another invoice. Check the Lightning wallet.",
        f"verify pr differs for {'ab' * 32}",
    )


def test_verify_false_proof_in_full() -> None:
    error = verify_with({"status": "OK", "settled": True, "preimage": " " + "1F" * 32})
    assert isinstance(error, SecurityError)
    assert error.code == "lightning.preimage_mismatch"
    assert error.user_message == (
        "The Lightning address reported a payment proof that is not valid. "
        "Check the Lightning wallet before handing over goods."
    )
    assert error.detail == f"sha256({'1f' * 32}) != {'ab' * 32}"
    assert error.data == {"payment_hash": "ab" * 32}


def test_verify_accepts_its_own_invoice_in_any_case_and_a_proof_in_upper_case() -> None:
    preimage = bytes(range(32))
    payment_hash = hashlib.sha256(preimage).hexdigest()
    invoice = Invoice("lnbc1abc", payment_hash, 1, None, "cd" * 32)
    answer = {
        "status": "OK",
        "settled": False,
        "pr": " LNBC1ABC ",
        "preimage": preimage.hex().upper(),
    }
    with RateServer() as raw:
        checked = Invoice(**{**invoice.to_dict(), "verify_url": raw.set("/v", answer)})

        async def body(la: LightningAddress) -> VerifyResult:
            return await la.verify(checked)

        result = use(raw.url("/unused"), body)
    assert result == VerifyResult(settled=False, preimage=preimage.hex(), proven=True)
    assert result.paid  # proven, whatever the service says


def test_answer_text_in_details_is_bounded(lnurl_server: LnurlServer, monkeypatch) -> None:
    answer = {"routes": ["x" * 300]}

    async def long_answer(self, url: str) -> dict[str, Any]:
        return answer if "callback" in url else await real(self, url)

    real = LightningAddress._get_json
    monkeypatch.setattr(LightningAddress, "_get_json", long_answer)
    error = fails(lnurl_server.address("shop"), invoice_of(5))
    assert error.detail == "callback answer has no pr: " + repr(answer)[:200]


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://pay.example.com:8443/lnurlp/shop?x=1", "pay.example.com:8443"),
        ("https:///" + "p" * 100, ("https:///" + "p" * 100)[:80]),  # no host: the URL, cut
        ("https://[::1/" + "p" * 100, ("https://[::1/" + "p" * 100)[:80]),  # unparsable
    ],
)
def test_log_details_name_the_host(url: str, shown: str) -> None:
    assert _host(url) == shown


def test_the_request_timeout_holds_when_the_shared_client_has_none() -> None:
    async def main(url: str) -> PosError:
        async with httpx.AsyncClient(timeout=None, trust_env=False) as http:
            with pytest.raises(PosError) as info:
                await LightningAddress(http, url, timeout=FAST).params()
            return info.value

    with RateServer(hang_seconds=5) as raw:
        url = raw.fail("/p", "hang")
        started = time.monotonic()
        error = asyncio.run(main(url))
        elapsed = time.monotonic() - started
    assert (error.code, error.detail) == (
        "lightning.unreachable",
        f"127.0.0.1:{raw.port}: timed out",
    )
    assert error.data == {"url": url}
    assert elapsed < 3


@pytest.mark.parametrize(("extra", "ok"), [(0, True), (1, False)])
def test_answers_up_to_a_megabyte_are_read_whole(extra: int, ok: bool) -> None:
    base = json.dumps(pay_request(metadata=""))
    size = MAX_BODY_BYTES + extra
    body = json.dumps(pay_request(metadata="x" * (size - len(base)))).encode()
    assert len(body) == size
    with RateServer() as raw:
        url = raw.set("/p", body)
        if ok:
            assert len(use(url, params).metadata) == size - len(base)
            return
        error = fails(url, params)
    assert (error.code, error.detail) == (
        "lightning.bad_response",
        f"127.0.0.1:{raw.port}: answer larger than {MAX_BODY_BYTES}",
    )


@pytest.mark.parametrize(
    ("answer", "status", "reason", "shown"),
    [
        ({"status": "ERROR"}, 200, "no reason given", "no reason given"),
        ({"status": "ERROR", "reason": ""}, 200, "no reason given", "no reason given"),
        ({"status": "ERROR", "reason": 5}, 400, "no reason given", "no reason given"),
        (
            {"status": "error", "reason": "Paused\n  for now"},
            400,
            "Paused\n  for now",
            "Paused for now",
        ),
        ({"status": "ERROR", "reason": "r" * 700}, 200, "r" * 500, "r" * 120),
    ],
)
def test_lnurl_error_answers(answer: dict[str, Any], status: int, reason: str, shown: str) -> None:
    with RateServer() as raw:
        url = raw.set("/p", answer, status=status)
        error = fails(url, params)
    assert isinstance(error, ProtocolError)
    assert error.code == "lightning.bad_response"
    assert error.user_message == f"The Lightning address service refused: {shown}"
    assert error.data == {"status": status, "reason": reason}
    assert error.detail == f"127.0.0.1:{raw.port}: HTTP {status}: ERROR {reason!r}"


@pytest.mark.parametrize("answer", [{"status": "OK"}, {"status": None}, {"reason": "x"}])
def test_a_status_other_than_error_is_no_refusal(answer: dict[str, Any]) -> None:
    with RateServer() as raw:
        error = fails(raw.set("/p", answer), params)
    assert error.detail == "tag None is not payRequest"


def test_http_error_without_an_lnurl_reason() -> None:
    with RateServer() as raw:
        error = fails(raw.fail("/p", "404"), params)
    assert isinstance(error, ProtocolError)
    assert (error.code, error.detail) == (
        "lightning.bad_response",
        f"127.0.0.1:{raw.port}: HTTP 404",
    )
    assert error.data == {"status": 404}


def test_an_owned_client_goes_through_the_proxy_of_the_environment(
    lnurl_server: LnurlServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A shop behind a proxy sets it in the environment; the app's own client must use it.
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "HTTPS_PROXY", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{dead_port()}")

    async def main(**kwargs: Any) -> Any:
        la = LightningAddress(None, lnurl_server.address(), timeout=PATIENT, **kwargs)
        try:
            return await la.params()
        except PosError as exc:
            return exc
        finally:
            await la.aclose()

    assert asyncio.run(main()).code == "lightning.unreachable"  # the dead proxy
    assert asyncio.run(main(trust_env=False)).description == "Payment to shop"


LONG = "https://example.com/" + "p" * 300


@pytest.mark.parametrize(
    ("address", "detail"),
    [
        (None, "expected text, got NoneType"),
        (5, "expected text, got int"),
        ("  ", "empty address"),
        ("LIGHTNING:", "empty address"),
        ("shop", "'shop' is not a Lightning address or LNURL"),
        ("sh op@example.com", "'sh op@example.com' is not name@host"),
        ("x" * 300, f"{'x' * 200!r} is not a Lightning address or LNURL"),
        ("@" + "x" * 300, f"{'@' + 'x' * 199!r} is not name@host"),
        ("ftp://example.com/x", "address 'ftp://example.com/x' is not an https URL"),
        ("https://", "address 'https://' is not an https URL"),
        ("https://user@example.com/x", "address 'https://user@example.com/x' carries credentials"),
        ("https://:pw@example.com/x", "address 'https://:pw@example.com/x' carries credentials"),
        (
            "lnurlp://u:p@example.com/x",
            "address 'https://u:p@example.com/x' carries credentials",
        ),
        (
            "http://example.com/x",
            "address 'http://example.com/x': plain http is allowed for localhost only",
        ),
        ("https://[::1/x", "address 'https://[::1/x': Invalid IPv6 URL"),
        # urlsplit would drop the \r and read https (found by the fuzz test)
        (
            "h\rttps://pay.example/x",
            "address 'h\\rttps://pay.example/x' contains spaces or control characters",
        ),
        (
            "https://pay.example/a b",
            "address 'https://pay.example/a b' contains spaces or control characters",
        ),
        (
            "https://example.com:99999/x",
            "address 'https://example.com:99999/x': Port out of range 0-65535",
        ),
        (
            "shop@[ab]",
            "address 'https://[ab]/.well-known/lnurlp/shop': "
            "'ab' does not appear to be an IPv4 or IPv6 address",
        ),
        (
            "lnurlp://[ab]/x",
            "address 'https://[ab]/x': 'ab' does not appear to be an IPv4 or IPv6 address",
        ),
        ("ftp" + LONG[5:], f"address {('ftp' + LONG[5:])[:200]!r} is not an https URL"),
        ("http" + LONG[5:], f"address {('http' + LONG[5:])[:200]!r}: plain http is allowed "
         "for localhost only"),
        ("https://u@" + LONG[8:], f"address {('https://u@' + LONG[8:])[:200]!r} carries credentials"),
        ("https://[" + LONG[8:], f"address {('https://[' + LONG[8:])[:200]!r}: Invalid IPv6 URL"),
    ],
)  # fmt: skip
def test_refused_address_detail_says_why(address: Any, detail: str) -> None:
    with pytest.raises(ValidationError) as info:
        resolve_address(address)
    assert (info.value.code, info.value.detail) == ("lightning.address_invalid", detail)


@pytest.mark.parametrize(
    ("address", "url"),
    [
        ("LIGHTNING:SHOP@EXAMPLE.COM", "https://example.com/.well-known/lnurlp/shop"),
        ("LNURLP://example.com/x", "https://example.com/x"),
        ("lnurlp://localhost:8080/x", "http://localhost:8080/x"),
        ("lnurlp://[::1]/x", "http://[::1]/x"),
        ("shop@localhost", "http://localhost/.well-known/lnurlp/shop"),
        ("shop@127.0.0.2", "http://127.0.0.2/.well-known/lnurlp/shop"),
        ("shop@127.example.com", "https://127.example.com/.well-known/lnurlp/shop"),
        ("https://localhost/x", "https://localhost/x"),
        ("http://localhost/x", "http://localhost/x"),
        ("https://example.com:65535/x", "https://example.com:65535/x"),
    ],
)
def test_more_address_forms(address: str, url: str) -> None:
    assert resolve_address(address) == url


def test_lightning_address_keeps_what_it_was_given(lnurl_server: LnurlServer) -> None:
    async def main() -> None:
        async with httpx.AsyncClient(trust_env=False) as http:
            la = LightningAddress(http, f"  {lnurl_server.address('shop')}\n", network="bcrt")
            assert la.address == lnurl_server.address("shop")
            assert la.url == f"{lnurl_server.base_url}/.well-known/lnurlp/shop"
            assert la.network == "bcrt"
            await la.aclose()  # a shared client stays open for its owner
            assert not http.is_closed
            assert (await la.params()).description == "Payment to shop"

    asyncio.run(main())
    for network in ("bc", "tb", "bcrt", "tbs", None):
        assert LightningAddress(None, "shop@example.com", network=network).network == network
    with pytest.raises(ValueError, match="unknown network 'lnbc'"):
        LightningAddress(None, "shop@example.com", network="lnbc")
    for unusable in ("shop@[ab]", None, 5):
        with pytest.raises(ValidationError):
            LightningAddress(None, unusable)  # type: ignore[arg-type]
